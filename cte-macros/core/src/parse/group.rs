//! Parenthesised groups that may hold a query: `(SELECT 1)` is a subquery, `((SELECT 1) + 1)`
//! an expression, `((SELECT 1) s JOIN t ON ..)` a join; each group is read once to tell.

use proc_macro2::{Delimiter, TokenTree};

use super::cursor::{DepthGuard, Parser, MAX_DEPTH};
use super::keyword::Kw;
use super::lex::{GroupTok, Tok};
use super::select;
use crate::ast::{Query, SetExpr};

/// Whether a parenthesised group holds a query rather than an expression or a join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QueryStart {
    /// It starts with SELECT, VALUES or WITH.
    Yes,
    /// It starts with parentheses around something that starts with SELECT, VALUES or WITH:
    /// `((SELECT 1) UNION (SELECT 2))` or `((SELECT 1) + 1)`; see [`query_or`].
    Maybe,
    No,
}

/// What a parenthesised group holds where it may hold a query or something else.
pub(crate) enum Parenthesised<T> {
    Query(Box<Query>),
    Other(T),
}

/// The parenthesised group that a [`QueryStart::Maybe`] group starts with, and its inside as
/// [`query_or`]'s caller reads it.
pub(crate) struct Lead<'s, L> {
    pub(crate) group: &'s GroupTok,
    pub(crate) inside: Parenthesised<L>,
}

/// Parses the inside of a [`QueryStart::Maybe`] group: a query if the query grammar reads all
/// of it (`((SELECT 1) UNION (SELECT 2))`), else what `other` reads (`((SELECT 1) + 1)`,
/// `((SELECT 1) s JOIN t ON ..)`).
///
/// Trying the query, then `other` on failure, would parse the leading group twice, its own
/// leading group four times, and so on: time exponential in the nesting. So the leading group
/// is parsed once, with `lead`, as `other` would (a query if it reads as one, which is also
/// what the query grammar takes), and the grammar that fits goes on from it. `other` gets the
/// level entered for it (an expression, or a table factor) to leave when it is done.
pub(super) fn query_or<'s, L, T>(
    p: &mut Parser<'s>,
    group: &'s GroupTok,
    lead: impl FnOnce(&mut Parser<'s>, &'s GroupTok) -> syn::Result<Parenthesised<L>>,
    other: impl FnOnce(&mut Parser<'s>, DepthGuard<'s>, Lead<'s, L>) -> syn::Result<T>,
) -> syn::Result<Parenthesised<T>> {
    // Measures the group alone, so that what goes on from the lead counts only the lead.
    let _height = p.chain();
    p.in_group(group, |p| {
        let guard = p.enter(p.span())?;
        let Some(first) = p.peek_group(Delimiter::Parenthesis) else {
            return Err(p.expected("`(`"));
        };
        p.bump();
        let query = match lead(p, first)? {
            Parenthesised::Query(query) if p.at_end() || select::continues_query(p) => query,
            inside => {
                let lead = Lead {
                    group: first,
                    inside,
                };
                return other(p, guard, lead).map(Parenthesised::Other);
            }
        };
        let body = SetExpr::Query {
            query,
            paren_token: first.span_open(),
        };
        let whole = p.attempt(|p| {
            let query = select::query_after_lead(p, body)?;
            if p.at_end() {
                Ok(query)
            } else {
                Err(p.expected("`)`"))
            }
        });
        match whole {
            Ok(query) => Ok(Parenthesised::Query(Box::new(query))),
            // `other` would stop at the word the query went on with: no expression, list or
            // join goes on with UNION, ORDER BY or LIMIT.
            Err(_) => Err(p.expected("`)`")),
        }
    })
}

/// The inside of `group` where a query or something else may go: a query, else what `inner`
/// reads of the whole inside, or what `after_lead` reads after a parenthesised lead (see
/// [`query_or`]).
pub(super) fn query_or_other<'s, T>(
    p: &mut Parser<'s>,
    group: &'s GroupTok,
    inner: fn(&mut Parser<'s>) -> syn::Result<T>,
    after_lead: fn(&mut Parser<'s>, DepthGuard<'s>, Lead<'s, T>) -> syn::Result<T>,
) -> syn::Result<Parenthesised<T>> {
    match looks_like_query(group) {
        QueryStart::Yes => p
            .in_group(group, select::query)
            .map(|query| Parenthesised::Query(Box::new(query))),
        QueryStart::Maybe => query_or(
            p,
            group,
            |p, first| query_or_other(p, first, inner, after_lead),
            after_lead,
        ),
        QueryStart::No => p.in_group(group, inner).map(Parenthesised::Other),
    }
}

pub(super) fn looks_like_query(group: &GroupTok) -> QueryStart {
    let mut group = group;
    let mut nested = false;
    for step in 0..MAX_DEPTH {
        let Some(toks) = group.plain_tokens() else {
            // The lexed tokens do not show the first token tree: read it from the group.
            return looks_like_query_from(group.stream().into_iter().next(), nested, step);
        };
        match toks.first() {
            Some(Tok::Word(word)) => {
                let query = matches!(word.keyword(), Some(Kw::Select | Kw::Values | Kw::With));
                return match (query, nested) {
                    (true, false) => QueryStart::Yes,
                    (true, true) => QueryStart::Maybe,
                    _ => QueryStart::No,
                };
            }
            Some(Tok::Group(inner)) if inner.delimiter() == Delimiter::Parenthesis => {
                nested = true;
                group = inner;
            }
            _ => return QueryStart::No,
        }
    }
    QueryStart::No
}

/// [`looks_like_query`] on the token trees themselves, from its `step`th step on.
fn looks_like_query_from(
    mut first: Option<TokenTree>,
    mut nested: bool,
    step: usize,
) -> QueryStart {
    for _ in step..MAX_DEPTH {
        match first {
            Some(TokenTree::Ident(ident)) => {
                let word = ident.to_string().to_ascii_uppercase();
                let query = matches!(word.as_str(), "SELECT" | "VALUES" | "WITH");
                return match (query, nested) {
                    (true, false) => QueryStart::Yes,
                    (true, true) => QueryStart::Maybe,
                    _ => QueryStart::No,
                };
            }
            Some(TokenTree::Group(g))
                if matches!(g.delimiter(), Delimiter::Parenthesis | Delimiter::None) =>
            {
                nested |= g.delimiter() == Delimiter::Parenthesis;
                first = g.stream().into_iter().next();
            }
            _ => return QueryStart::No,
        }
    }
    QueryStart::No
}
