use super::{
    ConflictKey, Expr, Ident, List, ObjectName, QueryExpr, SelectItem, TableWithJoins, With,
};

/// `[WITH ...] INSERT INTO table [(cols)] source [ON CONFLICT ...] [RETURNING ...]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Insert {
    pub with: Option<With>,
    pub table: ObjectName,
    pub columns: List<Ident>,
    /// A SELECT, a VALUES list or any other query.
    pub source: &'static QueryExpr,
    pub on_conflict: Option<OnConflict>,
    pub returning: List<SelectItem>,
}

/// `ON CONFLICT [(cols)] DO NOTHING | DO UPDATE SET ... [WHERE ...]`: an upsert.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OnConflict {
    /// The conflict target: the columns of the unique key whose conflict the action handles;
    /// empty when none is written (any unique key, DO NOTHING only).
    pub columns: List<Ident>,
    pub action: ConflictAction,
    /// What the schema says of the table's unique keys, for the dialects whose upsert fires on
    /// any of them.
    pub key: ConflictKey,
}

/// What an upsert does with a row that conflicts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ConflictAction {
    /// Skips the row.
    Nothing,
    /// Updates the existing row, which `selection` (if any) must match. The assignments and
    /// the selection read the row proposed for insertion as `excluded`.
    Update {
        assignments: List<Assignment>,
        selection: Option<Expr>,
    },
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
