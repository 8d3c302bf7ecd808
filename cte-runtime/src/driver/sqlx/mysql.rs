//! [`Value`] with sqlx's MySQL backend, for MySQL and MariaDB.

use ::sqlx::encode::IsNull;
use ::sqlx::error::BoxDynError;
use ::sqlx::mysql::types::{MySqlTime, MySqlTimeSign};
use ::sqlx::mysql::{MySqlTypeInfo, MySqlValueRef};
use ::sqlx::{Decode, Encode, Executor, MySql, Type, TypeInfo as _, ValueRef as _};

use super::{sealed, SqlxQuery};
use crate::driver::mysql_server::{self, VERSION_QUERY};
use crate::driver::mysql_time::{self, DateTimeParts};
use crate::value::uuid_text;
use crate::{Dialect, Time, Value};

impl sealed::Backend for MySql {
    const FEATURE: &'static str = "sqlx-mysql";
    const DIALECTS: &'static [Dialect] = &mysql_server::DIALECTS;
    // MySQL takes the parameter types anew with every execution of a prepared statement.
    const PERSISTENT: bool = true;

    fn bind(query: SqlxQuery<Self>, value: Value) -> SqlxQuery<Self> {
        query.bind(value)
    }

    fn row_values(row: &Self::Row) -> Result<Vec<Value>, ::sqlx::Error> {
        super::row_values::<Self>(row)
    }
}

/// Whether the server behind `executor` is MySQL or MariaDB, from `SELECT VERSION()`: the
/// dialect to pass to [`query`](super::query) for it.
pub async fn server_dialect<'c, E>(executor: E) -> Result<Dialect, ::sqlx::Error>
where
    E: Executor<'c, Database = MySql>,
{
    let version: String = ::sqlx::query_scalar(VERSION_QUERY)
        .fetch_one(executor)
        .await?;
    Ok(mysql_server::dialect_of_version(&version))
}

impl Type<MySql> for Value {
    fn type_info() -> MySqlTypeInfo {
        <str as Type<MySql>>::type_info()
    }

    fn compatible(_: &MySqlTypeInfo) -> bool {
        // `decode` names the types that do not read, with what to do instead.
        true
    }
}

impl Encode<'_, MySql> for Value {
    fn encode(self, buf: &mut Vec<u8>) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Text(s) | Value::Json(s) => <String as Encode<MySql>>::encode(s, buf),
            Value::Bytes(b) => <Vec<u8> as Encode<MySql>>::encode(b, buf),
            other => <Value as Encode<MySql>>::encode_by_ref(&other, buf),
        }
    }

    fn encode_by_ref(&self, buf: &mut Vec<u8>) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Array(_) => {
                Err("MySQL and MariaDB have no arrays: bind a list with `IN {list}`".into())
            }
            Value::Bool(b) => <bool as Encode<MySql>>::encode_by_ref(b, buf),
            Value::I64(i) => <i64 as Encode<MySql>>::encode_by_ref(i, buf),
            Value::F64(f) => <f64 as Encode<MySql>>::encode_by_ref(f, buf),
            Value::Text(s) | Value::Json(s) => <&str as Encode<MySql>>::encode(s.as_str(), buf),
            Value::Bytes(b) => <&[u8] as Encode<MySql>>::encode(b.as_slice(), buf),
            Value::Time(t) => <MySqlTime as Encode<MySql>>::encode(mysql_time_of(*t)?, buf),
            // MySQL's own text for the rest: the server reads it as the column's type.
            Value::Uuid(u) => <String as Encode<MySql>>::encode(uuid_text(u), buf),
            Value::Decimal(d) => <&str as Encode<MySql>>::encode(d.as_str(), buf),
            Value::Date(_) | Value::Timestamp(_) | Value::TimestampTz(_) => {
                let text = mysql_time::bound_text(self).unwrap_or_default();
                <String as Encode<MySql>>::encode(text, buf)
            }
        }
    }

    fn produces(&self) -> Option<MySqlTypeInfo> {
        Some(match self {
            Value::Time(_) => <MySqlTime as Type<MySql>>::type_info(),
            // A NULL carries no value, so its declared type does not matter.
            Value::Null
            | Value::Array(_)
            | Value::Text(_)
            | Value::Json(_)
            | Value::Uuid(_)
            | Value::Decimal(_)
            | Value::Date(_)
            | Value::Timestamp(_)
            | Value::TimestampTz(_) => <str as Type<MySql>>::type_info(),
            Value::Bool(_) => <bool as Type<MySql>>::type_info(),
            Value::I64(_) => <i64 as Type<MySql>>::type_info(),
            Value::F64(_) => <f64 as Type<MySql>>::type_info(),
            Value::Bytes(_) => <[u8] as Type<MySql>>::type_info(),
        })
    }

    fn size_hint(&self) -> usize {
        match self {
            Value::Text(s) | Value::Json(s) => s.len() + 9,
            Value::Bytes(b) => b.len() + 9,
            Value::Decimal(d) => d.as_str().len() + 9,
            _ => 48,
        }
    }
}

impl<'r> Decode<'r, MySql> for Value {
    fn decode(value: MySqlValueRef<'r>) -> Result<Self, BoxDynError> {
        if value.is_null() {
            return Ok(Value::Null);
        }
        let ty = value.type_info().into_owned();
        Ok(match ty.name() {
            // BOOLEAN is TINYINT(1), which may hold any TINYINT: it reads as the integer.
            "BOOLEAN" | "TINYINT" | "SMALLINT" | "MEDIUMINT" | "INT" | "BIGINT" | "YEAR" => {
                Value::I64(<i64 as Decode<MySql>>::decode(value)?)
            }
            "TINYINT UNSIGNED" | "SMALLINT UNSIGNED" | "MEDIUMINT UNSIGNED" | "INT UNSIGNED"
            | "BIGINT UNSIGNED" => {
                let u = <u64 as Decode<MySql>>::decode(value)?;
                Value::I64(i64::try_from(u).map_err(|_| format!("{u} does not fit an i64"))?)
            }
            "FLOAT" => Value::F64(f64::from(<f32 as Decode<MySql>>::decode(value)?)),
            "DOUBLE" => Value::F64(<f64 as Decode<MySql>>::decode(value)?),
            "DECIMAL" => {
                let text = <&str as Decode<MySql>>::decode(value)?;
                text.parse()
                    .map_or_else(|_| Value::Text(text.to_owned()), Value::Decimal)
            }
            "JSON" => Value::Json(<String as Decode<MySql>>::decode(value)?),
            "CHAR" | "VARCHAR" | "TINYTEXT" | "TEXT" | "MEDIUMTEXT" | "LONGTEXT" | "ENUM"
            | "SET" => Value::Text(<String as Decode<MySql>>::decode(value)?),
            "TIME" => {
                let t = <MySqlTime as Decode<MySql>>::decode(value)?;
                let (h, m, s) = (u64::from(t.hours()), t.minutes(), t.seconds());
                // Through the sign: sqlx 0.9.0's `MySqlTime::is_negative` says the opposite.
                let negative = t.sign().is_negative() && !t.is_zero();
                mysql_time::time_value(negative, h, m, s, t.microseconds())
            }
            "DATE" | "DATETIME" | "TIMESTAMP" => {
                let date_only = ty.name() == "DATE";
                let raw = <&[u8] as Decode<MySql>>::decode(value)?;
                // The binary protocol's length byte is at most 11; text starts with a digit.
                match raw.first() {
                    Some(len) if *len < b'0' => date_time_binary(raw, date_only)?,
                    _ => {
                        let text = std::str::from_utf8(raw)?;
                        let parsed = if date_only {
                            text.parse().map(Value::Date)
                        } else {
                            text.parse().map(Value::Timestamp)
                        };
                        parsed.unwrap_or_else(|_| Value::Text(text.to_owned()))
                    }
                }
            }
            "BINARY" | "VARBINARY" | "TINYBLOB" | "BLOB" | "MEDIUMBLOB" | "LONGBLOB" | "BIT" => {
                Value::Bytes(<Vec<u8> as Decode<MySql>>::decode(value)?)
            }
            other => {
                return Err(format!(
                    "a MySQL {other} column does not read as a cte_runtime::Value: \
                     cast it in the query, e.g. CAST(x AS CHAR)"
                )
                .into())
            }
        })
    }
}

/// A time of day as sqlx's MySQL TIME, to the microsecond.
fn mysql_time_of(t: Time) -> Result<MySqlTime, BoxDynError> {
    let micros = t.nanosecond() / 1_000;
    Ok(MySqlTime::new(
        MySqlTimeSign::Positive,
        t.hour(),
        t.minute() as u8,
        t.second() as u8,
        micros,
    )?)
}

/// A DATE, DATETIME or TIMESTAMP in the binary protocol: a length byte, then the year (two
/// bytes, little-endian), month and day, then hour, minute and second, then microseconds (four
/// bytes); the parts at zero at the end are left out.
fn date_time_binary(raw: &[u8], date_only: bool) -> Result<Value, BoxDynError> {
    let byte = |i: usize| raw.get(i).copied().unwrap_or(0);
    if raw.len() != usize::from(byte(0)) + 1 {
        return Err(format!("a MySQL date of {} bytes", raw.len()).into());
    }
    let p = DateTimeParts {
        year: u16::from_le_bytes([byte(1), byte(2)]),
        month: byte(3),
        day: byte(4),
        hour: byte(5),
        minute: byte(6),
        second: byte(7),
        micros: u32::from_le_bytes([byte(8), byte(9), byte(10), byte(11)]),
    };
    Ok(mysql_time::date_time_value(p, date_only))
}
