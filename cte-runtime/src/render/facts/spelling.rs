//! How names, placeholders and literals are spelled in each dialect.

use crate::tree::{LockStrength, LockWait};
use crate::{Dialect, Timestamp};

/// Opening quote, closing quote; the closing quote is doubled inside a quoted identifier.
///
/// SQLite takes backticks: a double-quoted name that matches no column is read there as a
/// string literal (SQLite's default build, and the one libsqlite3-sys bundles, keep that
/// compatibility rule), so a misspelt `r#Name` would return its own text instead of failing.
/// A backtick name is only ever a name, and a backtick doubles inside it, which `[...]`
/// cannot do for `]`.
pub(in crate::render) const fn identifier_quotes(d: Dialect) -> (char, char) {
    match d {
        Dialect::Postgres => ('"', '"'),
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => ('`', '`'),
        Dialect::MsSql => ('[', ']'),
    }
}

/// PostgreSQL folds an unquoted name to lower case, so a reserved word quoted in its place is
/// written in lower case; the others match a name the same way quoted or not (`reserved.rs`).
pub(in crate::render) const fn folds_to_lower(d: Dialect) -> bool {
    match d {
        Dialect::Postgres => true,
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite | Dialect::MsSql => false,
    }
}

/// `$1` and `@P1` name their parameter; `?` takes them in text order.
pub(in crate::render) const fn numbered_placeholders(d: Dialect) -> bool {
    match d {
        Dialect::Postgres | Dialect::MsSql => true,
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => false,
    }
}

/// The placeholder prefix: numbered ones are followed by the 1-based source index.
pub(in crate::render) const fn placeholder(d: Dialect) -> &'static str {
    match d {
        Dialect::Postgres => "$",
        Dialect::MsSql => "@P",
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => "?",
    }
}

/// The locking clause of a SELECT and its wait option, or the help of the refusal: SQLite has
/// no row locks (a write transaction locks the whole database, so `BEGIN IMMEDIATE` is what
/// keeps others from changing the rows read), and SQL Server locks rows with table hints.
pub(in crate::render) const fn lock_clause(
    d: Dialect,
    strength: LockStrength,
    wait: LockWait,
) -> Result<(&'static str, &'static str), &'static str> {
    let clause = match (d, strength) {
        (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb, LockStrength::Update) => {
            " FOR UPDATE"
        }
        (Dialect::Postgres | Dialect::MySql, LockStrength::Share) => " FOR SHARE",
        // MariaDB 10.11 has no FOR SHARE; this is its spelling of the same lock.
        (Dialect::MariaDb, LockStrength::Share) => " LOCK IN SHARE MODE",
        (Dialect::Sqlite, _) => {
            return Err(
                "SQLite has no row locks: a write transaction locks the whole \
                        database, so begin the transaction with BEGIN IMMEDIATE and leave out \
                        the locking clause",
            )
        }
        (Dialect::MsSql, _) => {
            return Err(
                "SQL Server locks rows with table hints, WITH (UPDLOCK, ROWLOCK) or \
                        WITH (HOLDLOCK), which are not written for you",
            )
        }
    };
    let wait = match wait {
        LockWait::Wait => "",
        LockWait::NoWait => " NOWAIT",
        LockWait::SkipLocked => " SKIP LOCKED",
    };
    Ok((clause, wait))
}

/// How `x [NOT] IN {list}` is written.
#[derive(Debug, Clone, Copy)]
pub(in crate::render) enum ListForm {
    /// The list as one array parameter, `x = ANY($1)` and `x <> ALL($1)`, and a list without
    /// values as an untyped array literal (`'{}'`, or `'{NULL}'` for a list of NULLs), which
    /// PostgreSQL types like `x`: an array parameter of only NULLs has no type of its own.
    Array,
    /// One placeholder per value, `x IN (?, ?)`; an empty list is compared with `empty`, a set
    /// without rows, so that `IN` is false and `NOT IN` true even for a NULL `x`, as SQLite's
    /// own `x IN ()` is (the other engines reject an empty list).
    Placeholders { empty: &'static str },
}

pub(in crate::render) const fn list_form(d: Dialect) -> ListForm {
    match d {
        Dialect::Postgres => ListForm::Array,
        Dialect::Sqlite => ListForm::Placeholders { empty: "()" },
        Dialect::MySql | Dialect::MariaDb => ListForm::Placeholders {
            empty: "(SELECT NULL FROM DUAL WHERE 1 = 0)",
        },
        Dialect::MsSql => ListForm::Placeholders {
            empty: "(SELECT NULL WHERE 1 = 0)",
        },
    }
}

/// The most values one statement may bind on an engine, and the error past it.
pub(in crate::render) struct ParamLimit {
    pub max: usize,
    pub construct: &'static str,
    pub help: &'static str,
}

/// Each engine's cap on the values of one statement, counted as the renderer writes them: the
/// highest `$n` or `@Pn`, or the number of `?` (a parameter a dialect writes twice is bound
/// twice). Past it the engine fails after the statement is sent, with a message that names no
/// limit (PostgreSQL's driver cannot even read the answer), so the renderer refuses it first.
pub(in crate::render) const fn param_limit(d: Dialect) -> ParamLimit {
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
pub(in crate::render) const fn bool_literal(d: Dialect, b: bool) -> &'static str {
    match (d, b) {
        (Dialect::MsSql, true) => "1",
        (Dialect::MsSql, false) => "0",
        (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite, true) => "TRUE",
        (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite, false) => "FALSE",
    }
}

/// How a string literal is written. Each form means the same text whatever the session's
/// settings and client character set, because the SQL text is read under those.
pub(in crate::render) enum StringForm {
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
pub(in crate::render) fn string_form(d: Dialect, s: &str) -> StringForm {
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
pub(in crate::render) const fn like_needs_escape_clause(d: Dialect) -> bool {
    match d {
        Dialect::Sqlite | Dialect::MsSql => true,
        Dialect::Postgres | Dialect::MySql | Dialect::MariaDb => false,
    }
}

/// The text before and after the hex digits of a byte string. PostgreSQL's is `'\x..'` read
/// as an escape string, which `standard_conforming_strings` does not change.
pub(in crate::render) const fn bytes_literal(d: Dialect) -> (&'static str, &'static str) {
    match d {
        Dialect::Postgres => ("E'\\\\x", "'::bytea"),
        Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => ("X'", "'"),
        Dialect::MsSql => ("0x", ""),
    }
}

/// The value types that `to_inline_sql` writes as text the dialect reads as that type.
#[derive(Clone, Copy)]
pub(in crate::render) enum TypedText {
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
}

/// What goes around such text: MySQL's and MariaDB's typed literals are what their drivers
/// bind, SQL Server's casts name the widest type, and PostgreSQL and SQLite take the text as it
/// is (PostgreSQL types it from where it stands, or by the parameter's cast, exactly as a
/// bound value; SQLite stores the text).
pub(in crate::render) const fn typed_text(
    d: Dialect,
    typed: TypedText,
) -> (&'static str, &'static str) {
    match (d, typed) {
        (Dialect::Postgres | Dialect::Sqlite, _)
        | (Dialect::MySql | Dialect::MariaDb, TypedText::Uuid) => ("", ""),
        (Dialect::MySql | Dialect::MariaDb, TypedText::Date) => ("DATE ", ""),
        (Dialect::MySql | Dialect::MariaDb, TypedText::Time) => ("TIME ", ""),
        (Dialect::MySql | Dialect::MariaDb, TypedText::Timestamp | TypedText::TimestampTz) => {
            ("TIMESTAMP ", "")
        }
        (Dialect::MsSql, TypedText::Date) => ("CAST(", " AS DATE)"),
        (Dialect::MsSql, TypedText::Time) => ("CAST(", " AS TIME(7))"),
        (Dialect::MsSql, TypedText::Timestamp) => ("CAST(", " AS DATETIME2(7))"),
        (Dialect::MsSql, TypedText::TimestampTz) => ("CAST(", " AS DATETIMEOFFSET(7))"),
        (Dialect::MsSql, TypedText::Uuid) => ("CAST(", " AS UNIQUEIDENTIFIER)"),
    }
}

/// A timestamp's text as the drivers bind it: on PostgreSQL with the offset `+00`, which a
/// `timestamptz` reads as UTC and a `timestamp` ignores (a naive timestamp is UTC, whatever the
/// session's TimeZone); SQL Server's in ISO 8601 with `T`, which no DATEFORMAT changes.
pub(in crate::render) fn timestamp_text(d: Dialect, typed: TypedText, t: Timestamp) -> String {
    match (d, typed) {
        (Dialect::Postgres, _) => format!("{t}+00"),
        (Dialect::MsSql, TypedText::TimestampTz) => format!("{}T{}+00:00", t.date(), t.time()),
        (Dialect::MsSql, _) => format!("{}T{}", t.date(), t.time()),
        (Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite, _) => t.to_string(),
    }
}

/// How many digits of a second's fraction the dialect keeps (the drivers truncate to it).
pub(in crate::render) const fn fraction_digits(d: Dialect) -> u32 {
    match d {
        Dialect::Postgres | Dialect::MySql | Dialect::MariaDb => 6,
        Dialect::MsSql => 7,
        Dialect::Sqlite => 9,
    }
}

/// Whether a UUID's literal is its 16 bytes (SQLite stores UUIDs as blobs, as its drivers
/// bind them) rather than its text.
pub(in crate::render) const fn uuid_as_bytes(d: Dialect) -> bool {
    match d {
        Dialect::Sqlite => true,
        Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::MsSql => false,
    }
}
