//! The byte format the macros encode a tree in and the runtime decodes it from: its version,
//! the order of its slabs, and the tag of every choice. The grammar of the format is written
//! out once, in the runtime's decoder (`cte-runtime/src/tree/decode.rs`); both the encoder and
//! the decoder match exhaustively on these enums, so a new tag is a compile error in both until
//! each handles it.

use crate::tree::{tagged, JoinKind, LockStrength, LockWait, NullsOrder, SortOrder};

/// The version of the format: the first byte of every encoding.
pub const FORMAT: u8 = 3;

tagged! {
    /// What an encoding holds, its second byte.
    pub enum Root {
        /// The statement of a `select!` call site.
        Statement,
        /// The CTE of a `cte!` item.
        Cte,
    }
}

tagged! {
    /// The node types that are allocated per type, in the order of their counts in the header.
    pub enum Slab {
        Statements, Queries, Selects, SetExprs, Ctes, Exprs, Rows, Whens, Idents, SelectItems,
        Tables, Joins, OrderBy, Assignments,
    }
}

/// The number of [`Slab`]s, and so of counts in the header.
pub const SLABS: usize = Slab::ALL.len();

tagged! {
    pub enum StatementTag {
        Query, Insert, Update, Delete,
    }
}

tagged! {
    /// An INSERT's `ON CONFLICT` clause: none, `DO NOTHING` or `DO UPDATE`.
    pub enum ConflictTag {
        None, Nothing, Update,
    }
}

tagged! {
    pub enum WithTag {
        None, With, Recursive,
    }
}

tagged! {
    pub enum SetExprTag {
        Select, Values, Query, SetOp,
    }
}

tagged! {
    pub enum SelectItemTag {
        /// `*`
        Wildcard,
        /// `name.*`
        QualifiedWildcard,
        /// An expression without an alias.
        Expr,
        /// An expression, then its alias.
        Aliased,
    }
}

tagged! {
    pub enum TableFactorTag {
        Table, Derived, Nested,
    }
}

tagged! {
    pub enum JoinConstraintTag {
        On, Using, None,
    }
}

tagged! {
    /// The tag of an expression; `negated` comes first where there is one.
    pub enum ExprTag {
        Integer, Decimal, String, False, True, Null, Param, Column, Unary, Binary, IsNull, Between,
        InList, InSubquery, Like, Exists, Subquery, Case, Cast, Function, Nested,
        /// `expr [NOT] IN {list}`: a list bound as one parameter.
        InListParam,
    }
}

tagged! {
    pub enum FunctionArgsTag {
        /// `(*)`
        Star,
        List,
        /// `(DISTINCT ...)`
        Distinct,
    }
}

tagged! {
    pub enum FrameBoundTag {
        CurrentRow, UnboundedPreceding, Preceding, UnboundedFollowing, Following,
    }
}

/// The one byte of an ORDER BY item's direction and NULLS placement.
pub const fn order_tag(order: SortOrder, nulls: NullsOrder) -> u8 {
    order.tag() * 3 + nulls.tag()
}

/// The direction and NULLS placement of [`order_tag`]'s byte.
pub const fn order_from_tag(tag: u8) -> Option<(SortOrder, NullsOrder)> {
    match (SortOrder::from_tag(tag / 3), NullsOrder::from_tag(tag % 3)) {
        (Some(order), Some(nulls)) => Some((order, nulls)),
        _ => None,
    }
}

/// The one byte of a statement's locking clause: 0 for none.
pub const fn lock_tag(lock: Option<(LockStrength, LockWait)>) -> u8 {
    match lock {
        None => 0,
        Some((strength, wait)) => 1 + strength.tag() * 3 + wait.tag(),
    }
}

/// The locking clause of [`lock_tag`]'s byte: `None` for a byte no version writes,
/// `Some(None)` for no clause.
pub const fn lock_from_tag(tag: u8) -> Option<Option<(LockStrength, LockWait)>> {
    if tag == 0 {
        return Some(None);
    }
    match (
        LockStrength::from_tag((tag - 1) / 3),
        LockWait::from_tag((tag - 1) % 3),
    ) {
        (Some(strength), Some(wait)) => Some(Some((strength, wait))),
        _ => None,
    }
}

/// The one byte of a join's kind and the kind of its condition.
pub const fn join_tag(kind: JoinKind, constraint: JoinConstraintTag) -> u8 {
    kind.tag() * 3 + constraint.tag()
}

/// The kind and condition kind of [`join_tag`]'s byte.
pub const fn join_from_tag(tag: u8) -> Option<(JoinKind, JoinConstraintTag)> {
    match (
        JoinKind::from_tag(tag / 3),
        JoinConstraintTag::from_tag(tag % 3),
    ) {
        (Some(kind), Some(constraint)) => Some((kind, constraint)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{BinaryOp, DataTypeTag, SetOperator};

    /// How many bytes decode to a choice; each must encode back to the byte it came from.
    fn round_trips<T>(from_tag: impl Fn(u8) -> Option<T>, tag: impl Fn(T) -> u8) -> usize {
        (0..=u8::MAX)
            .filter(|&b| from_tag(b).map(|t| assert_eq!(tag(t), b)).is_some())
            .count()
    }

    /// Every byte either decodes to a choice that encodes back to it, or to nothing.
    #[test]
    fn tags_round_trip() {
        let seen = [
            round_trips(BinaryOp::from_tag, BinaryOp::tag),
            round_trips(SetOperator::from_tag, SetOperator::tag),
            round_trips(ExprTag::from_tag, ExprTag::tag),
            round_trips(DataTypeTag::from_tag, DataTypeTag::tag),
            round_trips(order_from_tag, |(order, nulls)| order_tag(order, nulls)),
            round_trips(join_from_tag, |(kind, constraint)| {
                join_tag(kind, constraint)
            }),
            round_trips(lock_from_tag, lock_tag),
        ];
        assert_eq!(seen, [14, 6, 22, 14, 9, 15, 7]);
        assert_eq!(Slab::from_tag(SLABS as u8 - 1), Some(Slab::Assignments));
        assert_eq!(Slab::from_tag(SLABS as u8), None);
    }
}
