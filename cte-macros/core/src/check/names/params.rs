//! With a schema: the SQL type each `{param}` must bind as, from the column it is compared
//! with, assigned to or inserted into, for the expansion to check its Rust type against
//! (`cte_runtime::__private::BindsAs`).
//!
//! ```sql
//! SELECT name FROM employees WHERE hired >= {since}     -- `since` binds as a DATE
//! UPDATE employees SET salary = {pay} WHERE id = {id}   -- `pay` as a NUMERIC, `id` an INT
//! ```

use super::scope::Relation;
use super::types::relation_column;
use super::Names;
use crate::ast::{Expr, Ident, Insert, Param, SelectItem, SetExpr};
use crate::typing::{self, SqlType, Typed};

impl<'a> Names<'_, 'a> {
    /// Notes what the parameters that `expr` compares with something typed must bind as.
    pub(super) fn param_operands(&mut self, expr: &'a Expr) {
        if !self.schema.configured() || self.quiet {
            return;
        }
        match expr {
            Expr::Binary { left, op, right } if typing::is_comparison(*op) => {
                self.pair(left, right);
                self.pair(right, left);
            }
            Expr::Between {
                expr, low, high, ..
            } => {
                self.pair(low, expr);
                self.pair(high, expr);
                self.pair(expr, low);
            }
            Expr::InList { expr, list, .. } => {
                for item in list {
                    self.pair(item, expr);
                }
            }
            // Each value of the list binds as `expr`'s type.
            Expr::InListParam { expr, list, .. } => {
                let typed = self.type_of(expr);
                self.expect(list, typed);
            }
            Expr::Like { expr, pattern, .. } => self.pair(pattern, expr),
            _ => {}
        }
    }

    /// `param` compared with `other`: it binds as `other`'s type, when that is known.
    fn pair(&mut self, param: &Expr, other: &Expr) {
        if let Expr::Param(param) = unnested(param) {
            let typed = self.type_of(other);
            self.expect(param, typed);
        }
    }

    /// `param` goes where a value of type `typed` goes.
    pub(super) fn expect(&mut self, param: &Param, typed: Typed) {
        if matches!(typed.ty, SqlType::Unknown | SqlType::Null) || !self.schema.configured() {
            return;
        }
        self.params.entry(param.index).or_insert(typed.ty);
    }

    /// The parameters an UPDATE assigns to columns of its target.
    pub(super) fn assigned(&mut self, target: &Relation<'a>, column: &Ident, value: &Expr) {
        if let (Expr::Param(param), Some(typed)) =
            (unnested(value), relation_column(target, column))
        {
            self.expect(param, typed);
        }
    }

    /// The parameters an INSERT writes into columns of its target: in each row of its VALUES,
    /// or each item of its SELECT, by position.
    pub(super) fn inserted(&mut self, target: &Relation<'a>, insert: &Insert) {
        let columns: Vec<&Ident> = if insert.columns.is_empty() {
            target.columns.iter().flatten().copied().collect()
        } else {
            insert.columns.iter().collect()
        };
        // Each row's values by position; `*` fills a place with no value of its own.
        let mut rows: Vec<Vec<Option<&Expr>>> = Vec::new();
        match &insert.source.body {
            SetExpr::Values(values) => {
                rows.extend(values.rows.iter().map(|r| r.iter().map(Some).collect()));
            }
            SetExpr::Select(select) => rows.push(
                select
                    .projection
                    .iter()
                    .map(|item| match item {
                        SelectItem::Expr { expr, .. } => Some(expr),
                        SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(_) => None,
                    })
                    .collect(),
            ),
            SetExpr::Query { .. } | SetExpr::SetOp { .. } => {}
        }
        for row in rows {
            for (column, value) in columns.iter().zip(row) {
                if let Some(value) = value {
                    self.assigned(target, column, value);
                }
            }
        }
    }
}

/// `expr` without the parentheses around it.
fn unnested(mut expr: &Expr) -> &Expr {
    while let Expr::Nested { expr: inner, .. } = expr {
        expr = inner;
    }
    expr
}
