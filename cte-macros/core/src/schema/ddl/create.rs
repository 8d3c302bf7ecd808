//! `CREATE TABLE` and `CREATE VIEW`, and the column definitions and table constraints that
//! ALTER TABLE reads too.

use super::cursor::Stmt;
use super::{DdlError, Result};
use crate::schema::column_type::{self, ColumnType};
use crate::schema::keys::{self, KeyFact, Keys};
use crate::schema::lex::{Kind, Token};
use crate::schema::model::{self, Body, Column, Name, Relation, RelationKind, Schema};

/// Words that end a column's type and start its constraints.
const CONSTRAINT_WORDS: &[&str] = &[
    "CONSTRAINT",
    "NOT",
    "NULL",
    "PRIMARY",
    "UNIQUE",
    "DEFAULT",
    "REFERENCES",
    "CHECK",
    "GENERATED",
    "AS",
    "COLLATE",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
    "IDENTITY",
    "COMMENT",
    "ON",
    "CHARSET",
    "KEY",
    "INVISIBLE",
    "VISIBLE",
    "STORAGE",
    "COMPRESSION",
    "COLUMN_FORMAT",
    "SPARSE",
    "ROWGUIDCOL",
    "FILESTREAM",
    "MASKED",
    "ENCRYPTED",
    "FIRST",
    "AFTER",
    "USING",
];

/// Words that start a table constraint in a column list, where a column could stand.
const TABLE_CONSTRAINT_WORDS: &[&str] = &[
    "CONSTRAINT",
    "PRIMARY",
    "UNIQUE",
    "FOREIGN",
    "CHECK",
    "EXCLUDE",
    "FULLTEXT",
    "SPATIAL",
    "PERIOD",
];

impl Stmt<'_> {
    /// `CREATE ... TABLE [IF NOT EXISTS] name ( columns and constraints ) | AS query`.
    pub(super) fn create_table(&mut self, schema: &mut Schema) -> Result<()> {
        let if_not_exists = self.eat_all(&["IF", "NOT", "EXISTS"]);
        let name = self.object_name("the table's name")?;
        let (body, keys) = if self.at_punct('(') && !self.starts_query_in_parens() {
            let line = self.line();
            let elements = self.group()?;
            let (columns, keys) = columns(elements, self.file, line)?;
            if self.at("AS") {
                // `CREATE TABLE t (a, b) AS SELECT ...`: names for the query's columns.
                let names = columns.into_iter().map(|c| c.name).collect();
                (self.query_body(Some(names))?, Keys::Unknown)
            } else if self.at("LIKE") {
                (Body::Columns(columns), Keys::Unknown)
            } else {
                (Body::Columns(columns), keys)
            }
        } else if self.eat("AS") {
            (self.query_body(None)?, Keys::Unknown)
        } else {
            return self.expected("`(` and the table's columns, or AS and a query");
        };
        self.define(schema, name, RelationKind::Table, body, keys, if_not_exists)
    }

    /// Whether the `(` that comes next opens a query (`CREATE TABLE t (SELECT ...)`).
    pub(super) fn starts_query_in_parens(&self) -> bool {
        self.peek_at(1)
            .is_some_and(|t| t.is("SELECT") || t.is("WITH") || t.is("VALUES"))
    }

    /// The rest of the statement after `AS`, kept to be typed as a query.
    pub(super) fn query_body(&mut self, columns: Option<Vec<Name>>) -> Result<Body> {
        self.eat("AS");
        let query = self.tokens[self.pos..].to_vec();
        if query.is_empty() {
            return self.expected("a query");
        }
        self.pos = self.tokens.len();
        Ok(Body::Query {
            columns,
            query,
            typed: None,
        })
    }

    /// `CREATE ... VIEW [IF NOT EXISTS] name [(cols)] AS query`.
    pub(super) fn create_view(&mut self, schema: &mut Schema) -> Result<()> {
        let if_not_exists = self.eat_all(&["IF", "NOT", "EXISTS"]);
        let name = self.object_name("the view's name")?;
        let columns = if self.at_punct('(') {
            let names = self.group()?;
            Some(name_list(names, self.file)?)
        } else {
            None
        };
        if !self.at("AS") {
            return self.expected("AS and the view's query");
        }
        let body = self.query_body(columns)?;
        // CREATE OR REPLACE: the new definition wins.
        if let Some(i) = schema.position(&name) {
            if schema.relations[i].kind == RelationKind::View && !if_not_exists {
                schema.relations.remove(i);
            }
        }
        self.define(
            schema,
            name,
            RelationKind::View,
            body,
            Keys::Unknown,
            if_not_exists,
        )
    }

    pub(super) fn define(
        &self,
        schema: &mut Schema,
        name: Name,
        kind: RelationKind,
        body: Body,
        keys: Keys,
        if_not_exists: bool,
    ) -> Result<()> {
        if let Some(i) = schema.position(&name) {
            if if_not_exists {
                return Ok(());
            }
            let earlier = &schema.relations[i];
            return Err(DdlError {
                line: self.location().line,
                message: format!(
                    "`{}` is created again; it was created at {}: drop it first, or add IF NOT EXISTS",
                    name.text, earlier.defined_at
                ),
            });
        }
        schema.relations.push(Relation {
            name,
            kind,
            body,
            keys,
            defined_at: self.location(),
        });
        Ok(())
    }

    pub(super) fn at_table_constraint(&self) -> bool {
        TABLE_CONSTRAINT_WORDS.iter().any(|w| self.at(w)) || self.at_index()
    }

    /// MySQL's `KEY name (cols)` or `INDEX (cols)` in a column list, which a column named
    /// `key` followed by its type is not.
    pub(super) fn at_index(&self) -> bool {
        (self.at("KEY") || self.at("INDEX"))
            && match self.peek_at(1).map(|t| &t.kind) {
                Some(Kind::Punct('(')) => true,
                Some(Kind::Word(w)) => {
                    let words = [w.to_ascii_uppercase()];
                    matches!(
                        column_type::declared(&words, &[], false).ty,
                        ColumnType::Other(_)
                    )
                }
                Some(Kind::Quoted(_)) => true,
                _ => false,
            }
    }

    /// A column definition: name, type, constraints.
    pub(super) fn column(&mut self) -> Result<Column> {
        let name = self.name("a column's name")?;
        self.column_rest(name)
    }

    /// A column definition after its name.
    pub(super) fn column_rest(&mut self, name: Name) -> Result<Column> {
        let declared = self.column_type()?;
        let mut nullable = !declared.implies_not_null;
        while let Some(t) = self.peek() {
            match &t.kind {
                Kind::Punct(',') => break,
                Kind::Punct('(') => {
                    self.group()?;
                    continue;
                }
                _ => {}
            }
            if self.eat_all(&["UNIQUE", "KEY"]) {
                // MySQL's column-level UNIQUE KEY, which is no primary key.
            } else if self.eat_all(&["NOT", "NULL"])
                || self.eat_all(&["PRIMARY", "KEY"])
                || self.eat("KEY")
                || self.eat("IDENTITY")
                || self.eat("AUTO_INCREMENT")
                || self.eat("AUTOINCREMENT")
                || self.eat_all(&["AS", "IDENTITY"])
            {
                nullable = false;
            } else if self.eat("NULL") {
                nullable = true;
            } else {
                self.pos += 1;
            }
        }
        Ok(Column {
            name,
            ty: declared.ty,
            nullable,
        })
    }

    /// A column's type: its words, the numbers in their parentheses, and `[]` or `ARRAY`;
    /// none for SQLite's typeless columns.
    pub(super) fn column_type(&mut self) -> Result<column_type::Declared> {
        let mut words = Vec::new();
        let mut args = Vec::new();
        let mut array = false;
        while let Some(t) = self.peek() {
            match &t.kind {
                Kind::Word(w) => {
                    let upper = w.to_ascii_uppercase();
                    let time_zone = matches!(upper.as_str(), "WITH" | "WITHOUT")
                        && self.peek_at(1).is_some_and(|t| t.is("TIME"))
                        && self.peek_at(2).is_some_and(|t| t.is("ZONE"));
                    if time_zone {
                        words.extend([upper, "TIME".into(), "ZONE".into()]);
                        self.pos += 3;
                        continue;
                    }
                    let charset =
                        upper == "CHARACTER" && self.peek_at(1).is_some_and(|t| t.is("SET"));
                    if charset || CONSTRAINT_WORDS.contains(&upper.as_str()) {
                        break;
                    }
                    if upper == "ARRAY" {
                        array = true;
                    } else {
                        words.push(upper);
                    }
                    self.pos += 1;
                }
                Kind::Punct('(') if !words.is_empty() => {
                    for t in self.group()? {
                        if let Kind::Number(n) = &t.kind {
                            args.extend(n.parse::<u32>().ok());
                        }
                    }
                }
                // `INTEGER[]`, `INTEGER[3]`, which the lexer reads as SQL Server's `[name]`.
                Kind::Quoted(q) if !words.is_empty() && q.chars().all(|c| c.is_ascii_digit()) => {
                    self.pos += 1;
                    array = true;
                }
                _ => break,
            }
        }
        if words.is_empty() {
            return Ok(column_type::Declared {
                ty: ColumnType::Other(String::new()),
                implies_not_null: false,
            });
        }
        Ok(column_type::declared(&words, &args, array))
    }
}

/// The columns of a `CREATE TABLE` column list, with its table constraints applied, and its
/// unique keys.
fn columns(elements: &[Token], file: &str, line: u32) -> Result<(Vec<Column>, Keys)> {
    let mut s = Stmt::new(elements, file);
    let mut columns: Vec<Column> = Vec::new();
    let mut constraints = Vec::new();
    let mut keys = Keys::Known(Vec::new());
    loop {
        if s.at_table_constraint() || s.at("LIKE") {
            let start = s.pos;
            s.skip_to_comma()?;
            constraints.push(&elements[start..s.pos]);
        } else {
            let start = s.pos;
            let column = s.column()?;
            if keys::column_is_key(&elements[start..s.pos]) {
                keys.add(KeyFact::Key(vec![column.name.clone()]));
            }
            if model::position(&columns, |c| &c.name, &column.name).is_some() {
                return s.error(format!(
                    "the column `{}` is declared twice",
                    column.name.text
                ));
            }
            columns.push(column);
        }
        if s.peek().is_none() {
            break;
        }
        if !s.eat_punct(',') {
            return s.expected("`,` or `)`");
        }
    }
    if columns.is_empty() && constraints.is_empty() {
        return Err(DdlError {
            line,
            message: "a table needs at least one column".into(),
        });
    }
    for constraint in constraints {
        apply_table_constraint(&mut columns, constraint);
        keys.add(keys::of_constraint(constraint));
    }
    Ok((columns, keys))
}

/// A table constraint's effect on the columns: a PRIMARY KEY's columns are NOT NULL.
pub(super) fn apply_table_constraint(columns: &mut [Column], constraint: &[Token]) {
    let Some(at) = constraint
        .windows(2)
        .position(|w| w[0].is("PRIMARY") && w[1].is("KEY"))
    else {
        return;
    };
    let mut s = Stmt::new(&constraint[at + 2..], "");
    // SQL Server: PRIMARY KEY CLUSTERED (...).
    s.eat("CLUSTERED");
    s.eat("NONCLUSTERED");
    let Ok(names) = s.group() else { return };
    for t in names {
        let name = match &t.kind {
            Kind::Word(w) => Name::new(w.clone(), false),
            Kind::Quoted(q) => Name::new(q.clone(), true),
            _ => continue,
        };
        if let Some(c) = model::position(columns, |c| &c.name, &name) {
            columns[c].nullable = false;
        }
    }
}

/// The names of a view's or a table's column list.
fn name_list(tokens: &[Token], file: &str) -> Result<Vec<Name>> {
    let mut s = Stmt::new(tokens, file);
    let mut names = Vec::new();
    loop {
        names.push(s.name("a column's name")?);
        if !s.eat_punct(',') {
            break;
        }
    }
    if s.peek().is_some() {
        return s.expected("`,` or `)`");
    }
    Ok(names)
}
