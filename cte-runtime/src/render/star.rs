//! What a bare `*` select item stands for.
//!
//! PostgreSQL's `SELECT *` over `a JOIN b USING (c)` returns `c` once, first, then the other
//! columns of `a`, then those of `b`. Other engines place the USING columns elsewhere (see
//! `facts::star_over_using`), and without the tables' columns the renderer cannot list them:
//! there such a `*` is refused. `a.*` and `b.*` mean the same everywhere but on SQLite under a
//! RIGHT or FULL JOIN (`facts::qualified_star_over_using`). A `*` whose columns nobody reads
//! (`EXISTS (SELECT * ...)`) is left as it is.
//!
//! MySQL and MariaDB take a bare `*` only as the first select item; after other items it is
//! written as each FROM item's `t.*`, in order, which are the same columns (see `mysql.rs`),
//! and in RETURNING as the target table's `t.*` (see `dml.rs`).

use super::facts;
use super::planner::Planner;
use crate::tree::{
    Join, JoinConstraint, JoinKind, List, Select, SelectItem, TableFactor, TableWithJoins,
};
use crate::RenderError;

impl Planner<'_> {
    /// Checks the `*` and `t.*` items of `s`, whose columns are read unless `columns_read` is
    /// false; returns the FROM items whose `t.*` a bare `*` must be written as, if it cannot
    /// stay `*`.
    pub(super) fn star_items(
        &self,
        s: &Select,
        columns_read: bool,
    ) -> Result<Option<List<TableWithJoins>>, RenderError> {
        let star = |item: &SelectItem| matches!(item, SelectItem::Wildcard);
        let qualified = |item: &SelectItem| matches!(item, SelectItem::QualifiedWildcard(_));
        let (stars, qualified_stars) = (
            s.projection.iter().any(star),
            s.projection.iter().any(qualified),
        );
        if !stars && !qualified_stars {
            return Ok(None);
        }
        let support = self.support();
        let (mut using, mut star_differs, mut qualified_differs) = (false, false, false);
        for_each_join(s.from, &mut |join| {
            let refused =
                !support.join_using || (join.kind == JoinKind::Full && !support.full_join);
            if let (JoinConstraint::Using(columns), false) = (join.constraint, refused) {
                using = true;
                star_differs |= !facts::star_over_using(self.dialect, join.kind, columns.len());
                qualified_differs |= !facts::qualified_star_over_using(self.dialect, join.kind);
            }
        });
        if stars && star_differs && columns_read {
            return Err(self.unsupported(
                "SELECT * over a JOIN ... USING",
                "this engine places the USING columns elsewhere than PostgreSQL, which returns \
                 them first; list the columns, or select a.*, b.*",
            ));
        }
        if qualified_stars && qualified_differs && columns_read {
            return Err(self.unsupported(
                "t.* over a RIGHT or FULL JOIN ... USING",
                "this engine shows the other table's value in a USING column of a table \
                 without a row; list the columns",
            ));
        }
        if !stars || support.star_after_items || !star_after_items(s.projection) {
            return Ok(None);
        }
        if using {
            return Err(self.unsupported(
                "* after other select items over a JOIN ... USING",
                "this engine takes * only as the first select item, and t.* would repeat the \
                 USING columns; list the columns, or put * first",
            ));
        }
        Ok(Some(s.from))
    }
}

/// Whether a bare `*` of `items` comes after another item.
pub(super) fn star_after_items(items: &[SelectItem]) -> bool {
    items
        .iter()
        .skip(1)
        .any(|item| matches!(item, SelectItem::Wildcard))
}

/// Calls `f` on every join of `from`, parenthesised ones included.
fn for_each_join(from: &[TableWithJoins], f: &mut dyn FnMut(&Join)) {
    fn factor(t: &TableFactor, f: &mut dyn FnMut(&Join)) {
        if let TableFactor::Nested(inner) = t {
            for_each_join(std::slice::from_ref(*inner), f);
        }
    }
    for item in from {
        factor(&item.relation, f);
        for join in item.joins {
            factor(&join.relation, f);
            f(join);
        }
    }
}
