//! `a || b`: string concatenation of the text of both operands, on every engine.
//!
//! - PostgreSQL has `||` for text beside any value, but no `integer || integer`: where neither
//!   operand is text for certain, the left one is cast to TEXT.
//! - SQLite concatenates the text of any values as written.
//! - MySQL and MariaDB read `||` as OR: `CONCAT(a, b, ...)`.
//! - SQL Server: `+`, every operand not certainly text cast to `NVARCHAR(MAX)`, so that numbers
//!   concatenate rather than add and a NULL still yields NULL.
//!
//! The text of a value is not the same everywhere: a boolean is `true` on PostgreSQL and `1`
//! elsewhere, and non-integer numbers differ in digits (see `facts::TextOf`). An operand the
//! tree shows to be one of those is refused where the dialect's text differs from PostgreSQL's.

use super::expr::{is_predicate, numeric_kind, Kind, Level, Pos, Side};
use super::facts::{self, ConcatForm, TextOf};
use super::{Renderer, Res};
use crate::param::ParamKind;
use crate::tree::{BinaryOp, DataType, Expr, Literal, UnaryOp};

impl Renderer<'_> {
    pub(super) fn concat(&mut self, left: &Expr, right: &Expr) -> Res {
        match facts::concat_form(self.dialect) {
            ConcatForm::Operator => {
                self.concat_operand_text(left)?;
                self.concat_operand_text(right)?;
                if self.support().concat_needs_text && self.needs_text_cast(left, right) {
                    self.cast(left, DataType::Text)?;
                } else {
                    self.operand(left, Level::Concat, Side::Left, Pos::Value)?;
                }
                self.write(" || ");
                self.operand(right, Level::Concat, Side::Right, Pos::Value)
            }
            ConcatForm::Function => {
                self.write("CONCAT(");
                self.concat_operands([left, right], ", ", Self::expr)?;
                self.write(")");
                Ok(())
            }
            ConcatForm::Plus => self.concat_operands([left, right], " + ", |r, part| {
                if is_text(part) {
                    r.expr(part)
                } else {
                    r.write("CAST(");
                    r.expr(part)?;
                    r.write(" AS NVARCHAR(MAX))");
                    Ok(())
                }
            }),
        }
    }

    /// Whether PostgreSQL needs `left` cast to text to concatenate: neither operand is text, or
    /// a parameter it takes as text, for certain. Bytes (a BLOB cast or parameter) keep
    /// PostgreSQL's `bytea || bytea`.
    fn needs_text_cast(&mut self, left: &Expr, right: &Expr) -> bool {
        let typed = |r: &mut Self, e: &Expr| match e {
            Expr::Cast {
                data_type: DataType::Blob,
                ..
            } => true,
            // Left uncast, a text parameter is PostgreSQL's `unknown`, which `||` reads as text.
            Expr::Param(i) => matches!(r.param_kind(*i), ParamKind::Text | ParamKind::Bytes),
            e => is_text(e),
        };
        !typed(self, left) && !typed(self, right)
    }

    /// The operands of the chains of `||` on both sides, flattened (concatenation is
    /// associative), written by `each` between `separator`s as they are found rather than
    /// collected first.
    fn concat_operands(
        &mut self,
        sides: [&Expr; 2],
        separator: &str,
        mut each: impl FnMut(&mut Self, &Expr) -> Res,
    ) -> Res {
        let mut first = true;
        for side in sides {
            each_concat_operand(side, &mut |operand| {
                if !std::mem::take(&mut first) {
                    self.write(separator);
                }
                self.concat_operand_text(operand)?;
                each(self, operand)
            })?;
        }
        Ok(())
    }

    /// Refuses an operand whose text this dialect writes otherwise than PostgreSQL.
    fn concat_operand_text(&self, e: &Expr) -> Res {
        let Some(of) = text_of(e) else { return Ok(()) };
        if facts::same_text_as_postgres(self.dialect, of) {
            return Ok(());
        }
        Err(match of {
            TextOf::Boolean => self.unsupported(
                "a boolean operand of ||",
                "PostgreSQL writes a boolean as true/false and this engine as 1/0; write \
                 CASE WHEN ... THEN 'true' ELSE 'false' END",
            ),
            TextOf::ExactNumber | TextOf::ComputedNumber => self.unsupported(
                "a non-integer number as an operand of ||",
                "engines write the digits of a fraction differently; concatenate an integer \
                 (CAST(x AS INTEGER), or x * 100 for cents) or format the number in Rust",
            ),
        })
    }
}

/// Calls `f` on each operand of a chain of `||`, in order, until it fails.
fn each_concat_operand<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr) -> Res) -> Res {
    match e {
        Expr::Binary {
            left,
            op: BinaryOp::Concat,
            right,
        } => {
            each_concat_operand(left, f)?;
            each_concat_operand(right, f)
        }
        e => f(e),
    }
}

/// Whether `e` is certainly text already: a string literal, a cast to a text type, a
/// concatenation.
fn is_text(e: &Expr) -> bool {
    match e {
        Expr::Literal(Literal::String(_))
        | Expr::Binary {
            op: BinaryOp::Concat,
            ..
        }
        | Expr::Cast {
            data_type: DataType::Text | DataType::Varchar(_) | DataType::Char(_),
            ..
        } => true,
        Expr::Nested(inner) => is_text(inner),
        _ => false,
    }
}

/// What the tree shows of `e`'s text, where that may differ between engines; `None` for text,
/// integers, and whatever only the database knows (columns, parameters).
fn text_of(e: &Expr) -> Option<TextOf> {
    match e {
        Expr::Literal(Literal::Bool(_))
        | Expr::Cast {
            data_type: DataType::Boolean,
            ..
        } => Some(TextOf::Boolean),
        e if is_predicate(e) => Some(TextOf::Boolean),
        Expr::Nested(inner) => text_of(inner),
        e => match numeric_kind(e)? {
            Kind::Integer => None,
            Kind::Fractional if exact(e) => Some(TextOf::ExactNumber),
            Kind::Fractional => Some(TextOf::ComputedNumber),
        },
    }
}

/// Whether `e` is an exact number whose scale the tree fixes: a plain decimal literal (`1.50`;
/// `2e10` is a double on MySQL and SQL Server), an integer, a DECIMAL or integer cast, and
/// sums, differences and products of those.
fn exact(e: &Expr) -> bool {
    match e {
        Expr::Literal(Literal::Integer(_)) => true,
        Expr::Literal(Literal::Decimal(digits)) => !digits.contains(['e', 'E']),
        Expr::Cast { data_type, .. } => matches!(
            data_type,
            DataType::Decimal { .. } | DataType::SmallInt | DataType::Integer | DataType::BigInt
        ),
        Expr::Nested(inner)
        | Expr::Unary {
            op: UnaryOp::Minus | UnaryOp::Plus,
            expr: inner,
        } => exact(inner),
        Expr::Binary {
            left,
            op: BinaryOp::Plus | BinaryOp::Minus | BinaryOp::Multiply,
            right,
        } => exact(left) && exact(right),
        _ => false,
    }
}
