//! The tallest trees the macro accepts: chains of binary operators and set operations as tall
//! as the parser allows, alone, inside one another and under nested subqueries.
//! Whatever walks the tree afterwards (the checks, the encoder, the runtime's decoder and
//! renderer) must take them without overflowing the stack.

// Each test file that includes this module uses part of it.
#![allow(dead_code)]

/// The links a chain may have, built on one another.
pub const MAX_CHAIN: usize = 400;

/// `(name, input)` pairs, as source text.
pub fn tallest() -> Vec<(&'static str, String)> {
    let n = MAX_CHAIN;
    let plus = |n: usize| format!("1{}", " + 1".repeat(n));
    let subqueries = |levels: usize, inner: String| {
        (0..levels).fold(inner, |inner, _| format!("(SELECT {inner} AS a)"))
    };
    vec![
        ("plus", format!("SELECT {} AS a", plus(n))),
        (
            "union all",
            format!("SELECT 1 AS a{}", " UNION ALL SELECT 1".repeat(n)),
        ),
        (
            "intersect",
            format!("SELECT 1 AS a{}", " INTERSECT SELECT 1".repeat(n)),
        ),
        (
            "and",
            format!("SELECT a FROM t WHERE a = 1{}", " AND a = 1".repeat(n)),
        ),
        (
            "or",
            format!("SELECT a FROM t WHERE a{}", " OR a".repeat(n)),
        ),
        (
            "concat",
            format!("SELECT a{} AS b FROM t", " || a".repeat(n)),
        ),
        (
            "sum of products",
            format!("SELECT 1 * 1{} AS a", " + 1 * 1".repeat(n - 1)),
        ),
        (
            // ((((c) + c) + c) + c): each `) + c` is as many links taller as c has operands.
            "chains in parentheses",
            format!("SELECT (((({0}) + {0}) + {0}) + {0}) AS a", plus(n / 4 - 1)),
        ),
        (
            "chain under subqueries",
            format!("SELECT {} AS a", subqueries(30, plus(n))),
        ),
        (
            "subqueries in a chain",
            format!(
                "SELECT {} AS a",
                (0..n - 2).fold("1".to_owned(), |chain, _| format!(
                    "{chain} + (SELECT 1 + 1 + 1 AS a)"
                ))
            ),
        ),
        (
            "union of chains",
            format!(
                "SELECT {0} AS a{1}",
                plus(n / 2),
                format!(" UNION ALL SELECT {} AS a", plus(n / 2)).repeat(n / 2 - 1)
            ),
        ),
        (
            "recursive members",
            format!(
                "WITH RECURSIVE c(x) AS (SELECT 1{}) SELECT x FROM c",
                " UNION ALL SELECT x + 1 FROM c WHERE x < 3".repeat(n / 2)
            ),
        ),
    ]
}

/// Inputs one link taller than the parser allows.
pub fn too_tall() -> Vec<(&'static str, String)> {
    let n = MAX_CHAIN + 1;
    vec![
        ("plus", format!("SELECT 1{} AS a", " + 1".repeat(n))),
        (
            "union all",
            format!("SELECT 1 AS a{}", " UNION ALL SELECT 1".repeat(n)),
        ),
        (
            "parenthesised chain as an operand",
            format!("SELECT (1{0}) + 1{0} AS a", " + 1".repeat(n / 2)),
        ),
        (
            "subquery as an operand",
            format!(
                "SELECT (SELECT 1{0} AS a) + 1{0} AS a",
                " + 1".repeat(n / 2)
            ),
        ),
    ]
}
