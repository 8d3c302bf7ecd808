//! The errors of names: a qualifier that names nothing in scope, a column a FROM item does not
//! have, a column no FROM item has or several have, and SEARCH and CYCLE columns.

use super::scope::{resolve, Relation, Resolved};
use super::Names;
use crate::ast::{Cte, Ident};
use crate::check::{did_you_mean, listing};

impl<'a> Names<'_, 'a> {
    /// The names of the FROM items in scope, innermost first.
    fn relation_names(&self) -> Vec<&'a Ident> {
        self.levels
            .iter()
            .rev()
            .flat_map(|l| &l.relations)
            .map(|r| r.name)
            .collect()
    }

    /// Records an error, unless walking again only to type (see `visit_cte`).
    fn error(&self, span: proc_macro2::Span, message: impl std::fmt::Display) {
        if !self.quiet {
            self.cx.error(span, message);
        }
    }

    /// `qualifier.column` (or `qualifier.*` when `column` is `None`).
    pub(super) fn qualified(&self, qualifier: &Ident, column: Option<&Ident>) {
        let Some(relation) = self.find(qualifier) else {
            return self.unknown_qualifier(qualifier, column);
        };
        if let (Some(splice), Some(column), false) = (relation.spliced, column, self.quiet) {
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
        self.error(
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
            let visible = self.relation_names();
            match did_you_mean(&qualifier.value, &visible) {
                Some(close) => format!("\nhelp: did you mean `{close}`?"),
                None if visible.is_empty() => "\nnote: no table is in scope here".to_owned(),
                None => format!(
                    "\nnote: the tables and aliases in scope here are {}",
                    listing(&visible)
                ),
            }
        };
        self.error(
            qualifier.span,
            format!("`{qualifier}` names no table or alias in scope{help}"),
        );
    }

    // WITH RECURSIVE t(id) AS (...) SEARCH DEPTH FIRST BY parent SET ord
    // -- `t` has no column `parent` to search by; SET names a column SEARCH adds.
    pub(super) fn search_and_cycle(&self, cte: &'a Cte) {
        if cte.search.is_none() && cte.cycle.is_none() {
            return;
        }
        let Some(columns) = super::scope::cte_columns(cte) else {
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
                self.error(
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
                self.error(
                    column.span,
                    format!(
                        "`{column}` is already a column of CTE `{name}`\n\
                         note: {clause} adds a column of this name to `{name}`\n\
                         help: choose a name that `{name}` does not have"
                    ),
                );
            } else if seen.contains(&column) {
                self.error(
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

    // With a schema:
    //     SELECT nam FROM employees               -- no FROM item has a column `nam`
    //     SELECT id FROM employees e JOIN teams t  -- `id` is a column of both
    /// An unqualified column, which one FROM item in scope must have: the nearest level that
    /// has it decides, as SQL resolves it. Checked only when every FROM item of the levels
    /// searched has known columns, which a schema makes so.
    pub(super) fn unqualified(&self, column: &'a Ident) {
        match resolve(&self.levels, column) {
            Resolved::Column(_) | Resolved::Unknown => return,
            Resolved::Ambiguous(several) => {
                let candidates: Vec<String> = several
                    .iter()
                    .map(|r| format!("{}.{column}", r.name))
                    .collect();
                return self.error(
                    column.span,
                    format!(
                        "column `{column}` is ambiguous: several FROM items have it\n\
                         help: write {}",
                        listing(candidates).replacen(" and ", " or ", 1)
                    ),
                );
            }
            Resolved::Missing => {}
        }
        let visible: Vec<&Ident> = self
            .levels
            .iter()
            .rev()
            .flat_map(|l| &l.relations)
            .flat_map(|r| r.columns.iter().flatten().copied())
            .collect();
        let help = match did_you_mean(&column.value, &visible) {
            Some(close) => format!("\nhelp: did you mean `{close}`?"),
            None => {
                let items = self.relation_names();
                if items.is_empty() {
                    "\nnote: no table is in scope here".to_owned()
                } else {
                    format!(
                        "\nnote: the FROM items in scope here are {}",
                        listing(items)
                    )
                }
            }
        };
        self.error(
            column.span,
            format!("no FROM item in scope has a column `{column}`{help}"),
        );
    }

    // With a schema:
    //     INSERT INTO employees (id, nam) VALUES (1, "x")   -- `employees` has no `nam`
    /// A column of the table a statement writes.
    pub(super) fn written_column(&self, relation: &Relation<'a>, column: &Ident) {
        let (Some(columns), Some(what)) = (&relation.columns, &relation.what) else {
            return;
        };
        if !columns.contains(&column) {
            self.error(
                column.span,
                format!(
                    "{what} has no column `{column}`{}",
                    hint(column, columns, &relation.name.to_string())
                ),
            );
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
