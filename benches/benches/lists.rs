//! Rendering `x IN {list}` at 10, 1,000 and 100,000 values: building the query (the list's
//! values converted), rendering it (a cached text after the first) and taking the parameters
//! in placeholder order, per dialect; and the number of distinct SQL texts one call site
//! renders over every length up to each size.
//!
//! `cargo bench -p cte-benches --bench lists`; prints the table for BENCHMARKS.md at the end.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::Criterion;
use cte_runtime::{select, Dialect, Query};

mod support {
    pub mod medians;
}

use support::medians::{format_ns, median_ns, run};

const SIZES: [usize; 3] = [10, 1_000, 100_000];

const DIALECTS: [(Dialect, &str); 4] = [
    (Dialect::Postgres, "postgres"),
    (Dialect::MySql, "mysql"),
    (Dialect::Sqlite, "sqlite"),
    (Dialect::MsSql, "mssql"),
];

/// One call site for every length.
fn by_ids(ids: &[i64], kind: &str) -> Query {
    select! {
        WITH RECURSIVE below(id) AS (
            SELECT id FROM item WHERE id IN {ids}
            UNION ALL
            SELECT i.id FROM item i JOIN below b ON i.parent_id = b.id
        )
        SELECT id, name FROM item WHERE id IN (SELECT id FROM below) AND kind = {kind}
    }
}

fn ids(n: usize) -> Vec<i64> {
    (0..n as i64).map(|i| i * 7).collect()
}

fn bench(c: &mut Criterion) {
    for n in SIZES {
        let values = ids(n);
        let mut group = c.benchmark_group(format!("list_{n}"));
        for (dialect, name) in DIALECTS {
            // Past the engine's cap on parameters the list does not render: nothing to time.
            if by_ids(&values, "tool").render(dialect).is_err() {
                continue;
            }
            group.bench_function(name, |b| {
                b.iter(|| {
                    let q = by_ids(black_box(&values), "tool");
                    let r = q.render(black_box(dialect)).expect("renders");
                    (r.sql().len(), r.into_params().len())
                })
            });
        }
        group.finish();
    }
}

/// How many distinct SQL texts the call site renders for every length from 0 to `n`, and the
/// longest length that rendered: the lengths stop at the first that passes the dialect's cap.
fn distinct_texts(dialect: Dialect, n: usize) -> (usize, usize) {
    let values = ids(n);
    let mut texts = BTreeSet::new();
    // Every length up to 2,048, then only those around each power of two, where the texts
    // change: rendering each of 100,000 lengths would time the bench, not the library.
    let lengths = (0..=n.min(2048)).chain(
        (11..=17)
            .flat_map(|k| [(1 << k) - 1, 1 << k, (1 << k) + 1])
            .filter(|&len| len > 2048 && len <= n),
    );
    let mut longest = 0;
    for len in lengths.chain([n]) {
        let q = by_ids(&values[..len], "tool");
        let Ok(rendered) = q.render(dialect) else {
            break;
        };
        texts.insert(rendered.sql().to_owned());
        longest = len;
    }
    (texts.len(), longest)
}

fn summary(since: SystemTime) {
    println!("\nMedians: build the query, render it, take its parameters");
    println!("| values | {} |", DIALECTS.map(|(_, n)| n).join(" | "));
    println!("|---:|{}", "---:|".repeat(DIALECTS.len()));
    for n in SIZES {
        let cells: Vec<String> = DIALECTS
            .iter()
            .map(|(_, name)| {
                median_ns(&format!("list_{n}"), name, since)
                    .map_or_else(|| "RenderError".to_owned(), format_ns)
            })
            .collect();
        println!("| {n} | {} |", cells.join(" | "));
    }
    println!(
        "\nDistinct SQL texts of one call site, over every length from 0 to n (or to the \
         longest the engine's cap on parameters lets render)"
    );
    println!("| n | {} |", DIALECTS.map(|(_, n)| n).join(" | "));
    println!("|---:|{}", "---:|".repeat(DIALECTS.len()));
    for n in SIZES {
        let cells: Vec<String> = DIALECTS
            .iter()
            .map(|&(dialect, _)| match distinct_texts(dialect, n) {
                (texts, longest) if longest == n => texts.to_string(),
                (texts, longest) => format!("{texts} (to {longest})"),
            })
            .collect();
        println!("| {n} | {} |", cells.join(" | "));
    }
}

fn main() {
    run(Duration::from_secs(2), bench, summary);
}
