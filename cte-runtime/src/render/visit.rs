//! One walk over the whole tree, in the order the SQL is written, in the style of `syn::visit`: an analysis
//! overrides the `visit_*` methods it cares about and calls the matching `walk_*` function to
//! go on into the children. The `walk_*` functions reach every child of every node (window
//! frames, LIMIT/OFFSET, SEARCH/CYCLE, RETURNING, VALUES rows, CTE bodies, subqueries in every
//! position), so an analysis that leaves a part out says so where it overrides a method.
//!
//! A WITH's names are in scope in the body of each CTE that sees them and in the rest of the
//! query or statement the WITH heads: the walk brackets each such part with `enter_scope` and
//! `leave_scope`, and skips it when `enter_scope` says so (an inner WITH that shadows the name
//! an analysis follows). Every method returns a `ControlFlow`, so an analysis can stop at the
//! first thing it looks for or at an error.

use std::ops::ControlFlow;

use crate::tree::{
    ConflictAction, Cte, Expr, FrameBound, Function, FunctionArgs, Ident, Join, JoinConstraint,
    List, ObjectName, OrderByItem, QueryExpr, Select, SelectItem, SetExpr, Statement, TableAlias,
    TableFactor, TableWithJoins, WindowSpec, With,
};

/// What every method of [`Visit`] returns.
pub(super) type Flow<B, C = ()> = ControlFlow<B, C>;

/// The part of the tree a WITH's names are in scope for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// The body of the CTE at this position of the WITH.
    Cte(usize),
    /// The rest of the query or statement that the WITH heads.
    Rest,
}

/// The CTEs of `with` that are in scope in `scope`: in a CTE body, those before it, or all of
/// them in a recursive WITH.
pub(super) fn visible(with: &With, scope: Scope) -> List<Cte> {
    match scope {
        Scope::Cte(i) if !with.recursive => &with.ctes[..i],
        Scope::Cte(_) | Scope::Rest => with.ctes,
    }
}

pub(super) trait Visit<'a> {
    /// What stops the walk: the thing found, or an error.
    type Break;

    fn visit_statement(&mut self, stmt: &'a Statement) -> Flow<Self::Break> {
        walk_statement(self, stmt)
    }
    fn visit_query(&mut self, q: &'a QueryExpr) -> Flow<Self::Break> {
        walk_query(self, q)
    }
    fn visit_with(&mut self, with: &'a With) -> Flow<Self::Break> {
        walk_with(self, with)
    }
    /// The CTE at position `i` of `with`.
    fn visit_cte(&mut self, with: &'a With, i: usize) -> Flow<Self::Break> {
        walk_cte(self, with, i)
    }
    /// Entering a part of the tree where the names of `with` are in scope; `false` skips it.
    fn enter_scope(&mut self, _with: &'a With, _scope: Scope) -> Flow<Self::Break, bool> {
        ControlFlow::Continue(true)
    }
    /// Leaving a part entered with `enter_scope`.
    fn leave_scope(&mut self, _with: &'a With, _scope: Scope) -> Flow<Self::Break> {
        ControlFlow::Continue(())
    }
    fn visit_set_expr(&mut self, s: &'a SetExpr) -> Flow<Self::Break> {
        walk_set_expr(self, s)
    }
    fn visit_select(&mut self, select: &'a Select) -> Flow<Self::Break> {
        walk_select(self, select)
    }
    fn visit_select_item(&mut self, item: &'a SelectItem) -> Flow<Self::Break> {
        walk_select_item(self, item)
    }
    fn visit_table_with_joins(&mut self, t: &'a TableWithJoins) -> Flow<Self::Break> {
        walk_table_with_joins(self, t)
    }
    fn visit_table_factor(&mut self, f: &'a TableFactor) -> Flow<Self::Break> {
        walk_table_factor(self, f)
    }
    fn visit_join(&mut self, j: &'a Join) -> Flow<Self::Break> {
        walk_join(self, j)
    }
    fn visit_order_by_item(&mut self, item: &'a OrderByItem) -> Flow<Self::Break> {
        self.visit_expr(&item.expr)
    }
    fn visit_expr(&mut self, e: &'a Expr) -> Flow<Self::Break> {
        walk_expr(self, e)
    }
    fn visit_function(&mut self, f: &'a Function) -> Flow<Self::Break> {
        walk_function(self, f)
    }
    fn visit_window(&mut self, w: &'a WindowSpec) -> Flow<Self::Break> {
        walk_window(self, w)
    }
    fn visit_frame_bound(&mut self, b: &'a FrameBound) -> Flow<Self::Break> {
        walk_frame_bound(self, b)
    }
    /// A table read or written, a CTE read, or a derived table's alias (`name` is `None`).
    fn visit_relation(
        &mut self,
        _name: Option<&'a ObjectName>,
        _alias: Option<&'a TableAlias>,
    ) -> Flow<Self::Break> {
        ControlFlow::Continue(())
    }
    /// A column read.
    fn visit_column(&mut self, _name: &'a ObjectName) -> Flow<Self::Break> {
        ControlFlow::Continue(())
    }
    /// Any other name the statement defines: a CTE's name or column, a select item's alias, an
    /// alias of the target of UPDATE or DELETE, a column INSERT or UPDATE sets, a column that
    /// SEARCH or CYCLE names or adds.
    fn visit_name(&mut self, _name: &'a Ident) -> Flow<Self::Break> {
        ControlFlow::Continue(())
    }
}

/// Walks `rest` in the scope `scope` of `with`, unless `enter_scope` skips it.
fn scoped<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    with: &'a With,
    scope: Scope,
    rest: impl FnOnce(&mut V) -> Flow<V::Break>,
) -> Flow<V::Break> {
    if v.enter_scope(with, scope)? {
        rest(v)?;
        v.leave_scope(with, scope)?;
    }
    ControlFlow::Continue(())
}

/// Walks `rest` after `with`, in its scope; just `rest` without a WITH.
fn after_with<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    with: Option<&'a With>,
    rest: impl FnOnce(&mut V) -> Flow<V::Break>,
) -> Flow<V::Break> {
    match with {
        Some(with) => {
            v.visit_with(with)?;
            scoped(v, with, Scope::Rest, rest)
        }
        None => rest(v),
    }
}

fn each<'a, T: 'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    items: impl IntoIterator<Item = &'a T>,
    mut f: impl FnMut(&mut V, &'a T) -> Flow<V::Break>,
) -> Flow<V::Break> {
    for item in items {
        f(v, item)?;
    }
    ControlFlow::Continue(())
}

pub(super) fn walk_statement<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    stmt: &'a Statement,
) -> Flow<V::Break> {
    match stmt {
        Statement::Query(q) => v.visit_query(q),
        Statement::Insert(i) => after_with(v, i.with.as_ref(), |v| {
            v.visit_relation(Some(&i.table), None)?;
            each(v, i.columns, |v, c| v.visit_name(c))?;
            v.visit_query(i.source)?;
            each(v, &i.on_conflict, |v, c| {
                each(v, c.columns, |v, col| v.visit_name(col))?;
                match &c.action {
                    ConflictAction::Nothing => ControlFlow::Continue(()),
                    ConflictAction::Update {
                        assignments,
                        selection,
                    } => {
                        each(v, *assignments, |v, a| {
                            v.visit_name(&a.column)?;
                            v.visit_expr(&a.value)
                        })?;
                        each(v, selection, |v, e| v.visit_expr(e))
                    }
                }
            })?;
            each(v, i.returning, |v, item| v.visit_select_item(item))
        }),
        Statement::Update(u) => after_with(v, u.with.as_ref(), |v| {
            v.visit_relation(Some(&u.table), None)?;
            each(v, &u.alias, |v, a| v.visit_name(a))?;
            each(v, u.assignments, |v, a| {
                v.visit_name(&a.column)?;
                v.visit_expr(&a.value)
            })?;
            each(v, u.from, |v, t| v.visit_table_with_joins(t))?;
            each(v, &u.selection, |v, e| v.visit_expr(e))?;
            each(v, u.returning, |v, item| v.visit_select_item(item))
        }),
        Statement::Delete(d) => after_with(v, d.with.as_ref(), |v| {
            v.visit_relation(Some(&d.table), None)?;
            each(v, &d.alias, |v, a| v.visit_name(a))?;
            each(v, d.using, |v, t| v.visit_table_with_joins(t))?;
            each(v, &d.selection, |v, e| v.visit_expr(e))?;
            each(v, d.returning, |v, item| v.visit_select_item(item))
        }),
    }
}

pub(super) fn walk_query<'a, V: Visit<'a> + ?Sized>(v: &mut V, q: &'a QueryExpr) -> Flow<V::Break> {
    after_with(v, q.with.as_ref(), |v| walk_query_after_with(v, q))
}

/// The body, ORDER BY, LIMIT and OFFSET of `q`, without its WITH.
pub(super) fn walk_query_after_with<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    q: &'a QueryExpr,
) -> Flow<V::Break> {
    v.visit_set_expr(&q.body)?;
    walk_query_tail(v, q)
}

/// The ORDER BY, LIMIT and OFFSET of `q`.
pub(super) fn walk_query_tail<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    q: &'a QueryExpr,
) -> Flow<V::Break> {
    each(v, q.order_by, |v, item| v.visit_order_by_item(item))?;
    each(v, q.limit.iter().chain(&q.offset), |v, e| v.visit_expr(e))
}

pub(super) fn walk_with<'a, V: Visit<'a> + ?Sized>(v: &mut V, with: &'a With) -> Flow<V::Break> {
    for i in 0..with.ctes.len() {
        v.visit_cte(with, i)?;
    }
    ControlFlow::Continue(())
}

/// The name, columns and body of a CTE, then its SEARCH and CYCLE clauses.
pub(super) fn walk_cte<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    with: &'a With,
    i: usize,
) -> Flow<V::Break> {
    let cte = &with.ctes[i];
    v.visit_name(&cte.name)?;
    each(v, cte.columns, |v, c| v.visit_name(c))?;
    scoped(v, with, Scope::Cte(i), |v| v.visit_statement(cte.body))?;
    if let Some(search) = &cte.search {
        each(v, search.by, |v, c| v.visit_name(c))?;
        v.visit_name(&search.set)?;
    }
    if let Some(cycle) = &cte.cycle {
        each(v, cycle.columns, |v, c| v.visit_name(c))?;
        v.visit_name(&cycle.set)?;
        if let Some(marks) = &cycle.marks {
            v.visit_expr(&marks.value)?;
            v.visit_expr(&marks.default)?;
        }
        v.visit_name(&cycle.using)?;
    }
    ControlFlow::Continue(())
}

pub(super) fn walk_set_expr<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    s: &'a SetExpr,
) -> Flow<V::Break> {
    match s {
        SetExpr::Select(select) => v.visit_select(select),
        SetExpr::Values(rows) => each(v, rows.iter().flat_map(|r| r.iter()), |v, e| {
            v.visit_expr(e)
        }),
        SetExpr::Query(q) => v.visit_query(q),
        SetExpr::SetOp { left, right, .. } => {
            v.visit_set_expr(left)?;
            v.visit_set_expr(right)
        }
    }
}

pub(super) fn walk_select<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    select: &'a Select,
) -> Flow<V::Break> {
    each(v, select.projection, |v, item| v.visit_select_item(item))?;
    each(v, select.from, |v, t| v.visit_table_with_joins(t))?;
    each(v, &select.selection, |v, e| v.visit_expr(e))?;
    each(v, select.group_by, |v, e| v.visit_expr(e))?;
    each(v, &select.having, |v, e| v.visit_expr(e))
}

/// An item's expression, then its alias. A `t.*` names a FROM item, not a column: it is read
/// from the SELECT by the analyses that care.
pub(super) fn walk_select_item<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    item: &'a SelectItem,
) -> Flow<V::Break> {
    match item {
        SelectItem::Expr { expr, alias } => {
            v.visit_expr(expr)?;
            each(v, alias, |v, a| v.visit_name(a))
        }
        SelectItem::Wildcard | SelectItem::QualifiedWildcard(_) => ControlFlow::Continue(()),
    }
}

pub(super) fn walk_table_with_joins<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    t: &'a TableWithJoins,
) -> Flow<V::Break> {
    v.visit_table_factor(&t.relation)?;
    each(v, t.joins, |v, j| v.visit_join(j))
}

pub(super) fn walk_table_factor<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    f: &'a TableFactor,
) -> Flow<V::Break> {
    match f {
        TableFactor::Table { name, alias } => v.visit_relation(Some(name), alias.as_ref()),
        TableFactor::Derived {
            subquery, alias, ..
        } => {
            v.visit_query(subquery)?;
            v.visit_relation(None, alias.as_ref())
        }
        TableFactor::Nested(t) => v.visit_table_with_joins(t),
    }
}

/// The joined FROM item, then the condition. `USING` columns name columns of both sides,
/// which the analyses read from the join itself.
pub(super) fn walk_join<'a, V: Visit<'a> + ?Sized>(v: &mut V, j: &'a Join) -> Flow<V::Break> {
    v.visit_table_factor(&j.relation)?;
    match &j.constraint {
        JoinConstraint::On(e) => v.visit_expr(e),
        JoinConstraint::Using(_) | JoinConstraint::None => ControlFlow::Continue(()),
    }
}

pub(super) fn walk_expr<'a, V: Visit<'a> + ?Sized>(v: &mut V, e: &'a Expr) -> Flow<V::Break> {
    match e {
        Expr::Literal(_) | Expr::Param(_) => ControlFlow::Continue(()),
        Expr::Column(name) => v.visit_column(name),
        Expr::Unary { expr, .. }
        | Expr::IsNull { expr, .. }
        | Expr::InListParam { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Nested(expr) => v.visit_expr(expr),
        Expr::Binary { left, right, .. }
        | Expr::Like {
            expr: left,
            pattern: right,
            ..
        } => {
            v.visit_expr(left)?;
            v.visit_expr(right)
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            v.visit_expr(expr)?;
            v.visit_expr(low)?;
            v.visit_expr(high)
        }
        Expr::InList { expr, list, .. } => {
            v.visit_expr(expr)?;
            each(v, *list, |v, e| v.visit_expr(e))
        }
        Expr::InSubquery { expr, subquery, .. } => {
            v.visit_expr(expr)?;
            v.visit_query(subquery)
        }
        Expr::Exists { subquery, .. } | Expr::Subquery(subquery) => v.visit_query(subquery),
        Expr::Case {
            operand,
            whens,
            else_result,
        } => {
            each(v, *operand, |v, e| v.visit_expr(e))?;
            each(v, *whens, |v, (w, t)| {
                v.visit_expr(w)?;
                v.visit_expr(t)
            })?;
            each(v, *else_result, |v, e| v.visit_expr(e))
        }
        Expr::Function(f) => v.visit_function(f),
    }
}

pub(super) fn walk_function<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    f: &'a Function,
) -> Flow<V::Break> {
    if let FunctionArgs::List { args, .. } = &f.args {
        each(v, *args, |v, e| v.visit_expr(e))?;
    }
    each(v, &f.over, |v, w| v.visit_window(w))
}

pub(super) fn walk_window<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    w: &'a WindowSpec,
) -> Flow<V::Break> {
    each(v, w.partition_by, |v, e| v.visit_expr(e))?;
    each(v, w.order_by, |v, item| v.visit_order_by_item(item))?;
    if let Some(frame) = &w.frame {
        v.visit_frame_bound(&frame.start)?;
        each(v, &frame.end, |v, b| v.visit_frame_bound(b))?;
    }
    ControlFlow::Continue(())
}

pub(super) fn walk_frame_bound<'a, V: Visit<'a> + ?Sized>(
    v: &mut V,
    b: &'a FrameBound,
) -> Flow<V::Break> {
    match b {
        FrameBound::Preceding(Some(e)) | FrameBound::Following(Some(e)) => v.visit_expr(e),
        FrameBound::Preceding(None) | FrameBound::Following(None) | FrameBound::CurrentRow => {
            ControlFlow::Continue(())
        }
    }
}
