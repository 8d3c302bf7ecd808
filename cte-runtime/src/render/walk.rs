//! The events of the whole-tree walk (`visit.rs`) as one `Node` type, for the checks that look
//! at the whole statement before it is written and need no scopes.

use std::ops::ControlFlow;

use super::visit::{self, Flow, Visit};
use crate::tree::{
    Expr, Ident, ObjectName, OrderByItem, QueryExpr, Select, Statement, TableAlias, With,
};

/// A node of the tree.
pub(super) enum Node<'a> {
    /// A query, before its parts.
    Query(&'a QueryExpr),
    /// An `EXISTS`, before its subquery is walked.
    Exists,
    With(&'a With),
    Select(&'a Select),
    /// A column, and whether it is a whole ORDER BY item.
    Column(&'a ObjectName, bool),
    /// A table read or written, a CTE read, or a derived table's alias.
    Relation(Option<&'a ObjectName>, Option<&'a TableAlias>),
    /// Any other name the statement defines (see `Visit::visit_name`).
    Name(&'a Ident),
}

/// Calls `f` on every query, EXISTS, WITH, SELECT, FROM item, column and defined name of
/// `stmt`, until it returns something.
pub(super) fn walk_statement<'a, T>(
    stmt: &'a Statement,
    f: &mut impl FnMut(Node<'a>) -> Option<T>,
) -> Option<T> {
    match Nodes(f).visit_statement(stmt) {
        ControlFlow::Break(found) => Some(found),
        ControlFlow::Continue(()) => None,
    }
}

/// The events of the whole-tree walk, as `Node`s.
struct Nodes<F>(F);

/// Stops the walk at what `f` found.
fn found<T>(found: Option<T>) -> Flow<T> {
    match found {
        Some(found) => ControlFlow::Break(found),
        None => ControlFlow::Continue(()),
    }
}

impl<'a, T, F: FnMut(Node<'a>) -> Option<T>> Visit<'a> for Nodes<F> {
    type Break = T;

    fn visit_query(&mut self, q: &'a QueryExpr) -> Flow<T> {
        found((self.0)(Node::Query(q)))?;
        visit::walk_query(self, q)
    }
    fn visit_with(&mut self, with: &'a With) -> Flow<T> {
        found((self.0)(Node::With(with)))?;
        visit::walk_with(self, with)
    }
    fn visit_select(&mut self, select: &'a Select) -> Flow<T> {
        found((self.0)(Node::Select(select)))?;
        visit::walk_select(self, select)
    }
    fn visit_order_by_item(&mut self, item: &'a OrderByItem) -> Flow<T> {
        match &item.expr {
            Expr::Column(name) => found((self.0)(Node::Column(name, true))),
            e => self.visit_expr(e),
        }
    }
    fn visit_expr(&mut self, e: &'a Expr) -> Flow<T> {
        if let Expr::Exists { .. } = e {
            found((self.0)(Node::Exists))?;
        }
        visit::walk_expr(self, e)
    }
    fn visit_relation(
        &mut self,
        name: Option<&'a ObjectName>,
        alias: Option<&'a TableAlias>,
    ) -> Flow<T> {
        found((self.0)(Node::Relation(name, alias)))
    }
    fn visit_column(&mut self, name: &'a ObjectName) -> Flow<T> {
        found((self.0)(Node::Column(name, false)))
    }
    fn visit_name(&mut self, name: &'a Ident) -> Flow<T> {
        found((self.0)(Node::Name(name)))
    }
}
