//! [`Value`] with sqlx's MySQL backend, for MySQL and MariaDB.

use ::sqlx::encode::IsNull;
use ::sqlx::error::BoxDynError;
use ::sqlx::mysql::{MySqlTypeInfo, MySqlValueRef};
use ::sqlx::{Decode, Encode, Executor, MySql, Type, TypeInfo as _, ValueRef as _};

use super::{sealed, SqlxQuery};
use crate::driver::mysql_server::{self, VERSION_QUERY};
use crate::{Dialect, Value};

impl sealed::Backend for MySql {
    const FEATURE: &'static str = "sqlx-mysql";
    const DIALECTS: &'static [Dialect] = &mysql_server::DIALECTS;
    // MySQL takes the parameter types anew with every execution of a prepared statement.
    const PERSISTENT: bool = true;

    fn bind(query: SqlxQuery<Self>, value: Value) -> SqlxQuery<Self> {
        query.bind(value)
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
            Value::Text(s) => <String as Encode<MySql>>::encode(s, buf),
            Value::Bytes(b) => <Vec<u8> as Encode<MySql>>::encode(b, buf),
            other => <Value as Encode<MySql>>::encode_by_ref(&other, buf),
        }
    }

    fn encode_by_ref(&self, buf: &mut Vec<u8>) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Bool(b) => <bool as Encode<MySql>>::encode_by_ref(b, buf),
            Value::I64(i) => <i64 as Encode<MySql>>::encode_by_ref(i, buf),
            Value::F64(f) => <f64 as Encode<MySql>>::encode_by_ref(f, buf),
            Value::Text(s) => <&str as Encode<MySql>>::encode(s.as_str(), buf),
            Value::Bytes(b) => <&[u8] as Encode<MySql>>::encode(b.as_slice(), buf),
        }
    }

    fn produces(&self) -> Option<MySqlTypeInfo> {
        Some(match self {
            // A NULL carries no value, so its declared type does not matter.
            Value::Null | Value::Text(_) => <str as Type<MySql>>::type_info(),
            Value::Bool(_) => <bool as Type<MySql>>::type_info(),
            Value::I64(_) => <i64 as Type<MySql>>::type_info(),
            Value::F64(_) => <f64 as Type<MySql>>::type_info(),
            Value::Bytes(_) => <[u8] as Type<MySql>>::type_info(),
        })
    }

    fn size_hint(&self) -> usize {
        match self {
            Value::Text(s) => s.len() + 9,
            Value::Bytes(b) => b.len() + 9,
            _ => 8,
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
            // Exact decimal, as its text.
            "DECIMAL" => Value::Text(<&str as Decode<MySql>>::decode(value)?.to_owned()),
            "CHAR" | "VARCHAR" | "TINYTEXT" | "TEXT" | "MEDIUMTEXT" | "LONGTEXT" | "ENUM"
            | "SET" | "JSON" => Value::Text(<String as Decode<MySql>>::decode(value)?),
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
