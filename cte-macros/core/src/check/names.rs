//! Qualified names: `h.depth` needs a table or alias `h` in scope, and when `h` is a CTE (or
//! a subquery) whose columns are known, a column `depth`; SEARCH and CYCLE name columns of
//! their CTE.
//!
//! The columns of a database table are unknown here, so a name that may be one of them is
//! never an error: only names that cannot resolve on any database are.

use super::resolve::{Binding, Bindings};
use super::{did_you_mean, listing, Ctxt};
use crate::ast::visit::{self, Visit};
use crate::ast::{
    Cte, Expr, Ident, JoinConstraint, Keyed, ObjectName, Query, Select, SelectItem, SetExpr,
    Statement, TableAlias, TableFactor, TableWithJoins,
};

pub(crate) fn check(cx: &Ctxt, bindings: &Bindings<'_>, stmt: &Statement) {
    Names {
        cx,
        bindings,
        levels: Vec::new(),
        ctes: Vec::new(),
    }
    .visit_statement(stmt);
}

/// A FROM item as the query sees it.
#[derive(Clone)]
struct Relation<'a> {
    /// The name it goes by: its alias, or the table's own name.
    name: &'a Ident,
    /// The table name that an alias hides.
    table: Option<&'a Ident>,
    /// What it is, in messages; `None` for a database table.
    what: Option<What<'a>>,
    /// Its columns, when they are known.
    columns: Option<Vec<&'a Ident>>,
    /// The `cte!` item it reads, when it is a spliced CTE under its own name or an alias
    /// without a column list: its columns are checked by rustc against the item.
    spliced: Option<&'a crate::ast::Splice>,
}

/// A FROM item that is not a database table: "CTE `h`", "subquery `s`".
#[derive(Clone, Copy)]
enum What<'a> {
    Cte(&'a Ident),
    Subquery(&'a Ident),
}

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Cte(name) => write!(f, "CTE `{name}`"),
            What::Subquery(alias) => write!(f, "subquery `{alias}`"),
        }
    }
}

/// The FROM items of one query level.
#[derive(Default)]
struct Level<'a> {
    relations: Vec<Relation<'a>>,
    /// FROM items of the enclosing FROM clause that a subquery without LATERAL cannot see.
    siblings: Vec<Relation<'a>>,
}

struct Names<'c, 'a> {
    cx: &'c Ctxt,
    bindings: &'c Bindings<'a>,
    /// Query levels, outermost first; a subquery sees the levels around it.
    levels: Vec<Level<'a>>,
    /// The CTE names of the enclosing WITH clauses, for hints.
    ctes: Vec<&'a Ident>,
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
                let target = table(&insert.table, None);
                self.level(target.into_iter().collect(), |n| {
                    for item in insert.returning.iter().flat_map(|r| &r.value) {
                        n.visit_select_item(item);
                    }
                });
            }
            Statement::Update(update) => {
                if let Some(with) = &update.with {
                    self.visit_with(with);
                }
                let mut level = Level::default();
                level
                    .relations
                    .extend(table(&update.table, update.alias.as_ref()));
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
                self.levels.pop();
            }
            Statement::Delete(delete) => {
                if let Some(with) = &delete.with {
                    self.visit_with(with);
                }
                let target = table(&delete.table, delete.alias.as_ref());
                self.level(target.into_iter().collect(), |n| {
                    if let Some(selection) = &delete.selection {
                        n.visit_expr(&selection.value);
                    }
                    for item in delete.returning.iter().flat_map(|r| &r.value) {
                        n.visit_select_item(item);
                    }
                });
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
                for item in query.order_by.iter().flat_map(|o| &o.value) {
                    self.visit_order_by_item(item);
                }
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
        self.search_and_cycle(cte);
        if cte.written().is_some() {
            visit::walk_cte(self, cte);
        }
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
            if let [qualifier, column] = parts.as_slice() {
                self.qualified(qualifier, Some(column));
            }
        }
        visit::walk_expr(self, expr);
    }
}

impl<'a> Names<'_, 'a> {
    fn level(&mut self, relations: Vec<Relation<'a>>, walk: impl FnOnce(&mut Self)) {
        self.levels.push(Level {
            relations,
            siblings: Vec::new(),
        });
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
        self.enter_from(Level::default(), &select.from);
        for item in &select.projection {
            self.visit_select_item(item);
        }
        for clause in select.selection.iter().chain(&select.having) {
            self.visit_expr(&clause.value);
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
        let factors = std::iter::once(&item.relation).chain(item.joins.iter().map(|j| &j.relation));
        for factor in factors {
            match factor {
                TableFactor::Table { name, alias } => {
                    let (columns, spliced) = match self.bindings.get(name) {
                        Binding::Cte(cte, _) => (cte_columns(cte), cte.spliced()),
                        Binding::Hidden { .. } | Binding::Table => (None, None),
                    };
                    // An alias's column list renames the item's columns.
                    let renamed = alias.as_ref().is_some_and(|a| !a.columns.is_empty());
                    let what = self.bindings.cte(name).map(|c| What::Cte(&c.name));
                    if let Some(mut relation) = table(name, alias.as_ref().map(|a| &a.name)) {
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
                        Level {
                            relations: level.relations.clone(),
                            siblings: Vec::new(),
                        }
                    } else {
                        Level {
                            relations: Vec::new(),
                            siblings: level.relations.clone(),
                        }
                    };
                    self.levels.push(inner);
                    self.visit_query(subquery);
                    self.levels.pop();
                    if let Some(alias) = alias {
                        level.relations.push(Relation {
                            name: &alias.name,
                            table: None,
                            what: Some(What::Subquery(&alias.name)),
                            columns: aliased(Some(alias), query_columns(subquery)),
                            spliced: None,
                        });
                    }
                }
                TableFactor::Nested { inner, .. } => self.add_from_item(inner, level),
            }
        }
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

    fn find(&self, name: &Ident) -> Option<&Relation<'a>> {
        self.levels
            .iter()
            .rev()
            .find_map(|level| level.relations.iter().find(|r| r.name == name))
    }

    /// `qualifier.column` (or `qualifier.*` when `column` is `None`).
    fn qualified(&self, qualifier: &Ident, column: Option<&Ident>) {
        let Some(relation) = self.find(qualifier) else {
            return self.unknown_qualifier(qualifier, column);
        };
        if let (Some(splice), Some(column)) = (relation.spliced, column) {
            splice.used.borrow_mut().push(column.clone());
        }
        let (Some(column), Some(columns), Some(what)) = (column, &relation.columns, &relation.what)
        else {
            return;
        };
        if columns.contains(&column) {
            return;
        }
        // WITH h(id, depth) AS (...) SELECT h.dept FROM h
        // -- `h` has no column `dept`: every engine refuses the query.
        let shown = if relation.table.is_some() {
            format!("{what} (as `{}`)", relation.name)
        } else {
            what.to_string()
        };
        self.cx.error(
            column.span,
            format!(
                "{shown} has no column `{column}`{}",
                hint(column, columns, &relation.name.to_string())
            ),
        );
    }

    // SELECT h.depth FROM hierarchy
    // -- `h` names nothing in scope: every engine refuses the query.
    fn unknown_qualifier(&self, qualifier: &Ident, column: Option<&Ident>) {
        let column = column.map_or_else(|| "*".to_owned(), |c| c.to_string());
        let aliased = self
            .levels
            .iter()
            .rev()
            .flat_map(|l| &l.relations)
            .find(|r| r.table.is_some_and(|t| t == qualifier));
        let sibling = self
            .levels
            .iter()
            .flat_map(|l| &l.siblings)
            .find(|r| r.name == qualifier);
        let help = if let Some(relation) = aliased {
            format!(
                "\nnote: the table `{qualifier}` goes by its alias here\n\
                 help: write `{}.{column}`",
                relation.name
            )
        } else if sibling.is_some() {
            format!(
                "\nnote: `{qualifier}` is in the FROM clause around this subquery, which cannot \
                 see it\n\
                 help: write LATERAL before the subquery to let it read `{qualifier}`"
            )
        } else if self.ctes.contains(&qualifier) {
            format!(
                "\nhelp: CTE `{qualifier}` is not in the FROM clause of this query; add it \
                 there, or JOIN it"
            )
        } else {
            let visible: Vec<&Ident> = self
                .levels
                .iter()
                .rev()
                .flat_map(|l| &l.relations)
                .map(|r| r.name)
                .collect();
            match did_you_mean(&qualifier.value, &visible) {
                Some(close) => format!("\nhelp: did you mean `{close}`?"),
                None if visible.is_empty() => "\nnote: no table is in scope here".to_owned(),
                None => format!(
                    "\nnote: the tables and aliases in scope here are {}",
                    listing(&visible)
                ),
            }
        };
        self.cx.error(
            qualifier.span,
            format!("`{qualifier}` names no table or alias in scope{help}"),
        );
    }

    // WITH RECURSIVE t(id) AS (...) SEARCH DEPTH FIRST BY parent SET ord
    // -- `t` has no column `parent` to search by; SET names a column SEARCH adds.
    fn search_and_cycle(&self, cte: &'a Cte) {
        if cte.search.is_none() && cte.cycle.is_none() {
            return;
        }
        let Some(columns) = cte_columns(cte) else {
            return;
        };
        let name = cte.name.to_string();
        let by = cte
            .search
            .iter()
            .flat_map(|s| s.by.iter().map(|c| (c, "search by")));
        let on = cte
            .cycle
            .iter()
            .flat_map(|c| c.columns.iter().map(|col| (col, "detect cycles on")));
        for (column, purpose) in by.chain(on) {
            if !columns.contains(&column) {
                self.cx.error(
                    column.span,
                    format!(
                        "CTE `{name}` has no column `{column}` to {purpose}{}",
                        hint(column, &columns, &name)
                    ),
                );
            }
        }
        let added = cte.search.iter().map(|s| (&s.set, "SEARCH")).chain(
            cte.cycle
                .iter()
                .flat_map(|c| [(&c.set, "CYCLE"), (&c.using, "CYCLE")]),
        );
        let mut seen: Vec<&Ident> = Vec::new();
        for (column, clause) in added {
            if columns.contains(&column) {
                self.cx.error(
                    column.span,
                    format!(
                        "`{column}` is already a column of CTE `{name}`\n\
                         note: {clause} adds a column of this name to `{name}`\n\
                         help: choose a name that `{name}` does not have"
                    ),
                );
            } else if seen.contains(&column) {
                self.cx.error(
                    column.span,
                    format!(
                        "the SEARCH and CYCLE clauses of `{name}` add two columns named \
                         `{column}`\n\
                         help: give each added column its own name"
                    ),
                );
            }
            seen.push(column);
        }
    }
}

/// "help: did you mean ...", or the list of the columns.
fn hint(column: &Ident, columns: &[&Ident], owner: &str) -> String {
    match did_you_mean(&column.value, columns) {
        Some(close) => format!("\nhelp: did you mean `{close}`?"),
        None => format!("\nnote: the columns of `{owner}` are {}", listing(columns)),
    }
}

/// A table reference as a relation: named by its alias, or by the last part of its name.
fn table<'a>(name: &'a ObjectName, alias: Option<&'a Ident>) -> Option<Relation<'a>> {
    let own = name.last()?;
    Some(Relation {
        name: alias.unwrap_or(own),
        table: alias.map(|_| own),
        what: None,
        columns: None,
        spliced: None,
    })
}

/// The columns under an alias: its column list renames the first ones.
fn aliased<'a>(
    alias: Option<&'a TableAlias>,
    columns: Option<Vec<&'a Ident>>,
) -> Option<Vec<&'a Ident>> {
    let renamed = alias.map_or(&[][..], |a| a.columns.as_slice());
    if renamed.is_empty() {
        return columns;
    }
    let rest = columns?;
    Some(
        renamed
            .iter()
            .chain(rest.into_iter().skip(renamed.len()))
            .collect(),
    )
}

/// The columns of a CTE: its column list, or the names its body gives.
fn cte_columns(cte: &Cte) -> Option<Vec<&Ident>> {
    if !cte.columns.is_empty() {
        return Some(cte.columns.iter().collect());
    }
    match cte.written()? {
        Statement::Query(query) => query_columns(query),
        Statement::Insert(i) => projection_columns(&i.returning.as_ref()?.value),
        Statement::Update(u) => projection_columns(&u.returning.as_ref()?.value),
        Statement::Delete(d) => projection_columns(&d.returning.as_ref()?.value),
    }
}

fn query_columns(query: &Query) -> Option<Vec<&Ident>> {
    let mut body = &query.body;
    loop {
        match body {
            SetExpr::Select(select) => return projection_columns(&select.projection),
            SetExpr::Values(_) => return None,
            SetExpr::Query { query, .. } => body = &query.body,
            SetExpr::SetOp { left, .. } => body = left,
        }
    }
}

/// The names of a select list, when every item has one that all engines agree on: an alias
/// or a bare column. `*` and unnamed expressions leave them unknown.
fn projection_columns(items: &[SelectItem]) -> Option<Vec<&Ident>> {
    items
        .iter()
        .map(|item| match item {
            SelectItem::Expr {
                alias: Some(alias), ..
            } => Some(alias),
            SelectItem::Expr {
                expr: Expr::Column(name),
                alias: None,
            } => name.last(),
            _ => None,
        })
        .collect()
}
