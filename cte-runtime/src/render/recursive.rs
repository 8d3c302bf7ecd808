//! Column types of a recursive CTE, which most engines take from the anchor alone.
//!
//! On MySQL, MariaDB and SQL Server a recursive CTE's column gets the type of the anchor's
//! value, and PostgreSQL wants the anchor's type to be the column's: so what PostgreSQL and
//! SQLite compute fine elsewhere fails or, worse, comes out different:
//!
//! - text that a member makes longer (`label || 'b'`) or replaces (`'root'`, then `e.name`):
//!   "Data too long" on MySQL/MariaDB (silently cut without strict mode), "Types don't match"
//!   on SQL Server, and on PostgreSQL a VARCHAR(n) anchor is not the `text` that `||` makes.
//!   The anchor's value is cast to unbounded text; the text stays the same.
//! - a NULL in the anchor: text on PostgreSQL (`text + integer` in the member fails), an empty
//!   type on MariaDB, which turns every later value into `''`. The NULL is cast to the type the
//!   member gives the column, when the tree shows it; otherwise the dialect returns an error
//!   asking for `CAST(NULL AS type)` (SQLite, which has no column types, takes it as it is).
//! - on MySQL and MariaDB, an integer anchor rounds the fractions a member computes (`1`, then
//!   `v * 1.5`, gives 1, 2, 3, 5), and a decimal literal fixes the scale (`1.5` keeps one
//!   digit). Where the tree shows it, that is an error; PostgreSQL refuses the first too.

use super::expr::{numeric_kind, numeric_kind_with, Kind, Pos};
use super::facts::{self, RecursiveTyping};
use std::rc::Rc;

use super::members::{leaves, leftmost, Members};
use super::planner::Planner;
use super::typing::Typing;
use super::{scope, Renderer, Res};
use crate::param::ParamKind;
use crate::tree::{
    BinaryOp, Cte, DataType, Expr, Ident, List, Literal, Select, SelectItem, SetExpr,
    TableWithJoins, UnaryOp,
};
use crate::RenderError;

/// The anchor columns to cast in a recursive CTE.
pub(super) struct Widen {
    /// The CTE: a member that reads it is recursive, the others are anchors.
    name: Ident,
    /// Positions of the columns to cast, and the type.
    columns: Vec<(usize, DataType)>,
    /// The members that are a SELECT, by address: anchors and recursive members, as the
    /// body's analysis found them, so that writing them needs no second look.
    anchors: Vec<*const Select>,
    recursive: Vec<*const Select>,
    /// The anchors that are a VALUES list, by the address of their rows.
    values: Vec<*const List<Expr>>,
    /// The CTE names its columns itself, so a cast anchor item needs no alias.
    named: bool,
}

/// The members of a recursive CTE that are a SELECT: its recursive members when `reads`, else
/// its anchors.
fn selects(members: &Members, reads: bool) -> impl Iterator<Item = &'static Select> + '_ {
    members
        .list
        .iter()
        .filter_map(move |&(_, member, r)| match member {
            SetExpr::Select(select) if r == reads => Some(*select),
            _ => None,
        })
}

/// The values that the members (recursive ones when `reads`, else anchors) give column `i`:
/// a SELECT's item, or the value of each row of a VALUES list.
fn column_values(
    members: &Members,
    reads: bool,
    i: usize,
) -> impl Iterator<Item = &'static Expr> + '_ {
    members
        .list
        .iter()
        .filter(move |&&(_, _, r)| r == reads)
        .flat_map(|&(_, member, _)| {
            // An anchor with INTERSECT or EXCEPT: the values of each of its queries.
            let mut parts = Vec::new();
            leaves(member, &mut parts);
            parts
        })
        .flat_map(move |member| {
            let (item, rows): (Option<&'static Expr>, &'static [List<Expr>]) = match member {
                SetExpr::Select(s) => match s.projection.get(i) {
                    Some(SelectItem::Expr { expr, .. }) => (Some(expr), &[]),
                    _ => (None, &[]),
                },
                SetExpr::Values(rows) => (None, rows),
                SetExpr::Query(_) | SetExpr::SetOp { .. } => (None, &[]),
            };
            item.into_iter()
                .chain(rows.iter().filter_map(move |r| r.get(i)))
        })
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

fn is_null(e: &Expr) -> bool {
    match e {
        Expr::Literal(Literal::Null) => true,
        Expr::Nested(inner) => is_null(inner),
        _ => false,
    }
}

/// A decimal literal, signed or not: its scale is its type's on MySQL and MariaDB.
fn is_decimal_literal(e: &Expr) -> bool {
    match e {
        Expr::Literal(Literal::Decimal(_)) => true,
        Expr::Nested(inner)
        | Expr::Unary {
            op: UnaryOp::Minus | UnaryOp::Plus,
            expr: inner,
        } => is_decimal_literal(inner),
        _ => false,
    }
}

/// Whether a member's value is computed, rather than copied from a column or written.
fn computes(e: &Expr) -> bool {
    match e {
        Expr::Column(_) | Expr::Literal(_) | Expr::Param(_) => false,
        Expr::Nested(inner) => computes(inner),
        _ => true,
    }
}

/// The type a member's value shows in the tree, for a NULL anchor to take.
fn shown_type(e: &Expr) -> Option<DataType> {
    match e {
        Expr::Cast { data_type, .. } => Some(*data_type),
        Expr::Literal(Literal::String(_)) => Some(DataType::Text),
        Expr::Literal(Literal::Decimal(_)) => Some(DataType::Decimal {
            precision: None,
            scale: None,
        }),
        Expr::Literal(Literal::Bool(_)) => Some(DataType::Boolean),
        e if grows(e) => Some(DataType::Text),
        e if super::expr::is_predicate(e) => Some(DataType::Boolean),
        Expr::Nested(inner) => shown_type(inner),
        e => match numeric_kind(e) {
            Some(Kind::Integer) => Some(DataType::BigInt),
            Some(Kind::Fractional) if fractional_is_numeric(e) => Some(DataType::Decimal {
                precision: None,
                scale: None,
            }),
            _ => None,
        },
    }
}

/// Whether a fractional expression is a DECIMAL (not a float) on every engine: made only of
/// integers, decimal literals and DECIMAL casts.
fn fractional_is_numeric(e: &Expr) -> bool {
    match e {
        Expr::Literal(Literal::Integer(_) | Literal::Decimal(_)) => true,
        Expr::Cast { data_type, .. } => matches!(
            data_type,
            DataType::Decimal { .. } | DataType::SmallInt | DataType::Integer | DataType::BigInt
        ),
        Expr::Nested(inner) | Expr::Unary { expr: inner, .. } => fractional_is_numeric(inner),
        Expr::Binary { left, right, .. } => {
            fractional_is_numeric(left) && fractional_is_numeric(right)
        }
        _ => false,
    }
}

impl Planner<'_> {
    /// Whether a parameter at `e` is bound as an integer or as a float.
    fn param_numeric_kind(&self, e: &Expr) -> Option<Kind> {
        let Expr::Param(i) = e else { return None };
        match self.param_kind(*i) {
            ParamKind::Integer => Some(Kind::Integer),
            ParamKind::Float => Some(Kind::Fractional),
            // Decimals bind as text on SQLite, MySQL and MariaDB.
            _ => None,
        }
    }

    /// What is certain about the numeric type of `e`, parameters' kinds included.
    fn value_kind(&self, e: &Expr) -> Option<Kind> {
        numeric_kind_with(e, &|p| self.param_numeric_kind(p))
    }

    /// What to cast in the anchors of the recursive CTE `cte`, if anything, or the error for
    /// a column whose type would differ here.
    pub(super) fn widening(
        &self,
        cte: &Cte,
        members: &Members,
    ) -> Result<Option<Widen>, RenderError> {
        if self.support().recursive_typing == RecursiveTyping::Dynamic {
            return Ok(None);
        }
        let width = members
            .list
            .iter()
            .find(|m| !m.2)
            .map_or(0, |&(_, anchor, _)| match leftmost(anchor) {
                SetExpr::Select(s) => s.projection.len(),
                SetExpr::Values(rows) => rows.first().map_or(0, |r| r.len()),
                SetExpr::Query(_) | SetExpr::SetOp { .. } => 0,
            });
        let mut columns = Vec::new();
        for i in 0..width {
            if let Some(ty) = self.column_cast(i, members)? {
                columns.push((i, ty));
            }
        }
        if columns.is_empty() {
            return Ok(None);
        }
        if members.mixed_anchor {
            self.mixed_unions()?;
        }
        if members.compound_anchor.is_some() {
            // Its queries are written in a derived table, where a cast would also change what
            // INTERSECT and EXCEPT compare.
            return Err(self.unsupported(
                "a recursive CTE whose anchor has INTERSECT or EXCEPT and needs its columns \
                 cast to the type the recursive members give them",
                "cast the anchor's values yourself: CAST(x AS type) in each query of the anchor",
            ));
        }
        let address = |s: &Select| s as *const Select;
        Ok(Some(Widen {
            name: cte.name,
            columns,
            anchors: selects(members, false).map(address).collect(),
            recursive: selects(members, true).map(address).collect(),
            values: members
                .list
                .iter()
                .filter_map(|&(_, member, reads)| match member {
                    SetExpr::Values(rows) if !reads => Some(rows.as_ptr()),
                    _ => None,
                })
                .collect(),
            named: !cte.columns.is_empty(),
        }))
    }

    /// The cast the anchors' column `i` needs, if any.
    fn column_cast(&self, i: usize, members: &Members) -> Result<Option<DataType>, RenderError> {
        // The column's values, walked as often as needed rather than collected: this runs for
        // every column of every recursive CTE.
        let values = |reads| column_values(members, reads, i);
        let anchor_values = || values(false);
        let member_values = || values(true);
        let typing = self.support().recursive_typing;
        let mysql = typing == RecursiveTyping::AnchorFixes;
        if mysql {
            for anchor in anchor_values() {
                let integer = self.value_kind(anchor) == Some(Kind::Integer);
                for member in member_values() {
                    if integer && self.value_kind(member) == Some(Kind::Fractional) {
                        return Err(self.unsupported(
                            "an integer anchor for a column that a recursive member makes \
                             fractional",
                            "the anchor fixes the column's type here and the member's values \
                             would be rounded; cast the anchor to DECIMAL(p, s) or DOUBLE",
                        ));
                    }
                    if is_decimal_literal(anchor) && computes(member) {
                        return Err(self.unsupported(
                            "a decimal literal anchor for a column that a recursive member \
                             computes",
                            "the literal fixes the column's scale here and the member's \
                             values would be rounded; cast the anchor to DECIMAL(p, s)",
                        ));
                    }
                }
            }
        }
        // A NULL bound to an anchor's placeholder gives the column the empty type on MySQL and
        // MariaDB too: the placeholder is cast to its kind's type, or typed as a NULL is.
        let param_kind = |e: &Expr| match e {
            Expr::Param(i) => Some(self.param_kind(*i)),
            _ => None,
        };
        if mysql {
            let typed = anchor_values()
                .filter_map(param_kind)
                .find_map(|k| match k {
                    ParamKind::Integer | ParamKind::Bool => Some(DataType::BigInt),
                    ParamKind::Float => Some(DataType::Double),
                    // UUIDs, decimals and JSON bind as text on MySQL and MariaDB.
                    ParamKind::Text | ParamKind::Uuid | ParamKind::Decimal | ParamKind::Json => {
                        Some(DataType::Text)
                    }
                    ParamKind::Bytes => Some(DataType::Blob),
                    ParamKind::Date => Some(DataType::Date),
                    ParamKind::Time => Some(DataType::Time),
                    ParamKind::Timestamp | ParamKind::TimestampTz => Some(DataType::Timestamp),
                    ParamKind::Unknown | ParamKind::List => None,
                });
            if let Some(ty) = typed {
                return Ok(Some(ty));
            }
        }
        let untyped_param = |e: &Expr| mysql && param_kind(e) == Some(ParamKind::Unknown);
        if anchor_values().any(|e| is_null(e) || untyped_param(e)) {
            let shown = member_values().find(|e| !is_null(e));
            return match shown {
                // Every value is NULL: nothing to type.
                None => Ok(None),
                Some(member) => match shown_type(member) {
                    Some(DataType::Decimal {
                        precision: None, ..
                    }) if typing
                        != (RecursiveTyping::AnchorMustHold {
                            decimal_without_precision: true,
                        }) =>
                    {
                        Err(self.null_anchor_error())
                    }
                    Some(ty) => Ok(Some(ty)),
                    None => Err(self.null_anchor_error()),
                },
            };
        }
        let first_text_anchor = anchor_values()
            .any(|e| matches!(e, Expr::Literal(Literal::String(_))))
            .then(|| anchor_values().next())
            .flatten();
        let widened = match typing {
            RecursiveTyping::AnchorFixes => {
                member_values().any(grows)
                    || first_text_anchor.is_some_and(|first| member_values().any(|m| m != first))
            }
            // PostgreSQL wants the anchor's type to be the column's, and `||` makes text
            // of a VARCHAR(n) anchor (a cast or a table's column).
            RecursiveTyping::AnchorMustHold { .. } => member_values().any(grows),
            RecursiveTyping::Dynamic => false,
        };
        Ok((widened && !anchor_values().all(unbounded)).then_some(DataType::Text))
    }

    fn null_anchor_error(&self) -> RenderError {
        self.unsupported(
            "NULL in a recursive CTE's anchor for a column whose type the member does not show",
            "the anchor fixes the column's type here; write CAST(NULL AS type) in the anchor",
        )
    }
}

impl Renderer<'_> {
    /// The widening of the recursive CTE whose members are being written, at their depth.
    fn widening_here(&self) -> Option<Rc<Widen>> {
        let body = self.recursive_body.as_ref()?;
        let widen = body.widen.as_ref()?;
        (body.depth == self.depth).then(|| Rc::clone(widen))
    }

    /// The widening of the recursive CTE being written, when `s` is one of its anchors.
    pub(super) fn widened_anchor(&self, s: &Select) -> Option<Rc<Widen>> {
        self.widening_here().filter(|widen| is_anchor(widen, s))
    }

    /// Marks the VALUES list `rows` as being written, when it is an anchor whose columns are
    /// cast (see [`Renderer::values_item`]). Returns whether it is; the caller then calls
    /// [`Renderer::anchor_values_written`].
    pub(super) fn anchor_values(&mut self, rows: &[List<Expr>]) -> bool {
        let anchor = self
            .widening_here()
            .is_some_and(|widen| widen.values.contains(&rows.as_ptr()));
        if let (true, Some(body)) = (anchor, &mut self.recursive_body) {
            body.in_values = Some(self.depth);
        }
        anchor
    }

    pub(super) fn anchor_values_written(&mut self) {
        if let Some(body) = &mut self.recursive_body {
            body.in_values = None;
        }
    }

    /// The value of column `i` in a row of a VALUES list, cast where it is an anchor's whose
    /// column is widened.
    pub(super) fn values_item(&mut self, i: usize, e: &Expr, typing: Typing) -> Res {
        let cast = self
            .recursive_body
            .as_ref()
            .filter(|b| b.in_values == Some(self.depth))
            .and_then(|b| b.widen.as_ref())
            .and_then(|w| w.columns.iter().find(|(c, _)| *c == i))
            .map(|(_, ty)| *ty);
        match cast {
            Some(ty) if !unbounded(e) => self.anchor_cast(e, ty),
            _ => self.expr_typed(e, typing),
        }
    }

    /// The anchor's select items, with the columns `widen` names cast.
    pub(super) fn widened_items(
        &mut self,
        widen: &Widen,
        items: &[SelectItem],
        star_tables: Option<List<TableWithJoins>>,
    ) -> Res {
        self.comma_separated(items.iter().enumerate(), |r, (i, item)| {
            let cast = widen
                .columns
                .iter()
                .find(|(c, _)| *c == i)
                .map(|(_, ty)| *ty);
            match (item, cast) {
                (SelectItem::Expr { expr, alias }, Some(ty)) if !unbounded(expr) => {
                    // Without a column list the item's name is the column's: keep it.
                    let name = match (alias, expr) {
                        (Some(alias), _) => Some(*alias),
                        (None, _) if widen.named => None,
                        (None, Expr::Column(name)) => name.0.last().copied(),
                        (None, _) => {
                            return r.select_items(std::slice::from_ref(item), star_tables)
                        }
                    };
                    r.anchor_cast(expr, ty)?;
                    if let Some(name) = name {
                        r.write(" AS ");
                        r.ident(&name);
                    }
                    Ok(())
                }
                (item, _) => r.select_items(std::slice::from_ref(item), star_tables),
            }
        })
    }

    /// `CAST(e AS ty)` in the dialect's spelling of `ty`; MySQL and MariaDB have no boolean
    /// type, so a boolean column is an integer there.
    fn anchor_cast(&mut self, e: &Expr, ty: DataType) -> Res {
        let ty = match (self.support().recursive_typing, ty) {
            (RecursiveTyping::AnchorFixes, DataType::Boolean) => DataType::BigInt,
            (_, ty) => ty,
        };
        let name = match facts::cast(self.dialect, ty)? {
            facts::Cast::As(name) => name,
            // A NULL or a placeholder for an integer is cast here: nothing to round.
            facts::Cast::RoundedInteger(name) | facts::Cast::RealRoundedInteger(name) => {
                name.into()
            }
            facts::Cast::WideInteger => {
                self.write("CAST(CAST(");
                self.typed(super::typing::Typing::Inferred)
                    .expr_at(e, Pos::Value)?;
                self.write(" AS DECIMAL(19, 0)) AS SIGNED)");
                return Ok(());
            }
            _ => return self.expr_at(e, Pos::Value),
        };
        self.write("CAST(");
        self.typed(super::typing::Typing::Inferred)
            .expr_at(e, Pos::Value)?;
        self.write(" AS ");
        self.write(&name);
        self.write(")");
        Ok(())
    }
}

/// Whether `s`, at the depth of the members of the CTE that `widen` describes, is an anchor.
fn is_anchor(widen: &Widen, s: &Select) -> bool {
    let s_at: *const Select = s;
    if widen.anchors.contains(&s_at) {
        return true;
    }
    // A SELECT at the members' depth that is no member (inside an INTERSECT member).
    !widen.recursive.contains(&s_at) && !scope::select_mentions(s, &widen.name)
}
