//! What SQLite needs written differently: OFFSET without LIMIT. (Its compound SELECTs, which
//! take no parentheses and read INTERSECT left to right, are handled in `query.rs`.)

use super::{Renderer, Res};
use crate::tree::QueryExpr;

impl Renderer<'_> {
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
