//! CTEs moved to where they are read, for a WITH the dialect takes nowhere near its place:
//! each reference to one of them in a FROM clause becomes a derived table that carries its own
//! WITH, `(WITH c AS (...) SELECT * FROM c) AS c`, which reads the same rows wherever it stands.
//!
//! - MariaDB 10.11 has no WITH before UPDATE or DELETE (see `dml.rs`).
//! - MySQL, MariaDB and SQLite take no WITH on a parenthesised operand of UNION, INTERSECT or
//!   EXCEPT: MariaDB rejects `SELECT 1 UNION ALL (WITH x AS ... SELECT ...)`, and SQLite, which
//!   takes no parenthesised operand at all, would need `SELECT * FROM (...)`, where a recursive
//!   member's reference to its CTE is a "circular reference". MySQL's grammar takes the WITH,
//!   but a recursive member must read its CTE in its own FROM clause, which the move keeps.
//! - MariaDB 10.11 does not find a CTE of an outer WITH from the CTE bodies of a nested WITH
//!   (see `binding.rs`): such a reference carries the outer CTEs it needs in the same way.
//!
//! Which references move or are carried, and which CTEs they need, is decided in `binding.rs`.

use super::binding::{Binding, Enclosing};
use super::{Renderer, Res};
use crate::tree::{Cte, Ident, ObjectName, QueryExpr, SetExpr, TableAlias, With};
use crate::Dialect;

impl Renderer<'_> {
    /// A parenthesised query with a WITH, as a set operand or a query's body, on MySQL, MariaDB
    /// and SQLite: its CTEs move into the derived tables that read them. On SQLite a plain
    /// SELECT is then written without parentheses (it takes none), else as
    /// `SELECT * FROM (...)`.
    pub(super) fn query_moving_with(&mut self, q: &QueryExpr, with: &With) -> Res {
        if self.moving().is_some() {
            return Err(self.unsupported(
                "WITH on a parenthesised query inside UPDATE or DELETE with WITH",
                "move the inner CTEs to the statement's WITH",
            ));
        }
        let moved = Enclosing::Moved {
            recursive: with.recursive,
            ctes: with.ctes,
        };
        self.around(Some(moved), |r| r.query_without_with(q))
    }

    /// A parenthesised query whose WITH is written elsewhere, or that has none.
    pub(super) fn query_without_with(&mut self, q: &QueryExpr) -> Res {
        match self.dialect {
            Dialect::Sqlite => self.sqlite_query_without_with(q),
            Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::MsSql => {
                self.write("(");
                self.nested(|r| r.query_after_with(q))?;
                self.write(")");
                Ok(())
            }
        }
    }

    /// A reference to a moved CTE becomes a derived table that carries the CTEs it needs:
    /// `(WITH c AS (...) SELECT * FROM c) AS c`.
    pub(super) fn moved_cte_reference(
        &mut self,
        name: &ObjectName,
        alias: &Option<TableAlias>,
        recursive: bool,
        needed: &[&'static Cte],
    ) -> Res {
        let [single] = name.0 else {
            return Ok(());
        };
        self.around(Some(Enclosing::Carrying), |r| {
            r.carried_reference(name, single, alias, recursive, needed)
        })
    }

    /// On MariaDB, a reference to a CTE of an outer WITH from the CTE bodies of a nested WITH,
    /// which MariaDB does not find there (see `binding.rs`), carries the CTEs it needs as a
    /// moved CTE does. A CTE that reads a column of the query around it cannot move, as
    /// another table of that name may stand between.
    pub(super) fn carried_cte_reference(
        &mut self,
        name: &ObjectName,
        alias: &Option<TableAlias>,
        recursive: bool,
        needed: &[&'static Cte],
    ) -> Res {
        let [single] = name.0 else {
            return Ok(());
        };
        if needed.iter().any(|c| super::hoist::reads_outer_columns(c)) {
            return Err(self.unsupported(
                "a WITH inside a subquery reading an outer CTE that reads the query around it",
                "MariaDB does not find an outer CTE from a nested WITH's CTEs, and this one \
                 cannot be carried there; join the outer CTE outside the nested CTE",
            ));
        }
        self.carried_reference(name, single, alias, recursive, needed)
    }

    /// `(WITH ctes SELECT * FROM name) AS alias`.
    fn carried_reference(
        &mut self,
        name: &ObjectName,
        single: &Ident,
        alias: &Option<TableAlias>,
        recursive: bool,
        needed: &[&'static Cte],
    ) -> Res {
        let read = |r: &mut Self| {
            r.with(recursive, needed.iter().copied())?;
            r.write(" SELECT * FROM ");
            // The carried CTEs shadow their originals: they have fresh names.
            match r.binding(name) {
                Binding::Renamed(fresh) => r.write(&fresh),
                Binding::Cte | Binding::Table | Binding::Carried { .. } | Binding::Moved { .. } => {
                    r.ident(single)
                }
            }
            r.unbind_with();
            Ok(())
        };
        match alias {
            Some(alias) if !alias.columns.is_empty() => self.renamed_columns(alias, read),
            _ => {
                self.write("(");
                let done = self.nested(read);
                self.write(") AS ");
                self.ident(alias.as_ref().map_or(single, |a| &a.name));
                done
            }
        }
    }
}

/// A SELECT alone, without ORDER BY, LIMIT or OFFSET: the same query with or without the
/// parentheses around it, wherever it stands in a chain of set operations.
pub(super) fn is_plain_select(q: &QueryExpr) -> bool {
    matches!(q.body, SetExpr::Select(_))
        && q.order_by.is_empty()
        && q.limit.is_none()
        && q.offset.is_none()
}
