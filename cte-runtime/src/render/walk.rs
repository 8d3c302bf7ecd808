//! A walk over every WITH, SELECT, FROM item and column of a statement, for the checks that
//! look at the whole statement before it is written.

use crate::tree::{
    Expr, FunctionArgs, Ident, ObjectName, OrderByItem, QueryExpr, Select, SelectItem, SetExpr,
    Statement, TableAlias, TableFactor, TableWithJoins, With,
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
    /// Any other name the statement defines: a select item's alias, a CTE's column, an alias
    /// of the target of UPDATE or DELETE, a column INSERT or UPDATE sets.
    Name(&'a Ident),
}

/// Calls `f` on every query, EXISTS, WITH, SELECT, FROM item, column and defined name of
/// `stmt`, until it returns something.
pub(super) fn walk_statement<'a, T>(
    stmt: &'a Statement,
    f: &mut impl FnMut(Node<'a>) -> Option<T>,
) -> Option<T> {
    match stmt {
        Statement::Query(q) => walk_query(q, f),
        Statement::Insert(i) => i
            .with
            .as_ref()
            .and_then(|w| walk_with(w, f))
            .or_else(|| f(Node::Relation(Some(&i.table), None)))
            .or_else(|| i.columns.iter().find_map(|c| f(Node::Name(c))))
            .or_else(|| walk_query(i.source, f))
            .or_else(|| walk_items(i.returning, f)),
        Statement::Update(u) => u
            .with
            .as_ref()
            .and_then(|w| walk_with(w, f))
            .or_else(|| f(Node::Relation(Some(&u.table), None)))
            .or_else(|| u.alias.as_ref().and_then(|a| f(Node::Name(a))))
            .or_else(|| {
                u.assignments
                    .iter()
                    .find_map(|a| f(Node::Name(&a.column)).or_else(|| walk_expr(&a.value, f)))
            })
            .or_else(|| walk_from(u.from, f))
            .or_else(|| u.selection.as_ref().and_then(|e| walk_expr(e, f)))
            .or_else(|| walk_items(u.returning, f)),
        Statement::Delete(d) => d
            .with
            .as_ref()
            .and_then(|w| walk_with(w, f))
            .or_else(|| f(Node::Relation(Some(&d.table), None)))
            .or_else(|| d.alias.as_ref().and_then(|a| f(Node::Name(a))))
            .or_else(|| d.selection.as_ref().and_then(|e| walk_expr(e, f)))
            .or_else(|| walk_items(d.returning, f)),
    }
}

fn walk_with<'a, T>(with: &'a With, f: &mut impl FnMut(Node<'a>) -> Option<T>) -> Option<T> {
    f(Node::With(with)).or_else(|| {
        with.ctes.iter().find_map(|c| {
            f(Node::Name(&c.name))
                .or_else(|| c.columns.iter().find_map(|n| f(Node::Name(n))))
                .or_else(|| walk_statement(c.body, f))
        })
    })
}

fn walk_query<'a, T>(q: &'a QueryExpr, f: &mut impl FnMut(Node<'a>) -> Option<T>) -> Option<T> {
    f(Node::Query(q))
        .or_else(|| q.with.as_ref().and_then(|w| walk_with(w, f)))
        .or_else(|| walk_set(&q.body, f))
        .or_else(|| walk_order(q.order_by, f))
        .or_else(|| q.limit.as_ref().and_then(|e| walk_expr(e, f)))
        .or_else(|| q.offset.as_ref().and_then(|e| walk_expr(e, f)))
}

fn walk_order<'a, T>(
    items: &'a [OrderByItem],
    f: &mut impl FnMut(Node<'a>) -> Option<T>,
) -> Option<T> {
    items.iter().find_map(|item| match &item.expr {
        Expr::Column(name) => f(Node::Column(name, true)),
        e => walk_expr(e, f),
    })
}

fn walk_set<'a, T>(s: &'a SetExpr, f: &mut impl FnMut(Node<'a>) -> Option<T>) -> Option<T> {
    match s {
        SetExpr::Select(select) => f(Node::Select(select))
            .or_else(|| walk_items(select.projection, f))
            .or_else(|| walk_from(select.from, f))
            .or_else(|| select.selection.as_ref().and_then(|e| walk_expr(e, f)))
            .or_else(|| select.group_by.iter().find_map(|e| walk_expr(e, f)))
            .or_else(|| select.having.as_ref().and_then(|e| walk_expr(e, f))),
        SetExpr::Values(rows) => rows
            .iter()
            .flat_map(|r| r.iter())
            .find_map(|e| walk_expr(e, f)),
        SetExpr::Query(q) => walk_query(q, f),
        SetExpr::SetOp { left, right, .. } => walk_set(left, f).or_else(|| walk_set(right, f)),
    }
}

fn walk_items<'a, T>(
    items: &'a [SelectItem],
    f: &mut impl FnMut(Node<'a>) -> Option<T>,
) -> Option<T> {
    items.iter().find_map(|item| match item {
        SelectItem::Expr { expr, alias } => alias
            .as_ref()
            .and_then(|a| f(Node::Name(a)))
            .or_else(|| walk_expr(expr, f)),
        SelectItem::Wildcard | SelectItem::QualifiedWildcard(_) => None,
    })
}

fn walk_from<'a, T>(
    from: &'a [TableWithJoins],
    f: &mut impl FnMut(Node<'a>) -> Option<T>,
) -> Option<T> {
    fn factor<'a, T>(t: &'a TableFactor, f: &mut impl FnMut(Node<'a>) -> Option<T>) -> Option<T> {
        match t {
            TableFactor::Table { name, alias } => f(Node::Relation(Some(name), alias.as_ref())),
            TableFactor::Derived {
                subquery, alias, ..
            } => f(Node::Relation(None, alias.as_ref())).or_else(|| walk_query(subquery, f)),
            TableFactor::Nested(t) => walk_from(std::slice::from_ref(*t), f),
        }
    }
    from.iter().find_map(|t| {
        factor(&t.relation, f).or_else(|| {
            t.joins.iter().find_map(|j| {
                factor(&j.relation, f).or_else(|| match &j.constraint {
                    crate::tree::JoinConstraint::On(e) => walk_expr(e, f),
                    _ => None,
                })
            })
        })
    })
}

fn walk_expr<'a, T>(e: &'a Expr, f: &mut impl FnMut(Node<'a>) -> Option<T>) -> Option<T> {
    match e {
        Expr::Literal(_) | Expr::Param(_) => None,
        Expr::Column(name) => f(Node::Column(name, false)),
        Expr::Unary { expr, .. }
        | Expr::IsNull { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Nested(expr) => walk_expr(expr, f),
        Expr::Binary { left, right, .. } => walk_expr(left, f).or_else(|| walk_expr(right, f)),
        Expr::Between {
            expr, low, high, ..
        } => walk_expr(expr, f)
            .or_else(|| walk_expr(low, f))
            .or_else(|| walk_expr(high, f)),
        Expr::InList { expr, list, .. } => {
            walk_expr(expr, f).or_else(|| list.iter().find_map(|e| walk_expr(e, f)))
        }
        Expr::InSubquery { expr, subquery, .. } => {
            walk_expr(expr, f).or_else(|| walk_query(subquery, f))
        }
        Expr::Like { expr, pattern, .. } => walk_expr(expr, f).or_else(|| walk_expr(pattern, f)),
        Expr::Exists { subquery, .. } => f(Node::Exists).or_else(|| walk_query(subquery, f)),
        Expr::Subquery(subquery) => walk_query(subquery, f),
        Expr::Case {
            operand,
            whens,
            else_result,
        } => operand
            .and_then(|e| walk_expr(e, f))
            .or_else(|| {
                whens
                    .iter()
                    .find_map(|(w, t)| walk_expr(w, f).or_else(|| walk_expr(t, f)))
            })
            .or_else(|| else_result.and_then(|e| walk_expr(e, f))),
        Expr::Function(func) => {
            let args = match func.args {
                FunctionArgs::Star => None,
                FunctionArgs::List { args, .. } => args.iter().find_map(|e| walk_expr(e, f)),
            };
            args.or_else(|| {
                func.over.as_ref().and_then(|w| {
                    w.partition_by
                        .iter()
                        .find_map(|e| walk_expr(e, f))
                        .or_else(|| walk_order(w.order_by, f))
                })
            })
        }
    }
}

/// Calls `f` on each subquery of `e`, outside other subqueries.
pub(super) fn for_each_subquery(
    e: &Expr,
    f: &mut impl FnMut(&QueryExpr) -> super::Res,
) -> super::Res {
    match e {
        Expr::Literal(_) | Expr::Param(_) | Expr::Column(_) => Ok(()),
        Expr::Unary { expr, .. }
        | Expr::IsNull { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Nested(expr) => for_each_subquery(expr, f),
        Expr::Binary { left, right, .. }
        | Expr::Like {
            expr: left,
            pattern: right,
            ..
        } => {
            for_each_subquery(left, f)?;
            for_each_subquery(right, f)
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            for_each_subquery(expr, f)?;
            for_each_subquery(low, f)?;
            for_each_subquery(high, f)
        }
        Expr::InList { expr, list, .. } => {
            for_each_subquery(expr, f)?;
            list.iter().try_for_each(|e| for_each_subquery(e, f))
        }
        Expr::InSubquery { expr, subquery, .. } => {
            for_each_subquery(expr, f)?;
            f(subquery)
        }
        Expr::Exists { subquery, .. } | Expr::Subquery(subquery) => f(subquery),
        Expr::Case {
            operand,
            whens,
            else_result,
        } => {
            if let Some(o) = operand {
                for_each_subquery(o, f)?;
            }
            for (w, t) in whens.iter() {
                for_each_subquery(w, f)?;
                for_each_subquery(t, f)?;
            }
            match else_result {
                Some(e) => for_each_subquery(e, f),
                None => Ok(()),
            }
        }
        Expr::Function(func) => {
            if let FunctionArgs::List { args, .. } = func.args {
                args.iter().try_for_each(|e| for_each_subquery(e, f))?;
            }
            if let Some(w) = &func.over {
                w.partition_by
                    .iter()
                    .try_for_each(|e| for_each_subquery(e, f))?;
                w.order_by
                    .iter()
                    .try_for_each(|o| for_each_subquery(&o.expr, f))?;
            }
            Ok(())
        }
    }
}
