//! PostgreSQL through the sync `postgres` crate, one schema per test.
//!
//! Parameters bind leniently, as a user's driver integration would: PostgreSQL infers each
//! placeholder's type from the query, so an `I64` binds to whatever integer, float, numeric or
//! text type the server asks for, with a range check instead of a panic.

use std::error::Error;

use ::postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
use ::postgres::{Client, NoTls};
use bytes::{BufMut, BytesMut};
use cte_runtime::Value;

use crate::engines::{Conn, Engine};
use crate::fixture::Table;
use crate::rows::{Cell, Row};

type BoxError = Box<dyn Error + Sync + Send>;

pub(crate) struct Postgres {
    client: Client,
    schema: String,
}

impl Postgres {
    /// Connects, makes a fresh schema `cte_t_<test>` the search path, and loads `tables`.
    pub(crate) fn connect(url: &str) -> Result<Client, String> {
        Client::connect(url, NoTls).map_err(|e| e.to_string())
    }

    pub(crate) fn open(mut client: Client, test: &str, tables: &[Table]) -> Result<Self, String> {
        let schema = format!("cte_t_{test}");
        client
            .batch_execute(&format!(
                "SET client_min_messages = warning; \
                 DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; \
                 SET search_path TO {schema}"
            ))
            .map_err(|e| format!("creating schema {schema}: {}", describe(&e)))?;
        let mut db = Postgres { client, schema };
        for table in tables {
            let create = table.create_sql(Engine::Postgres);
            db.client
                .batch_execute(&create)
                .map_err(|e| format!("{create}: {}", describe(&e)))?;
            let insert = table.insert_sql(Engine::Postgres);
            for row in table.data() {
                db.execute(&insert, row)?;
            }
        }
        Ok(db)
    }
}

/// The server's message with its detail and hint, not just "db error".
fn describe(e: &::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut s = format!("{}: {}", db.code().code(), db.message());
            if let Some(detail) = db.detail() {
                s.push_str(&format!(" (detail: {detail})"));
            }
            if let Some(hint) = db.hint() {
                s.push_str(&format!(" (hint: {hint})"));
            }
            if let Some(pos) = db.position() {
                s.push_str(&format!(" (at {pos:?})"));
            }
            s
        }
        None => e.to_string(),
    }
}

impl Conn for Postgres {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, String> {
        let bound: Vec<PgValue<'_>> = params.iter().map(PgValue).collect();
        let refs: Vec<&(dyn ToSql + Sync)> =
            bound.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        let rows = self.client.query(sql, &refs).map_err(|e| describe(&e))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        row.try_get::<_, PgCell>(i)
                            .map(|c| c.0)
                            .map_err(|e| e.to_string())
                    })
                    .collect()
            })
            .collect()
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, String> {
        let bound: Vec<PgValue<'_>> = params.iter().map(PgValue).collect();
        let refs: Vec<&(dyn ToSql + Sync)> =
            bound.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        self.client.execute(sql, &refs).map_err(|e| describe(&e))
    }

    fn teardown(&mut self) -> Result<(), String> {
        self.client
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema))
            .map_err(|e| describe(&e))
    }
}

/// A [`Value`] bound to whatever type PostgreSQL inferred for its placeholder.
#[derive(Debug)]
pub struct PgValue<'a>(pub &'a Value);

impl ToSql for PgValue<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self.0 {
            Value::Null => return Ok(IsNull::Yes),
            Value::Bool(b) => match *ty {
                Type::BOOL => out.put_u8(u8::from(*b)),
                _ if is_text(ty) => out.put_slice(if *b { b"true" } else { b"false" }),
                _ => int_to_sql(i64::from(*b), ty, out)?,
            },
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
        true
    }

    to_sql_checked!();
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

fn int_to_sql(v: i64, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match *ty {
        Type::INT2 => out.put_i16(i16::try_from(v).map_err(|_| out_of_range(v, ty))?),
        Type::INT4 => out.put_i32(i32::try_from(v).map_err(|_| out_of_range(v, ty))?),
        Type::INT8 => out.put_i64(v),
        Type::OID => out.put_u32(u32::try_from(v).map_err(|_| out_of_range(v, ty))?),
        Type::FLOAT4 => {
            let f = v as f32;
            if f as i64 != v {
                return Err(out_of_range(v, ty));
            }
            out.put_f32(f);
        }
        Type::FLOAT8 => {
            let f = v as f64;
            if f as i64 != v {
                return Err(out_of_range(v, ty));
            }
            out.put_f64(f);
        }
        Type::NUMERIC => encode_numeric(&v.to_string(), out)?,
        Type::BOOL => match v {
            0 | 1 => out.put_u8(v as u8),
            _ => return Err(out_of_range(v, ty)),
        },
        _ if is_text(ty) => out.put_slice(v.to_string().as_bytes()),
        _ => return Err(mismatch("an integer", ty)),
    }
    Ok(())
}

fn float_to_sql(v: f64, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match *ty {
        Type::FLOAT8 => out.put_f64(v),
        Type::FLOAT4 => out.put_f32(v as f32),
        Type::NUMERIC if v.is_finite() => encode_numeric(&v.to_string(), out)?,
        Type::INT2 | Type::INT4 | Type::INT8 if v.fract() == 0.0 && v.abs() < 9.0e15 => {
            int_to_sql(v as i64, ty, out)?
        }
        _ if is_text(ty) => out.put_slice(v.to_string().as_bytes()),
        _ => return Err(mismatch("a float", ty)),
    }
    Ok(())
}

fn text_to_sql(s: &str, ty: &Type, out: &mut BytesMut) -> Result<(), BoxError> {
    match *ty {
        _ if is_text(ty) => out.put_slice(s.as_bytes()),
        Type::INT2 | Type::INT4 | Type::INT8 | Type::OID => {
            let v: i64 = s
                .trim()
                .parse()
                .map_err(|_| format!("cannot bind text {s:?} to a PostgreSQL {ty} parameter"))?;
            int_to_sql(v, ty, out)?
        }
        Type::FLOAT4 | Type::FLOAT8 => {
            let v: f64 = s
                .trim()
                .parse()
                .map_err(|_| format!("cannot bind text {s:?} to a PostgreSQL {ty} parameter"))?;
            float_to_sql(v, ty, out)?
        }
        Type::NUMERIC => encode_numeric(s.trim(), out)?,
        Type::BOOL => match s.trim().to_ascii_lowercase().as_str() {
            "t" | "true" | "1" => out.put_u8(1),
            "f" | "false" | "0" => out.put_u8(0),
            _ => return Err(format!("cannot bind text {s:?} to a PostgreSQL boolean").into()),
        },
        _ => return Err(mismatch("text", ty)),
    }
    Ok(())
}

/// Writes a decimal number (`-12.50`) in NUMERIC's binary form: base-10000 digit groups.
fn encode_numeric(text: &str, out: &mut BytesMut) -> Result<(), BoxError> {
    let bad = || -> BoxError { format!("{text:?} is not a decimal number").into() };
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if (whole.is_empty() && fraction.is_empty())
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole = whole.trim_start_matches('0');
    let dscale = u16::try_from(fraction.len()).map_err(|_| bad())?;
    let whole_padded = format!("{}{whole}", "0".repeat((4 - whole.len() % 4) % 4));
    let fraction_padded = format!("{fraction}{}", "0".repeat((4 - fraction.len() % 4) % 4));
    let group = |chunk: &[u8]| -> i16 {
        chunk
            .iter()
            .fold(0_i16, |acc, d| acc * 10 + i16::from(d - b'0'))
    };
    let whole_groups: Vec<i16> = whole_padded.as_bytes().chunks(4).map(group).collect();
    let mut digits: Vec<i16> = whole_groups.clone();
    digits.extend(fraction_padded.as_bytes().chunks(4).map(group));
    let mut weight = whole_groups.len() as i32 - 1;
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..leading);
    weight -= leading as i32;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        weight = 0;
    }
    let ndigits = i16::try_from(digits.len()).map_err(|_| bad())?;
    let weight = i16::try_from(weight).map_err(|_| bad())?;
    out.put_i16(ndigits);
    out.put_i16(weight);
    out.put_u16(if negative && !digits.is_empty() {
        0x4000
    } else {
        0
    });
    out.put_u16(dscale);
    for d in digits {
        out.put_i16(d);
    }
    Ok(())
}

/// Reads NUMERIC's binary form back into decimal text (`-12.50`).
fn decode_numeric(raw: &[u8]) -> Result<String, BoxError> {
    let word = |i: usize| -> Result<u16, BoxError> {
        raw.get(i * 2..i * 2 + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| "truncated NUMERIC value".into())
    };
    let ndigits = word(0)? as usize;
    let weight = word(1)? as i16 as i32;
    let sign = word(2)?;
    let dscale = word(3)? as usize;
    match sign {
        0x0000 | 0x4000 => {}
        0xC000 => return Ok("NaN".into()),
        _ => return Err(format!("unsupported NUMERIC sign {sign:#x}").into()),
    }
    let digits = (0..ndigits)
        .map(|i| word(4 + i))
        .collect::<Result<Vec<u16>, BoxError>>()?;
    let digit = |pos: i32| -> u16 {
        // `pos` counts base-10000 groups from the first stored one.
        usize::try_from(pos)
            .ok()
            .and_then(|p| digits.get(p).copied())
            .unwrap_or(0)
    };
    let mut text = String::new();
    if sign == 0x4000 {
        text.push('-');
    }
    if weight < 0 {
        text.push('0');
    } else {
        text.push_str(&digit(0).to_string());
        for pos in 1..=weight {
            text.push_str(&format!("{:04}", digit(pos)));
        }
    }
    if dscale > 0 {
        let mut fraction = String::new();
        let mut pos = weight + 1;
        while fraction.len() < dscale {
            fraction.push_str(&format!("{:04}", digit(pos)));
            pos += 1;
        }
        fraction.truncate(dscale);
        text.push('.');
        text.push_str(&fraction);
    }
    Ok(text)
}

/// A result cell read from any column type the suite uses.
struct PgCell(Cell);

impl<'a> FromSql<'a> for PgCell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let cell = match *ty {
            Type::BOOL => Cell::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::INT2 => Cell::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::INT4 => Cell::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT8 => Cell::Int(i64::from_sql(ty, raw)?),
            Type::OID => Cell::Int(i64::from(u32::from_sql(ty, raw)?)),
            Type::FLOAT4 => Cell::Float(f64::from(f32::from_sql(ty, raw)?)),
            Type::FLOAT8 => Cell::Float(f64::from_sql(ty, raw)?),
            Type::NUMERIC => Cell::from_decimal(&decode_numeric(raw)?)?,
            Type::BYTEA => Cell::Bytes(raw.to_vec()),
            _ if is_text(ty) => Cell::Text(String::from_sql(&Type::TEXT, raw)?),
            _ => return Err(format!("unsupported PostgreSQL result type {ty}").into()),
        };
        Ok(PgCell(cell))
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(PgCell(Cell::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let mut buf = BytesMut::new();
        encode_numeric(text, &mut buf).unwrap();
        decode_numeric(&buf).unwrap()
    }

    #[test]
    fn numeric_round_trips() {
        assert_eq!(round_trip("0"), "0");
        assert_eq!(round_trip("7"), "7");
        assert_eq!(round_trip("-12.50"), "-12.50");
        assert_eq!(round_trip("123456789.000123"), "123456789.000123");
        assert_eq!(round_trip("0.00001"), "0.00001");
        assert_eq!(round_trip("10000"), "10000");
        assert_eq!(round_trip("-9223372036854775808"), "-9223372036854775808");
        assert!(encode_numeric("1e5", &mut BytesMut::new()).is_err());
        assert!(encode_numeric("", &mut BytesMut::new()).is_err());
    }

    #[test]
    fn integers_bind_with_range_checks() {
        let mut buf = BytesMut::new();
        assert!(int_to_sql(70_000, &Type::INT2, &mut buf).is_err());
        assert!(int_to_sql(70_000, &Type::INT4, &mut buf).is_ok());
        assert!(int_to_sql(1, &Type::BYTEA, &mut buf).is_err());
        assert!(text_to_sql("x", &Type::INT4, &mut buf).is_err());
    }
}
