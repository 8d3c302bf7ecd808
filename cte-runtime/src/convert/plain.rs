//! Reading the value types that need no crate out of a [`Value`], and the rules every value
//! feature (`chrono`, `time`, `uuid`, `rust_decimal`, `serde_json`) reads through.
//!
//! A column comes back as the variant of its type where the engine has the type, and as the
//! engine's storage where it does not: SQLite keeps dates, times and timestamps as ISO 8601
//! text (or an integer of Unix seconds, a convention of its own date functions), decimals as
//! text, UUIDs as 16-byte blobs; MySQL and MariaDB keep UUIDs and JSON as text. So each read
//! takes its own variant and those storage forms, and nothing else.

use super::{IntoParam, ValueError};
use crate::value::uuid_from_text;
use crate::{Date, Decimal, Time, Timestamp, Value};

/// A date: `Date`, a `Timestamp` at midnight (the mysql driver reads a DATE without its
/// column so), or `YYYY-MM-DD` text.
pub(crate) fn read_date(value: &Value, target: &'static str) -> Result<Date, ValueError> {
    match value {
        Value::Date(d) => Ok(*d),
        Value::Timestamp(t) if t.time() == Time::MIDNIGHT => Ok(t.date()),
        Value::Text(t) => t.parse(),
        _ => Err(ValueError::not_a(value, target, "a date")),
    }
}

/// A time of day: `Time`, or `HH:MM:SS[.fraction]` text.
pub(crate) fn read_time(value: &Value, target: &'static str) -> Result<Time, ValueError> {
    match value {
        Value::Time(t) => Ok(*t),
        Value::Text(t) => t.parse(),
        _ => Err(ValueError::not_a(value, target, "a time of day")),
    }
}

/// A timestamp without a zone: `Timestamp`, a `TimestampTz` as its UTC date and time, or text
/// without an offset.
pub(crate) fn read_timestamp(value: &Value, target: &'static str) -> Result<Timestamp, ValueError> {
    match value {
        Value::Timestamp(t) | Value::TimestampTz(t) => Ok(*t),
        Value::Text(t) => t.parse(),
        _ => Err(ValueError::not_a(value, target, "a timestamp")),
    }
}

/// An instant, as its UTC date and time: `TimestampTz`; a `Timestamp` (a DATETIME or SQLite
/// text, which hold UTC as this crate binds instants); text, with an offset or in UTC; or an
/// integer of Unix seconds.
#[cfg_attr(not(any(feature = "chrono", feature = "time")), allow(dead_code))]
pub(crate) fn read_instant(value: &Value, target: &'static str) -> Result<Timestamp, ValueError> {
    match value {
        Value::TimestampTz(t) | Value::Timestamp(t) => Ok(*t),
        Value::Text(t) => Timestamp::parse_instant(t),
        Value::I64(seconds) => {
            Timestamp::from_nanos_since_unix_epoch(i128::from(*seconds) * 1_000_000_000)
                .ok_or_else(|| ValueError::out_of_range(seconds, "Unix time", target))
        }
        _ => Err(ValueError::not_a(value, target, "a timestamp")),
    }
}

/// An exact decimal: `Decimal`; decimal text; an integer; or a finite float, by the shortest
/// text that reads back as it (SQLite turns decimal text in a NUMERIC column into REAL).
pub(crate) fn read_decimal(value: &Value, target: &'static str) -> Result<Decimal, ValueError> {
    match value {
        Value::Decimal(d) => Ok(d.clone()),
        Value::Text(t) => t.parse(),
        Value::I64(i) => Ok(Decimal::from(*i)),
        Value::F64(f) if f.is_finite() => format!("{f}").parse(),
        _ => Err(ValueError::not_a(value, target, "a decimal number")),
    }
}

/// A UUID: `Uuid`, 16 bytes, or its text (as bytes too: sqlx reads MariaDB's UUID so).
#[cfg_attr(not(feature = "uuid"), allow(dead_code))]
pub(crate) fn read_uuid(value: &Value, target: &'static str) -> Result<[u8; 16], ValueError> {
    match value {
        Value::Uuid(u) => Ok(*u),
        Value::Bytes(b) => <[u8; 16]>::try_from(b.as_slice())
            .ok()
            .or_else(|| std::str::from_utf8(b).ok().and_then(uuid_from_text))
            .ok_or_else(|| {
                ValueError::invalid(
                    b.len(),
                    "byte count",
                    target,
                    "a UUID is 16 bytes or its text",
                )
            }),
        Value::Text(t) => {
            uuid_from_text(t).ok_or_else(|| ValueError::invalid(t, "text", target, "not a UUID"))
        }
        _ => Err(ValueError::not_a(value, target, "a UUID")),
    }
}

/// JSON text: `Json`, or `Text` (MariaDB's JSON is a text type, SQLite has only text), or
/// UTF-8 bytes (sqlx reads MariaDB's JSON, whose collation is binary, as a BLOB).
#[cfg_attr(not(feature = "serde_json"), allow(dead_code))]
pub(crate) fn read_json<'v>(value: &'v Value, target: &'static str) -> Result<&'v str, ValueError> {
    match value {
        Value::Json(t) | Value::Text(t) => Ok(t),
        Value::Bytes(b) => std::str::from_utf8(b)
            .map_err(|_| ValueError::invalid(b.len(), "byte count", target, "not UTF-8 text")),
        _ => Err(ValueError::not_a(value, target, "JSON")),
    }
}

/// `TryFrom<&Value>`, `TryFrom<Value>` and [`FromValue`](crate::FromValue) by one of the
/// reads above.
macro_rules! read_as {
    ($t:ty, $read:ident) => {
        impl TryFrom<&Value> for $t {
            type Error = ValueError;

            fn try_from(value: &Value) -> Result<Self, ValueError> {
                $read(value, stringify!($t))
            }
        }

        impl TryFrom<Value> for $t {
            type Error = ValueError;

            fn try_from(value: Value) -> Result<Self, ValueError> {
                <$t>::try_from(&value)
            }
        }

        impl $crate::FromValue for $t {
            fn from_value(value: Value) -> Result<Self, ValueError> {
                $read(&value, stringify!($t))
            }
        }
    };
}
// Used by the value features' modules, which may all be off.
#[allow(unused_imports)]
pub(crate) use read_as;

read_as!(Date, read_date);
read_as!(Time, read_time);
read_as!(Timestamp, read_timestamp);
read_as!(Decimal, read_decimal);

/// `IntoParam` for a type and its reference, by `From` into `Value`. The impls of this module
/// and the value features are left out of the compiler's list of types that are parameters, so
/// that list reads the same whatever features are on (the `on_unimplemented` note names them).
macro_rules! param_by_value_from {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl IntoParam for $t {
            fn into_param(self) -> Result<Value, ValueError> {
                Ok(Value::from(self))
            }
        }

        #[diagnostic::do_not_recommend]
        impl IntoParam for &$t {
            fn into_param(self) -> Result<Value, ValueError> {
                Ok(Value::from(self))
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use param_by_value_from;

param_by_value_from!(Date, Time, Timestamp, Decimal);

/// `IntoParam` for a `Copy` type by a function into a `Value`, and for its reference.
#[allow(unused_macros)]
macro_rules! param_by {
    ($($t:ty => $convert:expr),* $(,)?) => {$(
        #[diagnostic::do_not_recommend]
        impl IntoParam for $t {
            fn into_param(self) -> Result<Value, ValueError> {
                ($convert)(self)
            }
        }

        #[diagnostic::do_not_recommend]
        impl IntoParam for &$t {
            fn into_param(self) -> Result<Value, ValueError> {
                (*self).into_param()
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use param_by;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_reads_its_variant_and_its_storage_forms() {
        let day = Date::new(2024, 1, 31).unwrap();
        assert_eq!(Date::try_from(Value::Date(day)), Ok(day));
        assert_eq!(Date::try_from(Value::Text("2024-01-31".into())), Ok(day));
        let e = Date::try_from(Value::I64(1)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "an I64 Value cannot be read as Date: it is not a date"
        );
        let e = Date::try_from(Value::Text("31/01/2024".into())).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the text \"31/01/2024\" cannot be read as a date: expected YYYY-MM-DD"
        );

        let noon = Timestamp::new(day, Time::new(12, 0, 0, 0).unwrap());
        assert_eq!(read_instant(&Value::I64(1_706_702_400), "t"), Ok(noon));
        assert_eq!(
            read_instant(&Value::Text("2024-01-31T14:00:00+02:00".into()), "t"),
            Ok(noon)
        );
        assert!(read_instant(&Value::I64(i64::MAX), "t").is_err());
        assert!(Timestamp::try_from(Value::Text("2024-01-31 12:00:00Z".into())).is_err());

        assert_eq!(
            read_decimal(&Value::F64(12.5), "d").unwrap().as_str(),
            "12.5"
        );
        assert_eq!(read_decimal(&Value::I64(-3), "d").unwrap().as_str(), "-3");
        assert!(read_decimal(&Value::F64(f64::NAN), "d").is_err());
        assert_eq!(read_uuid(&Value::Bytes(vec![7; 16]), "u"), Ok([7; 16]));
        assert!(read_uuid(&Value::Bytes(vec![7; 15]), "u").is_err());
        assert_eq!(read_json(&Value::Text("{}".into()), "j"), Ok("{}"));
    }
}
