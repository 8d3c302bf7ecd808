//! Which CTE names a part of the tree refers to, with inner WITHs shadowing outer names.
//!
//! Used to tell recursive CTEs and their recursive members apart, and to find the CTEs a
//! subquery needs when MariaDB's UPDATE/DELETE moves them there.

use super::query::{defines, same_name};
use crate::tree::{
    Expr, FrameBound, FunctionArgs, Ident, ObjectName, QueryExpr, Select, SelectItem, SetExpr,
    Statement, TableFactor, TableWithJoins,
};

/// Whether `stmt` reads the relation `name` (a table or CTE name written in a FROM clause or as
/// a DML target), not counting places where an inner WITH redefines it.
pub(super) fn statement_mentions(stmt: &Statement, name: &Ident) -> bool {
    match stmt {
        Statement::Query(q) => query_mentions(q, name),
        Statement::Insert(i) => {
            let own = i.with.as_ref().is_some_and(|w| with_mentions(w, name));
            let shadowed = i.with.as_ref().is_some_and(|w| defines(w, name));
            own || (!shadowed && (is_name(&i.table, name) || query_mentions(i.source, name)))
                || (!shadowed && items_mention(i.returning, name))
        }
        Statement::Update(u) => {
            let own = u.with.as_ref().is_some_and(|w| with_mentions(w, name));
            let shadowed = u.with.as_ref().is_some_and(|w| defines(w, name));
            own || (!shadowed
                && (is_name(&u.table, name)
                    || u.assignments.iter().any(|a| expr_mentions(&a.value, name))
                    || from_mentions(u.from, name)
                    || opt_expr_mentions(u.selection.as_ref(), name)
                    || items_mention(u.returning, name)))
        }
        Statement::Delete(d) => {
            let own = d.with.as_ref().is_some_and(|w| with_mentions(w, name));
            let shadowed = d.with.as_ref().is_some_and(|w| defines(w, name));
            own || (!shadowed
                && (is_name(&d.table, name)
                    || opt_expr_mentions(d.selection.as_ref(), name)
                    || items_mention(d.returning, name)))
        }
    }
}

pub(super) fn query_mentions(q: &QueryExpr, name: &Ident) -> bool {
    if let Some(with) = &q.with {
        if with_mentions(with, name) {
            return true;
        }
        if defines(with, name) {
            return false;
        }
    }
    set_expr_mentions(&q.body, name) || query_tail_mentions(q, name)
}

/// Whether the ORDER BY, LIMIT or OFFSET of `q` reads `name`.
pub(super) fn query_tail_mentions(q: &QueryExpr, name: &Ident) -> bool {
    q.order_by.iter().any(|o| expr_mentions(&o.expr, name))
        || opt_expr_mentions(q.limit.as_ref(), name)
        || opt_expr_mentions(q.offset.as_ref(), name)
}

/// Whether the CTE bodies of `with` read an outer `name`: in a non-recursive WITH a body sees
/// only the CTEs before it; in a recursive one, all of them.
fn with_mentions(with: &crate::tree::With, name: &Ident) -> bool {
    if with.recursive && defines(with, name) {
        return false;
    }
    for cte in with.ctes {
        if same_name(&cte.name, name) {
            return false;
        }
        if statement_mentions(cte.body, name) {
            return true;
        }
    }
    false
}

pub(super) fn set_expr_mentions(s: &SetExpr, name: &Ident) -> bool {
    match s {
        SetExpr::Select(select) => select_mentions(select, name),
        SetExpr::Values(rows) => rows
            .iter()
            .flat_map(|r| r.iter())
            .any(|e| expr_mentions(e, name)),
        SetExpr::Query(q) => query_mentions(q, name),
        SetExpr::SetOp { left, right, .. } => {
            set_expr_mentions(left, name) || set_expr_mentions(right, name)
        }
    }
}

pub(super) fn select_mentions(select: &Select, name: &Ident) -> bool {
    items_mention(select.projection, name)
        || from_mentions(select.from, name)
        || opt_expr_mentions(select.selection.as_ref(), name)
        || select.group_by.iter().any(|e| expr_mentions(e, name))
        || opt_expr_mentions(select.having.as_ref(), name)
}

fn is_name(object: &ObjectName, name: &Ident) -> bool {
    matches!(object.0, [only] if same_name(only, name))
}

fn items_mention(items: &[SelectItem], name: &Ident) -> bool {
    items.iter().any(|item| match item {
        SelectItem::Expr { expr, .. } => expr_mentions(expr, name),
        SelectItem::Wildcard | SelectItem::QualifiedWildcard(_) => false,
    })
}

fn from_mentions(from: &[TableWithJoins], name: &Ident) -> bool {
    from.iter().any(|t| table_with_joins_mentions(t, name))
}

fn table_with_joins_mentions(t: &TableWithJoins, name: &Ident) -> bool {
    factor_mentions(&t.relation, name)
        || t.joins.iter().any(|j| {
            factor_mentions(&j.relation, name)
                || match &j.constraint {
                    crate::tree::JoinConstraint::On(e) => expr_mentions(e, name),
                    _ => false,
                }
        })
}

fn factor_mentions(f: &TableFactor, name: &Ident) -> bool {
    match f {
        TableFactor::Table { name: table, .. } => is_name(table, name),
        TableFactor::Derived { subquery, .. } => query_mentions(subquery, name),
        TableFactor::Nested(t) => table_with_joins_mentions(t, name),
    }
}

fn opt_expr_mentions(e: Option<&Expr>, name: &Ident) -> bool {
    e.is_some_and(|e| expr_mentions(e, name))
}

/// Whether an expression reads `name` through one of its subqueries.
fn expr_mentions(e: &Expr, name: &Ident) -> bool {
    let any = |list: &[Expr]| list.iter().any(|e| expr_mentions(e, name));
    match e {
        Expr::Literal(_) | Expr::Param(_) | Expr::Column(_) => false,
        Expr::Unary { expr, .. } | Expr::IsNull { expr, .. } | Expr::Cast { expr, .. } => {
            expr_mentions(expr, name)
        }
        Expr::Nested(expr) => expr_mentions(expr, name),
        Expr::Binary { left, right, .. } => expr_mentions(left, name) || expr_mentions(right, name),
        Expr::Between {
            expr, low, high, ..
        } => expr_mentions(expr, name) || expr_mentions(low, name) || expr_mentions(high, name),
        Expr::InList { expr, list, .. } => expr_mentions(expr, name) || any(list),
        Expr::InSubquery { expr, subquery, .. } => {
            expr_mentions(expr, name) || query_mentions(subquery, name)
        }
        Expr::Like { expr, pattern, .. } => {
            expr_mentions(expr, name) || expr_mentions(pattern, name)
        }
        Expr::Exists { subquery, .. } | Expr::Subquery(subquery) => query_mentions(subquery, name),
        Expr::Case {
            operand,
            whens,
            else_result,
        } => {
            operand.is_some_and(|e| expr_mentions(e, name))
                || whens
                    .iter()
                    .any(|(w, t)| expr_mentions(w, name) || expr_mentions(t, name))
                || else_result.is_some_and(|e| expr_mentions(e, name))
        }
        Expr::Function(f) => {
            let args = match f.args {
                FunctionArgs::Star => false,
                FunctionArgs::List { args, .. } => any(args),
            };
            args || f.over.as_ref().is_some_and(|w| {
                any(w.partition_by)
                    || w.order_by.iter().any(|o| expr_mentions(&o.expr, name))
                    || w.frame.as_ref().is_some_and(|frame| {
                        [Some(frame.start), frame.end]
                            .iter()
                            .flatten()
                            .any(|b| match b {
                                FrameBound::Preceding(Some(e)) | FrameBound::Following(Some(e)) => {
                                    expr_mentions(e, name)
                                }
                                _ => false,
                            })
                    })
            })
        }
    }
}
