//! How each dialect writes a CAST, and which casts it has no type for.

use std::borrow::Cow;

use crate::tree::DataType;
use crate::{Dialect, RenderError};

/// The width a TEXT cast gets on MySQL/MariaDB, which only cast to CHAR(n). Large enough that a
/// path built in a recursive CTE never truncates (the anchor's type fixes the column's width):
/// MariaDB makes it a LONGTEXT. (`CHAR(4294967295)` overflows to `VARCHAR(1)` on MariaDB.)
pub(in crate::render) const MYSQL_TEXT_WIDTH: u32 = 16_777_216;

/// The cast type of TEXT on MySQL/MariaDB: `CHAR(MYSQL_TEXT_WIDTH)`, spelled out so that the
/// most common cast of a recursive CTE costs no formatting.
const MYSQL_TEXT_CAST: &str = "CHAR(16777216)";

/// Type names above 4000 characters are written as NVARCHAR(MAX) on SQL Server.
const MSSQL_MAX_NVARCHAR: u32 = 4000;

/// How a CAST is written in a dialect.
pub(in crate::render) enum Cast {
    /// `CAST(x AS <type>)`; most type names are constants.
    As(Cow<'static, str>),
    /// `SUBSTR(CAST(x AS TEXT), 1, n)`: SQLite's VARCHAR(n) does not truncate.
    TruncatedText(u32),
    /// `CAST(CAST(x AS DECIMAL(19, 0)) AS SIGNED)`: a BIGINT on MySQL and MariaDB.
    WideInteger,
    /// `<function>(x)`: SQLite has no date type; `DATE(x)` yields the date as text.
    Function(&'static str),
    /// `ROUND(CAST(x AS NUMERIC), s)`: SQLite has no fixed-point type, so a DECIMAL(p, s)
    /// cast rounds to the scale as PostgreSQL does.
    RoundedNumeric(u32),
    /// A cast to an integer type that rounds a fraction as PostgreSQL and MySQL do, where the
    /// engine's own CAST truncates: SQL Server's `CAST(ROUND(x, 0) AS INT)`.
    RoundedInteger(&'static str),
    /// The same on SQLite, rounding only a REAL (ROUND would lose the low digits of a large
    /// integer): `CASE WHEN typeof(x) = 'real' THEN CAST(ROUND(x) AS INTEGER) ELSE
    /// CAST(x AS INTEGER) END`.
    RealRoundedInteger(&'static str),
}

/// The CAST of `ty` in `d`, or the error when the dialect has no type with that meaning.
pub(in crate::render) fn cast(d: Dialect, ty: DataType) -> Result<Cast, RenderError> {
    let err = |help| Err(RenderError::new(cast_name(ty), d, help));
    let named = |s: &'static str| Ok(Cast::As(Cow::Borrowed(s)));
    // Where DECIMAL without a precision is not PostgreSQL's unbounded NUMERIC.
    let with_precision = |precision: Option<u32>, scale, help| match precision {
        Some(_) => Ok(Cast::As(Cow::Owned(decimal(precision, scale)))),
        None => err(help),
    };
    match d {
        Dialect::Postgres => match ty {
            DataType::SmallInt => named("SMALLINT"),
            DataType::Integer => named("INTEGER"),
            DataType::BigInt => named("BIGINT"),
            DataType::Decimal { precision, scale } => {
                Ok(Cast::As(Cow::Owned(decimal(precision, scale))))
            }
            DataType::Real => named("REAL"),
            DataType::Double => named("DOUBLE PRECISION"),
            DataType::Text => named("TEXT"),
            DataType::Varchar(n) => Ok(Cast::As(sized("VARCHAR", n))),
            DataType::Char(n) => Ok(Cast::As(sized("CHAR", n))),
            DataType::Boolean => named("BOOLEAN"),
            DataType::Date => named("DATE"),
            DataType::Time => named("TIME"),
            DataType::Timestamp => named("TIMESTAMP"),
            DataType::Blob => named("BYTEA"),
        },
        Dialect::MySql | Dialect::MariaDb => match ty {
            // CAST AS SIGNED takes its width from the value (`CAST(1 AS SIGNED)` is an INT on
            // MariaDB), which a recursive CTE's anchor makes the column's; a DECIMAL(19, 0)
            // in between makes it a BIGINT. Out-of-range values that PostgreSQL rejects for
            // SMALLINT/INTEGER pass here, but every value PostgreSQL accepts is the same.
            DataType::SmallInt | DataType::Integer => named("SIGNED"),
            DataType::BigInt => Ok(Cast::WideInteger),
            DataType::Decimal { precision, scale } => with_precision(
                precision,
                scale,
                "DECIMAL without a precision is DECIMAL(10, 0) here; write DECIMAL(p, s)",
            ),
            DataType::Real => named("FLOAT"),
            DataType::Double => named("DOUBLE"),
            DataType::Text | DataType::Varchar(None) => named(MYSQL_TEXT_CAST),
            // CAST AS CHAR(n) truncates to n characters, as PostgreSQL's VARCHAR(n) does.
            DataType::Varchar(Some(n)) => Ok(Cast::As(Cow::Owned(format!("CHAR({n})")))),
            DataType::Char(_) => {
                err("CHAR(n) pads with spaces on PostgreSQL but not here; cast to VARCHAR(n)")
            }
            DataType::Boolean => err("there is no boolean type; compare instead, e.g. x <> 0"),
            DataType::Date => named("DATE"),
            DataType::Time => named("TIME(6)"),
            DataType::Timestamp => named("DATETIME(6)"),
            DataType::Blob => named("BINARY"),
        },
        Dialect::Sqlite => match ty {
            DataType::SmallInt | DataType::Integer | DataType::BigInt => {
                Ok(Cast::RealRoundedInteger("INTEGER"))
            }
            DataType::Decimal {
                precision: None, ..
            } => named("NUMERIC"),
            DataType::Decimal { scale, .. } => Ok(Cast::RoundedNumeric(scale.unwrap_or(0))),
            DataType::Real | DataType::Double => named("REAL"),
            DataType::Text | DataType::Varchar(None) => named("TEXT"),
            DataType::Varchar(Some(n)) => Ok(Cast::TruncatedText(n)),
            DataType::Char(_) => {
                err("CHAR(n) pads with spaces on PostgreSQL but not here; cast to VARCHAR(n)")
            }
            DataType::Boolean => err("there is no boolean type; compare instead, e.g. x <> 0"),
            DataType::Date => Ok(Cast::Function("DATE")),
            DataType::Time | DataType::Timestamp => err(
                "there is no time type, and TIME()/DATETIME() drop fractional seconds; \
                 use strftime",
            ),
            DataType::Blob => named("BLOB"),
        },
        Dialect::MsSql => match ty {
            DataType::SmallInt => Ok(Cast::RoundedInteger("SMALLINT")),
            DataType::Integer => Ok(Cast::RoundedInteger("INT")),
            DataType::BigInt => Ok(Cast::RoundedInteger("BIGINT")),
            DataType::Decimal { precision, scale } => with_precision(
                precision,
                scale,
                "DECIMAL without a precision is DECIMAL(18, 0) here; write DECIMAL(p, s)",
            ),
            DataType::Real => named("REAL"),
            DataType::Double => named("FLOAT"),
            DataType::Text | DataType::Varchar(None) => named("NVARCHAR(MAX)"),
            DataType::Varchar(Some(n)) if n <= MSSQL_MAX_NVARCHAR => {
                Ok(Cast::As(Cow::Owned(format!("NVARCHAR({n})"))))
            }
            DataType::Char(Some(n)) if n <= MSSQL_MAX_NVARCHAR => {
                Ok(Cast::As(Cow::Owned(format!("NCHAR({n})"))))
            }
            // PostgreSQL's CHAR is CHAR(1); SQL Server's would be NCHAR(30).
            DataType::Char(None) => named("NCHAR(1)"),
            DataType::Varchar(Some(_)) | DataType::Char(Some(_)) => {
                err("lengths above 4000 do not exist here; cast to TEXT")
            }
            DataType::Boolean => named("BIT"),
            DataType::Date => named("DATE"),
            DataType::Time => named("TIME"),
            DataType::Timestamp => named("DATETIME2"),
            DataType::Blob => named("VARBINARY(MAX)"),
        },
    }
}

/// The type as a user would write it, to name it in an error.
fn cast_name(ty: DataType) -> &'static str {
    match ty {
        DataType::SmallInt => "CAST AS SMALLINT",
        DataType::Integer => "CAST AS INTEGER",
        DataType::BigInt => "CAST AS BIGINT",
        DataType::Decimal {
            precision: None, ..
        } => "CAST AS DECIMAL without precision",
        DataType::Decimal { .. } => "CAST AS DECIMAL(p, s)",
        DataType::Real => "CAST AS REAL",
        DataType::Double => "CAST AS DOUBLE PRECISION",
        DataType::Text => "CAST AS TEXT",
        DataType::Varchar(_) => "CAST AS VARCHAR(n)",
        DataType::Char(_) => "CAST AS CHAR(n)",
        DataType::Boolean => "CAST AS BOOLEAN",
        DataType::Date => "CAST AS DATE",
        DataType::Time => "CAST AS TIME",
        DataType::Timestamp => "CAST AS TIMESTAMP",
        DataType::Blob => "CAST AS BLOB",
    }
}

fn decimal(precision: Option<u32>, scale: Option<u32>) -> String {
    match (precision, scale) {
        (Some(p), Some(s)) => format!("DECIMAL({p}, {s})"),
        (Some(p), None) => format!("DECIMAL({p})"),
        (None, _) => "DECIMAL".to_owned(),
    }
}

fn sized(name: &'static str, n: Option<u32>) -> Cow<'static, str> {
    match n {
        Some(n) => Cow::Owned(format!("{name}({n})")),
        None => Cow::Borrowed(name),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_mysql_text_cast_has_the_text_width() {
        assert_eq!(
            super::MYSQL_TEXT_CAST,
            format!("CHAR({})", super::MYSQL_TEXT_WIDTH)
        );
    }
}
