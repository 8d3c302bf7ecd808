//! Values bound as query parameters.

/// A value bound to a placeholder. Values never become part of the SQL text, except in
/// [`Query::to_inline_sql`](crate::Query::to_inline_sql), which escapes them for logs.
///
/// A `{expr}` of `select!` becomes a `Value` through [`IntoParam`](crate::IntoParam). Every
/// driver reads a column as a `Value` too, and any integer column (int2..int8, TINYINT..BIGINT,
/// SQLite INTEGER) or integer expression reads as `I64`; `TryFrom<Value>` (and `&Value`) turns it
/// into the Rust integer you want, exactly, with a range check where the type is narrower:
///
/// ```
/// use cte_runtime::Value;
///
/// let count = Value::I64(300); // as a driver reads `COUNT(*)` or an int4 column
/// assert_eq!(i64::try_from(&count), Ok(300));
/// assert_eq!(u16::try_from(&count), Ok(300));
/// let e = u8::try_from(&count).unwrap_err();
/// assert_eq!(e.to_string(), "the i64 300 is out of range for u8");
/// assert!(i64::try_from(Value::Text("300".into())).is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL `NULL`: `None` of any `Option`.
    Null,
    /// A boolean. MySQL, MariaDB and SQLite store booleans as integers, so their drivers read
    /// them back as [`Value::I64`].
    Bool(bool),
    /// Every integer, of any width, that fits in `i64`: drivers read every integer column
    /// (int2 to int8, TINYINT to BIGINT, SQLite INTEGER) as this.
    I64(i64),
    /// A floating-point number. As a literal (`to_inline_sql`), only finite ones exist.
    F64(f64),
    /// Text. Drivers read NUMERIC and DECIMAL columns as their exact decimal text.
    Text(String),
    /// A binary string: BYTEA, BLOB, VARBINARY.
    Bytes(Vec<u8>),
}

macro_rules! from_lossless {
    ($variant:ident($target:ty): $($source:ty),*) => {$(
        impl From<$source> for Value {
            fn from(v: $source) -> Self {
                Value::$variant(<$target>::from(v))
            }
        }
        impl From<&$source> for Value {
            fn from(v: &$source) -> Self {
                Value::$variant(<$target>::from(*v))
            }
        }
    )*};
}

from_lossless!(I64(i64): i8, i16, i32, i64, u8, u16, u32);
from_lossless!(F64(f64): f32, f64);
from_lossless!(Bool(bool): bool);

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}

impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Bytes(v)
    }
}

impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Self {
        Value::Bytes(v.to_vec())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl From<&Value> for Value {
    fn from(v: &Value) -> Self {
        v.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn converts_the_usual_rust_types() {
        assert_eq!(Value::from(7_i32), Value::I64(7));
        assert_eq!(Value::from(&7_u32), Value::I64(7));
        assert_eq!(Value::from(1.5_f32), Value::F64(1.5));
        assert_eq!(Value::from(true), Value::Bool(true));
        assert_eq!(Value::from("it's"), Value::Text("it's".into()));
        assert_eq!(Value::from(None::<i64>), Value::Null);
        assert_eq!(Value::from(Some("x")), Value::Text("x".into()));
        assert_eq!(Value::from(vec![1_u8, 2]), Value::Bytes(vec![1, 2]));
    }
}
