//! The implementation of the `cte-runtime` macros, on `proc_macro2` tokens.
//!
//! Each macro runs three phases: `parse` the tokens into the span-keeping `ast`, `check`
//! the CTE structure, and `expand` to the tree of `cte_runtime`, encoded as bytes. Working on
//! `proc_macro2` tokens lets tests, benchmarks and fuzzing run the phases without a compiler;
//! the `cte-macros` crate only forwards the compiler's tokens here. When the using crate
//! names its schema files in Cargo.toml, `schema` reads them first, and the checks use them.

mod ast;
mod check;
mod expand;
mod parse;
mod schema;
mod typing;

use std::path::Path;

use proc_macro2::TokenStream;

/// `cte! { [vis] [RECURSIVE] name (col, ...) AS (body) }`: a reusable CTE item, checked as
/// the CTE of a WITH is.
pub fn cte(input: TokenStream) -> TokenStream {
    let schema = schema::for_crate();
    let parsed = parse::item(input);
    let checked = check::item(parsed, schema::of(&schema));
    schema::beside(&schema, expand::item(checked))
}

/// The expansion of `select! { [WITH ...] SELECT ... }`: a `cte_runtime::Query` expression, or
/// compile errors and a placeholder of that type. In a crate with a schema, a statement that
/// returns rows gives a `cte_runtime::TypedQuery` of a struct it generates, one field per
/// output column.
pub fn select(input: TokenStream) -> TokenStream {
    select_with(input, &schema::for_crate())
}

fn select_with(input: TokenStream, schema: &schema::Outcome) -> TokenStream {
    let parsed = parse::select_recovering(input);
    let checked = check::statement_or_tree(parsed, schema::of(schema));
    let typed = schema::of(schema).is_some();
    expand::statement(checked, typed, schema::beside(schema, TokenStream::new()))
}

/// The expansion of `select_as!(Type, [WITH ...] SELECT ...)`: a `cte_runtime::TypedQuery`
/// whose rows read into `Type`, its fields checked against the output columns.
pub fn select_as(input: TokenStream) -> TokenStream {
    select_as_with(input, &schema::for_crate())
}

fn select_as_with(input: TokenStream, schema: &schema::Outcome) -> TokenStream {
    let parsed = parse::select_as(input);
    let checked = parsed.map(|(ty, p)| (ty, check::statement(p, schema::of(schema))));
    schema::around(
        schema,
        expand::select_as(checked, schema::of(schema).is_some()),
    )
}

/// [`select`] as it runs in the crate at `manifest_dir`, as if the compiler's
/// `CARGO_MANIFEST_DIR` named it: with the schema its Cargo.toml names, read once per process.
/// For benchmarks and tests of expansion with a schema.
#[doc(hidden)]
pub fn select_in_crate(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    select_with(input, &schema::cached(manifest_dir))
}

/// [`select_as`] as it runs in the crate at `manifest_dir`; see [`select_in_crate`].
#[doc(hidden)]
pub fn select_as_in_crate(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    select_as_with(input, &schema::cached(manifest_dir))
}

/// What each macro call of the crate at `manifest_dir` does before it parses: the schema its
/// Cargo.toml names, read once per process and afterwards only checked for changed files. The
/// number of tables and views, or the error the macros would report. For benchmarks of that
/// cost.
#[doc(hidden)]
pub fn schema_in_crate(manifest_dir: &Path) -> Result<usize, String> {
    match schema::cached(manifest_dir) {
        Ok(loaded) => Ok(loaded.map_or(0, |l| l.schema.relations.len())),
        Err(e) => Err(e.to_syn().to_string()),
    }
}

/// Reads `sql` as one schema file (lexing, then applying its statements), as a crate's first
/// macro call does: the number of tables and views it leaves, or the error. For benchmarks and
/// tests of the schema reader.
#[doc(hidden)]
pub fn read_schema_sql(sql: &str) -> Result<usize, String> {
    schema::read_sql(sql, "schema.sql")
        .map(|s| s.relations.len())
        .map_err(|e| e.to_syn().to_string())
}

/// The tree that `select! { input }` encodes for the runtime to decode, and how many parameters
/// it binds; `None` when the input does not compile. For the runtime's decoder tests.
#[doc(hidden)]
pub fn encoded_select(input: TokenStream) -> Option<(Vec<u8>, usize)> {
    let parsed = parse::select_recovering(input);
    expand::encoded_select(check::statement(parsed, None))
}

/// The tree that `cte! { input }` encodes; `None` when the input does not compile.
#[doc(hidden)]
pub fn encoded_cte(input: TokenStream) -> Option<Vec<u8>> {
    expand::encoded_cte(check::item(parse::item(input), None))
}
