//! Column counts: the parts of a UNION, INTERSECT or EXCEPT against each other, a CTE's body
//! against its column list, an INSERT's rows against its column list.

use proc_macro2::Span;

use super::{count, listing, Ctxt};
use crate::ast::visit::{self, Visit};
use crate::ast::{Cte, Ident, Query, SelectItem, SetExpr, Statement};

pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    Shape { cx, expected: None }.visit_statement(stmt);
}

/// Where the column count of the next query's body comes from.
#[derive(Clone, Copy)]
enum Expected<'a> {
    Cte(&'a Cte),
    Insert(&'a [Ident]),
}

struct Shape<'c, 'a> {
    cx: &'c Ctxt,
    /// Set just before walking a query whose column count is fixed from outside.
    expected: Option<Expected<'a>>,
}

/// One row source of a body: a SELECT, a row of VALUES, or a parenthesised query.
struct Unit {
    /// The `SELECT` keyword, the first value of a VALUES row, or the opening parenthesis.
    token: Span,
    /// "SELECT", "VALUES row" or "query".
    what: &'static str,
    /// `None` when a `*` makes it unknown.
    columns: Option<usize>,
}

impl<'a> Visit<'a> for Shape<'_, 'a> {
    fn visit_statement(&mut self, stmt: &'a Statement) {
        let Statement::Insert(insert) = stmt else {
            return visit::walk_statement(self, stmt);
        };
        if let Some(with) = &insert.with {
            self.visit_with(with);
        }
        if !insert.columns.is_empty() {
            self.expected = Some(Expected::Insert(&insert.columns));
        }
        self.visit_query(&insert.source);
        for item in insert.returning.iter().flat_map(|r| &r.value) {
            self.visit_select_item(item);
        }
    }

    fn visit_cte(&mut self, cte: &'a Cte) {
        let Some(body) = cte.written() else {
            return;
        };
        let returning = match body {
            Statement::Query(_) => None,
            Statement::Insert(i) => i.returning.as_ref(),
            Statement::Update(u) => u.returning.as_ref(),
            Statement::Delete(d) => d.returning.as_ref(),
        };
        if !cte.columns.is_empty() {
            match returning {
                // WITH gone(id, name) AS (DELETE FROM t RETURNING id) SELECT * FROM gone
                // -- two names for one returned column: every engine refuses it.
                Some(returning) => {
                    let n = known_count(&returning.value);
                    if let Some(n) = n.filter(|&n| n != cte.columns.len()) {
                        self.cx.error(
                            returning.token,
                            format!(
                                "RETURNING gives {}, but {}\n\
                                 help: return as many columns as the column list names",
                                count(n, "column"),
                                declares(cte)
                            ),
                        );
                    }
                }
                None => self.expected = Some(Expected::Cte(cte)),
            }
        }
        visit::walk_cte(self, cte);
    }

    fn visit_query(&mut self, query: &'a Query) {
        let expected = self.expected.take();
        self.body(&query.body, expected);
        visit::walk_query(self, query);
    }
}

impl Shape<'_, '_> {
    // SELECT 1, 2 UNION ALL SELECT 3
    // -- the parts of a set operation must give the same number of columns.
    // WITH RECURSIVE t(n, depth) AS (SELECT 1 UNION ALL SELECT n + 1, depth FROM t) ...
    // -- the anchor gives 1 column where the column list names 2.
    fn body(&self, body: &SetExpr, expected: Option<Expected<'_>>) {
        let mut units = Vec::new();
        collect(body, &mut units);
        let first = units.iter().find_map(|u| u.columns.map(|n| (u.what, n)));
        let target = match expected {
            Some(Expected::Cte(cte)) => cte.columns.len(),
            Some(Expected::Insert(columns)) => columns.len(),
            None => match first {
                Some((_, n)) => n,
                None => return,
            },
        };
        // Written only for an error: most bodies have none.
        let reference = || match (expected, first) {
            (Some(Expected::Cte(cte)), _) => declares(cte),
            (Some(Expected::Insert(columns)), _) => format!(
                "the INSERT names {}: {}",
                count(columns.len(), "column"),
                listing(columns)
            ),
            (None, Some((first, n))) => {
                let verb = if first == "VALUES row" {
                    "has"
                } else {
                    "gives"
                };
                format!("the first {first} {verb} {n}")
            }
            // Without a unit of known count there is no target: returned above.
            (None, None) => String::new(),
        };
        let fix = match expected {
            Some(Expected::Cte(_)) => "give as many columns as the column list names",
            Some(Expected::Insert(_)) => "give a value for each column the INSERT names",
            None => "give every part of a UNION, INTERSECT or EXCEPT the same number of columns",
        };
        for unit in &units {
            let Some(n) = unit.columns.filter(|&n| n != target) else {
                continue;
            };
            let (verb, noun) = if unit.what == "VALUES row" {
                ("has", "value")
            } else {
                ("gives", "column")
            };
            self.cx.error(
                unit.token,
                format!(
                    "this {} {verb} {}, but {}\nhelp: {fix}",
                    unit.what,
                    count(n, noun),
                    reference()
                ),
            );
        }
    }
}

/// The units of a body, through its set operations.
fn collect(body: &SetExpr, units: &mut Vec<Unit>) {
    match body {
        SetExpr::Select(select) => units.push(Unit {
            token: select.select_token,
            what: "SELECT",
            columns: known_count(&select.projection),
        }),
        SetExpr::Values(values) => {
            for row in &values.rows {
                units.push(Unit {
                    token: row.first().map_or(values.values_token, |e| e.span()),
                    what: "VALUES row",
                    columns: Some(row.len()),
                });
            }
        }
        SetExpr::Query { query, paren_token } => {
            let mut inner = Vec::new();
            collect(&query.body, &mut inner);
            let first = inner.into_iter().next();
            units.push(Unit {
                token: first.as_ref().map_or(*paren_token, |u| u.token),
                what: first.as_ref().map_or("query", |u| u.what),
                columns: first.and_then(|u| u.columns),
            });
        }
        SetExpr::SetOp { left, right, .. } => {
            collect(left, units);
            collect(right, units);
        }
    }
}

/// The number of columns a select list gives, unless a `*` hides it.
fn known_count(items: &[SelectItem]) -> Option<usize> {
    let star = items.iter().any(|i| {
        matches!(
            i,
            SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(_)
        )
    });
    (!star).then_some(items.len())
}

/// "CTE `t` declares 2 columns: `a` and `b`".
fn declares(cte: &Cte) -> String {
    format!(
        "CTE `{}` declares {}: {}",
        cte.name,
        count(cte.columns.len(), "column"),
        listing(&cte.columns)
    )
}
