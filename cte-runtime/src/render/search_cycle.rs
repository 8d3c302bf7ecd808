//! SEARCH and CYCLE on the engines that lack them: MySQL, MariaDB and SQLite.
//!
//! PostgreSQL rewrites both clauses into columns of the CTE (see `rewrite.rs`); here those
//! columns are text paths that mean the same:
//!
//! - `SEARCH DEPTH FIRST BY k SET ord`: PostgreSQL's `ord` is the array of `ROW(k)` from the
//!   anchor down to the row, and ordering by it is depth-first order. Here `ord` is the same
//!   list as text, each key written so that the text sorts as the arrays do:
//!   - an integer as 20 characters: a sign digit and 19 digits, negative numbers offset by
//!     2^63 (so `-1` sorts below `0`);
//!   - text (and on SQLite a blob) as its bytes in upper-case hex, then a space. Hex digits
//!     keep the bytes' order, and the space, below every digit, ends the key, so a key sorts
//!     before the longer keys it starts and before the keys of the rows below it: the order of
//!     PostgreSQL under a binary ("C") collation, which is the order the test suite's
//!     databases use. Digits, `A` to `F` and the space sort alike in every collation MySQL and
//!     MariaDB have, so the column's collation does not matter; under another PostgreSQL
//!     collation (`en_US`) PostgreSQL's own order of text differs, as it does for a plain
//!     `ORDER BY name`;
//!   - NULL as `Z` and 19 zeros, after both, as in a record comparison.
//!
//!   Any other key value (a float, a date) makes the statement fail, with a message that says
//!   so, instead of sorting differently.
//! - `SEARCH BREADTH FIRST BY k SET ord`: `ord` is `ROW(depth, k)`; here the depth and the
//!   keys, written the same way.
//! - `CYCLE k SET is_cycle [TO v DEFAULT d] USING path`: `path` holds the keys of every row
//!   from the anchor down; a member row whose keys are already in its parent's path gets
//!   `is_cycle = v` and is not followed further (the member skips parents whose mark is `v`).
//!   Here the path is text: `,e1,e2,`, each entry the key values as text with `%`, `,` and `;`
//!   percent-escaped and joined by `;`, so an entry contains no separator and `,e,` occurs in
//!   the path exactly when an entry equals `e`. A NULL key value is a bare `%`, which no
//!   escaped text is (text `%` is `%25`): PostgreSQL compares the keys as records, where NULL
//!   equals NULL, so a repeated key with a NULL in it closes a cycle there too, and NULL stays
//!   apart from `''` and from `'NULL'`. The comparison is of the keys' text, byte for byte:
//!   what PostgreSQL's equality says for integers and text.
//!
//! The added columns can be ordered by (`ord`) and read (`is_cycle`), but the paths are not
//! PostgreSQL's arrays: a query that reads `ord` other than in ORDER BY, reads `path`, or
//! selects `*` from the CTE is refused.

use super::planner::Planner;
use super::rewrite::Role;
use super::walk::{walk_statement, Node};
use super::{facts, Renderer, Res};
use crate::tree::{
    Expr, Ident, Literal, Search, SearchOrder, Select, SelectItem, Statement, TableFactor,
};
use crate::{Dialect, RenderError};

/// `'Z'` and 19 zeros: a NULL key, after every number (`0...` and `1...`) and every text (hex
/// digits and spaces, which sort below `Z` in every collation).
const NULL_KEY: &str = "Z0000000000000000000";

impl Planner<'_> {
    /// Whether this dialect emulates SEARCH and CYCLE, or the error.
    pub(super) fn check_search_cycle_dialect(&self) -> Res {
        if self.support().search_cycle_emulated {
            return Ok(());
        }
        Err(self.unsupported(
            "SEARCH or CYCLE clause",
            "SQL Server's recursive CTEs take no SEARCH or CYCLE; order by a path column built \
             in the CTE and stop on a repeated key",
        ))
    }
}

impl Renderer<'_> {
    /// The value of the SEARCH column in a row of `s`.
    pub(super) fn search_value(
        &mut self,
        search: &Search,
        keys: &[usize],
        s: &Select,
        role: Role,
    ) -> Res {
        let anchor = matches!(role, Role::Anchor);
        let mut parts: Vec<Part<'_>> = Vec::new();
        if let Role::Member(q) = role {
            match search.order {
                SearchOrder::Depth => parts.push(Part::Column(q, search.set)),
                SearchOrder::Breadth => parts.push(Part::NextDepth(q, search.set)),
            }
        } else if search.order == SearchOrder::Breadth {
            parts.push(Part::Text("10000000000000000000"));
        }
        for &k in keys {
            parts.push(Part::SortKey(key_expr(s, k)));
        }
        self.wide_text(anchor, |r| r.concat_parts(&parts))
    }

    /// The value of the CYCLE mark column in a row of `s`.
    pub(super) fn cycle_mark_value(
        &mut self,
        value: &Expr,
        default: &Expr,
        keys: &[usize],
        path: &Ident,
        s: &Select,
        role: Role,
    ) -> Res {
        let Role::Member(q) = role else {
            // A text mark takes its width from the anchor on MySQL and MariaDB.
            let text = matches!(default, Expr::Literal(Literal::String(_)));
            return self.wide_text(text, |r| r.expr(default));
        };
        self.write("CASE WHEN ");
        self.path_contains(&q, path, keys, s)?;
        self.write(" THEN ");
        self.expr(value)?;
        self.write(" ELSE ");
        self.expr(default)?;
        self.write(" END");
        Ok(())
    }

    /// The value of the CYCLE path column in a row of `s`.
    pub(super) fn cycle_path_value(
        &mut self,
        using: &Ident,
        keys: &[usize],
        s: &Select,
        role: Role,
    ) -> Res {
        let anchor = matches!(role, Role::Anchor);
        let mut parts = Vec::new();
        match role {
            Role::Member(q) => parts.push(Part::Column(q, *using)),
            Role::Anchor => parts.push(Part::Text(",")),
        }
        parts.push(Part::Entry(keys.iter().map(|&k| key_expr(s, k)).collect()));
        parts.push(Part::Text(","));
        self.wide_text(anchor, |r| r.concat_parts(&parts))
    }

    /// `q.is_cycle <> v`: a member does not follow a row that closed a cycle.
    pub(super) fn cycle_filter(&mut self, q: &Ident, set: &Ident, value: &Expr) -> Res {
        self.ident(q);
        self.write(".");
        self.ident(set);
        self.write(" <> ");
        self.expr(value)
    }

    /// Whether the parent's path `q.path` holds the entry of this row's keys.
    fn path_contains(&mut self, q: &Ident, path: &Ident, keys: &[usize], s: &Select) -> Res {
        let needle = [
            Part::Text(","),
            Part::Entry(keys.iter().map(|&k| key_expr(s, k)).collect()),
            Part::Text(","),
        ];
        let haystack = [Part::Column(*q, *path)];
        if self.support().mysql_text_functions {
            // Byte for byte, whatever the collation.
            self.write("INSTR(CAST(");
            self.concat_parts(&haystack)?;
            self.write(" AS BINARY), CAST(");
            self.concat_parts(&needle)?;
            self.write(" AS BINARY)) > 0");
        } else {
            self.write("instr(");
            self.concat_parts(&haystack)?;
            self.write(", ");
            self.concat_parts(&needle)?;
            self.write(") > 0");
        }
        Ok(())
    }

    /// Text built in a recursive CTE takes its type from the anchor on MySQL and MariaDB: the
    /// anchor's value is cast to unbounded text there.
    fn wide_text(&mut self, anchor: bool, f: impl FnOnce(&mut Self) -> Res) -> Res {
        let widen = anchor && self.support().mysql_text_functions;
        if widen {
            self.write("CAST(");
        }
        f(self)?;
        if widen {
            self.write(&format!(" AS CHAR({}))", facts::MYSQL_TEXT_WIDTH));
        }
        Ok(())
    }

    /// Text parts, concatenated in the dialect's way.
    fn concat_parts(&mut self, parts: &[Part<'_>]) -> Res {
        let mysql = self.support().mysql_text_functions;
        if parts.len() == 1 {
            return self.part(&parts[0]);
        }
        if mysql {
            self.write("CONCAT(");
            self.comma_separated(parts, Self::part)?;
            self.write(")");
            Ok(())
        } else {
            self.separated(" || ", parts, Self::part)
        }
    }

    fn part(&mut self, part: &Part<'_>) -> Res {
        match part {
            Part::Text(t) => self.string(t),
            Part::Column(q, c) => {
                self.ident(q);
                self.write(".");
                self.ident(c);
                Ok(())
            }
            Part::NextDepth(q, c) => {
                // The parent's depth is the 19 digits after the sign digit of its sequence.
                let mysql = self.support().mysql_text_functions;
                let (substr, cast) = if mysql {
                    ("SUBSTRING", "SIGNED")
                } else {
                    ("substr", "INTEGER")
                };
                self.write(if mysql { "CONCAT('1', " } else { "'1' || " });
                self.padded(&|r| {
                    r.write(&format!("CAST({substr}("));
                    r.ident(q);
                    r.write(".");
                    r.ident(c);
                    r.write(&format!(", 2, 19) AS {cast}) + 1"));
                    Ok(())
                })?;
                if mysql {
                    self.write(")");
                }
                Ok(())
            }
            Part::SortKey(e) => self.sort_key(e),
            Part::Entry(keys) => self.entry(keys),
        }
    }

    /// `x` as 19 digits with leading zeros; `x` is a non-negative integer.
    fn padded(&mut self, x: &dyn Fn(&mut Self) -> Res) -> Res {
        if self.support().mysql_text_functions {
            self.write("LPAD(");
            x(self)?;
            self.write(", 19, '0')");
        } else {
            self.write("printf('%019d', ");
            x(self)?;
            self.write(")");
        }
        Ok(())
    }

    /// `digit` followed by the 19 digits of `x` (see [`Self::padded`]): negative numbers
    /// after `0`, the others after `1`.
    fn digit_then_padded(&mut self, digit: char, x: &dyn Fn(&mut Self) -> Res) -> Res {
        let mysql = self.support().mysql_text_functions;
        self.write(if mysql { "CONCAT('" } else { "'" });
        self.write(digit.encode_utf8(&mut [0; 4]));
        self.write(if mysql { "', " } else { "' || " });
        self.padded(x)?;
        if mysql {
            self.write(")");
        }
        Ok(())
    }

    /// A key value as text that sorts as PostgreSQL sorts the key in a record under a binary
    /// ("C") collation (see the module documentation); a value neither integer nor text fails.
    fn sort_key(&mut self, e: &Expr) -> Res {
        let mysql = self.support().mysql_text_functions;
        self.write("CASE WHEN ");
        self.null_test_operand(e)?;
        self.write(" IS NULL THEN ");
        self.string(NULL_KEY)?;
        self.write(" WHEN ");
        if mysql {
            // A number has the binary character set; a string that looks like one does not.
            self.write("CHARSET(");
            self.expr(e)?;
            // HEX gives the bytes of the value's own character set, whose order is not code
            // point order (KOI8-R puts `ю` before `а`): the UTF-8 bytes are.
            self.write(") <> 'binary' THEN CONCAT(HEX(CONVERT(");
            self.expr(e)?;
            self.write(" USING utf8mb4)), ' ') WHEN ");
            self.null_test_operand(e)?;
            self.write(" <> FLOOR(");
            self.expr(e)?;
            self.write(") OR ");
            self.null_test_operand(e)?;
            self.write(" NOT BETWEEN -9223372036854775808 AND 9223372036854775807");
        } else {
            self.write("typeof(");
            self.expr(e)?;
            self.write(") IN ('text', 'blob') THEN hex(");
            self.expr(e)?;
            self.write(") || ' ' WHEN typeof(");
            self.expr(e)?;
            self.write(") <> 'integer'");
        }
        self.write(" THEN ");
        self.value_error(e)?;
        // The integer, as MySQL and MariaDB compute a BIGINT: a text key is out by now.
        let integer = |r: &mut Self| -> Res {
            if !mysql {
                return r.expr(e);
            }
            r.write("CAST(");
            r.expr(e)?;
            r.write(" AS SIGNED)");
            Ok(())
        };
        self.write(" WHEN ");
        self.null_test_operand(e)?;
        self.write(" < 0 THEN ");
        self.digit_then_padded('0', &|r| {
            integer(r)?;
            r.write(" + 9223372036854775807 + 1");
            Ok(())
        })?;
        self.write(" ELSE ");
        self.digit_then_padded('1', &integer)?;
        self.write(" END");
        Ok(())
    }

    /// A failure while computing a value that depends on `e`, with a message that says why
    /// (each engine's way, as in `limit.rs`).
    fn value_error(&mut self, e: &Expr) -> Res {
        const WHY: &str = "SEARCH BY a key that is neither an integer nor text";
        match self.dialect {
            // JSON path error near '<WHY>' (or: bad JSON path: '<WHY>').
            Dialect::Sqlite => {
                self.write("json_extract('{}', ");
                self.string(WHY)?;
                self.write(" || substr(typeof(");
                self.expr(e)?;
                self.write("), 1, 0))");
            }
            // BIGINT UNSIGNED value is out of range in '... - char_length('<WHY>')'.
            Dialect::MySql | Dialect::MariaDb | Dialect::Postgres | Dialect::MsSql => {
                self.write("CAST(LENGTH(");
                self.expr(e)?;
                self.write(") * 0 AS UNSIGNED) - CHAR_LENGTH(");
                self.string(WHY)?;
                self.write(")");
            }
        }
        Ok(())
    }

    /// The keys of a row as one path entry: each as escaped text, or `%` where it is NULL
    /// (which no escaped text is), joined by `;`.
    fn entry(&mut self, keys: &[&Expr]) -> Res {
        let mysql = self.support().mysql_text_functions;
        let (replace, text) = if mysql {
            ("REPLACE", "CHAR")
        } else {
            ("replace", "TEXT")
        };
        if mysql {
            self.write("CONCAT(");
        }
        let separator = if mysql { ", ';', " } else { " || ';' || " };
        self.separated(separator, keys, |r, e| {
            // The escaped text of NULL is NULL, and so would be the whole path.
            r.write(&format!("COALESCE({replace}({replace}({replace}(CAST("));
            r.expr(e)?;
            r.write(&format!(
                " AS {text}), '%', '%25'), ',', '%2C'), ';', '%3B'), '%')"
            ));
            Ok(())
        })?;
        if mysql {
            self.write(")");
        }
        Ok(())
    }
}

/// A piece of an added text column.
enum Part<'a> {
    Text(&'static str),
    /// `q.column` of the parent row.
    Column(Ident, Ident),
    /// The parent's depth, from its BREADTH FIRST sequence column, plus one, as a key.
    NextDepth(Ident, Ident),
    SortKey(&'a Expr),
    Entry(Vec<&'a Expr>),
}

/// The expression of the key column at position `k` of `s` (checked by `rewrite_plan`).
fn key_expr(s: &Select, k: usize) -> &Expr {
    match s.projection.get(k) {
        Some(SelectItem::Expr { expr, .. }) => expr,
        _ => &Expr::Literal(Literal::Null),
    }
}

/// The names of the columns a query may only order by (`ord` of SEARCH) or not read at all
/// (`path` of CYCLE), for the emulated CTEs of a statement.
struct Guarded {
    ctes: Vec<Ident>,
    order_only: Vec<Ident>,
    hidden: Vec<Ident>,
}

/// Refuses a statement that reads the emulated SEARCH and CYCLE columns in a way their text
/// form would answer differently from PostgreSQL's arrays.
pub(super) fn check_emulated_reads(stmt: &Statement, dialect: Dialect) -> Res {
    // Native, or refused where the CTE is written.
    let support = facts::support(dialect);
    if support.search_cycle || !support.search_cycle_emulated {
        return Ok(());
    }
    let mut guarded = Guarded {
        ctes: Vec::new(),
        order_only: Vec::new(),
        hidden: Vec::new(),
    };
    collect_statement(stmt, &mut guarded);
    if guarded.ctes.is_empty() {
        return Ok(());
    }
    match misread_statement(stmt, &guarded) {
        Some(construct) => Err(RenderError::new(
            construct,
            dialect,
            "order by the SEARCH column and read the CYCLE mark; the path columns are \
             PostgreSQL arrays, written as text here",
        )),
        None => Ok(()),
    }
}

fn collect_statement(stmt: &Statement, g: &mut Guarded) {
    walk_statement::<()>(stmt, &mut |node| {
        if let Node::With(with) = node {
            for cte in with.ctes {
                if let Some(search) = &cte.search {
                    g.ctes.push(cte.name);
                    g.order_only.push(search.set);
                }
                if let Some(cycle) = &cte.cycle {
                    g.ctes.push(cte.name);
                    g.hidden.push(cycle.using);
                }
            }
        }
        None
    });
}

fn misread_statement(stmt: &Statement, g: &Guarded) -> Option<&'static str> {
    let named =
        |list: &[Ident], name: &Ident| list.iter().any(|n| super::query::same_name(n, name));
    walk_statement(stmt, &mut |node| match node {
        Node::Column(name, ordered) => {
            let last = name.0.last()?;
            if named(&g.hidden, last) {
                Some("reading the CYCLE path column")
            } else if named(&g.order_only, last) && !ordered {
                Some("reading the SEARCH column other than in ORDER BY")
            } else {
                None
            }
        }
        Node::Select(s) => {
            let reads = |f: &TableFactor| matches!(f, TableFactor::Table { name, .. } if matches!(name.0, [n] if named(&g.ctes, n)));
            let from_reads = s
                .from
                .iter()
                .any(|t| reads(&t.relation) || t.joins.iter().any(|j| reads(&j.relation)));
            let star = s.projection.iter().any(|item| match item {
                SelectItem::Wildcard => from_reads,
                SelectItem::QualifiedWildcard(_) => from_reads,
                SelectItem::Expr { .. } => false,
            });
            star.then_some("SELECT * from a CTE with SEARCH or CYCLE")
        }
        Node::With(_) | Node::Relation(..) | Node::Name(_) | Node::Query(_) | Node::Exists => None,
    })
}
