//! The decoder's allocations: one slab per node type, sized from the header's counts.

use cte_shared::format::{self, SLABS};

use super::*;

/// The unused part of one node type's allocation. Handing out the front of it as
/// `&'static mut` keeps the whole decoder free of `unsafe`.
pub(super) struct Slab<T: 'static> {
    pub(super) free: &'static mut [T],
}

impl<T: Copy> Slab<T> {
    pub(super) fn new(len: usize, filler: T) -> Self {
        Slab {
            free: if len == 0 {
                &mut []
            } else {
                vec![filler; len].leak()
            },
        }
    }

    pub(super) fn take(&mut self, n: usize) -> Res<&'static mut [T]> {
        if n > self.free.len() {
            return Err(Corrupt);
        }
        let (head, tail) = std::mem::take(&mut self.free).split_at_mut(n);
        self.free = tail;
        Ok(head)
    }
}

const IDENT: Ident = Ident {
    value: "",
    raw: false,
};
const EXPR: Expr = Expr::Literal(Literal::Null);
const NAME: ObjectName = ObjectName(&[]);
const QUERY: QueryExpr = QueryExpr {
    with: None,
    body: SetExpr::Values(&[]),
    order_by: &[],
    limit: None,
    offset: None,
};
const TABLE: TableWithJoins = TableWithJoins {
    relation: TableFactor::Table {
        name: NAME,
        alias: None,
    },
    joins: &[],
};

/// Declares `Slabs`, one slab per `cte_shared::format::Slab` (`field(Variant): Type = filler`),
/// with `new`, which sizes each from its count in the header, and `is_full`.
macro_rules! slabs {
    ($( $field:ident($slab:ident): $ty:ty = $filler:expr, )*) => {
        pub(super) struct Slabs {
            $( pub(super) $field: Slab<$ty>, )*
        }

        impl Slabs {
            pub(super) fn new(counts: [usize; SLABS]) -> Self {
                Slabs {
                    $( $field: Slab::new(counts[usize::from(format::Slab::$slab.tag())], $filler), )*
                }
            }

            /// Whether every entry was used, as a well-formed encoding's counts promise.
            pub(super) fn is_full(&self) -> bool {
                true $( && self.$field.free.is_empty() )*
            }
        }
    };
}

slabs! {
    statements(Statements): Statement = Statement::Query(QUERY),
    queries(Queries): QueryExpr = QUERY,
    selects(Selects): Select = Select {
        distinct: false,
        projection: &[],
        from: &[],
        selection: None,
        group_by: &[],
        having: None,
    },
    set_exprs(SetExprs): SetExpr = SetExpr::Values(&[]),
    ctes(Ctes): Cte = Cte {
        name: IDENT,
        columns: &[],
        materialized: Materialized::Default,
        body: &Statement::Query(QUERY),
        search: None,
        cycle: None,
    },
    exprs(Exprs): Expr = EXPR,
    rows(Rows): List<Expr> = &[],
    whens(Whens): (Expr, Expr) = (EXPR, EXPR),
    idents(Idents): Ident = IDENT,
    select_items(SelectItems): SelectItem = SelectItem::Wildcard,
    tables(Tables): TableWithJoins = TABLE,
    joins(Joins): Join = Join {
        kind: JoinKind::Cross,
        relation: TABLE.relation,
        constraint: JoinConstraint::None,
    },
    order_by(OrderBy): OrderByItem = OrderByItem {
        expr: EXPR,
        order: SortOrder::Default,
        nulls: NullsOrder::Default,
    },
    assignments(Assignments): Assignment = Assignment {
        column: IDENT,
        value: EXPR,
    },
}
