//! `CAST(expr AS type)` and the types it accepts.

use super::cursor::{comma_separated, Parser};
use super::expr::expr;
use super::keyword::Kw;
use super::lex::Tok;
use crate::ast::{DataType, Expr};

type Result<T> = syn::Result<T>;

/// `CAST(expr AS type)`
pub(super) fn cast(p: &mut Parser) -> Result<Expr> {
    let cast_token = p.expect_kw(Kw::Cast)?;
    let group = p.expect_paren("`(`")?;
    p.in_group(group, |p| {
        let expr = Box::new(expr(p)?);
        p.expect_kw(Kw::As)?;
        let data_type = data_type(p)?;
        Ok(Expr::Cast {
            cast_token,
            expr,
            data_type,
        })
    })
}

const KNOWN_TYPES: &str = "SMALLINT, INT, INTEGER, BIGINT, DECIMAL(p, s), NUMERIC(p, s), REAL, \
DOUBLE PRECISION, FLOAT, TEXT, VARCHAR(n), CHAR(n), CHARACTER(n), BOOLEAN, BOOL, DATE, TIME, \
TIMESTAMP, BLOB, BYTEA";

/// A CAST target type.
fn data_type(p: &mut Parser) -> Result<DataType> {
    let Some(Tok::Word(word)) = p.peek() else {
        return Err(p.expected(&format!("a type ({KNOWN_TYPES})")));
    };
    p.bump();
    Ok(match word.value().to_ascii_uppercase().as_str() {
        "SMALLINT" => DataType::SmallInt,
        "INT" | "INTEGER" => DataType::Integer,
        "BIGINT" => DataType::BigInt,
        "DECIMAL" | "NUMERIC" => {
            let (precision, scale) = match type_args(p, 2)?.as_slice() {
                [] => (None, None),
                [p] => (Some(*p), None),
                [p, s, ..] => (Some(*p), Some(*s)),
            };
            DataType::Decimal { precision, scale }
        }
        "REAL" => DataType::Real,
        "DOUBLE" => {
            match p.peek() {
                Some(Tok::Word(w)) if w.value().eq_ignore_ascii_case("PRECISION") => {
                    p.bump();
                }
                _ => return Err(p.expected("`PRECISION`")),
            }
            DataType::Double
        }
        "FLOAT" => DataType::Double,
        "TEXT" => DataType::Text,
        "VARCHAR" => DataType::Varchar(type_args(p, 1)?.first().copied()),
        "CHAR" | "CHARACTER" => DataType::Char(type_args(p, 1)?.first().copied()),
        "BOOLEAN" | "BOOL" => DataType::Boolean,
        "DATE" => DataType::Date,
        "TIME" => DataType::Time,
        "TIMESTAMP" => DataType::Timestamp,
        "BLOB" | "BYTEA" => DataType::Blob,
        _ => {
            return Err(syn::Error::new(
                word.ident.span(),
                format!(
                    "unknown type `{}` in CAST; the known types are {KNOWN_TYPES}",
                    word.ident
                ),
            ))
        }
    })
}

/// The optional `(n)` or `(p, s)` after a type name, at most `max` numbers.
fn type_args(p: &mut Parser, max: usize) -> Result<Vec<u32>> {
    if !p.peek_paren() {
        return Ok(Vec::new());
    }
    let group = p.expect_paren("`(`")?;
    let args = p.in_group(group, |p| {
        comma_separated(p, |p| match p.peek() {
            Some(Tok::Lit(lit)) => match syn::Lit::new(lit.clone()) {
                syn::Lit::Int(int) if int.suffix().is_empty() => {
                    let n = int
                        .base10_parse::<u32>()
                        .map_err(|_| p.expected("a type length"))?;
                    p.bump();
                    Ok((n, int.span()))
                }
                _ => Err(p.expected("a type length")),
            },
            _ => Err(p.expected("a type length")),
        })
    })?;
    if let Some((_, span)) = args.get(max) {
        return Err(syn::Error::new(
            *span,
            format!("this type takes at most {max} number(s)"),
        ));
    }
    Ok(args.into_iter().map(|(n, _)| n).collect())
}
