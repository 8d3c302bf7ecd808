//! A locking SELECT (`FOR UPDATE`, `FOR SHARE`) locks the table rows it returns. PostgreSQL
//! refuses one whose rows are not table rows (grouped, deduplicated, combined by a set
//! operation); MySQL and MariaDB accept it and lock what they read. So that one query means the
//! same everywhere, such a query is refused here.

use super::recursive::is_aggregate;
use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{Function, JoinKind, Query, SetExpr, Statement};

// SELECT region, SUM(amount) FROM sales GROUP BY region FOR UPDATE
// -- the rows are groups, which have no rows of a table to lock.
pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    let Statement::Query(query) = stmt else {
        return;
    };
    let Some(lock) = &query.lock else {
        return;
    };
    if let Some(what) = not_table_rows(query) {
        cx.error(
            lock.for_token,
            format!(
                "FOR UPDATE and FOR SHARE lock the table rows a SELECT returns, and with {what} \
                 its rows are not table rows (PostgreSQL refuses it)\nhelp: lock the rows in a \
                 plain SELECT first, or leave out the locking clause"
            ),
        );
    } else if outer_join(query) {
        // SELECT o.id FROM orders o LEFT JOIN notes n ON n.order_id = o.id FOR UPDATE
        // -- a row of `n` may be missing; MySQL locks what it found, PostgreSQL refuses.
        cx.error(
            lock.for_token,
            "FOR UPDATE and FOR SHARE cannot lock the nullable side of an outer join (PostgreSQL \
             refuses it, MySQL and MariaDB lock what they found)\nhelp: lock the rows with an \
             inner join or a plain SELECT first",
        );
    }
}

/// Whether the FROM of `query`'s SELECT has a LEFT, RIGHT or FULL join.
fn outer_join(query: &Query) -> bool {
    let SetExpr::Select(select) = &query.body else {
        return false;
    };
    select.from.iter().flat_map(|f| &f.value).any(|t| {
        t.joins
            .iter()
            .any(|j| matches!(j.kind, JoinKind::Left | JoinKind::Right | JoinKind::Full))
    })
}

/// What makes the rows of `query` other than rows of its tables, if anything.
fn not_table_rows(query: &Query) -> Option<&'static str> {
    let select = match &query.body {
        SetExpr::Select(select) => select,
        SetExpr::SetOp { .. } => return Some("UNION, INTERSECT or EXCEPT"),
        SetExpr::Values(_) => return Some("VALUES"),
        SetExpr::Query { query, .. } => return not_table_rows(query),
    };
    if select.distinct.is_some() {
        return Some("DISTINCT");
    }
    if select.group_by.is_some() || select.having.is_some() {
        return Some("GROUP BY or HAVING");
    }
    let mut aggregates = Aggregates { found: false };
    for item in &select.projection {
        aggregates.visit_select_item(item);
    }
    aggregates
        .found
        .then_some("an aggregate or window function")
}

/// Finds an aggregate or window function outside subqueries.
struct Aggregates {
    found: bool,
}

impl<'a> Visit<'a> for Aggregates {
    fn visit_query(&mut self, _subquery: &'a Query) {}

    fn visit_function(&mut self, function: &'a Function) {
        self.found |= function.over.is_some() || is_aggregate(function);
        visit::walk_function(self, function);
    }
}
