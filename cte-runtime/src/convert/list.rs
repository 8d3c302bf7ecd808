//! The list of `x IN {list}`: any iterator of parameter values.

use super::{IntoParam, ValueError};
use crate::Value;

/// A Rust list that can be the `{list}` of `x [NOT] IN {list}` in [`select!`](crate::select):
/// any `IntoIterator` whose items are parameters ([`IntoParam`]), such as `Vec<i64>`,
/// `&[&str]`, a `HashSet<String>`, a `BTreeSet<Uuid>` or an iterator.
///
/// PostgreSQL binds the list as one array; the other engines get a placeholder per value. An
/// empty list makes `IN` false and `NOT IN` true on every engine, and a NULL in the list
/// behaves as in SQL's own `IN (...)`.
///
/// ```
/// use cte_runtime::{select, Dialect, Value};
///
/// let ids = vec![3_i64, 5, 8];
/// let q = select! { SELECT name FROM item WHERE id IN {&ids} };
/// assert_eq!(q.render(Dialect::Postgres)?.sql(), "SELECT name FROM item WHERE id = ANY($1)");
/// assert_eq!(
///     q.render(Dialect::Postgres)?.params(),
///     &[Value::Array(vec![Value::I64(3), Value::I64(5), Value::I64(8)])]
/// );
/// // Elsewhere the placeholders are padded to a power of two with the last value, so that a
/// // call site renders a few texts, not one per length.
/// assert_eq!(q.render(Dialect::Sqlite)?.sql(), "SELECT name FROM item WHERE id IN (?, ?, ?, ?)");
/// assert_eq!(q.render(Dialect::Sqlite)?.params().len(), 4);
///
/// let none: Vec<i64> = Vec::new();
/// let q = select! { SELECT name FROM item WHERE id NOT IN {none} };
/// assert_eq!(q.render(Dialect::MySql)?.sql(),
///     "SELECT name FROM item WHERE id NOT IN (SELECT NULL FROM DUAL WHERE 1 = 0)");
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the list of `IN {{...}}`",
    label = "not a list of parameter values",
    note = "`IN {{list}}` takes any `IntoIterator` whose items are parameters: `Vec<i64>`, `&[&str]`, a `HashSet<String>`, an iterator"
)]
pub trait IntoParamList {
    /// The list's values as one [`Value::Array`], or the first value that cannot be bound.
    fn into_param_list(self) -> Result<Value, ValueError>;
}

impl<I> IntoParamList for I
where
    I: IntoIterator,
    I::Item: IntoParam,
{
    fn into_param_list(self) -> Result<Value, ValueError> {
        self.into_iter()
            .map(IntoParam::into_param)
            .collect::<Result<_, _>>()
            .map(Value::Array)
    }
}
