//! `ALTER TABLE`, `DROP TABLE`, `DROP VIEW` and MySQL's `RENAME TABLE`.

use super::create::apply_table_constraint;
use super::cursor::Stmt;
use super::{DdlError, Result};
use crate::schema::keys::{self, KeyFact, Keys};
use crate::schema::model::{self, Body, Column, Name, Relation, RelationKind, Schema};

impl Stmt<'_> {
    /// The position of the relation the statement names; an error when none of that name
    /// exists, unless `if_exists`.
    pub(super) fn existing(
        &self,
        schema: &Schema,
        name: &Name,
        if_exists: bool,
    ) -> Result<Option<usize>> {
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
    pub(super) fn drop(&mut self, schema: &mut Schema, kind: RelationKind) -> Result<()> {
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
    pub(super) fn rename_tables(&mut self, schema: &mut Schema) -> Result<()> {
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
    pub(super) fn alter_table(&mut self, schema: &mut Schema) -> Result<()> {
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
    pub(super) fn alter_action(&mut self, table: &mut Relation, adding: bool) -> Result<bool> {
        if self.eat("ADD") || (adding && !self.at_action()) {
            if self.at_table_constraint() {
                let line = self.line();
                let start = self.pos;
                self.skip_to_comma()?;
                let constraint = &self.tokens[start..self.pos];
                apply_table_constraint(columns_mut(table, line)?, constraint);
                table.keys.add(keys::of_constraint(constraint));
                return Ok(true);
            }
            self.eat("COLUMN");
            let if_not_exists = self.eat_all(&["IF", "NOT", "EXISTS"]);
            let start = self.pos;
            let column = self.column()?;
            if keys::column_is_key(&self.tokens[start..self.pos]) {
                table.keys.add(KeyFact::Key(vec![column.name.clone()]));
            }
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
        if !self.at("ALTER") {
            // Dropping, renaming or redefining may drop or rename a key.
            table.keys = Keys::Unknown;
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
    pub(super) fn at_action(&self) -> bool {
        [
            "ADD", "DROP", "ALTER", "RENAME", "MODIFY", "CHANGE", "SET", "OWNER", "ENABLE",
            "DISABLE",
        ]
        .iter()
        .any(|w| self.at(w))
    }

    /// The index of column `name` of `table`; an error when it has none, unless `if_exists`.
    pub(super) fn column_of(
        &self,
        table: &Relation,
        name: &Name,
        if_exists: bool,
    ) -> Result<Option<usize>> {
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
