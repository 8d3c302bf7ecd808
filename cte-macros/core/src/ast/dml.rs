use super::{Expr, Ident, Keyed, ObjectName, Query, SelectItem, TableWithJoins, With};

/// `[WITH ...] INSERT INTO table [(cols)] source [ON CONFLICT ...] [RETURNING ...]`.
#[derive(Clone, Debug)]
pub(crate) struct Insert {
    pub(crate) with: Option<With>,
    pub(crate) table: ObjectName,
    pub(crate) columns: Vec<Ident>,
    pub(crate) source: Box<Query>,
    /// Boxed: the checks key what they learn of it by its address, which a move of the
    /// statement keeps.
    pub(crate) on_conflict: Option<Box<OnConflict>>,
    pub(crate) returning: Option<Keyed<Vec<SelectItem>>>,
}

/// `ON CONFLICT [(cols)] DO NOTHING | DO UPDATE SET ... [WHERE ...]`.
#[derive(Clone, Debug)]
pub(crate) struct OnConflict {
    /// The conflict target; empty when none is written.
    pub(crate) columns: Vec<Ident>,
    pub(crate) action: ConflictAction,
    /// `excluded`, the name DO UPDATE reads the row proposed for insertion by, spanned on
    /// `CONFLICT`: the checks bring it into scope there like a table alias.
    pub(crate) excluded: Ident,
}

/// `DO NOTHING` or `DO UPDATE SET ... [WHERE ...]`.
#[derive(Clone, Debug)]
pub(crate) enum ConflictAction {
    Nothing,
    Update {
        assignments: Vec<Assignment>,
        selection: Option<Keyed<Expr>>,
    },
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
