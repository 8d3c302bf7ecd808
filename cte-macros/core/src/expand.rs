//! Expansion: the checked tree encoded as one byte string, a per-call-site `Site` that decodes
//! it on first use, and the parameter values.
//!
//! A tree of struct literals costs rustc a type check and a constant evaluation per node; a byte
//! string literal costs it one token, whatever the size of the query. So the expansion holds
//! only what rustc must see: the bytes (see `encode`), the parameter values and their kinds,
//! each wrapped in its own span so a type error lands on the user's `{expr}`, and for a spliced
//! `cte!` item its path and the columns read from it.

mod encode;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast::{self, Statement};
use encode::Lower;

/// The expansion of `select!`: the query, or the errors and a placeholder query.
pub(crate) fn statement(result: syn::Result<Statement>) -> TokenStream {
    match result {
        Ok(stmt) => query(&stmt),
        Err(error) => fallback(&error),
    }
}

fn query(stmt: &Statement) -> TokenStream {
    let (bytes, lower) = encode(stmt);
    let mut params = lower.params;
    params.sort_by_key(|(index, _)| *index);
    // Each parameter is evaluated once, in source order, into its value and its kind.
    let values: Vec<_> = (0..params.len())
        .map(|i| format_ident!("__cte_v{}", i, span = Span::mixed_site()))
        .collect();
    let kinds: Vec<_> = (0..params.len())
        .map(|i| format_ident!("__cte_k{}", i, span = Span::mixed_site()))
        .collect();
    let params = params.iter().map(|(_, param)| param);
    let construct = if lower.splices.is_empty() {
        quote! {
            ::cte_runtime::__private::typed_query(
                &__CTE_SITE,
                ::std::vec![#(#values),*],
                &[#(#kinds),*],
            )
        }
    } else {
        let ctes = lower.splices.iter().map(|s| {
            let path = &s.path;
            quote_spanned!(syn::spanned::Spanned::span(path)=> ::cte_runtime::__private::splice(&#path))
        });
        let columns = lower.splices.iter().flat_map(|s| {
            let path = &s.path;
            let used = s.used.borrow().clone();
            used.into_iter().map(move |column| {
                let column = column_item(&column);
                quote!(let _: () = #path::__columns::#column;)
            })
        });
        quote! {
            // Each column read from a `cte!` item names an item of its column module, spanned
            // on the column, so rustc reports a column the CTE lacks on the user's token.
            #(#columns)*
            ::cte_runtime::__private::spliced_query(
                &__CTE_SITE,
                ::std::vec![#(#values),*],
                &[#(#kinds),*],
                ::std::boxed::Box::new([#(#ctes),*]),
            )
        }
    };
    let bytes = Literal::byte_string(&bytes);
    // Only the parameters' kind probes call the traits; without parameters the import is
    // tokens for rustc to resolve for nothing.
    let probes = (!values.is_empty()).then(|| {
        quote! {
            #[allow(unused_imports)]
            use ::cte_runtime::__private::{KindOfAny as _, KindOfKnown as _};
        }
    });
    quote! {{
        static __CTE_SITE: ::cte_runtime::__private::Site =
            ::cte_runtime::__private::Site::encoded(#bytes);
        #probes
        // The references of the probe are what picks its impl.
        #(#[allow(clippy::needless_borrow)] let (#values, #kinds) = #params;)*
        #construct
    }}
}

/// The bytes of a checked statement, and what lowering it collected beside them.
fn encode(stmt: &Statement) -> (Vec<u8>, Lower) {
    let levels = stmt
        .leading_with()
        .and_then(|w| w.max_recursion.as_ref())
        .map_or(0, |m| m.levels);
    Lower::default().select(stmt, levels)
}

/// The encoded tree of `select! { input }`, or `None` when the input does not compile, with
/// the number of parameters the query binds. For tests of the runtime's decoder.
pub(crate) fn encoded_select(result: syn::Result<Statement>) -> Option<(Vec<u8>, usize)> {
    let stmt = result.ok()?;
    let (bytes, lower) = encode(&stmt);
    Some((bytes, lower.params.len()))
}

/// The encoded tree of `cte! { input }`, or `None` when the input does not compile.
pub(crate) fn encoded_cte(result: syn::Result<crate::parse::Item>) -> Option<Vec<u8>> {
    let item = result.ok()?;
    let body = item.cte.written()?;
    Some(Lower::default().cte_item(&item.cte, body).0)
}

/// The name of a column's item in the column module of a `cte!` item: the column as SQL
/// compares it, spanned where it is written, so that a column the item lacks is reported there.
pub(crate) fn column_item(column: &ast::Ident) -> Ident {
    let key = column.key();
    match &*key {
        // Names that cannot be raw identifiers.
        "self" | "Self" | "super" | "crate" | "_" => {
            format_ident!("__cte_{}", &*key, span = column.span)
        }
        _ => Ident::new_raw(&key, column.span),
    }
}

/// The expansion of `cte!`: a static `Cte` under the CTE's name, and beside it a hidden module
/// of the same name with one item per column.
pub(crate) fn item(result: syn::Result<crate::parse::Item>) -> TokenStream {
    let item = match result {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    // The checks refused an item that is not written here.
    let Some(body) = item.cte.written() else {
        return syn::Error::new(item.cte.name.span, "expected a CTE").to_compile_error();
    };
    let (bytes, _) = Lower::default().cte_item(&item.cte, body);
    let attrs = &item.attrs;
    let vis = &item.vis;
    let name = Ident::new(&item.cte.name.value, item.cte.name.span);
    let name = if item.cte.name.raw {
        Ident::new_raw(&item.cte.name.value, item.cte.name.span)
    } else {
        name
    };
    let recursive = item.recursive;
    let columns = item.cte.columns.iter().map(column_item);
    let sql_name = &item.cte.name.value;
    let bytes = Literal::byte_string(&bytes);
    quote! {
        #(#attrs)*
        #[allow(non_upper_case_globals)]
        #vis static #name: ::cte_runtime::Cte =
            ::cte_runtime::Cte::encoded(#sql_name, #recursive, #bytes);
        #[doc(hidden)]
        #vis mod #name {
            /// The columns of the CTE, for the checks of the queries that splice it.
            #[allow(non_upper_case_globals, dead_code)]
            pub mod __columns {
                #(pub const #columns: () = ();)*
            }
        }
    }
}

/// The errors, followed by a query of the right type so that no second error follows.
fn fallback(error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    quote!({ #errors ::cte_runtime::__private::fallback() })
}
