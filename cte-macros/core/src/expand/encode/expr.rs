//! Expressions, data types and window specifications, in the order `tree/decode/expr.rs`
//! reads them.

use quote::quote_spanned;

use cte_shared::format::{ExprTag, FrameBoundTag, FunctionArgsTag, Slab};

use crate::ast::{self, DataType, Expr, FrameBound, FunctionArgs, LiteralKind};

use super::Lower;

/// How a `{...}` is bound: as one value, or as the values of a list after IN.
#[derive(Clone, Copy)]
enum Bound {
    Value,
    List,
}

impl Lower {
    pub(super) fn exprs(&mut self, exprs: &[Expr]) {
        self.list(Slab::Exprs, exprs, Self::expr);
    }

    pub(super) fn boxed(&mut self, expr: &Expr) {
        self.count(Slab::Exprs, 1);
        self.expr(expr);
    }

    pub(super) fn opt_expr(&mut self, expr: Option<&Expr>) {
        self.bool(expr.is_some());
        if let Some(expr) = expr {
            self.expr(expr);
        }
    }

    pub(super) fn opt_boxed(&mut self, expr: Option<&Expr>) {
        self.bool(expr.is_some());
        if let Some(expr) = expr {
            self.boxed(expr);
        }
    }

    /// Binds the value of `param`, evaluated once; its kind is read from its type where the
    /// type is concrete (see `cte_runtime::__private::Probe`), a list's kind is `List`. The
    /// binding carries the expression's span, so a type error still points at the user's
    /// expression.
    fn bind(&mut self, param: &ast::Param, bound: Bound) {
        let value = &param.expr;
        let x = proc_macro2::Ident::new("__cte_x", syn::spanned::Spanned::span(&**value));
        // Where the schema says what the parameter binds as, its Rust type (a list's items'
        // type) is checked against that, spanned on the `{...}`.
        let convert = match (self.param_types.get(&param.index), bound) {
            (Some(ty), Bound::Value) => quote_spanned!(param.span=>
                ::cte_runtime::__private::param::<::cte_runtime::__private::sql::#ty, _>
            ),
            (Some(ty), Bound::List) => quote_spanned!(param.span=>
                ::cte_runtime::__private::list_param::<::cte_runtime::__private::sql::#ty, _>
            ),
            (None, Bound::Value) => quote_spanned!(param.span=> ::cte_runtime::__private::value),
            (None, Bound::List) => quote_spanned!(param.span=> ::cte_runtime::__private::list),
        };
        let kind = match bound {
            Bound::Value => quote_spanned!(param.span=>
                (&&::cte_runtime::__private::Probe(&#x)).kind()
            ),
            Bound::List => quote_spanned!(param.span=> ::cte_runtime::__private::ParamKind::List),
        };
        self.params.push((
            param.index,
            quote_spanned!(param.span=> match #value {
                #x => {
                    let kind = #kind;
                    (#convert(#x), kind)
                }
            }),
        ));
    }

    pub(super) fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Literal(lit) => match &lit.kind {
                LiteralKind::Integer(digits) => {
                    self.tag(ExprTag::Integer.tag());
                    self.str(digits);
                }
                LiteralKind::Decimal(digits) => {
                    self.tag(ExprTag::Decimal.tag());
                    self.str(digits);
                }
                LiteralKind::String(s) => {
                    self.tag(ExprTag::String.tag());
                    self.str(s);
                }
                LiteralKind::Bool(false) => self.tag(ExprTag::False.tag()),
                LiteralKind::Bool(true) => self.tag(ExprTag::True.tag()),
                LiteralKind::Null => self.tag(ExprTag::Null.tag()),
            },
            Expr::Param(param) => {
                self.bind(param, Bound::Value);
                self.tag(ExprTag::Param.tag());
                self.len(param.index);
            }
            Expr::Column(name) => {
                self.tag(ExprTag::Column.tag());
                self.name(name);
            }
            Expr::Unary { op, expr, .. } => {
                self.tag(ExprTag::Unary.tag());
                self.tag(op.tag());
                self.boxed(expr);
            }
            Expr::Binary {
                left, op, right, ..
            } => {
                self.tag(ExprTag::Binary.tag());
                self.boxed(left);
                self.tag(op.tag());
                self.boxed(right);
            }
            Expr::IsNull { expr, negated, .. } => {
                self.tag(ExprTag::IsNull.tag());
                self.bool(*negated);
                self.boxed(expr);
            }
            Expr::Between {
                expr,
                negated,
                low,
                high,
                ..
            } => {
                self.tag(ExprTag::Between.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.boxed(low);
                self.boxed(high);
            }
            Expr::InList {
                expr,
                list,
                negated,
                ..
            } => {
                self.tag(ExprTag::InList.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.exprs(list);
            }
            Expr::InListParam {
                expr,
                list,
                negated,
            } => {
                self.bind(list, Bound::List);
                self.tag(ExprTag::InListParam.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.len(list.index);
            }
            Expr::InSubquery {
                expr,
                subquery,
                negated,
                ..
            } => {
                self.tag(ExprTag::InSubquery.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.boxed_query(subquery);
            }
            Expr::Like {
                expr,
                negated,
                pattern,
                ..
            } => {
                self.tag(ExprTag::Like.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.boxed(pattern);
            }
            Expr::Exists {
                subquery, negated, ..
            } => {
                self.tag(ExprTag::Exists.tag());
                self.bool(*negated);
                self.boxed_query(subquery);
            }
            Expr::Subquery { query, .. } => {
                self.tag(ExprTag::Subquery.tag());
                self.boxed_query(query);
            }
            Expr::Case {
                operand,
                whens,
                else_result,
                ..
            } => {
                self.tag(ExprTag::Case.tag());
                self.opt_boxed(operand.as_deref());
                self.list(Slab::Whens, whens, |s, (when, then)| {
                    s.expr(when);
                    s.expr(then);
                });
                self.opt_boxed(else_result.as_deref());
            }
            Expr::Cast {
                expr, data_type, ..
            } => {
                self.tag(ExprTag::Cast.tag());
                self.boxed(expr);
                self.data_type(*data_type);
            }
            Expr::Function(f) => {
                self.tag(ExprTag::Function.tag());
                self.name(&f.name);
                match &f.args {
                    FunctionArgs::Star => self.tag(FunctionArgsTag::Star.tag()),
                    FunctionArgs::List { distinct, args } => {
                        self.tag(match distinct {
                            Some(_) => FunctionArgsTag::Distinct.tag(),
                            None => FunctionArgsTag::List.tag(),
                        });
                        self.exprs(args);
                    }
                }
                self.bool(f.over.is_some());
                if let Some(w) = &f.over {
                    self.window(w);
                }
            }
            Expr::Nested { expr, .. } => {
                self.tag(ExprTag::Nested.tag());
                self.boxed(expr);
            }
        }
    }

    pub(super) fn data_type(&mut self, data_type: DataType) {
        self.tag(data_type.tag().tag());
        match data_type {
            DataType::Decimal { precision, scale } => {
                self.opt_u32(precision);
                self.opt_u32(scale);
            }
            DataType::Varchar(n) | DataType::Char(n) => self.opt_u32(n),
            DataType::SmallInt
            | DataType::Integer
            | DataType::BigInt
            | DataType::Real
            | DataType::Double
            | DataType::Text
            | DataType::Boolean
            | DataType::Date
            | DataType::Time
            | DataType::Timestamp
            | DataType::Blob => {}
        }
    }

    pub(super) fn window(&mut self, w: &ast::WindowSpec) {
        self.exprs(&w.partition_by);
        self.order_by(&w.order_by);
        self.bool(w.frame.is_some());
        if let Some(f) = &w.frame {
            self.tag(f.units.tag());
            self.frame_bound(&f.start);
            self.bool(f.end.is_some());
            if let Some(end) = &f.end {
                self.frame_bound(end);
            }
        }
    }

    pub(super) fn frame_bound(&mut self, bound: &FrameBound) {
        match bound {
            FrameBound::CurrentRow => self.tag(FrameBoundTag::CurrentRow.tag()),
            FrameBound::Preceding(None) => self.tag(FrameBoundTag::UnboundedPreceding.tag()),
            FrameBound::Preceding(Some(n)) => {
                self.tag(FrameBoundTag::Preceding.tag());
                self.boxed(n);
            }
            FrameBound::Following(None) => self.tag(FrameBoundTag::UnboundedFollowing.tag()),
            FrameBound::Following(Some(n)) => {
                self.tag(FrameBoundTag::Following.tag());
                self.boxed(n);
            }
        }
    }
}
