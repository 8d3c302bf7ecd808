//! Reading the statements of a schema file into the [`Schema`].
//!
//! Understood: `CREATE TABLE` (column list or `AS query`), `ALTER TABLE` (add, drop, rename,
//! retype and change the nullability of columns; rename the table), `DROP TABLE`, MySQL's
//! `RENAME TABLE`, `CREATE VIEW` and `DROP VIEW`. Every other statement (indexes, functions,
//! triggers, grants, inserts) is skipped, as are the parts of the understood ones that change
//! no column's name, type or nullability (defaults, checks, foreign keys, storage options).
//! A statement of the understood kinds that cannot be read is an error naming its line, since
//! a schema missing a table or a column would make the macros refuse correct queries.

//!
//! `cursor` walks one statement's tokens, `create` reads CREATE TABLE and CREATE VIEW with
//! their column definitions, and `alter` reads ALTER TABLE, DROP and RENAME.

mod alter;
mod create;
mod cursor;

use super::keys::{self, KeyFact, Keys};
use super::lex::{Kind, Token};
use super::model::{RelationKind, Schema};
use cursor::Stmt;

/// Why a schema file could not be read, and the line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DdlError {
    pub line: u32,
    pub message: String,
}

type Result<T> = std::result::Result<T, DdlError>;

/// Applies the statements of one file, in order, to `schema`. `file` names the file in
/// locations.
pub(crate) fn apply(schema: &mut Schema, file: &str, tokens: &[Token]) -> Result<()> {
    for stmt in statements(tokens) {
        Stmt::new(stmt, file).statement(schema)?;
    }
    Ok(())
}

/// The statements of a file: split at `;` outside parentheses, and, in a `CREATE TRIGGER`,
/// outside its `BEGIN ... END`.
fn statements(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut blocks = 0i32;
    let mut trigger = false;
    for (i, t) in tokens.iter().enumerate() {
        if i == start {
            trigger = is_trigger(&tokens[start..]);
        }
        match &t.kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') => depth -= 1,
            Kind::Word(_) if trigger && (t.is("BEGIN") || t.is("CASE")) => blocks += 1,
            Kind::Word(_) if trigger && t.is("END") => blocks -= 1,
            Kind::Punct(';') if depth <= 0 && blocks <= 0 => {
                if i > start {
                    out.push(&tokens[start..i]);
                }
                start = i + 1;
                depth = 0;
                blocks = 0;
            }
            _ => {}
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

/// Whether a statement is `CREATE [TEMP] TRIGGER`, whose body holds `;`.
fn is_trigger(tokens: &[Token]) -> bool {
    tokens.first().is_some_and(|t| t.is("CREATE"))
        && tokens
            .iter()
            .skip(1)
            .take(4)
            .any(|t| t.is("TRIGGER") || t.is("FUNCTION") || t.is("PROCEDURE"))
}

/// Words after CREATE that make the statement one this reader skips.
const OTHER_OBJECTS: &[&str] = &[
    "INDEX",
    "FUNCTION",
    "TRIGGER",
    "PROCEDURE",
    "SEQUENCE",
    "TYPE",
    "SCHEMA",
    "DATABASE",
    "EXTENSION",
    "DOMAIN",
    "ROLE",
    "USER",
    "AGGREGATE",
    "POLICY",
    "RULE",
    "EVENT",
    "SERVER",
    "CAST",
    "OPERATOR",
    "COLLATION",
    "STATISTICS",
    "PUBLICATION",
    "SUBSCRIPTION",
    "TABLESPACE",
    "LANGUAGE",
    "ON",
    "AS",
];

impl Stmt<'_> {
    /// `CREATE UNIQUE [CLUSTERED] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING
    /// method] (cols) ...`: a key of the table, or unknown keys when it is on expressions or
    /// partial (`WHERE`). A statement this reader cannot follow makes no table's keys sure.
    fn unique_index(&mut self, schema: &mut Schema) {
        let on = self.tokens.iter().position(|t| t.is("ON"));
        let table = on.and_then(|on| {
            self.pos = on + 1;
            self.eat("ONLY");
            self.object_name("a table's name").ok()
        });
        let Some(i) = table.and_then(|name| schema.position(&name)) else {
            for relation in &mut schema.relations {
                relation.keys = Keys::Unknown;
            }
            return;
        };
        if self.eat("USING") {
            self.pos += 1;
        }
        let partial = self.tokens[self.pos..].iter().any(|t| t.is("WHERE"));
        let fact = match (self.eat_punct('('), partial) {
            (true, false) => match keys::plain_names(&self.tokens[self.pos..]) {
                Some(names) => KeyFact::Key(names),
                None => KeyFact::Unknown,
            },
            _ => KeyFact::Unknown,
        };
        schema.relations[i].keys.add(fact);
    }

    fn statement(&mut self, schema: &mut Schema) -> Result<()> {
        if self.eat("CREATE") {
            while let Some(t) = self.peek() {
                if t.is("TABLE") {
                    self.pos += 1;
                    return self.create_table(schema);
                }
                if t.is("VIEW") {
                    self.pos += 1;
                    return self.create_view(schema);
                }
                if t.is("UNIQUE") {
                    self.pos += 1;
                    self.unique_index(schema);
                    return Ok(());
                }
                if t.is_punct('(') || OTHER_OBJECTS.iter().any(|w| t.is(w)) {
                    return Ok(());
                }
                self.pos += 1;
            }
            Ok(())
        } else if self.eat_all(&["ALTER", "TABLE"]) {
            self.alter_table(schema)
        } else if self.eat_all(&["DROP", "TABLE"]) {
            self.drop(schema, RelationKind::Table)
        } else if self.eat_all(&["DROP", "INDEX"]) {
            // Which table the index was on is not kept: no table's keys are sure any more.
            for relation in &mut schema.relations {
                relation.keys = Keys::Unknown;
            }
            Ok(())
        } else if self.eat_all(&["DROP", "VIEW"]) {
            self.drop(schema, RelationKind::View)
        } else if self.eat_all(&["RENAME", "TABLE"]) {
            self.rename_tables(schema)
        } else {
            Ok(())
        }
    }
}
