//! Expansion: the checked tree lowered to a `static` runtime tree
//! (`::cte_runtime::__private::tree`), a per-call-site `Site`, and the parameter values.
//!
//! The tree is built only from struct and enum literals and `&` references, so the whole of it
//! is promoted to a constant. Its node names are imported inside the initializer of the site,
//! from absolute paths, where the user's `{expr}`s cannot see them; that keeps the expansion
//! small, which is most of the macro's compile time.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast::{
    self, BinaryOp, DataType, Expr, FrameBound, FrameUnits, FunctionArgs, JoinConstraint, JoinKind,
    LiteralKind, Materialized, NullsOrder, SearchOrder, SelectItem, SetExpr, SetOperator,
    SortOrder, Statement, TableFactor, UnaryOp,
};

/// The expansion of `select!`: the query, or the errors and a placeholder query.
pub(crate) fn statement(result: syn::Result<Statement>) -> TokenStream {
    match result {
        Ok(stmt) => query(&stmt),
        Err(error) => fallback(&error),
    }
}

fn query(stmt: &Statement) -> TokenStream {
    let leading = leading_with(stmt);
    let leading_ptr = leading.map_or(std::ptr::null(), |w| w as *const ast::With);
    let mut lower = Lower {
        leading: leading_ptr,
        spliceable: match stmt {
            Statement::Query(_) => leading_ptr,
            _ => std::ptr::null(),
        },
        ..Lower::default()
    };
    let tree = lower.statement(stmt);
    if let Some(span) = lower.misplaced_option {
        return fallback(&syn::Error::new(
            span,
            "OPTION (MAXRECURSION n) goes after the whole statement, not inside a CTE",
        ));
    }
    if let Some(span) = lower.misplaced_splice {
        // WITH x AS (WITH {h} SELECT ...) SELECT ...
        // -- only the statement's leading WITH takes `cte!` items.
        return fallback(&syn::Error::new(
            span,
            "a `cte!` item is spliced into the leading WITH of a SELECT statement only\n\
             help: move `{...}` to the WITH at the start of the statement",
        ));
    }
    let levels = leading
        .and_then(|w| w.max_recursion.as_ref())
        .map_or(0, |m| m.levels);
    lower.params.sort_by_key(|(index, _)| *index);
    // Each parameter is evaluated once, in source order, into its value and its kind.
    let values: Vec<_> = (0..lower.params.len())
        .map(|i| format_ident!("__cte_v{}", i, span = Span::mixed_site()))
        .collect();
    let kinds: Vec<_> = (0..lower.params.len())
        .map(|i| format_ident!("__cte_k{}", i, span = Span::mixed_site()))
        .collect();
    let params = lower.params.iter().map(|(_, param)| param);
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
            quote_spanned!(syn::spanned::Spanned::span(path)=> ::cte_runtime::__private::splice(#path))
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
    let make = quote! {
        #[allow(unused_imports)]
        use ::cte_runtime::__private::{KindOfAny as _, KindOfKnown as _};
        // The references of the probe are what picks its impl.
        #(#[allow(clippy::needless_borrow)] let (#values, #kinds) = #params;)*
        #construct
    };
    if lower.splices.is_empty() {
        return call_site(&tree, levels, make);
    }
    let points = lower.splice_points.iter().map(|(position, name)| {
        quote!(::cte_runtime::__private::SplicePoint { position: #position, name: #name })
    });
    let site = quote!(::cte_runtime::__private::Site::spliced(
        &__CTE_TREE,
        Options { max_recursion: #levels },
        &[#(#points),*],
    ));
    site_with(&tree, site, make)
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
    let mut lower = Lower::default();
    let tree = lower.cte(&item.cte);
    if let Some((_, param)) = lower.params.first() {
        let span = syn::spanned::Spanned::span(param);
        return syn::Error::new(
            span,
            "a `cte!` item binds no parameters\n\
             help: write the value in the query that splices the CTE, or write the CTE in that query's WITH",
        )
        .to_compile_error();
    }
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
    quote! {
        #(#attrs)*
        #[allow(non_upper_case_globals)]
        #vis static #name: ::cte_runtime::Cte = {
            #[allow(unused_imports)]
            use ::cte_runtime::__private::tree::*;
            #[allow(unused_imports)]
            use ::core::option::Option::{None, Some};
            static __CTE_TREE: Cte = #tree;
            ::cte_runtime::Cte::new(#recursive, &__CTE_TREE)
        };
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

/// The WITH a statement starts with, which carries the statement's options.
fn leading_with(stmt: &Statement) -> Option<&ast::With> {
    match stmt {
        Statement::Query(q) => q.with.as_ref(),
        Statement::Insert(i) => i.with.as_ref().or(i.source.with.as_ref()),
        Statement::Update(u) => u.with.as_ref(),
        Statement::Delete(d) => d.with.as_ref(),
    }
}

/// The errors, followed by a query of the right type so that no second error follows.
fn fallback(error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    let tree = quote!(Statement::Query(QueryExpr {
        with: None,
        body: SetExpr::Values(&[]),
        order_by: &[],
        limit: None,
        offset: None,
    }));
    let make = quote!(::cte_runtime::__private::query(
        &__CTE_SITE,
        ::std::vec::Vec::new()
    ));
    let query = call_site(&tree, 0, make);
    quote!({ #errors #query })
}

/// The static site of one macro call, holding `tree` and the statement's recursion limit
/// (`max_recursion`, 0 for none), followed by `make`, the statements that make the query from
/// `__CTE_SITE` and the parameters.
fn call_site(tree: &TokenStream, max_recursion: u32, make: TokenStream) -> TokenStream {
    let site = if max_recursion == 0 {
        quote!(::cte_runtime::__private::Site::new(&__CTE_TREE))
    } else {
        quote!(::cte_runtime::__private::Site::with_options(
            &__CTE_TREE,
            Options { max_recursion: #max_recursion },
        ))
    };
    site_with(tree, site, make)
}

/// The static site of one macro call made by `site` from `__CTE_TREE`, followed by `make`.
fn site_with(tree: &TokenStream, site: TokenStream, make: TokenStream) -> TokenStream {
    quote! {{
        static __CTE_SITE: ::cte_runtime::__private::Site = {
            #[allow(unused_imports)]
            use ::cte_runtime::__private::tree::*;
            #[allow(unused_imports)]
            use ::core::option::Option::{None, Some};
            static __CTE_TREE: Statement = #tree;
            #site
        };
        #make
    }}
}

fn opt(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(Some(#value)),
        None => quote!(None),
    }
}

fn list<T>(items: &[T], f: impl FnMut(&T) -> TokenStream) -> TokenStream {
    let items = items.iter().map(f);
    quote!(&[#(#items),*])
}

/// Lowers ast nodes to runtime tree literals and collects the parameter values.
struct Lower {
    params: Vec<(usize, TokenStream)>,
    /// The statement's leading WITH, the only one that may carry `OPTION (...)`.
    leading: *const ast::With,
    /// Where an `OPTION (...)` was written on a CTE body instead.
    misplaced_option: Option<Span>,
    /// The one WITH that may splice `cte!` items: the leading WITH of a SELECT statement.
    spliceable: *const ast::With,
    /// The spliced items, in order, and where each goes among the written CTEs, under what
    /// name.
    splices: Vec<ast::Splice>,
    splice_points: Vec<(usize, String)>,
    /// Where a `cte!` item was spliced into another WITH.
    misplaced_splice: Option<Span>,
}

impl Default for Lower {
    fn default() -> Self {
        Lower {
            params: Vec::new(),
            leading: std::ptr::null(),
            misplaced_option: None,
            spliceable: std::ptr::null(),
            splices: Vec::new(),
            splice_points: Vec::new(),
            misplaced_splice: None,
        }
    }
}

impl Lower {
    fn statement(&mut self, stmt: &Statement) -> TokenStream {
        match stmt {
            Statement::Query(q) => {
                let q = self.query(q);
                quote!(Statement::Query(#q))
            }
            Statement::Insert(i) => {
                let with = self.with(i.with.as_ref());
                let table = object_name(&i.table);
                let columns = list(&i.columns, ident);
                let source = self.query(&i.source);
                let returning = self.returning(i.returning.as_ref());
                quote!(Statement::Insert(
                    Insert {
                        with: #with,
                        table: #table,
                        columns: #columns,
                        source: &#source,
                        returning: #returning,
                    }
                ))
            }
            Statement::Update(u) => {
                let with = self.with(u.with.as_ref());
                let table = object_name(&u.table);
                let alias = opt(u.alias.as_ref().map(ident));
                let assignments = list(&u.assignments, |a| {
                    let column = ident(&a.column);
                    let value = self.expr(&a.value);
                    quote!(Assignment {
                        column: #column,
                        value: #value,
                    })
                });
                let from = self.from(u.from.as_ref().map(|f| &f.value));
                let selection = self.opt_expr(u.selection.as_ref().map(|k| &k.value));
                let returning = self.returning(u.returning.as_ref());
                quote!(Statement::Update(
                    Update {
                        with: #with,
                        table: #table,
                        alias: #alias,
                        assignments: #assignments,
                        from: #from,
                        selection: #selection,
                        returning: #returning,
                    }
                ))
            }
            Statement::Delete(d) => {
                let with = self.with(d.with.as_ref());
                let table = object_name(&d.table);
                let alias = opt(d.alias.as_ref().map(ident));
                let selection = self.opt_expr(d.selection.as_ref().map(|k| &k.value));
                let returning = self.returning(d.returning.as_ref());
                quote!(Statement::Delete(
                    Delete {
                        with: #with,
                        table: #table,
                        alias: #alias,
                        selection: #selection,
                        returning: #returning,
                    }
                ))
            }
        }
    }

    fn returning(&mut self, returning: Option<&ast::Keyed<Vec<SelectItem>>>) -> TokenStream {
        match returning {
            Some(items) => list(&items.value, |item| self.select_item(item)),
            None => quote!(&[]),
        }
    }

    fn query(&mut self, q: &ast::Query) -> TokenStream {
        let with = self.with(q.with.as_ref());
        let body = self.set_expr(&q.body);
        let order_by = match &q.order_by {
            Some(order_by) => self.order_by(&order_by.value),
            None => quote!(&[]),
        };
        let limit = self.opt_expr(q.limit.as_ref().map(|k| &k.value));
        let offset = self.opt_expr(q.offset.as_ref().map(|k| &k.value));
        quote!(QueryExpr {
            with: #with,
            body: #body,
            order_by: #order_by,
            limit: #limit,
            offset: #offset,
        })
    }

    fn with(&mut self, with: Option<&ast::With>) -> TokenStream {
        let Some(with) = with else {
            return opt(None);
        };
        if let Some(m) = &with.max_recursion {
            if !std::ptr::eq(with, self.leading) {
                self.misplaced_option.get_or_insert(m.option_token);
            }
        }
        let recursive = with.recursive.is_some();
        let mut written = Vec::new();
        for cte in &with.ctes {
            match &cte.splice {
                None => written.push(cte),
                Some(splice) if std::ptr::eq(with, self.spliceable) => {
                    self.splices.push(splice.clone());
                    self.splice_points
                        .push((written.len(), cte.name.value.clone()));
                }
                Some(_) => {
                    self.misplaced_splice.get_or_insert(cte.name.span);
                }
            }
        }
        let ctes = list(&written, |cte| self.cte(cte));
        opt(Some(quote!(With {
            recursive: #recursive,
            ctes: #ctes,
        })))
    }

    fn cte(&mut self, cte: &ast::Cte) -> TokenStream {
        let name = ident(&cte.name);
        let columns = list(&cte.columns, ident);
        let materialized = match cte.materialized {
            Materialized::Default => quote!(Default),
            Materialized::Yes(_) => quote!(Yes),
            Materialized::No(_) => quote!(No),
        };
        let body = self.statement(&cte.body);
        let search = opt(cte.search.as_ref().map(|s| {
            let order = match s.order {
                SearchOrder::Depth => quote!(Depth),
                SearchOrder::Breadth => quote!(Breadth),
            };
            let by = list(&s.by, ident);
            let set = ident(&s.set);
            quote!(Search {
                order: SearchOrder::#order,
                by: #by,
                set: #set,
            })
        }));
        let cycle = opt(cte.cycle.as_ref().map(|c| {
            let columns = list(&c.columns, ident);
            let set = ident(&c.set);
            let marks = opt(c.marks.as_ref().map(|m| {
                let value = self.expr(&m.value);
                let default = self.expr(&m.default);
                quote!(CycleMarks {
                    value: #value,
                    default: #default,
                })
            }));
            let using = ident(&c.using);
            quote!(Cycle {
                columns: #columns,
                set: #set,
                marks: #marks,
                using: #using,
            })
        }));
        quote!(Cte {
            name: #name,
            columns: #columns,
            materialized: Materialized::#materialized,
            body: &#body,
            search: #search,
            cycle: #cycle,
        })
    }

    fn set_expr(&mut self, body: &SetExpr) -> TokenStream {
        match body {
            SetExpr::Select(s) => {
                let distinct = s.distinct.is_some();
                let projection = list(&s.projection, |item| self.select_item(item));
                let from = self.from(s.from.as_ref().map(|f| &f.value));
                let selection = self.opt_expr(s.selection.as_ref().map(|k| &k.value));
                let group_by = match &s.group_by {
                    Some(group_by) => list(&group_by.value, |e| self.expr(e)),
                    None => quote!(&[]),
                };
                let having = self.opt_expr(s.having.as_ref().map(|k| &k.value));
                quote!(SetExpr::Select(
                    &Select {
                        distinct: #distinct,
                        projection: #projection,
                        from: #from,
                        selection: #selection,
                        group_by: #group_by,
                        having: #having,
                    }
                ))
            }
            SetExpr::Values(values) => {
                let rows = list(&values.rows, |row| list(row, |e| self.expr(e)));
                quote!(SetExpr::Values(#rows))
            }
            SetExpr::Query { query, .. } => {
                let query = self.query(query);
                quote!(SetExpr::Query(&#query))
            }
            SetExpr::SetOp {
                op, left, right, ..
            } => {
                let op = match *op {
                    SetOperator::Union { all } => quote!(Union { all: #all }),
                    SetOperator::Intersect { all } => quote!(Intersect { all: #all }),
                    SetOperator::Except { all } => quote!(Except { all: #all }),
                };
                let left = self.set_expr(left);
                let right = self.set_expr(right);
                quote!(SetExpr::SetOp {
                    op: SetOperator::#op,
                    left: &#left,
                    right: &#right,
                })
            }
        }
    }

    fn select_item(&mut self, item: &SelectItem) -> TokenStream {
        match item {
            SelectItem::Wildcard(_) => quote!(SelectItem::Wildcard),
            SelectItem::QualifiedWildcard { name, .. } => {
                let name = object_name(name);
                quote!(SelectItem::QualifiedWildcard(#name))
            }
            SelectItem::Expr { expr, alias } => {
                let expr = self.expr(expr);
                let alias = opt(alias.as_ref().map(ident));
                quote!(SelectItem::Expr {
                    expr: #expr,
                    alias: #alias,
                })
            }
        }
    }

    fn order_by(&mut self, items: &[ast::OrderByItem]) -> TokenStream {
        list(items, |item| {
            let expr = self.expr(&item.expr);
            let order = match item.order {
                SortOrder::Default => quote!(Default),
                SortOrder::Asc => quote!(Asc),
                SortOrder::Desc => quote!(Desc),
            };
            let nulls = match item.nulls {
                NullsOrder::Default => quote!(Default),
                NullsOrder::First => quote!(First),
                NullsOrder::Last => quote!(Last),
            };
            quote!(OrderByItem {
                expr: #expr,
                order: SortOrder::#order,
                nulls: NullsOrder::#nulls,
            })
        })
    }

    fn from(&mut self, from: Option<&Vec<ast::TableWithJoins>>) -> TokenStream {
        match from {
            Some(items) => list(items, |t| self.table_with_joins(t)),
            None => quote!(&[]),
        }
    }

    fn table_with_joins(&mut self, t: &ast::TableWithJoins) -> TokenStream {
        let relation = self.table_factor(&t.relation);
        let joins = list(&t.joins, |join| {
            let kind = match join.kind {
                JoinKind::Inner => quote!(Inner),
                JoinKind::Left => quote!(Left),
                JoinKind::Right => quote!(Right),
                JoinKind::Full => quote!(Full),
                JoinKind::Cross => quote!(Cross),
            };
            let relation = self.table_factor(&join.relation);
            let constraint = match &join.constraint {
                JoinConstraint::On { expr, .. } => {
                    let expr = self.expr(expr);
                    quote!(On(#expr))
                }
                JoinConstraint::Using { columns, .. } => {
                    let columns = list(columns, ident);
                    quote!(Using(#columns))
                }
                JoinConstraint::None => quote!(None),
            };
            quote!(Join {
                kind: JoinKind::#kind,
                relation: #relation,
                constraint: JoinConstraint::#constraint,
            })
        });
        quote!(TableWithJoins {
            relation: #relation,
            joins: #joins,
        })
    }

    fn table_factor(&mut self, factor: &TableFactor) -> TokenStream {
        match factor {
            TableFactor::Table { name, alias } => {
                let name = object_name(name);
                let alias = table_alias(alias.as_ref());
                quote!(TableFactor::Table {
                    name: #name,
                    alias: #alias,
                })
            }
            TableFactor::Derived {
                lateral,
                subquery,
                alias,
                ..
            } => {
                let lateral = lateral.is_some();
                let subquery = self.query(subquery);
                let alias = table_alias(alias.as_ref());
                quote!(TableFactor::Derived {
                    lateral: #lateral,
                    subquery: &#subquery,
                    alias: #alias,
                })
            }
            TableFactor::Nested { inner, .. } => {
                let inner = self.table_with_joins(inner);
                quote!(TableFactor::Nested(&#inner))
            }
        }
    }

    fn opt_expr(&mut self, expr: Option<&Expr>) -> TokenStream {
        opt(expr.map(|e| self.expr(e)))
    }

    fn boxed(&mut self, expr: &Expr) -> TokenStream {
        let expr = self.expr(expr);
        quote!(&#expr)
    }

    fn expr(&mut self, expr: &Expr) -> TokenStream {
        let e = quote!(Expr);
        match expr {
            Expr::Literal(lit) => {
                let lit = match &lit.kind {
                    LiteralKind::Integer(digits) => quote!(Integer(#digits)),
                    LiteralKind::Decimal(digits) => quote!(Decimal(#digits)),
                    LiteralKind::String(s) => quote!(String(#s)),
                    LiteralKind::Bool(b) => quote!(Bool(#b)),
                    LiteralKind::Null => quote!(Null),
                };
                quote!(#e::Literal(Literal::#lit))
            }
            Expr::Param(param) => {
                let index = param.index;
                let value = &param.expr;
                // The value is bound once; the kind is read from its type, where the type is
                // concrete (see `cte_runtime::__private::Probe`). The binding carries the
                // expression's span, so a type error still points at the user's expression.
                let bound = Ident::new("__cte_x", syn::spanned::Spanned::span(&**value));
                self.params.push((
                    index,
                    quote_spanned!(param.span=> match #value {
                        #bound => {
                            let kind = (&&::cte_runtime::__private::Probe(&#bound)).kind();
                            (::cte_runtime::__private::value(#bound), kind)
                        }
                    }),
                ));
                quote!(#e::Param(#index))
            }
            Expr::Column(name) => {
                let name = object_name(name);
                quote!(#e::Column(#name))
            }
            Expr::Unary { op, expr, .. } => {
                let op = match op {
                    UnaryOp::Not => quote!(Not),
                    UnaryOp::Minus => quote!(Minus),
                    UnaryOp::Plus => quote!(Plus),
                };
                let expr = self.boxed(expr);
                quote!(#e::Unary {
                    op: UnaryOp::#op,
                    expr: #expr,
                })
            }
            Expr::Binary {
                left, op, right, ..
            } => {
                let op = binary_op(*op);
                let left = self.boxed(left);
                let right = self.boxed(right);
                quote!(#e::Binary {
                    left: #left,
                    op: BinaryOp::#op,
                    right: #right,
                })
            }
            Expr::IsNull { expr, negated, .. } => {
                let expr = self.boxed(expr);
                quote!(#e::IsNull { expr: #expr, negated: #negated })
            }
            Expr::Between {
                expr,
                negated,
                low,
                high,
                ..
            } => {
                let expr = self.boxed(expr);
                let low = self.boxed(low);
                let high = self.boxed(high);
                quote!(#e::Between {
                    expr: #expr,
                    negated: #negated,
                    low: #low,
                    high: #high,
                })
            }
            Expr::InList {
                expr,
                list: items,
                negated,
                ..
            } => {
                let expr = self.boxed(expr);
                let items = list(items, |e| self.expr(e));
                quote!(#e::InList { expr: #expr, list: #items, negated: #negated })
            }
            Expr::InSubquery {
                expr,
                subquery,
                negated,
                ..
            } => {
                let expr = self.boxed(expr);
                let subquery = self.query(subquery);
                quote!(#e::InSubquery {
                    expr: #expr,
                    subquery: &#subquery,
                    negated: #negated,
                })
            }
            Expr::Like {
                expr,
                negated,
                pattern,
                ..
            } => {
                let expr = self.boxed(expr);
                let pattern = self.boxed(pattern);
                quote!(#e::Like { expr: #expr, negated: #negated, pattern: #pattern })
            }
            Expr::Exists {
                subquery, negated, ..
            } => {
                let subquery = self.query(subquery);
                quote!(#e::Exists { subquery: &#subquery, negated: #negated })
            }
            Expr::Subquery { query, .. } => {
                let query = self.query(query);
                quote!(#e::Subquery(&#query))
            }
            Expr::Case {
                operand,
                whens,
                else_result,
                ..
            } => {
                let operand = opt(operand.as_deref().map(|o| self.boxed(o)));
                let whens = list(whens, |(when, then)| {
                    let when = self.expr(when);
                    let then = self.expr(then);
                    quote!((#when, #then))
                });
                let else_result = opt(else_result.as_deref().map(|o| self.boxed(o)));
                quote!(#e::Case {
                    operand: #operand,
                    whens: #whens,
                    else_result: #else_result,
                })
            }
            Expr::Cast {
                expr, data_type, ..
            } => {
                let expr = self.boxed(expr);
                let data_type = data_type_tokens(*data_type);
                quote!(#e::Cast {
                    expr: #expr,
                    data_type: DataType::#data_type,
                })
            }
            Expr::Function(f) => {
                let name = object_name(&f.name);
                let args = match &f.args {
                    FunctionArgs::Star(_) => quote!(Star),
                    FunctionArgs::List { distinct, args } => {
                        let distinct = distinct.is_some();
                        let args = list(args, |e| self.expr(e));
                        quote!(List { distinct: #distinct, args: #args })
                    }
                };
                let over = opt(f.over.as_ref().map(|w| self.window(w)));
                quote!(#e::Function(Function {
                    name: #name,
                    args: FunctionArgs::#args,
                    over: #over,
                }))
            }
            Expr::Nested { expr, .. } => {
                let expr = self.boxed(expr);
                quote!(#e::Nested(#expr))
            }
        }
    }

    fn window(&mut self, w: &ast::WindowSpec) -> TokenStream {
        let partition_by = list(&w.partition_by, |e| self.expr(e));
        let order_by = self.order_by(&w.order_by);
        let frame = opt(w.frame.as_ref().map(|f| {
            let units = match f.units {
                FrameUnits::Rows => quote!(Rows),
                FrameUnits::Range => quote!(Range),
                FrameUnits::Groups => quote!(Groups),
            };
            let start = self.frame_bound(&f.start);
            let end = opt(f.end.as_ref().map(|b| self.frame_bound(b)));
            quote!(WindowFrame {
                units: FrameUnits::#units,
                start: #start,
                end: #end,
            })
        }));
        quote!(WindowSpec {
            partition_by: #partition_by,
            order_by: #order_by,
            frame: #frame,
        })
    }

    fn frame_bound(&mut self, bound: &FrameBound) -> TokenStream {
        let b = quote!(FrameBound);
        match bound {
            FrameBound::CurrentRow => quote!(#b::CurrentRow),
            FrameBound::Preceding(n) => {
                let n = opt(n.as_deref().map(|n| self.boxed(n)));
                quote!(#b::Preceding(#n))
            }
            FrameBound::Following(n) => {
                let n = opt(n.as_deref().map(|n| self.boxed(n)));
                quote!(#b::Following(#n))
            }
        }
    }
}

fn ident(ident: &ast::Ident) -> TokenStream {
    let value = syn::LitStr::new(&ident.value, Span::call_site());
    let raw = ident.raw;
    quote!(Ident { value: #value, raw: #raw })
}

fn object_name(name: &ast::ObjectName) -> TokenStream {
    let parts = list(&name.parts, ident);
    quote!(ObjectName(#parts))
}

fn table_alias(alias: Option<&ast::TableAlias>) -> TokenStream {
    opt(alias.map(|alias| {
        let name = ident(&alias.name);
        let columns = list(&alias.columns, ident);
        quote!(TableAlias {
            name: #name,
            columns: #columns,
        })
    }))
}

fn binary_op(op: BinaryOp) -> TokenStream {
    match op {
        BinaryOp::Plus => quote!(Plus),
        BinaryOp::Minus => quote!(Minus),
        BinaryOp::Multiply => quote!(Multiply),
        BinaryOp::Divide => quote!(Divide),
        BinaryOp::Modulo => quote!(Modulo),
        BinaryOp::Concat => quote!(Concat),
        BinaryOp::Eq => quote!(Eq),
        BinaryOp::NotEq => quote!(NotEq),
        BinaryOp::Lt => quote!(Lt),
        BinaryOp::LtEq => quote!(LtEq),
        BinaryOp::Gt => quote!(Gt),
        BinaryOp::GtEq => quote!(GtEq),
        BinaryOp::And => quote!(And),
        BinaryOp::Or => quote!(Or),
    }
}

fn data_type_tokens(data_type: DataType) -> TokenStream {
    let len = |n: Option<u32>| opt(n.map(|n| quote!(#n)));
    match data_type {
        DataType::SmallInt => quote!(SmallInt),
        DataType::Integer => quote!(Integer),
        DataType::BigInt => quote!(BigInt),
        DataType::Decimal { precision, scale } => {
            let precision = len(precision);
            let scale = len(scale);
            quote!(Decimal { precision: #precision, scale: #scale })
        }
        DataType::Real => quote!(Real),
        DataType::Double => quote!(Double),
        DataType::Text => quote!(Text),
        DataType::Varchar(n) => {
            let n = len(n);
            quote!(Varchar(#n))
        }
        DataType::Char(n) => {
            let n = len(n);
            quote!(Char(#n))
        }
        DataType::Boolean => quote!(Boolean),
        DataType::Date => quote!(Date),
        DataType::Time => quote!(Time),
        DataType::Timestamp => quote!(Timestamp),
        DataType::Blob => quote!(Blob),
    }
}
