//! The macros of `cte-runtime`. Use them through that crate: their documentation is there,
//! on `cte_runtime::select!`, `cte_runtime::select_as!` and `cte_runtime::cte!`.
//!
//! The work happens in `cte-macros-core`, on `proc_macro2` tokens; this crate hands it the
//! compiler's tokens.

use proc_macro::TokenStream;

#[proc_macro]
pub fn select(input: TokenStream) -> TokenStream {
    cte_macros_core::select(input.into()).into()
}

#[proc_macro]
pub fn cte(input: TokenStream) -> TokenStream {
    cte_macros_core::cte(input.into()).into()
}

#[proc_macro]
pub fn select_as(input: TokenStream) -> TokenStream {
    cte_macros_core::select_as(input.into()).into()
}
