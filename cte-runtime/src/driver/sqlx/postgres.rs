//! [`Value`] with sqlx's PostgreSQL backend.
//!
//! A parameter declares its value's type (`Date` a `date`, `TimestampTz` a `timestamptz`,
//! `Json` a `jsonb`...), as sqlx's own types do; PostgreSQL converts where it can. Between
//! `timestamp` and `timestamptz` that conversion follows the session's TimeZone, so bind a
//! `TimestampTz` (a `DateTime<Utc>`) to a `timestamptz` column and a `Timestamp` to a
//! `timestamp` one.

use ::sqlx::encode::IsNull;
use ::sqlx::error::BoxDynError;
use ::sqlx::postgres::types::Oid;
use ::sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueFormat, PgValueRef};
use ::sqlx::{Decode, Encode, Postgres, Type, TypeInfo as _, ValueRef as _};

use super::{sealed, SqlxQuery};
use crate::driver::postgres_wire::{self, Kind};
use crate::driver::{postgres_numeric, postgres_time};
use crate::{Dialect, Value};

impl sealed::Backend for Postgres {
    const FEATURE: &'static str = "sqlx-postgres";
    const DIALECTS: &'static [Dialect] = &[Dialect::Postgres];
    // sqlx caches a statement by its SQL text with the parameter types of its first run; a
    // `Null` declares no type, so a cached statement could meet a value of another type later.
    const PERSISTENT: bool = false;

    fn bind(query: SqlxQuery<Self>, value: Value) -> SqlxQuery<Self> {
        query.bind(value)
    }

    fn row_values(row: &Self::Row) -> Result<Vec<Value>, ::sqlx::Error> {
        super::row_values::<Self>(row)
    }
}

/// The type a `Null` parameter declares: OID 0, "unspecified", so that PostgreSQL infers it.
fn unspecified() -> PgTypeInfo {
    PgTypeInfo::with_oid(Oid(0))
}

impl Type<Postgres> for Value {
    fn type_info() -> PgTypeInfo {
        unspecified()
    }

    fn compatible(_: &PgTypeInfo) -> bool {
        // `decode` names the types that do not read, with what to do instead.
        true
    }
}

impl Encode<'_, Postgres> for Value {
    fn encode(self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Text(s) => <String as Encode<Postgres>>::encode(s, buf),
            Value::Bytes(b) => <Vec<u8> as Encode<Postgres>>::encode(b, buf),
            other => <Value as Encode<Postgres>>::encode_by_ref(&other, buf),
        }
    }

    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Bool(b) => <bool as Encode<Postgres>>::encode_by_ref(b, buf),
            Value::I64(i) => <i64 as Encode<Postgres>>::encode_by_ref(i, buf),
            Value::F64(f) => <f64 as Encode<Postgres>>::encode_by_ref(f, buf),
            Value::Text(s) => <&str as Encode<Postgres>>::encode(s.as_str(), buf),
            Value::Bytes(b) => <&[u8] as Encode<Postgres>>::encode(b.as_slice(), buf),
            Value::Date(d) => {
                <i32 as Encode<Postgres>>::encode(postgres_time::encode_date(*d), buf)
            }
            Value::Time(t) => {
                <i64 as Encode<Postgres>>::encode(postgres_time::encode_time(*t), buf)
            }
            Value::Timestamp(t) | Value::TimestampTz(t) => {
                <i64 as Encode<Postgres>>::encode(postgres_time::encode_timestamp(*t), buf)
            }
            Value::Uuid(u) => {
                buf.extend_from_slice(u);
                Ok(IsNull::No)
            }
            Value::Decimal(d) => {
                buf.extend_from_slice(&postgres_numeric::encode(d.as_str())?);
                Ok(IsNull::No)
            }
            // jsonb's binary form: version 1, then the text.
            Value::Json(j) => {
                buf.push(1);
                buf.extend_from_slice(j.as_bytes());
                Ok(IsNull::No)
            }
            Value::Array(items) => encode_array(items, buf),
        }
    }

    fn produces(&self) -> Option<PgTypeInfo> {
        Some(match self {
            Value::Null => unspecified(),
            Value::Bool(_) => <bool as Type<Postgres>>::type_info(),
            Value::I64(_) => <i64 as Type<Postgres>>::type_info(),
            Value::F64(_) => <f64 as Type<Postgres>>::type_info(),
            Value::Text(_) => <String as Type<Postgres>>::type_info(),
            Value::Bytes(_) => <Vec<u8> as Type<Postgres>>::type_info(),
            Value::Date(_) => PgTypeInfo::with_oid(Oid(1082)),
            Value::Time(_) => PgTypeInfo::with_oid(Oid(1083)),
            Value::Timestamp(_) => PgTypeInfo::with_oid(Oid(1114)),
            Value::TimestampTz(_) => PgTypeInfo::with_oid(Oid(1184)),
            Value::Uuid(_) => PgTypeInfo::with_oid(Oid(2950)),
            Value::Decimal(_) => PgTypeInfo::with_oid(Oid(1700)),
            Value::Json(_) => PgTypeInfo::with_oid(Oid(3802)),
            Value::Array(items) => match array_types(items) {
                Ok(Some((_, array))) => PgTypeInfo::with_oid(Oid(array)),
                // An error is `encode`'s to report; a list of NULLs declares nothing.
                Ok(None) | Err(_) => unspecified(),
            },
        })
    }

    fn size_hint(&self) -> usize {
        match self {
            Value::Text(s) | Value::Json(s) => s.len() + 1,
            Value::Bytes(b) => b.len(),
            Value::Uuid(_) => 16,
            Value::Decimal(d) => d.as_str().len(),
            _ => 8,
        }
    }
}

/// The OIDs of the items' type and of its array, from the first item that is not NULL; `None`
/// when every item is NULL. Items of different types have no one array type.
fn array_types(items: &[Value]) -> Result<Option<(u32, u32)>, BoxDynError> {
    let mut types = items
        .iter()
        .filter(|v| **v != Value::Null)
        .map(|v| match v {
            Value::Bool(_) => Ok((16, 1000)),
            Value::I64(_) => Ok((20, 1016)),
            Value::F64(_) => Ok((701, 1022)),
            Value::Text(_) => Ok((25, 1009)),
            Value::Bytes(_) => Ok((17, 1001)),
            Value::Date(_) => Ok((1082, 1182)),
            Value::Time(_) => Ok((1083, 1183)),
            Value::Timestamp(_) => Ok((1114, 1115)),
            Value::TimestampTz(_) => Ok((1184, 1185)),
            Value::Uuid(_) => Ok((2950, 2951)),
            Value::Decimal(_) => Ok((1700, 1231)),
            Value::Json(_) => Ok((3802, 3807)),
            Value::Null | Value::Array(_) => Err("a list of lists has no PostgreSQL array type"),
        });
    let Some(first) = types.next().transpose()? else {
        return Ok(None);
    };
    for other in types {
        if other? != first {
            return Err(
                "a list whose values are of different types has no PostgreSQL array type: \
                        convert them to one type"
                    .into(),
            );
        }
    }
    Ok(Some(first))
}

/// A one-dimensional array in PostgreSQL's binary form: dimensions, a NULL flag, the item type,
/// the length and lower bound, then each item as its length and bytes (-1 for NULL).
fn encode_array(items: &[Value], buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
    let Some((item_type, _)) = array_types(items)? else {
        return Err("a list of only NULLs has no PostgreSQL array type".into());
    };
    let len = i32::try_from(items.len()).map_err(|_| "a list too long for one array")?;
    let has_null = items.contains(&Value::Null);
    buf.extend_from_slice(&1_i32.to_be_bytes());
    buf.extend_from_slice(&i32::from(has_null).to_be_bytes());
    buf.extend_from_slice(&item_type.to_be_bytes());
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(&1_i32.to_be_bytes());
    for item in items {
        let at = buf.len();
        buf.extend_from_slice(&(-1_i32).to_be_bytes());
        if let IsNull::No = <Value as Encode<Postgres>>::encode_by_ref(item, buf)? {
            let size = i32::try_from(buf.len() - at - 4).map_err(|_| "an item too long")?;
            buf[at..at + 4].copy_from_slice(&size.to_be_bytes());
        }
    }
    Ok(IsNull::No)
}

impl<'r> Decode<'r, Postgres> for Value {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        if value.is_null() {
            return Ok(Value::Null);
        }
        let ty = value.type_info();
        let kind = ty
            .oid()
            .and_then(|oid| Kind::of(oid.0))
            .ok_or_else(|| postgres_wire::unsupported(ty.name()))?;
        match value.format() {
            PgValueFormat::Binary => postgres_wire::decode_binary(kind, value.as_bytes()?),
            PgValueFormat::Text => postgres_wire::decode_text(kind, value.as_str()?),
        }
    }
}
