//! The WITHs around what is being written, and what a table name means there: a table, a CTE
//! under its own name or a fresh one (MySQL, MariaDB), or a CTE that moves, or is carried, to
//! where it is read (written by `moved.rs`). SQL Server's moved CTEs (`hoist.rs`) and a
//! recursive CTE's internal name (`rewrite.rs`) read the same scopes. This module is the one
//! place that decides it; the writer asks [`Renderer::binding`] at each table name.
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
//!
//! Why this is decided while writing, and not in the plan (`plan.rs`):
//! - What a name means belongs to one writing of a node, not to the node. A moved or carried
//!   CTE is written again at each reference that reads it, inside a derived table with its own
//!   WITH; that copy is bound again (it shadows its original, so it gets a fresh name), and the
//!   names in its body mean the copy. A CTE read from a nested WITH on MariaDB is written once
//!   in its WITH and once more in each reference that carries it, each time under the name
//!   that writing gives it (its own, then `__cte_s4`, say). Planning it means keying answers by
//!   the node and the references carrying it, and finding those means following every choice
//!   that says where the writer writes a WITH and what it carries: a set operand's WITH moved,
//!   written as a derived table, or kept (`set_op.rs`, which asks `reads_outer_cte` here),
//!   MariaDB's UPDATE/DELETE WITH (`dml.rs`), INSERT's WITH placement, the CTEs each carried
//!   reference needs, and a non-recursive WITH's CTEs coming into sight as each is written.
//!   That walk is the writer's own, a second time.
//! - The fresh names count on the one counter that also numbers, in text order, derived
//!   tables' aliases (`__cte_d`), column lists written as CTEs (`__cte_c`) and recursive CTEs'
//!   internal names (`__cte_r`), which the writer takes where its rewrites need them. The plan
//!   takes its names (SQL Server's `__cte_h`) before any of those; a shadowing CTE's number
//!   depends on how many the writer took before it, so only the writer can give it.

use super::query::same_name;
use super::{facts, scope, Renderer, Res};
use crate::tree::{Cte, Ident, List, ObjectName, With};
use crate::Dialect;

/// The CTEs of a WITH around what is being written.
#[derive(Clone, Copy)]
pub(super) enum Enclosing {
    /// The WITH's CTE bodies are being written.
    Bodies(List<Cte>),
    /// The query or statement the WITH heads is being written: the CTEs are in scope.
    Query(List<Cte>),
    /// The query or statement of a WITH the dialect cannot take where it stands: each
    /// reference to one of its CTEs in a FROM clause becomes a derived table that carries its
    /// own WITH (see `moved.rs`).
    Moved { recursive: bool, ctes: List<Cte> },
    /// The CTEs a reference carries are being written: no CTE moves into them.
    Carrying,
}

/// The WITHs around what is being written, innermost last.
#[derive(Default)]
pub(super) struct Scopes {
    /// Each WITH as the statement's scopes see it: for shadowing checks, moved CTEs and SQL
    /// Server's hoisting.
    enclosing: Vec<Enclosing>,
    /// MySQL/MariaDB: each WITH as the SQL being written sees it, with the fresh names of the
    /// CTEs that shadow an outer one. Not in step with `enclosing`: a carried WITH is bound
    /// only here, and a WITH is bound from its first CTE until its query is written.
    bound: Vec<Bound>,
}

/// The CTEs of one enclosing WITH, as the SQL being written sees them.
struct Bound {
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
    /// MariaDB: a CTE of an outer WITH that a nested WITH's CTE body does not find, carried to
    /// where it is read (see `carries`), with the CTEs that reading it needs, in their WITH's order,
    /// and whether that WITH is recursive.
    Carried {
        recursive: bool,
        needed: Vec<&'static Cte>,
    },
    /// A CTE of a WITH the dialect cannot take where it stands, moved to where it is read
    /// (see `moved.rs`) on SQLite, MySQL or MariaDB, with the same.
    Moved {
        recursive: bool,
        needed: Vec<&'static Cte>,
    },
}

/// Whether `dialect` writes shadowing CTEs under fresh names.
fn renames_shadowing(dialect: Dialect) -> bool {
    facts::support(dialect).renames_shadowing_ctes
}

impl Renderer<'_> {
    /// Runs `f` with the CTEs `ctes`, if any, in scope.
    pub(super) fn in_scope(
        &mut self,
        ctes: Option<List<Cte>>,
        f: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        self.around(ctes.map(Enclosing::Query), f)
    }

    /// Runs `f` inside `enclosing`, if any.
    pub(super) fn around(
        &mut self,
        enclosing: Option<Enclosing>,
        f: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        let Some(enclosing) = enclosing else {
            return f(self);
        };
        self.scopes.enclosing.push(enclosing);
        let done = f(self);
        self.scopes.enclosing.pop();
        done
    }

    /// Runs `f` in the scopes of a CTE moved to the statement's WITH on SQL Server (see
    /// `hoist.rs`): the WITHs whose CTE bodies are being written stay around it, then `scopes`,
    /// those it was written in.
    pub(super) fn in_hoisted_scopes(
        &mut self,
        scopes: &[List<Cte>],
        f: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        let bodies = self
            .scopes
            .enclosing
            .iter()
            .filter(|e| matches!(e, Enclosing::Bodies(_)))
            .copied();
        let moved_scopes = scopes.iter().map(|&ctes| Enclosing::Query(ctes));
        let enclosing = bodies.chain(moved_scopes).collect();
        let outer = std::mem::replace(&mut self.scopes.enclosing, enclosing);
        let done = f(self);
        self.scopes.enclosing = outer;
        done
    }

    /// How many WITHs are around: a mark for [`Renderer::scopes_since`].
    pub(super) fn scopes_len(&self) -> usize {
        self.scopes.enclosing.len()
    }

    /// The CTE lists in scope, outermost first, of the WITHs entered since there were `from`.
    pub(super) fn scopes_since(
        &self,
        from: usize,
    ) -> impl DoubleEndedIterator<Item = List<Cte>> + '_ {
        let since = self.scopes.enclosing.get(from..).unwrap_or_default();
        since.iter().filter_map(|e| match e {
            Enclosing::Query(ctes) => Some(*ctes),
            Enclosing::Bodies(_) | Enclosing::Moved { .. } | Enclosing::Carrying => None,
        })
    }
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
                .scopes
                .bound
                .iter()
                .any(|b| b.ctes.iter().any(|c| same_name(&c.name, &cte.name)));
            fresh.push(shadows.then(|| self.fresh_name("s")));
        }
        let visible = if recursive { ctes.len() } else { 0 };
        self.scopes.bound.push(Bound {
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
        self.scopes
            .bound
            .last()?
            .fresh
            .get(position)
            .cloned()
            .flatten()
    }

    /// The CTE at `position` of a non-recursive WITH is written: the next ones see it.
    pub(super) fn cte_bound(&mut self, position: usize) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        if let Some(bound) = self.scopes.bound.last_mut() {
            bound.visible = bound.visible.max(position + 1);
        }
    }

    /// The WITH's CTEs are written: its query sees them all.
    pub(super) fn with_bound(&mut self) {
        if !renames_shadowing(self.dialect) {
            return;
        }
        if let Some(bound) = self.scopes.bound.last_mut() {
            bound.visible = bound.ctes.len();
            bound.in_bodies = false;
        }
    }

    /// The query of the innermost WITH is written.
    pub(super) fn unbind_with(&mut self) {
        if renames_shadowing(self.dialect) {
            self.scopes.bound.pop();
        }
    }

    /// What the table name `name` means here.
    pub(super) fn binding(&self, name: &ObjectName) -> Binding {
        let [single] = name.0 else {
            return Binding::Table;
        };
        for (i, bound) in self.scopes.bound.iter().enumerate().rev() {
            let sight = bound.ctes.get(..bound.visible).unwrap_or(&bound.ctes);
            let Some(position) = sight.iter().position(|c| same_name(&c.name, single)) else {
                continue;
            };
            if self.carries(i) {
                return Binding::Carried {
                    recursive: bound.recursive,
                    needed: needed_ctes(sight, single),
                };
            }
            return match bound.fresh.get(position).cloned().flatten() {
                Some(fresh) => Binding::Renamed(fresh),
                None => Binding::Cte,
            };
        }
        self.moved_binding(single).unwrap_or(Binding::Table)
    }

    /// A name that no bound WITH has in sight: a CTE moved to where it is read, if the
    /// innermost moved WITH has it and no WITH written inside that one shadows it.
    fn moved_binding(&self, single: &Ident) -> Option<Binding> {
        let (at, recursive, ctes) = self.moving()?;
        let shadowed = self
            .scopes_since(at)
            .any(|ctes| ctes.iter().any(|c| same_name(&c.name, single)));
        if shadowed || !ctes.iter().any(|c| same_name(&c.name, single)) {
            return None;
        }
        let needed = needed_ctes(&ctes.iter().collect::<Vec<_>>(), single);
        Some(Binding::Moved { recursive, needed })
    }

    /// The innermost WITH whose CTEs move to the references in what is being written: its
    /// place in `enclosing`, whether it is recursive, and its CTEs.
    pub(super) fn moving(&self) -> Option<(usize, bool, List<Cte>)> {
        for (at, enclosing) in self.scopes.enclosing.iter().enumerate().rev() {
            match enclosing {
                Enclosing::Moved { recursive, ctes } => return Some((at, *recursive, *ctes)),
                Enclosing::Carrying => return None,
                Enclosing::Bodies(_) | Enclosing::Query(_) => {}
            }
        }
        None
    }

    /// Whether a CTE of `with` reads a CTE of an enclosing WITH that `with` does not shadow.
    pub(super) fn reads_outer_cte(&self, with: &With) -> bool {
        let mut enclosing = self.scopes.enclosing.iter().flat_map(|e| match e {
            Enclosing::Bodies(ctes) | Enclosing::Query(ctes) => ctes.iter(),
            Enclosing::Moved { .. } | Enclosing::Carrying => [].iter(),
        });
        enclosing.any(|outer| {
            !with.ctes.iter().any(|c| same_name(&c.name, &outer.name))
                && with
                    .ctes
                    .iter()
                    .any(|c| scope::statement_mentions(c.body, &outer.name))
        })
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
        let (outer, inner) = self
            .scopes
            .bound
            .split_at((i + 1).min(self.scopes.bound.len()));
        !outer.iter().any(|b| b.in_bodies) && inner.iter().any(|b| b.in_bodies)
    }
}

/// The CTEs that reading `name` needs: itself and those it reads, transitively, in their
/// order in the WITH.
fn needed_ctes(ctes: &[&'static Cte], name: &Ident) -> Vec<&'static Cte> {
    let mut needed: Vec<bool> = ctes.iter().map(|c| same_name(&c.name, name)).collect();
    loop {
        let mut grew = false;
        for (i, cte) in ctes.iter().enumerate() {
            if needed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let read = ctes.iter().zip(&needed).any(|(reader, &is_needed)| {
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
    ctes.iter()
        .zip(needed)
        .filter_map(|(c, n)| n.then_some(*c))
        .collect()
}
