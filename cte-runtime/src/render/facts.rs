//! Every per-dialect fact that is plain data, in one place: quoting, placeholders, literals,
//! type names and what each engine supports. Structural rewrites live in the dialect files.

use std::borrow::Cow;

use crate::tree::{DataType, JoinKind};
use crate::{Dialect, RenderError};

/// What an engine can express natively. A `false` means the renderer emulates the construct
/// or returns a `RenderError`.
pub(super) struct Support {
    /// `WITH RECURSIVE` is spelled with the keyword (SQL Server has none).
    pub recursive_keyword: bool,
    /// `AS [NOT] MATERIALIZED (...)`; dropped elsewhere, as it is only a hint.
    pub materialized: bool,
    /// SQL-standard `SEARCH` and `CYCLE` clauses (PostgreSQL 14+).
    pub search_cycle: bool,
    /// INSERT/UPDATE/DELETE ... RETURNING as a CTE body.
    pub data_modifying_cte: bool,
    /// `anchor UNION ALL r1 UNION ALL r2` with several members that reference the CTE.
    pub several_recursive_members: bool,
    /// `NULLS FIRST` / `NULLS LAST` in ORDER BY.
    pub nulls_order: bool,
    /// Without NULLS FIRST/LAST, NULL sorts below every value (first ascending). PostgreSQL
    /// sorts it above, so it gets the clause that says the DSL's order.
    pub nulls_sort_low: bool,
    pub full_join: bool,
    /// `LATERAL (subquery)`; SQL Server has CROSS/OUTER APPLY instead (see `mssql.rs`).
    pub lateral: bool,
    /// `INTERSECT ALL` and `EXCEPT ALL`.
    pub set_op_all: bool,
    /// `GROUPS` window frames.
    pub groups_frame: bool,
    /// A subquery in FROM must have an alias.
    pub derived_needs_alias: bool,
    /// `alias(col, ...)` on a derived table.
    pub derived_column_aliases: bool,
    /// `alias(col, ...)` on a table or CTE name.
    pub table_column_aliases: bool,
    pub returning_insert: bool,
    pub returning_update: bool,
    pub returning_delete: bool,
    /// `DELETE FROM t AS a`; otherwise the multi-table `DELETE a FROM t AS a`.
    pub delete_alias: bool,
    /// `JOIN ... USING (cols)`.
    pub join_using: bool,
    /// A CTE of a WITH inside a subquery reads a CTE of an enclosing WITH. MariaDB 10.11 looks
    /// such a name up as a table ("Table 'x' doesn't exist").
    pub nested_cte_reads_outer: bool,
    /// A bare `*` after other select items (`SELECT x AS a, *`); MySQL and MariaDB take it only
    /// first, so it is written there as each FROM item's `t.*` (see `mysql.rs`).
    pub star_after_items: bool,
}

const POSTGRES: Support = Support {
    recursive_keyword: true,
    materialized: true,
    search_cycle: true,
    data_modifying_cte: true,
    several_recursive_members: false,
    nulls_order: true,
    nulls_sort_low: false,
    full_join: true,
    lateral: true,
    set_op_all: true,
    groups_frame: true,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: true,
    returning_insert: true,
    returning_update: true,
    returning_delete: true,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: true,
};

const MYSQL: Support = Support {
    recursive_keyword: true,
    materialized: false,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: false,
    nulls_sort_low: true,
    full_join: false,
    lateral: true,
    set_op_all: true,
    groups_frame: false,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: false,
    returning_insert: false,
    returning_update: false,
    returning_delete: false,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: false,
};

const MARIADB: Support = Support {
    lateral: false,
    nested_cte_reads_outer: false,
    derived_column_aliases: false,
    returning_insert: true,
    returning_delete: true,
    delete_alias: false,
    ..MYSQL
};

const SQLITE: Support = Support {
    recursive_keyword: true,
    materialized: true,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: true,
    nulls_sort_low: true,
    full_join: true,
    lateral: false,
    set_op_all: false,
    groups_frame: true,
    derived_needs_alias: false,
    derived_column_aliases: false,
    table_column_aliases: false,
    returning_insert: true,
    returning_update: true,
    returning_delete: true,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: true,
};

const MSSQL: Support = Support {
    recursive_keyword: false,
    materialized: false,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: false,
    nulls_sort_low: true,
    full_join: true,
    lateral: false,
    set_op_all: false,
    groups_frame: false,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: false,
    returning_insert: false,
    returning_update: false,
    returning_delete: false,
    delete_alias: false,
    join_using: false,
    nested_cte_reads_outer: true,
    star_after_items: true,
};

pub(super) const fn support(d: Dialect) -> &'static Support {
    match d {
        Dialect::Postgres => &POSTGRES,
        Dialect::MySql => &MYSQL,
        Dialect::MariaDb => &MARIADB,
        Dialect::Sqlite => &SQLITE,
        Dialect::MsSql => &MSSQL,
    }
}

/// Opening quote, closing quote; the closing quote is doubled inside a quoted identifier.
///
/// SQLite takes backticks: a double-quoted name that matches no column is read there as a
/// string literal (SQLite's default build, and the one libsqlite3-sys bundles, keep that
/// compatibility rule), so a misspelt `r#Name` would return its own text instead of failing.
/// A backtick name is only ever a name, and a backtick doubles inside it, which `[...]`
/// cannot do for `]`.
pub(super) const fn identifier_quotes(d: Dialect) -> (char, char) {
    match d {
        Dialect::Postgres => ('"', '"'),
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => ('`', '`'),
        Dialect::MsSql => ('[', ']'),
    }
}

/// PostgreSQL folds an unquoted name to lower case, so a reserved word quoted in its place is
/// written in lower case; the others match a name the same way quoted or not (`reserved.rs`).
pub(super) const fn folds_to_lower(d: Dialect) -> bool {
    matches!(d, Dialect::Postgres)
}

/// `$1` and `@P1` name their parameter; `?` takes them in text order.
pub(super) const fn numbered_placeholders(d: Dialect) -> bool {
    matches!(d, Dialect::Postgres | Dialect::MsSql)
}

/// The placeholder prefix: numbered ones are followed by the 1-based source index.
pub(super) const fn placeholder(d: Dialect) -> &'static str {
    match d {
        Dialect::Postgres => "$",
        Dialect::MsSql => "@P",
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => "?",
    }
}

/// The most values one statement may bind on an engine, and the error past it.
pub(super) struct ParamLimit {
    pub max: usize,
    pub construct: &'static str,
    pub help: &'static str,
}

/// Each engine's cap on the values of one statement, counted as the renderer writes them: the
/// highest `$n` or `@Pn`, or the number of `?` (a parameter a dialect writes twice is bound
/// twice). Past it the engine fails after the statement is sent, with a message that names no
/// limit (PostgreSQL's driver cannot even read the answer), so the renderer refuses it first.
pub(super) const fn param_limit(d: Dialect) -> ParamLimit {
    match d {
        // The protocol's Bind message counts the values in 16 bits.
        Dialect::Postgres => ParamLimit {
            max: 65_535,
            construct: "a statement with more than 65535 parameters",
            help: "PostgreSQL's protocol binds at most 65535 values to one statement; bind \
                   fewer, for instance by loading the values into a table",
        },
        // ER_PS_MANY_PARAM: "Prepared statement contains too many placeholders".
        Dialect::MySql | Dialect::MariaDb => ParamLimit {
            max: 65_535,
            construct: "a statement with more than 65535 parameters",
            help: "a prepared statement takes at most 65535 placeholders; bind fewer, for \
                   instance by loading the values into a table",
        },
        // SQLITE_MAX_VARIABLE_NUMBER, 32766 by default since SQLite 3.32.
        Dialect::Sqlite => ParamLimit {
            max: 32_766,
            construct: "a statement with more than 32766 parameters",
            help: "SQLite takes at most 32766 parameters in a statement (its default \
                   SQLITE_MAX_VARIABLE_NUMBER); bind fewer, for instance by loading the values \
                   into a table",
        },
        // 2100 per request, two of which sp_executesql takes for the statement and the
        // parameters' declarations.
        Dialect::MsSql => ParamLimit {
            max: 2_098,
            construct: "a statement with more than 2098 parameters",
            help: "SQL Server takes at most 2100 parameters in a request, two of them \
                   sp_executesql's own; bind fewer, for instance by loading the values into a \
                   table",
        },
    }
}

/// Boolean literals in value position. SQL Server has no boolean type: `1`/`0` (BIT values);
/// in predicate position it needs a comparison, which `expr.rs` adds.
pub(super) const fn bool_literal(d: Dialect, b: bool) -> &'static str {
    match (d, b) {
        (Dialect::MsSql, true) => "1",
        (Dialect::MsSql, false) => "0",
        (_, true) => "TRUE",
        (_, false) => "FALSE",
    }
}

/// How a string literal is written. Each form means the same text whatever the session's
/// settings and client character set, because the SQL text is read under those.
pub(super) enum StringForm {
    /// `'...'` with `'` doubled.
    Quoted,
    /// SQL Server's `N'...'` (so that text outside the database's code page survives) with `'`
    /// doubled. There a `\` before a line break is a line continuation, which drops both; so a
    /// `\` before CR or LF is followed by a continuation of its own (`\` LF), which drops
    /// itself and leaves the text's `\` and line break.
    National,
    /// PostgreSQL's `E'...'` with `'` and `\` doubled: a backslash in `'...'` is an escape when
    /// `standard_conforming_strings` is off (per session, role or database), and in `E'...'`
    /// always.
    Escaped,
    /// The UTF-8 bytes in hex, `open` + `X'E4B881'` + `close`.
    Hex {
        open: &'static str,
        close: &'static str,
    },
    /// Text the engine cannot hold.
    Refused {
        construct: &'static str,
        help: &'static str,
    },
}

/// The form of the string literal `s` in `d`: `'...'` where that reads the same under every
/// setting, so that ordinary SQL stays readable.
///
/// MySQL/MariaDB read `\` in `'...'` as an escape unless `sql_mode` has NO_BACKSLASH_ESCAPES, and
/// read the bytes of the SQL in the connection's character set: in GBK, SJIS or BIG5 a UTF-8
/// byte above 0x7F starts a two-byte character that can swallow the `\` or `'` after it. So
/// only printable ASCII without `\` is quoted; other text is `_utf8mb4 X'..'`, which means the
/// same under every mode and character set. SQLite ends the SQL text at a NUL, so text with
/// one is `CAST(X'..' AS TEXT)`. PostgreSQL text cannot hold NUL at all.
pub(super) fn string_form(d: Dialect, s: &str) -> StringForm {
    match d {
        Dialect::Postgres if s.contains('\0') => StringForm::Refused {
            construct: "a string with a NUL character (U+0000)",
            help: "PostgreSQL text cannot hold NUL; store it as bytes (Vec<u8>, BYTEA)",
        },
        Dialect::Postgres if s.contains('\\') => StringForm::Escaped,
        Dialect::Postgres => StringForm::Quoted,
        Dialect::MySql | Dialect::MariaDb if reads_alike_in_every_charset(s) => StringForm::Quoted,
        Dialect::MySql | Dialect::MariaDb => StringForm::Hex {
            open: "_utf8mb4 X'",
            close: "'",
        },
        Dialect::Sqlite if s.contains('\0') => StringForm::Hex {
            open: "CAST(X'",
            close: "' AS TEXT)",
        },
        Dialect::Sqlite => StringForm::Quoted,
        Dialect::MsSql => StringForm::National,
    }
}

/// Printable ASCII, tabs and line breaks, without `\`: what MySQL/MariaDB read as the same
/// text inside `'...'` in every client character set and under every `sql_mode`.
fn reads_alike_in_every_charset(s: &str) -> bool {
    s.bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r') && b != b'\\')
}

/// `LIKE` patterns: PostgreSQL and MySQL take `\` as the escape character by default; SQLite
/// and SQL Server have none, so they get an explicit `ESCAPE '\'` to mean the same.
pub(super) const fn like_needs_escape_clause(d: Dialect) -> bool {
    matches!(d, Dialect::Sqlite | Dialect::MsSql)
}

/// Whether `SELECT *` over `a <kind> JOIN b USING (cols)` returns PostgreSQL's columns: the
/// USING columns once, first, in the list's order, then the other columns of `a`, then `b`'s.
pub(super) const fn star_over_using(d: Dialect, kind: JoinKind, using_columns: usize) -> bool {
    match d {
        Dialect::Postgres => true,
        // The USING columns come first in the order the left side has them, not the list's;
        // a RIGHT JOIN is read as a LEFT JOIN with the sides swapped, its columns first.
        Dialect::MySql | Dialect::MariaDb => {
            using_columns == 1 && matches!(kind, JoinKind::Inner | JoinKind::Left)
        }
        // The USING columns stay where the left side has them.
        Dialect::Sqlite => false,
        // No USING at all: the join itself is refused.
        Dialect::MsSql => false,
    }
}

/// Whether `t.*` over `a <kind> JOIN b USING (cols)` returns `t`'s own columns, as on
/// PostgreSQL.
pub(super) const fn qualified_star_over_using(d: Dialect, kind: JoinKind) -> bool {
    match (d, kind) {
        // `a.*` under a RIGHT or FULL JOIN shows `b`'s value in a USING column where `a` has
        // no row.
        (Dialect::Sqlite, JoinKind::Right | JoinKind::Full) => false,
        (Dialect::Sqlite, JoinKind::Inner | JoinKind::Left | JoinKind::Cross) => true,
        (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::MsSql, _) => true,
    }
}

/// A value whose text, as `||` concatenates it, may differ from PostgreSQL's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextOf {
    /// PostgreSQL writes `true`/`false`; the others have no boolean type and write `1`/`0`.
    Boolean,
    /// A DECIMAL literal, a DECIMAL cast, and sums and products of them: PostgreSQL keeps the
    /// scale (`1.50`, `3.00`).
    ExactNumber,
    /// A double, an average, a quotient: the number of digits and the exponent form differ
    /// (`2` or `2.0`, `1e+20` or `1e20`, 20 or 4 digits of an average).
    ComputedNumber,
}

/// Whether `d` writes a value of this kind as text the way PostgreSQL does.
pub(super) const fn same_text_as_postgres(d: Dialect, of: TextOf) -> bool {
    match (d, of) {
        (Dialect::Postgres, _) => true,
        // MySQL, MariaDB and SQL Server keep a DECIMAL's scale as PostgreSQL's NUMERIC does;
        // SQLite has no fixed point (`1.50` is the REAL `1.5`).
        (Dialect::MySql | Dialect::MariaDb | Dialect::MsSql, TextOf::ExactNumber) => true,
        (Dialect::Sqlite, TextOf::ExactNumber) => false,
        (
            Dialect::MySql | Dialect::MariaDb | Dialect::MsSql | Dialect::Sqlite,
            TextOf::Boolean | TextOf::ComputedNumber,
        ) => false,
    }
}

/// The width a TEXT cast gets on MySQL/MariaDB, which only cast to CHAR(n). Large enough that a
/// path built in a recursive CTE never truncates (the anchor's type fixes the column's width):
/// MariaDB makes it a LONGTEXT. (`CHAR(4294967295)` overflows to `VARCHAR(1)` on MariaDB.)
pub(super) const MYSQL_TEXT_WIDTH: u32 = 16_777_216;

/// The cast type of TEXT on MySQL/MariaDB: `CHAR(MYSQL_TEXT_WIDTH)`, spelled out so that the
/// most common cast of a recursive CTE costs no formatting.
const MYSQL_TEXT_CAST: &str = "CHAR(16777216)";

/// Type names above 4000 characters are written as NVARCHAR(MAX) on SQL Server.
const MSSQL_MAX_NVARCHAR: u32 = 4000;

/// How a CAST is written in a dialect.
pub(super) enum Cast {
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
    /// engine's own CAST truncates: SQL Server `CAST(ROUND(x, 0) AS INT)`; SQLite
    /// `CASE WHEN typeof(x) = 'real' THEN CAST(ROUND(x) AS INTEGER) ELSE CAST(x AS INTEGER)
    /// END` (ROUND would lose the low digits of a large integer).
    RoundedInteger(&'static str),
}

/// The CAST of `ty` in `d`, or the error when the dialect has no type with that meaning.
pub(super) fn cast(d: Dialect, ty: DataType) -> Result<Cast, RenderError> {
    let err = |help| Err(RenderError::new(cast_name(ty), d, help));
    let named = |s: &'static str| Ok(Cast::As(Cow::Borrowed(s)));
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
            DataType::Decimal {
                precision: Some(p),
                scale,
            } => Ok(Cast::As(Cow::Owned(decimal(Some(p), scale)))),
            DataType::Decimal {
                precision: None, ..
            } => err("DECIMAL without a precision is DECIMAL(10, 0) here; write DECIMAL(p, s)"),
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
                Ok(Cast::RoundedInteger("INTEGER"))
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
            DataType::Decimal {
                precision: Some(p),
                scale,
            } => Ok(Cast::As(Cow::Owned(decimal(Some(p), scale)))),
            DataType::Decimal {
                precision: None, ..
            } => err("DECIMAL without a precision is DECIMAL(18, 0) here; write DECIMAL(p, s)"),
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
