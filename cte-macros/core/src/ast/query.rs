use proc_macro2::Span;

use super::{
    Expr, Ident, Keyed, LockStrength, LockWait, Materialized, NullsOrder, ObjectName, SearchOrder,
    SetOperator, SortOrder, Statement, TableWithJoins,
};

/// `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET m] [FOR UPDATE ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Query {
    pub(crate) with: Option<With>,
    pub(crate) body: SetExpr,
    pub(crate) order_by: Option<Keyed<Vec<OrderByItem>>>,
    pub(crate) limit: Option<Keyed<Expr>>,
    pub(crate) offset: Option<Keyed<Expr>>,
    /// Only on the query of a SELECT statement, where the parser takes it.
    pub(crate) lock: Option<Lock>,
}

/// `FOR {UPDATE | SHARE} [NOWAIT | SKIP LOCKED]`, spanned on `FOR`.
#[derive(Clone, Debug)]
pub(crate) struct Lock {
    pub(crate) for_token: Span,
    pub(crate) strength: LockStrength,
    pub(crate) wait: LockWait,
}

/// `WITH [RECURSIVE] cte, ...`.
#[derive(Clone, Debug)]
pub(crate) struct With {
    /// The `RECURSIVE` keyword, if written.
    pub(crate) recursive: Option<Span>,
    pub(crate) ctes: Vec<Cte>,
    /// `OPTION (MAXRECURSION n)` written after the statement that this WITH starts: the
    /// statement's limit, kept on its leading WITH (a statement without one has nothing to
    /// limit).
    pub(crate) max_recursion: Option<MaxRecursion>,
}

/// `OPTION (MAXRECURSION n)`: a recursion deeper than `n` levels is an error; 0 is no limit.
#[derive(Clone, Debug)]
pub(crate) struct MaxRecursion {
    pub(crate) option_token: Span,
    pub(crate) levels: u32,
}

/// `name [(col, ...)] AS [[NOT] MATERIALIZED] (body) [SEARCH ...] [CYCLE ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Cte {
    pub(crate) name: Ident,
    pub(crate) columns: Vec<Ident>,
    pub(crate) materialized: Materialized,
    pub(crate) body: CteBody,
    pub(crate) search: Option<Search>,
    pub(crate) cycle: Option<Cycle>,
}

/// What a CTE of a WITH list is defined by.
#[derive(Clone, Debug)]
pub(crate) enum CteBody {
    /// `AS (statement)`
    Written(Box<Statement>),
    /// `{path}`: a `cte!` item spliced here. Its name is the path's last segment; the checks
    /// see the name and no columns.
    Spliced(Splice),
    /// The body had a syntax error, already reported: the checks skip it.
    Broken,
}

impl Cte {
    /// The body, when it was written here and parsed.
    pub(crate) fn written(&self) -> Option<&Statement> {
        match &self.body {
            CteBody::Written(body) => Some(body),
            CteBody::Spliced(_) | CteBody::Broken => None,
        }
    }

    /// The `cte!` item spliced here, if it is one.
    pub(crate) fn spliced(&self) -> Option<&Splice> {
        match &self.body {
            CteBody::Spliced(splice) => Some(splice),
            CteBody::Written(_) | CteBody::Broken => None,
        }
    }
}

/// A `cte!` item spliced into a WITH list as `{path}`.
#[derive(Clone, Debug)]
pub(crate) struct Splice {
    pub(crate) path: syn::Path,
    /// The columns that qualified references read from it (`h.depth`), filled by the names
    /// check; the expansion makes rustc check each against the item's column list.
    pub(crate) used: std::cell::RefCell<Vec<Ident>>,
}

/// `SEARCH {DEPTH|BREADTH} FIRST BY col, ... SET col`.
#[derive(Clone, Debug)]
pub(crate) struct Search {
    pub(crate) search_token: Span,
    pub(crate) order: SearchOrder,
    pub(crate) by: Vec<Ident>,
    pub(crate) set: Ident,
}

/// `CYCLE col, ... SET col [TO v DEFAULT v] USING col`.
#[derive(Clone, Debug)]
pub(crate) struct Cycle {
    pub(crate) cycle_token: Span,
    pub(crate) columns: Vec<Ident>,
    pub(crate) set: Ident,
    pub(crate) marks: Option<CycleMarks>,
    pub(crate) using: Ident,
}

/// `TO value DEFAULT default`.
#[derive(Clone, Debug)]
pub(crate) struct CycleMarks {
    pub(crate) value: Expr,
    pub(crate) default: Expr,
}

/// The body of a query.
#[derive(Clone, Debug)]
pub(crate) enum SetExpr {
    Select(Box<Select>),
    Values(Values),
    /// A parenthesised query; `paren_token` is its opening parenthesis.
    Query {
        query: Box<Query>,
        paren_token: Span,
    },
    SetOp {
        op: SetOperator,
        /// The `UNION`, `INTERSECT` or `EXCEPT` keyword.
        op_token: Span,
        left: Box<SetExpr>,
        right: Box<SetExpr>,
    },
}

/// `VALUES (a, b), (c, d)`.
#[derive(Clone, Debug)]
pub(crate) struct Values {
    pub(crate) values_token: Span,
    pub(crate) rows: Vec<Vec<Expr>>,
}

/// `SELECT [DISTINCT] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Select {
    pub(crate) select_token: Span,
    /// The `DISTINCT` keyword, if written.
    pub(crate) distinct: Option<Span>,
    pub(crate) projection: Vec<SelectItem>,
    pub(crate) from: Option<Keyed<Vec<TableWithJoins>>>,
    pub(crate) selection: Option<Keyed<Expr>>,
    /// Spanned on `GROUP`.
    pub(crate) group_by: Option<Keyed<Vec<Expr>>>,
    pub(crate) having: Option<Keyed<Expr>>,
}

#[derive(Clone, Debug)]
pub(crate) enum SelectItem {
    /// `*`
    /// Spanned on the `*`.
    Wildcard(Span),
    /// `t.*`
    QualifiedWildcard(ObjectName),
    /// `expr [[AS] alias]`
    Expr { expr: Expr, alias: Option<Ident> },
}

impl SelectItem {
    /// The name every engine gives this item's output column: its alias, or a bare column's
    /// own name; `None` for `*`, `t.*` and an unnamed expression.
    pub(crate) fn output_name(&self) -> Option<&Ident> {
        match self {
            SelectItem::Expr {
                alias: Some(alias), ..
            } => Some(alias),
            SelectItem::Expr {
                expr: Expr::Column(name),
                alias: None,
            } => name.last(),
            SelectItem::Expr { .. }
            | SelectItem::Wildcard(_)
            | SelectItem::QualifiedWildcard(_) => None,
        }
    }
}

/// `expr [ASC|DESC] [NULLS FIRST|LAST]`.
#[derive(Clone, Debug)]
pub(crate) struct OrderByItem {
    pub(crate) expr: Expr,
    pub(crate) order: SortOrder,
    pub(crate) nulls: NullsOrder,
}
