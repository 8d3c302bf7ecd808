//! Expressions, data types and window specifications.

use cte_shared::format::{ExprTag, FrameBoundTag, FunctionArgsTag};
use cte_shared::tree::DataTypeTag;

use super::*;

impl Decoder {
    pub(super) fn exprs(&mut self) -> Res<List<Expr>> {
        Ok(list!(self, exprs, self.expr()?))
    }

    pub(super) fn boxed_expr(&mut self) -> Res<&'static Expr> {
        Ok(boxed!(self, exprs, self.expr()?))
    }

    pub(super) fn opt_expr(&mut self) -> Res<Option<Expr>> {
        Ok(if self.some()? {
            Some(self.expr()?)
        } else {
            None
        })
    }

    pub(super) fn opt_boxed_expr(&mut self) -> Res<Option<&'static Expr>> {
        Ok(if self.some()? {
            Some(self.boxed_expr()?)
        } else {
            None
        })
    }

    /// `tag` (`ExprTag`) then the fields in declaration order: a string literal's `str`, a
    /// parameter's `u` index, a column's `name`, a unary operator's byte before its operand, a
    /// binary operator's byte between its operands; `negated` comes first where there is one.
    pub(super) fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let expr = match self.tag(ExprTag::from_tag)? {
            ExprTag::Integer => Expr::Literal(Literal::Integer(self.str()?)),
            ExprTag::Decimal => Expr::Literal(Literal::Decimal(self.str()?)),
            ExprTag::String => Expr::Literal(Literal::String(self.str()?)),
            ExprTag::False => Expr::Literal(Literal::Bool(false)),
            ExprTag::True => Expr::Literal(Literal::Bool(true)),
            ExprTag::Null => Expr::Literal(Literal::Null),
            ExprTag::Param => Expr::Param(self.len()?),
            ExprTag::Column => Expr::Column(self.name()?),
            ExprTag::Unary => Expr::Unary {
                op: self.tag(UnaryOp::from_tag)?,
                expr: self.boxed_expr()?,
            },
            ExprTag::Binary => Expr::Binary {
                left: self.boxed_expr()?,
                op: self.tag(BinaryOp::from_tag)?,
                right: self.boxed_expr()?,
            },
            ExprTag::IsNull => {
                let negated = self.bool()?;
                Expr::IsNull {
                    expr: self.boxed_expr()?,
                    negated,
                }
            }
            ExprTag::Between => Expr::Between {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                low: self.boxed_expr()?,
                high: self.boxed_expr()?,
            },
            ExprTag::InList => Expr::InList {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                list: self.exprs()?,
            },
            ExprTag::InListParam => Expr::InListParam {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                param: self.len()?,
            },
            ExprTag::InSubquery => Expr::InSubquery {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                subquery: self.boxed_query()?,
            },
            ExprTag::Like => Expr::Like {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                pattern: self.boxed_expr()?,
            },
            ExprTag::Exists => Expr::Exists {
                negated: self.bool()?,
                subquery: self.boxed_query()?,
            },
            ExprTag::Subquery => Expr::Subquery(self.boxed_query()?),
            ExprTag::Case => Expr::Case {
                operand: self.opt_boxed_expr()?,
                whens: list!(self, whens, (self.expr()?, self.expr()?)),
                else_result: self.opt_boxed_expr()?,
            },
            ExprTag::Cast => Expr::Cast {
                expr: self.boxed_expr()?,
                data_type: self.data_type()?,
            },
            ExprTag::Function => Expr::Function(Function {
                name: self.name()?,
                args: match self.tag(FunctionArgsTag::from_tag)? {
                    FunctionArgsTag::Star => FunctionArgs::Star,
                    FunctionArgsTag::List => FunctionArgs::List {
                        distinct: false,
                        args: self.exprs()?,
                    },
                    FunctionArgsTag::Distinct => FunctionArgs::List {
                        distinct: true,
                        args: self.exprs()?,
                    },
                },
                over: if self.some()? {
                    Some(self.window()?)
                } else {
                    None
                },
            }),
            ExprTag::Nested => Expr::Nested(self.boxed_expr()?),
        };
        self.depth -= 1;
        Ok(expr)
    }

    pub(super) fn data_type(&mut self) -> Res<DataType> {
        Ok(match self.tag(DataTypeTag::from_tag)? {
            DataTypeTag::SmallInt => DataType::SmallInt,
            DataTypeTag::Integer => DataType::Integer,
            DataTypeTag::BigInt => DataType::BigInt,
            DataTypeTag::Decimal => DataType::Decimal {
                precision: self.opt_u32()?,
                scale: self.opt_u32()?,
            },
            DataTypeTag::Real => DataType::Real,
            DataTypeTag::Double => DataType::Double,
            DataTypeTag::Text => DataType::Text,
            DataTypeTag::Varchar => DataType::Varchar(self.opt_u32()?),
            DataTypeTag::Char => DataType::Char(self.opt_u32()?),
            DataTypeTag::Boolean => DataType::Boolean,
            DataTypeTag::Date => DataType::Date,
            DataTypeTag::Time => DataType::Time,
            DataTypeTag::Timestamp => DataType::Timestamp,
            DataTypeTag::Blob => DataType::Blob,
        })
    }

    /// `partition_by:list<expr> order_by frame:opt<units:byte(rows, range, groups) start:bound
    /// end:opt<bound>>`; a bound is a byte (current row, unbounded preceding, n preceding,
    /// unbounded following, n following) followed by `n`'s expr where there is one.
    pub(super) fn window(&mut self) -> Res<WindowSpec> {
        Ok(WindowSpec {
            partition_by: self.exprs()?,
            order_by: self.order_by()?,
            frame: if self.some()? {
                Some(WindowFrame {
                    units: self.tag(FrameUnits::from_tag)?,
                    start: self.frame_bound()?,
                    end: if self.some()? {
                        Some(self.frame_bound()?)
                    } else {
                        None
                    },
                })
            } else {
                None
            },
        })
    }

    pub(super) fn frame_bound(&mut self) -> Res<FrameBound> {
        Ok(match self.tag(FrameBoundTag::from_tag)? {
            FrameBoundTag::CurrentRow => FrameBound::CurrentRow,
            FrameBoundTag::UnboundedPreceding => FrameBound::Preceding(None),
            FrameBoundTag::Preceding => FrameBound::Preceding(Some(self.boxed_expr()?)),
            FrameBoundTag::UnboundedFollowing => FrameBound::Following(None),
            FrameBoundTag::Following => FrameBound::Following(Some(self.boxed_expr()?)),
        })
    }
}
