//! SQL text as tokens, for reading DDL files.
//!
//! Schema files are SQL, not Rust: `'it''s'` is one string, `"Order"` a quoted name and `--`
//! starts a comment, so Rust's tokenizer cannot read them. This lexer knows what the DDL of
//! the five dialects is written with, and no more: words, quoted names (`"x"`, `` `x` ``,
//! `[x]`), strings (`'x'`, `E'x'`, `N'x'`, `X'ff'`, PostgreSQL's `$tag$...$tag$`), numbers and
//! punctuation. Each token keeps its line, for errors that name where the file went wrong.

use std::fmt;

/// One token of SQL text, with the line it starts on (from 1).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// An unquoted word: a keyword or a name, as written.
    Word(String),
    /// A quoted name, unquoted (its doubled quotes made single).
    Quoted(String),
    /// A string literal: its text, its doubled quotes made single; `None` for a form whose
    /// text is not plain (`E'\n'`, `X'ff'`, `B'01'`, `U&'..'`). DDL reading skips them; a view's
    /// query keeps them.
    Str(Option<String>),
    Number(String),
    /// One punctuation character: `(`, `)`, `,`, `;`, `.`, and operators, one character each.
    Punct(char),
}

impl Token {
    /// Whether this is the unquoted word `keyword`, in any case.
    pub(crate) fn is(&self, keyword: &str) -> bool {
        matches!(&self.kind, Kind::Word(w) if w.eq_ignore_ascii_case(keyword))
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Word(w) => write!(f, "`{w}`"),
            Kind::Quoted(q) => write!(f, "`\"{q}\"`"),
            Kind::Str(_) => f.write_str("a string"),
            Kind::Number(n) => write!(f, "`{n}`"),
            Kind::Punct(c) => write!(f, "`{c}`"),
        }
    }
}

/// Where the text could not be read as tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LexError {
    pub line: u32,
    pub message: String,
}

/// The tokens of `text`, comments left out.
pub(crate) fn tokens(text: &str) -> Result<Vec<Token>, LexError> {
    let mut lexer = Lexer {
        chars: text.char_indices().peekable(),
        text,
        line: 1,
    };
    let mut out = Vec::new();
    while let Some(token) = lexer.next_token()? {
        out.push(token);
    }
    Ok(out)
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    text: &'a str,
    line: u32,
}

impl Lexer<'_> {
    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    /// The character after the next one.
    fn peek2(&self) -> Option<char> {
        let mut ahead = self.chars.clone();
        ahead.next();
        ahead.next().map(|(_, c)| c)
    }

    fn error(&self, line: u32, message: impl Into<String>) -> LexError {
        LexError {
            line,
            message: message.into(),
        }
    }

    fn next_token(&mut self) -> Result<Option<Token>, LexError> {
        loop {
            let Some(c) = self.peek() else {
                return Ok(None);
            };
            let line = self.line;
            let kind = match c {
                c if c.is_whitespace() => {
                    self.bump();
                    continue;
                }
                '-' if self.peek2() == Some('-') => {
                    self.skip_line();
                    continue;
                }
                // MySQL's line comment.
                '#' => {
                    self.skip_line();
                    continue;
                }
                '/' if self.peek2() == Some('*') => {
                    self.skip_block_comment(line)?;
                    continue;
                }
                '\'' => {
                    self.bump();
                    Kind::Str(Some(self.string(line)?))
                }
                '"' | '`' => {
                    self.bump();
                    Kind::Quoted(self.quoted(c, line)?)
                }
                '[' => {
                    self.bump();
                    Kind::Quoted(self.quoted(']', line)?)
                }
                '$' if self.peek2().is_some_and(|c| c == '$' || is_word_start(c)) => {
                    match self.dollar_quoted(line)? {
                        Some(kind) => kind,
                        // A `$` that opens no string (`$1`): a character of its own.
                        None => {
                            self.bump();
                            Kind::Punct('$')
                        }
                    }
                }
                c if c.is_ascii_digit() => Kind::Number(
                    self.take_while(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'),
                ),
                c if is_word_start(c) => {
                    let word =
                        self.take_while(|c| is_word_start(c) || c.is_ascii_digit() || c == '$');
                    // A prefixed string: E'..', N'..', X'..', B'..', U&'..'.
                    if self.peek() == Some('\'') && word.len() <= 2 {
                        self.bump();
                        let text = self.string(line)?;
                        // N'..' is plain text of the national character set.
                        Kind::Str(word.eq_ignore_ascii_case("N").then_some(text))
                    } else {
                        Kind::Word(word)
                    }
                }
                c => {
                    self.bump();
                    Kind::Punct(c)
                }
            };
            return Ok(Some(Token { kind, line }));
        }
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|&c| keep(c)) {
            out.push(c);
            self.bump();
        }
        out
    }

    fn skip_line(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// A `/* */` comment; PostgreSQL nests them, and nested ones are rare elsewhere.
    fn skip_block_comment(&mut self, line: u32) -> Result<(), LexError> {
        let mut depth = 0u32;
        loop {
            match (self.bump(), self.peek()) {
                (Some('/'), Some('*')) => {
                    self.bump();
                    depth += 1;
                }
                (Some('*'), Some('/')) => {
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                (Some(_), _) => {}
                (None, _) => return Err(self.error(line, "this comment is never closed")),
            }
        }
    }

    /// The rest of a string opened by `'`, and its text; a doubled quote stands for one, and a
    /// backslash before a quote escapes it where MySQL's default reads it so (see below).
    fn string(&mut self, line: u32) -> Result<String, LexError> {
        let quote = '\'';
        let mut text = String::new();
        loop {
            match self.bump() {
                Some(c) if c == quote => {
                    if self.peek() == Some(quote) {
                        self.bump();
                        text.push(quote);
                    } else {
                        return Ok(text);
                    }
                }
                Some('\\') if self.peek() == Some(quote) => {
                    // `'\''`: read as an escaped quote only when the string then still ends on
                    // this line, which is how MySQL writes it; PostgreSQL writes `''`.
                    let mut ahead = self.chars.clone();
                    ahead.next();
                    let rest: String = ahead.map(|(_, c)| c).take_while(|&c| c != '\n').collect();
                    if rest.contains('\'') {
                        self.bump();
                        text.push(quote);
                    } else {
                        // The backslash is text, and the quote ends the string.
                        self.bump();
                        text.push('\\');
                        return Ok(text);
                    }
                }
                Some(c) => text.push(c),
                None => return Err(self.error(line, "this string is never closed")),
            }
        }
    }

    /// A quoted name ending at `close`, doubled closing quotes made single.
    fn quoted(&mut self, close: char, line: u32) -> Result<String, LexError> {
        let mut out = String::new();
        loop {
            match self.bump() {
                Some(c) if c == close => {
                    if self.peek() == Some(close) {
                        self.bump();
                        out.push(close);
                    } else {
                        return Ok(out);
                    }
                }
                Some(c) => out.push(c),
                None => return Err(self.error(line, "this quoted name is never closed")),
            }
        }
    }

    /// PostgreSQL's `$tag$ ... $tag$` string (function bodies); `None`, with nothing read,
    /// when the `$` starts no such string (a `$1` parameter).
    fn dollar_quoted(&mut self, line: u32) -> Result<Option<Kind>, LexError> {
        let start = match self.chars.peek() {
            Some(&(i, _)) => i,
            None => return Ok(None),
        };
        let rest = &self.text[start + 1..];
        let Some(tag_len) = rest.find('$') else {
            return Ok(None);
        };
        let tag = &rest[..tag_len];
        if !tag.chars().all(|c| is_word_start(c) || c.is_ascii_digit()) {
            return Ok(None);
        }
        let delimiter = format!("${tag}$");
        let body = &self.text[start + delimiter.len()..];
        let Some(end) = body.find(&delimiter) else {
            return Err(self.error(line, format!("this `{delimiter}` string is never closed")));
        };
        let text = body[..end].to_owned();
        let total = self.text[start..start + delimiter.len() * 2 + end]
            .chars()
            .count();
        for _ in 0..total {
            self.bump();
        }
        Ok(Some(Kind::Str(Some(text))))
    }
}

fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}
