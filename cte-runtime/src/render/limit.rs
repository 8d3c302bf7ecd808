//! Recursion limits: `OPTION (MAXRECURSION n)`, and the engines' own limits without it.
//!
//! The clause means one thing everywhere: a recursive CTE that recurses more than `n` levels
//! below its anchor makes the statement fail (the anchor's rows are level 0, the rows a member
//! makes from level k are level k + 1); `n = 0`, or no clause, means no limit, which is what
//! PostgreSQL and SQLite do anyway. Each engine gets that meaning:
//!
//! - SQL Server: `OPTION (MAXRECURSION n)` is the clause itself (it fails on the first row of
//!   level n + 1). Without a limit it gets `OPTION (MAXRECURSION 0)`: its default fails at 100.
//! - MySQL: `SELECT /*+ SET_VAR(cte_max_recursion_depth = n + 1) */`. MySQL counts iterations,
//!   the last one (which finds no more rows) included, so a recursion that stops at level n
//!   runs n + 1 of them. Without a limit the variable is set to its maximum: the default 1000
//!   fails where the other engines do not.
//! - MariaDB stops after `max_recursive_iterations` and returns what it has, with a warning
//!   only, so its limit alone cannot mean "fail". The statement runs with the limit at n + 1,
//!   and the CTE counts its levels in a hidden column whose next value fails to compute past
//!   level n: the overrun is an error, never a shorter result. Without a limit the variable is
//!   set to its maximum, so no recursion is cut short.
//! - PostgreSQL and SQLite have no limit of their own: the same hidden level column.
//!
//! One exception to "no clause, no limit": a recursion that only the reading query ends.
//! PostgreSQL and SQLite compute a recursive CTE as it is read, so
//! `WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t LIMIT 10`
//! stops after ten rows there (and so does an `EXISTS` that finds a row); MySQL and MariaDB
//! compute the whole recursion before reading it, which, limits lifted, never ends. Whether a
//! recursion ends by itself cannot be told from the query, so on those two a recursive statement
//! that has a `LIMIT` or an `EXISTS` anywhere, and no limit of its own (`MAXRECURSION 0` is
//! none), is held to [`DEFAULT_CAP`] levels, as if written
//! with `OPTION (MAXRECURSION 1000000)`: past it the statement fails, with a message naming the
//! cap, instead of running forever. A million levels take MariaDB about two seconds; a deeper
//! recursion there asks for the clause with a larger `n`. Where MariaDB's level column cannot be
//! written (a `UNION` recursion, see `rewrite.rs`), the statement keeps no cap, as before.
//!
//! How the overrun fails: PostgreSQL, MariaDB, SQLite and SQL Server by an error whose message
//! quotes a text of the renderer's choosing, `MAXRECURSION n exceeded: a recursion reached level
//! n + 1` (a failed conversion on PostgreSQL and SQL Server; on MariaDB an unsigned subtraction,
//! whose error quotes the expression; on SQLite a JSON path that is not one, which needs SQLite's
//! JSON functions, built in since 3.38); MySQL with its own "Recursive query aborted after n + 2
//! iterations".

use super::rewrite::{Role, LEVEL};
use super::walk::{self, Node};
use super::{facts, Renderer, Res};
use crate::tree::{Options, Statement};
use crate::Dialect;

/// SQL Server's largest MAXRECURSION.
const MSSQL_MAX_RECURSION: u32 = 32_767;

/// MariaDB's prefix without a limit: `max_recursive_iterations` at `u32::MAX`.
const MARIADB_UNLIMITED: &str = "SET STATEMENT max_recursive_iterations = 4294967295 FOR ";

/// MySQL's hint without a limit: `cte_max_recursion_depth` at `u32::MAX`.
const MYSQL_UNLIMITED: &str = " /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */";

/// The levels MySQL and MariaDB compute for a statement without a limit of its own that may
/// stop reading a recursion early (see the module documentation).
pub(super) const DEFAULT_CAP: u32 = 1_000_000;

/// The recursion limit a statement is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Limit {
    /// No limit: the engines' own limits are lifted.
    None,
    /// `OPTION (MAXRECURSION n)` with `n > 0`.
    Written(u32),
    /// [`DEFAULT_CAP`], on MySQL and MariaDB, for a statement that may stop reading early.
    Default,
}

impl Limit {
    /// The limit of `stmt` on `dialect`, with `options` written after it.
    pub(super) fn of(stmt: &Statement, dialect: Dialect, options: &Options) -> Limit {
        if options.max_recursion > 0 {
            return Limit::Written(options.max_recursion);
        }
        if facts::support(dialect).recursion_computed_whole && may_stop_early(stmt) {
            Limit::Default
        } else {
            Limit::None
        }
    }

    /// The most levels a recursion may reach, if any.
    fn levels(self) -> Option<u32> {
        match self {
            Limit::None => None,
            Limit::Written(n) => Some(n),
            Limit::Default => Some(DEFAULT_CAP),
        }
    }
}

/// Whether `stmt` has a recursive WITH and a `LIMIT` or `EXISTS`, which PostgreSQL and SQLite
/// may satisfy before a recursion ends.
fn may_stop_early(stmt: &Statement) -> bool {
    let (mut recursive, mut stops) = (false, false);
    walk::walk_statement::<()>(stmt, &mut |node| {
        match node {
            Node::With(with) => recursive |= with.recursive,
            Node::Query(q) => stops |= q.limit.is_some(),
            Node::Exists => stops = true,
            Node::Select(_) | Node::Column(..) | Node::Relation(..) | Node::Name(_) => {}
        }
        None
    });
    recursive && stops
}

impl Renderer<'_> {
    /// Notes where the statement's first keyword ends, for MySQL's hint.
    pub(super) fn statement_keyword_written(&mut self) {
        if self.depth == 0 && self.hint_at.is_none() {
            self.hint_at = Some(self.sql.len());
        }
    }

    /// The level column of a rewritten recursive CTE: 0 in an anchor; in a member, the
    /// previous level plus one, or an error past the limit.
    pub(super) fn level_value(&mut self, role: Role) -> Res {
        let Role::Member(q) = role else {
            self.write("0");
            return Ok(());
        };
        let Some(n) = self.plan.limit.levels() else {
            return Err(self.unsupported("internal: a level column without a recursion limit", ""));
        };
        let level = |r: &mut Self| {
            r.ident(&q);
            r.write(".");
            r.write(LEVEL);
        };
        self.write("CASE WHEN ");
        level(self);
        self.write(&format!(" < {n} THEN "));
        level(self);
        self.write(" + 1 ELSE ");
        // What the error says, up to the level reached (n + 1, the only level past n a row
        // can have).
        let exceeded = match self.plan.limit {
            Limit::Default => format!(
                "recursion cap {n} for a query with LIMIT or EXISTS exceeded (write OPTION \
                 (MAXRECURSION n) to raise it): a recursion reached level "
            ),
            Limit::Written(_) | Limit::None => {
                format!("MAXRECURSION {n} exceeded: a recursion reached level ")
            }
        };
        // Each engine's way to fail while computing a value, quoting `exceeded` where the
        // engine can; each depends on the row, so that no engine computes it before the branch
        // is taken.
        match self.dialect {
            // invalid input syntax for type integer: "<exceeded>n + 1"
            Dialect::Postgres => {
                self.write("CAST(");
                self.string(&exceeded)?;
                self.write(" || CAST(");
                level(self);
                self.write(" + 1 AS TEXT) AS INTEGER)");
            }
            // JSON path error near '<exceeded>n + 1' (newer SQLite: bad JSON path: '...'): the
            // one error SQLite raises in a query with a text of the caller's.
            Dialect::Sqlite => {
                self.write("json_extract('{}', ");
                self.string(&exceeded)?;
                self.write(" || (");
                level(self);
                self.write(" + 1))");
            }
            // BIGINT UNSIGNED value is out of range in '... - char_length('<exceeded>n + 1')':
            // the message quotes the expression.
            Dialect::MariaDb | Dialect::MySql => {
                self.write("CAST(");
                level(self);
                self.write(" * 0 AS UNSIGNED) - CHAR_LENGTH(");
                self.string(&format!("{exceeded}{}", u64::from(n) + 1))?;
                self.write(")");
            }
            // Conversion failed when converting the nvarchar value '<exceeded>n + 1' to data
            // type int. (SQL Server has its own clause; this is for completeness.)
            Dialect::MsSql => {
                self.write("CAST(");
                self.string(&exceeded)?;
                self.write(" + CAST(");
                level(self);
                self.write(" + 1 AS NVARCHAR(10)) AS INT)");
            }
        }
        self.write(" END");
        Ok(())
    }

    /// The statement-level part of the limit, once the statement is written.
    pub(super) fn write_recursion_limit(&mut self) -> Res {
        let levels = match self.plan.limit {
            Limit::Written(n) => Some(n),
            Limit::Default | Limit::None if !self.recursive_seen => return Ok(()),
            Limit::Default => Some(DEFAULT_CAP),
            Limit::None => None,
        };
        match (self.dialect, levels) {
            // The unlimited forms are constants: most recursive statements take them.
            (Dialect::MariaDb, None) => self.sql.insert_str(0, MARIADB_UNLIMITED),
            (Dialect::MariaDb, Some(n)) => {
                self.sql.insert_str(
                    0,
                    &format!(
                        "SET STATEMENT max_recursive_iterations = {} FOR ",
                        n.saturating_add(1)
                    ),
                );
            }
            (Dialect::MySql, levels) => {
                let Some(at) = self.hint_at else {
                    return Err(self.unsupported(
                        "a recursive statement that does not start with SELECT, INSERT, UPDATE \
                         or DELETE",
                        "MySQL's recursion limit is set by a hint after the statement's first \
                         keyword; start the main query with SELECT",
                    ));
                };
                match levels {
                    Some(n) => self.sql.insert_str(
                        at,
                        &format!(
                            " /*+ SET_VAR(cte_max_recursion_depth = {}) */",
                            n.saturating_add(1)
                        ),
                    ),
                    None => self.sql.insert_str(at, MYSQL_UNLIMITED),
                }
            }
            (Dialect::MsSql, Some(n)) if n > MSSQL_MAX_RECURSION => {
                return Err(self.unsupported(
                    "MAXRECURSION above 32767",
                    "SQL Server's limit takes 0 (no limit) to 32767 levels",
                ))
            }
            (Dialect::MsSql, levels) => {
                self.write(&format!(" OPTION (MAXRECURSION {})", levels.unwrap_or(0)))
            }
            (Dialect::Postgres | Dialect::Sqlite, _) => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unlimited_forms_name_the_largest_value() {
        let max = u32::MAX;
        assert_eq!(
            super::MARIADB_UNLIMITED,
            format!("SET STATEMENT max_recursive_iterations = {max} FOR ")
        );
        assert_eq!(
            super::MYSQL_UNLIMITED,
            format!(" /*+ SET_VAR(cte_max_recursion_depth = {max}) */")
        );
    }
}
