//! What SQLite needs written differently: OFFSET without LIMIT, a query in parentheses, an
//! upsert's SELECT source and DELETE ... USING.
//! (Its compound SELECTs, which take no parentheses and read INTERSECT left to right, are
//! facts of its `Support` that `query.rs` asks.)

use super::moved::is_plain_select;
use super::{Renderer, Res};
use crate::tree::{Delete, QueryExpr};

impl Renderer<'_> {
    /// A parenthesised query whose WITH is written elsewhere, or that has none: SQLite takes
    /// no parenthesised SELECT in a compound, so a plain SELECT goes bare and any other query
    /// into `SELECT * FROM (...)`.
    pub(super) fn sqlite_query_without_with(&mut self, q: &QueryExpr) -> Res {
        if is_plain_select(q) {
            return self.nested(|r| r.query_after_with(q));
        }
        self.write("SELECT * FROM (");
        self.nested(|r| r.query_after_with(q))?;
        self.write(")");
        Ok(())
    }

    /// An upsert's source as `SELECT * FROM (source) WHERE true`: SQLite may read the `ON` of
    /// `ON CONFLICT` after a FROM clause as a join condition, and its manual's remedy is a
    /// WHERE before it. The derived table has the source's rows and columns, in order.
    pub(super) fn sqlite_where_true(&mut self, source: impl FnOnce(&mut Self) -> Res) -> Res {
        self.write("SELECT * FROM (");
        self.nested(source)?;
        self.write(") WHERE true");
        Ok(())
    }

    /// `DELETE FROM t USING s WHERE c` as `DELETE FROM t WHERE EXISTS (SELECT 1 FROM s WHERE
    /// c)`: SQLite's DELETE reads one table, and a row of `t` goes exactly when some row of the
    /// join with `s` meets `c`, which is what USING deletes. The condition reads `t`'s columns
    /// from the outer statement, as it does there.
    pub(super) fn sqlite_delete_using(&mut self, d: &Delete) -> Res {
        self.delete_target(d);
        self.write(" WHERE EXISTS (SELECT 1 FROM ");
        self.nested(|r| {
            r.from(d.using)?;
            r.where_clause(d.selection.as_ref())
        })?;
        self.write(")");
        Ok(())
    }

    /// ` LIMIT n OFFSET m`; OFFSET alone needs `LIMIT -1` (no limit).
    pub(super) fn sqlite_limit_offset(&mut self, q: &QueryExpr) -> Res {
        if q.limit.is_none() && q.offset.is_none() {
            return Ok(());
        }
        self.write(" LIMIT ");
        match &q.limit {
            Some(limit) => self.expr(limit)?,
            None => self.write("-1"),
        }
        if let Some(offset) = &q.offset {
            self.write(" OFFSET ");
            self.expr(offset)?;
        }
        Ok(())
    }
}
