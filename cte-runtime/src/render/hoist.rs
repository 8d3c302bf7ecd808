//! SQL Server: a WITH inside a subquery, moved to the statement's WITH.
//!
//! SQL Server takes WITH only at the start of a statement. A CTE written inside a subquery, a
//! derived table or a CTE body is therefore written in the statement's WITH, under a fresh name
//! (`__cte_h1`) that no other name can equal, just before the CTE whose body held it (or after
//! the statement's own CTEs when the main query held it); each reference that the CTE's name
//! had where it was written is written as `__cte_h1 AS name`, so qualified columns still
//! resolve. A hoisted CTE sees the same CTEs it saw in place: the statement's CTEs written
//! before it and the hoisted CTEs that enclosed it. Where a recursive WITH has a CTE read one
//! written after it, the combined list is then ordered as `order.rs` says, a moved CTE
//! counting as read by the CTE whose body held it.
//!
//! A body that reads a column of the query around it (a correlated subquery) cannot move: that
//! is a RenderError. An unqualified outer column would fail to resolve after the move, never
//! resolve to something else, as the body's own tables win over outer ones in place too.

use std::collections::HashMap;
use std::ops::ControlFlow;

use super::order::Order;
use super::query::same_name;
use super::visit::{self, visible, Flow, Scope, Visit};
use super::walk::{walk_statement, Node};
use super::{Renderer, Res};
use crate::tree::{Cte, List, ObjectName, SelectItem, Statement, With};
use crate::{Dialect, RenderError};

/// The CTEs that move to the statement's WITH, in the order they are written there.
#[derive(Clone)]
pub(super) struct Hoisting {
    /// The fresh name of each CTE of each moved WITH, by the address of its CTE list.
    names: HashMap<*const Cte, Vec<String>>,
    /// The statement's WITH, its own CTEs and the moved ones, in the order they are written;
    /// or the error when no order lets each CTE follow those it reads.
    with: Result<Vec<Hoisted>, RenderError>,
    /// CTEs moved after the statement's own, so that a statement without a WITH gets one.
    moves_after: bool,
}

/// One moved CTE: the CTE, its fresh name, whether its WITH is recursive, the CTE lists it
/// saw where it was written (the scopes to render its body in), and how many of the moved CTEs
/// just before it came out of its body.
#[derive(Clone)]
pub(super) struct Moved {
    cte: &'static Cte,
    name: String,
    recursive: bool,
    scopes: Vec<List<Cte>>,
    nested: usize,
}

/// A CTE of the statement's WITH on SQL Server: one of the statement's own, with its position
/// in the written WITH and how many of the moved CTEs just before it came out of its body, or a
/// moved one.
#[derive(Clone)]
enum Hoisted {
    Own {
        position: usize,
        cte: &'static Cte,
        nested: usize,
    },
    Moved(Moved),
}

impl Hoisted {
    fn cte(&self) -> &Cte {
        match self {
            Hoisted::Own { cte, .. } => cte,
            Hoisted::Moved(m) => m.cte,
        }
    }

    fn nested(&self) -> usize {
        match self {
            Hoisted::Own { nested, .. } => *nested,
            Hoisted::Moved(m) => m.nested,
        }
    }
}

impl Hoisting {
    /// Whether this WITH is one that moved.
    pub(super) fn moves(&self, with: &With) -> bool {
        self.names.contains_key(&with.ctes.as_ptr())
    }
}

/// The walk that finds the WITHs to move: every WITH but the leading one moves, and each of
/// its CTEs is noted with the scopes its body was in.
struct Hoister<'g, 'a> {
    dialect: Dialect,
    /// The count of fresh names made so far.
    generated: &'g mut u32,
    /// The statement's own WITH, which stays.
    leading: Option<&'a With>,
    /// The CTE lists in scope, innermost last.
    scopes: Vec<List<Cte>>,
    /// For each scope entered, how many CTEs had moved before it.
    starts: Vec<usize>,
    /// The fresh names of the moved CTEs (see `Hoisting::names`).
    names: HashMap<*const Cte, Vec<String>>,
    /// The moved CTEs written before the statement's own CTE of that position.
    before: HashMap<usize, Vec<Moved>>,
    /// The moved CTEs found so far outside the leading CTEs' bodies, in the order written.
    moved: Vec<Moved>,
}

impl Hoister<'_, '_> {
    fn is_leading(&self, with: &With) -> bool {
        self.leading.is_some_and(|l| std::ptr::eq(l, with))
    }
}

impl<'a> Visit<'a> for Hoister<'_, 'a> {
    type Break = RenderError;

    fn visit_with(&mut self, with: &'a With) -> Flow<RenderError> {
        if !self.is_leading(with) {
            let names = with
                .ctes
                .iter()
                .map(|_| super::fresh_name(self.generated, "h"))
                .collect();
            self.names.insert(with.ctes.as_ptr(), names);
        }
        visit::walk_with(self, with)
    }

    fn enter_scope(&mut self, with: &'a With, scope: Scope) -> Flow<RenderError, bool> {
        self.scopes.push(visible(with, scope));
        self.starts.push(self.moved.len());
        ControlFlow::Continue(true)
    }

    /// After a CTE body: the CTEs that moved out of a leading CTE's body go before it; a
    /// moving CTE follows those that moved out of its body.
    fn leave_scope(&mut self, with: &'a With, scope: Scope) -> Flow<RenderError> {
        let start = self.starts.pop().unwrap_or_default();
        if let Scope::Cte(i) = scope {
            let ctes: List<Cte> = with.ctes;
            let cte = &ctes[i];
            if self.is_leading(with) {
                let moved = self.moved.split_off(start);
                if !moved.is_empty() {
                    self.before.insert(i, moved);
                }
            } else {
                if let Err(e) = check_uncorrelated(cte, self.dialect) {
                    return ControlFlow::Break(e);
                }
                let name = self.names[&ctes.as_ptr()][i].clone();
                let nested = self.moved.len() - start;
                self.moved.push(Moved {
                    cte,
                    name,
                    recursive: with.recursive,
                    scopes: self.scopes.clone(),
                    nested,
                });
            }
        }
        self.scopes.pop();
        ControlFlow::Continue(())
    }
}

/// The leading WITH of a statement on SQL Server, which stays where it is.
pub(super) fn leading_with(stmt: &Statement) -> Option<&With> {
    match stmt {
        Statement::Query(q) => q.with.as_ref(),
        Statement::Insert(i) => i.with.as_ref().or(i.source.with.as_ref()),
        Statement::Update(u) => u.with.as_ref(),
        Statement::Delete(d) => d.with.as_ref(),
    }
}

/// Finds the WITHs of `stmt` that must move on a dialect without nested WITHs, and names
/// their CTEs, counting the fresh names in `generated`.
pub(super) fn plan(
    stmt: &Statement,
    dialect: Dialect,
    generated: &mut u32,
) -> Result<Option<Hoisting>, RenderError> {
    let leading = leading_with(stmt);
    let mut hoister = Hoister {
        dialect,
        generated,
        leading,
        scopes: Vec::new(),
        starts: Vec::new(),
        names: HashMap::new(),
        before: HashMap::new(),
        moved: Vec::new(),
    };
    if let ControlFlow::Break(e) = hoister.visit_statement(stmt) {
        return Err(e);
    }
    let Hoister {
        names,
        mut before,
        moved: after,
        ..
    } = hoister;
    if names.is_empty() {
        return Ok(None);
    }
    // Each moved CTE before the CTE whose body held it, or after all of them.
    let mut list = Vec::new();
    for (position, cte) in leading.map_or(&[][..], |w| w.ctes).iter().enumerate() {
        let moved = before.remove(&position).unwrap_or_default();
        let nested = moved.len();
        list.extend(moved.into_iter().map(Hoisted::Moved));
        list.push(Hoisted::Own {
            position,
            cte,
            nested,
        });
    }
    let moves_after = !after.is_empty();
    list.extend(after.into_iter().map(Hoisted::Moved));
    let recursive = leading.is_some_and(|w| w.recursive);
    let order = super::order::order(list.len(), |i, j| hoisted_reads(&list, recursive, i, j));
    let with = super::order::ordered(order, dialect).map(|order| match order {
        Order::Written => list,
        Order::Positions(order) => order.into_iter().map(|i| list[i].clone()).collect(),
    });
    Ok(Some(Hoisting {
        names,
        with,
        moves_after,
    }))
}

/// A CTE body that reads a qualified column of no table of its own reads the query around it,
/// and cannot move.
fn check_uncorrelated(cte: &Cte, dialect: Dialect) -> Result<(), RenderError> {
    if reads_outer_columns(cte) {
        return Err(RenderError::new(
            "a WITH inside a subquery that reads the query around it",
            dialect,
            "SQL Server only takes WITH at the start of a statement, and this CTE reads \
             columns of the query it is in; join those tables inside the CTE",
        ));
    }
    Ok(())
}

impl Renderer<'_> {
    /// The fresh name `name` has here, when it names a moved CTE.
    pub(super) fn hoisted_name(&self, name: &ObjectName) -> Option<String> {
        let plan = self.plan.hoisting.as_ref()?;
        let [single] = name.0 else { return None };
        for ctes in self.scopes_since(0).rev() {
            if let Some(i) = ctes.iter().position(|c| same_name(&c.name, single)) {
                return plan
                    .names
                    .get(&ctes.as_ptr())
                    .and_then(|n| n.get(i))
                    .cloned();
            }
        }
        None
    }

    /// The statement's WITH on SQL Server, with the moved CTEs, as the plan ordered them: each
    /// before the CTE whose body held it, or after all of them, then, where a CTE reads one
    /// written after it, so that each CTE follows those it reads (see `order.rs`). `recursive`
    /// tells whether the statement's own WITH is recursive.
    pub(super) fn with_hoisted(&mut self, recursive: bool) -> Res {
        let Some(plan) = &self.plan.hoisting else {
            return Err(self.unsupported("internal: a hoisted WITH without a plan", ""));
        };
        let list = plan.with.clone()?;
        self.write("WITH ");
        self.comma_separated(list, |r, hoisted| match hoisted {
            Hoisted::Own { cte, .. } => r.cte(cte, recursive, None),
            Hoisted::Moved(m) => r.hoisted_cte(&m),
        })
    }

    /// One moved CTE under its fresh name, its body rendered in the scopes it was written in
    /// (the WITHs whose CTE bodies are being written stay around it).
    fn hoisted_cte(&mut self, m: &Moved) -> Res {
        self.in_hoisted_scopes(&m.scopes, |r| {
            r.cte(m.cte, m.recursive, Some(m.name.clone()))
        })
    }

    /// A reference to a moved CTE: `__cte_h1 AS name`, so that `name.col` still resolves.
    pub(super) fn hoisted_reference(
        &mut self,
        name: &ObjectName,
        hoisted: &str,
        alias: &Option<crate::tree::TableAlias>,
    ) -> Res {
        let shown = alias
            .as_ref()
            .map_or_else(|| name.0.last().copied(), |a| Some(a.name));
        match alias {
            Some(alias) if !alias.columns.is_empty() => self.renamed_columns(alias, |r| {
                r.write("SELECT * FROM ");
                r.write(hoisted);
                Ok(())
            }),
            _ => {
                self.write(hoisted);
                if let Some(shown) = shown {
                    self.write(" AS ");
                    self.ident(&shown);
                }
                Ok(())
            }
        }
    }

    /// Whether CTEs moved after the statement's own.
    pub(super) fn hoists_after(&self) -> bool {
        self.plan.hoisting.as_ref().is_some_and(|p| p.moves_after)
    }
}

/// Whether the CTE at `i` of the statement's WITH must come after the one at `j`: `j` came out
/// of its body, or its body reads `j` where `j` is the CTE its name means there.
fn hoisted_reads(list: &[Hoisted], recursive: bool, i: usize, j: usize) -> bool {
    if j < i && i - j <= list[i].nested() {
        return true;
    }
    let (reader, read) = (list[i].cte(), list[j].cte());
    if i == j || same_name(&reader.name, &read.name) {
        return false;
    }
    let sees = match (&list[i], &list[j]) {
        (Hoisted::Own { position: pi, .. }, Hoisted::Own { position: pj, .. }) => {
            recursive || pj < pi
        }
        (Hoisted::Own { .. }, Hoisted::Moved(_)) => false,
        (Hoisted::Moved(m), _) => m
            .scopes
            .iter()
            .rev()
            .find_map(|ctes| ctes.iter().find(|c| same_name(&c.name, &read.name)))
            .is_some_and(|c| std::ptr::eq(c, read)),
    };
    sees && super::scope::statement_mentions(reader.body, &read.name)
}

/// Whether the body of `cte` reads a qualified column of no table of its own: a column of the
/// query around it.
pub(super) fn reads_outer_columns(cte: &Cte) -> bool {
    let (mut names, mut qualifiers) = (Vec::new(), Vec::new());
    walk_statement::<()>(cte.body, &mut |node| {
        match node {
            Node::Relation(name, alias) => {
                names.extend(name.and_then(|n| n.0.last()).copied());
                names.extend(alias.map(|a| a.name));
            }
            Node::With(with) => names.extend(with.ctes.iter().map(|c| c.name)),
            Node::Column(ObjectName([.., qualifier, _]), _) => qualifiers.push(*qualifier),
            Node::Select(select) => {
                qualifiers.extend(select.projection.iter().filter_map(|item| match item {
                    SelectItem::QualifiedWildcard(name) => name.0.last().copied(),
                    _ => None,
                }))
            }
            Node::Column(..) | Node::Name(_) | Node::Query(_) | Node::Exists => {}
        }
        None
    });
    qualifiers
        .iter()
        .any(|q| !names.iter().any(|n| same_name(n, q)))
}
