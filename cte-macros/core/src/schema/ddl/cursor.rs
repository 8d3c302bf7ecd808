//! A cursor over one statement's tokens: peeking, taking keywords, names and groups, and
//! errors that name the line.

use super::{DdlError, Result};
use crate::schema::lex::{Kind, Token};
use crate::schema::model::{Location, Name};

/// One statement's tokens and a position in them.
pub(super) struct Stmt<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) pos: usize,
    pub(super) file: &'a str,
}

impl<'a> Stmt<'a> {
    /// A cursor at the start of `tokens`, of the file `file`.
    pub(super) fn new(tokens: &'a [Token], file: &'a str) -> Self {
        Stmt {
            tokens,
            pos: 0,
            file,
        }
    }

    pub(super) fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<&'a Token> {
        self.tokens.get(self.pos + ahead)
    }

    pub(super) fn next(&mut self) -> Option<&'a Token> {
        let t = self.tokens.get(self.pos);
        self.pos += usize::from(t.is_some());
        t
    }

    pub(super) fn at(&self, keyword: &str) -> bool {
        self.peek().is_some_and(|t| t.is(keyword))
    }

    pub(super) fn at_punct(&self, c: char) -> bool {
        self.peek().is_some_and(|t| t.is_punct(c))
    }

    /// Takes `keyword` if it comes next.
    pub(super) fn eat(&mut self, keyword: &str) -> bool {
        let at = self.at(keyword);
        self.pos += usize::from(at);
        at
    }

    /// Takes `keywords` if they all come next, in order.
    pub(super) fn eat_all(&mut self, keywords: &[&str]) -> bool {
        let all = keywords
            .iter()
            .enumerate()
            .all(|(i, k)| self.peek_at(i).is_some_and(|t| t.is(k)));
        if all {
            self.pos += keywords.len();
        }
        all
    }

    pub(super) fn eat_punct(&mut self, c: char) -> bool {
        let at = self.at_punct(c);
        self.pos += usize::from(at);
        at
    }

    /// The line of the next token, or of the statement's last one at its end.
    pub(super) fn line(&self) -> u32 {
        self.peek().or(self.tokens.last()).map_or(1, |t| t.line)
    }

    pub(super) fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(DdlError {
            line: self.line(),
            message: message.into(),
        })
    }

    pub(super) fn expected<T>(&self, what: &str) -> Result<T> {
        match self.peek() {
            Some(t) => self.error(format!("expected {what}, found {}", t.kind)),
            None => self.error(format!("expected {what}, found the end of the statement")),
        }
    }

    pub(super) fn location(&self) -> Location {
        Location {
            file: self.file.to_owned(),
            line: self.tokens.first().map_or(1, |t| t.line),
        }
    }

    /// A name, quoted or not.
    pub(super) fn name(&mut self, what: &str) -> Result<Name> {
        match self.peek().map(|t| &t.kind) {
            Some(Kind::Word(w)) => {
                let name = Name::new(w.clone(), false);
                self.pos += 1;
                Ok(name)
            }
            Some(Kind::Quoted(q)) => {
                let name = Name::new(q.clone(), true);
                self.pos += 1;
                Ok(name)
            }
            _ => self.expected(what),
        }
    }

    /// A possibly qualified name (`public.users`, `[dbo].[users]`): its last part.
    pub(super) fn object_name(&mut self, what: &str) -> Result<Name> {
        let mut name = self.name(what)?;
        while self.eat_punct('.') {
            name = self.name(what)?;
        }
        Ok(name)
    }

    /// Skips a parenthesised group whose `(` comes next, and returns the tokens inside it.
    pub(super) fn group(&mut self) -> Result<&'a [Token]> {
        if !self.eat_punct('(') {
            return self.expected("`(`");
        }
        let start = self.pos;
        let mut depth = 1;
        while let Some(t) = self.next() {
            match t.kind {
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(&self.tokens[start..self.pos - 1]);
                    }
                }
                _ => {}
            }
        }
        self.pos = start - 1;
        self.error("this `(` is never closed")
    }

    /// Skips tokens up to the next `,` outside parentheses, or the end; the `,` stays.
    pub(super) fn skip_to_comma(&mut self) -> Result<()> {
        while let Some(t) = self.peek() {
            match t.kind {
                Kind::Punct(',') => return Ok(()),
                Kind::Punct('(') => {
                    self.group()?;
                }
                _ => self.pos += 1,
            }
        }
        Ok(())
    }
}
