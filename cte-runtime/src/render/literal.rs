//! Identifiers, literals and parameters: the leaves of the tree.

use std::fmt::Write as _;

use super::facts::{ListForm, StringForm, TypedText};
use super::typing::Typing;
use super::{facts, reserved, Renderer, Res, Slot};
use crate::tree::{Ident, Literal, ObjectName};
use crate::value::uuid_text;
use crate::{Decimal, Dialect, Timestamp, Value};

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
            self.placeholder(Slot::Whole(index));
        }
        if let Some(name) = cast {
            self.write(" AS ");
            self.write(name);
            self.write(")");
        }
        Ok(())
    }

    /// A placeholder that binds `slot`: numbered by where the slot's value stands among the
    /// values bound, which is the source index unless a list spreads over several.
    pub(super) fn placeholder(&mut self, slot: Slot) {
        self.write(facts::placeholder(self.dialect));
        if facts::numbered_placeholders(self.dialect) {
            let (i, j) = match slot {
                Slot::Whole(i) => (i, 0),
                Slot::Item(i, j) => (i, j),
            };
            let before = match &self.widths {
                Some((_, offsets)) => offsets.get(i).copied().unwrap_or(i),
                None => i,
            };
            self.number(before + j + 1);
            self.bound_params = self.bound_params.max(before + j + 1);
        } else {
            self.placeholder_takes(slot);
            self.bound_params += 1;
        }
    }

    /// Notes that the next `?` takes `slot`. The order is only kept once it leaves source
    /// order, which most statements never do.
    fn placeholder_takes(&mut self, slot: Slot) {
        if self.params.is_empty() && slot == Slot::Whole(self.in_order) {
            self.in_order += 1;
            return;
        }
        if self.params.is_empty() {
            self.params.extend((0..self.in_order).map(Slot::Whole));
        }
        self.params.push(slot);
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
    pub(super) fn value(&mut self, value: &Value) -> Res {
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
            Value::Text(s) | Value::Json(s) => return self.string(s),
            Value::Bytes(b) => self.bytes(b),
            Value::Date(d) => self.typed_text(TypedText::Date, &d.to_string()),
            Value::Time(t) => {
                let text = t
                    .truncated(facts::fraction_digits(self.dialect))
                    .to_string();
                self.typed_text(TypedText::Time, &text);
            }
            Value::Timestamp(t) => self.timestamp(TypedText::Timestamp, *t),
            Value::TimestampTz(t) => self.timestamp(TypedText::TimestampTz, *t),
            Value::Uuid(u) if facts::uuid_as_bytes(self.dialect) => self.bytes(u),
            Value::Uuid(u) => self.typed_text(TypedText::Uuid, &uuid_text(u)),
            Value::Decimal(d) => return self.decimal(d),
            Value::Array(values) => return self.array(values),
        }
        Ok(())
    }

    /// A timestamp as the drivers bind it, to the fraction of a second the dialect keeps.
    fn timestamp(&mut self, typed: TypedText, t: Timestamp) {
        let digits = facts::fraction_digits(self.dialect);
        let t = Timestamp::new(t.date(), t.time().truncated(digits));
        let text = facts::timestamp_text(self.dialect, typed, t);
        self.typed_text(typed, &text);
    }

    /// Text that the dialect reads as the type `typed` (see `facts::typed_text`).
    fn typed_text(&mut self, typed: TypedText, text: &str) {
        let (before, after) = facts::typed_text(self.dialect, typed);
        self.write(before);
        // Digits, `-`, `:`, `.`, `+`, `T` and hex: the same in every quoting form.
        self.quoted_text(text, Inside::Plain);
        self.write(after);
    }

    /// An exact decimal: on PostgreSQL and SQLite as text, as the drivers bind it (PostgreSQL
    /// types it from where it stands, SQLite stores text). MySQL's and MariaDB's numeric literal
    /// is an exact DECIMAL up to 65 digits, where MySQL compares text with a DECIMAL as floats;
    /// past 65 digits the literal would be a float, so it stays text. SQL Server's numeric
    /// literal is exact up to 38 digits.
    fn decimal(&mut self, d: &Decimal) -> Res {
        match self.dialect {
            Dialect::MySql | Dialect::MariaDb if d.precision() <= 65 => self.write(d.as_str()),
            Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::Sqlite => {
                self.quoted_text(d.as_str(), Inside::Plain);
            }
            Dialect::MsSql if d.precision() > 38 => {
                return Err(self.unsupported(
                    "a decimal of more than 38 digits",
                    "SQL Server's DECIMAL holds 38 digits at most",
                ));
            }
            Dialect::MsSql => self.write(d.as_str()),
        }
        Ok(())
    }

    /// An array parameter written out: PostgreSQL's `ARRAY[...]`, or an empty one as `'{}'`,
    /// which takes its type from where it stands as an empty `ARRAY[]` cannot. Other engines
    /// have no arrays.
    fn array(&mut self, values: &[Value]) -> Res {
        match facts::list_form(self.dialect) {
            ListForm::Array if values.is_empty() => self.write("'{}'"),
            ListForm::Array => {
                self.write("ARRAY[");
                self.comma_separated(values, |r, v| r.value(v))?;
                self.write("]");
            }
            ListForm::Placeholders { .. } => {
                return Err(self.unsupported(
                    "an array parameter",
                    "only PostgreSQL has arrays; bind a list with `IN {list}`",
                ))
            }
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
