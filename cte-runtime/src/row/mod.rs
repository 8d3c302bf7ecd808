//! Rows read into Rust types: [`TypedQuery`], which `select_as!` makes (and `select!` with a
//! schema), and [`FromValue`], how one column's [`Value`] becomes a field.
//!
//! Every driver reads a column as a `Value` (any integer as `I64`, NUMERIC and DECIMAL as a
//! `Decimal`), so a row decodes the same way whatever the driver and engine: an `i64` field
//! reads an int4 column or a whole NUMERIC sum, a `u8` field an integer with a range check, an
//! `f64` field a NUMERIC average.

use std::fmt;
use std::ops::Deref;

use crate::{Decimal, Query, Value, ValueError};

/// A query whose rows read into `R`: made by [`select_as!`](crate::select_as), which checks at
/// compile time that `R`'s fields are the query's output columns, and by
/// [`select!`](crate::select) in a crate with a schema, with an `R` it generates (see
/// [Rows, with a schema](crate::select#rows-with-a-schema)). It dereferences to its
/// [`Query`], so it renders and runs like one; [`decode_row`](TypedQuery::decode_row) turns a
/// row, as a driver reads it into values, into an `R`.
///
/// ```
/// use cte_runtime::{select_as, Dialect, Value};
///
/// #[derive(Debug, PartialEq)]
/// struct Depth {
///     id: i64,
///     depth: u8,
/// }
///
/// let q = select_as!(Depth, SELECT id, 0 AS depth FROM employees);
/// assert_eq!(q.render(Dialect::Postgres)?.sql(), "SELECT id, 0 AS depth FROM employees");
/// // A row as a driver reads it: an int4 `id` and an integer literal, both `I64`.
/// let row = q.decode_row(vec![Value::I64(7), Value::I64(0)])?;
/// assert_eq!(row, Depth { id: 7, depth: 0 });
/// // A clone reads rows the same way.
/// assert_eq!(q.clone().decode_row(vec![Value::I64(8), Value::I64(1)])?, Depth { id: 8, depth: 1 });
/// let e = q.decode_row(vec![Value::I64(7), Value::I64(300)]).unwrap_err();
/// assert_eq!(e.to_string(), "column 1 (`depth`): the i64 300 is out of range for u8");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TypedQuery<R> {
    query: Query,
    decode: fn(&mut RowReader) -> Result<R, RowError>,
}

impl<R> TypedQuery<R> {
    /// The query `select_as!` wrote, and how it reads a row.
    #[doc(hidden)]
    pub fn new(query: Query, decode: fn(&mut RowReader) -> Result<R, RowError>) -> Self {
        TypedQuery { query, decode }
    }

    /// The query, for the driver methods that take one.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The query without its row type.
    pub fn into_query(self) -> Query {
        self.query
    }

    /// Reads one row, its columns in the order of the select list.
    pub fn decode_row(&self, row: Vec<Value>) -> Result<R, RowError> {
        let columns = row.len();
        let mut reader = RowReader {
            values: row.into_iter(),
            index: 0,
        };
        let decoded = (self.decode)(&mut reader)?;
        if reader.index != columns {
            return Err(RowError::count(reader.index, columns));
        }
        Ok(decoded)
    }
}

impl<R> Deref for TypedQuery<R> {
    type Target = Query;

    fn deref(&self) -> &Query {
        &self.query
    }
}

// By hand: a derive would ask for `R: Clone`, and the row type is not cloned.
impl<R> Clone for TypedQuery<R> {
    fn clone(&self) -> Self {
        TypedQuery {
            query: self.query.clone(),
            decode: self.decode,
        }
    }
}

impl<R> fmt::Debug for TypedQuery<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TypedQuery").field(&self.query).finish()
    }
}

/// The columns of one row, read in order by the code `select_as!` writes.
#[doc(hidden)]
pub struct RowReader {
    values: std::vec::IntoIter<Value>,
    index: usize,
}

impl RowReader {
    /// The next column, as a `T`; `column` names it in errors.
    pub fn read<T: FromValue>(&mut self, column: &'static str) -> Result<T, RowError> {
        let index = self.index;
        self.index += 1;
        let Some(value) = self.values.next() else {
            return Err(RowError::count(self.index, index));
        };
        T::from_value(value).map_err(|error| RowError {
            kind: RowErrorKind::Column {
                column,
                index,
                error,
            },
        })
    }
}

/// A row that does not read into the query's row type: a column whose value the field's type
/// cannot hold (a NULL without an `Option`, an integer out of range), or a row with another
/// number of columns than the query selects. Drivers return it as
/// [`DriverError::Row`](crate::DriverError::Row); [`column`](RowError::column) says which.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    kind: RowErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
enum RowErrorKind {
    Column {
        column: &'static str,
        index: usize,
        error: ValueError,
    },
    Count {
        expected: usize,
        found: usize,
    },
}

impl RowError {
    fn count(expected: usize, found: usize) -> Self {
        RowError {
            kind: RowErrorKind::Count { expected, found },
        }
    }

    /// The column that did not read, when one did not: its name and position (from 0).
    pub fn column(&self) -> Option<(&'static str, usize)> {
        match self.kind {
            RowErrorKind::Column { column, index, .. } => Some((column, index)),
            RowErrorKind::Count { .. } => None,
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RowErrorKind::Column {
                column,
                index,
                error,
            } => write!(f, "column {index} (`{column}`): {error}"),
            RowErrorKind::Count { expected, found } => write!(
                f,
                "the row has {found} columns where the query selects {expected}"
            ),
        }
    }
}

impl std::error::Error for RowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            RowErrorKind::Column { error, .. } => Some(error),
            RowErrorKind::Count { .. } => None,
        }
    }
}

/// A Rust type a column reads into: the field types of a `select_as!` row.
///
/// ```
/// use cte_runtime::{FromValue, Value};
///
/// assert_eq!(i64::from_value(Value::I64(7)), Ok(7));
/// assert_eq!(Option::<String>::from_value(Value::Null), Ok(None));
/// assert_eq!(f64::from_value(Value::Decimal("2.50".parse().unwrap())), Ok(2.5)); // AVG on PostgreSQL
/// assert_eq!(i64::from_value(Value::Decimal("15".parse().unwrap())), Ok(15)); // SUM on MySQL
/// assert!(u8::from_value(Value::I64(300)).is_err());
/// assert!(String::from_value(Value::Null).is_err());
/// ```
#[diagnostic::on_unimplemented(
    message = "a column cannot be read into `{Self}`",
    note = "a field of a `select_as!` row must implement `FromValue`: an integer, `f64`, `f32`, `bool`, `String`, `Vec<u8>`, `Value`, or an `Option` of one"
)]
pub trait FromValue: Sized {
    fn from_value(value: Value) -> Result<Self, ValueError>;
}

// Dates, times, decimals, UUIDs and JSON implement it where they implement `TryFrom<Value>`
// (see `convert`).
/// Integers read integers, and decimals without a fraction: the `SUM` of integers is NUMERIC
/// on PostgreSQL and DECIMAL on MySQL and MariaDB.
macro_rules! integer_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: Value) -> Result<Self, ValueError> {
                match &value {
                    Value::Decimal(d) => match whole(d) {
                        Some(i) => <$t>::try_from(i).map_err(|_| {
                            ValueError::out_of_range(d.as_str(), "decimal", stringify!($t))
                        }),
                        None => Err(ValueError::not_a(&value, stringify!($t), "an integer")),
                    },
                    _ => <$t>::try_from(value),
                }
            }
        }
    )*};
}

/// The value of a decimal with no fractional part.
fn whole(d: &Decimal) -> Option<i128> {
    let text = d.as_str();
    let (int, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.bytes().all(|b| b == b'0') {
        int.parse().ok()
    } else {
        None
    }
}

integer_from_value!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl FromValue for Value {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        Ok(value)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_value(value).map(Some),
        }
    }
}

/// Text, and the exact text of a decimal or of JSON.
impl FromValue for String {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        match value {
            Value::Text(text) | Value::Json(text) => Ok(text),
            Value::Decimal(d) => Ok(d.as_str().to_owned()),
            other => Err(ValueError::not_a(&other, "String", "text")),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        match value {
            Value::Bytes(bytes) => Ok(bytes),
            other => Err(ValueError::not_a(&other, "Vec<u8>", "a binary string")),
        }
    }
}

/// MySQL, MariaDB and SQLite store booleans as integers, which read as `I64`.
impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        match value {
            Value::Bool(b) => Ok(b),
            Value::I64(0) => Ok(false),
            Value::I64(1) => Ok(true),
            other => Err(ValueError::not_a(&other, "bool", "a boolean")),
        }
    }
}

/// Floats read floats, integers, and decimals (PostgreSQL's and MySQL's `AVG` of integers), to
/// the nearest `f64`.
impl FromValue for f64 {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        match value {
            Value::F64(f) => Ok(f),
            // The nearest f64, as a NUMERIC of these digits reads.
            Value::I64(i) => Ok(i as f64),
            Value::Decimal(d) => d
                .as_str()
                .parse()
                .map_err(|_| ValueError::not_a(&Value::Decimal(d), "f64", "a number")),
            other => Err(ValueError::not_a(&other, "f64", "a number")),
        }
    }
}

impl FromValue for f32 {
    fn from_value(value: Value) -> Result<Self, ValueError> {
        // Through f64, rounded once more: a 4-byte float column reads exactly.
        f64::from_value(value).map(|f| f as f32)
    }
}
