//! Reading the statements of a schema file into the [`Schema`].
//!
//! Understood: `CREATE TABLE` (column list or `AS query`), `ALTER TABLE` (add, drop, rename,
//! retype and change the nullability of columns; rename the table), `DROP TABLE`, MySQL's
//! `RENAME TABLE`, `CREATE VIEW` and `DROP VIEW`. Every other statement (indexes, functions,
//! triggers, grants, inserts) is skipped, as are the parts of the understood ones that change
//! no column's name, type or nullability (defaults, checks, foreign keys, storage options).
//! A statement of the understood kinds that cannot be read is an error naming its line, since
//! a schema missing a table or a column would make the macros refuse correct queries.

use super::column_type::{self, ColumnType};
use super::lex::{Kind, Token};
use super::model::{self, Body, Column, Location, Name, Relation, RelationKind, Schema};

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
        let mut s = Stmt {
            tokens: stmt,
            pos: 0,
            file,
        };
        s.statement(schema)?;
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

/// One statement's tokens and a position in them.
struct Stmt<'a> {
    tokens: &'a [Token],
    pos: usize,
    file: &'a str,
}

impl<'a> Stmt<'a> {
    fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    fn peek_at(&self, ahead: usize) -> Option<&'a Token> {
        self.tokens.get(self.pos + ahead)
    }

    fn next(&mut self) -> Option<&'a Token> {
        let t = self.tokens.get(self.pos);
        self.pos += usize::from(t.is_some());
        t
    }

    fn at(&self, keyword: &str) -> bool {
        self.peek().is_some_and(|t| t.is(keyword))
    }

    fn at_punct(&self, c: char) -> bool {
        self.peek().is_some_and(|t| t.is_punct(c))
    }

    /// Takes `keyword` if it comes next.
    fn eat(&mut self, keyword: &str) -> bool {
        let at = self.at(keyword);
        self.pos += usize::from(at);
        at
    }

    /// Takes `keywords` if they all come next, in order.
    fn eat_all(&mut self, keywords: &[&str]) -> bool {
        let all = keywords
            .iter()
            .enumerate()
            .all(|(i, k)| self.peek_at(i).is_some_and(|t| t.is(k)));
        if all {
            self.pos += keywords.len();
        }
        all
    }

    fn eat_punct(&mut self, c: char) -> bool {
        let at = self.at_punct(c);
        self.pos += usize::from(at);
        at
    }

    /// The line of the next token, or of the statement's last one at its end.
    fn line(&self) -> u32 {
        self.peek().or(self.tokens.last()).map_or(1, |t| t.line)
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(DdlError {
            line: self.line(),
            message: message.into(),
        })
    }

    fn expected<T>(&self, what: &str) -> Result<T> {
        match self.peek() {
            Some(t) => self.error(format!("expected {what}, found {}", t.kind)),
            None => self.error(format!("expected {what}, found the end of the statement")),
        }
    }

    fn location(&self) -> Location {
        Location {
            file: self.file.to_owned(),
            line: self.tokens.first().map_or(1, |t| t.line),
        }
    }

    /// A name, quoted or not.
    fn name(&mut self, what: &str) -> Result<Name> {
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
    fn object_name(&mut self, what: &str) -> Result<Name> {
        let mut name = self.name(what)?;
        while self.eat_punct('.') {
            name = self.name(what)?;
        }
        Ok(name)
    }

    /// Skips a parenthesised group whose `(` comes next, and returns the tokens inside it.
    fn group(&mut self) -> Result<&'a [Token]> {
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
    fn skip_to_comma(&mut self) -> Result<()> {
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
        } else if self.eat_all(&["DROP", "VIEW"]) {
            self.drop(schema, RelationKind::View)
        } else if self.eat_all(&["RENAME", "TABLE"]) {
            self.rename_tables(schema)
        } else {
            Ok(())
        }
    }

    /// `CREATE ... TABLE [IF NOT EXISTS] name ( columns and constraints ) | AS query`.
    fn create_table(&mut self, schema: &mut Schema) -> Result<()> {
        let if_not_exists = self.eat_all(&["IF", "NOT", "EXISTS"]);
        let name = self.object_name("the table's name")?;
        let body = if self.at_punct('(') && !self.starts_query_in_parens() {
            let line = self.line();
            let elements = self.group()?;
            let columns = columns(elements, self.file, line)?;
            if self.at("AS") {
                // `CREATE TABLE t (a, b) AS SELECT ...`: names for the query's columns.
                self.query_body(Some(columns.into_iter().map(|c| c.name).collect()))?
            } else {
                Body::Columns(columns)
            }
        } else if self.eat("AS") {
            self.query_body(None)?
        } else {
            return self.expected("`(` and the table's columns, or AS and a query");
        };
        self.define(schema, name, RelationKind::Table, body, if_not_exists)
    }

    /// Whether the `(` that comes next opens a query (`CREATE TABLE t (SELECT ...)`).
    fn starts_query_in_parens(&self) -> bool {
        self.peek_at(1)
            .is_some_and(|t| t.is("SELECT") || t.is("WITH") || t.is("VALUES"))
    }

    /// The rest of the statement after `AS`, kept to be typed as a query.
    fn query_body(&mut self, columns: Option<Vec<Name>>) -> Result<Body> {
        self.eat("AS");
        let query = self.tokens[self.pos..].to_vec();
        if query.is_empty() {
            return self.expected("a query");
        }
        self.pos = self.tokens.len();
        Ok(Body::Query { columns, query })
    }

    /// `CREATE ... VIEW [IF NOT EXISTS] name [(cols)] AS query`.
    fn create_view(&mut self, schema: &mut Schema) -> Result<()> {
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
        self.define(schema, name, RelationKind::View, body, if_not_exists)
    }

    fn define(
        &self,
        schema: &mut Schema,
        name: Name,
        kind: RelationKind,
        body: Body,
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
            defined_at: self.location(),
        });
        Ok(())
    }

    /// The position of the relation the statement names; an error when none of that name
    /// exists, unless `if_exists`.
    fn existing(&self, schema: &Schema, name: &Name, if_exists: bool) -> Result<Option<usize>> {
        match schema.position(name) {
            Some(i) => Ok(Some(i)),
            None if if_exists => Ok(None),
            None => Err(DdlError {
                line: self.location().line,
                message: format!(
                    "no earlier statement of the schema creates `{}`; the schema files are read in file-name order",
                    name.text
                ),
            }),
        }
    }

    /// `DROP TABLE|VIEW [IF EXISTS] name, ... [CASCADE|RESTRICT]`.
    fn drop(&mut self, schema: &mut Schema, kind: RelationKind) -> Result<()> {
        let if_exists = self.eat_all(&["IF", "EXISTS"]);
        loop {
            let name = self.object_name("a name")?;
            if let Some(i) = self.existing(schema, &name, if_exists)? {
                if schema.relations[i].kind == kind {
                    schema.relations.remove(i);
                } else if !if_exists {
                    let what = match kind {
                        RelationKind::Table => "table",
                        RelationKind::View => "view",
                    };
                    return self.error(format!("`{}` is not a {what}", name.text));
                }
            }
            if !self.eat_punct(',') {
                return Ok(());
            }
        }
    }

    /// MySQL's `RENAME TABLE a TO b [, c TO d]`.
    fn rename_tables(&mut self, schema: &mut Schema) -> Result<()> {
        loop {
            let from = self.object_name("a table's name")?;
            if !self.eat("TO") {
                return self.expected("TO");
            }
            let to = self.object_name("the table's new name")?;
            if let Some(i) = self.existing(schema, &from, false)? {
                schema.relations[i].name = to;
            }
            if !self.eat_punct(',') {
                return Ok(());
            }
        }
    }

    /// `ALTER TABLE [IF EXISTS] [ONLY] name action, ...`.
    fn alter_table(&mut self, schema: &mut Schema) -> Result<()> {
        let if_exists = self.eat_all(&["IF", "EXISTS"]);
        self.eat("ONLY");
        let name = self.object_name("the table's name")?;
        let Some(i) = self.existing(schema, &name, if_exists)? else {
            return Ok(());
        };
        let table = &mut schema.relations[i];
        let mut adding = false;
        loop {
            adding = self.alter_action(table, adding)?;
            self.skip_to_comma()?;
            if !self.eat_punct(',') {
                return Ok(());
            }
        }
    }

    /// One action of an ALTER TABLE; returns whether it was an ADD (SQL Server lists several
    /// columns after one ADD).
    fn alter_action(&mut self, table: &mut Relation, adding: bool) -> Result<bool> {
        if self.eat("ADD") || (adding && !self.at_action()) {
            if self.at_table_constraint() {
                let line = self.line();
                let start = self.pos;
                self.skip_to_comma()?;
                let constraint = &self.tokens[start..self.pos];
                apply_table_constraint(columns_mut(table, line)?, constraint);
                return Ok(true);
            }
            self.eat("COLUMN");
            let if_not_exists = self.eat_all(&["IF", "NOT", "EXISTS"]);
            let column = self.column()?;
            let columns = columns_mut(table, self.line())?;
            match model::position(columns, |c| &c.name, &column.name) {
                Some(_) if if_not_exists => {}
                Some(_) => {
                    return self.error(format!(
                        "the table already has a column `{}`",
                        column.name.text
                    ))
                }
                None => columns.push(column),
            }
            return Ok(true);
        }
        if self.eat("DROP") {
            if self.at("CONSTRAINT")
                || self.at_table_constraint()
                || self.at("INDEX")
                || self.at("KEY")
            {
                return Ok(false);
            }
            self.eat("COLUMN");
            let if_exists = self.eat_all(&["IF", "EXISTS"]);
            let name = self.name("a column's name")?;
            if let Some(c) = self.column_of(table, &name, if_exists)? {
                columns_mut(table, self.line())?.remove(c);
            }
            return Ok(false);
        }
        if self.eat("RENAME") {
            if self.eat("TO") || self.eat("AS") {
                table.name = self.object_name("the table's new name")?;
                return Ok(false);
            }
            if self.at("CONSTRAINT") || self.at("INDEX") || self.at("KEY") {
                return Ok(false);
            }
            if self.at_punct('(') || self.peek().is_none() {
                return self.expected("TO, or a column's name");
            }
            if !self.peek_at(1).is_some_and(|t| t.is("TO")) {
                self.eat("COLUMN");
            }
            let from = self.name("a column's name")?;
            if !self.eat("TO") {
                return self.expected("TO");
            }
            let to = self.name("the column's new name")?;
            if let Some(c) = self.column_of(table, &from, false)? {
                columns_mut(table, self.line())?[c].name = to;
            }
            return Ok(false);
        }
        if self.eat("ALTER") {
            self.eat("COLUMN");
            let name = self.name("a column's name")?;
            let Some(c) = self.column_of(table, &name, false)? else {
                return Ok(false);
            };
            let line = self.line();
            let column = &mut columns_mut(table, line)?[c];
            if self.eat_all(&["SET", "NOT", "NULL"]) {
                column.nullable = false;
            } else if self.eat_all(&["DROP", "NOT", "NULL"]) {
                column.nullable = true;
            } else if self.eat_all(&["SET", "DATA", "TYPE"]) || self.eat("TYPE") {
                column.ty = self.column_type()?.ty;
            } else if !(self.at("SET") || self.at("DROP") || self.at("ADD") || self.at("RESET")) {
                // SQL Server: `ALTER COLUMN c type [NULL | NOT NULL]` redefines the column.
                let redefined = self.column_rest(name)?;
                *column = redefined;
            }
            return Ok(false);
        }
        if self.eat("MODIFY") {
            self.eat("COLUMN");
            let column = self.column()?;
            if let Some(c) = self.column_of(table, &column.name, false)? {
                columns_mut(table, self.line())?[c] = column;
            }
            return Ok(false);
        }
        if self.eat("CHANGE") {
            self.eat("COLUMN");
            let old = self.name("a column's name")?;
            let column = self.column()?;
            if let Some(c) = self.column_of(table, &old, false)? {
                columns_mut(table, self.line())?[c] = column;
            }
            return Ok(false);
        }
        Ok(false)
    }

    /// Whether the next word starts an ALTER TABLE action rather than another column of an ADD.
    fn at_action(&self) -> bool {
        [
            "ADD", "DROP", "ALTER", "RENAME", "MODIFY", "CHANGE", "SET", "OWNER", "ENABLE",
            "DISABLE",
        ]
        .iter()
        .any(|w| self.at(w))
    }

    fn at_table_constraint(&self) -> bool {
        TABLE_CONSTRAINT_WORDS.iter().any(|w| self.at(w)) || self.at_index()
    }

    /// MySQL's `KEY name (cols)` or `INDEX (cols)` in a column list, which a column named
    /// `key` followed by its type is not.
    fn at_index(&self) -> bool {
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

    /// The index of column `name` of `table`; an error when it has none, unless `if_exists`.
    fn column_of(&self, table: &Relation, name: &Name, if_exists: bool) -> Result<Option<usize>> {
        let Some(columns) = table.columns() else {
            return self.error(format!(
                "`{}` takes its columns from a query: its columns cannot be altered",
                table.name.text
            ));
        };
        match model::position(columns, |c| &c.name, name) {
            Some(c) => Ok(Some(c)),
            None if if_exists => Ok(None),
            None => self.error(format!(
                "`{}` has no column `{}` at this point of the schema",
                table.name.text, name.text
            )),
        }
    }

    /// A column definition: name, type, constraints.
    fn column(&mut self) -> Result<Column> {
        let name = self.name("a column's name")?;
        self.column_rest(name)
    }

    /// A column definition after its name.
    fn column_rest(&mut self, name: Name) -> Result<Column> {
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
    fn column_type(&mut self) -> Result<column_type::Declared> {
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

/// The columns of a table that has declared ones; an error for a table typed from a query.
fn columns_mut(table: &mut Relation, line: u32) -> Result<&mut Vec<Column>> {
    let name = table.name.text.clone();
    match &mut table.body {
        Body::Columns(columns) => Ok(columns),
        Body::Query { .. } => Err(DdlError {
            line,
            message: format!(
                "`{name}` takes its columns from a query: its columns cannot be altered"
            ),
        }),
    }
}

/// The columns of a `CREATE TABLE` column list, with its table constraints applied.
fn columns(elements: &[Token], file: &str, line: u32) -> Result<Vec<Column>> {
    let mut s = Stmt {
        tokens: elements,
        pos: 0,
        file,
    };
    let mut columns: Vec<Column> = Vec::new();
    let mut constraints = Vec::new();
    loop {
        if s.at_table_constraint() || s.at("LIKE") {
            let start = s.pos;
            s.skip_to_comma()?;
            constraints.push(&elements[start..s.pos]);
        } else {
            let column = s.column()?;
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
    }
    Ok(columns)
}

/// A table constraint's effect on the columns: a PRIMARY KEY's columns are NOT NULL.
fn apply_table_constraint(columns: &mut [Column], constraint: &[Token]) {
    let Some(at) = constraint
        .windows(2)
        .position(|w| w[0].is("PRIMARY") && w[1].is("KEY"))
    else {
        return;
    };
    let mut s = Stmt {
        tokens: &constraint[at + 2..],
        pos: 0,
        file: "",
    };
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
    let mut s = Stmt {
        tokens,
        pos: 0,
        file,
    };
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
