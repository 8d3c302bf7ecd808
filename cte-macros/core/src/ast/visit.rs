//! A read-only walk over the tree, in source order, in the style of `syn::visit`: override the
//! `visit_*` methods a check cares about and call the matching `walk_*` function to go on
//! into the children.

use super::{
    ConflictAction, Cte, Expr, FrameBound, Function, FunctionArgs, JoinConstraint, OnConflict,
    OrderByItem, Query, Select, SelectItem, SetExpr, Statement, TableFactor, TableWithJoins, With,
};

pub(crate) trait Visit<'ast> {
    fn visit_statement(&mut self, stmt: &'ast Statement) {
        walk_statement(self, stmt);
    }
    fn visit_query(&mut self, query: &'ast Query) {
        walk_query(self, query);
    }
    fn visit_with(&mut self, with: &'ast With) {
        walk_with(self, with);
    }
    fn visit_cte(&mut self, cte: &'ast Cte) {
        walk_cte(self, cte);
    }
    fn visit_set_expr(&mut self, body: &'ast SetExpr) {
        walk_set_expr(self, body);
    }
    fn visit_select(&mut self, select: &'ast Select) {
        walk_select(self, select);
    }
    fn visit_select_item(&mut self, item: &'ast SelectItem) {
        walk_select_item(self, item);
    }
    fn visit_table_with_joins(&mut self, table: &'ast TableWithJoins) {
        walk_table_with_joins(self, table);
    }
    fn visit_table_factor(&mut self, factor: &'ast TableFactor) {
        walk_table_factor(self, factor);
    }
    fn visit_expr(&mut self, expr: &'ast Expr) {
        walk_expr(self, expr);
    }
    fn visit_function(&mut self, function: &'ast Function) {
        walk_function(self, function);
    }
    fn visit_order_by_item(&mut self, item: &'ast OrderByItem) {
        self.visit_expr(&item.expr);
    }
}

pub(crate) fn walk_statement<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, stmt: &'ast Statement) {
    match stmt {
        Statement::Query(q) => v.visit_query(q),
        Statement::Insert(i) => {
            if let Some(with) = &i.with {
                v.visit_with(with);
            }
            v.visit_query(&i.source);
            if let Some(OnConflict {
                action:
                    ConflictAction::Update {
                        assignments,
                        selection,
                    },
                ..
            }) = i.on_conflict.as_deref()
            {
                for a in assignments {
                    v.visit_expr(&a.value);
                }
                if let Some(s) = selection {
                    v.visit_expr(&s.value);
                }
            }
            for item in i.returning.iter().flat_map(|r| &r.value) {
                v.visit_select_item(item);
            }
        }
        Statement::Update(u) => {
            if let Some(with) = &u.with {
                v.visit_with(with);
            }
            for a in &u.assignments {
                v.visit_expr(&a.value);
            }
            for t in u.from.iter().flat_map(|f| &f.value) {
                v.visit_table_with_joins(t);
            }
            if let Some(s) = &u.selection {
                v.visit_expr(&s.value);
            }
            for item in u.returning.iter().flat_map(|r| &r.value) {
                v.visit_select_item(item);
            }
        }
        Statement::Delete(d) => {
            if let Some(with) = &d.with {
                v.visit_with(with);
            }
            for t in d.using.iter().flat_map(|u| &u.value) {
                v.visit_table_with_joins(t);
            }
            if let Some(s) = &d.selection {
                v.visit_expr(&s.value);
            }
            for item in d.returning.iter().flat_map(|r| &r.value) {
                v.visit_select_item(item);
            }
        }
    }
}

pub(crate) fn walk_query<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, query: &'ast Query) {
    if let Some(with) = &query.with {
        v.visit_with(with);
    }
    v.visit_set_expr(&query.body);
    for item in query.order_by.iter().flat_map(|o| &o.value) {
        v.visit_order_by_item(item);
    }
    for clause in query.limit.iter().chain(&query.offset) {
        v.visit_expr(&clause.value);
    }
}

pub(crate) fn walk_with<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, with: &'ast With) {
    for cte in &with.ctes {
        v.visit_cte(cte);
    }
}

pub(crate) fn walk_cte<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, cte: &'ast Cte) {
    if let Some(body) = cte.written() {
        v.visit_statement(body);
    }
    if let Some(marks) = cte.cycle.as_ref().and_then(|c| c.marks.as_ref()) {
        v.visit_expr(&marks.value);
        v.visit_expr(&marks.default);
    }
}

pub(crate) fn walk_set_expr<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, body: &'ast SetExpr) {
    match body {
        SetExpr::Select(s) => v.visit_select(s),
        SetExpr::Values(values) => {
            for e in values.rows.iter().flatten() {
                v.visit_expr(e);
            }
        }
        SetExpr::Query { query, .. } => v.visit_query(query),
        SetExpr::SetOp { left, right, .. } => {
            v.visit_set_expr(left);
            v.visit_set_expr(right);
        }
    }
}

pub(crate) fn walk_select<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, select: &'ast Select) {
    for item in &select.projection {
        v.visit_select_item(item);
    }
    for t in select.from.iter().flat_map(|f| &f.value) {
        v.visit_table_with_joins(t);
    }
    if let Some(s) = &select.selection {
        v.visit_expr(&s.value);
    }
    for e in select.group_by.iter().flat_map(|g| &g.value) {
        v.visit_expr(e);
    }
    if let Some(h) = &select.having {
        v.visit_expr(&h.value);
    }
}

pub(crate) fn walk_select_item<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, item: &'ast SelectItem) {
    if let SelectItem::Expr { expr, .. } = item {
        v.visit_expr(expr);
    }
}

pub(crate) fn walk_table_with_joins<'ast, V: Visit<'ast> + ?Sized>(
    v: &mut V,
    table: &'ast TableWithJoins,
) {
    v.visit_table_factor(&table.relation);
    for join in &table.joins {
        v.visit_table_factor(&join.relation);
        if let JoinConstraint::On(expr) = &join.constraint {
            v.visit_expr(expr);
        }
    }
}

pub(crate) fn walk_table_factor<'ast, V: Visit<'ast> + ?Sized>(
    v: &mut V,
    factor: &'ast TableFactor,
) {
    match factor {
        TableFactor::Table { .. } => {}
        TableFactor::Derived { subquery, .. } => v.visit_query(subquery),
        TableFactor::Nested { inner, .. } => v.visit_table_with_joins(inner),
    }
}

pub(crate) fn walk_expr<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, expr: &'ast Expr) {
    match expr {
        Expr::Literal(_) | Expr::Param(_) | Expr::Column(_) => {}
        Expr::Unary { expr, .. }
        | Expr::IsNull { expr, .. }
        | Expr::InListParam { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Nested { expr, .. } => v.visit_expr(expr),
        Expr::Binary { left, right, .. } => {
            v.visit_expr(left);
            v.visit_expr(right);
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            v.visit_expr(expr);
            v.visit_expr(low);
            v.visit_expr(high);
        }
        Expr::InList { expr, list, .. } => {
            v.visit_expr(expr);
            for e in list {
                v.visit_expr(e);
            }
        }
        Expr::InSubquery { expr, subquery, .. } => {
            v.visit_expr(expr);
            v.visit_query(subquery);
        }
        Expr::Like { expr, pattern, .. } => {
            v.visit_expr(expr);
            v.visit_expr(pattern);
        }
        Expr::Exists { subquery, .. } => v.visit_query(subquery),
        Expr::Subquery { query, .. } => v.visit_query(query),
        Expr::Case {
            operand,
            whens,
            else_result,
            ..
        } => {
            if let Some(operand) = operand {
                v.visit_expr(operand);
            }
            for (when, then) in whens {
                v.visit_expr(when);
                v.visit_expr(then);
            }
            if let Some(e) = else_result {
                v.visit_expr(e);
            }
        }
        Expr::Function(f) => v.visit_function(f),
    }
}

pub(crate) fn walk_function<'ast, V: Visit<'ast> + ?Sized>(v: &mut V, function: &'ast Function) {
    if let FunctionArgs::List { args, .. } = &function.args {
        for e in args {
            v.visit_expr(e);
        }
    }
    if let Some(w) = &function.over {
        for e in &w.partition_by {
            v.visit_expr(e);
        }
        for item in &w.order_by {
            v.visit_order_by_item(item);
        }
        for bound in w
            .frame
            .iter()
            .flat_map(|f| std::iter::once(&f.start).chain(&f.end))
        {
            if let FrameBound::Preceding(Some(e)) | FrameBound::Following(Some(e)) = bound {
                v.visit_expr(e);
            }
        }
    }
}
