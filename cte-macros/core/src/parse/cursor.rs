//! The token cursor over what the lexer made, with the keyword peeks, the depth guard and the
//! one `expected` helper for syntax errors.

use std::cell::{Cell, RefCell};

use proc_macro2::{Delimiter, Span, TokenStream};

use super::keyword::{is_reserved_alias, is_reserved_name, Kw};
use super::lex::{lex, GroupTok, Tok, Word};
use super::misspelled::misspelled_keyword;
use crate::ast::{Ident, Keyed, ObjectName};

/// How deep expressions, subqueries and parentheses may nest. Every parenthesis, subquery and
/// prefix operator is a level, and parsing a level takes stack.
pub(crate) const MAX_DEPTH: usize = 128;

/// The syntax error: "expected `what`, found ..." on the token where parsing stopped.
pub(crate) fn expected(what: &str, found: Option<&Tok>, end: Span) -> syn::Error {
    match found {
        Some(tok) => syn::Error::new(
            tok.span(),
            format!("expected {what}, found {}", tok.describe()),
        ),
        None => syn::Error::new(end, format!("expected {what}, found end of input")),
    }
}

/// What all the cursors of one macro call share: the parameter counter, the nesting depth,
/// the syntax errors recovered from so far and the `cte!` items spliced into FROM clauses.
#[derive(Default)]
pub(crate) struct State {
    params: Cell<usize>,
    depth: Cell<usize>,
    /// The height in chain links of the operands parsed since a `Chain` last reset it.
    height: Cell<usize>,
    recovered: RefCell<Vec<syn::Error>>,
    from_splices: RefCell<Vec<FromSplice>>,
    /// The word last read as an alias without `AS`: a syntax error right after it may be a
    /// misspelled keyword (see `parse::misspelled`).
    implicit_alias: Cell<Option<*const Tok>>,
}

/// `FROM {path}`: a `cte!` item read as a table. The reference itself is parsed as a table
/// named like the item; the item joins the statement's leading WITH once the whole statement
/// is parsed (see `parse::from_splice`).
#[derive(Clone, Debug)]
pub(crate) struct FromSplice {
    pub(crate) path: syn::Path,
    /// The path's last segment: the name the query reads the item by.
    pub(crate) name: crate::ast::Ident,
    /// The braces around the path.
    pub(crate) span: Span,
}

impl State {
    /// The syntax errors that parsing recovered from, in source order.
    pub(crate) fn into_recovered(self) -> Vec<syn::Error> {
        self.recovered.into_inner()
    }

    /// The `FROM {path}` splices parsed so far, in source order.
    pub(crate) fn take_from_splices(&self) -> Vec<FromSplice> {
        self.from_splices.take()
    }
}

/// Leaves one nesting level, or one chain link, when dropped.
pub(crate) struct DepthGuard<'s>(&'s Cell<usize>);

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

/// The macro input, lexed: its tokens, which the cursors borrow, or the first lexing error.
pub(crate) struct Input {
    toks: syn::Result<Vec<Tok>>,
    /// Where "found end of input" points: the last token, or its closing delimiter.
    end: Span,
}

impl Input {
    pub(crate) fn new(stream: TokenStream) -> Self {
        let mut toks = Vec::new();
        match lex(stream, &mut toks) {
            Ok(edges) => Input {
                toks: Ok(toks),
                end: edges.last.unwrap_or_else(Span::call_site),
            },
            Err(error) => Input {
                toks: Err(error),
                end: Span::call_site(),
            },
        }
    }
}

/// A cursor over the tokens of one level: the macro input or the inside of one group.
pub(crate) struct Parser<'s> {
    toks: &'s [Tok],
    pos: usize,
    /// Where "found end of input" points: the closing delimiter, or the last token.
    end: Span,
    state: &'s State,
}

impl<'s> Parser<'s> {
    /// A cursor over the whole macro input.
    pub(crate) fn new(input: &'s Input, state: &'s State) -> syn::Result<Self> {
        match &input.toks {
            Ok(toks) => Ok(Parser {
                toks,
                pos: 0,
                end: input.end,
                state,
            }),
            Err(error) => Err(error.clone()),
        }
    }

    pub(crate) fn peek(&self) -> Option<&'s Tok> {
        self.toks.get(self.pos)
    }

    pub(crate) fn peek_nth(&self, n: usize) -> Option<&'s Tok> {
        self.toks.get(self.pos + n)
    }

    /// Takes the next token.
    pub(crate) fn bump(&mut self) -> Option<&'s Tok> {
        let tok = self.toks.get(self.pos);
        if tok.is_some() {
            self.pos += 1;
        }
        tok
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    /// The syntax error at the current token, or on the alias before it when that alias is a
    /// misspelled keyword.
    pub(crate) fn expected(&self, what: &str) -> syn::Error {
        let error = expected(what, self.peek(), self.end);
        match self.misspelled_alias() {
            Some((word, keyword)) => syn::Error::new(
                word.ident.span(),
                format!(
                    "`{}` is read as an alias of what comes before it\n\
                     help: did you mean `{keyword}`?\n\
                     note: {error}",
                    word.ident
                ),
            ),
            None => error,
        }
    }

    /// The word just before the cursor, if it was read as an alias without `AS` and spells a
    /// clause keyword with a typo, and that keyword.
    fn misspelled_alias(&self) -> Option<(&'s Word, String)> {
        let before = self.toks.get(self.pos.checked_sub(1)?)?;
        if !std::ptr::eq(before, self.state.implicit_alias.get()?) {
            return None;
        }
        match before {
            Tok::Word(w) if !w.raw => {
                misspelled_keyword(&w.ident.to_string()).map(|keyword| (w, keyword))
            }
            _ => None,
        }
    }

    /// The span of the current token, or of the end of input.
    pub(crate) fn span(&self) -> Span {
        self.peek().map_or(self.end, Tok::span)
    }

    // ---- keywords ----

    pub(crate) fn peek_kw(&self, kw: Kw) -> bool {
        self.peek_nth_kw(0, kw)
    }

    pub(crate) fn peek_nth_kw(&self, n: usize, kw: Kw) -> bool {
        matches!(self.peek_nth(n), Some(Tok::Word(w)) if w.is(kw))
    }

    /// The keyword at the cursor, if the word there is one.
    pub(crate) fn peek_keyword(&self) -> Option<Kw> {
        match self.peek() {
            Some(Tok::Word(w)) => w.keyword(),
            _ => None,
        }
    }

    pub(crate) fn eat_kw(&mut self, kw: Kw) -> Option<Span> {
        let found = self.peek_kw(kw);
        self.take_if(found)
    }

    /// An optional clause, `kw value`: the keyword's token and what `value` parses after it.
    pub(crate) fn keyed<T>(
        &mut self,
        kw: Kw,
        value: impl FnOnce(&mut Self) -> syn::Result<T>,
    ) -> syn::Result<Option<Keyed<T>>> {
        match self.eat_kw(kw) {
            Some(token) => Ok(Some(Keyed {
                token,
                value: value(self)?,
            })),
            None => Ok(None),
        }
    }

    pub(crate) fn expect_kw(&mut self, kw: Kw) -> syn::Result<Span> {
        self.eat_kw(kw)
            .ok_or_else(|| self.expected(&format!("`{}`", kw.as_str())))
    }

    // ---- operators ----

    pub(crate) fn peek_op(&self, op: &str) -> bool {
        self.peek_nth_op(0, op)
    }

    pub(crate) fn peek_nth_op(&self, n: usize, op: &str) -> bool {
        matches!(self.peek_nth(n), Some(Tok::Op(o)) if o.text == op)
    }

    pub(crate) fn eat_op(&mut self, op: &str) -> Option<Span> {
        let found = self.peek_op(op);
        self.take_if(found)
    }

    /// Moves past the next token when `found` (it is what the caller looked for), and returns
    /// its span.
    fn take_if(&mut self, found: bool) -> Option<Span> {
        found.then(|| {
            let span = self.span();
            self.pos += 1;
            span
        })
    }

    pub(crate) fn expect_op(&mut self, op: &str) -> syn::Result<Span> {
        self.eat_op(op)
            .ok_or_else(|| self.expected(&format!("`{op}`")))
    }

    // ---- groups ----

    pub(crate) fn peek_group(&self, delimiter: Delimiter) -> Option<&'s GroupTok> {
        match self.peek() {
            Some(Tok::Group(g)) if g.delimiter() == delimiter => Some(g),
            _ => None,
        }
    }

    pub(crate) fn peek_paren(&self) -> bool {
        self.peek_group(Delimiter::Parenthesis).is_some()
    }

    /// Takes a parenthesised group, or fails with "expected `what`".
    pub(crate) fn expect_paren(&mut self, what: &str) -> syn::Result<&'s GroupTok> {
        match self.peek_group(Delimiter::Parenthesis) {
            Some(g) => {
                self.pos += 1;
                Ok(g)
            }
            None => Err(self.expected(what)),
        }
    }

    /// Parses the inside of `group` with `f`, which must use all of it.
    pub(crate) fn in_group<T>(
        &self,
        group: &'s GroupTok,
        f: impl FnOnce(&mut Parser<'s>) -> syn::Result<T>,
    ) -> syn::Result<T> {
        let _guard = self.enter(group.span_open())?;
        let toks = match &group.level().toks {
            Ok(toks) => toks,
            Err(error) => return Err(error.clone()),
        };
        let mut inner = Parser {
            toks,
            pos: 0,
            end: group.span_close(),
            state: self.state,
        };
        let value = f(&mut inner)?;
        if !inner.at_end() {
            return Err(inner.expected("`)`"));
        }
        Ok(value)
    }

    /// Enters one nesting level; deep nesting is an error, not a stack overflow.
    pub(crate) fn enter(&self, span: Span) -> syn::Result<DepthGuard<'s>> {
        let depth = self.state.depth.get() + 1;
        if depth > MAX_DEPTH {
            return Err(syn::Error::new(
                span,
                format!(
                    "the query nests too deeply (more than {MAX_DEPTH} levels of parentheses, \
                     subqueries and operators); split it, or move parts into CTEs"
                ),
            ));
        }
        self.state.depth.set(depth);
        Ok(DepthGuard(&self.state.depth))
    }

    /// The height measured by [`super::chain::Chain`].
    pub(crate) fn height(&self) -> &'s Cell<usize> {
        &self.state.height
    }

    // ---- parameters ----

    /// The index of the next `{expr}` parameter, in source order.
    pub(crate) fn next_param(&self) -> usize {
        let index = self.state.params.get();
        self.state.params.set(index + 1);
        index
    }

    /// Runs `f`, and if it fails leaves the cursor, the parameter count, the recovered errors
    /// and the splices as they were.
    pub(crate) fn attempt<T>(
        &mut self,
        f: impl FnOnce(&mut Parser<'s>) -> syn::Result<T>,
    ) -> syn::Result<T> {
        let (pos, params) = (self.pos, self.state.params.get());
        let recovered = self.state.recovered.borrow().len();
        let splices = self.state.from_splices.borrow().len();
        let alias = self.state.implicit_alias.get();
        let result = f(self);
        if result.is_err() {
            self.pos = pos;
            self.state.implicit_alias.set(alias);
            self.state.params.set(params);
            self.state.recovered.borrow_mut().truncate(recovered);
            self.state.from_splices.borrow_mut().truncate(splices);
        }
        result
    }

    /// Whether a `FROM {path}` splice has been parsed so far.
    pub(crate) fn has_from_splices(&self) -> bool {
        !self.state.from_splices.borrow().is_empty()
    }

    /// Records a `FROM {path}` splice.
    pub(crate) fn splice_from(&self, splice: FromSplice) {
        self.state.from_splices.borrow_mut().push(splice);
    }

    /// Records a syntax error that parsing goes on after, having skipped the group it is in.
    pub(crate) fn recover(&self, error: syn::Error) {
        self.state.recovered.borrow_mut().push(error);
    }

    // ---- names ----

    /// A name: any word but a reserved one, which must be written `r#name`.
    pub(crate) fn ident(&mut self, what: &str) -> syn::Result<Ident> {
        match self.peek() {
            Some(Tok::Word(w)) if !w.keyword().is_some_and(is_reserved_name) => {
                let ident = w.to_ident();
                self.pos += 1;
                Ok(ident)
            }
            Some(Tok::Word(w)) => Err(syn::Error::new(
                w.ident.span(),
                format!(
                    "expected {what}, found keyword `{}`; write `r#{}` to use it as a name",
                    w.ident,
                    w.value()
                ),
            )),
            _ => Err(self.expected(what)),
        }
    }

    /// `ident (, ident)*`
    pub(crate) fn ident_list(&mut self, what: &str) -> syn::Result<Vec<Ident>> {
        comma_separated(self, |p| p.ident(what))
    }

    /// `(ident, ...)`
    pub(crate) fn paren_ident_list(&mut self, what: &str) -> syn::Result<Vec<Ident>> {
        let group = self.expect_paren("`(`")?;
        self.in_group(group, |p| p.ident_list(what))
    }

    /// An alias written without `AS`: a word that cannot start the next clause.
    pub(crate) fn implicit_alias(&mut self) -> Option<Ident> {
        match self.peek() {
            Some(tok @ Tok::Word(w)) if !w.keyword().is_some_and(is_reserved_alias) => {
                let ident = w.to_ident();
                self.pos += 1;
                self.state.implicit_alias.set(Some(tok));
                Some(ident)
            }
            _ => None,
        }
    }

    /// `[AS] alias`
    pub(crate) fn alias(&mut self) -> syn::Result<Option<Ident>> {
        if self.eat_kw(Kw::As).is_some() {
            self.ident("an alias").map(Some)
        } else {
            Ok(self.implicit_alias())
        }
    }

    /// `name (. name)*`
    pub(crate) fn object_name(&mut self, what: &str) -> syn::Result<ObjectName> {
        // Room for `t.column` without growing.
        let mut parts = Vec::with_capacity(2);
        parts.push(self.ident(what)?);
        while self.peek_op(".") && matches!(self.peek_nth(1), Some(Tok::Word(_))) {
            self.pos += 1;
            parts.push(self.ident("a name")?);
        }
        Ok(ObjectName { parts })
    }
}

/// `item (, item)*`
pub(crate) fn comma_separated<'s, T>(
    p: &mut Parser<'s>,
    mut item: impl FnMut(&mut Parser<'s>) -> syn::Result<T>,
) -> syn::Result<Vec<T>> {
    // Most lists are short: room for four, rather than growing from one.
    let mut items = Vec::with_capacity(4);
    items.push(item(p)?);
    while p.eat_op(",").is_some() {
        items.push(item(p)?);
    }
    Ok(items)
}
