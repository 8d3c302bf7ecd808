//! INSERT, UPDATE and DELETE, with their WITH and RETURNING.

use super::binding::Enclosing;
use super::facts::{InsertWith, Takes};
use super::typing::Typing;
use super::{star, upsert, Renderer, Res};
use crate::tree::{
    Delete, Ident, Insert, ObjectName, QueryExpr, SelectItem, SetExpr, Update, With,
};
use crate::Dialect;

impl Renderer<'_> {
    /// `INSERT INTO t [(cols)] source [ON CONFLICT ...]`, with the WITH in front, or after the column list on
    /// MySQL/MariaDB (which have no WITH before INSERT).
    pub(super) fn insert(&mut self, i: &Insert) -> Res {
        let place = self.support().insert_with;
        let after_columns = place == InsertWith::AfterColumns;
        // A WITH written on the source can move to the front (or on MySQL, a WITH written in
        // front moves to the source): the source has no outer scope to lose.
        let as_written = place == InsertWith::AsWritten;
        let with = match (&i.with, &i.source.with) {
            (Some(w), Some(_)) if as_written => Some(*w),
            (Some(_), Some(_)) => {
                return Err(self.unsupported(
                    "WITH both before INSERT and in its query",
                    "write all the CTEs in one WITH",
                ))
            }
            (Some(w), None) | (None, Some(w)) => Some(*w),
            (None, None) => None,
        };
        // PostgreSQL and SQLite keep a WITH where it was written.
        let leading = match place {
            InsertWith::AfterColumns => None,
            InsertWith::InFront => with,
            InsertWith::AsWritten => i.with,
        };
        if let Some(w) = &leading {
            self.with(w.recursive, w.ctes.iter())?;
            self.write(" ");
        }
        self.write("INSERT");
        self.statement_keyword_written();
        self.write(" INTO ");
        self.object_name(&i.table);
        if !i.columns.is_empty() {
            self.write(" (");
            self.ident_list(i.columns)?;
            self.write(")");
        }
        self.write(" ");
        let with_written = leading.is_some() || !after_columns;
        // ON CONFLICT is in the scope of a WITH in front of INSERT, where it may read the CTEs.
        let done = self.in_scope(with.map(|w| w.ctes), |r| {
            if r.upsert_source_needs_where(i) {
                r.sqlite_where_true(|r| r.insert_source(i.source, with, with_written))?;
            } else {
                r.insert_source(i.source, with, with_written)?;
            }
            r.on_conflict(i)
        });
        if leading.is_some() || (after_columns && with.is_some()) {
            self.unbind_with();
        }
        done?;
        let supported = self.support().returning_insert;
        self.returning(i.returning, supported, (&i.table, None))
    }

    /// The query of an INSERT. `with_written` tells whether its WITH is already out.
    fn insert_source(&mut self, q: &QueryExpr, with: Option<With>, with_written: bool) -> Res {
        if !with_written {
            if let Some(w) = &with {
                self.with(w.recursive, w.ctes.iter())?;
                self.write(" ");
            }
        }
        match &q.body {
            // INSERT ... VALUES is written the same everywhere.
            SetExpr::Values(rows) if upsert::is_plain_values(q) => {
                self.values_rows(rows, Typing::Inferred)
            }
            _ if self.support().insert_with == InsertWith::AsWritten => self.query(q),
            _ => self.query_after_with(q),
        }
    }

    /// `UPDATE t [AS a] SET ... [FROM ...] [WHERE ...] [RETURNING ...]`, with the multi-table
    /// form on MySQL/MariaDB and `UPDATE a SET ... FROM t AS a` on SQL Server.
    pub(super) fn update(&mut self, u: &Update) -> Res {
        let body = |r: &mut Self| match r.dialect {
            Dialect::MySql | Dialect::MariaDb => r.mysql_update(u),
            Dialect::MsSql => r.mssql_update(u),
            Dialect::Postgres | Dialect::Sqlite => r.update_from(u),
        };
        self.after_dml_with(u.with.as_ref(), body, |r| {
            let supported = r.support().returning_update;
            r.returning(u.returning, supported, (&u.table, u.alias.as_ref()))
        })
    }

    /// `UPDATE t [AS a]`.
    pub(super) fn update_target(&mut self, u: &Update) {
        self.write("UPDATE");
        self.statement_keyword_written();
        self.write(" ");
        self.object_name(&u.table);
        if let Some(alias) = &u.alias {
            self.write(" AS ");
            self.ident(alias);
        }
    }

    /// The PostgreSQL/SQLite form.
    fn update_from(&mut self, u: &Update) -> Res {
        self.update_target(u);
        self.write(" SET ");
        self.assignments(u, false)?;
        if !u.from.is_empty() {
            self.write(" FROM ");
            self.from(u.from)?;
        }
        self.where_clause(u.selection.as_ref())
    }

    /// `c = v, ...`; `qualified` writes `t.c` (for the multi-table form of MySQL/MariaDB,
    /// where another table may have a column of the same name).
    pub(super) fn assignments(&mut self, u: &Update, qualified: bool) -> Res {
        self.comma_separated(u.assignments, |r, a| {
            if qualified {
                match &u.alias {
                    Some(alias) => r.ident(alias),
                    None => r.object_name(&u.table),
                }
                r.write(".");
            }
            r.ident(&a.column);
            r.write(" = ");
            r.expr_typed(&a.value, Typing::Inferred)
        })
    }

    pub(super) fn where_clause(&mut self, selection: Option<&crate::tree::Expr>) -> Res {
        if let Some(selection) = selection {
            self.write(" WHERE ");
            self.predicate(selection)?;
        }
        Ok(())
    }

    /// `DELETE FROM t [AS a] [WHERE ...] [RETURNING ...]`; `DELETE a FROM t AS a` where the
    /// dialect has no alias in the single-table form.
    pub(super) fn delete(&mut self, d: &Delete) -> Res {
        self.after_dml_with(
            d.with.as_ref(),
            |r| r.delete_body(d),
            |r| {
                if let Takes::No { help } = r.support().returning_aliased_delete {
                    if !d.returning.is_empty() && !d.using.is_empty() {
                        return Err(r.unsupported("RETURNING on DELETE ... USING", help));
                    }
                    if d.alias.is_some() && !d.returning.is_empty() {
                        return Err(r.unsupported("RETURNING on DELETE with a table alias", help));
                    }
                }
                let supported = r.support().returning_delete;
                r.returning(d.returning, supported, (&d.table, d.alias.as_ref()))
            },
        )
    }

    fn delete_body(&mut self, d: &Delete) -> Res {
        if !d.using.is_empty() {
            return match self.dialect {
                Dialect::Postgres => {
                    self.delete_target(d);
                    self.write(" USING ");
                    self.from(d.using)?;
                    self.where_clause(d.selection.as_ref())
                }
                // The multi-table form deletes the rows of the named target that the join
                // keeps, as USING does.
                Dialect::MySql | Dialect::MariaDb | Dialect::MsSql => {
                    self.delete_named_target(d);
                    self.write(", ");
                    self.from(d.using)?;
                    self.where_clause(d.selection.as_ref())
                }
                Dialect::Sqlite => self.sqlite_delete_using(d),
            };
        }
        match &d.alias {
            Some(_) if !self.support().delete_alias => self.delete_named_target(d),
            Some(_) | None => self.delete_target(d),
        }
        self.where_clause(d.selection.as_ref())
    }

    /// `DELETE FROM t [AS a]`, the single-table form.
    pub(super) fn delete_target(&mut self, d: &Delete) {
        self.write("DELETE");
        self.statement_keyword_written();
        self.write(" FROM ");
        self.table_as(d);
    }

    /// `DELETE a FROM t [AS a]`: the multi-table form, which names the table (or alias) whose
    /// rows go, for dialects without an alias in the single-table form or without USING.
    fn delete_named_target(&mut self, d: &Delete) {
        self.write("DELETE");
        self.statement_keyword_written();
        self.write(" ");
        match &d.alias {
            Some(alias) => self.ident(alias),
            None => self.object_name(&d.table),
        }
        self.write(" FROM ");
        self.table_as(d);
    }

    /// `t [AS a]`, the target of a DELETE.
    fn table_as(&mut self, d: &Delete) {
        self.object_name(&d.table);
        if let Some(alias) = &d.alias {
            self.write(" AS ");
            self.ident(alias);
        }
    }

    /// The WITH in front of UPDATE or DELETE, then the statement that `body` writes in its
    /// scope, then its RETURNING that `tail` writes. On MariaDB, which has no WITH there, the
    /// CTEs move to where they are read in both (see `moved.rs`).
    fn after_dml_with(
        &mut self,
        with: Option<&With>,
        body: impl FnOnce(&mut Self) -> Res,
        tail: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        let Some(with) = with else {
            body(self)?;
            return tail(self);
        };
        if !self.support().with_before_update_delete {
            let moved = Enclosing::Moved {
                recursive: with.recursive,
                ctes: with.ctes,
            };
            return self.around(Some(moved), |r| {
                body(r)?;
                tail(r)
            });
        }
        self.with(with.recursive, with.ctes.iter())?;
        self.write(" ");
        let done = self.in_scope(Some(with.ctes), body);
        self.unbind_with();
        done?;
        tail(self)
    }

    /// ` RETURNING items` of a statement on `target` (its table, and its alias if any).
    fn returning(
        &mut self,
        items: &[SelectItem],
        supported: bool,
        target: (&ObjectName, Option<&Ident>),
    ) -> Res {
        if items.is_empty() {
            return Ok(());
        }
        if !supported {
            return Err(self.unsupported(
                "RETURNING",
                "run a SELECT for the changed rows in the same transaction",
            ));
        }
        self.write(" RETURNING ");
        if self.support().star_after_items || !star::star_after_items(items) {
            return self.select_items(items, None);
        }
        // MariaDB takes a bare `*` only first: the target's `t.*` are the same columns.
        self.comma_separated(items, |r, item| match item {
            SelectItem::Wildcard => {
                match target {
                    (_, Some(alias)) => r.ident(alias),
                    (table, None) => r.object_name(table),
                }
                r.write(".*");
                Ok(())
            }
            item => r.select_items(std::slice::from_ref(item), None),
        })
    }
}
