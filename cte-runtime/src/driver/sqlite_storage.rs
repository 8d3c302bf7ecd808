//! What a [`Value`] is stored as in SQLite, for rusqlite and sqlx's SQLite backend alike.
//!
//! SQLite has five storage classes. Dates, times and timestamps are ISO 8601 text (SQLite's
//! date functions read and write it), an instant in UTC without an offset as `datetime()`
//! writes it; decimals are their exact text, JSON its text, a UUID its 16 bytes (as rusqlite's
//! and sqlx's own `uuid` support store it), and a boolean the integer 0 or 1.

use std::borrow::Cow;

use crate::Value;

pub(crate) enum Stored<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(Cow<'a, str>),
    Blob(&'a [u8]),
}

/// An [`Value::Array`] has no storage class: `render` binds a list as one value per
/// placeholder on SQLite, and refuses an array parameter.
#[derive(Debug)]
pub(crate) struct NoArrays;

impl std::fmt::Display for NoArrays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SQLite has no array type: bind a list with `IN {list}`")
    }
}

impl std::error::Error for NoArrays {}

pub(crate) fn stored(value: &Value) -> Result<Stored<'_>, NoArrays> {
    Ok(match value {
        Value::Null => Stored::Null,
        Value::Bool(b) => Stored::Integer(i64::from(*b)),
        Value::I64(i) => Stored::Integer(*i),
        Value::F64(f) => Stored::Real(*f),
        Value::Text(s) | Value::Json(s) => Stored::Text(Cow::Borrowed(s)),
        Value::Bytes(b) => Stored::Blob(b),
        Value::Uuid(u) => Stored::Blob(u),
        Value::Decimal(d) => Stored::Text(Cow::Borrowed(d.as_str())),
        Value::Date(d) => Stored::Text(Cow::Owned(d.to_string())),
        Value::Time(t) => Stored::Text(Cow::Owned(t.to_string())),
        Value::Timestamp(t) | Value::TimestampTz(t) => Stored::Text(Cow::Owned(t.to_string())),
        Value::Array(_) => return Err(NoArrays),
    })
}
