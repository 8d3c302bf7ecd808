//! Expansion with a schema, and the schema's own cost: the 30-line recursive CTE expanded by
//! `select!` and `select_as!` in a crate whose Cargo.toml names a 50-table schema
//! (`support/schema.rs`), beside the same crate without the setting; and reading that schema
//! (lexing and applying the DDL), what a macro call pays the first time in a process, and what
//! every later call pays to see that no file changed.
//!
//! `cargo bench -p cte-benches --bench schema`; prints medians and the schema's size at the
//! end. The crates are folders of a Cargo.toml and the migrations, written under the system's
//! temporary directory and removed at the end; nothing is compiled.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::{BatchSize, Criterion};
use proc_macro2::TokenStream;
use quote::quote;

#[macro_use]
mod support {
    #[macro_use]
    pub mod queries;
    pub mod medians;
    pub mod schema;
}

use support::medians::{format_ns, median_ns, run};
use support::schema::{migrations, schema_sql};

/// The crates the expansions run in: with the schema, a second copy of it (so that a call
/// alternating between the two reads the schema every time), and without the setting.
struct Crates {
    root: PathBuf,
    schema: PathBuf,
    schema_copy: PathBuf,
    no_schema: PathBuf,
}

impl Crates {
    fn write() -> Crates {
        let root = std::env::temp_dir().join(format!("cte-schema-bench-{}", std::process::id()));
        let crates = Crates {
            schema: root.join("app"),
            schema_copy: root.join("app-copy"),
            no_schema: root.join("app-no-schema"),
            root,
        };
        for (dir, setting) in [
            (&crates.schema, true),
            (&crates.schema_copy, true),
            (&crates.no_schema, false),
        ] {
            let migrations_dir = dir.join("migrations");
            std::fs::create_dir_all(&migrations_dir).expect("a temporary folder");
            let mut manifest = String::from(
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n",
            );
            if setting {
                manifest.push_str("\n[package.metadata.cte]\nschema = \"migrations\"\n");
            }
            std::fs::write(dir.join("Cargo.toml"), manifest).expect("Cargo.toml written");
            for (name, sql) in migrations() {
                std::fs::write(migrations_dir.join(name), sql).expect("a migration written");
            }
        }
        crates
    }
}

impl Drop for Crates {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn org_chart() -> TokenStream {
    org_chart_30_lines!(quote, max_depth, pattern)
}

fn org_chart_as() -> TokenStream {
    let query = org_chart();
    quote!(OrgChartRow, #query)
}

type Expand = fn(TokenStream, &Path) -> TokenStream;

/// The expansion functions: name, macro, input, and whether the crate has the schema.
fn cases() -> [(&'static str, Expand, TokenStream, bool); 3] {
    [
        (
            "select_no_schema",
            cte_macros_core::select_in_crate,
            org_chart(),
            false,
        ),
        (
            "select",
            cte_macros_core::select_in_crate,
            org_chart(),
            true,
        ),
        (
            "select_as",
            cte_macros_core::select_as_in_crate,
            org_chart_as(),
            true,
        ),
    ]
}

/// Fails the run unless the schema is read and used: its tables all there, the queries clean,
/// and a misspelled column an error only with the schema.
fn check_setup(crates: &Crates) {
    let relations = cte_macros_core::read_schema_sql(&schema_sql());
    assert_eq!(relations, Ok(51), "50 tables and a view");
    assert_eq!(cte_macros_core::schema_in_crate(&crates.schema), Ok(51));
    assert_eq!(cte_macros_core::schema_in_crate(&crates.no_schema), Ok(0));
    for (name, expand, tokens, with_schema) in cases() {
        let dir = if with_schema {
            &crates.schema
        } else {
            &crates.no_schema
        };
        let expanded = expand(tokens, dir).to_string();
        assert!(
            !expanded.contains("compile_error"),
            "{name} expands without errors: {expanded}"
        );
    }
    let misspelled = quote!(SELECT e.nme FROM employee e);
    let with = cte_macros_core::select_in_crate(misspelled.clone(), &crates.schema).to_string();
    assert!(with.contains("did you mean"), "the schema is used: {with}");
    let without = cte_macros_core::select_in_crate(misspelled, &crates.no_schema).to_string();
    assert!(!without.contains("compile_error"), "{without}");
}

fn bench(c: &mut Criterion) {
    let crates = Crates::write();
    check_setup(&crates);

    let mut group = c.benchmark_group("schema_expansion");
    for (name, expand, tokens, with_schema) in cases() {
        let dir = if with_schema {
            &crates.schema
        } else {
            &crates.no_schema
        };
        group.bench_function(name, |b| {
            b.iter_batched(
                || tokens.clone(),
                |tokens| black_box(expand(tokens, dir)),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();

    let mut group = c.benchmark_group("schema_read");
    let sql = schema_sql();
    group.bench_function("lex_and_apply", |b| {
        b.iter(|| cte_macros_core::read_schema_sql(black_box(&sql)))
    });
    // Each call names the other crate, whose schema the cache does not hold.
    let dirs = [&crates.schema, &crates.schema_copy];
    let mut turn = 0;
    group.bench_function("first_call", |b| {
        b.iter(|| {
            turn += 1;
            cte_macros_core::schema_in_crate(dirs[turn % 2])
        })
    });
    group.bench_function("cache_hit", |b| {
        b.iter(|| cte_macros_core::schema_in_crate(&crates.schema))
    });
    group.finish();
}

fn summary(since: SystemTime) {
    let median = |group: &str, name: &str| {
        median_ns(group, name, since).map_or_else(|| "-".into(), format_ns)
    };
    let files = migrations();
    let sql = schema_sql();
    println!(
        "\nSchema: 50 tables and a view, {} files, {} lines, {} bytes.",
        files.len(),
        sql.lines().count(),
        sql.len()
    );
    println!("\n| expansion of the 30-line query | median |");
    println!("|---|---:|");
    for (name, ..) in cases() {
        println!("| {name} | {} |", median("schema_expansion", name));
    }
    println!("\n| schema | median |");
    println!("|---|---:|");
    for name in ["lex_and_apply", "first_call", "cache_hit"] {
        println!("| {name} | {} |", median("schema_read", name));
    }
}

fn main() {
    run(Duration::from_secs(3), bench, summary);
}
