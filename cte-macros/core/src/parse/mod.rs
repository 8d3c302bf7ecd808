//! Parsing: the macro input to the span-keeping syntax tree of [`crate::ast`].
//!
//! A recursive-descent parser over [`cursor::Parser`], one file per grammar area. The first
//! syntax error stops parsing: it is reported as "expected X, found Y" on the token where
//! parsing stopped.

mod cast;
mod chain;
mod cursor;
mod dml;
mod expr;
mod from;
mod from_splice;
mod function;
mod group;
mod keyword;
mod lex;
mod misspelled;
mod options;
mod primary;
mod select;
mod with;

use proc_macro2::TokenStream;

use crate::ast::Statement;
use cursor::{Input, Parser, State};
use keyword::Kw;

/// Parses the input of `select!`: one statement. Every syntax error is reported, combined.
#[cfg(test)]
pub(crate) fn select(input: TokenStream) -> syn::Result<Statement> {
    let Parsed { stmt, errors } = select_recovering(input);
    let mut errors = errors.into_iter();
    match (stmt, errors.next()) {
        (Some(stmt), None) => Ok(stmt),
        (_, first) => {
            let mut combined = first.unwrap_or_else(|| {
                syn::Error::new(proc_macro2::Span::call_site(), "expected a statement")
            });
            combined.extend(errors);
            Err(combined)
        }
    }
}

/// What parsing made of the input: the tree, unless a syntax error outside every CTE body
/// stopped it, and the syntax errors in source order.
pub(crate) struct Parsed {
    /// CTEs whose body had a syntax error are in the tree, as [`crate::ast::CteBody::Broken`].
    pub(crate) stmt: Option<Statement>,
    pub(crate) errors: Vec<syn::Error>,
}

/// Parses the input of `select!`, going on after a syntax error in a CTE body so that the
/// checks can still run on the rest.
pub(crate) fn select_recovering(input: TokenStream) -> Parsed {
    let state = State::default();
    let input = Input::new(input);
    let stmt = Parser::new(&input, &state).and_then(|mut p| {
        let mut stmt = statement(&mut p)?;
        if !p.at_end() {
            return Err(p.expected("end of input"));
        }
        for error in from_splice::attach(&mut stmt, state.take_from_splices()) {
            p.recover(error);
        }
        Ok(stmt)
    });
    let mut errors = state.into_recovered();
    let stmt = match stmt {
        Ok(stmt) => Some(stmt),
        Err(error) => {
            errors.push(error);
            None
        }
    };
    Parsed { stmt, errors }
}

/// The input of `select_as!(Type, statement)`: the path of the row type, and the statement.
pub(crate) fn select_as(input: TokenStream) -> syn::Result<(syn::Path, Parsed)> {
    let mut tokens = input.into_iter();
    let ty: TokenStream = tokens
        .by_ref()
        .take_while(|t| !matches!(t, proc_macro2::TokenTree::Punct(p) if p.as_char() == ','))
        .collect();
    let rest: TokenStream = tokens.collect();
    if rest.is_empty() {
        return Err(syn::Error::new(
            proc_macro2::Span::call_site(),
            "expected the row type, a comma and the query: `select_as!(Employee, SELECT ...)`",
        ));
    }
    let path = syn::parse2::<syn::Path>(ty)?;
    Ok((path, select_recovering(rest)))
}

/// The input of `cte!`: `[attributes] [vis] [RECURSIVE] name (col, ...) AS (body)`.
pub(crate) struct Item {
    pub(crate) attrs: Vec<syn::Attribute>,
    pub(crate) vis: syn::Visibility,
    pub(crate) recursive: bool,
    pub(crate) cte: crate::ast::Cte,
}

/// Parses the input of `cte!`, with the CTE as the only one of a WITH in front of an empty
/// query, so that the checks of `select!` run on it unchanged.
pub(crate) fn item(input: TokenStream) -> (Option<Item>, Parsed) {
    let head = |input: syn::parse::ParseStream| {
        let attrs = input.call(syn::Attribute::parse_outer)?;
        let vis: syn::Visibility = input.parse()?;
        let rest: TokenStream = input.parse()?;
        Ok((attrs, vis, rest))
    };
    let (attrs, vis, rest) = match syn::parse::Parser::parse2(head, input) {
        Ok(parts) => parts,
        Err(error) => {
            return (
                None,
                Parsed {
                    stmt: None,
                    errors: vec![error],
                },
            )
        }
    };
    let state = State::default();
    let rest = Input::new(rest);
    let parsed = Parser::new(&rest, &state).and_then(|mut p| {
        let recursive = p.eat_kw(Kw::Recursive);
        let cte = with::cte(&mut p)?;
        if !p.at_end() {
            return Err(p.expected("end of input; a `cte!` item defines one CTE"));
        }
        for splice in state.take_from_splices() {
            // cte! { a(x) AS (SELECT x FROM {b}) } -- an item is spliced as it is written; it
            // cannot bring a second item along.
            p.recover(syn::Error::new(
                splice.span,
                "a `cte!` item cannot splice another `cte!` item\n\
                 help: splice both into the query that reads them: \
                 `SELECT ... FROM {a} JOIN {b} ON ...`",
            ));
        }
        Ok((recursive, cte))
    });
    let mut errors = state.into_recovered();
    let (item, stmt) = match parsed {
        Ok((recursive, cte)) => {
            let stmt = Statement::Query(crate::ast::Query {
                with: Some(crate::ast::With {
                    recursive,
                    ctes: vec![cte.clone()],
                    max_recursion: None,
                }),
                body: crate::ast::SetExpr::Values(crate::ast::Values {
                    values_token: cte.name.span,
                    rows: Vec::new(),
                }),
                lock: None,
                order_by: None,
                limit: None,
                offset: None,
            });
            let item = Item {
                attrs,
                vis,
                recursive: recursive.is_some(),
                cte,
            };
            (Some(item), Some(stmt))
        }
        Err(error) => {
            errors.push(error);
            (None, None)
        }
    };
    (item, Parsed { stmt, errors })
}

/// `[WITH ...] (query | INSERT ... | UPDATE ... | DELETE ...) [OPTION (...)]`
fn statement(p: &mut Parser) -> syn::Result<Statement> {
    let _guard = p.enter(p.span())?;
    let mut stmt = statement_body(p)?;
    if let (Statement::Query(q), true) = (&mut stmt, p.peek_kw(Kw::For)) {
        q.lock = Some(select::lock(p)?);
    }
    if p.peek_kw(Kw::Option) {
        options::option(p, &mut stmt)?;
    }
    Ok(stmt)
}

fn statement_body(p: &mut Parser) -> syn::Result<Statement> {
    let with = if p.peek_kw(Kw::With) {
        Some(with::with(p)?)
    } else {
        None
    };
    match p.peek_keyword() {
        Some(Kw::Insert) => dml::insert(p, with).map(Statement::Insert),
        Some(Kw::Update) => dml::update(p, with).map(Statement::Update),
        Some(Kw::Delete) => dml::delete(p, with).map(Statement::Delete),
        Some(Kw::Select | Kw::Values) => select::query_after_with(p, with).map(Statement::Query),
        _ if p.peek_paren() => select::query_after_with(p, with).map(Statement::Query),
        _ if with.is_some() => {
            Err(p.expected("`,`, `SELECT`, `VALUES`, `INSERT`, `UPDATE`, `DELETE` or `(`"))
        }
        _ => Err(p.expected("`WITH`, `SELECT`, `VALUES`, `INSERT`, `UPDATE` or `DELETE`")),
    }
}

#[cfg(test)]
mod tests;
