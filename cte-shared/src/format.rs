//! The byte format the macros encode a tree in and the runtime decodes it from: its version,
//! the order of its slabs, and the tag of every choice. The grammar of the format is written
//! out once, in the runtime's decoder (`cte-runtime/src/tree/decode.rs`); both the encoder and
//! the decoder match exhaustively on these enums, so a new tag is a compile error in both until
//! each handles it.

use crate::tree::{tagged, JoinKind, NullsOrder, SortOrder};

/// The version of the format: the first byte of every encoding.
pub const FORMAT: u8 = 2;

tagged! {
    /// What an encoding holds, its second byte.
    pub enum Root {
        /// The statement of a `select!` call site.
        Statement = 0,
        /// The CTE of a `cte!` item.
        Cte = 1,
    }
}

tagged! {
    /// The node types that are allocated per type, in the order of their counts in the header.
    pub enum Slab {
        Statements = 0,
        Queries = 1,
        Selects = 2,
        SetExprs = 3,
        Ctes = 4,
        Exprs = 5,
        Rows = 6,
        Whens = 7,
        Idents = 8,
        SelectItems = 9,
        Tables = 10,
        Joins = 11,
        OrderBy = 12,
        Assignments = 13,
    }
}

/// The number of [`Slab`]s, and so of counts in the header.
pub const SLABS: usize = 14;

tagged! {
    pub enum StatementTag {
        Query = 0,
        Insert = 1,
        Update = 2,
        Delete = 3,
    }
}

tagged! {
    pub enum WithTag {
        None = 0,
        With = 1,
        Recursive = 2,
    }
}

tagged! {
    pub enum SetExprTag {
        Select = 0,
        Values = 1,
        Query = 2,
        SetOp = 3,
    }
}

tagged! {
    pub enum SelectItemTag {
        /// `*`
        Wildcard = 0,
        /// `name.*`
        QualifiedWildcard = 1,
        /// An expression without an alias.
        Expr = 2,
        /// An expression, then its alias.
        Aliased = 3,
    }
}

tagged! {
    pub enum TableFactorTag {
        Table = 0,
        Derived = 1,
        Nested = 2,
    }
}

tagged! {
    pub enum JoinConstraintTag {
        On = 0,
        Using = 1,
        None = 2,
    }
}

tagged! {
    /// The tag of an expression; `negated` comes first where there is one.
    pub enum ExprTag {
        Integer = 0,
        Decimal = 1,
        String = 2,
        False = 3,
        True = 4,
        Null = 5,
        Param = 6,
        Column = 7,
        Unary = 8,
        Binary = 9,
        IsNull = 10,
        Between = 11,
        InList = 12,
        InSubquery = 13,
        Like = 14,
        Exists = 15,
        Subquery = 16,
        Case = 17,
        Cast = 18,
        Function = 19,
        Nested = 20,
    }
}

tagged! {
    pub enum FunctionArgsTag {
        /// `(*)`
        Star = 0,
        List = 1,
        /// `(DISTINCT ...)`
        Distinct = 2,
    }
}

tagged! {
    pub enum FrameBoundTag {
        CurrentRow = 0,
        UnboundedPreceding = 1,
        Preceding = 2,
        UnboundedFollowing = 3,
        Following = 4,
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

    /// Every byte either decodes to a choice that encodes back to it, or to nothing.
    #[test]
    fn tags_round_trip() {
        let mut seen = [0usize; 6];
        for b in 0..=u8::MAX {
            if let Some(op) = BinaryOp::from_tag(b) {
                assert_eq!(op.tag(), b);
                seen[0] += 1;
            }
            if let Some(op) = SetOperator::from_tag(b) {
                assert_eq!(op.tag(), b);
                seen[1] += 1;
            }
            if let Some(t) = ExprTag::from_tag(b) {
                assert_eq!(t.tag(), b);
                seen[2] += 1;
            }
            if let Some(t) = DataTypeTag::from_tag(b) {
                assert_eq!(t.tag(), b);
                seen[3] += 1;
            }
            if let Some((order, nulls)) = order_from_tag(b) {
                assert_eq!(order_tag(order, nulls), b);
                seen[4] += 1;
            }
            if let Some((kind, constraint)) = join_from_tag(b) {
                assert_eq!(join_tag(kind, constraint), b);
                seen[5] += 1;
            }
        }
        assert_eq!(seen, [14, 6, 21, 14, 9, 15]);
        assert_eq!(Slab::from_tag(SLABS as u8 - 1), Some(Slab::Assignments));
        assert_eq!(Slab::from_tag(SLABS as u8), None);
    }
}
