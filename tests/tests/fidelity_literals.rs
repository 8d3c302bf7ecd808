//! String and byte-string literals mean the value that was written, whatever the session's
//! settings: PostgreSQL with `standard_conforming_strings` on and off; MariaDB under its default
//! SQL mode, `NO_BACKSLASH_ESCAPES` and `ANSI`, and on GBK, SJIS and BIG5 connections; SQLite.
//!
//! Thousands of adversarial values (quotes, backslashes before quotes, NUL, characters whose
//! last byte in GBK, SJIS or BIG5 is `\`, placeholders, comment markers, very long values), made
//! by a seeded generator, go through `to_inline_sql`; a fixed set goes through DSL string
//! literals and `render()`. The SQL runs as text, as pasted into a client, and the engine reads
//! the value back as hex: it must be the exact value, or the library must have returned a
//! `RenderError` (only PostgreSQL text with NUL, which the engine cannot hold). A `victim`
//! table in each session must survive every statement.

use std::io::Write as _;

use cte_runtime::{select, Query};
use cte_tests::{rows, table, values, Db, Engine, Session};

/// Generated values per session, besides the fixed ones.
const TEXTS: usize = 3000;
const BYTE_STRINGS: usize = 1000;

// --- the values -----------------------------------------------------------------------------

/// xorshift64*: the same values on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that mean something to some SQL lexer, in some setting, or in some character set.
/// `ソ 表 能 予` end in 0x5C in SJIS, `功 許` in BIG5, `縗 乗` in GBK; in UTF-8 every character
/// outside ASCII ends in a byte that GBK, SJIS and BIG5 read as the lead of a two-byte
/// character, which then swallows a following `\`.
const PIECES: &[&str] = &[
    "'",
    "''",
    "\\",
    "\\'",
    "\\\\'",
    "'\\",
    "\\\\",
    "\"",
    "`",
    "\0",
    "\\0",
    "\\x27",
    "\\u0027",
    "\\Z",
    "%",
    "_",
    "\\%",
    "$1",
    "$$",
    "$a$",
    "?",
    "??",
    "@P1",
    ":v",
    "{0}",
    "--",
    "-- ",
    "/*",
    "*/",
    "/*!",
    "#",
    ";",
    " ",
    "a",
    "Z",
    "0",
    "\n",
    "\r",
    "\t",
    "\u{1a}",
    "\u{7f}",
    "丁",
    "ソ",
    "表",
    "能",
    "予",
    "功",
    "許",
    "縗",
    "乗",
    "¥",
    "₩",
    "é",
    "ß",
    "Ω",
    "😀",
    "\u{feff}",
    "\u{2028}",
    "\u{ffff}",
    "\u{10ffff}",
    "\u{301}",
    "\u{80}",
    "\u{ff}",
    "; DROP TABLE victim; -- ",
    "' OR '1'='1",
    "E'",
    "U&'",
    "N'",
    "_utf8mb4",
    "X'",
    "0x5C",
    "CHAR(39)",
    "||",
    "+",
];

/// The values from the issue, then `TEXTS` generated ones, then a few very long ones.
fn texts() -> Vec<String> {
    let mut out: Vec<String> = [
        "\\'; DROP TABLE victim; --",
        "丁\\'; DROP TABLE victim; -- ",
        "ソ\\'; DROP TABLE victim; -- ",
        "功\\'; DROP TABLE victim; -- ",
        "縗\\'; DROP TABLE victim; -- ",
        "it's",
        "",
        "\\",
        "a\\",
        "\0",
        "plain text",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let mut rng = Rng(0x0005_EED0_FC7E);
    for _ in 0..TEXTS {
        let pieces = 1 + rng.below(12);
        let mut s = String::new();
        for _ in 0..pieces {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        out.push(s);
    }
    out.push("\\'".repeat(30_000));
    out.push("丁\\'".repeat(20_000));
    out.push("x".repeat(100_000));
    out.push("😀".repeat(50_000));
    let mut long = String::new();
    for _ in 0..20_000 {
        long.push_str(PIECES[rng.below(PIECES.len())]);
    }
    out.push(long);
    out
}

/// Bytes that mean something as text: quote, backslash, NUL, and lead bytes of GBK, SJIS and
/// BIG5 before them.
const BYTES: &[u8] = &[
    0x00, 0x27, 0x5C, 0x22, 0x60, 0x81, 0x83, 0xA5, 0xBF, 0xFE, 0xFF, 0x78,
];

fn byte_strings() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        vec![],
        vec![0],
        vec![0x27],
        vec![0x5C],
        vec![0x5C, 0x27],
        vec![0xBF, 0x27],
        vec![0xBF, 0x5C, 0x27],
        b"\\x00ff".to_vec(),
        (0..=255).collect(),
        (0..=255).rev().collect(),
    ];
    let mut rng = Rng(0xB17E_5EED);
    for _ in 0..BYTE_STRINGS {
        let len = rng.below(40);
        let bytes = (0..len)
            .map(|_| {
                if rng.below(2) == 0 {
                    BYTES[rng.below(BYTES.len())]
                } else {
                    rng.next() as u8
                }
            })
            .collect();
        out.push(bytes);
    }
    out.push((0..100_000).map(|_| rng.next() as u8).collect());
    out
}

/// DSL string literals, each in its own `select!`, with the value it was written as.
macro_rules! literals {
    ($($lit:tt),* $(,)?) => {
        vec![$((select! { SELECT $lit AS v }, $lit)),*]
    };
}

fn dsl_literals() -> Vec<(Query, &'static str)> {
    literals![
        "it's",
        "",
        "\\",
        "a\\",
        "\\'",
        "\\\\'",
        "\\'; DROP TABLE victim; --",
        "丁\\'; DROP TABLE victim; -- ",
        "ソ\\'; DROP TABLE victim; -- ",
        "表\\",
        "能\\'",
        "予\\\\",
        "功\\'",
        "許\\",
        "縗\\'",
        "乗\\",
        "\0",
        "a\0b",
        "\\0",
        "\\Z",
        "\\n",
        "\\x27",
        "$1",
        "$$ $a$",
        "?",
        "@P1",
        "-- not a comment",
        "/* not a comment */",
        "# not a comment",
        "\"double\"",
        "`back`",
        "%_\\%",
        "line\nbreak\r\ttab",
        "\u{1a}\u{7f}",
        "é ß Ω ¥ ₩",
        "😀",
        "\u{feff}\u{2028}\u{ffff}\u{10ffff}",
        r"raw \' string",
        "' OR '1'='1",
        "E'x'",
        "U&'x'",
        "N'x'",
        "_utf8mb4 X'27'",
    ]
}

// --- reading a value back ---------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Bytes,
}

/// SQL that runs `inner` (a one-row query with one column `v`) and returns the type of `v`
/// and its bytes as hex, in text every client character set keeps.
fn read_back(engine: Engine, kind: Kind, inner: &str) -> String {
    let (ty, hex) = match (engine, kind) {
        (Engine::Sqlite, _) => ("typeof(t.v)", "hex(t.v)"),
        (Engine::Postgres, Kind::Text) => (
            "pg_typeof(t.v)::text",
            "encode(convert_to(t.v, 'UTF8'), 'hex')",
        ),
        (Engine::Postgres, Kind::Bytes) => ("pg_typeof(t.v)::text", "encode(t.v, 'hex')"),
        (Engine::MariaDb, Kind::Text) => ("CHARSET(t.v)", "HEX(CONVERT(t.v USING utf8mb4))"),
        (Engine::MariaDb, Kind::Bytes) => ("CHARSET(t.v)", "HEX(t.v)"),
    };
    format!("SELECT {ty}, {hex} FROM ({inner}) AS t")
}

fn is_right_type(engine: Engine, kind: Kind, ty: &str) -> bool {
    match (engine, kind) {
        (Engine::Sqlite, Kind::Text) => ty == "text",
        (Engine::Sqlite, Kind::Bytes) => ty == "blob",
        (Engine::Postgres, Kind::Text) => ty == "text",
        (Engine::Postgres, Kind::Bytes) => ty == "bytea",
        (Engine::MariaDb, Kind::Text) => ty != "binary",
        (Engine::MariaDb, Kind::Bytes) => ty == "binary",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Only PostgreSQL text cannot hold NUL; there the library must refuse the value.
fn must_refuse(engine: Engine, kind: Kind, value: &[u8]) -> bool {
    engine == Engine::Postgres && kind == Kind::Text && value.contains(&0)
}

fn short(s: &str) -> String {
    if s.len() <= 160 {
        return format!("{s:?}");
    }
    let mut end = 160;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{:?}... ({} bytes)", &s[..end], s.len())
}

/// What one session saw.
#[derive(Default)]
struct Tally {
    checked: usize,
    refused: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Moves the failures onto `failures`, each prefixed with `what` was checked.
    fn report_failures(self, what: &str, failures: &mut Vec<String>) {
        failures.extend(self.failures.into_iter().map(|f| format!("{what} {f}")));
    }

    /// Checks one value: `rendered` is the library's SQL for `SELECT <value> AS v`, or its error.
    fn check(
        &mut self,
        session: &mut Session,
        kind: Kind,
        value: &[u8],
        rendered: Result<String, cte_runtime::RenderError>,
    ) {
        let engine = session.engine();
        let shown = short(&String::from_utf8_lossy(value));
        self.checked += 1;
        let sql = match (rendered, must_refuse(engine, kind, value)) {
            (Err(_), true) => {
                self.refused += 1;
                return;
            }
            (Ok(sql), true) => {
                self.failures.push(format!(
                    "{shown}: rendered where it must be a RenderError: {}",
                    short(&sql)
                ));
                return;
            }
            (Err(e), false) => {
                self.failures.push(format!("{shown}: RenderError: {e}"));
                return;
            }
            (Ok(sql), false) => sql,
        };
        let wanted = hex(value);
        match session.rows(&read_back(engine, kind, &sql)).as_deref() {
            Ok([row]) => match row.as_slice() {
                [Some(ty), Some(got)]
                    if is_right_type(engine, kind, ty) && got.eq_ignore_ascii_case(&wanted) => {}
                cells => self.failures.push(format!(
                    "{shown}: read back {} as {cells:?}, want hex {}\n    SQL: {}",
                    if kind == Kind::Text { "text" } else { "bytes" },
                    short(&wanted),
                    short(&sql)
                )),
            },
            Ok(rows) => self.failures.push(format!(
                "{shown}: {} rows\n    SQL: {}",
                rows.len(),
                short(&sql)
            )),
            Err(e) => self.failures.push(format!(
                "{shown}: engine error: {e}\n    SQL: {}",
                short(&sql)
            )),
        }
        // The statement as a user pastes it, unwrapped: an escape would run what follows it.
        if value.windows(4).any(|w| w == b"DROP") {
            let _ = session.rows(&sql);
        }
    }
}

/// Runs every value through `to_inline_sql` and every DSL literal through `render()` on one
/// engine under one setting; panics with the values that did not come back exactly.
fn round_trip(engine: Engine, setting: &str, setup: &[&str]) {
    let label = format!("fid_lit_{setting}");
    let Some(mut session) = Session::open(engine, &label, setup) else {
        return;
    };
    let dialect = engine.dialect();
    let mut report = Vec::new();
    let mut failures = Vec::new();

    let mut tally = Tally::default();
    for text in texts() {
        let q = select! { SELECT {text.as_str()} AS v };
        tally.check(
            &mut session,
            Kind::Text,
            text.as_bytes(),
            q.to_inline_sql(dialect),
        );
    }
    session.record("texts", tally.checked);
    report.push(format!(
        "{} texts ({} refused)",
        tally.checked, tally.refused
    ));
    tally.report_failures("inline text", &mut failures);

    let mut tally = Tally::default();
    for bytes in byte_strings() {
        let q = select! { SELECT {bytes.as_slice()} AS v };
        tally.check(&mut session, Kind::Bytes, &bytes, q.to_inline_sql(dialect));
    }
    session.record("bytes", tally.checked);
    report.push(format!("{} byte strings", tally.checked));
    tally.report_failures("inline bytes", &mut failures);

    let mut tally = Tally::default();
    for (q, text) in dsl_literals() {
        let rendered = q.render(dialect).map(|r| {
            assert!(r.params().is_empty(), "a literal became a parameter");
            r.sql().to_owned()
        });
        tally.check(&mut session, Kind::Text, text.as_bytes(), rendered);
    }
    session.record("dsl", tally.checked);
    report.push(format!(
        "{} DSL literals ({} refused)",
        tally.checked, tally.refused
    ));
    tally.report_failures("DSL literal", &mut failures);

    if !session.victim_survives() {
        failures.insert(0, "the victim table was dropped".to_owned());
    }
    // Past the test harness's capture, so the counts show in the log of a passing run.
    let _ = writeln!(
        std::io::stderr(),
        "fidelity_literals: {} {setting}: {}",
        engine.name(),
        report.join(", ")
    );
    if !failures.is_empty() {
        let total = failures.len();
        failures.truncate(25);
        panic!(
            "{} {setting}: {total} values did not come back exactly (first {}):\n{}",
            engine.name(),
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn sqlite() {
    round_trip(Engine::Sqlite, "sqlite", &[]);
}

#[test]
fn postgres_standard_conforming_strings_on() {
    round_trip(
        Engine::Postgres,
        "pg_scs_on",
        &["SET standard_conforming_strings = on"],
    );
}

#[test]
fn postgres_standard_conforming_strings_off() {
    round_trip(
        Engine::Postgres,
        "pg_scs_off",
        &[
            "SET standard_conforming_strings = off",
            "SET escape_string_warning = off",
        ],
    );
}

#[test]
fn mariadb_default_mode() {
    round_trip(Engine::MariaDb, "mariadb_default", &[]);
}

#[test]
fn mariadb_no_backslash_escapes() {
    round_trip(
        Engine::MariaDb,
        "mariadb_no_backslash",
        &["SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'"],
    );
}

#[test]
fn mariadb_ansi() {
    round_trip(
        Engine::MariaDb,
        "mariadb_ansi",
        &["SET SESSION sql_mode = 'ANSI'"],
    );
}

#[test]
fn mariadb_gbk() {
    round_trip(Engine::MariaDb, "mariadb_gbk", &["SET NAMES gbk"]);
}

#[test]
fn mariadb_sjis() {
    round_trip(Engine::MariaDb, "mariadb_sjis", &["SET NAMES sjis"]);
}

#[test]
fn mariadb_big5() {
    round_trip(Engine::MariaDb, "mariadb_big5", &["SET NAMES big5"]);
}

/// Literals in their hex and escape-string forms still compare and concatenate as the text
/// they stand for: against a text column (whose collation decides), with `||`, in `IN`, `CASE`
/// and `LIKE` (where `\` escapes a wildcard on every engine), written in the DSL and bound.
#[test]
fn literals_compare_and_concatenate_as_their_text() {
    let mut db = Db::open(
        "fid_lit_compare",
        &[table!(word(id: Int, name: Text)).rows([
            values![1, "é"],
            values![2, "ソ\\"],
            values![3, "it's"],
            values![4, "100%"],
            values![5, "a\\b"],
            values![6, "back\\\nslash"],
        ])],
    );
    let q = select! { SELECT id FROM word WHERE name = "ソ\\" };
    db.select(&q).expect(rows![[2]]).check();
    let q = select! { SELECT id FROM word WHERE name = "É" };
    db.select(&q).expect(rows![]).check();
    let q = select! { SELECT id FROM word WHERE name IN ("é", "a\\b", "x") ORDER BY id };
    db.select(&q).expect(rows![[1], [5]]).check();
    let q = select! { SELECT name || "\\ü" AS x FROM word WHERE id = 1 };
    db.select(&q).expect(rows![["é\\ü"]]).check();
    let q = select! { SELECT "丁" || "\\" || name AS x FROM word WHERE id = 3 };
    db.select(&q).expect(rows![["丁\\it's"]]).check();
    let q = select! {
        SELECT id, CASE WHEN name = "é" THEN "ü" WHEN name LIKE "%\\\\%" THEN "\\" ELSE name END AS x
        FROM word ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, "ü"],
            [2, "\\"],
            [3, "it's"],
            [4, "100%"],
            [5, "\\"],
            [6, "\\"]
        ])
        .check();
    // A `\` before a line break, which SQL Server would read as a line continuation.
    let q = select! { SELECT id FROM word WHERE name = "back\\\nslash" };
    db.select(&q).expect(rows![[6]]).check();
    let q = select! { SELECT id FROM word WHERE name LIKE "%0\\%" };
    db.select(&q).expect(rows![[4]]).check();
    for (value, id) in [("ソ\\", 2), ("é", 1), ("a\\b", 5)] {
        let q = select! { SELECT id FROM word WHERE name = {value} };
        db.select(&q).expect(rows![[id]]).check();
    }
}
