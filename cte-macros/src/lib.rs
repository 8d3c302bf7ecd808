//! The macros of `cte-runtime`. Use them through that crate.
//!
//! The work happens in `cte-macros-core`, on `proc_macro2` tokens; this crate hands it the
//! compiler's tokens.

use proc_macro::TokenStream;

/// `select! { [WITH ...] SELECT ... }`: see `cte_runtime::select!`.
#[proc_macro]
pub fn select(input: TokenStream) -> TokenStream {
    cte_macros_core::select(input.into()).into()
}

/// `cte! { [vis] [RECURSIVE] name (col, ...) AS (body) }`: see `cte_runtime::cte!`.
#[proc_macro]
pub fn cte(input: TokenStream) -> TokenStream {
    cte_macros_core::cte(input.into()).into()
}
