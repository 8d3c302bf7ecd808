//! The macro never panics: random token streams from the DSL's vocabulary, and the queries of
//! the test suites mutated, go through `cte_macros_core::select` and `cte_macros_core::cte` (parse, check, expand),
//! and through `select!` and `select_as!` with a schema (the table and column checks, the typing).
//!
//! A short run is part of `cargo test`. A long run is timed:
//! `CTE_FUZZ_SECS=600 cargo test --release -p cte-macros-core --test no_panic -- --nocapture`
//! runs until the time is up and prints how many inputs it tried.

use std::cell::Cell;
use std::str::FromStr;
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

mod queries;

/// Inputs per run of the proptest runner.
const CASES: u32 = 256;

/// rustc runs a macro on a thread with this much stack.
const RUSTC_STACK: usize = 8 << 20;

const WORDS: &[&str] = &[
    "SELECT",
    "WITH",
    "RECURSIVE",
    "AS",
    "FROM",
    "WHERE",
    "GROUP",
    "BY",
    "HAVING",
    "ORDER",
    "LIMIT",
    "OFFSET",
    "UNION",
    "ALL",
    "INTERSECT",
    "EXCEPT",
    "DISTINCT",
    "JOIN",
    "LEFT",
    "RIGHT",
    "FULL",
    "INNER",
    "OUTER",
    "CROSS",
    "NATURAL",
    "LATERAL",
    "ON",
    "USING",
    "NOT",
    "AND",
    "OR",
    "IS",
    "NULL",
    "IN",
    "BETWEEN",
    "LIKE",
    "EXISTS",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "CAST",
    "OVER",
    "PARTITION",
    "ROWS",
    "RANGE",
    "GROUPS",
    "PRECEDING",
    "FOLLOWING",
    "UNBOUNDED",
    "CURRENT",
    "ROW",
    "SEARCH",
    "DEPTH",
    "BREADTH",
    "FIRST",
    "LAST",
    "NULLS",
    "SET",
    "CYCLE",
    "TO",
    "DEFAULT",
    "INSERT",
    "INTO",
    "VALUES",
    "UPDATE",
    "DELETE",
    "RETURNING",
    "MATERIALIZED",
    "ASC",
    "DESC",
    "TRUE",
    "FALSE",
    "INT",
    "TEXT",
    "VARCHAR",
    "DECIMAL",
    "DOUBLE",
    "PRECISION",
    "count",
    "sum",
    "max",
    "min",
    "row_number",
    "t",
    "a",
    "b",
    "id",
    "n",
    "tree",
    "depth",
    "path",
    "parent",
    "x",
    "y",
    "select",
    "With",
];
const RAW_WORDS: &[&str] = &["order", "select", "from", "Tree", "t"];
const PUNCTS: &[char] = &[
    ',', '.', '*', '+', '-', '/', '%', '=', '<', '>', '!', '|', ';', ':', '#', '&', '@', '?', '~',
    '^', '$', '\'',
];
const LITERALS: &[&str] = &[
    "1", "0", "42", "1.5", "2e10", "\"s\"", "\"it's\"", "'c'", "1u8", "2.5f32", "b\"x\"", "0x1F",
    "\"\"", "c\"x\"", "'\\n'", "r\"raw\"", "1_000",
];

fn leaf() -> impl Strategy<Value = TokenTree> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(|w| TokenTree::Ident(Ident::new(w, Span::call_site()))),
        1 => prop::sample::select(RAW_WORDS).prop_map(|w| TokenTree::Ident(Ident::new_raw(w, Span::call_site()))),
        3 => (prop::sample::select(PUNCTS), any::<bool>()).prop_map(|(c, joint)| {
            let spacing = if joint { Spacing::Joint } else { Spacing::Alone };
            TokenTree::Punct(Punct::new(c, spacing))
        }),
        2 => prop::sample::select(LITERALS).prop_map(|l| {
            TokenTree::Literal(Literal::from_str(l).unwrap_or_else(|_| Literal::i32_unsuffixed(1)))
        }),
    ]
}

fn delimiter() -> impl Strategy<Value = Delimiter> {
    prop_oneof![
        6 => Just(Delimiter::Parenthesis),
        2 => Just(Delimiter::Brace),
        1 => Just(Delimiter::Bracket),
        1 => Just(Delimiter::None),
    ]
}

/// Token trees of the DSL's vocabulary, groups nested up to a few levels.
fn token_tree() -> impl Strategy<Value = TokenTree> {
    leaf().prop_recursive(6, 96, 12, |inner| {
        (delimiter(), prop::collection::vec(inner, 0..12)).prop_map(|(delimiter, trees)| {
            TokenTree::Group(Group::new(delimiter, trees.into_iter().collect()))
        })
    })
}

fn random_stream() -> impl Strategy<Value = TokenStream> {
    prop::collection::vec(token_tree(), 0..40).prop_map(|trees| trees.into_iter().collect())
}

/// One change to a token stream, at the `target`-th group (0 is the top level) and the
/// `index`-th token there (both wrapped to what exists).
#[derive(Clone, Debug)]
enum Edit {
    Delete,
    Duplicate,
    Swap,
    Replace(TokenTree),
    Insert(TokenTree),
    /// Replaces a group by its contents.
    Unwrap,
    /// Puts the tokens from `index` to the end of the level into parentheses.
    Wrap,
    /// Drops everything from `index` on.
    Cut,
}

fn edit() -> impl Strategy<Value = (usize, usize, Edit)> {
    let edit = prop_oneof![
        3 => Just(Edit::Delete),
        1 => Just(Edit::Duplicate),
        2 => Just(Edit::Swap),
        3 => leaf().prop_map(Edit::Replace),
        3 => token_tree().prop_map(Edit::Insert),
        1 => Just(Edit::Unwrap),
        1 => Just(Edit::Wrap),
        1 => Just(Edit::Cut),
    ];
    (any::<usize>(), any::<usize>(), edit)
}

/// Applies `edit` at the `target`-th group of `tokens`; returns how many groups it passed.
fn apply(tokens: &mut Vec<TokenTree>, target: usize, index: usize, edit: &Edit) -> usize {
    if target == 0 {
        let len = tokens.len();
        let i = if len == 0 { 0 } else { index % len };
        match edit {
            Edit::Insert(tree) => tokens.insert(i.min(len), tree.clone()),
            _ if len == 0 => {}
            Edit::Delete => {
                tokens.remove(i);
            }
            Edit::Duplicate => tokens.insert(i, tokens[i].clone()),
            Edit::Swap => tokens.swap(i, (i + 1) % len),
            Edit::Replace(tree) => tokens[i] = tree.clone(),
            Edit::Unwrap => {
                if let TokenTree::Group(g) = tokens[i].clone() {
                    tokens.splice(i..=i, g.stream());
                }
            }
            Edit::Wrap => {
                let tail: TokenStream = tokens.drain(i..).collect();
                tokens.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, tail)));
            }
            Edit::Cut => tokens.truncate(i),
        }
        return usize::MAX;
    }
    let mut passed = 1;
    for tree in tokens.iter_mut() {
        if let TokenTree::Group(g) = tree {
            let mut inner: Vec<TokenTree> = g.stream().into_iter().collect();
            let n = apply(&mut inner, target - passed, index, edit);
            if n == usize::MAX {
                let mut group = Group::new(g.delimiter(), inner.into_iter().collect());
                group.set_span(g.span());
                *tree = TokenTree::Group(group);
                return usize::MAX;
            }
            passed += n;
        }
    }
    passed
}

fn groups(stream: &TokenStream) -> usize {
    stream
        .clone()
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => 1 + groups(&g.stream()),
            _ => 0,
        })
        .sum()
}

fn mutate(seed: &TokenStream, edits: &[(usize, usize, Edit)]) -> TokenStream {
    let mut tokens: Vec<TokenTree> = seed.clone().into_iter().collect();
    for (target, index, edit) in edits {
        let stream: TokenStream = tokens.iter().cloned().collect();
        let target = target % (groups(&stream) + 1);
        apply(&mut tokens, target, *index, edit);
    }
    tokens.into_iter().collect()
}

/// A crate folder whose Cargo.toml names a schema of the vocabulary's tables, made once.
fn schema_crate() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cte-fuzz-schema-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package.metadata.cte]\nschema = \"schema.sql\"\n",
        )
        .expect("Cargo.toml");
        std::fs::write(
            dir.join("schema.sql"),
            "CREATE TABLE t (id INT PRIMARY KEY, a TEXT NOT NULL, b NUMERIC(10, 2), x INT, y INT);
             CREATE TABLE tree (id INT NOT NULL, parent INT, depth INT, path TEXT, n BIGINT);
             CREATE TABLE \"Tree\" (id INT);
             CREATE VIEW v (id, n) AS SELECT id, COUNT(*) FROM tree GROUP BY id;",
        )
        .expect("schema.sql");
        dir
    })
}

/// `Row ,`: the row type that `select_as!` takes before the statement.
fn quote_row() -> TokenStream {
    TokenStream::from_str("Row,").expect("tokens")
}

/// Runs proptest with the strategy `make` builds until the budget is spent, on a thread with
/// rustc's stack; returns how many inputs were tried. A panic fails the test with the (shrunk)
/// input.
fn fuzz<S, F>(make: F, budget: Budget) -> u64
where
    S: Strategy<Value = TokenStream>,
    F: FnOnce() -> S + Send + 'static,
{
    let thread = std::thread::Builder::new()
        .stack_size(RUSTC_STACK)
        .spawn(move || {
            let strategy = make();
            let tried = Cell::new(0u64);
            loop {
                let mut runner = TestRunner::new(Config {
                    cases: CASES,
                    failure_persistence: None,
                    ..Config::default()
                });
                let result = runner.run(&strategy, |input| {
                    tried.set(tried.get() + 1);
                    let _ = cte_macros_core::select(input.clone());
                    let _ = cte_macros_core::cte(input.clone());
                    // With a schema: the table and column checks, the typing, `select_as!`.
                    let crate_dir = schema_crate();
                    let _ = cte_macros_core::select_in_crate(input.clone(), crate_dir);
                    let row: TokenStream = quote_row().into_iter().chain(input).collect();
                    let _ = cte_macros_core::select_as_in_crate(row, crate_dir);
                    Ok(())
                });
                if let Err(failure) = result {
                    panic!("the macro panicked: {failure}");
                }
                if budget.done(tried.get()) {
                    return tried.get();
                }
            }
        });
    match thread.map(|t| t.join()) {
        Ok(Ok(tried)) => tried,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(e) => panic!("cannot start the fuzz thread: {e}"),
    }
}

#[derive(Clone, Copy)]
enum Budget {
    Cases(u64),
    Until(Instant),
}

impl Budget {
    /// `CTE_FUZZ_SECS` seconds for each strategy when set, else `cases` inputs.
    fn from_env(cases: u64) -> Self {
        match std::env::var("CTE_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
        {
            Some(secs) => Budget::Until(Instant::now() + Duration::from_secs(secs)),
            None => Budget::Cases(cases),
        }
    }

    fn done(self, tried: u64) -> bool {
        match self {
            Budget::Cases(cases) => tried >= cases,
            Budget::Until(deadline) => Instant::now() >= deadline,
        }
    }
}

#[test]
fn random_token_streams_never_panic() {
    let started = Instant::now();
    let tried = fuzz(random_stream, Budget::from_env(u64::from(CASES)));
    println!(
        "fuzz: {tried} random token streams in {:.0?}, no panic",
        started.elapsed()
    );
}

#[test]
fn mutated_test_queries_never_panic() {
    // Token streams are not `Send`: the seeds cross to the fuzz thread as text.
    let seeds: Vec<String> = queries::in_dirs(&[
        "tests/tests",
        "cte-runtime/examples",
        "drivers/examples",
        "ui-tests/tests/ui",
    ])
    .iter()
    .map(|(_, input)| input.to_string())
    .collect();
    assert!(
        seeds.len() > 100,
        "found only {} select! inputs",
        seeds.len()
    );
    let count = seeds.len();
    let strategy = move || {
        let seeds: Vec<TokenStream> = seeds
            .iter()
            .filter_map(|s| TokenStream::from_str(s).ok())
            .collect();
        (0..seeds.len(), prop::collection::vec(edit(), 1..6))
            .prop_map(move |(i, edits)| mutate(&seeds[i], &edits))
    };
    let started = Instant::now();
    let tried = fuzz(strategy, Budget::from_env(u64::from(CASES)));
    println!(
        "fuzz: {tried} mutations of {count} test queries in {:.0?}, no panic",
        started.elapsed()
    );
}
