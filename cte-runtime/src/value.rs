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
///
/// Dates, times, timestamps, UUIDs, exact decimals and JSON have variants of their own, built on
/// this crate's plain types, so `Value` is the same whatever features are enabled; the features
/// `chrono`, `time`, `uuid`, `rust_decimal` and `serde_json` convert those crates' types to and
/// from them. `docs/values.md` has what each becomes on each engine.
///
/// ```
/// use cte_runtime::{Date, Value};
///
/// let day = Date::new(2024, 2, 29).unwrap();
/// assert_eq!(Value::from(day), Value::Date(day));
/// // SQLite keeps a date as text: it reads back as `Text` and converts all the same.
/// assert_eq!(Date::try_from(Value::Text("2024-02-29".into())), Ok(day));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
    /// Text.
    Text(String),
    /// A binary string: BYTEA, BLOB, VARBINARY.
    Bytes(Vec<u8>),
    /// A calendar date: `date`, `DATE`.
    Date(Date),
    /// A time of day without a zone: `time`, `TIME`.
    Time(Time),
    /// A date and time without a zone: `timestamp`, `DATETIME`, `datetime2`.
    Timestamp(Timestamp),
    /// An instant, as its UTC date and time: `timestamptz`, `datetimeoffset`; on engines
    /// without a zoned type, the UTC date and time.
    TimestampTz(Timestamp),
    /// A UUID's 16 bytes: `uuid`, `UNIQUEIDENTIFIER`.
    Uuid([u8; 16]),
    /// An exact decimal: `numeric`, `DECIMAL`. Drivers read NUMERIC and DECIMAL columns as this.
    Decimal(Decimal),
    /// JSON text: `jsonb`, `json`, `JSON`.
    Json(String),
    /// The values of a list, as `x IN {ids}` binds them on PostgreSQL: one array parameter
    /// (`x = ANY($1)`). Other dialects bind each value at a placeholder of its own, so their
    /// drivers take no `Array`.
    Array(Vec<Value>),
}

impl Value {
    /// The variant, for error messages: "a Text".
    pub(crate) fn variant_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Bool(_) => "a Bool",
            Value::I64(_) => "an I64",
            Value::F64(_) => "an F64",
            Value::Text(_) => "a Text",
            Value::Bytes(_) => "a Bytes",
            Value::Date(_) => "a Date",
            Value::Time(_) => "a Time",
            Value::Timestamp(_) => "a Timestamp",
            Value::TimestampTz(_) => "a TimestampTz",
            Value::Uuid(_) => "a Uuid",
            Value::Decimal(_) => "a Decimal",
            Value::Json(_) => "a Json",
            Value::Array(_) => "an Array",
        }
    }
}

/// A UUID in its usual text form: 32 lower-case hex digits in groups of 8-4-4-4-12.
pub(crate) fn uuid_text(bytes: &[u8; 16]) -> String {
    let mut text = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        text.push_str(&format!("{b:02x}"));
    }
    text
}

/// A UUID from its text: hyphenated or 32 hex digits, either case.
pub(crate) fn uuid_from_text(text: &str) -> Option<[u8; 16]> {
    let hex: Vec<u8> = if text.len() == 36 {
        let hyphens = [8, 13, 18, 23].iter().all(|&i| text.as_bytes()[i] == b'-');
        if !hyphens {
            return None;
        }
        text.bytes().filter(|b| *b != b'-').collect()
    } else {
        text.bytes().collect()
    };
    if hex.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (byte, pair) in bytes.iter_mut().zip(hex.chunks(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(bytes)
}

use crate::{Date, Decimal, Time, Timestamp};

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

/// `From` a type and a reference to it, by a clone.
macro_rules! from_owned {
    ($($variant:ident: $t:ty);*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Self {
                Value::$variant(v)
            }
        }
        impl From<&$t> for Value {
            fn from(v: &$t) -> Self {
                Value::$variant(v.clone())
            }
        }
    )*};
}

from_lossless!(I64(i64): i8, i16, i32, i64, u8, u16, u32);
from_lossless!(F64(f64): f32, f64);
from_lossless!(Bool(bool): bool);
from_lossless!(Date(Date): Date);
from_lossless!(Time(Time): Time);

// A `Timestamp` converts as one without a zone; for an instant, build `Value::TimestampTz`.
from_lossless!(Timestamp(Timestamp): Timestamp);
from_owned!(Text: String; Decimal: Decimal);

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

    #[test]
    fn uuids_read_and_write_as_text() {
        let text = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        let bytes = super::uuid_from_text(text).unwrap();
        assert_eq!(bytes[0], 0x67);
        assert_eq!(super::uuid_text(&bytes), text);
        assert_eq!(
            super::uuid_from_text(&text.replace('-', "").to_uppercase()),
            Some(bytes)
        );
        assert_eq!(
            super::uuid_from_text("67e55044-10b1-426f-9247-bb680e5fe0cx"),
            None
        );
        assert_eq!(
            super::uuid_from_text("67e5504410b1-426f-9247-bb680e5fe0c8-"),
            None
        );
    }
}
