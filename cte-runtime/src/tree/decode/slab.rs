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

/// One slab per `cte_shared::format::Slab`, whose tag is the place of its count in the header.
pub(super) struct Slabs {
    pub(super) statements: Slab<Statement>,
    pub(super) queries: Slab<QueryExpr>,
    pub(super) selects: Slab<Select>,
    pub(super) set_exprs: Slab<SetExpr>,
    pub(super) ctes: Slab<Cte>,
    pub(super) exprs: Slab<Expr>,
    pub(super) rows: Slab<List<Expr>>,
    pub(super) whens: Slab<(Expr, Expr)>,
    pub(super) idents: Slab<Ident>,
    pub(super) select_items: Slab<SelectItem>,
    pub(super) tables: Slab<TableWithJoins>,
    pub(super) joins: Slab<Join>,
    pub(super) order_by: Slab<OrderByItem>,
    pub(super) assignments: Slab<Assignment>,
}

impl Slabs {
    pub(super) fn new(counts: [usize; SLABS]) -> Self {
        use format::Slab as S;
        let count = |slab: S| counts[usize::from(slab.tag())];
        let statements = count(S::Statements);
        let queries = count(S::Queries);
        let selects = count(S::Selects);
        let set_exprs = count(S::SetExprs);
        let ctes = count(S::Ctes);
        let exprs = count(S::Exprs);
        let rows = count(S::Rows);
        let whens = count(S::Whens);
        let idents = count(S::Idents);
        let select_items = count(S::SelectItems);
        let tables = count(S::Tables);
        let joins = count(S::Joins);
        let order_by = count(S::OrderBy);
        let assignments = count(S::Assignments);
        Slabs {
            statements: Slab::new(statements, Statement::Query(QUERY)),
            queries: Slab::new(queries, QUERY),
            selects: Slab::new(
                selects,
                Select {
                    distinct: false,
                    projection: &[],
                    from: &[],
                    selection: None,
                    group_by: &[],
                    having: None,
                },
            ),
            set_exprs: Slab::new(set_exprs, SetExpr::Values(&[])),
            ctes: Slab::new(
                ctes,
                Cte {
                    name: IDENT,
                    columns: &[],
                    materialized: Materialized::Default,
                    body: &Statement::Query(QUERY),
                    search: None,
                    cycle: None,
                },
            ),
            exprs: Slab::new(exprs, EXPR),
            rows: Slab::new(rows, &[]),
            whens: Slab::new(whens, (EXPR, EXPR)),
            idents: Slab::new(idents, IDENT),
            select_items: Slab::new(select_items, SelectItem::Wildcard),
            tables: Slab::new(tables, TABLE),
            joins: Slab::new(
                joins,
                Join {
                    kind: JoinKind::Cross,
                    relation: TABLE.relation,
                    constraint: JoinConstraint::None,
                },
            ),
            order_by: Slab::new(
                order_by,
                OrderByItem {
                    expr: EXPR,
                    order: SortOrder::Default,
                    nulls: NullsOrder::Default,
                },
            ),
            assignments: Slab::new(
                assignments,
                Assignment {
                    column: IDENT,
                    value: EXPR,
                },
            ),
        }
    }

    /// Whether every entry was used, as a well-formed encoding's counts promise.
    pub(super) fn is_full(&self) -> bool {
        self.statements.free.is_empty()
            && self.queries.free.is_empty()
            && self.selects.free.is_empty()
            && self.set_exprs.free.is_empty()
            && self.ctes.free.is_empty()
            && self.exprs.free.is_empty()
            && self.rows.free.is_empty()
            && self.whens.free.is_empty()
            && self.idents.free.is_empty()
            && self.select_items.free.is_empty()
            && self.tables.free.is_empty()
            && self.joins.free.is_empty()
            && self.order_by.free.is_empty()
            && self.assignments.free.is_empty()
    }
}
