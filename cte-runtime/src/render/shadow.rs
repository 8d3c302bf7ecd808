//! MySQL and MariaDB: a CTE named like a CTE of an enclosing WITH, written under a fresh name.
//!
//! An inner name shadows an outer one, as in PostgreSQL and SQLite:
//!
//! ```sql
//! WITH value_a AS (SELECT 'root' AS n),
//!      value_b AS (WITH value_a AS (SELECT 'nesting' AS n) SELECT value_a.n FROM value_a)
//! SELECT value_a.n, value_b.n FROM value_a, value_b   -- root, nesting
//! ```
//!
//! MariaDB 10.11 reads the outer `value_a` inside `value_b` (root, root), and where the outer
//! CTE is recursive it may fail ("No anchors for recursive WITH element"). So each CTE whose
//! name is that of a CTE of an enclosing WITH is written as `__cte_s1`, and each reference that
//! means it as `__cte_s1 AS value_a`, which keeps `value_a.n` and `value_a.*` resolving. A name
//! means what it means in SQL: the innermost WITH that has it in sight, where a CTE body of a
//! non-recursive WITH sees the CTEs before it and one of a recursive WITH sees them all.
//!
//! MySQL's manual does not say which CTE a shadowed name reads, and there is no MySQL engine
//! here to show it: the same fresh names are written there, as they mean the same on any engine.

use super::query::same_name;
use super::{Renderer, Res};
use crate::tree::{Cte, Ident, ObjectName, TableAlias};
use crate::Dialect;

/// The CTE names of one enclosing WITH, as the SQL being written sees them.
pub(super) struct Bound {
    /// Each CTE's name, with the fresh name it is written under where it shadows.
    names: Vec<(Ident, Option<String>)>,
    /// How many of `names`, from the first, are in sight.
    visible: usize,
}

/// What a table name means where it is written.
pub(super) enum Binding {
    /// No CTE: a table.
    Table,
    /// A CTE written under its own name.
    Cte,
    /// A CTE written under this fresh name.
    Renamed(String),
}

/// Whether `dialect` writes shadowing CTEs under fresh names.
fn renames_shadowing(dialect: Dialect) -> bool {
    match dialect {
        Dialect::MySql | Dialect::MariaDb => true,
        Dialect::Postgres | Dialect::Sqlite | Dialect::MsSql => false,
    }
}

impl Renderer<'_> {
    /// Brings the CTEs of a WITH about to be written into sight, each with a fresh name where
    /// it shadows a CTE of an enclosing WITH. Paired with [`Renderer::unbind_with`] after the
    /// query the WITH belongs to.
    pub(super) fn bind_with<'c>(&mut self, recursive: bool, ctes: impl Iterator<Item = &'c Cte>) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        let mut names = Vec::new();
        for cte in ctes {
            let shadows = self
                .bound
                .iter()
                .any(|b| b.names.iter().any(|(n, _)| same_name(n, &cte.name)));
            let fresh = shadows.then(|| self.fresh_name("s"));
            names.push((cte.name, fresh));
        }
        let visible = if recursive { names.len() } else { 0 };
        self.bound.push(Bound { names, visible });
    }

    /// The fresh name of the CTE at `position` of the WITH being written, if it has one.
    pub(super) fn bound_cte_name(&self, position: usize) -> Option<String> {
        if !renames_shadowing(self.dialect) {
            return None;
        }
        let bound = self.bound.last()?;
        bound
            .names
            .get(position)
            .and_then(|(_, fresh)| fresh.clone())
    }

    /// The CTE at `position` of a non-recursive WITH is written: the next ones see it.
    pub(super) fn cte_bound(&mut self, position: usize) {
        if let Some(bound) = self
            .bound
            .last_mut()
            .filter(|_| renames_shadowing(self.dialect))
        {
            bound.visible = bound.visible.max(position + 1);
        }
    }

    /// The WITH's CTEs are written: its query sees them all.
    pub(super) fn with_bound(&mut self) {
        if let Some(bound) = self
            .bound
            .last_mut()
            .filter(|_| renames_shadowing(self.dialect))
        {
            bound.visible = bound.names.len();
        }
    }

    /// The query of the innermost WITH is written.
    pub(super) fn unbind_with(&mut self) {
        if renames_shadowing(self.dialect) {
            self.bound.pop();
        }
    }

    /// What the table name `name` means here.
    pub(super) fn binding(&self, name: &ObjectName) -> Binding {
        let [single] = name.0 else {
            return Binding::Table;
        };
        for bound in self.bound.iter().rev() {
            let sight = bound.names.get(..bound.visible).unwrap_or(&bound.names);
            if let Some((_, fresh)) = sight.iter().find(|(n, _)| same_name(n, single)) {
                return match fresh {
                    Some(fresh) => Binding::Renamed(fresh.clone()),
                    None => Binding::Cte,
                };
            }
        }
        Binding::Table
    }

    /// A reference to a renamed CTE: `__cte_s1 AS name`.
    pub(super) fn renamed_cte_reference(
        &mut self,
        name: &ObjectName,
        fresh: &str,
        alias: &Option<TableAlias>,
    ) -> Res {
        // The same form as a CTE moved on SQL Server: the fresh name under the name written.
        self.hoisted_reference(name, fresh, alias)
    }
}
