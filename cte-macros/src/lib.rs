//! The macros of `cte-runtime`. Use them through that crate.
use proc_macro::TokenStream;

#[proc_macro]
pub fn select(input: TokenStream) -> TokenStream {
    let _ = input;
    quote::quote!(compile_error!("select! is not written yet")).into()
}
