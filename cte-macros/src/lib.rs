//! The macros of `cte-runtime`. Use them through that crate.
//!
//! Each macro runs three phases: [`parse`] the tokens into the span-keeping [`ast`], [`check`]
//! the CTE structure, and [`expand`] to a static tree of `cte_runtime`.

// The spans on the tree nodes are there for the checks, which read them as they grow.
#[allow(dead_code)]
mod ast;
mod check;
mod expand;
mod parse;

use proc_macro::TokenStream;

/// `select! { [WITH ...] SELECT ... }`: see `cte_runtime::select!`.
#[proc_macro]
pub fn select(input: TokenStream) -> TokenStream {
    let stmt = parse::select(input.into());
    let checked = stmt.and_then(check::statement);
    expand::statement(checked).into()
}
