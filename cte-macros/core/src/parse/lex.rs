//! The lexer: Rust tokens turned into SQL words, operators, literals and groups, a group's
//! inside lexed only when the parser first looks into it.

use std::cell::OnceCell;
use std::fmt::{self, Write as _};

use proc_macro2::{Delimiter, Group, Literal, Spacing, Span, TokenStream, TokenTree};

use super::keyword::{is_reserved_name, Kw};
use crate::ast::Ident;

/// One SQL token.
pub(crate) enum Tok {
    Word(Word),
    Op(Op),
    Lit(Literal),
    Group(GroupTok),
}

/// An identifier or keyword.
pub(crate) struct Word {
    pub(crate) ident: proc_macro2::Ident,
    pub(crate) raw: bool,
    /// Looked up once when lexing: the parser asks about the same word many times.
    keyword: Option<Kw>,
    /// The text as written, when it is short: most names are.
    head: Head,
}

/// An operator or punctuation, with `||`, `<>`, `!=`, `<=` and `>=` already joined.
pub(crate) struct Op {
    pub(crate) text: &'static str,
    pub(crate) span: Span,
}

/// A delimited group, whose inside is lexed the first time the parser looks into it and kept:
/// a group is often looked into more than once (is it a subquery? then parse it), and a group
/// that is never entered is never lexed, so its lexing errors are reported only if it is.
pub(crate) struct GroupTok {
    group: Group,
    inner: OnceCell<Level>,
}

/// The tokens inside a group, or the first error lexing them met.
pub(super) struct Level {
    pub(super) toks: syn::Result<Vec<Tok>>,
    /// The first token tree is an invisible group (a `macro_rules!` fragment), which lexing
    /// flattens: the inside then does not show what the group starts with.
    starts_with_fragment: bool,
}

impl GroupTok {
    pub(crate) fn delimiter(&self) -> Delimiter {
        self.group.delimiter()
    }

    pub(crate) fn span(&self) -> Span {
        self.group.span()
    }

    pub(crate) fn span_open(&self) -> Span {
        self.group.span_open()
    }

    pub(crate) fn span_close(&self) -> Span {
        self.group.span_close()
    }

    pub(crate) fn stream(&self) -> TokenStream {
        self.group.stream()
    }

    pub(super) fn level(&self) -> &Level {
        self.inner.get_or_init(|| {
            let mut toks = Vec::new();
            match lex(self.group.stream(), &mut toks) {
                Ok(edges) => Level {
                    toks: Ok(toks),
                    starts_with_fragment: edges.starts_with_fragment,
                },
                Err(error) => Level {
                    toks: Err(error),
                    starts_with_fragment: false,
                },
            }
        })
    }

    /// The tokens inside, unless their first token tree is a fragment or lexing failed.
    pub(crate) fn plain_tokens(&self) -> Option<&[Tok]> {
        match self.level() {
            Level {
                toks: Ok(toks),
                starts_with_fragment: false,
            } => Some(toks),
            _ => None,
        }
    }
}

impl Tok {
    pub(crate) fn span(&self) -> Span {
        match self {
            Tok::Word(w) => w.ident.span(),
            Tok::Op(o) => o.span,
            Tok::Lit(l) => l.span(),
            Tok::Group(g) if g.delimiter() == Delimiter::Brace => g.span(),
            Tok::Group(g) => g.span_open(),
        }
    }

    pub(super) fn describe(&self) -> String {
        match self {
            Tok::Word(w) if w.keyword().is_some_and(is_reserved_name) => {
                format!("keyword `{}`", w.ident)
            }
            Tok::Word(w) => format!("`{}`", w.ident),
            Tok::Op(o) => format!("`{}`", o.text),
            Tok::Lit(l) => {
                let text = l.to_string();
                match text.char_indices().nth(24) {
                    Some((cut, _)) => format!("`{}...`", &text[..cut]),
                    None => format!("`{text}`"),
                }
            }
            Tok::Group(g) => match g.delimiter() {
                Delimiter::Parenthesis => "`(`".to_owned(),
                Delimiter::Bracket => "`[`".to_owned(),
                Delimiter::Brace => "a `{...}` parameter".to_owned(),
                Delimiter::None => "a macro fragment".to_owned(),
            },
        }
    }
}

impl Word {
    /// The keyword this word spells, unless it is a raw identifier.
    pub(crate) fn keyword(&self) -> Option<Kw> {
        self.keyword
    }

    pub(crate) fn is(&self, kw: Kw) -> bool {
        self.keyword == Some(kw)
    }

    /// The name without `r#`, made only for the words that become names.
    pub(crate) fn value(&self) -> String {
        let start = if self.raw { 2 } else { 0 };
        if let (false, Some(Ok(value))) = (
            self.head.cut,
            self.head.bytes().get(start..).map(std::str::from_utf8),
        ) {
            return value.to_owned();
        }
        let mut value = self.ident.to_string();
        if self.raw {
            value.drain(..2);
        }
        value
    }

    pub(crate) fn to_ident(&self) -> Ident {
        Ident {
            value: self.value(),
            raw: self.raw,
            span: self.ident.span(),
        }
    }
}

/// What lexing one level saw at its edges.
pub(super) struct Edges {
    /// The first token tree is an invisible group.
    starts_with_fragment: bool,
    /// Where the last token tree ends: its closing delimiter, or itself.
    pub(super) last: Option<Span>,
}

/// Lexes one level onto `out`; invisible groups are flattened, delimited ones kept whole.
pub(super) fn lex(input: TokenStream, out: &mut Vec<Tok>) -> syn::Result<Edges> {
    let mut edges = Edges {
        starts_with_fragment: false,
        last: None,
    };
    let mut iter = input.into_iter().peekable();
    out.reserve(iter.size_hint().0);
    while let Some(tt) = iter.next() {
        if edges.last.is_none() {
            edges.starts_with_fragment =
                matches!(&tt, TokenTree::Group(g) if g.delimiter() == Delimiter::None);
        }
        edges.last = Some(match &tt {
            TokenTree::Group(g) => g.span_close(),
            tt => tt.span(),
        });
        match tt {
            TokenTree::Ident(ident) => {
                let mut head = Head::default();
                // Cannot fail: `Head` keeps what fits and drops the rest.
                let _ = write!(head, "{ident}");
                let raw = head.bytes().starts_with(b"r#");
                let keyword = if raw || head.cut {
                    None
                } else {
                    Kw::lookup(head.bytes())
                };
                out.push(Tok::Word(Word {
                    ident,
                    raw,
                    keyword,
                    head,
                }));
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                if c == '\'' {
                    return Err(syn::Error::new(
                        punct.span(),
                        "SQL strings are Rust string literals here: write \"...\" instead of '...'",
                    ));
                }
                let mut text = punct_text(c)
                    .ok_or_else(|| syn::Error::new(punct.span(), format!("unexpected `{c}`")))?;
                if let Some(TokenTree::Punct(next)) = iter.peek() {
                    // The two-character operators are joined whatever the spacing, since `< >`
                    // means nothing else; `- -` stays a double minus unless written `--`.
                    let joint = punct.spacing() == Spacing::Joint;
                    let joined = match (c, next.as_char()) {
                        ('-', '-') if joint => {
                            return Err(syn::Error::new(
                                punct.span(),
                                "SQL comments are not supported; use `//` or `/* */`",
                            ))
                        }
                        (':', ':') if joint => {
                            return Err(syn::Error::new(
                                punct.span(),
                                "`::` casts are not supported; write CAST(x AS type)",
                            ))
                        }
                        ('|', '|') => Some("||"),
                        ('<', '>') => Some("<>"),
                        ('!', '=') => Some("!="),
                        ('<', '=') => Some("<="),
                        ('>', '=') => Some(">="),
                        _ => None,
                    };
                    if let Some(joined) = joined {
                        text = joined;
                        iter.next();
                    }
                }
                out.push(Tok::Op(Op {
                    text,
                    span: punct.span(),
                }));
            }
            TokenTree::Literal(lit) => {
                let mut head = Head::default();
                let _ = write!(head, "{lit}");
                if head.bytes().starts_with(b"'") {
                    let text = lit.to_string();
                    let inner = text.trim_matches('\'');
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "SQL strings are Rust string literals here: write \"{inner}\" instead of '{inner}'"
                        ),
                    ));
                }
                out.push(Tok::Lit(lit));
            }
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                lex(group.stream(), out)?;
            }
            TokenTree::Group(group) => out.push(Tok::Group(GroupTok {
                group,
                inner: OnceCell::new(),
            })),
        }
    }
    Ok(edges)
}

/// The text of a one-character operator: every character a Rust punctuation token can be.
fn punct_text(c: char) -> Option<&'static str> {
    Some(match c {
        '=' => "=",
        '<' => "<",
        '>' => ">",
        '!' => "!",
        '~' => "~",
        '+' => "+",
        '-' => "-",
        '*' => "*",
        '/' => "/",
        '%' => "%",
        '^' => "^",
        '&' => "&",
        '|' => "|",
        '@' => "@",
        '.' => ".",
        ',' => ",",
        ';' => ";",
        ':' => ":",
        '#' => "#",
        '$' => "$",
        '?' => "?",
        '\'' => "'",
        _ => return None,
    })
}

/// The start of an identifier, written out without allocating: enough to tell `r#` and any
/// keyword, which is all lexing asks of most words.
#[derive(Default)]
struct Head {
    buf: [u8; 16],
    len: usize,
    /// The identifier is longer than `buf`.
    cut: bool,
}

impl Head {
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for Head {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.len() - self.len;
        let taken = s.len().min(room);
        self.buf[self.len..self.len + taken].copy_from_slice(&s.as_bytes()[..taken]);
        self.len += taken;
        self.cut |= taken < s.len();
        Ok(())
    }
}
