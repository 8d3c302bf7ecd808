use proc_macro2::Span;

use super::{BinaryOp, DataType, FrameUnits, ObjectName, OrderByItem, Query, UnaryOp};

#[derive(Clone, Debug)]
pub(crate) enum Expr {
    Literal(Literal),
    Param(Param),
    /// `depth`, `h.depth`: every part keeps its span.
    Column(ObjectName),
    Unary {
        op: UnaryOp,
        op_token: Span,
        expr: Box<Expr>,
    },
    Binary {
        left: Box<Expr>,
        op: BinaryOp,
        right: Box<Expr>,
    },
    /// `expr IS [NOT] NULL`
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    /// `expr [NOT] BETWEEN low AND high`
    Between {
        expr: Box<Expr>,
        negated: bool,
        low: Box<Expr>,
        high: Box<Expr>,
    },
    /// `expr [NOT] IN (a, b, ...)`
    InList {
        expr: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    /// `expr [NOT] IN {list}`: the values of a Rust `IntoIterator`, bound as one parameter.
    InListParam {
        expr: Box<Expr>,
        list: Param,
        negated: bool,
    },
    /// `expr [NOT] IN (subquery)`
    InSubquery {
        expr: Box<Expr>,
        subquery: Box<Query>,
        negated: bool,
    },
    /// `expr [NOT] LIKE pattern`
    Like {
        expr: Box<Expr>,
        negated: bool,
        pattern: Box<Expr>,
    },
    /// `[NOT] EXISTS (subquery)`; spanned on `EXISTS`.
    Exists {
        exists_token: Span,
        subquery: Box<Query>,
        negated: bool,
    },
    /// `(SELECT ...)`; spanned on the opening parenthesis.
    Subquery {
        paren_token: Span,
        query: Box<Query>,
    },
    /// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`
    Case {
        case_token: Span,
        operand: Option<Box<Expr>>,
        /// Never empty.
        whens: Vec<(Expr, Expr)>,
        else_result: Option<Box<Expr>>,
    },
    /// `CAST(expr AS type)`
    Cast {
        cast_token: Span,
        expr: Box<Expr>,
        data_type: DataType,
    },
    Function(Function),
    /// `(expr)`
    Nested {
        paren_token: Span,
        expr: Box<Expr>,
    },
}

impl Expr {
    /// The span of the first token of the expression.
    pub(crate) fn span(&self) -> Span {
        match self {
            Expr::Literal(l) => l.span,
            Expr::Param(p) => p.span,
            Expr::Column(name) => name.span(),
            Expr::Unary { op_token, .. } => *op_token,
            Expr::Binary { left, .. }
            | Expr::IsNull { expr: left, .. }
            | Expr::Between { expr: left, .. }
            | Expr::InList { expr: left, .. }
            | Expr::InListParam { expr: left, .. }
            | Expr::InSubquery { expr: left, .. }
            | Expr::Like { expr: left, .. } => left.span(),
            Expr::Exists { exists_token, .. } => *exists_token,
            Expr::Subquery { paren_token, .. } | Expr::Nested { paren_token, .. } => *paren_token,
            Expr::Case { case_token, .. } => *case_token,
            Expr::Cast { cast_token, .. } => *cast_token,
            Expr::Function(f) => f.name.span(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Literal {
    pub(crate) kind: LiteralKind,
    pub(crate) span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LiteralKind {
    /// Decimal digits.
    Integer(String),
    /// `1.5`, `.5`, `2e10`.
    Decimal(String),
    /// The unescaped content of a string literal.
    String(String),
    Bool(bool),
    Null,
}

/// A `{expr}` parameter.
#[derive(Clone, Debug)]
pub(crate) struct Param {
    /// The position among all the parameters of the macro call, in source order.
    pub(crate) index: usize,
    pub(crate) expr: Box<syn::Expr>,
    /// The `{...}` group.
    pub(crate) span: Span,
}

/// `name([DISTINCT] args) [OVER (...)]` or `name(*)`; `name` spans the function name.
#[derive(Clone, Debug)]
pub(crate) struct Function {
    pub(crate) name: ObjectName,
    pub(crate) args: FunctionArgs,
    pub(crate) over: Option<Box<WindowSpec>>,
}

#[derive(Clone, Debug)]
pub(crate) enum FunctionArgs {
    /// `(*)`
    Star,
    List {
        /// The `DISTINCT` keyword, if written.
        distinct: Option<Span>,
        args: Vec<Expr>,
    },
}

/// `OVER (PARTITION BY ... ORDER BY ... [frame])`.
#[derive(Clone, Debug)]
pub(crate) struct WindowSpec {
    pub(crate) partition_by: Vec<Expr>,
    pub(crate) order_by: Vec<OrderByItem>,
    pub(crate) frame: Option<WindowFrame>,
}

#[derive(Clone, Debug)]
pub(crate) struct WindowFrame {
    pub(crate) units: FrameUnits,
    pub(crate) start: FrameBound,
    pub(crate) end: Option<FrameBound>,
}

#[derive(Clone, Debug)]
pub(crate) enum FrameBound {
    CurrentRow,
    /// `n PRECEDING`, or `UNBOUNDED PRECEDING` when `None`.
    Preceding(Option<Box<Expr>>),
    /// `n FOLLOWING`, or `UNBOUNDED FOLLOWING` when `None`.
    Following(Option<Box<Expr>>),
}
