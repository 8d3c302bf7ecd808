//! The schema reader never panics: random text, and random soups of the DDL's words, quotes,
//! numbers and any punctuation, go through lexing, the DDL and the typing of views
//! (`cte_macros_core::read_schema_sql`), which a macro runs on the files a crate names.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const WORDS: &[&str] = &[
    "CREATE",
    "TABLE",
    "VIEW",
    "ALTER",
    "DROP",
    "RENAME",
    "ADD",
    "COLUMN",
    "TO",
    "AS",
    "IF",
    "NOT",
    "EXISTS",
    "NULL",
    "PRIMARY",
    "KEY",
    "UNIQUE",
    "REFERENCES",
    "DEFAULT",
    "CHECK",
    "CONSTRAINT",
    "GENERATED",
    "ALWAYS",
    "IDENTITY",
    "INTEGER",
    "INT",
    "BIGINT",
    "TEXT",
    "VARCHAR",
    "NUMERIC",
    "TIMESTAMP",
    "WITH",
    "TIME",
    "ZONE",
    "SELECT",
    "FROM",
    "WHERE",
    "UNION",
    "ALL",
    "RECURSIVE",
    "JOIN",
    "ON",
    "TRIGGER",
    "BEGIN",
    "END",
    "FUNCTION",
    "MODIFY",
    "CHANGE",
    "SET",
    "TYPE",
    "ONLY",
    "t",
    "a",
    "b",
    "v",
    "x",
];

const PIECES: &[&str] = &[
    "(", ")", ",", ";", ".", "'", "''", "\"", "`", "[", "]", "$$", "$t$", "--", "/*", "*/", "#",
    "\\", "{", "}", "€", "::", "<=", "||", "=", "*", "0", "1.5", "1e3", "1.2.3", "X'ff'", "E'\\''",
    "N'x'", "\n", " ",
];

fn soup() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(WORDS).prop_map(str::to_owned);
    let piece = proptest::sample::select(PIECES).prop_map(str::to_owned);
    proptest::collection::vec(prop_oneof![word, piece], 0..60).prop_map(|parts| parts.join(" "))
}

#[test]
fn the_schema_reader_never_panics() {
    let mut runner = TestRunner::new(Config {
        cases: 2048,
        failure_persistence: None,
        ..Config::default()
    });
    let input = prop_oneof![soup(), any::<String>()];
    runner
        .run(&input, |sql| {
            let _ = cte_macros_core::read_schema_sql(&sql);
            Ok(())
        })
        .unwrap();
}

#[test]
fn views_with_characters_rust_has_no_token_for_stay_untyped() {
    let sql =
        "CREATE TABLE t (a INT); CREATE VIEW v AS SELECT a FROM t WHERE a ~ '{x}' OR a = {1};";
    assert_eq!(cte_macros_core::read_schema_sql(sql), Ok(2));
}
