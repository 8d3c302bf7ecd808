use super::{Expr, Ident, Keyed, ObjectName, Query, SelectItem, TableWithJoins, With};

/// `[WITH ...] INSERT INTO table [(cols)] source [RETURNING ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Insert {
    pub(crate) with: Option<With>,
    pub(crate) table: ObjectName,
    pub(crate) columns: Vec<Ident>,
    pub(crate) source: Box<Query>,
    pub(crate) returning: Option<Keyed<Vec<SelectItem>>>,
}

/// `[WITH ...] UPDATE table [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Update {
    pub(crate) with: Option<With>,
    pub(crate) table: ObjectName,
    pub(crate) alias: Option<Ident>,
    pub(crate) assignments: Vec<Assignment>,
    pub(crate) from: Option<Keyed<Vec<TableWithJoins>>>,
    pub(crate) selection: Option<Keyed<Expr>>,
    pub(crate) returning: Option<Keyed<Vec<SelectItem>>>,
}

/// `column = value`.
#[derive(Clone, Debug)]
pub(crate) struct Assignment {
    pub(crate) column: Ident,
    pub(crate) value: Expr,
}

/// `[WITH ...] DELETE FROM table [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Delete {
    pub(crate) with: Option<With>,
    pub(crate) table: ObjectName,
    pub(crate) alias: Option<Ident>,
    /// The tables the WHERE joins the target with.
    pub(crate) using: Option<Keyed<Vec<TableWithJoins>>>,
    pub(crate) selection: Option<Keyed<Expr>>,
    pub(crate) returning: Option<Keyed<Vec<SelectItem>>>,
}
