//! Views (and `CREATE TABLE ... AS` tables) typed like CTEs: their query is read with the
//! macros' own grammar and checked against the relations created before it, and the names
//! check's output types become the view's columns.
//!
//! The query is SQL text, so it is turned into the tokens the macros read: a string literal
//! becomes a Rust string literal, a quoted name a raw identifier (`"Order"` is `r#Order`), and
//! operators are joined as Rust would join them. A query the grammar does not read (a
//! construct the macros lack, a string of a special form) leaves the view with its listed
//! column names, or none, as before; it is not an error, since the engines read it.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

use super::lex::{Kind, Token};
use super::model::{Body, Name, Schema};

/// Types every view of `schema`, in the order they were created.
pub(crate) fn type_views(schema: &mut Schema) {
    for i in 0..schema.relations.len() {
        let Body::Query { columns, query, .. } = &schema.relations[i].body else {
            continue;
        };
        let Some(tokens) = tokens(query) else {
            continue;
        };
        let before = Schema {
            relations: schema.relations[..i].to_vec(),
        };
        let typed = typed_columns(tokens, columns.as_deref(), &before);
        if let Body::Query { typed: slot, .. } = &mut schema.relations[i].body {
            *slot = typed;
        }
    }
}

/// The output columns of the query `tokens`, named by `columns` when the view lists them,
/// typed against `schema`; `None` when the query does not read or check.
fn typed_columns(
    tokens: TokenStream,
    columns: Option<&[Name]>,
    schema: &Schema,
) -> Option<Vec<(Name, crate::typing::Typed)>> {
    let parsed = crate::parse::select_recovering(tokens);
    let checked = crate::check::statement(parsed, Some(schema)).ok()?;
    let types = checked.types.columns?;
    let names: Vec<Name> = match columns {
        Some(listed) => listed.to_vec(),
        None => crate::expand::output_columns(
            &checked.stmt,
            &checked.types.stars,
            crate::expand::Reader::SelectAs,
        )
        .ok()?
        .into_iter()
        .map(|ident| Name::new(ident.value, ident.raw))
        .collect(),
    };
    (names.len() == types.len()).then(|| names.into_iter().zip(types).collect())
}

/// The tokens of a query as the macros read them, or `None` for one they cannot.
fn tokens(query: &[Token]) -> Option<TokenStream> {
    let mut stack: Vec<Vec<TokenTree>> = vec![Vec::new()];
    for (i, token) in query.iter().enumerate() {
        let tree: TokenTree = match &token.kind {
            Kind::Word(word) => ident(word)?.into(),
            Kind::Quoted(name) => raw_ident(name)?.into(),
            Kind::Str(Some(text)) => Literal::string(text).into(),
            Kind::Str(None) => return None,
            Kind::Number(digits) => {
                let mut parsed = digits.parse::<TokenStream>().ok()?.into_iter();
                match (parsed.next()?, parsed.next()) {
                    (literal @ TokenTree::Literal(_), None) => literal,
                    _ => return None,
                }
            }
            Kind::Punct('(') => {
                stack.push(Vec::new());
                continue;
            }
            Kind::Punct(')') => {
                let inner: TokenStream = stack.pop()?.into_iter().collect();
                let group = Group::new(Delimiter::Parenthesis, inner);
                stack.last_mut()?.push(group.into());
                continue;
            }
            // A character Rust has no punctuation token for (`{`, `\`, `€`): not a query the
            // macros read.
            Kind::Punct(c) if !is_rust_punct(*c) => return None,
            Kind::Punct(c) => {
                // `<=`, `>=`, `<>`, `!=`, `||`: joined to the next character, as in Rust.
                let joint = matches!(
                    (c, query.get(i + 1).map(|t| &t.kind)),
                    ('<', Some(Kind::Punct('=' | '>')))
                        | ('>' | '!', Some(Kind::Punct('=')))
                        | ('|', Some(Kind::Punct('|')))
                );
                let spacing = if joint {
                    Spacing::Joint
                } else {
                    Spacing::Alone
                };
                Punct::new(*c, spacing).into()
            }
        };
        stack.last_mut()?.push(tree);
    }
    match <[_; 1]>::try_from(stack) {
        Ok([top]) => Some(top.into_iter().collect()),
        Err(_) => None,
    }
}

/// A quoted name as a raw identifier, when it is one Rust can write.
fn raw_ident(name: &str) -> Option<Ident> {
    let raw_allowed = !matches!(name, "self" | "Self" | "super" | "crate");
    (is_identifier(name) && raw_allowed).then(|| Ident::new_raw(name, Span::call_site()))
}

/// A word as an identifier, when it is one Rust can write.
fn ident(word: &str) -> Option<Ident> {
    is_identifier(word).then(|| Ident::new(word, Span::call_site()))
}

/// Whether `text` is a Rust identifier (`_` alone is not).
fn is_identifier(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
        && text != "_"
}

/// Whether `c` is a character `proc_macro2::Punct` takes.
fn is_rust_punct(c: char) -> bool {
    "!#$%&'*+,-./:;<=>?@^|~".contains(c)
}
