//! The tree as `select!` and `cte!` emit it: one byte string per call site, decoded on first use.
//!
//! A tree written as a `static` of nested struct literals costs rustc a type check and a
//! constant evaluation per node, tens of milliseconds of compile time per query. One byte
//! string literal costs it next to nothing, and decoding it once per call site per process
//! takes a few microseconds (BENCHMARKS.md, "Decode"). The decoded nodes are allocated once and leaked, so they
//! are `&'static` like a `static` tree: the memory is bounded by the number of call sites (and
//! `cte!` items) that run, each decoded at most once.
//!
//! This module is the one description of the format's grammar; the encoder in
//! `cte-macros-core` (`expand/encode.rs`) writes exactly what it reads. The version, the order of
//! the slabs and the byte of every choice are defined once, in `cte_shared::format` and
//! `cte_shared::tree`, which both sides match on exhaustively.
//!
//! # Format, version 2
//!
//! Primitives: `u` is an unsigned LEB128 varint; `bool` one byte, 0 or 1; `str` is `u` length
//! of the next string of `text`; `ident` is `u` of `len << 1 | raw`, its value the next `len`
//! bytes of `text`; `list<T>` is `u` count then the items; `opt<T>` is one
//! byte, 0 for none or 1 followed by `T`; `opt_u32` is `u`, 0 for none or `n + 1`. A choice is
//! one byte counting from 0 in the order listed. Fields follow in the order written.
//!
//! ```text
//! bytes        = version:2 root:byte counts:u[14] text_len:u text rest
//! text         = every string, in the order they are read, as one run of UTF-8: validated
//!                once, and decoded strings borrow it
//! rest, root 0 = select!: max_recursion:u splices:list<position:u name:str> statement*
//! rest, root 1 = cte!: cte*
//! statement    = 0 query | 1 with table:name columns:list<ident> source:query* returning
//!              | 2 with table:name alias:opt<ident> list<column:ident value:expr> from
//!                  where:opt<expr> returning
//!              | 3 with table:name alias:opt<ident> where:opt<expr> returning
//! returning    = list<select_item>
//! query        = with set_expr order_by limit:opt<expr> offset:opt<expr>
//! with         = 0 (none) | 1 list<cte> (WITH) | 2 list<cte> (WITH RECURSIVE)
//! cte          = name:ident columns:list<ident> materialized:(default, yes, no)
//!                body:statement* search:opt<(depth, breadth) by:list<ident> set:ident>
//!                cycle:opt<columns:list<ident> set:ident marks:opt<to:expr default:expr>
//!                using:ident>
//! set_expr     = 0 select* | 1 rows:list<list<expr>> | 2 query*
//!              | 3 op:(union, union all, intersect, intersect all, except, except all)
//!                  left:set_expr* right:set_expr*
//! select       = distinct:bool list<select_item> from where:opt<expr> group_by:list<expr>
//!                having:opt<expr>
//! from         = list<table_factor joins:list<join>>
//! select_item  = 0 (*) | 1 name (name.*) | 2 expr | 3 expr alias:ident
//! name         = list<ident>
//! order_by     = list<expr byte(order * 3 + nulls)>   order: default, asc, desc;
//!                                                      nulls: default, first, last
//! table_factor = 0 name opt<alias> | 1 lateral:bool query* opt<alias> | 2 (table_factor
//!                joins:list<join>)* (parenthesised)
//! alias        = name:ident columns:list<ident>
//! join         = byte(kind * 3 + constraint) table_factor then expr (on) | list<ident> (using)
//!                | nothing; kind: inner, left, right, full, cross; constraint: on, using, none
//! expr         = tag fields, see `Decoder::expr`
//! ```
//!
//! Every node written `T*` (behind a reference) and every list item takes one entry of its
//! type's slab: one allocation per node type, sized from `counts`, in the order of the fields
//! of `Slabs`. Malformed bytes or another version are an error, never a panic: rendering
//! reports them as a `RenderError` (see `Query::render`).

use cte_shared::format::{
    self, ExprTag, FrameBoundTag, FunctionArgsTag, JoinConstraintTag, Root, SelectItemTag,
    SetExprTag, StatementTag, TableFactorTag, WithTag, SLABS,
};
use cte_shared::tree::DataTypeTag;

use super::*;
use crate::cte::SplicePoint;
use crate::render::Checked;

/// The version this decoder reads, and the first byte of every encoding.
pub(crate) use cte_shared::format::FORMAT;

/// Deeper nesting than the macro's parser accepts is corruption, not a query; the limit keeps a
/// malformed encoding from overflowing the stack.
const MAX_DEPTH: u32 = 1024;

/// The bytes are not a tree this version of the runtime can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

type Res<T> = Result<T, Corrupt>;

/// A decoded statement with what the call site says beside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decoded {
    pub tree: &'static Statement,
    pub options: Options,
    pub splices: &'static [SplicePoint],
    pub checked: Checked,
}

/// Decodes the statement of a `select!` call site.
pub(crate) fn statement(bytes: &'static [u8]) -> Res<Decoded> {
    let mut d = Decoder::new(bytes, Root::Statement)?;
    let options = Options {
        max_recursion: d.u32()?,
    };
    let n = d.len()?;
    // Each splice point takes at least two bytes.
    if n > d.bytes.len() / 2 {
        return Err(Corrupt);
    }
    let mut splices = Vec::with_capacity(n);
    for _ in 0..n {
        let position = d.len()?;
        let name = d.str()?;
        splices.push(SplicePoint { position, name });
    }
    let tree = d.boxed_statement()?;
    d.finish()?;
    Ok(Decoded {
        tree,
        options,
        splices: splices.leak(),
        checked: d.checked(),
    })
}

/// Decodes the CTE of a `cte!` item.
pub(crate) fn cte(bytes: &'static [u8]) -> Res<(&'static Cte, Checked)> {
    let mut d = Decoder::new(bytes, Root::Cte)?;
    let slot = &mut d.slabs.ctes.take(1)?[0];
    *slot = d.cte()?;
    d.finish()?;
    Ok((slot, d.checked()))
}

/// The unused part of one node type's allocation. Handing out the front of it as
/// `&'static mut` keeps the whole decoder free of `unsafe`.
struct Slab<T: 'static> {
    free: &'static mut [T],
}

impl<T: Copy> Slab<T> {
    fn new(len: usize, filler: T) -> Self {
        Slab {
            free: if len == 0 {
                &mut []
            } else {
                vec![filler; len].leak()
            },
        }
    }

    fn take(&mut self, n: usize) -> Res<&'static mut [T]> {
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
struct Slabs {
    statements: Slab<Statement>,
    queries: Slab<QueryExpr>,
    selects: Slab<Select>,
    set_exprs: Slab<SetExpr>,
    ctes: Slab<Cte>,
    exprs: Slab<Expr>,
    rows: Slab<List<Expr>>,
    whens: Slab<(Expr, Expr)>,
    idents: Slab<Ident>,
    select_items: Slab<SelectItem>,
    tables: Slab<TableWithJoins>,
    joins: Slab<Join>,
    order_by: Slab<OrderByItem>,
    assignments: Slab<Assignment>,
}

impl Slabs {
    fn new(counts: [usize; SLABS]) -> Self {
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
    fn is_full(&self) -> bool {
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

struct Decoder {
    bytes: &'static [u8],
    /// The strings not yet read.
    text: &'static str,
    slabs: Slabs,
    depth: u32,
    /// A CTE decoded so far has a SEARCH or CYCLE clause.
    search_cycle: bool,
}

/// Decodes a list into a slab: the count, then each item with `item`.
macro_rules! list {
    ($d:ident, $slab:ident, $item:expr) => {{
        let n = $d.len()?;
        let out = $d.slabs.$slab.take(n)?;
        for slot in out.iter_mut() {
            *slot = $item;
        }
        let out: &'static [_] = out;
        out
    }};
}

/// One node into its slab, as a `&'static` reference.
macro_rules! boxed {
    ($d:ident, $slab:ident, $item:expr) => {{
        let slot = &mut $d.slabs.$slab.take(1)?[0];
        *slot = $item;
        let slot: &'static _ = slot;
        slot
    }};
}

impl Decoder {
    fn new(bytes: &'static [u8], root: Root) -> Res<Self> {
        let [version, kind, rest @ ..] = bytes else {
            return Err(Corrupt);
        };
        if *version != FORMAT || Root::from_tag(*kind) != Some(root) {
            return Err(Corrupt);
        }
        let mut d = Decoder {
            bytes: rest,
            text: "",
            slabs: Slabs::new([0; SLABS]),
            depth: 0,
            search_cycle: false,
        };
        let mut counts = [0; SLABS];
        let mut total = 0usize;
        for count in &mut counts {
            *count = d.len()?;
            total = total.checked_add(*count).ok_or(Corrupt)?;
        }
        let len = d.len()?;
        if len > d.bytes.len() {
            return Err(Corrupt);
        }
        let (text, rest) = d.bytes.split_at(len);
        d.text = std::str::from_utf8(text).map_err(|_| Corrupt)?;
        d.bytes = rest;
        // Bounds the allocation by the input: a corrupt count cannot ask for more.
        if total > d.bytes.len() {
            return Err(Corrupt);
        }
        d.slabs = Slabs::new(counts);
        Ok(d)
    }

    fn finish(&self) -> Res<()> {
        if self.bytes.is_empty() && self.text.is_empty() && self.slabs.is_full() {
            Ok(())
        } else {
            Err(Corrupt)
        }
    }

    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Corrupt);
        }
        Ok(())
    }

    // ---- primitives ----

    fn byte(&mut self) -> Res<u8> {
        let [first, rest @ ..] = self.bytes else {
            return Err(Corrupt);
        };
        self.bytes = rest;
        Ok(*first)
    }

    /// The choice that the next byte is the tag of, by `from_tag`.
    fn tag<T>(&mut self, from_tag: fn(u8) -> Option<T>) -> Res<T> {
        from_tag(self.byte()?).ok_or(Corrupt)
    }

    fn u64(&mut self) -> Res<u64> {
        // Nearly every varint is a count, tag or length below 128.
        if let [first @ 0..=0x7f, rest @ ..] = self.bytes {
            self.bytes = rest;
            return Ok(u64::from(*first));
        }
        self.long_u64()
    }

    #[inline(never)]
    fn long_u64(&mut self) -> Res<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(Corrupt);
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Corrupt)
    }

    fn len(&mut self) -> Res<usize> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    fn u32(&mut self) -> Res<u32> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    fn opt_u32(&mut self) -> Res<Option<u32>> {
        match self.u64()? {
            0 => Ok(None),
            n => u32::try_from(n - 1).map(Some).map_err(|_| Corrupt),
        }
    }

    fn bool(&mut self) -> Res<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    /// The presence byte of an optional part.
    fn some(&mut self) -> Res<bool> {
        self.bool()
    }

    /// The next `len` bytes of the text, which must end on a character boundary.
    fn utf8(&mut self, len: usize) -> Res<&'static str> {
        let (value, rest) = self.text.split_at_checked(len).ok_or(Corrupt)?;
        self.text = rest;
        Ok(value)
    }

    fn str(&mut self) -> Res<&'static str> {
        let len = self.len()?;
        self.utf8(len)
    }

    fn ident(&mut self) -> Res<Ident> {
        let header = self.len()?;
        let value = self.utf8(header >> 1)?;
        Ok(Ident {
            value,
            raw: header & 1 == 1,
        })
    }

    fn idents(&mut self) -> Res<List<Ident>> {
        Ok(list!(self, idents, self.ident()?))
    }

    fn name(&mut self) -> Res<ObjectName> {
        Ok(ObjectName(self.idents()?))
    }

    fn opt_ident(&mut self) -> Res<Option<Ident>> {
        Ok(if self.some()? {
            Some(self.ident()?)
        } else {
            None
        })
    }

    // ---- statements and queries ----

    fn boxed_statement(&mut self) -> Res<&'static Statement> {
        Ok(boxed!(self, statements, self.statement()?))
    }

    fn statement(&mut self) -> Res<Statement> {
        self.enter()?;
        let stmt = match self.tag(StatementTag::from_tag)? {
            StatementTag::Query => Statement::Query(self.query()?),
            StatementTag::Insert => Statement::Insert(Insert {
                with: self.with()?,
                table: self.name()?,
                columns: self.idents()?,
                source: self.boxed_query()?,
                returning: self.select_items()?,
            }),
            StatementTag::Update => Statement::Update(Update {
                with: self.with()?,
                table: self.name()?,
                alias: self.opt_ident()?,
                assignments: list!(
                    self,
                    assignments,
                    Assignment {
                        column: self.ident()?,
                        value: self.expr()?,
                    }
                ),
                from: self.from()?,
                selection: self.opt_expr()?,
                returning: self.select_items()?,
            }),
            StatementTag::Delete => Statement::Delete(Delete {
                with: self.with()?,
                table: self.name()?,
                alias: self.opt_ident()?,
                selection: self.opt_expr()?,
                returning: self.select_items()?,
            }),
        };
        self.depth -= 1;
        Ok(stmt)
    }

    fn boxed_query(&mut self) -> Res<&'static QueryExpr> {
        Ok(boxed!(self, queries, self.query()?))
    }

    fn query(&mut self) -> Res<QueryExpr> {
        self.enter()?;
        let query = QueryExpr {
            with: self.with()?,
            body: self.set_expr()?,
            order_by: self.order_by()?,
            limit: self.opt_expr()?,
            offset: self.opt_expr()?,
        };
        self.depth -= 1;
        Ok(query)
    }

    fn with(&mut self) -> Res<Option<With>> {
        let recursive = match self.tag(WithTag::from_tag)? {
            WithTag::None => return Ok(None),
            WithTag::With => false,
            WithTag::Recursive => true,
        };
        Ok(Some(With {
            recursive,
            ctes: list!(self, ctes, self.cte()?),
        }))
    }

    /// What the renderer needs to know of the whole tree decoded: it comes from a macro, whose
    /// checks refused the renderer's own names.
    fn checked(&self) -> Checked {
        Checked::Yes {
            search_cycle: self.search_cycle,
        }
    }

    fn cte(&mut self) -> Res<Cte> {
        let cte = Cte {
            name: self.ident()?,
            columns: self.idents()?,
            materialized: self.tag(Materialized::from_tag)?,
            body: self.boxed_statement()?,
            search: if self.some()? {
                Some(Search {
                    order: self.tag(SearchOrder::from_tag)?,
                    by: self.idents()?,
                    set: self.ident()?,
                })
            } else {
                None
            },
            cycle: if self.some()? {
                Some(Cycle {
                    columns: self.idents()?,
                    set: self.ident()?,
                    marks: if self.some()? {
                        Some(CycleMarks {
                            value: self.expr()?,
                            default: self.expr()?,
                        })
                    } else {
                        None
                    },
                    using: self.ident()?,
                })
            } else {
                None
            },
        };
        self.search_cycle |= cte.search.is_some() || cte.cycle.is_some();
        Ok(cte)
    }

    fn set_expr(&mut self) -> Res<SetExpr> {
        self.enter()?;
        let body = match self.tag(SetExprTag::from_tag)? {
            SetExprTag::Select => SetExpr::Select(boxed!(self, selects, self.select()?)),
            SetExprTag::Values => SetExpr::Values(list!(self, rows, self.exprs()?)),
            SetExprTag::Query => SetExpr::Query(self.boxed_query()?),
            SetExprTag::SetOp => SetExpr::SetOp {
                op: self.tag(SetOperator::from_tag)?,
                left: boxed!(self, set_exprs, self.set_expr()?),
                right: boxed!(self, set_exprs, self.set_expr()?),
            },
        };
        self.depth -= 1;
        Ok(body)
    }

    fn select(&mut self) -> Res<Select> {
        Ok(Select {
            distinct: self.bool()?,
            projection: self.select_items()?,
            from: self.from()?,
            selection: self.opt_expr()?,
            group_by: self.exprs()?,
            having: self.opt_expr()?,
        })
    }

    fn select_items(&mut self) -> Res<List<SelectItem>> {
        Ok(list!(
            self,
            select_items,
            match self.tag(SelectItemTag::from_tag)? {
                SelectItemTag::Wildcard => SelectItem::Wildcard,
                SelectItemTag::QualifiedWildcard => SelectItem::QualifiedWildcard(self.name()?),
                SelectItemTag::Expr => SelectItem::Expr {
                    expr: self.expr()?,
                    alias: None,
                },
                SelectItemTag::Aliased => SelectItem::Expr {
                    expr: self.expr()?,
                    alias: Some(self.ident()?),
                },
            }
        ))
    }

    fn order_by(&mut self) -> Res<List<OrderByItem>> {
        Ok(list!(self, order_by, {
            let expr = self.expr()?;
            let (order, nulls) = self.tag(format::order_from_tag)?;
            OrderByItem { expr, order, nulls }
        }))
    }

    // ---- FROM ----

    fn from(&mut self) -> Res<List<TableWithJoins>> {
        Ok(list!(self, tables, self.table_with_joins()?))
    }

    fn table_with_joins(&mut self) -> Res<TableWithJoins> {
        self.enter()?;
        let relation = self.table_factor()?;
        let joins = list!(self, joins, {
            let (kind, constraint) = self.tag(format::join_from_tag)?;
            let relation = self.table_factor()?;
            let constraint = match constraint {
                JoinConstraintTag::On => JoinConstraint::On(self.expr()?),
                JoinConstraintTag::Using => JoinConstraint::Using(self.idents()?),
                JoinConstraintTag::None => JoinConstraint::None,
            };
            Join {
                kind,
                relation,
                constraint,
            }
        });
        self.depth -= 1;
        Ok(TableWithJoins { relation, joins })
    }

    fn table_factor(&mut self) -> Res<TableFactor> {
        Ok(match self.tag(TableFactorTag::from_tag)? {
            TableFactorTag::Table => TableFactor::Table {
                name: self.name()?,
                alias: self.alias()?,
            },
            TableFactorTag::Derived => TableFactor::Derived {
                lateral: self.bool()?,
                subquery: self.boxed_query()?,
                alias: self.alias()?,
            },
            TableFactorTag::Nested => {
                TableFactor::Nested(boxed!(self, tables, self.table_with_joins()?))
            }
        })
    }

    fn alias(&mut self) -> Res<Option<TableAlias>> {
        Ok(if self.some()? {
            Some(TableAlias {
                name: self.ident()?,
                columns: self.idents()?,
            })
        } else {
            None
        })
    }

    // ---- expressions ----

    fn exprs(&mut self) -> Res<List<Expr>> {
        Ok(list!(self, exprs, self.expr()?))
    }

    fn boxed_expr(&mut self) -> Res<&'static Expr> {
        Ok(boxed!(self, exprs, self.expr()?))
    }

    fn opt_expr(&mut self) -> Res<Option<Expr>> {
        Ok(if self.some()? {
            Some(self.expr()?)
        } else {
            None
        })
    }

    fn opt_boxed_expr(&mut self) -> Res<Option<&'static Expr>> {
        Ok(if self.some()? {
            Some(self.boxed_expr()?)
        } else {
            None
        })
    }

    /// `tag` (`ExprTag`) then the fields in declaration order: a string literal's `str`, a
    /// parameter's `u` index, a column's `name`, a unary operator's byte before its operand, a
    /// binary operator's byte between its operands; `negated` comes first where there is one.
    fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let expr = match self.tag(ExprTag::from_tag)? {
            ExprTag::Integer => Expr::Literal(Literal::Integer(self.str()?)),
            ExprTag::Decimal => Expr::Literal(Literal::Decimal(self.str()?)),
            ExprTag::String => Expr::Literal(Literal::String(self.str()?)),
            ExprTag::False => Expr::Literal(Literal::Bool(false)),
            ExprTag::True => Expr::Literal(Literal::Bool(true)),
            ExprTag::Null => Expr::Literal(Literal::Null),
            ExprTag::Param => Expr::Param(self.len()?),
            ExprTag::Column => Expr::Column(self.name()?),
            ExprTag::Unary => Expr::Unary {
                op: self.tag(UnaryOp::from_tag)?,
                expr: self.boxed_expr()?,
            },
            ExprTag::Binary => Expr::Binary {
                left: self.boxed_expr()?,
                op: self.tag(BinaryOp::from_tag)?,
                right: self.boxed_expr()?,
            },
            ExprTag::IsNull => {
                let negated = self.bool()?;
                Expr::IsNull {
                    expr: self.boxed_expr()?,
                    negated,
                }
            }
            ExprTag::Between => Expr::Between {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                low: self.boxed_expr()?,
                high: self.boxed_expr()?,
            },
            ExprTag::InList => Expr::InList {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                list: self.exprs()?,
            },
            ExprTag::InSubquery => Expr::InSubquery {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                subquery: self.boxed_query()?,
            },
            ExprTag::Like => Expr::Like {
                negated: self.bool()?,
                expr: self.boxed_expr()?,
                pattern: self.boxed_expr()?,
            },
            ExprTag::Exists => Expr::Exists {
                negated: self.bool()?,
                subquery: self.boxed_query()?,
            },
            ExprTag::Subquery => Expr::Subquery(self.boxed_query()?),
            ExprTag::Case => Expr::Case {
                operand: self.opt_boxed_expr()?,
                whens: list!(self, whens, (self.expr()?, self.expr()?)),
                else_result: self.opt_boxed_expr()?,
            },
            ExprTag::Cast => Expr::Cast {
                expr: self.boxed_expr()?,
                data_type: self.data_type()?,
            },
            ExprTag::Function => Expr::Function(Function {
                name: self.name()?,
                args: match self.tag(FunctionArgsTag::from_tag)? {
                    FunctionArgsTag::Star => FunctionArgs::Star,
                    FunctionArgsTag::List => FunctionArgs::List {
                        distinct: false,
                        args: self.exprs()?,
                    },
                    FunctionArgsTag::Distinct => FunctionArgs::List {
                        distinct: true,
                        args: self.exprs()?,
                    },
                },
                over: if self.some()? {
                    Some(self.window()?)
                } else {
                    None
                },
            }),
            ExprTag::Nested => Expr::Nested(self.boxed_expr()?),
        };
        self.depth -= 1;
        Ok(expr)
    }

    fn data_type(&mut self) -> Res<DataType> {
        Ok(match self.tag(DataTypeTag::from_tag)? {
            DataTypeTag::SmallInt => DataType::SmallInt,
            DataTypeTag::Integer => DataType::Integer,
            DataTypeTag::BigInt => DataType::BigInt,
            DataTypeTag::Decimal => DataType::Decimal {
                precision: self.opt_u32()?,
                scale: self.opt_u32()?,
            },
            DataTypeTag::Real => DataType::Real,
            DataTypeTag::Double => DataType::Double,
            DataTypeTag::Text => DataType::Text,
            DataTypeTag::Varchar => DataType::Varchar(self.opt_u32()?),
            DataTypeTag::Char => DataType::Char(self.opt_u32()?),
            DataTypeTag::Boolean => DataType::Boolean,
            DataTypeTag::Date => DataType::Date,
            DataTypeTag::Time => DataType::Time,
            DataTypeTag::Timestamp => DataType::Timestamp,
            DataTypeTag::Blob => DataType::Blob,
        })
    }

    /// `partition_by:list<expr> order_by frame:opt<units:byte(rows, range, groups) start:bound
    /// end:opt<bound>>`; a bound is a byte (current row, unbounded preceding, n preceding,
    /// unbounded following, n following) followed by `n`'s expr where there is one.
    fn window(&mut self) -> Res<WindowSpec> {
        Ok(WindowSpec {
            partition_by: self.exprs()?,
            order_by: self.order_by()?,
            frame: if self.some()? {
                Some(WindowFrame {
                    units: self.tag(FrameUnits::from_tag)?,
                    start: self.frame_bound()?,
                    end: if self.some()? {
                        Some(self.frame_bound()?)
                    } else {
                        None
                    },
                })
            } else {
                None
            },
        })
    }

    fn frame_bound(&mut self) -> Res<FrameBound> {
        Ok(match self.tag(FrameBoundTag::from_tag)? {
            FrameBoundTag::CurrentRow => FrameBound::CurrentRow,
            FrameBoundTag::UnboundedPreceding => FrameBound::Preceding(None),
            FrameBoundTag::Preceding => FrameBound::Preceding(Some(self.boxed_expr()?)),
            FrameBoundTag::UnboundedFollowing => FrameBound::Following(None),
            FrameBoundTag::Following => FrameBound::Following(Some(self.boxed_expr()?)),
        })
    }
}

#[cfg(test)]
mod tests;
