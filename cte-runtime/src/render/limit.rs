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

use super::rewrite::{guards_levels, Role, LEVEL};
use super::{Renderer, Res};
use crate::Dialect;

/// SQL Server's largest MAXRECURSION.
const MSSQL_MAX_RECURSION: u32 = 32_767;

/// MariaDB's prefix without a limit: `max_recursive_iterations` at `u32::MAX`.
const MARIADB_UNLIMITED: &str = "SET STATEMENT max_recursive_iterations = 4294967295 FOR ";

/// MySQL's hint without a limit: `cte_max_recursion_depth` at `u32::MAX`.
const MYSQL_UNLIMITED: &str = " /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */";

impl Renderer<'_> {
    /// Whether this statement's recursive CTEs count their levels in a column.
    pub(super) fn needs_level_guard(&self) -> bool {
        self.options.max_recursion > 0 && guards_levels(self.dialect)
    }

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
        let n = self.options.max_recursion;
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
        // Each engine's way to fail while computing a value; each depends on the row, so that
        // no engine computes it before the branch is taken.
        match self.dialect {
            Dialect::Postgres => {
                self.write(&format!(
                    "CAST('MAXRECURSION {n} exceeded: a recursion reached level ' || CAST("
                ));
                level(self);
                self.write(" + 1 AS TEXT) AS INTEGER)");
            }
            // "integer overflow".
            Dialect::Sqlite => {
                self.write("abs(-9223372036854775807 - 1 - ");
                level(self);
                self.write(" * 0)");
            }
            // "Subquery returns more than 1 row".
            _ => {
                self.write("(SELECT ");
                level(self);
                self.write(" UNION ALL SELECT ");
                level(self);
                self.write(")");
            }
        }
        self.write(" END");
        Ok(())
    }

    /// The statement-level part of the limit, once the statement is written.
    pub(super) fn write_recursion_limit(&mut self) -> Res {
        let n = self.options.max_recursion;
        let limited = n > 0;
        if !(limited || self.recursive_seen) {
            return Ok(());
        }
        match self.dialect {
            // The unlimited forms are constants: most recursive statements take them.
            Dialect::MariaDb if !limited => self.sql.insert_str(0, MARIADB_UNLIMITED),
            Dialect::MariaDb => {
                self.sql.insert_str(
                    0,
                    &format!(
                        "SET STATEMENT max_recursive_iterations = {} FOR ",
                        n.saturating_add(1)
                    ),
                );
            }
            Dialect::MySql => {
                let Some(at) = self.hint_at else {
                    return Err(self.unsupported(
                        "a recursive statement that does not start with SELECT, INSERT, UPDATE \
                         or DELETE",
                        "MySQL's recursion limit is set by a hint after the statement's first \
                         keyword; start the main query with SELECT",
                    ));
                };
                if limited {
                    self.sql.insert_str(
                        at,
                        &format!(
                            " /*+ SET_VAR(cte_max_recursion_depth = {}) */",
                            n.saturating_add(1)
                        ),
                    );
                } else {
                    self.sql.insert_str(at, MYSQL_UNLIMITED);
                }
            }
            Dialect::MsSql if n > MSSQL_MAX_RECURSION => {
                return Err(self.unsupported(
                    "MAXRECURSION above 32767",
                    "SQL Server's limit takes 0 (no limit) to 32767 levels",
                ))
            }
            Dialect::MsSql => self.write(&format!(" OPTION (MAXRECURSION {n})")),
            Dialect::Postgres | Dialect::Sqlite => {}
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
