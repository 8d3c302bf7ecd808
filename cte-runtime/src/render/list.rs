//! `x [NOT] IN {list}`: a Rust list bound as parameters.
//!
//! PostgreSQL binds the list as one array (`x = ANY($1)`), so one SQL text serves every length.
//! The other engines have no arrays: each value gets a placeholder of its own, and the number
//! of placeholders is rounded up to a power of two, the last value repeated to fill them
//! (repeating a value changes neither IN nor NOT IN). A call site thus renders a handful of
//! texts, about log2 of the longest list, each cached (see `site.rs`), instead of one per
//! length, which would fill the cache and every engine's statement cache.
//!
//! How each parameter is written is decided before rendering, from the lengths of the lists
//! ([`widths`]); it is the key under which the call site keeps the SQL.

use super::expr::{Level, Pos, Side};
use super::facts::{self, ListForm};
use super::{Renderer, Res, Slot};
use crate::param::ParamKind;
use crate::tree::Expr;
use crate::{Dialect, Value};

/// How one parameter is written in a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Width {
    /// A value at one placeholder.
    One,
    /// A list at this many placeholders, its last value repeated to fill them.
    Spread(u32),
    /// A list as one array placeholder.
    Array,
    /// A list without values: no placeholder.
    Empty,
    /// A list of only NULLs, written without a placeholder (see [`ListForm::Array`]).
    Nulls,
}

impl Width {
    /// How many placeholders the parameter takes.
    pub(super) fn placeholders(self) -> usize {
        match self {
            Width::One | Width::Array => 1,
            Width::Spread(n) => n as usize,
            Width::Empty | Width::Nulls => 0,
        }
    }
}

/// How each parameter is written for `dialect`: lists by their length, the rest at one
/// placeholder. Padding stops where it would pass the
/// engine's cap on parameters that the lists' real lengths keep to.
pub(crate) fn widths(dialect: Dialect, kinds: &[ParamKind], params: &[Value]) -> Box<[Width]> {
    let width = |i: usize, pad: bool| {
        let Some(Value::Array(values)) = params.get(i).filter(|_| kinds[i] == ParamKind::List)
        else {
            return Width::One;
        };
        match facts::list_form(dialect) {
            ListForm::Array if values.is_empty() => Width::Empty,
            ListForm::Array if values.iter().all(|v| *v == Value::Null) => Width::Nulls,
            ListForm::Array => Width::Array,
            ListForm::Placeholders { .. } if values.is_empty() => Width::Empty,
            ListForm::Placeholders { .. } => {
                let len = if pad {
                    values.len().next_power_of_two()
                } else {
                    values.len()
                };
                Width::Spread(u32::try_from(len).unwrap_or(u32::MAX))
            }
        }
    };
    let padded: Box<[Width]> = (0..kinds.len()).map(|i| width(i, true)).collect();
    let total: usize = padded.iter().map(|w| w.placeholders()).sum();
    if total <= facts::param_limit(dialect).max {
        return padded;
    }
    (0..kinds.len()).map(|i| width(i, false)).collect()
}

/// Whether a `Value::Array` binds as a parameter of `dialect`.
pub(crate) fn binds_arrays(dialect: Dialect) -> bool {
    match facts::list_form(dialect) {
        ListForm::Array => true,
        ListForm::Placeholders { .. } => false,
    }
}

impl Renderer<'_> {
    /// `expr [NOT] IN {list}`, the list at parameter `param`.
    pub(super) fn in_list_param(&mut self, expr: &Expr, param: usize, negated: bool) -> Res {
        self.operand(expr, Level::Compare, Side::Left, Pos::Value)?;
        if let Some(values) = self.inline {
            return self.inline_list(values.get(param), negated);
        }
        let form = facts::list_form(self.dialect);
        match (self.width(param), form) {
            (Width::Array, _) => {
                self.write(if negated { " <> ALL(" } else { " = ANY(" });
                self.placeholder(Slot::Whole(param));
                self.write(")");
            }
            (Width::Spread(n), _) => {
                self.write(if negated { " NOT IN (" } else { " IN (" });
                self.comma_separated(0..n as usize, |r, j| {
                    r.placeholder(Slot::Item(param, j));
                    Ok(())
                })?;
                self.write(")");
            }
            (empty @ (Width::Empty | Width::Nulls), ListForm::Array) => {
                self.write(if negated { " <> ALL(" } else { " = ANY(" });
                self.write(if empty == Width::Empty {
                    "'{}')"
                } else {
                    "'{NULL}')"
                });
            }
            (Width::Empty | Width::Nulls, ListForm::Placeholders { empty }) => {
                self.write(if negated { " NOT IN " } else { " IN " });
                self.write(empty);
            }
            (Width::One, _) => return Err(not_a_list(self.dialect)),
        }
        Ok(())
    }

    /// The list written out as literals, for `to_inline_sql`: `x IN (1, 2)` on every engine,
    /// PostgreSQL's included, where an empty list is written as it is bound.
    fn inline_list(&mut self, list: Option<&Value>, negated: bool) -> Res {
        let Some(Value::Array(values)) = list else {
            return Err(not_a_list(self.dialect));
        };
        if values.is_empty() {
            match facts::list_form(self.dialect) {
                ListForm::Array => self.write(if negated {
                    " <> ALL('{}')"
                } else {
                    " = ANY('{}')"
                }),
                ListForm::Placeholders { empty } => {
                    self.write(if negated { " NOT IN " } else { " IN " });
                    self.write(empty);
                }
            }
            return Ok(());
        }
        self.write(if negated { " NOT IN (" } else { " IN (" });
        self.comma_separated(values, |r, v| r.value(v))?;
        self.write(")");
        Ok(())
    }
}

fn not_a_list(dialect: Dialect) -> crate::RenderError {
    crate::RenderError::new(
        "`IN {...}` whose parameter is not a list",
        dialect,
        "bind a list, `Value::Array`, for `IN {...}`",
    )
}
