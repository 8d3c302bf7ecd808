//! Set operations: UNION, INTERSECT and EXCEPT, their precedence and their parenthesised
//! operands.

use super::facts::Support;
use super::{Renderer, Res};
use crate::tree::{QueryExpr, SetExpr, SetOperator};
use crate::Dialect;

impl Renderer<'_> {
    pub(super) fn set_expr(&mut self, s: &SetExpr) -> Res {
        if self.recursive_part(s)? {
            return Ok(());
        }
        match s {
            SetExpr::Select(select) => self.select(select),
            SetExpr::Values(rows) => self.values(rows),
            SetExpr::Query(q) => self.parenthesised_query(q),
            SetExpr::SetOp { op, left, right } => self.set_op(*op, left, right),
        }
    }

    /// A query written in parentheses in a set operation or as a query's body.
    fn parenthesised_query(&mut self, q: &QueryExpr) -> Res {
        match (self.dialect, &q.with) {
            // MariaDB does not find an enclosing CTE from the CTEs of a WITH moved into derived
            // tables; in one derived table, the nested WITH's references carry it (`binding.rs`).
            (Dialect::MySql | Dialect::MariaDb, Some(with))
                if !self.support().nested_cte_reads_outer && self.reads_outer_cte(with) =>
            {
                self.parenthesised_with(q)
            }
            (Dialect::Sqlite | Dialect::MySql | Dialect::MariaDb, Some(with)) => {
                self.query_moving_with(q, with)
            }
            // SQLite takes no parenthesised SELECT here.
            (Dialect::Sqlite, None) => self.query_without_with(q),
            (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::MsSql, _) => {
                self.subquery(q)
            }
        }
    }

    fn set_op(&mut self, op: SetOperator, left: &SetExpr, right: &SetExpr) -> Res {
        let (text, all) = match op {
            SetOperator::Union { all } => (" UNION", all),
            SetOperator::Intersect { all } => (" INTERSECT", all),
            SetOperator::Except { all } => (" EXCEPT", all),
        };
        if all && text != " UNION" && !self.support().set_op_all {
            return Err(self.unsupported(
                if text == " INTERSECT" {
                    "INTERSECT ALL"
                } else {
                    "EXCEPT ALL"
                },
                "use INTERSECT/EXCEPT without ALL, or count rows with GROUP BY",
            ));
        }
        let (left_parens, right_parens) = operand_parens(self.support(), op, left, right);
        self.set_operand(left, left_parens)?;
        self.write(text);
        if all {
            self.write(" ALL");
        }
        self.write(" ");
        self.set_operand(right, right_parens)
    }

    fn set_operand(&mut self, s: &SetExpr, parens: bool) -> Res {
        if !parens {
            return self.set_expr(s);
        }
        if !self.support().parenthesised_set_operands {
            self.write("SELECT * FROM ");
        }
        self.write("(");
        self.nested(|r| r.set_expr(s))?;
        self.write(")");
        Ok(())
    }
}

/// Whether the left and the right operand of `left op right` are written in parentheses.
/// INTERSECT binds tighter than UNION and EXCEPT, except on SQLite, which reads every chain left
/// to right; a right operand that is itself a set operation always gets parentheses.
pub(super) fn operand_parens(
    support: &Support,
    op: SetOperator,
    left: &SetExpr,
    right: &SetExpr,
) -> (bool, bool) {
    let left_parens = match left {
        SetExpr::SetOp { op: inner, .. } => {
            support.intersect_binds_tighter && set_level(*inner) < set_level(op)
        }
        _ => false,
    };
    let right_parens = match right {
        SetExpr::SetOp { op: inner, .. } => {
            !support.intersect_binds_tighter || set_level(*inner) <= set_level(op)
        }
        _ => false,
    };
    (left_parens, right_parens)
}

/// 2 for INTERSECT, 1 for UNION and EXCEPT.
fn set_level(op: SetOperator) -> u8 {
    match op {
        SetOperator::Intersect { .. } => 2,
        SetOperator::Union { .. } | SetOperator::Except { .. } => 1,
    }
}
