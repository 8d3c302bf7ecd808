//! Rendering a tree into SQL text for one dialect.

use crate::tree::Statement;
use crate::{Dialect, RenderError, Value};

/// The SQL of one statement for one dialect, with how to order the parameters.
#[derive(Debug)]
pub(crate) struct Template {
    pub sql: String,
    pub order: ParamOrder,
}

/// Which source parameters the placeholders take, in placeholder order.
#[derive(Debug)]
pub(crate) enum ParamOrder {
    /// Exactly the source parameters, in source order (always so for numbered placeholders).
    Source,
    /// The source parameter index of each placeholder, in order: a parameter may be repeated or
    /// moved when the dialect needs the SQL rearranged.
    Indices(Box<[usize]>),
}

/// Renders `stmt` for `dialect`. With `inline` set, parameters are written as escaped literals
/// instead of placeholders.
pub(crate) fn render(
    stmt: &Statement,
    dialect: Dialect,
    inline: Option<&[Value]>,
) -> Result<Template, RenderError> {
    let _ = (stmt, inline);
    Err(RenderError::new("rendering", dialect, "not written yet"))
}
