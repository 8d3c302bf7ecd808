//! The syntax tree that parsing builds and the checks read.
//!
//! It mirrors the runtime tree (`cte_runtime::tree`), with the same leaf enums
//! (`cte_shared::tree`), and keeps, on every node, the spans of the keywords and names it was
//! parsed from, so a check can point at the exact token: names are [`Ident`]s with their span,
//! clause keywords are `*_token: Span` fields or [`Keyed`].

mod dml;
mod expr;
mod from;
mod query;
pub(crate) mod visit;

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use proc_macro2::Span;

pub(crate) use cte_shared::tree::{
    BinaryOp, DataType, FrameUnits, JoinKind, LockStrength, LockWait, Materialized, NullsOrder,
    SearchOrder, SetOperator, SortOrder, UnaryOp,
};
pub(crate) use dml::{Assignment, ConflictAction, Delete, Insert, OnConflict, Update};
pub(crate) use expr::{
    Expr, FrameBound, Function, FunctionArgs, Literal, LiteralKind, Param, WindowFrame, WindowSpec,
};
pub(crate) use from::{Join, JoinConstraint, TableAlias, TableFactor, TableWithJoins};
pub(crate) use query::{
    Cte, CteBody, Cycle, CycleMarks, Lock, MaxRecursion, OrderByItem, Query, Search, Select,
    SelectItem, SetExpr, Splice, Values, With,
};

/// A name as written, with its span.
///
/// `Eq` and `Hash` ignore the span and compare names by `cte_shared::same_name`, the rule the
/// renderer applies too: `r#order` equals `order`, and an unquoted name equals any other
/// unquoted spelling of it (`Tree` = `tree`), while a raw name keeps its case (`r#Tree` is only
/// `r#Tree`, as PostgreSQL's `"Tree"`). So scopes can be hash maps keyed by `Ident`. Spellings
/// that other engines fold together (`r#Tree` and `tree`) are unequal here, and refused where
/// CTE names meet (see `check::resolve`).
#[derive(Clone, Debug)]
pub(crate) struct Ident {
    /// The name without `r#`.
    pub(crate) value: String,
    /// Written as `r#name`: rendered quoted.
    pub(crate) raw: bool,
    pub(crate) span: Span,
}

impl Ident {
    /// The name as SQL compares it.
    pub(crate) fn key(&self) -> Cow<'_, str> {
        if self.raw || !self.value.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Borrowed(&self.value)
        } else {
            Cow::Owned(self.value.to_ascii_lowercase())
        }
    }

    /// The name as `cte_shared` compares it: its text and whether it was written raw.
    pub(crate) fn shared(&self) -> (&str, bool) {
        (&self.value, self.raw)
    }
}

/// The one name rule of the macro and the renderer: `cte_shared::same_name`, which
/// [`Ident::key`] agrees with.
impl PartialEq for Ident {
    fn eq(&self, other: &Self) -> bool {
        cte_shared::same_name(self.shared(), other.shared())
    }
}

impl Eq for Ident {}

impl Hash for Ident {
    fn hash<H: Hasher>(&self, state: &mut H) {
        cte_shared::hash_name(self.shared(), state);
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// A possibly qualified name: `t`, `h.depth`, `schema.table`. Never empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ObjectName {
    pub(crate) parts: Vec<Ident>,
}

impl ObjectName {
    /// The span of the first part.
    pub(crate) fn span(&self) -> Span {
        self.parts.first().map_or_else(Span::call_site, |i| i.span)
    }

    /// The last part: the column of `h.depth`, the table of `schema.table`.
    pub(crate) fn last(&self) -> Option<&Ident> {
        self.parts.last()
    }
}

/// A clause with the span of the keyword that opens it: `WHERE expr`, `ORDER BY items`.
#[derive(Clone, Debug)]
pub(crate) struct Keyed<T> {
    /// The first keyword of the clause (`WHERE`, `GROUP`, `ORDER`, `LIMIT`, ...).
    pub(crate) token: Span,
    pub(crate) value: T,
}

/// A whole statement: the macro input, or the body of a CTE.
#[derive(Clone, Debug)]
pub(crate) enum Statement {
    Query(Query),
    Insert(Insert),
    Update(Update),
    Delete(Delete),
}

impl Statement {
    /// The WITH the statement starts with, which carries its options: before it, or for
    /// INSERT, on its query.
    pub(crate) fn leading_with(&self) -> Option<&With> {
        match self {
            Statement::Query(q) => q.with.as_ref(),
            Statement::Insert(i) => i.with.as_ref().or(i.source.with.as_ref()),
            Statement::Update(u) => u.with.as_ref(),
            Statement::Delete(d) => d.with.as_ref(),
        }
    }
}
