//! VALUES lists: as a query, as an INSERT's rows, and where a dialect writes them otherwise.

use super::typing::Typing;
use super::{Renderer, Res};
use crate::tree::{Expr, List};
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
/// subquery.
pub(super) fn reads_around(e: &Expr) -> bool {
    match e {
        Expr::Param(_)
        | Expr::Column(_)
        | Expr::InSubquery { .. }
        | Expr::Exists { .. }
        | Expr::Subquery(_) => true,
        Expr::Unary { expr, .. }
        | Expr::IsNull { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Nested(expr) => reads_around(expr),
        Expr::Binary { left, right, .. }
        | Expr::Like {
            expr: left,
            pattern: right,
            ..
        } => reads_around(left) || reads_around(right),
        Expr::Between {
            expr, low, high, ..
        } => reads_around(expr) || reads_around(low) || reads_around(high),
        Expr::InList { expr, list, .. } => reads_around(expr) || list.iter().any(reads_around),
        Expr::Case {
            operand,
            whens,
            else_result,
        } => {
            operand.is_some_and(reads_around)
                || whens
                    .iter()
                    .any(|(w, t)| reads_around(w) || reads_around(t))
                || else_result.is_some_and(reads_around)
        }
        Expr::Function(f) => match f.args {
            crate::tree::FunctionArgs::List { args, .. } => args.iter().any(reads_around),
            crate::tree::FunctionArgs::Star => false,
        },
        Expr::Literal(_) => false,
    }
}
