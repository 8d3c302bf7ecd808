//! Expansion time: `cte_macros_core::select` (parse, check, expand) on `proc_macro2` tokens,
//! outside the compiler, for the render bench's queries and a 30-line recursive CTE.
//!
//! `cargo bench -p cte-benches --bench expansion`; prints medians and expansion sizes at the end.

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{BatchSize, Criterion};
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

#[macro_use]
mod support {
    #[macro_use]
    pub mod queries;
    pub mod medians;
}

use support::medians::{format_ns, median_ns, run};

fn cases() -> [(&'static str, TokenStream); 3] {
    [
        ("hierarchy", hierarchy!(quote, max_depth)),
        ("regional_sales", regional_sales!(quote)),
        (
            "org_chart_30_lines",
            org_chart_30_lines!(quote, max_depth, pattern),
        ),
    ]
}

/// Token trees at every depth: what the compiler turns back into its own tokens and
/// type-checks.
fn count_tokens(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => 1 + count_tokens(g.stream()),
            _ => 1,
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("expansion");
    for (name, tokens) in cases() {
        let expanded = cte_macros_core::select(tokens.clone()).to_string();
        assert!(
            !expanded.contains("compile_error"),
            "{name} expands without errors: {expanded}"
        );
        group.bench_function(name, |b| {
            b.iter_batched(
                || tokens.clone(),
                |tokens| black_box(cte_macros_core::select(tokens)),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn summary(since: SystemTime) {
    println!("\n| query | input tokens | expansion tokens | expansion bytes | median |");
    println!("|---|---:|---:|---:|---:|");
    for (name, tokens) in cases() {
        let input = count_tokens(tokens.clone());
        let expanded = cte_macros_core::select(tokens);
        let bytes = expanded.to_string().len();
        let median = median_ns("expansion", name, since).map_or_else(|| "-".into(), format_ns);
        println!(
            "| {name} | {input} | {} | {bytes} | {median} |",
            count_tokens(expanded)
        );
    }
}

fn main() {
    run(Duration::from_secs(3), bench, summary);
}
