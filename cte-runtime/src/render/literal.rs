//! Identifiers, literals and parameters: the leaves of the tree.

use std::fmt::Write as _;

use super::facts::StringForm;
use super::typing::Typing;
use super::{facts, reserved, Renderer, Res};
use crate::tree::{Ident, Literal, ObjectName};
use crate::Value;

/// What a quoted literal escapes besides `'` (see `facts::StringForm`).
#[derive(Clone, Copy)]
enum Inside {
    Plain,
    /// `\` doubled, in PostgreSQL's `E'...'`.
    Backslashes,
    /// A line continuation after a `\` before a line break, in SQL Server's `N'...'`.
    Continuations,
}

impl Renderer<'_> {
    /// An identifier: as written; quoted when written raw (`r#order`); quoted when the dialect
    /// reserves the word, in the case the engine folds the unquoted name to (see `reserved.rs`).
    #[inline]
    pub(super) fn ident(&mut self, id: &Ident) {
        if id.raw {
            self.quoted(id.value, false);
        } else if reserved::needs_quotes(self.dialect, id.value) {
            self.quoted(id.value, facts::folds_to_lower(self.dialect));
        } else {
            self.write(id.value);
        }
    }

    /// A name in quotes; out of line, as most names are written as they are.
    #[cold]
    fn quoted(&mut self, name: &str, lower: bool) {
        let (open, close) = facts::identifier_quotes(self.dialect);
        self.sql.push(open);
        for c in name.chars() {
            if c == close {
                self.sql.push(close);
            }
            let c = if lower { c.to_ascii_lowercase() } else { c };
            self.sql.push(c);
        }
        self.sql.push(close);
    }

    /// `a.b.c`.
    pub(super) fn object_name(&mut self, name: &ObjectName) {
        for (i, part) in name.0.iter().enumerate() {
            if i > 0 {
                self.write(".");
            }
            self.ident(part);
        }
    }

    /// A function's name: as written unless raw. Reserved words name built-in functions
    /// (`LEFT`, `RANK`, `REPLACE`), which quoted would no longer be found.
    pub(super) fn function_name(&mut self, name: &ObjectName) {
        for (i, part) in name.0.iter().enumerate() {
            if i > 0 {
                self.write(".");
            }
            if part.raw {
                self.quoted(part.value, false);
            } else {
                self.write(part.value);
            }
        }
    }

    /// `a, b, c`.
    pub(super) fn ident_list(&mut self, ids: &[Ident]) -> Res {
        self.comma_separated(ids, |r, id| {
            r.ident(id);
            Ok(())
        })
    }

    pub(super) fn literal(&mut self, lit: &Literal) -> Res {
        match lit {
            Literal::Integer(digits) | Literal::Decimal(digits) => self.write(digits),
            Literal::String(s) => return self.string(s),
            Literal::Bool(b) => self.write(facts::bool_literal(self.dialect, *b)),
            Literal::Null => self.write("NULL"),
        }
        Ok(())
    }

    /// A string literal, in the form that means `s` under every session setting (see
    /// `facts::string_form`).
    pub(super) fn string(&mut self, s: &str) -> Res {
        match facts::string_form(self.dialect, s) {
            StringForm::Quoted => self.quoted_text(s, Inside::Plain),
            StringForm::Escaped => {
                self.write("E");
                self.quoted_text(s, Inside::Backslashes);
            }
            StringForm::National => {
                self.write("N");
                self.quoted_text(s, Inside::Continuations);
            }
            StringForm::Hex { open, close } => {
                self.write(open);
                self.hex(s.as_bytes());
                self.write(close);
            }
            StringForm::Refused { construct, help } => {
                return Err(self.unsupported(construct, help));
            }
        }
        Ok(())
    }

    /// `'...'` with `'` doubled, and what `inside` says.
    fn quoted_text(&mut self, s: &str, inside: Inside) {
        self.sql.push('\'');
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, inside) {
                ('\'', _) => self.write("''"),
                ('\\', Inside::Backslashes) => self.write("\\\\"),
                ('\\', Inside::Continuations) if matches!(chars.peek(), Some('\r' | '\n')) => {
                    self.write("\\\\\n");
                }
                (c, _) => self.sql.push(c),
            }
        }
        self.sql.push('\'');
    }

    /// Bytes as upper-case hex digits.
    fn hex(&mut self, bytes: &[u8]) {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        self.sql.reserve(bytes.len() * 2);
        for &b in bytes {
            self.sql.push(char::from(DIGITS[usize::from(b >> 4)]));
            self.sql.push(char::from(DIGITS[usize::from(b & 0xF)]));
        }
    }

    /// A parameter: a placeholder, or with `inline` set, the value as an escaped literal; cast
    /// where PostgreSQL would not type it right from where it stands (see `typing.rs`).
    pub(super) fn param(&mut self, index: usize, typing: Typing) -> Res {
        let cast = self.param_cast(index, typing);
        if cast.is_some() {
            self.write("CAST(");
        }
        if let Some(values) = self.inline {
            let value = values.get(index).ok_or_else(|| {
                self.unsupported(
                    "a parameter without a value",
                    "the query has fewer values than placeholders",
                )
            })?;
            self.value(value)?;
        } else {
            self.write(facts::placeholder(self.dialect));
            if facts::numbered_placeholders(self.dialect) {
                self.number(index + 1);
                self.bound_params = self.bound_params.max(index + 1);
            } else {
                self.placeholder_takes(index);
                self.bound_params += 1;
            }
        }
        if let Some(name) = cast {
            self.write(" AS ");
            self.write(name);
            self.write(")");
        }
        Ok(())
    }

    /// Notes that the next `?` takes the source parameter `index`. The order is only kept
    /// once it leaves source order, which most statements never do.
    fn placeholder_takes(&mut self, index: usize) {
        if self.params.is_empty() && index == self.in_order {
            self.in_order += 1;
            return;
        }
        if self.params.is_empty() {
            self.params.extend(0..self.in_order);
        }
        self.params.push(index);
    }

    /// A number in decimal, without the formatting machinery.
    pub(super) fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.sql
            .push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    }

    /// A value written as a literal, for `to_inline_sql`.
    fn value(&mut self, value: &Value) -> Res {
        match value {
            Value::Null => self.write("NULL"),
            Value::Bool(b) => self.write(facts::bool_literal(self.dialect, *b)),
            Value::I64(n) => {
                let _ = write!(self.sql, "{n}");
            }
            Value::F64(f) if !f.is_finite() => {
                return Err(self.unsupported(
                    "a NaN or infinite float as a literal",
                    "only finite numbers have a literal; bind the value as a parameter",
                ));
            }
            // `{:e}` is the shortest text that reads back as the same f64, in float syntax.
            Value::F64(f) if self.support().exponent_literal_is_numeric => {
                // A literal with an exponent is NUMERIC on PostgreSQL.
                let _ = write!(self.sql, "CAST({f:e} AS DOUBLE PRECISION)");
            }
            Value::F64(f) => {
                let _ = write!(self.sql, "{f:e}");
            }
            Value::Text(s) => return self.string(s),
            Value::Bytes(b) => self.bytes(b),
        }
        Ok(())
    }

    /// A byte string in the dialect's hex literal.
    fn bytes(&mut self, bytes: &[u8]) {
        let (open, close) = facts::bytes_literal(self.dialect);
        self.write(open);
        self.hex(bytes);
        self.write(close);
    }
}
