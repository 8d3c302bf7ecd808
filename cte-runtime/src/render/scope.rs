//! Which CTE names a part of the tree refers to, with inner WITHs shadowing outer names.
//!
//! Used to tell recursive CTEs and their recursive members apart, and to find the CTEs a
//! subquery needs when MariaDB's UPDATE/DELETE moves them there.

use std::ops::ControlFlow;

use super::query::same_name;
use super::visit::{self, Flow, Scope, Visit};
use crate::tree::{Ident, ObjectName, QueryExpr, Select, SetExpr, Statement, TableAlias, With};

/// Whether `stmt` reads the relation `name` (a table or CTE name written in a FROM clause or as
/// a DML target), not counting places where an inner WITH redefines it.
pub(super) fn statement_mentions(stmt: &Statement, name: &Ident) -> bool {
    mentions(name, |m| m.visit_statement(stmt))
}

pub(super) fn query_mentions(q: &QueryExpr, name: &Ident) -> bool {
    mentions(name, |m| m.visit_query(q))
}

/// Whether the ORDER BY, LIMIT or OFFSET of `q` reads `name`.
pub(super) fn query_tail_mentions(q: &QueryExpr, name: &Ident) -> bool {
    mentions(name, |m| visit::walk_query_tail(m, q))
}

pub(super) fn set_expr_mentions(s: &SetExpr, name: &Ident) -> bool {
    mentions(name, |m| m.visit_set_expr(s))
}

pub(super) fn select_mentions(select: &Select, name: &Ident) -> bool {
    mentions(name, |m| m.visit_select(select))
}

fn mentions(name: &Ident, walk: impl FnOnce(&mut Mentions<'_>) -> Flow<()>) -> bool {
    walk(&mut Mentions { name }).is_break()
}

/// Stops at the first relation read called `name`.
struct Mentions<'n> {
    name: &'n Ident,
}

impl<'a> Visit<'a> for Mentions<'_> {
    type Break = ();

    /// Where a WITH defines `name`, a read of `name` is a read of that CTE. A CTE body sees
    /// the CTEs before it (all of them in a recursive WITH); the body of the CTE called `name`
    /// itself is not followed either.
    fn enter_scope(&mut self, with: &'a With, scope: Scope) -> Flow<(), bool> {
        let defined = match scope {
            Scope::Cte(i) if !with.recursive => &with.ctes[..=i],
            Scope::Cte(_) | Scope::Rest => with.ctes,
        };
        ControlFlow::Continue(!defined.iter().any(|c| same_name(&c.name, self.name)))
    }

    fn visit_relation(
        &mut self,
        relation: Option<&'a ObjectName>,
        _alias: Option<&'a TableAlias>,
    ) -> Flow<()> {
        match relation {
            Some(ObjectName([only])) if same_name(only, self.name) => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        }
    }
}
