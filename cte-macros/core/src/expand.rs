//! Expansion: the checked tree encoded as one byte string, a per-call-site `Site` that decodes
//! it on first use, and the parameter values.
//!
//! A tree of struct literals costs rustc a type check and a constant evaluation per node; a byte
//! string literal costs it one token, whatever the size of the query. So the expansion holds
//! only what rustc must see: the bytes (see `encode`), the parameter values and their kinds,
//! each wrapped in its own span so a type error lands on the user's `{expr}`, and for a spliced
//! `cte!` item its path and the columns read from it.

mod encode;
mod generated;
mod rows;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast;
use crate::check::{Checked, Failed};
use encode::Lower;
pub(crate) use rows::{output_columns, select_as, Reader};

/// The expansion of `select!`: the query, or the errors and a placeholder query, with
/// `before` (the schema's tracking or its error) in front. With a schema (`typed`), a
/// statement that returns rows reads them into a struct of its output columns (see
/// `generated`).
pub(crate) fn statement(
    result: Result<Checked, Failed>,
    typed: bool,
    before: TokenStream,
) -> TokenStream {
    let expansion = match result {
        Ok(checked) if typed && generated::returns_rows(&checked.stmt) => {
            return generated::rows(&checked, before)
        }
        Ok(checked) => query(&checked),
        Err(Failed {
            error,
            tree: Some(tree),
        }) if typed && generated::returns_rows(&tree.stmt) => {
            return generated::placeholder(&tree, &error, before)
        }
        Err(Failed { error, .. }) => fallback(&error),
    };
    if before.is_empty() {
        expansion
    } else {
        quote!({ #before #expansion })
    }
}

fn query(checked: &Checked) -> TokenStream {
    let (bytes, lower) = encode(checked);
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
        // The user's path is written once, as a value: a path that does not resolve is one
        // "cannot find value" error with rustc's suggestion of what to import, and the column
        // checks, which go through that value, stay quiet.
        let items: Vec<_> = lower
            .splices
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let span = syn::spanned::Spanned::span(&s.path);
                // On the path itself, so a type error on the value is reported there as the
                // user's own code.
                format_ident!("__cte_item{}", i, span = span)
            })
            .collect();
        let bindings = lower.splices.iter().zip(&items).map(|(s, item)| {
            let path = &s.path;
            quote_spanned!(item.span()=> let #item = &#path;)
        });
        let ctes = items
            .iter()
            .map(|item| quote_spanned!(item.span()=> ::cte_runtime::__private::splice(#item)));
        let columns = lower.splices.iter().zip(&items).flat_map(|(s, item)| {
            let used = s.used.borrow().clone();
            used.into_iter().map(move |column| {
                let column = column_item(&column);
                quote!(let _: () = #item.columns.#column;)
            })
        });
        quote! {
            #(#bindings)*
            // Each column read from a `cte!` item names a field of its columns, spanned on the
            // column, so rustc reports a column the CTE lacks on the user's token.
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

/// The bytes of a checked statement, and what lowering it collected beside them. A parameter
/// the schema types is bound through a check of its Rust type (see `encode`).
fn encode(checked: &Checked) -> (Vec<u8>, Lower) {
    let stmt = &checked.stmt;
    let levels = stmt
        .leading_with()
        .and_then(|w| w.max_recursion.as_ref())
        .map_or(0, |m| m.levels);
    let lock = match stmt {
        ast::Statement::Query(q) => q.lock.as_ref().map(|l| (l.strength, l.wait)),
        ast::Statement::Insert(_) | ast::Statement::Update(_) | ast::Statement::Delete(_) => None,
    };
    let mut lower = Lower::default();
    lower.conflict_keys.clone_from(&checked.types.conflict_keys);
    for (&index, &ty) in &checked.types.params {
        if let Some(marker) = rows::sql_marker(ty) {
            lower.param_types.insert(index, marker);
        }
    }
    lower.select(stmt, levels, cte_shared::format::lock_tag(lock))
}

/// The encoded tree of `select! { input }`, or `None` when the input does not compile, with
/// the number of parameters the query binds. For tests of the runtime's decoder.
pub(crate) fn encoded_select(result: syn::Result<Checked>) -> Option<(Vec<u8>, usize)> {
    let (bytes, lower) = encode(&result.ok()?);
    Some((bytes, lower.params.len()))
}

/// The encoded tree of `cte! { input }`, or `None` when the input does not compile.
pub(crate) fn encoded_cte(result: syn::Result<crate::parse::Item>) -> Option<Vec<u8>> {
    let item = result.ok()?;
    let body = item.cte.written()?;
    Some(Lower::default().cte_item(&item.cte, body).0)
}

/// The name of a column's field in the columns of a `cte!` item: the column as SQL compares
/// it, spanned where it is written, so that a column the item lacks is reported there.
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

/// The expansion of `cte!`: a static under the CTE's name that dereferences to its `Cte`, and
/// beside it a hidden module of the same name with the static's type and one field per column.
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
    let fields = columns.clone();
    quote! {
        #(#attrs)*
        #[allow(non_upper_case_globals)]
        #vis static #name: #name::__Item = #name::__Item {
            cte: ::cte_runtime::Cte::encoded(#sql_name, #recursive, #bytes),
            columns: #name::__Columns { #(#fields: (),)* },
        };
        #[doc(hidden)]
        #vis mod #name {
            /// The CTE, and its columns for the checks of the queries that splice it: a query
            /// names the item once and reaches both through that value.
            pub struct __Item {
                pub cte: ::cte_runtime::Cte,
                pub columns: __Columns,
            }

            impl ::core::ops::Deref for __Item {
                type Target = ::cte_runtime::Cte;

                fn deref(&self) -> &::cte_runtime::Cte {
                    &self.cte
                }
            }

            /// One field per column of the CTE.
            #[allow(non_snake_case, dead_code)]
            pub struct __Columns {
                #(pub #columns: (),)*
            }
        }
    }
}

/// The errors, followed by a query of the right type so that no second error follows.
fn fallback(error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    quote!({ #errors ::cte_runtime::__private::fallback() })
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};
    use quote::quote;

    /// How many times the words `first second` follow each other in `stream`, at any depth.
    fn count_path(stream: TokenStream, first: &str, second: &str) -> usize {
        let toks: Vec<TokenTree> = stream.into_iter().collect();
        let mut count = 0;
        for (i, tok) in toks.iter().enumerate() {
            match tok {
                TokenTree::Group(g) => count += count_path(g.stream(), first, second),
                TokenTree::Ident(id) if id == first => {
                    let rest: String = toks[i + 1..]
                        .iter()
                        .take(3)
                        .map(ToString::to_string)
                        .collect();
                    if rest == format!("::{second}") {
                        count += 1;
                    }
                }
                _ => {}
            }
        }
        count
    }

    // A `cte!` item used without its `use`: every reference to the user's path is a
    // "cannot find" error of its own, so the expansion names the path once, as a value, and
    // reaches the item's columns through that value.
    //     SELECT h.depth FROM {queries::hierarchy} h
    #[test]
    fn a_spliced_path_is_named_once() {
        for input in [
            quote!(SELECT h.depth, h.id FROM {queries::hierarchy} h),
            quote!(WITH {queries::hierarchy} SELECT h.depth FROM hierarchy h WHERE h.id = 1),
        ] {
            let expanded = crate::select(input.clone());
            assert!(
                !expanded.to_string().contains("compile_error"),
                "{input}: {expanded}"
            );
            assert_eq!(count_path(expanded, "queries", "hierarchy"), 1, "{input}");
        }
    }
}
