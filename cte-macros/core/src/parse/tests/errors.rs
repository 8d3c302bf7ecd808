//! Syntax and lexical errors: what each says, and on which token.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

#[test]
fn syntax_errors_say_what_was_expected() {
    let cases: Vec<(TokenStream, &str)> = vec![
        (quote!(), "expected `WITH`, `SELECT`, `VALUES`, `INSERT`, `UPDATE` or `DELETE`, found end of input"),
        (quote!(SELECT), "expected an expression, found end of input"),
        (quote!(SELECT a FROM), "expected a table name, `(` or `LATERAL`, found end of input"),
        (quote!(SELECT a, FROM t), "expected an expression, found keyword `FROM`"),
        (quote!(SELECT a FROM t WHERE), "expected an expression, found end of input"),
        (quote!(SELECT a FROM t GROUP a), "expected `BY`, found `a`"),
        (quote!(SELECT a FROM t ORDER a), "expected `BY`, found `a`"),
        (quote!(SELECT a b c FROM t), "expected end of input, found `c`"),
        (quote!(SELECT (a b c)), "expected `)`, found `b`"),
        (quote!(SELECT a FROM t LEFT JOIN u), "expected `ON` or `USING`, found end of input"),
        (quote!(WITH t AS SELECT 1), "expected `(`, found keyword `SELECT`"),
        (quote!(WITH t (SELECT 1) SELECT 1), "expected a column name, found keyword `SELECT`; write `r#SELECT` to use it as a name"),
        (quote!(WITH t AS (SELECT 1)), "expected `,`, `SELECT`, `VALUES`, `INSERT`, `UPDATE`, `DELETE` or `(`, found end of input"),
        (quote!(WITH order AS (SELECT 1) SELECT 1), "expected a CTE name, found keyword `order`; write `r#order` to use it as a name"),
        (quote!(SELECT a AS from), "expected an alias, found keyword `from`; write `r#from` to use it as a name"),
        (quote!(SELECT CASE END), "expected `WHEN`, found keyword `END`"),
        (quote!(SELECT CASE WHEN a THEN b), "expected `WHEN`, `ELSE` or `END`, found end of input"),
        (quote!(SELECT a IS TRUE), "expected `NULL` or `NOT NULL`, found `TRUE`"),
        (quote!(SELECT a NOT BETWEEN 1 OR 2), "expected `AND`, found keyword `OR`"),
        (quote!(SELECT a = b = c), "comparisons do not chain; put parentheses around one of them"),
        (quote!(SELECT 1 UNION), "expected `SELECT`, `VALUES` or `(`, found end of input"),
        (quote!(SELECT x FROM t ORDER BY x NULLS), "expected `FIRST` or `LAST`, found end of input"),
        (quote!(INSERT t VALUES (1)), "expected `INTO`, found `t`"),
        (quote!(INSERT INTO t (a)), "expected `SELECT`, `VALUES` or `WITH`, found end of input"),
        (quote!(UPDATE t WHERE a = 1), "expected `SET`, found keyword `WHERE`"),
        (quote!(UPDATE t SET a 1), "expected `=`, found `1`"),
        (quote!(DELETE t), "expected `FROM`, found `t`"),
        (quote!(SELECT sum(x) OVER w FROM t), "expected `(` (named windows are not supported), found `w`"),
        (quote!(SELECT sum(x) OVER (ROWS 1) FROM t), "expected `PRECEDING` or `FOLLOWING`, found end of input"),
        (quote!(WITH RECURSIVE t AS (SELECT 1) SEARCH FIRST BY a SET b SELECT 1), "expected `DEPTH` or `BREADTH`, found `FIRST`"),
        (quote!(WITH RECURSIVE t AS (SELECT 1) CYCLE a SET b SELECT 1), "expected `TO` or `USING`, found keyword `SELECT`"),
        (quote!(SELECT [1]), "expected an expression, found `[`"),
        (quote!(SELECT b"x"), "expected an expression, found `b\"x\"`"),
        (quote!(SELECT 1;), "expected end of input, found `;`"),
        (quote!(SELECT a FROM t NATURAL JOIN u), "NATURAL joins are not supported; write the join condition with ON or USING"),
    ];
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|(input, message)| {
            let got = err(input.clone());
            (got != message).then(|| format!("`{input}`:\n  got      {got}\n  expected {message}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn lexical_errors() {
    assert_eq!(
        err(ts("SELECT a -- comment")),
        "SQL comments are not supported; use `//` or `/* */`"
    );
    assert_eq!(
        err(ts("SELECT a::int")),
        "`::` casts are not supported; write CAST(x AS type)"
    );
    assert_eq!(
        err(quote!(SELECT 'a')),
        "SQL strings are Rust string literals here: write \"a\" instead of 'a'"
    );
    assert_eq!(
        err(quote!(SELECT 'abc)),
        "SQL strings are Rust string literals here: write \"...\" instead of '...'"
    );
    assert_eq!(
        err(quote!(SELECT 1i64)),
        "number literals take no type suffix: write `1` instead of `1i64`"
    );
    assert_eq!(
        err(quote!(SELECT 1.5f32)),
        "number literals take no type suffix: write `1.5` instead of `1.5f32`"
    );
    assert_eq!(
        err(quote!(SELECT CAST(a AS STRING))),
        "unknown type `STRING` in CAST; the known types are SMALLINT, INT, INTEGER, BIGINT, \
         DECIMAL(p, s), NUMERIC(p, s), REAL, DOUBLE PRECISION, FLOAT, TEXT, VARCHAR(n), CHAR(n), \
         CHARACTER(n), BOOLEAN, BOOL, DATE, TIME, TIMESTAMP, BLOB, BYTEA"
    );
    assert_eq!(
        err(quote!(SELECT CAST(a AS VARCHAR(1, 2)))),
        "this type takes at most 1 number(s)"
    );
    assert_eq!(
        err(quote!(SELECT {})),
        "expected a Rust expression inside `{}`"
    );
    assert!(err(quote!(SELECT {1 +})).starts_with("unexpected end of input"));
}
