//! `INSERT ... ON CONFLICT`, the upsert: written as is on PostgreSQL and SQLite, as
//! `ON DUPLICATE KEY UPDATE` on MySQL and MariaDB where that means the same (see `mysql.rs`),
//! refused on SQL Server.

use super::facts::Upsert;
use super::typing::Typing;
use super::{Renderer, Res};
use crate::tree::{Assignment, ConflictAction, Insert, ObjectName, OnConflict, QueryExpr, SetExpr};

impl Renderer<'_> {
    /// ` ON CONFLICT ...` after the source of `i`, as the dialect takes it.
    pub(super) fn on_conflict(&mut self, i: &Insert) -> Res {
        let Some(c) = &i.on_conflict else {
            return Ok(());
        };
        match self.support().upsert {
            Upsert::Native { .. } => self.native_on_conflict(c),
            Upsert::DuplicateKey => self.duplicate_key(i, c),
            Upsert::No { help } => Err(self.unsupported("INSERT ... ON CONFLICT", help)),
        }
    }

    fn native_on_conflict(&mut self, c: &OnConflict) -> Res {
        self.write(" ON CONFLICT");
        if !c.columns.is_empty() {
            self.write(" (");
            self.ident_list(c.columns)?;
            self.write(")");
        }
        match &c.action {
            ConflictAction::Nothing => {
                self.write(" DO NOTHING");
                Ok(())
            }
            ConflictAction::Update {
                assignments,
                selection,
            } => {
                self.write(" DO UPDATE SET ");
                self.set_list(assignments, None)?;
                self.where_clause(selection.as_ref())
            }
        }
    }

    /// `c = v, ...` of an upsert's DO UPDATE; `t.c = v` with `table`.
    pub(super) fn set_list(
        &mut self,
        assignments: &[Assignment],
        table: Option<&ObjectName>,
    ) -> Res {
        self.comma_separated(assignments, |r, a| {
            if let Some(table) = table {
                r.object_name(table);
                r.write(".");
            }
            r.ident(&a.column);
            r.write(" = ");
            r.expr_typed(&a.value, Typing::Inferred)
        })
    }

    /// Whether the source of an upsert on SQLite needs a WHERE after it, so that SQLite does
    /// not read `ON CONFLICT` as the condition of a join: it is not a plain VALUES list.
    pub(super) fn upsert_source_needs_where(&self, i: &Insert) -> bool {
        let needs = matches!(
            self.support().upsert,
            Upsert::Native {
                select_needs_where: true
            }
        );
        needs && i.on_conflict.is_some() && !is_plain_values(i.source)
    }
}

/// A VALUES list with nothing after it, which every dialect writes as `VALUES (...), ...`.
pub(super) fn is_plain_values(q: &QueryExpr) -> bool {
    matches!(q.body, SetExpr::Values(_))
        && q.order_by.is_empty()
        && q.limit.is_none()
        && q.offset.is_none()
}
