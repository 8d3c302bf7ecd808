//! [`Value`] with sqlx's SQLite backend.

use ::sqlx::encode::IsNull;
use ::sqlx::error::BoxDynError;
use ::sqlx::sqlite::{SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use ::sqlx::{Decode, Encode, Sqlite, Type, TypeInfo as _, ValueRef as _};

use super::{sealed, SqlxQuery};
use crate::driver::sqlite_storage::{stored, Stored};
use crate::{Dialect, Value};

impl sealed::Backend for Sqlite {
    const FEATURE: &'static str = "sqlx-sqlite";
    const DIALECTS: &'static [Dialect] = &[Dialect::Sqlite];
    // SQLite parameters have no declared types.
    const PERSISTENT: bool = true;

    fn bind(query: SqlxQuery<Self>, value: Value) -> SqlxQuery<Self> {
        query.bind(value)
    }

    fn row_values(row: &Self::Row) -> Result<Vec<Value>, ::sqlx::Error> {
        super::row_values::<Self>(row)
    }
}

impl Type<Sqlite> for Value {
    fn type_info() -> SqliteTypeInfo {
        <str as Type<Sqlite>>::type_info()
    }

    fn compatible(_: &SqliteTypeInfo) -> bool {
        // SQLite is dynamically typed: every value has one of the storage classes `decode` reads.
        true
    }
}

impl Encode<'_, Sqlite> for Value {
    fn encode(self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Text(s) => <String as Encode<Sqlite>>::encode(s, buf),
            Value::Bytes(b) => <Vec<u8> as Encode<Sqlite>>::encode(b, buf),
            other => <Value as Encode<Sqlite>>::encode_by_ref(&other, buf),
        }
    }

    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        // Stored as rusqlite stores it.
        match stored(self)? {
            Stored::Null => Ok(IsNull::Yes),
            Stored::Integer(i) => <i64 as Encode<Sqlite>>::encode(i, buf),
            Stored::Real(f) => <f64 as Encode<Sqlite>>::encode(f, buf),
            Stored::Text(s) => <String as Encode<Sqlite>>::encode(s.into_owned(), buf),
            Stored::Blob(b) => <Vec<u8> as Encode<Sqlite>>::encode(b.to_vec(), buf),
        }
    }
}

impl<'r> Decode<'r, Sqlite> for Value {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        if value.is_null() {
            return Ok(Value::Null);
        }
        // A non-NULL value's type is its storage class.
        let class = value.type_info().name().to_owned();
        Ok(match class.as_str() {
            "INTEGER" => Value::I64(<i64 as Decode<Sqlite>>::decode(value)?),
            "REAL" => Value::F64(<f64 as Decode<Sqlite>>::decode(value)?),
            "TEXT" => Value::Text(<String as Decode<Sqlite>>::decode(value)?),
            "BLOB" => Value::Bytes(<Vec<u8> as Decode<Sqlite>>::decode(value)?),
            other => return Err(format!("an SQLite value of storage class {other}").into()),
        })
    }
}
