//! Reading a PostgreSQL column as a [`Value`], by the column type's OID, from either wire
//! format: binary (prepared statements, what the drivers use) or text (simple queries).
//!
//! postgres-types and sqlx each describe a column type their own way; both give its OID, so
//! both read through here and agree on what every type becomes.

use std::error::Error;

use super::{postgres_numeric, postgres_time};
use crate::Value;

type BoxError = Box<dyn Error + Sync + Send>;

/// The column types that read as a [`Value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Bool,
    Int2,
    Int4,
    Int8,
    Oid,
    Float4,
    Float8,
    /// Exact decimal, read as a `Decimal` (`NaN` and the infinities as their text).
    Numeric,
    /// text, varchar, char(n), name, unknown: UTF-8 text on the wire.
    Text,
    /// json: its text.
    Json,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
    /// The one-byte `"char"` type.
    Char,
    /// jsonb: a version byte, then the JSON text (binary format).
    Jsonb,
    Bytea,
}

impl Kind {
    /// The kind of the type with this OID, or `None` for a type that does not read as a `Value`
    /// (intervals, arrays, composites...: cast them in the query).
    pub(crate) fn of(oid: u32) -> Option<Kind> {
        Some(match oid {
            16 => Kind::Bool,
            17 => Kind::Bytea,
            18 => Kind::Char,
            20 => Kind::Int8,
            21 => Kind::Int2,
            23 => Kind::Int4,
            26 => Kind::Oid,
            700 => Kind::Float4,
            701 => Kind::Float8,
            1700 => Kind::Numeric,
            // name, text, unknown, bpchar, varchar
            19 | 25 | 705 | 1042 | 1043 => Kind::Text,
            114 => Kind::Json,
            1082 => Kind::Date,
            1083 => Kind::Time,
            1114 => Kind::Timestamp,
            1184 => Kind::TimestampTz,
            2950 => Kind::Uuid,
            3802 => Kind::Jsonb,
            _ => return None,
        })
    }
}

/// The error for a column whose type does not read as a `Value`.
pub(crate) fn unsupported(type_name: &str) -> BoxError {
    format!(
        "a PostgreSQL {type_name} column does not read as a cte_runtime::Value: \
         cast it in the query, e.g. CAST(x AS TEXT)"
    )
    .into()
}

/// Reads a non-NULL value in the binary format.
pub(crate) fn decode_binary(kind: Kind, raw: &[u8]) -> Result<Value, BoxError> {
    Ok(match kind {
        Kind::Bool => match raw {
            [b] => Value::Bool(*b != 0),
            _ => return Err(length_error("bool", raw)),
        },
        Kind::Int2 => Value::I64(i64::from(i16::from_be_bytes(fixed(raw, "int2")?))),
        Kind::Int4 => Value::I64(i64::from(i32::from_be_bytes(fixed(raw, "int4")?))),
        Kind::Int8 => Value::I64(i64::from_be_bytes(fixed(raw, "int8")?)),
        Kind::Oid => Value::I64(i64::from(u32::from_be_bytes(fixed(raw, "oid")?))),
        Kind::Float4 => Value::F64(f64::from(f32::from_be_bytes(fixed(raw, "float4")?))),
        Kind::Float8 => Value::F64(f64::from_be_bytes(fixed(raw, "float8")?)),
        Kind::Numeric => decimal(postgres_numeric::decode(raw)?),
        Kind::Text => Value::Text(utf8(raw)?),
        Kind::Json => Value::Json(utf8(raw)?),
        Kind::Char => Value::Text(ascii_char(raw)?),
        Kind::Jsonb => match raw.split_first() {
            Some((1, json)) => Value::Json(utf8(json)?),
            _ => return Err("unknown jsonb binary format version".into()),
        },
        Kind::Bytea => Value::Bytes(raw.to_vec()),
        Kind::Date => postgres_time::decode_date(i32::from_be_bytes(fixed(raw, "date")?))?,
        Kind::Time => postgres_time::decode_time(i64::from_be_bytes(fixed(raw, "time")?))?,
        Kind::Timestamp | Kind::TimestampTz => postgres_time::decode_timestamp(
            i64::from_be_bytes(fixed(raw, "timestamp")?),
            kind == Kind::TimestampTz,
        )?,
        Kind::Uuid => Value::Uuid(fixed(raw, "uuid")?),
    })
}

/// A NUMERIC's text as a `Decimal`; `NaN` and the infinities stay text.
fn decimal(text: String) -> Value {
    match text.parse() {
        Ok(d) => Value::Decimal(d),
        Err(_) => Value::Text(text),
    }
}

/// Reads a non-NULL value in the text format.
#[cfg(feature = "sqlx-postgres")]
pub(crate) fn decode_text(kind: Kind, text: &str) -> Result<Value, BoxError> {
    let int = |text: &str| -> Result<Value, BoxError> {
        text.parse::<i64>()
            .map(Value::I64)
            .map_err(|e| format!("integer {text:?}: {e}").into())
    };
    Ok(match kind {
        Kind::Bool => match text {
            "t" => Value::Bool(true),
            "f" => Value::Bool(false),
            _ => return Err(format!("boolean {text:?}").into()),
        },
        Kind::Int2 | Kind::Int4 | Kind::Int8 | Kind::Oid => int(text)?,
        // Rust reads PostgreSQL's `NaN`, `Infinity` and `-Infinity` too.
        Kind::Float4 | Kind::Float8 => Value::F64(
            text.parse::<f64>()
                .map_err(|e| format!("float {text:?}: {e}"))?,
        ),
        Kind::Numeric => decimal(text.to_owned()),
        Kind::Text | Kind::Char => Value::Text(text.to_owned()),
        Kind::Json | Kind::Jsonb => Value::Json(text.to_owned()),
        Kind::Bytea => Value::Bytes(bytea_hex(text)?),
        // sqlx sets DateStyle to ISO: `2024-01-31`, `2024-01-31 08:00:00.5+01`.
        Kind::Date | Kind::Time | Kind::Timestamp | Kind::TimestampTz
            if text.ends_with("infinity") =>
        {
            Value::Text(text.to_owned())
        }
        Kind::Date => Value::Date(text.parse()?),
        Kind::Time => Value::Time(text.parse()?),
        Kind::Timestamp => Value::Timestamp(text.parse()?),
        Kind::TimestampTz => Value::TimestampTz(crate::Timestamp::parse_instant(text)?),
        Kind::Uuid => {
            Value::Uuid(crate::value::uuid_from_text(text).ok_or_else(|| format!("uuid {text:?}"))?)
        }
    })
}

fn fixed<const N: usize>(raw: &[u8], ty: &str) -> Result<[u8; N], BoxError> {
    raw.try_into().map_err(|_| length_error(ty, raw))
}

fn length_error(ty: &str, raw: &[u8]) -> BoxError {
    format!("a {ty} value of {} bytes", raw.len()).into()
}

fn utf8(raw: &[u8]) -> Result<String, BoxError> {
    String::from_utf8(raw.to_vec()).map_err(|e| format!("text is not UTF-8: {e}").into())
}

fn ascii_char(raw: &[u8]) -> Result<String, BoxError> {
    match raw {
        [b] if b.is_ascii() => Ok(char::from(*b).to_string()),
        _ => Err("a \"char\" value that is not one ASCII byte".into()),
    }
}

/// bytea's text output, `\x` and two hex digits a byte (the default since PostgreSQL 9.0).
#[cfg(feature = "sqlx-postgres")]
fn bytea_hex(text: &str) -> Result<Vec<u8>, BoxError> {
    let hex = text
        .strip_prefix("\\x")
        .ok_or("bytea text not in hex format (set bytea_output = 'hex')")?;
    if hex.len() % 2 != 0 {
        return Err("bytea hex text of odd length".into());
    }
    hex.as_bytes()
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|s| u8::from_str_radix(s, 16).ok())
                .ok_or_else(|| BoxError::from(format!("bytea hex text {text:?}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_values_read_by_kind() {
        let read = |oid, raw: &[u8]| decode_binary(Kind::of(oid).unwrap(), raw).unwrap();
        assert_eq!(read(16, &[1]), Value::Bool(true));
        assert_eq!(read(21, &(-2_i16).to_be_bytes()), Value::I64(-2));
        assert_eq!(read(23, &70_000_i32.to_be_bytes()), Value::I64(70_000));
        assert_eq!(read(20, &i64::MIN.to_be_bytes()), Value::I64(i64::MIN));
        assert_eq!(read(26, &u32::MAX.to_be_bytes()), Value::I64(4_294_967_295));
        assert_eq!(read(700, &1.5_f32.to_be_bytes()), Value::F64(1.5));
        assert_eq!(read(701, &0.1_f64.to_be_bytes()), Value::F64(0.1));
        assert_eq!(read(1043, b"it's"), Value::Text("it's".into()));
        assert_eq!(read(3802, b"\x01{}"), Value::Json("{}".into()));
        assert_eq!(
            read(1082, &0_i32.to_be_bytes()),
            Value::Date("2000-01-01".parse().unwrap())
        );
        assert_eq!(read(2950, &[9; 16]), Value::Uuid([9; 16]));
        assert_eq!(read(17, &[0, 255]), Value::Bytes(vec![0, 255]));
        // NUMERIC 12.50: one group 12 at weight 0, then 5000 at weight -1, scale 2.
        let numeric = [0, 2, 0, 0, 0, 0, 0, 2, 0, 12, 0x13, 0x88];
        assert_eq!(
            read(1700, &numeric),
            Value::Decimal("12.50".parse().unwrap())
        );
    }

    #[test]
    fn malformed_binary_values_are_errors() {
        assert!(decode_binary(Kind::Int4, &[0, 0, 1]).is_err());
        assert!(decode_binary(Kind::Bool, &[]).is_err());
        assert!(decode_binary(Kind::Text, &[0xff]).is_err());
        assert!(decode_binary(Kind::Jsonb, b"{}").is_err());
        assert!(decode_binary(Kind::Char, &[0xe9]).is_err());
    }

    #[test]
    fn other_types_do_not_read() {
        // interval, int4[]
        for oid in [1186, 1007] {
            assert_eq!(Kind::of(oid), None);
        }
        assert!(unsupported("date").to_string().contains("CAST(x AS TEXT)"));
    }

    #[cfg(feature = "sqlx-postgres")]
    #[test]
    fn text_values_read_by_kind() {
        assert_eq!(decode_text(Kind::Bool, "t").unwrap(), Value::Bool(true));
        assert_eq!(decode_text(Kind::Int4, "-7").unwrap(), Value::I64(-7));
        assert_eq!(
            decode_text(Kind::Float8, "-Infinity").unwrap(),
            Value::F64(f64::NEG_INFINITY)
        );
        assert_eq!(
            decode_text(Kind::Numeric, "12.50").unwrap(),
            Value::Decimal("12.50".parse().unwrap())
        );
        assert_eq!(
            decode_text(Kind::TimestampTz, "2024-01-31 08:00:00.5+01").unwrap(),
            Value::TimestampTz("2024-01-31 07:00:00.5".parse().unwrap())
        );
        assert_eq!(
            decode_text(Kind::Bytea, "\\x00ff").unwrap(),
            Value::Bytes(vec![0, 255])
        );
        assert!(decode_text(Kind::Bytea, "\\x0").is_err());
        assert!(decode_text(Kind::Int8, "x").is_err());
    }
}
