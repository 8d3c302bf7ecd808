//! The expansion of `select_as!(Type, ...)`: the query, and a function that reads a row into
//! `Type` with a struct literal whose fields are the output columns, each spanned on its select
//! item. rustc then checks the names: a column the struct lacks is "no field named" on the
//! item, a field no column fills is "missing field" on the type. With a schema, each field
//! also gets a check that its type can hold the column's type and NULL, spanned on the item.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::{column_item, fallback, query};
use crate::ast::{Ident, SelectItem, SetExpr, Statement};
use crate::check::{Checked, Stars};
use crate::typing::{SqlType, Typed};

/// `select_as!(path, statement)` once parsed and checked: `typed` says whether the column
/// types come from a schema, and so are checked against the fields.
pub(crate) fn select_as(
    result: syn::Result<(syn::Path, syn::Result<Checked>)>,
    typed: bool,
) -> TokenStream {
    let (path, checked) = match result {
        Ok(parsed) => parsed,
        Err(error) => return fallback(&error),
    };
    let path = &path;
    let checked = match checked {
        Ok(checked) => checked,
        Err(error) => return fallback_typed(path, &error),
    };
    let columns = match output_columns(&checked.stmt, &checked.types.stars, Reader::SelectAs) {
        Ok(columns) => columns,
        Err(error) => return fallback_typed(path, &error),
    };
    let types = checked
        .types
        .columns
        .as_ref()
        .filter(|t| typed && t.len() == columns.len());
    let reader = proc_macro2::Ident::new("__cte_row", Span::mixed_site());
    let reads = columns.iter().enumerate().map(|(i, column)| {
        let field = column_item(column);
        let name = column.value.as_str();
        let check = types
            .as_ref()
            .and_then(|t| holds(t[i], &field, column.span));
        quote_spanned! {column.span=>
            let #field = #reader.read(#name)?;
            #check
        }
    });
    let fields = columns.iter().map(column_item);
    let query = query(&checked);
    quote! {
        ::cte_runtime::__private::typed_rows(
            #query,
            |#reader: &mut ::cte_runtime::__private::RowReader| {
                #(#reads)*
                ::core::result::Result::Ok(#path { #(#fields),* })
            },
        )
    }
}

/// Which macro reads the rows: the words of `output_columns`' errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    /// `select_as!`, into the user's struct.
    SelectAs,
    /// `select!` with a schema, into the struct it generates.
    Select,
}

/// The names of the statement's output columns, in order, each spanned on its select item:
/// the item's alias or bare column, and for `*` and `t.*` the columns the names check found
/// (`stars`). An item without a name, a `*` whose columns are not known, or a name an earlier
/// column has, is an error on the item, since each field of a row needs a name of its own.
pub(crate) fn output_columns(
    stmt: &Statement,
    stars: &Stars,
    reader: Reader,
) -> syn::Result<Vec<Ident>> {
    let items = match stmt {
        Statement::Query(query) => {
            let mut body = &query.body;
            loop {
                match body {
                    SetExpr::Select(select) => break &select.projection[..],
                    SetExpr::SetOp { left, .. } => body = left,
                    SetExpr::Query { query, .. } => body = &query.body,
                    SetExpr::Values(values) => {
                        return Err(syn::Error::new(values.values_token, reader.values()))
                    }
                }
            }
        }
        Statement::Insert(i) => {
            returning(i.returning.as_ref().map(|r| &r.value[..]), i.table.span())?
        }
        Statement::Update(u) => {
            returning(u.returning.as_ref().map(|r| &r.value[..]), u.table.span())?
        }
        Statement::Delete(d) => {
            returning(d.returning.as_ref().map(|r| &r.value[..]), d.table.span())?
        }
    };
    let mut errors: Option<syn::Error> = None;
    let mut columns: Vec<Ident> = Vec::new();
    let mut fail = |e: syn::Error| match &mut errors {
        Some(errors) => errors.combine(e),
        None => errors = Some(e),
    };
    for item in items {
        let named = match (item.output_name(), item) {
            (Some(name), _) => Ok(vec![name.clone()]),
            (None, SelectItem::Expr { expr, .. }) => Err(reader.unnamed(expr.span())),
            (None, SelectItem::Wildcard(star)) => star_columns(stars, item, *star, reader),
            (None, SelectItem::QualifiedWildcard(name)) => {
                star_columns(stars, item, name.span(), reader)
            }
        };
        match named {
            Ok(named) => {
                for column in named {
                    if columns.contains(&column) {
                        fail(twice(&column));
                    }
                    columns.push(column);
                }
            }
            Err(e) => fail(e),
        }
    }
    match errors {
        Some(errors) => Err(errors),
        None => Ok(columns),
    }
}

/// The columns a `*` or `t.*` stands for, or an error on it when they are not known.
fn star_columns(
    stars: &Stars,
    item: &SelectItem,
    span: Span,
    reader: Reader,
) -> syn::Result<Vec<Ident>> {
    stars
        .get(&std::ptr::from_ref(item))
        .cloned()
        .ok_or_else(|| reader.star(span))
}

/// The RETURNING items of a data-modifying statement, which its rows are; without them, an
/// error on the table it writes.
fn returning(items: Option<&[SelectItem]>, table: Span) -> syn::Result<&[SelectItem]> {
    items.ok_or_else(|| {
        syn::Error::new(
            table,
            "select_as! reads rows, and this statement returns none\nhelp: add RETURNING and \
             the columns to read",
        )
    })
}

// Two columns of one name would be two fields of one name, and a name alone picks a field.
//     SELECT e.name, m.name FROM employee e JOIN employee m ON m.id = e.manager_id
fn twice(column: &Ident) -> syn::Error {
    syn::Error::new(
        column.span,
        format!(
            "an earlier column is also named `{}`, and each field of the row needs a name of \
             its own\nhelp: give this one another name with AS",
            column.value
        ),
    )
}

impl Reader {
    fn values(self) -> &'static str {
        match self {
            Reader::SelectAs => {
                "select_as! names each field after its column, and a VALUES list names none\n\
                 help: select from it with aliases: SELECT a AS x, ... FROM (VALUES ...) AS v(a, ...)"
            }
            Reader::Select => {
                "the columns of a VALUES list have no names to be fields of the row\nhelp: \
                 select from it with aliases: SELECT a AS x, ... FROM (VALUES ...) AS v(a, ...)"
            }
        }
    }

    fn star(self, span: Span) -> syn::Error {
        let message = match self {
            Reader::SelectAs => {
                "select_as! names each field after its column, and `*` names none here\nhelp: \
                 list the columns"
            }
            Reader::Select => {
                "the columns `*` stands for are not known here, and each field of the row needs \
                 a name\nhelp: list the columns"
            }
        };
        syn::Error::new(span, message)
    }

    fn unnamed(self, span: Span) -> syn::Error {
        let message = match self {
            Reader::SelectAs => {
                "this column has no name for select_as! to give its field\nhelp: name it with AS"
            }
            Reader::Select => "this column has no name to be a field of the row: write `AS name`",
        };
        syn::Error::new(span, message)
    }
}

/// The check that the field read into `field` can hold a column of type `typed`, spanned on
/// the column; none where the type is not known.
fn holds(typed: Typed, field: &proc_macro2::Ident, span: Span) -> Option<TokenStream> {
    let ty = sql_marker(typed.ty)?;
    let null = if typed.nullable {
        quote!(Nullable)
    } else {
        quote!(NotNull)
    };
    Some(quote_spanned! {span=>
        ::cte_runtime::__private::column::<
            ::cte_runtime::__private::sql::#ty,
            ::cte_runtime::__private::sql::#null,
            _,
        >(&#field);
    })
}

/// `ty`'s marker in `cte_runtime::__private::sql`; none for a type not known.
pub(crate) fn sql_marker(ty: SqlType) -> Option<TokenStream> {
    let name = proc_macro2::Ident::new(ty.marker()?, Span::call_site());
    Some(quote!(#name))
}

/// The errors, and a placeholder of the right type so that no second error follows.
fn fallback_typed(path: &syn::Path, error: &syn::Error) -> TokenStream {
    let query = fallback(error);
    quote! {
        ::cte_runtime::__private::typed_rows::<#path>(
            #query,
            |_| ::core::unreachable!(),
        )
    }
}
