//! Compile-time checked SQL with common table expressions.
//!
//! Write SQL inside [`select!`]; `cargo build` checks the structure of its `WITH` clauses, and
//! [`Query::render`] turns it into SQL for PostgreSQL, MySQL, MariaDB, SQLite or SQL Server,
//! with Rust values bound as parameters.
//!
//! ```
//! use cte_runtime::{select, Dialect};
//!
//! let root = 1;
//! let q = select! {
//!     WITH RECURSIVE tree(id, depth) AS (
//!         SELECT id, 0 FROM category WHERE id = {root}
//!         UNION ALL
//!         SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
//!     )
//!     SELECT id, depth FROM tree ORDER BY depth
//! };
//! let r = q.render(Dialect::Postgres).unwrap();
//! assert!(r.sql().starts_with("WITH RECURSIVE tree (id, depth) AS ("));
//! assert_eq!(r.params(), &[cte_runtime::Value::I64(1)]);
//! ```

mod convert;
mod cte;
mod dialect;
mod driver;
mod error;
mod param;
mod query;
mod render;
#[doc(hidden)]
pub mod tree;
mod value;

pub use convert::{IntoParam, ValueError};
pub use cte::Cte;
/// Defines a reusable CTE at item level, to splice into [`select!`] queries as `WITH {path}`
/// or `FROM {path}`.
///
/// `cte! { [attributes] [vis] [RECURSIVE] name(col, ...) AS [[NOT] MATERIALIZED] (body)
/// [SEARCH ...] [CYCLE ...] }` defines `static name: Cte` and a hidden module `name` holding one
/// item per column. The body is checked as the CTE of a `WITH` is. The column list is
/// required, and the body binds no parameters: values go in the query that splices it.
///
/// A query reads the spliced CTE by the item's name. `FROM {path} [alias]` does both at once:
/// it reads the item and puts it at the front of the statement's leading `WITH`. Every `h.col` it reads from the CTE (under
/// its name, or an alias without a column list) is checked by rustc against the item's
/// columns, so a misspelled column of a CTE defined in another module is a compile error on the
/// column. A CTE that nothing references is still rendered: on PostgreSQL a data-modifying
/// item spliced into a query runs for its effect.
///
/// ```
/// mod catalog {
///     cte_runtime::cte! {
///         /// Every category under the roots, with its depth.
///         pub RECURSIVE hierarchy(id, depth) AS (
///             SELECT id, 0 FROM category WHERE parent_id IS NULL
///             UNION ALL
///             SELECT c.id, h.depth + 1 FROM category c JOIN hierarchy h ON c.parent_id = h.id
///         )
///     }
/// }
///
/// use cte_runtime::{select, Dialect, Value};
///
/// let min = 2;
/// let q = select! {
///     WITH {catalog::hierarchy}, wide AS (SELECT h.depth FROM hierarchy h WHERE h.id > {min})
///     SELECT h.id FROM hierarchy h WHERE h.depth IN (SELECT depth FROM wide)
/// };
/// let r = q.render(Dialect::Postgres).unwrap();
/// assert!(r.sql().starts_with("WITH RECURSIVE hierarchy (id, depth) AS ("));
/// assert_eq!(r.params(), &[Value::I64(2)]);
///
/// let q = select! { SELECT h.id FROM {catalog::hierarchy} h WHERE h.depth > {min} };
/// let r = q.render(Dialect::Sqlite).unwrap();
/// assert!(r.sql().starts_with("WITH RECURSIVE hierarchy (id, depth) AS ("));
/// ```
///
/// A column the CTE does not have is a compile error on that column:
///
/// ```compile_fail
/// cte_runtime::cte! { pub hierarchy(id, depth) AS (SELECT id, 0 FROM category) }
///
/// let q = cte_runtime::select! { WITH {hierarchy} SELECT h.dept FROM hierarchy h };
/// ```
pub use cte_macros::cte;
/// A query written as SQL, checked at compile time: `select! { [WITH ...] statement }`
/// evaluates to a [`Query`], with every `{expr}` bound as a parameter.
///
/// The SQL it accepts:
///
/// - `WITH [RECURSIVE] name [(col, ...)] AS [[NOT] MATERIALIZED] (body)`, several per `WITH`,
///   in front of `SELECT`, `INSERT`, `UPDATE`, `DELETE` and inside subqueries; `SEARCH {DEPTH |
///   BREADTH} FIRST BY col, ... SET col` and `CYCLE col, ... SET col [TO v DEFAULT v] USING
///   col` after a recursive CTE; several recursive members (`anchor UNION ALL r1 UNION ALL
///   r2`); `WITH {path}` and `FROM {path}` splice a CTE defined with [`cte!`].
/// - `SELECT [DISTINCT]` with expressions, `AS` aliases, `*`, `t.*`; `FROM` tables, aliases
///   with column lists, subqueries, `LATERAL`, `VALUES`, `[INNER] JOIN`, `LEFT`, `RIGHT`,
///   `FULL [OUTER]` and `CROSS JOIN` with `ON` or `USING`; `WHERE`, `GROUP BY`, `HAVING`,
///   `ORDER BY` (`ASC`/`DESC`, `NULLS FIRST`/`LAST`), `LIMIT`, `OFFSET`; `UNION [ALL]`,
///   `INTERSECT`, `EXCEPT`; `VALUES` as a query.
/// - Expressions: integer, decimal and string literals, `TRUE`, `FALSE`, `NULL`, `{expr}`,
///   qualified and plain columns, `+ - * / %`, `||`, `= <> != < <= > >=`, `AND`/`OR`/`NOT`,
///   `IS [NOT] NULL`, `[NOT] BETWEEN`, `[NOT] IN` (a list or a subquery), `[NOT] LIKE`, `[NOT]
///   EXISTS`, scalar subqueries, `CASE` (simple and searched), `CAST(x AS type)`, function
///   calls (with `DISTINCT`, `COUNT(*)`), window functions `f(...) OVER (PARTITION BY ...
///   ORDER BY ... [ROWS | RANGE | GROUPS frame])`.
/// - `INSERT INTO t [(cols)] SELECT ... | VALUES ...`, `UPDATE t [alias] SET ... [FROM ...]
///   [WHERE ...]`, `DELETE FROM t [alias] [WHERE ...]`, each with `RETURNING` where the
///   dialect has it, and as data-modifying CTEs on PostgreSQL.
///
/// Not accepted, each a compile error on its first token: `NATURAL` joins, `DELETE ...
/// USING`, `FETCH FIRST`, `FOR UPDATE`, `ON CONFLICT`, `CREATE`, `ARRAY[...]`, `INTERVAL`,
/// `EXTRACT`.
///
/// Four changes from plain SQL, forced by Rust's tokenizer: string literals are Rust string
/// literals (`"it's"`), `{expr}` is a parameter, comments are Rust comments, and a name that
/// needs quoting is a raw identifier (`r#order`), always rendered quoted.
///
/// ```
/// use cte_runtime::{select, Dialect, Value};
///
/// let min = 3;
/// let q = select! {
///     UPDATE item i SET price = price + 1 FROM stock s
///     WHERE s.item_id = i.id AND s.count < {min}
///     RETURNING i.id
/// };
/// let r = q.render(Dialect::Postgres).unwrap();
/// assert!(r.sql().starts_with("UPDATE item AS i SET"));
/// assert_eq!(r.params(), &[Value::I64(3)]);
/// ```
pub use cte_macros::select;
pub use dialect::Dialect;
#[cfg(feature = "mysql")]
pub use driver::mysql;
#[cfg(feature = "postgres")]
pub use driver::postgres;
#[cfg(feature = "rusqlite")]
pub use driver::rusqlite;
#[cfg(any(
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
pub use driver::sqlx;
#[cfg(feature = "tokio-postgres")]
pub use driver::tokio_postgres;
pub use driver::DriverError;
pub use error::RenderError;
pub use query::{Query, Rendered};
pub use value::Value;

/// What the macro expansions name. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::param::{KindOfAny, KindOfKnown, ParamKind, Probe};
    pub use crate::query::Site;
    pub use crate::tree;
    use crate::tree::Statement;
    pub use crate::Cte;
    use crate::{Query, Value};

    /// Turns a `{expr}` into a bound value; the expansion spans it on the user's expression so
    /// a type error lands there, with the message of [`IntoParam`](crate::IntoParam).
    #[inline]
    pub fn value<T: crate::IntoParam>(v: T) -> Param {
        v.into_param()
    }

    /// A parameter's value, or why it has none; [`Query::render`] reports the first error.
    pub type Param = Result<Value, crate::ValueError>;

    #[inline]
    pub fn query(site: &'static Site, params: Vec<Value>) -> Query {
        Query::from_site(site, params)
    }

    /// A query whose parameters have the kinds their Rust types give (see [`Probe`]).
    #[inline]
    pub fn typed_query(site: &'static Site, params: Vec<Param>, kinds: &[ParamKind]) -> Query {
        Query::with_params(site, params, kinds, Box::new([]))
    }

    /// A query that splices `ctes` into its leading WITH.
    #[inline]
    pub fn spliced_query(
        site: &'static Site,
        params: Vec<Param>,
        kinds: &[ParamKind],
        ctes: Box<[&'static Cte]>,
    ) -> Query {
        Query::with_params(site, params, kinds, ctes)
    }

    /// Spliced `{path}` in a WITH list: the expansion spans it on the user's path, so an item
    /// that is not a `Cte` is a type error there.
    #[inline]
    pub fn splice(cte: &'static Cte) -> &'static Cte {
        cte
    }

    /// The query of a `select!` that did not compile, so that no second error follows its own.
    pub fn fallback() -> Query {
        static EMPTY: Statement = Statement::Query(tree::QueryExpr {
            with: None,
            body: tree::SetExpr::Values(&[]),
            order_by: &[],
            limit: None,
            offset: None,
        });
        static SITE: Site = Site::new(&EMPTY);
        Query::from_site(&SITE, Vec::new())
    }

    /// Decodes the query's tree again, as the first render at its call site does, and says
    /// whether it decoded. Each call leaks the tree it decodes: for the benchmarks only.
    pub fn decode_uncached(query: &Query) -> bool {
        query.decode_afresh()
    }

    /// The SQL of a first render, made again on every call: the call-site cache stores it only
    /// once per process, and the benchmarks need to time it repeatedly.
    pub fn render_uncached(
        query: &Query,
        dialect: crate::Dialect,
    ) -> Result<String, crate::RenderError> {
        query.render_afresh(dialect)
    }
}
