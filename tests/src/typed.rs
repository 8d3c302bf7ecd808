//! Typed rows: a check of a [`TypedQuery`] also reads every engine's rows into its row type.
//!
//! With a schema, `select!` types each output column, `Option` only where NULL can arrive. The
//! rows of every engine are read into that type through [`TypedQuery::decode_row`], from the
//! values the driver features read, as an application's `cte_fetch_all` reads them: a NULL in a
//! field that is not `Option`, or a value of another type, fails the check.

use cte_runtime::{Query, RowError, TypedQuery, Value};

use crate::engines::{cells, Engine};
use crate::rows::Row;

/// What [`Db::select`](crate::Db::select) and [`Db::statement`](crate::Db::statement) check: a
/// [`Query`], whose rows are compared, or a [`TypedQuery`], whose rows must also read into its
/// row type on every engine.
pub trait Checked {
    /// The query to render and run.
    fn as_query(&self) -> &Query;

    /// Reads one row into the row type: `None` for a query without one.
    fn decode(&self, row: Vec<Value>) -> Option<Result<(), RowError>>;
}

impl Checked for Query {
    fn as_query(&self) -> &Query {
        self
    }

    fn decode(&self, _row: Vec<Value>) -> Option<Result<(), RowError>> {
        None
    }
}

impl<R> Checked for TypedQuery<R> {
    fn as_query(&self) -> &Query {
        self.query()
    }

    fn decode(&self, row: Vec<Value>) -> Option<Result<(), RowError>> {
        Some(self.decode_row(row).map(drop))
    }
}

/// Reads `rows` of `engine` into the query's row type, when it has one, and returns them as
/// cells; each row that does not read is a failure.
pub(crate) fn read(
    query: &dyn Checked,
    engine: Engine,
    sql: &str,
    rows: Vec<Vec<Value>>,
    failures: &mut Vec<String>,
) -> Vec<Row> {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            if let Some(Err(e)) = query.decode(row.clone()) {
                failures.push(format!(
                    "{}: row {i} does not read into the query's row type: {e}\n  row: {row:?}\n  SQL: {sql}",
                    engine.name()
                ));
            }
            cells(row)
        })
        .collect()
}
