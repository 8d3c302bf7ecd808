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
        paren_token: Span,
        alias: Option<TableAlias>,
    },
    /// `(a JOIN b ON ...)`.
    Nested {
        inner: Box<TableWithJoins>,
        paren_token: Span,
    },
}

#[derive(Clone, Debug)]
pub(crate) struct TableAlias {
    pub(crate) name: Ident,
    pub(crate) columns: Vec<Ident>,
}

#[derive(Clone, Debug)]
pub(crate) struct Join {
    pub(crate) kind: JoinKind,
    /// The first keyword of the join: `LEFT` of `LEFT OUTER JOIN`, `JOIN` of a plain join.
    pub(crate) kind_token: Span,
    /// The `JOIN` keyword.
    pub(crate) join_token: Span,
    pub(crate) relation: TableFactor,
    pub(crate) constraint: JoinConstraint,
}

#[derive(Clone, Debug)]
pub(crate) enum JoinConstraint {
    On {
        on_token: Span,
        expr: Expr,
    },
    Using {
        using_token: Span,
        columns: Vec<Ident>,
    },
    /// CROSS JOIN, or a LATERAL join without a condition.
    None,
}
