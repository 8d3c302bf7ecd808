//! The SQL tree that `select!` and `cte!` build.
//!
//! Every node is plain data made of `&'static` references, so rendering never allocates a node
//! and a tree can be written by hand as a `static`. The macros emit each tree encoded as one
//! byte string, which each call site decodes once, on first use (see `decode`). The tree cannot hold what the grammar
//! cannot say: choices are enums, and an `Option` is only used where SQL itself makes the part
//! optional.
//!
//! Parameters are not in the tree: [`Expr::Param`] holds the index of the value in the query's
//! parameter list, in source order.

pub(crate) mod decode;
mod dml;
mod expr;
mod from;
mod query;

pub use cte_shared::tree::{
    BinaryOp, ConflictKey, DataType, FrameUnits, JoinKind, LockStrength, LockWait, Materialized,
    NullsOrder, SearchOrder, SetOperator, SortOrder, UnaryOp,
};
pub use dml::{Assignment, ConflictAction, Delete, Insert, OnConflict, Update};
pub use expr::{Expr, FrameBound, Function, FunctionArgs, Literal, WindowFrame, WindowSpec};
pub use from::{Join, JoinConstraint, TableAlias, TableFactor, TableWithJoins};
pub use query::{
    Cte, Cycle, CycleMarks, OrderByItem, QueryExpr, Search, Select, SelectItem, SetExpr, With,
};

/// A list in the tree.
pub type List<T> = &'static [T];

/// An identifier as written. `raw` is true for `r#name`, which is always rendered quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ident {
    pub value: &'static str,
    pub raw: bool,
}

/// A possibly qualified name, such as `schema.table` or `t.column`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjectName(pub List<Ident>);

/// What a statement says about how it runs, written after it: `OPTION (MAXRECURSION n)`.
///
/// Kept beside the tree rather than in it: only the statement as a whole has options, never a
/// CTE body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A recursion deeper than this many levels below a recursive CTE's anchor is an error;
    /// 0 means no limit (as SQL Server's `MAXRECURSION 0`).
    pub max_recursion: u32,
    /// `FOR UPDATE` or `FOR SHARE` after a SELECT statement, and what it does with a row
    /// another transaction has locked.
    pub lock: Option<(LockStrength, LockWait)>,
}

impl Options {
    /// No options written.
    pub const NONE: Options = Options {
        max_recursion: 0,
        lock: None,
    };
}

/// A whole statement: the root of every tree, and the body of a data-modifying CTE.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Statement {
    Query(QueryExpr),
    Insert(Insert),
    Update(Update),
    Delete(Delete),
}
