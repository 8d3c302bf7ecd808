use super::{Expr, Ident, List, ObjectName, QueryExpr, SelectItem, TableWithJoins, With};

/// `[WITH ...] INSERT INTO table [(cols)] source [RETURNING ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Insert {
    pub with: Option<With>,
    pub table: ObjectName,
    pub columns: List<Ident>,
    /// A SELECT, a VALUES list or any other query.
    pub source: &'static QueryExpr,
    pub returning: List<SelectItem>,
}

/// `[WITH ...] UPDATE table [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update {
    pub with: Option<With>,
    pub table: ObjectName,
    pub alias: Option<Ident>,
    pub assignments: List<Assignment>,
    pub from: List<TableWithJoins>,
    pub selection: Option<Expr>,
    pub returning: List<SelectItem>,
}

/// `column = value` in UPDATE ... SET.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    pub column: Ident,
    pub value: Expr,
}

/// `[WITH ...] DELETE FROM table [[AS] alias] [WHERE ...] [RETURNING ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Delete {
    pub with: Option<With>,
    pub table: ObjectName,
    pub alias: Option<Ident>,
    /// `USING ...`: the tables the WHERE joins the target with.
    pub using: List<TableWithJoins>,
    pub selection: Option<Expr>,
    pub returning: List<SelectItem>,
}
