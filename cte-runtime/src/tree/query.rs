use super::{
    Expr, Ident, List, Materialized, NullsOrder, ObjectName, SearchOrder, SetOperator, SortOrder,
    Statement, TableWithJoins,
};

/// `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET m]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueryExpr {
    pub with: Option<With>,
    pub body: SetExpr,
    pub order_by: List<OrderByItem>,
    pub limit: Option<Expr>,
    pub offset: Option<Expr>,
}

/// `WITH [RECURSIVE] cte, ...`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct With {
    pub recursive: bool,
    pub ctes: List<Cte>,
}

/// `name [(col, ...)] AS [[NOT] MATERIALIZED] (body) [SEARCH ...] [CYCLE ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cte {
    pub name: Ident,
    pub columns: List<Ident>,
    pub materialized: Materialized,
    /// A query, or on PostgreSQL a data-modifying statement with RETURNING.
    pub body: &'static Statement,
    pub search: Option<Search>,
    pub cycle: Option<Cycle>,
}

/// `SEARCH {DEPTH|BREADTH} FIRST BY col, ... SET col`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    pub order: SearchOrder,
    pub by: List<Ident>,
    pub set: Ident,
}

/// `CYCLE col, ... SET col [TO v DEFAULT v] USING col`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cycle {
    pub columns: List<Ident>,
    pub set: Ident,
    pub marks: Option<CycleMarks>,
    pub using: Ident,
}

/// `TO value DEFAULT default` of a CYCLE clause.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CycleMarks {
    pub value: Expr,
    pub default: Expr,
}

/// The body of a query: a SELECT, VALUES, a parenthesised query, or a set operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SetExpr {
    Select(&'static Select),
    /// `VALUES (a, b), (c, d)`: one inner list per row.
    Values(List<List<Expr>>),
    /// A parenthesised query, which may carry its own WITH, ORDER BY and LIMIT.
    Query(&'static QueryExpr),
    SetOp {
        op: SetOperator,
        left: &'static SetExpr,
        right: &'static SetExpr,
    },
}

/// `SELECT [DISTINCT] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Select {
    pub distinct: bool,
    pub projection: List<SelectItem>,
    /// Comma-separated FROM items, each with its joins. Empty when there is no FROM.
    pub from: List<TableWithJoins>,
    pub selection: Option<Expr>,
    pub group_by: List<Expr>,
    pub having: Option<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SelectItem {
    /// `*`
    Wildcard,
    /// `t.*`
    QualifiedWildcard(ObjectName),
    /// `expr [AS alias]`
    Expr { expr: Expr, alias: Option<Ident> },
}

/// `expr [ASC|DESC] [NULLS FIRST|LAST]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrderByItem {
    pub expr: Expr,
    pub order: SortOrder,
    pub nulls: NullsOrder,
}
