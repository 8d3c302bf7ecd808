//! The target databases.

use std::fmt;

/// A database dialect a query can be rendered for.
///
/// One query renders for each; the differences between them are the renderer's business:
///
/// ```
/// use cte_runtime::{select, Dialect};
///
/// let id = 7;
/// let q = select! { SELECT name || "!" AS shout FROM t WHERE id = {id} };
/// assert_eq!(
///     q.render(Dialect::Postgres)?.sql(),
///     "SELECT name || '!' AS shout FROM t WHERE id = CAST($1 AS BIGINT)"
/// );
/// assert_eq!(q.render(Dialect::MySql)?.sql(), "SELECT CONCAT(name, '!') AS shout FROM t WHERE id = ?");
/// for dialect in Dialect::ALL {
///     assert_eq!(q.render(dialect)?.params(), &[cte_runtime::Value::I64(7)]);
/// }
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// PostgreSQL 12 and later.
    Postgres,
    /// MySQL 8.0 and later.
    MySql,
    /// MariaDB 10.11 and later.
    MariaDb,
    /// SQLite 3.35 and later.
    Sqlite,
    /// Microsoft SQL Server 2019 and later.
    MsSql,
}

impl Dialect {
    /// Every dialect, in a fixed order.
    ///
    /// ```
    /// use cte_runtime::{select, Dialect};
    ///
    /// let q = select! { SELECT name FROM t WHERE name || "!" = {"hi!"} };
    /// for dialect in Dialect::ALL {
    ///     println!("{:<11} {}", dialect.name(), q.render(dialect)?.sql());
    /// }
    /// assert_eq!(Dialect::ALL[Dialect::Sqlite.index()], Dialect::Sqlite);
    /// # Ok::<(), cte_runtime::RenderError>(())
    /// ```
    pub const ALL: [Dialect; 5] = [
        Dialect::Postgres,
        Dialect::MySql,
        Dialect::MariaDb,
        Dialect::Sqlite,
        Dialect::MsSql,
    ];

    /// The position of this dialect in [`Dialect::ALL`].
    pub const fn index(self) -> usize {
        match self {
            Dialect::Postgres => 0,
            Dialect::MySql => 1,
            Dialect::MariaDb => 2,
            Dialect::Sqlite => 3,
            Dialect::MsSql => 4,
        }
    }

    /// The product name, as used in error messages.
    pub const fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::MySql => "MySQL",
            Dialect::MariaDb => "MariaDB",
            Dialect::Sqlite => "SQLite",
            Dialect::MsSql => "SQL Server",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
