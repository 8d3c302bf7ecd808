//! MySQL and MariaDB: which CTE a table name means, and a CTE named like a CTE of an
//! enclosing WITH written under a fresh name.
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
//!
//! The same bookkeeping tells where MariaDB does not find an outer CTE at all, so that the
//! reference carries the CTE with it (`carries`, and `mysql.rs`).

use super::query::same_name;
use super::{facts, Renderer, Res};
use crate::tree::{Cte, ObjectName, TableAlias};
use crate::Dialect;

/// The CTEs of one enclosing WITH, as the SQL being written sees them.
pub(super) struct Bound {
    recursive: bool,
    ctes: Vec<&'static Cte>,
    /// The fresh name of each CTE that shadows one of an enclosing WITH.
    fresh: Vec<Option<String>>,
    /// How many of `ctes`, from the first, are in sight.
    visible: usize,
    /// The CTE bodies are being written (not yet the query the WITH belongs to).
    in_bodies: bool,
}

/// What a table name means where it is written.
pub(super) enum Binding {
    /// No CTE: a table.
    Table,
    /// A CTE written under its own name.
    Cte,
    /// A CTE written under this fresh name.
    Renamed(String),
    /// MariaDB: a CTE carried to where it is read (see `mysql.rs`), with the CTEs in sight in
    /// its WITH and whether that WITH is recursive.
    Carried {
        recursive: bool,
        ctes: Vec<&'static Cte>,
    },
}

/// Whether `dialect` writes shadowing CTEs under fresh names.
fn renames_shadowing(dialect: Dialect) -> bool {
    facts::support(dialect).renames_shadowing_ctes
}

impl Renderer<'_> {
    /// Brings the CTEs of a WITH about to be written into sight, each with a fresh name where
    /// it shadows a CTE of an enclosing WITH. Paired with [`Renderer::unbind_with`] after the
    /// query the WITH belongs to.
    pub(super) fn bind_with(&mut self, recursive: bool, ctes: impl Iterator<Item = &'static Cte>) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        let ctes: Vec<&'static Cte> = ctes.collect();
        let mut fresh = Vec::with_capacity(ctes.len());
        for cte in &ctes {
            let shadows = self
                .bound
                .iter()
                .any(|b| b.ctes.iter().any(|c| same_name(&c.name, &cte.name)));
            fresh.push(shadows.then(|| self.fresh_name("s")));
        }
        let visible = if recursive { ctes.len() } else { 0 };
        self.bound.push(Bound {
            recursive,
            ctes,
            fresh,
            visible,
            in_bodies: true,
        });
    }

    /// The fresh name of the CTE at `position` of the WITH being written, if it has one.
    pub(super) fn bound_cte_name(&self, position: usize) -> Option<String> {
        if !renames_shadowing(self.dialect) {
            return None;
        }
        self.bound.last()?.fresh.get(position).cloned().flatten()
    }

    /// The CTE at `position` of a non-recursive WITH is written: the next ones see it.
    pub(super) fn cte_bound(&mut self, position: usize) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        if let Some(bound) = self.bound.last_mut() {
            bound.visible = bound.visible.max(position + 1);
        }
    }

    /// The WITH's CTEs are written: its query sees them all.
    pub(super) fn with_bound(&mut self) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        if let Some(bound) = self.bound.last_mut() {
            bound.visible = bound.ctes.len();
            bound.in_bodies = false;
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
        for (i, bound) in self.bound.iter().enumerate().rev() {
            let sight = bound.ctes.get(..bound.visible).unwrap_or(&bound.ctes);
            let Some(position) = sight.iter().position(|c| same_name(&c.name, single)) else {
                continue;
            };
            if self.carries(i) {
                return Binding::Carried {
                    recursive: bound.recursive,
                    ctes: sight.to_vec(),
                };
            }
            return match bound.fresh.get(position).cloned().flatten() {
                Some(fresh) => Binding::Renamed(fresh),
                None => Binding::Cte,
            };
        }
        Binding::Table
    }

    /// MariaDB 10.11 does not find a CTE of the WITH at `i` of `bound` from the CTE bodies of a
    /// WITH nested in that WITH's query ("Table ... doesn't exist"), unless the outer WITH, or
    /// one around it, is itself in a CTE body:
    ///
    /// ```sql
    /// WITH x AS (SELECT 1 AS n) SELECT * FROM (WITH y AS (SELECT * FROM x) SELECT * FROM y) AS b
    /// ```
    fn carries(&self, i: usize) -> bool {
        if self.support().nested_cte_reads_outer {
            return false;
        }
        let (outer, inner) = self.bound.split_at((i + 1).min(self.bound.len()));
        !outer.iter().any(|b| b.in_bodies) && inner.iter().any(|b| b.in_bodies)
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
