//! Text columns that grow in a recursive CTE.
//!
//! On MySQL, MariaDB and SQL Server a recursive CTE's column takes its type from the anchor:
//! `SELECT 1, 'a' UNION ALL SELECT n + 1, label || 'b' FROM s` fails there ("Data too long",
//! "Types don't match") where PostgreSQL and SQLite just build longer text. So a column that a
//! recursive member builds with `||` gets its anchor value cast to unbounded text. The cast
//! changes no value: the anchor's text stays the same text.

use super::expr::Pos;
use super::query::flatten_set_ops;
use super::{facts, scope, Renderer, Res};
use crate::tree::{BinaryOp, Cte, DataType, Expr, Ident, Select, SelectItem, SetExpr};
use crate::Dialect;

/// The anchor columns to widen in the CTE being written.
pub(super) struct Widen {
    /// The CTE: a member that reads it is recursive, the others are anchors.
    name: Ident,
    /// The query depth of the CTE body's members.
    depth: u32,
    /// Positions of the columns to widen.
    columns: Vec<usize>,
    /// The CTE names its columns itself, so a widened anchor item needs no alias.
    named: bool,
}

/// Whether `e` builds text with `||`.
fn grows(e: &Expr) -> bool {
    match e {
        Expr::Binary {
            op: BinaryOp::Concat,
            ..
        } => true,
        Expr::Nested(inner) => grows(inner),
        _ => false,
    }
}

/// Whether `e` is already unbounded text.
fn unbounded(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Cast {
            data_type: DataType::Text | DataType::Varchar(None),
            ..
        }
    )
}

impl Renderer<'_> {
    /// What to widen in the body of the recursive CTE `cte`, if anything.
    pub(super) fn widening(&self, cte: &Cte, body: &SetExpr) -> Option<Widen> {
        if !matches!(
            self.dialect,
            Dialect::MySql | Dialect::MariaDb | Dialect::MsSql
        ) {
            return None;
        }
        let mut members = Vec::new();
        flatten_set_ops(body, None, &mut members);
        let mut columns = Vec::new();
        for (_, member) in &members {
            let SetExpr::Select(select) = member else {
                continue;
            };
            if !scope::set_expr_mentions(member, &cte.name) {
                continue;
            }
            for (i, item) in select.projection.iter().enumerate() {
                if let SelectItem::Expr { expr, .. } = item {
                    if grows(expr) && !columns.contains(&i) {
                        columns.push(i);
                    }
                }
            }
        }
        if columns.is_empty() {
            return None;
        }
        Some(Widen {
            name: cte.name,
            depth: self.depth + 1,
            columns,
            named: !cte.columns.is_empty(),
        })
    }

    /// Whether `s` is an anchor member of the CTE that `widen` describes.
    pub(super) fn is_anchor(&self, widen: &Widen, s: &Select) -> bool {
        self.depth == widen.depth && !scope::select_mentions(s, &widen.name)
    }

    /// The anchor's select items, with the growing columns cast to unbounded text.
    pub(super) fn widened_items(&mut self, widen: &Widen, items: &[SelectItem]) -> Res {
        let text = match facts::cast(self.dialect, DataType::Text)? {
            facts::Cast::As(name) => name,
            _ => return self.select_items(items),
        };
        self.comma_separated(items.iter().enumerate(), |r, (i, item)| match item {
            SelectItem::Expr { expr, alias } if widen.columns.contains(&i) && !unbounded(expr) => {
                // Without a column list the item's name is the column's: keep it.
                let name = match (alias, expr) {
                    (Some(alias), _) => Some(*alias),
                    (None, _) if widen.named => None,
                    (None, Expr::Column(name)) => name.0.last().copied(),
                    (None, _) => return r.select_items(std::slice::from_ref(item)),
                };
                r.write("CAST(");
                r.expr_at(expr, Pos::Value)?;
                r.write(" AS ");
                r.write(&text);
                r.write(")");
                if let Some(name) = name {
                    r.write(" AS ");
                    r.ident(&name);
                }
                Ok(())
            }
            item => r.select_items(std::slice::from_ref(item)),
        })
    }
}
