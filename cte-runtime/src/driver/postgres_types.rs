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

use super::postgres_numeric;
use super::postgres_wire::{self, Kind};
use crate::Value;

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
        _ => return Err(mismatch("text", ty)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = Value::from_sql(&Type::DATE, &[0, 0, 0, 0]).unwrap_err();
        assert!(err.to_string().contains("date"), "{err}");
    }
}
