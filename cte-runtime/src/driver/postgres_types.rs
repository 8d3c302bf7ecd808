//! [`Value`] as a parameter and a column of the `postgres` and `tokio-postgres` drivers, through
//! their shared `postgres-types` traits.
//!
//! PostgreSQL infers the type of every placeholder from the statement (`id = $1` with an
//! `integer` column asks for an int4), and the driver encodes each parameter for exactly that
//! type. A `Value` therefore binds leniently: an `I64` goes to whatever integer, float, numeric,
//! boolean or text type the server asks for, with a range check instead of a wrong value, so an
//! `i64` compared with an int4 column just works.

use std::error::Error;

use bytes::{BufMut, BytesMut};
use postgres_types::{to_sql_checked, FromSql, IsNull, ToSql, Type};

use super::postgres_wire::{self, Kind};
use super::{postgres_numeric, postgres_time};
use crate::value::{uuid_from_text, uuid_text};
use crate::{Time, Timestamp, Value};

type BoxError = Box<dyn Error + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self {
            Value::Null => return Ok(IsNull::Yes),
            Value::Bool(b) => bool_to_sql(*b, ty, out)?,
            Value::I64(i) => int_to_sql(*i, ty, out)?,
            Value::F64(f) => float_to_sql(*f, ty, out)?,
            Value::Text(s) => text_to_sql(s, ty, out)?,
            Value::Bytes(b) => match *ty {
                Type::BYTEA => out.put_slice(b),
                _ => return Err(mismatch("bytes", ty)),
            },
            Value::Date(_) | Value::Time(_) | Value::Timestamp(_) | Value::TimestampTz(_) => {
                temporal_to_sql(self, ty, out)?
            }
            Value::Uuid(u) => match *ty {
                Type::UUID => out.put_slice(u),
                _ if is_text(ty) => out.put_slice(uuid_text(u).as_bytes()),
                _ => return Err(mismatch("a UUID", ty)),
            },
            Value::Decimal(d) => match *ty {
                Type::NUMERIC => out.put_slice(&postgres_numeric::encode(d.as_str())?),
                _ if is_text(ty) => out.put_slice(d.as_str().as_bytes()),
                // An integer or float column takes the decimal only if it is one exactly.
                _ => text_to_sql(d.as_str(), ty, out)?,
            },
            Value::Json(j) => match *ty {
                Type::JSON | Type::JSONB => text_to_sql(j, ty, out)?,
                _ if is_text(ty) => out.put_slice(j.as_bytes()),
                _ => return Err(mismatch("JSON", ty)),
            },
            // Each item is encoded for the array's member type, as a single value would be.
            Value::Array(items) => match ty.kind() {
                postgres_types::Kind::Array(_) => return items.as_slice().to_sql(ty, out),
                _ => return Err(mismatch("a list", ty)),
            },
        }
        Ok(IsNull::No)
    }

    fn accepts(_: &Type) -> bool {
        // Every type is tried, and `to_sql` says which value does not fit which type.
        true
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        match Kind::of(ty.oid()) {
            Some(kind) => postgres_wire::decode_binary(kind, raw),
            None => Err(postgres_wire::unsupported(ty.name())),
        }
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(Value::Null)
    }

    fn accepts(_: &Type) -> bool {
        // `from_sql` names the types that do not read, with what to do instead.
        true
    }
}

fn is_text(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
    )
}

fn mismatch(what: &str, ty: &Type) -> BoxError {
    format!("cannot bind {what} to a PostgreSQL {ty} parameter").into()
}

fn out_of_range(v: impl std::fmt::Display, ty: &Type) -> BoxError {
    format!("{v} is out of range for a PostgreSQL {ty} parameter").into()
}

fn bool_to_sql(b: bool, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match *ty {
        Type::BOOL => out.put_u8(u8::from(b)),
        _ if is_text(ty) => out.put_slice(if b { b"true" } else { b"false" }),
        _ => int_to_sql(i64::from(b), ty, out)?,
    }
    Ok(())
}

fn int_to_sql(v: i64, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match *ty {
        Type::INT2 => out.put_i16(i16::try_from(v).map_err(|_| out_of_range(v, ty))?),
        Type::INT4 => out.put_i32(i32::try_from(v).map_err(|_| out_of_range(v, ty))?),
        Type::INT8 => out.put_i64(v),
        Type::OID => out.put_u32(u32::try_from(v).map_err(|_| out_of_range(v, ty))?),
        // A float parameter takes the integer only if it holds it exactly. The comparison is
        // in i128: `as i64` saturates, so 2^63 would compare equal to i64::MAX.
        Type::FLOAT4 => {
            let f = v as f32;
            if f as i128 != i128::from(v) {
                return Err(out_of_range(v, ty));
            }
            out.put_f32(f);
        }
        Type::FLOAT8 => {
            let f = v as f64;
            if f as i128 != i128::from(v) {
                return Err(out_of_range(v, ty));
            }
            out.put_f64(f);
        }
        Type::NUMERIC => out.put_slice(&postgres_numeric::encode(&v.to_string())?),
        Type::BOOL => match v {
            0 => out.put_u8(0),
            1 => out.put_u8(1),
            _ => return Err(out_of_range(v, ty)),
        },
        _ if is_text(ty) => out.put_slice(v.to_string().as_bytes()),
        _ => return Err(mismatch("an integer", ty)),
    }
    Ok(())
}

fn float_to_sql(v: f64, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    // The largest magnitude below which every integral f64 converts to i64 exactly.
    const EXACT: f64 = 9.0e15;
    match *ty {
        Type::FLOAT8 => out.put_f64(v),
        Type::FLOAT4 => out.put_f32(v as f32),
        Type::NUMERIC if v.is_finite() => out.put_slice(&postgres_numeric::encode(&v.to_string())?),
        Type::INT2 | Type::INT4 | Type::INT8 if v.fract() == 0.0 && v.abs() < EXACT => {
            int_to_sql(v as i64, ty, out)?
        }
        _ if is_text(ty) => out.put_slice(v.to_string().as_bytes()),
        _ => return Err(mismatch("a float", ty)),
    }
    Ok(())
}

/// A date, time or timestamp, in the binary form of the type the server asks for. A date bound
/// to a timestamp is its midnight, a naive timestamp bound to a timestamptz is taken as UTC, and
/// an instant bound to a timestamp is its UTC date and time: the session's TimeZone plays no
/// part.
fn temporal_to_sql(v: &Value, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match (v, ty) {
        (Value::Date(d), &Type::DATE) => out.put_i32(postgres_time::encode_date(*d)),
        (Value::Date(d), &Type::TIMESTAMP | &Type::TIMESTAMPTZ) => out.put_i64(
            postgres_time::encode_timestamp(Timestamp::new(*d, Time::MIDNIGHT)),
        ),
        (Value::Time(t), &Type::TIME) => out.put_i64(postgres_time::encode_time(*t)),
        (Value::Timestamp(t) | Value::TimestampTz(t), &Type::TIMESTAMP | &Type::TIMESTAMPTZ) => {
            out.put_i64(postgres_time::encode_timestamp(*t))
        }
        (Value::TimestampTz(t), _) if is_text(ty) => out.put_slice(format!("{t}+00").as_bytes()),
        (Value::Date(d), _) if is_text(ty) => out.put_slice(d.to_string().as_bytes()),
        (Value::Time(t), _) if is_text(ty) => out.put_slice(t.to_string().as_bytes()),
        (Value::Timestamp(t), _) if is_text(ty) => out.put_slice(t.to_string().as_bytes()),
        _ => return Err(mismatch(v.variant_name(), ty)),
    }
    Ok(())
}

fn text_to_sql(s: &str, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    let unparsable =
        || -> BoxError { format!("cannot bind text {s:?} to a PostgreSQL {ty} parameter").into() };
    match *ty {
        _ if is_text(ty) => out.put_slice(s.as_bytes()),
        Type::JSON => out.put_slice(s.as_bytes()),
        Type::JSONB => {
            out.put_u8(1);
            out.put_slice(s.as_bytes());
        }
        Type::INT2 | Type::INT4 | Type::INT8 | Type::OID => {
            let v: i64 = s.trim().parse().map_err(|_| unparsable())?;
            int_to_sql(v, ty, out)?
        }
        Type::FLOAT4 | Type::FLOAT8 => {
            let v: f64 = s.trim().parse().map_err(|_| unparsable())?;
            float_to_sql(v, ty, out)?
        }
        Type::NUMERIC => out.put_slice(&postgres_numeric::encode(s.trim())?),
        Type::BOOL => match s.trim().to_ascii_lowercase().as_str() {
            "t" | "true" | "1" => out.put_u8(1),
            "f" | "false" | "0" => out.put_u8(0),
            _ => return Err(unparsable()),
        },
        // ISO 8601 text binds to the date and time types as PostgreSQL reads it, so a text day
        // compares with a date column without a cast.
        Type::DATE => temporal_to_sql(&Value::Date(s.trim().parse()?), ty, out)?,
        Type::TIME => temporal_to_sql(&Value::Time(s.trim().parse()?), ty, out)?,
        Type::TIMESTAMP => temporal_to_sql(&Value::Timestamp(s.trim().parse()?), ty, out)?,
        Type::TIMESTAMPTZ => {
            let instant = Timestamp::parse_instant(s.trim())?;
            temporal_to_sql(&Value::TimestampTz(instant), ty, out)?
        }
        Type::UUID => out.put_slice(&uuid_from_text(s.trim()).ok_or_else(unparsable)?),
        _ => return Err(mismatch("text", ty)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    fn bind(v: Value, ty: &Type) -> Result<Vec<u8>, String> {
        let mut out = BytesMut::new();
        v.to_sql_checked(ty, &mut out)
            .map(|_| out.to_vec())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn integers_bind_to_the_type_the_server_asks_for() {
        assert_eq!(bind(Value::I64(7), &Type::INT4), Ok(vec![0, 0, 0, 7]));
        assert_eq!(bind(Value::I64(7), &Type::INT2), Ok(vec![0, 7]));
        assert_eq!(bind(Value::I64(7), &Type::TEXT), Ok(b"7".to_vec()));
        assert_eq!(bind(Value::I64(1), &Type::BOOL), Ok(vec![1]));
        assert_eq!(
            bind(Value::I64(7), &Type::FLOAT8),
            Ok(7.0_f64.to_be_bytes().to_vec())
        );
    }

    #[test]
    fn values_that_do_not_fit_are_errors_not_wrong_values() {
        let err = bind(Value::I64(70_000), &Type::INT2).unwrap_err();
        assert_eq!(err, "70000 is out of range for a PostgreSQL int2 parameter");
        assert!(bind(Value::I64(i64::MAX), &Type::FLOAT8).is_err());
        assert!(bind(Value::I64((1 << 24) + 1), &Type::FLOAT4).is_err());
        assert!(bind(Value::I64(1 << 53), &Type::FLOAT8).is_ok());
        assert!(bind(Value::I64(2), &Type::BOOL).is_err());
        assert!(bind(Value::I64(1), &Type::BYTEA).is_err());
        assert!(bind(Value::F64(1.5), &Type::INT4).is_err());
        assert!(bind(Value::Text("x".into()), &Type::INT4).is_err());
        assert!(bind(Value::Bytes(vec![1]), &Type::TEXT).is_err());
        assert!(bind(Value::Text("1".into()), &Type::DATE).is_err());
        assert!(bind(Value::Uuid([0; 16]), &Type::INT4).is_err());
        assert!(bind(Value::Decimal("1.5".parse().unwrap()), &Type::INT4).is_err());
    }

    #[test]
    fn dates_times_uuids_decimals_and_json_bind_by_type() {
        let day: Date = "2000-01-02".parse().unwrap();
        assert_eq!(bind(Value::Date(day), &Type::DATE), Ok(vec![0, 0, 0, 1]));
        assert_eq!(
            bind(Value::Text("2000-01-02".into()), &Type::DATE),
            Ok(vec![0, 0, 0, 1])
        );
        let midnight = 86_400_000_000_i64.to_be_bytes().to_vec();
        assert_eq!(
            bind(Value::Date(day), &Type::TIMESTAMPTZ),
            Ok(midnight.clone())
        );
        let ts = Value::Text("2000-01-02 01:00:00+01:00".into());
        assert_eq!(bind(ts, &Type::TIMESTAMPTZ), Ok(midnight));
        let t = Value::Time("00:00:00.000001999".parse().unwrap());
        assert_eq!(bind(t, &Type::TIME), Ok(1_i64.to_be_bytes().to_vec()));
        assert_eq!(bind(Value::Uuid([7; 16]), &Type::UUID), Ok(vec![7; 16]));
        assert_eq!(
            bind(Value::Json("[]".into()), &Type::JSONB),
            Ok(b"\x01[]".to_vec())
        );
        assert_eq!(
            bind(Value::Decimal("7".parse().unwrap()), &Type::INT2),
            Ok(vec![0, 7])
        );
        assert!(bind(Value::Date(day), &Type::TIME).is_err());
    }

    #[test]
    fn text_parses_into_numbers_and_booleans() {
        assert_eq!(
            bind(Value::Text(" 42 ".into()), &Type::INT8),
            Ok(42_i64.to_be_bytes().to_vec())
        );
        assert_eq!(bind(Value::Text("TRUE".into()), &Type::BOOL), Ok(vec![1]));
        assert_eq!(
            bind(Value::Text("{}".into()), &Type::JSONB),
            Ok(b"\x01{}".to_vec())
        );
    }

    #[test]
    fn null_binds_to_any_type() {
        let mut out = BytesMut::new();
        assert!(matches!(
            Value::Null.to_sql_checked(&Type::DATE, &mut out),
            Ok(IsNull::Yes)
        ));
    }

    #[test]
    fn columns_read_by_type() {
        let v = Value::from_sql(&Type::INT4, &5_i32.to_be_bytes()).unwrap();
        assert_eq!(v, Value::I64(5));
        assert_eq!(Value::from_sql_null(&Type::INT4).unwrap(), Value::Null);
        let v = Value::from_sql(&Type::DATE, &[0, 0, 0, 0]).unwrap();
        assert_eq!(v, Value::Date("2000-01-01".parse().unwrap()));
        let err = Value::from_sql(&Type::INTERVAL, &[0; 16]).unwrap_err();
        assert!(err.to_string().contains("interval"), "{err}");
    }
}
