//! The rows of `select!` in a crate with a schema: a struct generated in the expansion, one
//! `pub` field per output column, named as the column and of the type the inference chose,
//! and the code that reads a row into it.
//!
//! The struct is declared in a block of its own, after the query is built, so its name cannot
//! shadow anything a `{expr}` of the query names. Its fields are read in the order of the
//! select list, as `select_as!` reads the user's fields.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::rows::{output_columns, Reader};
use super::{column_item, fallback, query};
use crate::ast::{Ident, Statement};
use crate::check::Checked;
use crate::typing::{SqlType, Typed};

/// Whether `stmt` returns rows: a query, or a data-modifying statement with RETURNING.
pub(crate) fn returns_rows(stmt: &Statement) -> bool {
    match stmt {
        Statement::Query(_) => true,
        Statement::Insert(i) => i.returning.is_some(),
        Statement::Update(u) => u.returning.is_some(),
        Statement::Delete(d) => d.returning.is_some(),
    }
}

/// The query as a `TypedQuery` of the generated row, or the errors of its output columns;
/// `before` (the schema's tracking) goes first.
pub(crate) fn rows(checked: &Checked, before: TokenStream) -> TokenStream {
    match output_columns(&checked.stmt, &checked.types.stars, Reader::Select) {
        Ok(columns) => typed(checked, &columns, &before, query(checked), true),
        Err(error) => {
            let fallback = fallback(&error);
            quote!({ #before #fallback })
        }
    }
}

/// The errors of a statement the checks refused, and a placeholder of the row type its
/// columns would have (a column the checks could not type is a `Value`), so that the code
/// that reads its rows reports no second error.
pub(crate) fn placeholder(tree: &Checked, error: &syn::Error, before: TokenStream) -> TokenStream {
    let mut error = error.clone();
    match output_columns(&tree.stmt, &tree.types.stars, Reader::Select) {
        Ok(columns) => {
            let errors = error.to_compile_error();
            let query = quote!({ #errors ::cte_runtime::__private::fallback() });
            typed(tree, &columns, &before, query, false)
        }
        Err(more) => {
            error.combine(more);
            let fallback = fallback(&error);
            quote!({ #before #fallback })
        }
    }
}

/// `query` as a `TypedQuery` of a struct of `columns`, typed as the checks found; rows read
/// into it when `reads`, or never, for a placeholder.
///
/// The whole is a call, not a block: rustc checks a block's value against the type expected
/// where the macro is used, so `&select! { ... }` given to a function of `&Query` would be a
/// mismatch, where a call's value is a `&TypedQuery` that derefs to one.
fn typed(
    checked: &Checked,
    columns: &[Ident],
    before: &TokenStream,
    query: TokenStream,
    reads: bool,
) -> TokenStream {
    // Types that do not line up with the columns are not the columns' types.
    let types = checked
        .types
        .columns
        .as_ref()
        .filter(|t| t.len() == columns.len());
    let fields: Vec<_> = columns.iter().map(column_item).collect();
    let field_types = (0..columns.len()).map(|i| field_type(types.map(|t| t[i])));
    let decode = if reads {
        let reader = proc_macro2::Ident::new("__cte_row", Span::mixed_site());
        let names = columns.iter().map(|c| c.value.as_str());
        let reads = fields.iter().zip(names).map(|(field, name)| {
            quote_spanned! {field.span()=> #field: #reader.read(#name)? }
        });
        quote! {
            |#reader: &mut ::cte_runtime::__private::RowReader| {
                ::core::result::Result::Ok(Row { #(#reads),* })
            }
        }
    } else {
        quote!(|_| ::core::unreachable!())
    };
    quote! {
        ::cte_runtime::__private::typed_select({
            #before
            let __cte_query = #query;
            {
                /// A row of the query: one field per output column, of the type the schema
                /// gives it.
                #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
                #[allow(non_snake_case, dead_code)]
                pub struct Row {
                    #(pub #fields: #field_types,)*
                }
                ::cte_runtime::__private::typed_rows(__cte_query, #decode)
            }
        })
    }
}

/// The Rust type of a field for a column of type `typed`: an `Option` where the column can be
/// NULL, and a `cte_runtime::Value` where its type is not known (a `Value` holds NULL too).
fn field_type(typed: Option<Typed>) -> TokenStream {
    let Some(typed) = typed else {
        return quote!(::cte_runtime::Value);
    };
    let ty = match typed.ty {
        SqlType::Bool => quote!(bool),
        SqlType::Int => quote!(i64),
        SqlType::UnsignedBig => quote!(u64),
        SqlType::Decimal => quote!(::cte_runtime::Decimal),
        SqlType::Float => quote!(f64),
        SqlType::Text | SqlType::Json => quote!(::std::string::String),
        SqlType::Bytes => quote!(::std::vec::Vec<u8>),
        SqlType::Date => quote!(::cte_runtime::Date),
        SqlType::Time => quote!(::cte_runtime::Time),
        SqlType::Timestamp | SqlType::TimestampTz => quote!(::cte_runtime::Timestamp),
        // The runtime has no UUID type of its own: `uuid::Uuid` reads from the `Value` with
        // the `uuid` feature.
        SqlType::Uuid | SqlType::Null | SqlType::Unknown => {
            return quote!(::cte_runtime::Value);
        }
    };
    if typed.nullable {
        quote!(::core::option::Option<#ty>)
    } else {
        ty
    }
}
