//! The names a WITH clause introduces, and who may read them.

use std::collections::HashMap;
use std::ptr;

use super::resolve::{Binding, Bindings};
use super::{listing, Ctxt};
use crate::ast::visit::{self, Visit};
use crate::ast::{Cte, Ident, Statement, TableFactor, With};

pub(crate) fn check(cx: &Ctxt, bindings: &Bindings<'_>, stmt: &Statement) {
    // WITH RECURSIVE r#Tree AS (...) SELECT * FROM tree
    // -- SQLite and MySQL read the CTE, PostgreSQL a table `tree` ("Tree" keeps its case).
    for (name, cte) in &bindings.ambiguous {
        if let Some(part) = name.parts.first() {
            cx.error_with_note(
                part.span,
                ambiguous_spelling(part, &cte.name),
                cte.name.span,
                format!("CTE `{}` is defined here", spelled(&cte.name)),
            );
        }
    }
    Scope {
        cx,
        bindings,
        defining: Vec::new(),
        reads: HashMap::new(),
    }
    .visit_statement(stmt);
}

struct Scope<'c, 'a> {
    cx: &'c Ctxt,
    bindings: &'c Bindings<'a>,
    /// The CTEs whose bodies the walk is in, outermost first.
    defining: Vec<&'a Cte>,
    /// Per WITH RECURSIVE clause, which of its CTEs read which (by index), so far.
    reads: HashMap<*const With, Vec<(usize, usize)>>,
}

impl<'a> Visit<'a> for Scope<'_, 'a> {
    fn visit_with(&mut self, with: &'a With) {
        let mut names: HashMap<&Ident, &Ident> = HashMap::new();
        for cte in &with.ctes {
            // WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a
            // -- two CTEs of one WITH share a name: which one `FROM a` reads is ambiguous.
            // WITH RECURSIVE tree AS (...), r#Tree AS (...) SELECT * FROM tree
            // -- two CTEs on PostgreSQL, one name defined twice on SQLite and MySQL.
            let ambiguous = with
                .ctes
                .iter()
                .take_while(|c| !ptr::eq(*c, cte))
                .find(|c| {
                    cte_shared::compare_names(c.name.shared(), cte.name.shared())
                        == cte_shared::NameMatch::Ambiguous
                });
            if let Some(first) = ambiguous {
                self.cx.error_with_note(
                    cte.name.span,
                    ambiguous_spelling(&cte.name, &first.name),
                    first.name.span,
                    format!("CTE `{}` is defined here", spelled(&first.name)),
                );
            } else if let Some(first) = names.get(&cte.name) {
                self.cx.error_with_note(
                    cte.name.span,
                    format!(
                        "CTE `{}` is defined twice in this WITH clause\n\
                         help: give each CTE of a WITH clause its own name",
                        cte.name
                    ),
                    first.span,
                    format!("CTE `{first}` is first defined here"),
                );
            } else {
                names.insert(&cte.name, &cte.name);
            }
            // WITH t(id, id) AS (SELECT 1, 2) SELECT id FROM t
            // -- the column list names a column twice: `id` is ambiguous.
            let mut columns: HashMap<&Ident, &Ident> = HashMap::new();
            for column in &cte.columns {
                match columns.get(column) {
                    Some(first) => self.cx.error_with_note(
                        column.span,
                        format!(
                            "column `{column}` appears twice in the column list of CTE `{}`\n\
                             help: give each column its own name",
                            cte.name
                        ),
                        first.span,
                        format!("column `{first}` is first named here"),
                    ),
                    None => {
                        columns.insert(column, column);
                    }
                }
            }
            if cte.written().is_some() {
                self.defining.push(cte);
                self.visit_cte(cte);
                self.defining.pop();
            }
        }
    }

    fn visit_table_factor(&mut self, factor: &'a TableFactor) {
        if let TableFactor::Table { name, .. } = factor {
            match self.bindings.get(name) {
                Binding::Hidden { cte, reader } => self.hidden(&name.parts, cte, reader),
                Binding::Cte(cte, with) if with.recursive.is_some() => self.read(name, cte, with),
                Binding::Cte(..) | Binding::Table => {}
            }
        }
        visit::walk_table_factor(self, factor);
    }
}

impl<'a> Scope<'_, 'a> {
    /// A name in a plain WITH clause that reads the CTE being defined or a later one.
    fn hidden(&self, parts: &[Ident], cte: &Cte, reader: &Cte) {
        let Some(name) = parts.first() else {
            return;
        };
        if ptr::eq(cte, reader) {
            // WITH tree AS (SELECT 1 AS id UNION ALL SELECT id + 1 FROM tree) SELECT * FROM tree
            // -- without RECURSIVE, SQLite recurses (and may loop) but PostgreSQL reads a table.
            self.cx.error(
                name.span,
                format!(
                    "CTE `{cte}` reads itself, but its WITH clause is not RECURSIVE\n\
                     note: engines disagree on what this means: SQLite runs `{cte}` as a \
                     recursive query, PostgreSQL and MySQL read a table named `{name}`\n\
                     help: write `WITH RECURSIVE` if `{cte}` is meant to be recursive, or rename \
                     the CTE if `{name}` here means the table",
                    cte = cte.name
                ),
            );
        } else {
            // WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a
            // -- without RECURSIVE, SQLite reads the later CTE but PostgreSQL reads a table `b`.
            self.cx.error(
                name.span,
                format!(
                    "CTE `{cte}` is defined after `{reader}`, and this WITH clause is not \
                     RECURSIVE\n\
                     note: engines disagree on what this means: SQLite reads the CTE `{cte}`, \
                     PostgreSQL and MySQL read a table named `{name}`\n\
                     help: define `{cte}` before `{reader}`, or write `WITH RECURSIVE`; rename \
                     the CTE if `{name}` here means the table",
                    cte = cte.name,
                    reader = reader.name
                ),
            );
        }
    }

    /// A name that reads `cte` of the WITH RECURSIVE clause `with`: an edge of the graph of
    /// which CTE reads which, checked for cycles through more than one CTE.
    fn read(&mut self, name: &crate::ast::ObjectName, cte: &'a Cte, with: &'a With) {
        let index = |c: &Cte| with.ctes.iter().position(|d| ptr::eq(c, d));
        let Some(target) = index(cte) else {
            return;
        };
        // The CTE of the same WITH clause whose body holds this name.
        let Some(source) = self.defining.iter().rev().find_map(|c| index(c)) else {
            return;
        };
        if source == target {
            return;
        }
        let edges = self.reads.entry(ptr::from_ref(with)).or_default();
        edges.push((source, target));
        // WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM a
        // -- mutual recursion: PostgreSQL, MySQL and SQLite refuse it; only MariaDB runs it.
        let Some(path) = path(edges, target, source) else {
            return;
        };
        let Some(span) = name.parts.first().map(|p| p.span) else {
            return;
        };
        let names: Vec<&Ident> = path
            .iter()
            .chain([&target])
            .filter_map(|&i| with.ctes.get(i).map(|c| &c.name))
            .collect();
        let cycle = names
            .iter()
            .zip(names.iter().skip(1))
            .map(|(reader, read)| format!("`{reader}` reads `{read}`"))
            .collect::<Vec<_>>()
            .join(", ");
        self.cx.error(
            span,
            format!(
                "CTEs {} read each other: {cycle}\n\
                 note: mutual recursion between CTEs runs only on MariaDB; PostgreSQL, MySQL, \
                 SQLite and SQL Server refuse it\n\
                 help: merge them into one recursive CTE, with one recursive member per step",
                listing(names.iter().take(names.len().saturating_sub(1)))
            ),
        );
    }
}

/// How a name was written: `r#Tree` or `tree`.
fn spelled(name: &Ident) -> String {
    if name.raw {
        format!("r#{}", name.value)
    } else {
        name.value.clone()
    }
}

/// The error for a name spelled so that engines disagree on whether it is the CTE `cte`.
fn ambiguous_spelling(name: &Ident, cte: &Ident) -> String {
    // SQLite ignores the case of ASCII letters only.
    let engines = if name.value.eq_ignore_ascii_case(&cte.value) {
        "one name on SQLite, MySQL, MariaDB and SQL Server but two on PostgreSQL"
    } else {
        "one name on MySQL, MariaDB and SQL Server but two on PostgreSQL and SQLite"
    };
    format!(
        "`{name}` and the CTE `{cte}` are {engines}\n\
         note: PostgreSQL folds an unquoted name to lower case (ASCII letters only) and keeps a \
         raw one as written; MySQL and MariaDB ignore case, SQLite the case of ASCII letters\n\
         help: spell the name the same way in both places, or give the two different names",
        name = spelled(name),
        cte = spelled(cte),
    )
}

/// A path of CTE indices from `from` to `to` along `edges`, both ends included.
fn path(edges: &[(usize, usize)], from: usize, to: usize) -> Option<Vec<usize>> {
    let mut paths = vec![vec![from]];
    let mut seen = vec![from];
    while let Some(path) = paths.pop() {
        let last = *path.last()?;
        if last == to {
            return Some(path);
        }
        for &(_, next) in edges.iter().filter(|(s, _)| *s == last) {
            if !seen.contains(&next) {
                seen.push(next);
                let mut longer = path.clone();
                longer.push(next);
                paths.push(longer);
            }
        }
    }
    None
}
