use super::{BinaryOp, DataType, FrameUnits, List, ObjectName, OrderByItem, QueryExpr, UnaryOp};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expr {
    Literal(Literal),
    /// A bound parameter: the index of its value in the query's parameter list.
    Param(usize),
    /// A column, qualified or not: `depth`, `h.depth`.
    Column(ObjectName),
    Unary {
        op: UnaryOp,
        expr: &'static Expr,
    },
    Binary {
        left: &'static Expr,
        op: BinaryOp,
        right: &'static Expr,
    },
    /// `expr IS [NOT] NULL`
    IsNull {
        expr: &'static Expr,
        negated: bool,
    },
    /// `expr [NOT] BETWEEN low AND high`
    Between {
        expr: &'static Expr,
        negated: bool,
        low: &'static Expr,
        high: &'static Expr,
    },
    /// `expr [NOT] IN (a, b, ...)`
    InList {
        expr: &'static Expr,
        list: List<Expr>,
        negated: bool,
    },
    /// `expr [NOT] IN {list}`: the parameter with this index holds the list's values, as a
    /// [`Value::Array`](crate::Value::Array).
    InListParam {
        expr: &'static Expr,
        param: usize,
        negated: bool,
    },
    /// `expr [NOT] IN (subquery)`
    InSubquery {
        expr: &'static Expr,
        subquery: &'static QueryExpr,
        negated: bool,
    },
    /// `expr [NOT] LIKE pattern`
    Like {
        expr: &'static Expr,
        negated: bool,
        pattern: &'static Expr,
    },
    /// `[NOT] EXISTS (subquery)`
    Exists {
        subquery: &'static QueryExpr,
        negated: bool,
    },
    /// A scalar subquery: `(SELECT ...)`.
    Subquery(&'static QueryExpr),
    /// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`
    Case {
        operand: Option<&'static Expr>,
        /// `(when, then)` pairs; never empty.
        whens: List<(Expr, Expr)>,
        else_result: Option<&'static Expr>,
    },
    /// `CAST(expr AS type)`
    Cast {
        expr: &'static Expr,
        data_type: DataType,
    },
    Function(Function),
    /// An expression the user wrote in parentheses.
    Nested(&'static Expr),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Literal {
    /// Digits as written, so that no precision is lost.
    Integer(&'static str),
    /// A decimal number as written: `1.5`, `.5`, `2e10`.
    Decimal(&'static str),
    /// The content of a string literal, unescaped.
    String(&'static str),
    Bool(bool),
    Null,
}

/// `name([DISTINCT] args) [OVER (...)]` or `name(*)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Function {
    pub name: ObjectName,
    pub args: FunctionArgs,
    pub over: Option<WindowSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FunctionArgs {
    /// `COUNT(*)`
    Star,
    List {
        distinct: bool,
        args: List<Expr>,
    },
}

/// `OVER (PARTITION BY ... ORDER BY ... [frame])`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowSpec {
    pub partition_by: List<Expr>,
    pub order_by: List<OrderByItem>,
    pub frame: Option<WindowFrame>,
}

/// `{ROWS|RANGE|GROUPS} [BETWEEN] start [AND end]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowFrame {
    pub units: FrameUnits,
    pub start: FrameBound,
    pub end: Option<FrameBound>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FrameBound {
    CurrentRow,
    /// `n PRECEDING`, or `UNBOUNDED PRECEDING` when `None`.
    Preceding(Option<&'static Expr>),
    /// `n FOLLOWING`, or `UNBOUNDED FOLLOWING` when `None`.
    Following(Option<&'static Expr>),
}
