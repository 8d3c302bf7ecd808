//! The checked tree lowered to the bytes that `cte_runtime` decodes into its tree.
//!
//! The format is described once, in `cte-runtime/src/tree/decode.rs`; this file writes exactly
//! what the decoder there reads, field by field in the same order. Lowering also collects what
//! the expansion emits as tokens beside the bytes: the parameter values and the spliced items.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

use crate::ast::{
    self, BinaryOp, DataType, Expr, FrameBound, FrameUnits, FunctionArgs, JoinConstraint, JoinKind,
    LiteralKind, Materialized, NullsOrder, SearchOrder, SelectItem, SetExpr, SetOperator,
    SortOrder, Statement, TableFactor, UnaryOp,
};

/// The version of the format, the first byte of every encoding.
const FORMAT: u8 = 2;

/// What the encoding's second byte says it holds.
#[derive(Clone, Copy)]
pub(crate) enum Root {
    Statement = 0,
    Cte = 1,
}

/// The slabs of the decoder, in the order of their counts in the header: each node written
/// behind a reference or in a list counts one entry of its slab.
#[derive(Clone, Copy)]
enum Slab {
    Statements,
    Queries,
    Selects,
    SetExprs,
    Ctes,
    Exprs,
    Rows,
    Whens,
    Idents,
    SelectItems,
    Tables,
    Joins,
    OrderBy,
    Assignments,
}

const SLABS: usize = 14;

/// Lowers ast nodes to bytes and collects the parameter values.
pub(crate) struct Lower {
    out: Vec<u8>,
    /// The bytes of every string, in the order the decoder reads them: one region it
    /// validates as UTF-8 at once instead of string by string.
    text: String,
    counts: [usize; SLABS],
    pub(crate) params: Vec<(usize, TokenStream)>,
    /// The statement's leading WITH, the only one that may carry `OPTION (...)`.
    leading: *const ast::With,
    /// Where an `OPTION (...)` was written on a CTE body instead.
    pub(crate) misplaced_option: Option<Span>,
    /// The one WITH that may splice `cte!` items: the leading WITH of a SELECT statement.
    spliceable: *const ast::With,
    /// The spliced items, in order, and where each goes among the written CTEs, under what
    /// name.
    pub(crate) splices: Vec<ast::Splice>,
    splice_points: Vec<(usize, String)>,
    /// Where a `cte!` item was spliced into another WITH.
    pub(crate) misplaced_splice: Option<Span>,
}

impl Default for Lower {
    fn default() -> Self {
        Lower::new(std::ptr::null(), std::ptr::null())
    }
}

impl Lower {
    /// A lowering where `leading` may carry options and `spliceable` may splice items.
    pub(crate) fn new(leading: *const ast::With, spliceable: *const ast::With) -> Self {
        Lower {
            out: Vec::with_capacity(256),
            text: String::with_capacity(128),
            counts: [0; SLABS],
            params: Vec::new(),
            leading,
            misplaced_option: None,
            spliceable,
            splices: Vec::new(),
            splice_points: Vec::new(),
            misplaced_splice: None,
        }
    }

    /// The whole encoding of a `select!` statement: header, options, splice points, statement.
    pub(crate) fn select(mut self, stmt: &Statement, max_recursion: u32) -> (Vec<u8>, Self) {
        self.count(Slab::Statements, 1);
        self.statement(stmt);
        let body = std::mem::take(&mut self.out);
        // The splice names come first in the text, as the decoder reads them before the body.
        let mut text = String::new();
        let mut head = Vec::with_capacity(16);
        put_u(&mut head, u64::from(max_recursion));
        put_u(&mut head, self.splice_points.len() as u64);
        for (position, name) in &self.splice_points {
            put_u(&mut head, *position as u64);
            put_u(&mut head, name.len() as u64);
            text.push_str(name);
        }
        text.push_str(&self.text);
        let mut out = self.header(Root::Statement, &text, head.len() + body.len());
        out.extend_from_slice(&head);
        out.extend_from_slice(&body);
        (out, self)
    }

    /// The whole encoding of a `cte!` item.
    pub(crate) fn cte_item(mut self, cte: &ast::Cte) -> (Vec<u8>, Self) {
        self.count(Slab::Ctes, 1);
        self.cte(cte);
        let body = std::mem::take(&mut self.out);
        let mut out = self.header(Root::Cte, &self.text, body.len());
        out.extend_from_slice(&body);
        (out, self)
    }

    fn header(&self, root: Root, text: &str, body: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + SLABS * 2 + 4 + text.len() + body);
        out.push(FORMAT);
        out.push(root as u8);
        for &count in &self.counts {
            put_u(&mut out, count as u64);
        }
        put_u(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        out
    }

    fn count(&mut self, slab: Slab, n: usize) {
        self.counts[slab as usize] += n;
    }

    // ---- primitives ----

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn bool(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    fn len(&mut self, n: usize) {
        put_u(&mut self.out, n as u64);
    }

    fn opt_u32(&mut self, n: Option<u32>) {
        put_u(&mut self.out, n.map_or(0, |n| u64::from(n) + 1));
    }

    fn str(&mut self, s: &str) {
        put_u(&mut self.out, s.len() as u64);
        self.text.push_str(s);
    }

    fn ident(&mut self, ident: &ast::Ident) {
        put_u(
            &mut self.out,
            (ident.value.len() as u64) << 1 | u64::from(ident.raw),
        );
        self.text.push_str(&ident.value);
    }

    fn idents(&mut self, idents: &[ast::Ident]) {
        self.count(Slab::Idents, idents.len());
        self.len(idents.len());
        for ident in idents {
            self.ident(ident);
        }
    }

    fn name(&mut self, name: &ast::ObjectName) {
        self.idents(&name.parts);
    }

    fn opt_ident(&mut self, ident: Option<&ast::Ident>) {
        self.bool(ident.is_some());
        if let Some(ident) = ident {
            self.ident(ident);
        }
    }

    /// A list of `items` into `slab`, each written by `f`.
    fn list<T>(&mut self, slab: Slab, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.count(slab, items.len());
        self.len(items.len());
        for item in items {
            f(self, item);
        }
    }

    // ---- statements and queries ----

    fn boxed_statement(&mut self, stmt: &Statement) {
        self.count(Slab::Statements, 1);
        self.statement(stmt);
    }

    fn statement(&mut self, stmt: &Statement) {
        match stmt {
            Statement::Query(q) => {
                self.byte(0);
                self.query(q);
            }
            Statement::Insert(i) => {
                self.byte(1);
                self.with(i.with.as_ref());
                self.name(&i.table);
                self.idents(&i.columns);
                self.boxed_query(&i.source);
                self.returning(i.returning.as_ref());
            }
            Statement::Update(u) => {
                self.byte(2);
                self.with(u.with.as_ref());
                self.name(&u.table);
                self.opt_ident(u.alias.as_ref());
                self.list(Slab::Assignments, &u.assignments, |s, a| {
                    s.ident(&a.column);
                    s.expr(&a.value);
                });
                self.from(u.from.as_ref().map(|f| &f.value));
                self.opt_expr(u.selection.as_ref().map(|k| &k.value));
                self.returning(u.returning.as_ref());
            }
            Statement::Delete(d) => {
                self.byte(3);
                self.with(d.with.as_ref());
                self.name(&d.table);
                self.opt_ident(d.alias.as_ref());
                self.opt_expr(d.selection.as_ref().map(|k| &k.value));
                self.returning(d.returning.as_ref());
            }
        }
    }

    fn returning(&mut self, returning: Option<&ast::Keyed<Vec<SelectItem>>>) {
        let items = returning.map_or(&[][..], |r| &r.value);
        self.list(Slab::SelectItems, items, Self::select_item);
    }

    fn boxed_query(&mut self, q: &ast::Query) {
        self.count(Slab::Queries, 1);
        self.query(q);
    }

    fn query(&mut self, q: &ast::Query) {
        self.with(q.with.as_ref());
        self.set_expr(&q.body);
        let order_by = q.order_by.as_ref().map_or(&[][..], |o| &o.value);
        self.order_by(order_by);
        self.opt_expr(q.limit.as_ref().map(|k| &k.value));
        self.opt_expr(q.offset.as_ref().map(|k| &k.value));
    }

    fn with(&mut self, with: Option<&ast::With>) {
        let Some(with) = with else {
            return self.byte(0);
        };
        if let Some(m) = &with.max_recursion {
            if !std::ptr::eq(with, self.leading) {
                self.misplaced_option.get_or_insert(m.option_token);
            }
        }
        self.byte(if with.recursive.is_some() { 2 } else { 1 });
        let mut written = Vec::new();
        for cte in &with.ctes {
            match &cte.splice {
                None => written.push(cte),
                Some(splice) if std::ptr::eq(with, self.spliceable) => {
                    self.splices.push(splice.clone());
                    self.splice_points
                        .push((written.len(), cte.name.value.clone()));
                }
                Some(_) => {
                    self.misplaced_splice.get_or_insert(cte.name.span);
                }
            }
        }
        self.list(Slab::Ctes, &written, |s, cte| s.cte(cte));
    }

    fn cte(&mut self, cte: &ast::Cte) {
        self.ident(&cte.name);
        self.idents(&cte.columns);
        self.byte(match cte.materialized {
            Materialized::Default => 0,
            Materialized::Yes(_) => 1,
            Materialized::No(_) => 2,
        });
        self.boxed_statement(&cte.body);
        self.bool(cte.search.is_some());
        if let Some(s) = &cte.search {
            self.byte(match s.order {
                SearchOrder::Depth => 0,
                SearchOrder::Breadth => 1,
            });
            self.idents(&s.by);
            self.ident(&s.set);
        }
        self.bool(cte.cycle.is_some());
        if let Some(c) = &cte.cycle {
            self.idents(&c.columns);
            self.ident(&c.set);
            self.bool(c.marks.is_some());
            if let Some(m) = &c.marks {
                self.expr(&m.value);
                self.expr(&m.default);
            }
            self.ident(&c.using);
        }
    }

    fn set_expr(&mut self, body: &SetExpr) {
        match body {
            SetExpr::Select(s) => {
                self.byte(0);
                self.count(Slab::Selects, 1);
                self.bool(s.distinct.is_some());
                self.list(Slab::SelectItems, &s.projection, Self::select_item);
                self.from(s.from.as_ref().map(|f| &f.value));
                self.opt_expr(s.selection.as_ref().map(|k| &k.value));
                let group_by = s.group_by.as_ref().map_or(&[][..], |g| &g.value);
                self.exprs(group_by);
                self.opt_expr(s.having.as_ref().map(|k| &k.value));
            }
            SetExpr::Values(values) => {
                self.byte(1);
                self.list(Slab::Rows, &values.rows, |s, row| s.exprs(row));
            }
            SetExpr::Query { query, .. } => {
                self.byte(2);
                self.boxed_query(query);
            }
            SetExpr::SetOp {
                op, left, right, ..
            } => {
                self.byte(3);
                self.byte(match *op {
                    SetOperator::Union { all } => u8::from(all),
                    SetOperator::Intersect { all } => 2 + u8::from(all),
                    SetOperator::Except { all } => 4 + u8::from(all),
                });
                self.count(Slab::SetExprs, 2);
                self.set_expr(left);
                self.set_expr(right);
            }
        }
    }

    fn select_item(&mut self, item: &SelectItem) {
        match item {
            SelectItem::Wildcard(_) => self.byte(0),
            SelectItem::QualifiedWildcard { name, .. } => {
                self.byte(1);
                self.name(name);
            }
            SelectItem::Expr { expr, alias: None } => {
                self.byte(2);
                self.expr(expr);
            }
            SelectItem::Expr {
                expr,
                alias: Some(alias),
            } => {
                self.byte(3);
                self.expr(expr);
                self.ident(alias);
            }
        }
    }

    fn order_by(&mut self, items: &[ast::OrderByItem]) {
        self.list(Slab::OrderBy, items, |s, item| {
            s.expr(&item.expr);
            let order = match item.order {
                SortOrder::Default => 0,
                SortOrder::Asc => 1,
                SortOrder::Desc => 2,
            };
            let nulls = match item.nulls {
                NullsOrder::Default => 0,
                NullsOrder::First => 1,
                NullsOrder::Last => 2,
            };
            s.byte(order * 3 + nulls);
        });
    }

    // ---- FROM ----

    fn from(&mut self, from: Option<&Vec<ast::TableWithJoins>>) {
        let items = from.map_or(&[][..], |f| &f[..]);
        self.list(Slab::Tables, items, Self::table_with_joins);
    }

    fn table_with_joins(&mut self, t: &ast::TableWithJoins) {
        self.table_factor(&t.relation);
        self.list(Slab::Joins, &t.joins, |s, join| {
            let kind = match join.kind {
                JoinKind::Inner => 0,
                JoinKind::Left => 1,
                JoinKind::Right => 2,
                JoinKind::Full => 3,
                JoinKind::Cross => 4,
            };
            let constraint = match &join.constraint {
                JoinConstraint::On { .. } => 0,
                JoinConstraint::Using { .. } => 1,
                JoinConstraint::None => 2,
            };
            s.byte(kind * 3 + constraint);
            s.table_factor(&join.relation);
            match &join.constraint {
                JoinConstraint::On { expr, .. } => s.expr(expr),
                JoinConstraint::Using { columns, .. } => s.idents(columns),
                JoinConstraint::None => {}
            }
        });
    }

    fn table_factor(&mut self, factor: &TableFactor) {
        match factor {
            TableFactor::Table { name, alias } => {
                self.byte(0);
                self.name(name);
                self.alias(alias.as_ref());
            }
            TableFactor::Derived {
                lateral,
                subquery,
                alias,
                ..
            } => {
                self.byte(1);
                self.bool(lateral.is_some());
                self.boxed_query(subquery);
                self.alias(alias.as_ref());
            }
            TableFactor::Nested { inner, .. } => {
                self.byte(2);
                self.count(Slab::Tables, 1);
                self.table_with_joins(inner);
            }
        }
    }

    fn alias(&mut self, alias: Option<&ast::TableAlias>) {
        self.bool(alias.is_some());
        if let Some(alias) = alias {
            self.ident(&alias.name);
            self.idents(&alias.columns);
        }
    }

    // ---- expressions ----

    fn exprs(&mut self, exprs: &[Expr]) {
        self.list(Slab::Exprs, exprs, Self::expr);
    }

    fn boxed(&mut self, expr: &Expr) {
        self.count(Slab::Exprs, 1);
        self.expr(expr);
    }

    fn opt_expr(&mut self, expr: Option<&Expr>) {
        self.bool(expr.is_some());
        if let Some(expr) = expr {
            self.expr(expr);
        }
    }

    fn opt_boxed(&mut self, expr: Option<&Expr>) {
        self.bool(expr.is_some());
        if let Some(expr) = expr {
            self.boxed(expr);
        }
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Literal(lit) => match &lit.kind {
                LiteralKind::Integer(digits) => {
                    self.byte(0);
                    self.str(digits);
                }
                LiteralKind::Decimal(digits) => {
                    self.byte(1);
                    self.str(digits);
                }
                LiteralKind::String(s) => {
                    self.byte(2);
                    self.str(s);
                }
                LiteralKind::Bool(b) => self.byte(3 + u8::from(*b)),
                LiteralKind::Null => self.byte(5),
            },
            Expr::Param(param) => {
                let index = param.index;
                let value = &param.expr;
                // The value is bound once; the kind is read from its type, where the type is
                // concrete (see `cte_runtime::__private::Probe`). The binding carries the
                // expression's span, so a type error still points at the user's expression.
                let bound =
                    proc_macro2::Ident::new("__cte_x", syn::spanned::Spanned::span(&**value));
                self.params.push((
                    index,
                    quote_spanned!(param.span=> match #value {
                        #bound => {
                            let kind = (&&::cte_runtime::__private::Probe(&#bound)).kind();
                            (::cte_runtime::__private::value(#bound), kind)
                        }
                    }),
                ));
                self.byte(6);
                self.len(index);
            }
            Expr::Column(name) => {
                self.byte(7);
                self.name(name);
            }
            Expr::Unary { op, expr, .. } => {
                self.byte(8);
                self.byte(match op {
                    UnaryOp::Not => 0,
                    UnaryOp::Minus => 1,
                    UnaryOp::Plus => 2,
                });
                self.boxed(expr);
            }
            Expr::Binary {
                left, op, right, ..
            } => {
                self.byte(9);
                self.boxed(left);
                self.byte(binary_op(*op));
                self.boxed(right);
            }
            Expr::IsNull { expr, negated, .. } => {
                self.byte(10);
                self.bool(*negated);
                self.boxed(expr);
            }
            Expr::Between {
                expr,
                negated,
                low,
                high,
                ..
            } => {
                self.byte(11);
                self.bool(*negated);
                self.boxed(expr);
                self.boxed(low);
                self.boxed(high);
            }
            Expr::InList {
                expr,
                list,
                negated,
                ..
            } => {
                self.byte(12);
                self.bool(*negated);
                self.boxed(expr);
                self.exprs(list);
            }
            Expr::InSubquery {
                expr,
                subquery,
                negated,
                ..
            } => {
                self.byte(13);
                self.bool(*negated);
                self.boxed(expr);
                self.boxed_query(subquery);
            }
            Expr::Like {
                expr,
                negated,
                pattern,
                ..
            } => {
                self.byte(14);
                self.bool(*negated);
                self.boxed(expr);
                self.boxed(pattern);
            }
            Expr::Exists {
                subquery, negated, ..
            } => {
                self.byte(15);
                self.bool(*negated);
                self.boxed_query(subquery);
            }
            Expr::Subquery { query, .. } => {
                self.byte(16);
                self.boxed_query(query);
            }
            Expr::Case {
                operand,
                whens,
                else_result,
                ..
            } => {
                self.byte(17);
                self.opt_boxed(operand.as_deref());
                self.list(Slab::Whens, whens, |s, (when, then)| {
                    s.expr(when);
                    s.expr(then);
                });
                self.opt_boxed(else_result.as_deref());
            }
            Expr::Cast {
                expr, data_type, ..
            } => {
                self.byte(18);
                self.boxed(expr);
                self.data_type(*data_type);
            }
            Expr::Function(f) => {
                self.byte(19);
                self.name(&f.name);
                match &f.args {
                    FunctionArgs::Star(_) => self.byte(0),
                    FunctionArgs::List { distinct, args } => {
                        self.byte(1 + u8::from(distinct.is_some()));
                        self.exprs(args);
                    }
                }
                self.bool(f.over.is_some());
                if let Some(w) = &f.over {
                    self.window(w);
                }
            }
            Expr::Nested { expr, .. } => {
                self.byte(20);
                self.boxed(expr);
            }
        }
    }

    fn data_type(&mut self, data_type: DataType) {
        match data_type {
            DataType::SmallInt => self.byte(0),
            DataType::Integer => self.byte(1),
            DataType::BigInt => self.byte(2),
            DataType::Decimal { precision, scale } => {
                self.byte(3);
                self.opt_u32(precision);
                self.opt_u32(scale);
            }
            DataType::Real => self.byte(4),
            DataType::Double => self.byte(5),
            DataType::Text => self.byte(6),
            DataType::Varchar(n) => {
                self.byte(7);
                self.opt_u32(n);
            }
            DataType::Char(n) => {
                self.byte(8);
                self.opt_u32(n);
            }
            DataType::Boolean => self.byte(9),
            DataType::Date => self.byte(10),
            DataType::Time => self.byte(11),
            DataType::Timestamp => self.byte(12),
            DataType::Blob => self.byte(13),
        }
    }

    fn window(&mut self, w: &ast::WindowSpec) {
        self.exprs(&w.partition_by);
        self.order_by(&w.order_by);
        self.bool(w.frame.is_some());
        if let Some(f) = &w.frame {
            self.byte(match f.units {
                FrameUnits::Rows => 0,
                FrameUnits::Range => 1,
                FrameUnits::Groups => 2,
            });
            self.frame_bound(&f.start);
            self.bool(f.end.is_some());
            if let Some(end) = &f.end {
                self.frame_bound(end);
            }
        }
    }

    fn frame_bound(&mut self, bound: &FrameBound) {
        match bound {
            FrameBound::CurrentRow => self.byte(0),
            FrameBound::Preceding(None) => self.byte(1),
            FrameBound::Preceding(Some(n)) => {
                self.byte(2);
                self.boxed(n);
            }
            FrameBound::Following(None) => self.byte(3),
            FrameBound::Following(Some(n)) => {
                self.byte(4);
                self.boxed(n);
            }
        }
    }
}

fn put_u(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn binary_op(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Plus => 0,
        BinaryOp::Minus => 1,
        BinaryOp::Multiply => 2,
        BinaryOp::Divide => 3,
        BinaryOp::Modulo => 4,
        BinaryOp::Concat => 5,
        BinaryOp::Eq => 6,
        BinaryOp::NotEq => 7,
        BinaryOp::Lt => 8,
        BinaryOp::LtEq => 9,
        BinaryOp::Gt => 10,
        BinaryOp::GtEq => 11,
        BinaryOp::And => 12,
        BinaryOp::Or => 13,
    }
}
