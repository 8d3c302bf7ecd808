use super::{Expr, Ident, JoinKind, List, ObjectName, QueryExpr};

/// One comma-separated FROM item with the joins that follow it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableWithJoins {
    pub relation: TableFactor,
    pub joins: List<Join>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TableFactor {
    /// A table or CTE name: `name [[AS] alias [(cols)]]`.
    Table {
        name: ObjectName,
        alias: Option<TableAlias>,
    },
    /// `[LATERAL] (query) [AS] alias [(cols)]`.
    Derived {
        lateral: bool,
        subquery: &'static QueryExpr,
        alias: Option<TableAlias>,
    },
    /// A parenthesised join: `(a JOIN b ON ...)`.
    Nested(&'static TableWithJoins),
}

/// `alias [(col, ...)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableAlias {
    pub name: Ident,
    pub columns: List<Ident>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Join {
    pub kind: JoinKind,
    pub relation: TableFactor,
    pub constraint: JoinConstraint,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum JoinConstraint {
    On(Expr),
    Using(List<Ident>),
    /// CROSS JOIN, or a LATERAL join written without a condition.
    None,
}
