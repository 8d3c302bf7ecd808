//! VALUES lists: as a query, as an INSERT's rows, and where a dialect writes them otherwise.

use std::ops::ControlFlow;

use super::typing::Typing;
use super::visit::{self, Flow, Visit};
use super::{Renderer, Res};
use crate::tree::{Expr, List, ObjectName, QueryExpr};
use crate::Dialect;

impl Renderer<'_> {
    /// A VALUES list used as a query.
    pub(super) fn values(&mut self, rows: &[List<Expr>]) -> Res {
        let anchor = self.anchor_values(rows);
        let done = self.values_list(rows);
        if anchor {
            self.anchor_values_written();
        }
        done
    }

    fn values_list(&mut self, rows: &[List<Expr>]) -> Res {
        match self.dialect {
            Dialect::MySql => self.mysql_values(rows),
            Dialect::MariaDb => self.mariadb_values(rows),
            Dialect::MsSql => self.mssql_values(rows),
            Dialect::Postgres | Dialect::Sqlite => self.values_rows(rows, Typing::Value),
        }
    }

    /// `VALUES (a, b), (c, d)`, as INSERT takes it everywhere. `typing` is `Inferred` for an
    /// INSERT's values, which take the columns' types.
    pub(super) fn values_rows(&mut self, rows: &[List<Expr>], typing: Typing) -> Res {
        self.write("VALUES ");
        self.comma_separated(rows, |r, row| r.values_row(row, typing))
    }

    pub(super) fn values_row(&mut self, row: &List<Expr>, typing: Typing) -> Res {
        self.write("(");
        self.comma_separated(row.iter().enumerate(), |r, (i, e)| {
            r.values_item(i, e, typing)
        })?;
        self.write(")");
        Ok(())
    }
}

/// Whether `e` holds a parameter, a column (of an outer query, as VALUES has no FROM) or a
/// subquery, anywhere in it (a window's PARTITION BY, ORDER BY and frame included).
pub(super) fn reads_around(e: &Expr) -> bool {
    ReadsAround.visit_expr(e).is_break()
}

/// Stops at the first parameter, column or subquery.
struct ReadsAround;

impl<'a> Visit<'a> for ReadsAround {
    type Break = ();

    fn visit_expr(&mut self, e: &'a Expr) -> Flow<()> {
        match e {
            Expr::Param(_) | Expr::InListParam { .. } => ControlFlow::Break(()),
            e => visit::walk_expr(self, e),
        }
    }
    fn visit_column(&mut self, _name: &'a ObjectName) -> Flow<()> {
        ControlFlow::Break(())
    }
    fn visit_query(&mut self, _subquery: &'a QueryExpr) -> Flow<()> {
        ControlFlow::Break(())
    }
}
