//! How a PostgreSQL placeholder gets its type.
//!
//! PostgreSQL types `$1` from where it stands: `x = $1` takes the type of `x`, `substr(s, $1)`
//! the function's argument type. Where nothing around it says, it guesses, and the guess breaks
//! queries that run elsewhere: `SELECT $1` is text (an integer comes back as `'5'`), a recursive
//! CTE's anchor `SELECT $1` makes `n + 1` a `text + integer` error, `$1 IS NULL` and `-$1` have
//! no type at all, `$1 < $2` compares integers as text, and `n = $1` on an `int4` column cannot
//! take a value above 2^31 that the other engines compare fine. So where the context does not
//! fix a type that suits every value, the placeholder is written `CAST($1 AS <type>)`, the type
//! coming from the parameter's Rust type (see `param.rs`); a parameter of unknown kind stays
//! bare, as before. Text needs a cast only where there is no type at all: PostgreSQL's guess
//! for text is text, and an uncast text parameter still converts to a date or number column.
//! A date, time, timestamp, UUID, decimal or JSON parameter is cast to its own type
//! (`timestamptz` for an instant, `jsonb` for JSON) wherever an integer would be, so
//! `SELECT {day}` reads back a date and `date_col = {day}` compares dates.

use super::{Renderer, Res};
use crate::param::ParamKind;
use crate::tree::{Expr, Function};

/// What the context of a parameter does for its type on PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Typing {
    /// The context fixes a suitable type: a function argument, a LIKE operand, an INSERT or
    /// UPDATE value, LIMIT, a predicate, a CAST operand.
    Inferred,
    /// Beside a typed operand of arithmetic (`n + $1`): the operand's type suits integers and
    /// text (and keeps a recursive CTE's column type), but not floats, booleans or bytes.
    Beside,
    /// The context guesses text or a narrow integer: select items, VALUES, comparisons,
    /// concatenation, CASE results. Every kind but text is cast.
    Value,
    /// The context has no type at all: `$1 IS NULL`, `-$1`. Every kind is cast.
    Undetermined,
}

/// The PostgreSQL type a parameter of `kind` is cast to in a context of `typing`, if any.
fn cast_type(kind: ParamKind, typing: Typing) -> Option<&'static str> {
    let name = match kind {
        // A list is never written where a cast could go (see `list.rs`).
        ParamKind::Unknown | ParamKind::List => return None,
        ParamKind::Integer => "BIGINT",
        ParamKind::Float => "DOUBLE PRECISION",
        ParamKind::Bool => "BOOLEAN",
        ParamKind::Text => "TEXT",
        ParamKind::Bytes => "BYTEA",
        ParamKind::Date => "DATE",
        ParamKind::Time => "TIME",
        ParamKind::Timestamp => "TIMESTAMP",
        ParamKind::TimestampTz => "TIMESTAMPTZ",
        ParamKind::Uuid => "UUID",
        ParamKind::Decimal => "NUMERIC",
        ParamKind::Json => "JSONB",
    };
    let cast = match typing {
        Typing::Inferred => false,
        // `int_col * $1` would make a decimal an integer, `d - $1` is ambiguous for a date.
        Typing::Beside => !matches!(kind, ParamKind::Integer | ParamKind::Text),
        Typing::Value => kind != ParamKind::Text,
        Typing::Undetermined => true,
    };
    cast.then_some(name)
}

/// Whether `e` has a type of its own that PostgreSQL gives an operator's other operand: a
/// column, a function, a cast. A literal or a parameter does not (`$1 + 1` is `int4`).
pub(super) fn fixes_type(e: &Expr) -> bool {
    match e {
        Expr::Literal(_) | Expr::Param(_) => false,
        Expr::Nested(inner) | Expr::Unary { expr: inner, .. } => fixes_type(inner),
        Expr::Binary { left, right, .. } => fixes_type(left) || fixes_type(right),
        _ => true,
    }
}

/// Whether `f`'s result type comes from its arguments, as a CASE's does: a parameter among
/// them is typed like a select item, not by the function.
pub(super) fn typed_like_a_value(f: &Function) -> bool {
    let [name] = f.name.0 else { return false };
    !name.raw
        && [
            "COALESCE", "NULLIF", "GREATEST", "LEAST", "MIN", "MAX", "SUM", "AVG",
        ]
        .iter()
        .any(|n| name.value.eq_ignore_ascii_case(n))
}

impl Renderer<'_> {
    /// Sets the typing of the parameter that the next expression written may be.
    pub(super) fn typed(&mut self, typing: Typing) -> &mut Self {
        self.typing = typing;
        self
    }

    /// The cast the parameter `index` needs in a context of `typing`, if any.
    pub(super) fn param_cast(&mut self, index: usize, typing: Typing) -> Option<&'static str> {
        if !self.support().param_casts || typing == Typing::Inferred {
            return None;
        }
        cast_type(self.param_kind(index), typing)
    }

    /// The operand of arithmetic beside `other`, typed as PostgreSQL types it there.
    pub(super) fn arithmetic_typing(other: &Expr) -> Typing {
        if fixes_type(other) {
            Typing::Beside
        } else {
            Typing::Value
        }
    }

    /// Writes `e` as a value whose parameter, if it is one, is typed by `typing`.
    pub(super) fn expr_typed(&mut self, e: &Expr, typing: Typing) -> Res {
        self.typed(typing).expr_at(e, super::expr::Pos::Value)
    }
}
