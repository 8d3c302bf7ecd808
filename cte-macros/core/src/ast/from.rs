use proc_macro2::Span;

use super::{Expr, Ident, JoinKind, ObjectName, Query};

/// One comma-separated FROM item with its joins.
#[derive(Clone, Debug)]
pub(crate) struct TableWithJoins {
    pub(crate) relation: TableFactor,
    pub(crate) joins: Vec<Join>,
}

#[derive(Clone, Debug)]
pub(crate) enum TableFactor {
    /// A table or CTE reference; `name` spans every part.
    Table {
        name: ObjectName,
        alias: Option<TableAlias>,
    },
    /// `[LATERAL] (query) [[AS] alias [(cols)]]`.
    Derived {
        /// The `LATERAL` keyword, if written.
        lateral: Option<Span>,
        subquery: Box<Query>,
        alias: Option<TableAlias>,
    },
    /// `(a JOIN b ON ...)`.
    Nested { inner: Box<TableWithJoins> },
}

#[derive(Clone, Debug)]
pub(crate) struct TableAlias {
    pub(crate) name: Ident,
    pub(crate) columns: Vec<Ident>,
}

#[derive(Clone, Debug)]
pub(crate) struct Join {
    pub(crate) kind: JoinKind,
    pub(crate) relation: TableFactor,
    pub(crate) constraint: JoinConstraint,
}

#[derive(Clone, Debug)]
pub(crate) enum JoinConstraint {
    On(Expr),
    Using(Vec<Ident>),
    /// CROSS JOIN, or a LATERAL join without a condition.
    None,
}
