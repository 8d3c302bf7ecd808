//! Names of columns: `h.depth` needs a table or alias `h` in scope, and when `h` is a CTE (or
//! a subquery) whose columns are known, a column `depth`; SEARCH and CYCLE name columns of
//! their CTE.
//!
//! Without a schema, the columns of a database table are unknown, so a name that may be one of
//! them is never an error: only names that cannot resolve on any database are. With a schema
//! (see `crate::schema`), a table's columns are known too, so a column of a table is checked
//! like one of a CTE, an unqualified column must belong to exactly one FROM item in scope, and
//! the columns an INSERT or UPDATE writes must be the table's.
//!
//! The same walk types every output column (see `types`), since a column's type is where its
//! name resolves: the statement's own output columns come back from [`check`].
//!
//! `scope` holds what a query level sees, `messages` the errors and `types` the types.

mod messages;
mod params;
mod scope;
#[cfg(test)]
mod tests;
mod types;

use std::collections::HashMap;

use super::resolve::{Binding, Bindings};
use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{
    ConflictAction, Cte, Expr, Ident, JoinConstraint, Keyed, ObjectName, OnConflict, Query, Select,
    SelectItem, SetExpr, Statement, TableFactor, TableWithJoins,
};
use crate::schema::Schema;
use crate::typing::{SqlType, Typed};
use cte_shared::tree::ConflictKey;
use scope::{aliased, cte_columns, query_columns, table, Level, Relation, SchemaNames, What};

/// What the names check learned of a statement's types.
#[derive(Default)]
pub(crate) struct Types {
    /// The type of each output column, when every one is known.
    pub(crate) columns: Option<Vec<Typed>>,
    /// With a schema: the SQL type each parameter must bind as, by its index, where it is
    /// compared with, assigned to or inserted into something of a known type.
    pub(crate) params: HashMap<usize, SqlType>,
    /// With a schema: what it says of the unique keys of each upsert's table, by the address of
    /// its ON CONFLICT clause.
    pub(crate) conflict_keys: HashMap<*const OnConflict, ConflictKey>,
    /// With a schema: the names of the columns each `*` and `t.*` of a select list or
    /// RETURNING stands for, by the item's address, where they are known; spanned on the item.
    pub(crate) stars: Stars,
}

/// The columns of each `*` and `t.*`, by the address of its select item (see [`Types`]).
pub(crate) type Stars = HashMap<*const SelectItem, Vec<Ident>>;

/// Checks the names of `stmt`, and returns what it learned of its types.
pub(crate) fn check(
    cx: &Ctxt,
    bindings: &Bindings<'_>,
    schema: Option<&Schema>,
    stmt: &Statement,
) -> Types {
    let schema = SchemaNames::new(schema);
    let mut names = Names {
        cx,
        bindings,
        schema: &schema,
        levels: Vec::new(),
        ctes: Vec::new(),
        outputs: HashMap::new(),
        returning: HashMap::new(),
        cte_types: HashMap::new(),
        read_early: std::collections::HashSet::new(),
        quiet: false,
        params: HashMap::new(),
        conflict_keys: HashMap::new(),
        stars: HashMap::new(),
    };
    names.visit_statement(stmt);
    let columns = match stmt {
        Statement::Query(query) => names.query_types(query),
        _ => names.returning.get(&std::ptr::from_ref(stmt)).cloned(),
    };
    Types {
        columns,
        params: names.params,
        conflict_keys: names.conflict_keys,
        stars: names.stars,
    }
}

struct Names<'c, 'a> {
    cx: &'c Ctxt,
    bindings: &'c Bindings<'a>,
    schema: &'a SchemaNames<'a>,
    /// Query levels, outermost first; a subquery sees the levels around it.
    levels: Vec<Level<'a>>,
    /// The CTE names of the enclosing WITH clauses, for hints.
    ctes: Vec<&'a Ident>,
    /// The output types of each SELECT walked, by its address.
    outputs: HashMap<*const Select, Vec<Typed>>,
    /// The types of the RETURNING items of each INSERT, UPDATE and DELETE, by its address.
    returning: HashMap<*const Statement, Vec<Typed>>,
    /// The output types of each CTE whose body was walked, or the estimate a recursive CTE's
    /// members read while it is typed (see `visit_cte`).
    cte_types: HashMap<*const Cte, Vec<Typed>>,
    /// The CTEs read before they were typed: recursive ones, from their own members.
    read_early: std::collections::HashSet<*const Cte>,
    /// Walking again only to type (a recursive CTE's fixpoint): errors were reported.
    quiet: bool,
    /// What each parameter must bind as (see `params`).
    params: HashMap<usize, SqlType>,
    /// What the schema says of each upsert's table's unique keys.
    conflict_keys: HashMap<*const OnConflict, ConflictKey>,
    /// The columns of each `*` (see [`Types::stars`]).
    stars: Stars,
}

impl<'a> Visit<'a> for Names<'_, 'a> {
    fn visit_statement(&mut self, stmt: &'a Statement) {
        let mark = self.ctes.len();
        match stmt {
            Statement::Query(query) => self.visit_query(query),
            Statement::Insert(insert) => {
                if let Some(with) = &insert.with {
                    self.visit_with(with);
                }
                self.visit_query(&insert.source);
                let target = self.target(&insert.table, None);
                if let Some(target) = &target {
                    for column in &insert.columns {
                        self.written_column(target, column);
                    }
                    self.inserted(target, insert);
                }
                if let Some(on_conflict) = &insert.on_conflict {
                    self.on_conflict(&insert.table, target.as_ref(), on_conflict);
                }
                self.level(target.into_iter().collect(), |n| {
                    for item in insert.returning.iter().flat_map(|r| &r.value) {
                        n.visit_select_item(item);
                    }
                    n.type_returning(stmt, insert.returning.as_ref().map(|r| &r.value[..]));
                });
            }
            Statement::Update(update) => {
                if let Some(with) = &update.with {
                    self.visit_with(with);
                }
                let target = self.target(&update.table, update.alias.as_ref());
                if let Some(target) = &target {
                    for assignment in &update.assignments {
                        self.written_column(target, &assignment.column);
                        self.assigned(target, &assignment.column, &assignment.value);
                    }
                }
                let level = Level::new(target.into_iter().collect());
                self.enter_from(level, &update.from);
                for assignment in &update.assignments {
                    self.visit_expr(&assignment.value);
                }
                if let Some(selection) = &update.selection {
                    self.visit_expr(&selection.value);
                }
                for item in update.returning.iter().flat_map(|r| &r.value) {
                    self.visit_select_item(item);
                }
                self.type_returning(stmt, update.returning.as_ref().map(|r| &r.value[..]));
                self.levels.pop();
            }
            Statement::Delete(delete) => {
                if let Some(with) = &delete.with {
                    self.visit_with(with);
                }
                let target = self.target(&delete.table, delete.alias.as_ref());
                let level = Level::new(target.into_iter().collect());
                self.enter_from(level, &delete.using);
                if let Some(selection) = &delete.selection {
                    self.visit_expr(&selection.value);
                }
                for item in delete.returning.iter().flat_map(|r| &r.value) {
                    self.visit_select_item(item);
                }
                self.type_returning(stmt, delete.returning.as_ref().map(|r| &r.value[..]));
                self.levels.pop();
            }
        }
        self.ctes.truncate(mark);
    }

    fn visit_query(&mut self, query: &'a Query) {
        let mark = self.ctes.len();
        if let Some(with) = &query.with {
            self.visit_with(with);
        }
        match &query.body {
            // ORDER BY of a plain SELECT sees its FROM items.
            SetExpr::Select(select) => self.select(select, query),
            body => {
                self.visit_set_expr(body);
                // ORDER BY of a set operation names its output columns.
                let level = Level {
                    aliases: query_columns(query),
                    opaque: query_columns(query).is_none(),
                    ..Level::default()
                };
                self.levels.push(level);
                for item in query.order_by.iter().flat_map(|o| &o.value) {
                    self.visit_order_by_item(item);
                }
                self.levels.pop();
            }
        }
        for clause in query.limit.iter().chain(&query.offset) {
            self.visit_expr(&clause.value);
        }
        self.ctes.truncate(mark);
    }

    fn visit_with(&mut self, with: &'a crate::ast::With) {
        for cte in &with.ctes {
            self.ctes.push(&cte.name);
            self.visit_cte(cte);
        }
    }

    fn visit_cte(&mut self, cte: &'a Cte) {
        // Walking again to type an enclosing recursive CTE: this one is typed already, and
        // cannot read the enclosing one (a recursive member reads its CTE outside subqueries).
        if self.quiet {
            return;
        }
        self.search_and_cycle(cte);
        if cte.written().is_none() {
            return;
        }
        visit::walk_cte(self, cte);
        let Some(mut types) = self.cte_types(cte) else {
            return;
        };
        // A recursive CTE's members read it as typed so far, from its anchor first: walk its
        // body again, quietly, until its types hold still. Each round widens a type or makes a
        // column nullable, so few rounds are needed; the bound keeps a mistake finite.
        if self.read_early.remove(&std::ptr::from_ref(cte)) {
            self.quiet = true;
            for _ in 0..8 {
                self.cte_types.insert(cte, types.clone());
                visit::walk_cte(self, cte);
                match self.cte_types(cte) {
                    Some(next) if next != types => types = next,
                    _ => break,
                }
            }
            self.quiet = false;
        }
        self.cte_types.insert(cte, types);
    }

    fn visit_select(&mut self, select: &'a Select) {
        self.select_without_order(select, |_| {});
    }

    fn visit_select_item(&mut self, item: &'a SelectItem) {
        if let SelectItem::QualifiedWildcard(name) = item {
            if let [qualifier] = name.parts.as_slice() {
                self.qualified(qualifier, None);
            }
        }
        visit::walk_select_item(self, item);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Column(ObjectName { parts }) = expr {
            match parts.as_slice() {
                [qualifier, column] => self.qualified(qualifier, Some(column)),
                [column] if self.schema.configured() => self.unqualified(column),
                _ => {}
            }
        }
        self.param_operands(expr);
        visit::walk_expr(self, expr);
    }
}

impl<'a> Names<'_, 'a> {
    fn level(&mut self, relations: Vec<Relation<'a>>, walk: impl FnOnce(&mut Self)) {
        self.levels.push(Level::new(relations));
        walk(self);
        self.levels.pop();
    }

    fn select(&mut self, select: &'a Select, query: &'a Query) {
        self.select_without_order(select, |n| {
            for item in query.order_by.iter().flat_map(|o| &o.value) {
                n.visit_order_by_item(item);
            }
        });
    }

    /// A SELECT in the scope of its FROM items; `then` runs in that scope too.
    fn select_without_order(&mut self, select: &'a Select, then: impl FnOnce(&mut Self)) {
        let level = Level {
            grouped: select.group_by.is_some(),
            ..Level::default()
        };
        self.enter_from(level, &select.from);
        for item in &select.projection {
            self.visit_select_item(item);
        }
        if let Some(types) = self.projection_types(&select.projection) {
            self.outputs.insert(select, types);
        }
        self.record_stars(&select.projection);
        if let Some(selection) = &select.selection {
            self.visit_expr(&selection.value);
        }
        // GROUP BY, HAVING and ORDER BY may name the select list's aliases on some engines.
        if let Some(level) = self.levels.last_mut() {
            level.aliases = Some(
                select
                    .projection
                    .iter()
                    .filter_map(|item| match item {
                        SelectItem::Expr { alias, .. } => alias.as_ref(),
                        _ => None,
                    })
                    .collect(),
            );
        }
        if let Some(having) = &select.having {
            self.visit_expr(&having.value);
        }
        for expr in select.group_by.iter().flat_map(|g| &g.value) {
            self.visit_expr(expr);
        }
        then(self);
        self.levels.pop();
    }

    /// Enters the scope of a FROM clause: `level`, which may hold the table of an UPDATE
    /// already, with the clause's items; their join conditions are checked in it.
    fn enter_from(&mut self, mut level: Level<'a>, from: &'a Option<Keyed<Vec<TableWithJoins>>>) {
        for item in from.iter().flat_map(|f| &f.value) {
            self.add_from_item(item, &mut level);
        }
        self.levels.push(level);
        for item in from.iter().flat_map(|f| &f.value) {
            self.join_conditions(item);
        }
    }

    /// Adds the relations of one FROM item to `level`, walking its subqueries on the way: a
    /// LATERAL one sees the items before it, another one only the enclosing queries.
    fn add_from_item(&mut self, item: &'a TableWithJoins, level: &mut Level<'a>) {
        let start = level.relations.len();
        let factors = std::iter::once(&item.relation).chain(item.joins.iter().map(|j| &j.relation));
        for factor in factors {
            match factor {
                TableFactor::Table { name, alias } => {
                    let (columns, types, spliced, what) = match self.bindings.get(name) {
                        Binding::Cte(cte, _) => (
                            cte_relation_columns(cte),
                            self.read_cte_types(cte),
                            cte.spliced(),
                            Some(What::Cte(&cte.name)),
                        ),
                        Binding::Table => {
                            let (columns, types, what) = self.table_columns(name);
                            (columns, types, None, what)
                        }
                        Binding::Hidden { .. } => (None, None, None, None),
                    };
                    // An alias's column list renames the item's columns.
                    let renamed = alias.as_ref().is_some_and(|a| !a.columns.is_empty());
                    if let Some(mut relation) = table(name, alias.as_ref().map(|a| &a.name)) {
                        relation.types =
                            types.filter(|t| Some(t.len()) == columns.as_ref().map(Vec::len));
                        relation.columns = aliased(alias.as_ref(), columns);
                        relation.what = what;
                        relation.spliced = spliced.filter(|_| !renamed);
                        level.relations.push(relation);
                    }
                }
                TableFactor::Derived {
                    lateral,
                    subquery,
                    alias,
                    ..
                } => {
                    let inner = if lateral.is_some() {
                        Level::new(level.relations.clone())
                    } else {
                        Level {
                            siblings: level.relations.clone(),
                            ..Level::default()
                        }
                    };
                    self.levels.push(inner);
                    self.visit_query(subquery);
                    self.levels.pop();
                    if let Some(alias) = alias {
                        let columns = aliased(Some(alias), query_columns(subquery));
                        let types = self
                            .query_types(subquery)
                            .filter(|t| Some(t.len()) == columns.as_ref().map(Vec::len));
                        level.relations.push(Relation {
                            name: &alias.name,
                            table: None,
                            what: Some(What::Subquery(&alias.name)),
                            columns,
                            types,
                            spliced: None,
                        });
                    }
                }
                TableFactor::Nested { inner, .. } => self.add_from_item(inner, level),
            }
        }
        for join in &item.joins {
            if let JoinConstraint::Using(columns) = &join.constraint {
                level.using.extend(columns);
            }
        }
        Self::outer_joins(item, &mut level.relations, start);
    }

    /// An upsert's ON CONFLICT: its conflict columns and assignments name columns of the
    /// target, and DO UPDATE reads the target's row by its name and the proposed row as
    /// `excluded`, a relation with the target's columns.
    fn on_conflict(
        &mut self,
        table: &'a ObjectName,
        target: Option<&Relation<'a>>,
        on_conflict: &'a OnConflict,
    ) {
        if let Some(target) = target {
            for column in &on_conflict.columns {
                self.written_column(target, column);
            }
        }
        if let Some(key) = self.conflict_key(table, &on_conflict.columns) {
            self.conflict_keys.insert(on_conflict, key);
        }
        let ConflictAction::Update {
            assignments,
            selection,
        } = &on_conflict.action
        else {
            return;
        };
        let mut relations: Vec<Relation<'a>> = target.into_iter().cloned().collect();
        if let Some(target) = target {
            for assignment in assignments {
                self.written_column(target, &assignment.column);
                self.assigned(target, &assignment.column, &assignment.value);
            }
            relations.push(Relation {
                name: &on_conflict.excluded,
                table: table.last(),
                ..target.clone()
            });
        }
        self.level(relations, |n| {
            for assignment in assignments {
                n.visit_expr(&assignment.value);
            }
            if let Some(selection) = selection {
                n.visit_expr(&selection.value);
            }
        });
    }

    /// Records the types of a statement's RETURNING items, in the scope of its target.
    fn type_returning(&mut self, stmt: &'a Statement, items: Option<&'a [SelectItem]>) {
        if let Some(types) = items.and_then(|items| self.projection_types(items)) {
            self.returning.insert(stmt, types);
        }
        if let Some(items) = items {
            self.record_stars(items);
        }
    }

    /// The table a statement writes, as a relation.
    fn target(&self, name: &'a ObjectName, alias: Option<&'a Ident>) -> Option<Relation<'a>> {
        let mut relation = table(name, alias)?;
        (relation.columns, relation.types, relation.what) = self.table_columns(name);
        Some(relation)
    }

    /// The columns of a database table with their types, and what to call it, when the
    /// schema has it.
    fn table_columns(&self, name: &'a ObjectName) -> KnownTable<'a> {
        let Some((own, columns)) = name.last().and_then(|n| self.schema.table(n)) else {
            return (None, None, None);
        };
        let (names, types) = columns.map_or((None, None), |(names, types)| {
            (Some(names.iter().collect()), Some(types.to_vec()))
        });
        (names, types, Some(What::Table(own)))
    }

    fn join_conditions(&mut self, item: &'a TableWithJoins) {
        if let TableFactor::Nested { inner, .. } = &item.relation {
            self.join_conditions(inner);
        }
        for join in &item.joins {
            if let TableFactor::Nested { inner, .. } = &join.relation {
                self.join_conditions(inner);
            }
            if let JoinConstraint::On(expr) = &join.constraint {
                self.visit_expr(expr);
            }
        }
    }

    /// What the schema says of the unique keys of `table` for a conflict on `columns`.
    fn conflict_key(&self, table: &ObjectName, columns: &[Ident]) -> Option<ConflictKey> {
        self.schema.conflict_key(table.last()?, columns)
    }

    fn find(&self, name: &Ident) -> Option<&Relation<'a>> {
        self.levels
            .iter()
            .rev()
            .find_map(|level| level.relations.iter().find(|r| r.name == name))
    }
}

/// A table's column names, their types, and what to call it in messages.
type KnownTable<'a> = (Option<Vec<&'a Ident>>, Option<Vec<Typed>>, Option<What<'a>>);

/// The columns of a CTE as its readers see them: its own, and those SEARCH and CYCLE add.
fn cte_relation_columns(cte: &Cte) -> Option<Vec<&Ident>> {
    let mut columns = cte_columns(cte)?;
    columns.extend(cte.search.iter().map(|s| &s.set));
    columns.extend(cte.cycle.iter().flat_map(|c| [&c.set, &c.using]));
    Some(columns)
}
