//! What MySQL and MariaDB need written differently: LIMIT, the multi-table UPDATE, subqueries
//! with LIMIT under IN, a parenthesised query with its own WITH, and on MariaDB, CTEs of
//! UPDATE/DELETE moved to where they are used.
//! (Their recursion limits are in `limit.rs`.)

use super::query::same_name;
use super::shadow::Binding;
use super::{scope, MovedCtes, Renderer, Res};
use crate::tree::{Cte, Expr, Ident, ObjectName, QueryExpr, TableAlias, Update};

/// The largest row count, for OFFSET without LIMIT (the MySQL manual's own idiom).
const NO_LIMIT: &str = "18446744073709551615";

impl Renderer<'_> {
    /// ` LIMIT n OFFSET m`, where n and m must be literals or placeholders.
    pub(super) fn mysql_limit_offset(&mut self, q: &QueryExpr) -> Res {
        if q.limit.is_none() && q.offset.is_none() {
            return Ok(());
        }
        self.write(" LIMIT ");
        match &q.limit {
            Some(limit) => self.mysql_row_count(limit)?,
            None => self.write(NO_LIMIT),
        }
        if let Some(offset) = &q.offset {
            self.write(" OFFSET ");
            self.mysql_row_count(offset)?;
        }
        Ok(())
    }

    fn mysql_row_count(&mut self, e: &Expr) -> Res {
        match e {
            Expr::Literal(crate::tree::Literal::Integer(_)) | Expr::Param(_) => self.expr(e),
            _ => Err(self.unsupported(
                "an expression in LIMIT or OFFSET",
                "LIMIT and OFFSET take only a number or a parameter here; compute the value in Rust",
            )),
        }
    }

    /// `IN (subquery)`: MySQL and MariaDB reject LIMIT in such a subquery, but not in a
    /// derived table inside it, which means the same.
    pub(super) fn in_subquery(&mut self, q: &QueryExpr) -> Res {
        let limited = q.limit.is_some() || q.offset.is_some();
        if !(limited
            && matches!(
                self.dialect,
                crate::Dialect::MySql | crate::Dialect::MariaDb
            ))
        {
            return self.subquery(q);
        }
        self.write("(SELECT * FROM ");
        self.nested(|r| r.derived(q, None))?;
        self.write(")");
        Ok(())
    }

    /// A parenthesised query with its own WITH, as a set operation's operand or a query's
    /// body: MariaDB 10.11 takes no WITH after a bare `(` there, and MySQL's manual shows none
    /// in a parenthesised query expression. A derived table takes one and reads the same rows:
    /// `SELECT * FROM (WITH ... SELECT ...) AS __cte_d1`. A derived table may drop an ORDER BY
    /// that has no LIMIT, and the order may choose the rows of an outer LIMIT: such an ORDER BY
    /// gets the largest LIMIT, which keeps it.
    pub(super) fn parenthesised_with(&mut self, q: &QueryExpr) -> Res {
        self.write("SELECT * FROM (");
        self.nested(|r| {
            r.query(q)?;
            if !q.order_by.is_empty() && q.limit.is_none() && q.offset.is_none() {
                r.write(" LIMIT ");
                r.write(NO_LIMIT);
            }
            Ok(())
        })?;
        self.write(") AS ");
        self.generated_alias("d");
        Ok(())
    }

    /// `UPDATE t [AS a][, from...] SET t.c = v [WHERE ...]`.
    pub(super) fn mysql_update(&mut self, u: &Update) -> Res {
        self.write("UPDATE");
        self.statement_keyword_written();
        self.write(" ");
        self.object_name(&u.table);
        if let Some(alias) = &u.alias {
            self.write(" AS ");
            self.ident(alias);
        }
        for item in u.from {
            self.write(", ");
            self.table_with_joins(item)?;
        }
        self.write(" SET ");
        self.assignments(u, !u.from.is_empty())?;
        self.where_clause(u.selection.as_ref())
    }

    /// On MariaDB, a reference to a CTE of the UPDATE/DELETE becomes a derived table that
    /// carries the CTEs it needs: `(WITH c AS (...) SELECT * FROM c) AS c`. That reads the
    /// same rows wherever it stands. Returns whether `name` was such a reference.
    pub(super) fn moved_cte_reference(
        &mut self,
        name: &ObjectName,
        alias: &Option<TableAlias>,
    ) -> Result<bool, crate::RenderError> {
        let Some(moved) = &self.moved else {
            return Ok(false);
        };
        let [single] = name.0 else { return Ok(false) };
        let shadowed = self
            .scopes
            .iter()
            .any(|ctes| ctes.iter().any(|c| same_name(&c.name, single)));
        if shadowed || !moved.ctes.iter().any(|c| same_name(&c.name, single)) {
            return Ok(false);
        }
        let needed = needed_ctes(moved, single);
        let recursive = moved.recursive;
        let moved = self.moved.take();
        let done = self.carried_reference(name, single, alias, recursive, &needed);
        self.moved = moved;
        done?;
        Ok(true)
    }

    /// On MariaDB, a reference to a CTE of an outer WITH from the CTE bodies of a nested WITH,
    /// which MariaDB does not find there (see `shadow.rs`), carries the CTEs it needs as a
    /// moved CTE of an UPDATE does. `ctes` are those in sight in its WITH. A CTE that reads a
    /// column of the query around it cannot move, as another table of that name may stand
    /// between.
    pub(super) fn carried_cte_reference(
        &mut self,
        name: &ObjectName,
        alias: &Option<TableAlias>,
        recursive: bool,
        ctes: Vec<&'static Cte>,
    ) -> Res {
        let [single] = name.0 else {
            return Ok(());
        };
        let needed = needed_ctes(&MovedCtes { recursive, ctes }, single);
        if needed.iter().any(|c| super::hoist::reads_outer_columns(c)) {
            return Err(self.unsupported(
                "a WITH inside a subquery reading an outer CTE that reads the query around it",
                "MariaDB does not find an outer CTE from a nested WITH's CTEs, and this one \
                 cannot be carried there; join the outer CTE outside the nested CTE",
            ));
        }
        self.carried_reference(name, single, alias, recursive, &needed)
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
                Binding::Cte | Binding::Table | Binding::Carried { .. } => r.ident(single),
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

/// The CTEs that reading `name` needs: itself and those it reads, transitively, in their
/// order in the WITH.
fn needed_ctes(moved: &MovedCtes, name: &crate::tree::Ident) -> Vec<&'static Cte> {
    let mut needed: Vec<bool> = moved
        .ctes
        .iter()
        .map(|c| same_name(&c.name, name))
        .collect();
    loop {
        let mut grew = false;
        for (i, cte) in moved.ctes.iter().enumerate() {
            if needed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let read = moved.ctes.iter().zip(&needed).any(|(reader, &is_needed)| {
                is_needed && scope::statement_mentions(reader.body, &cte.name)
            });
            if read {
                if let Some(flag) = needed.get_mut(i) {
                    *flag = true;
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    moved
        .ctes
        .iter()
        .zip(needed)
        .filter_map(|(c, n)| n.then_some(*c))
        .collect()
}
