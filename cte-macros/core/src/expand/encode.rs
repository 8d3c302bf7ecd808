//! The checked tree lowered to the bytes that `cte_runtime` decodes into its tree.
//!
//! The format is described once, in `cte-runtime/src/tree/decode.rs`; this file writes exactly
//! what the decoder there reads, field by field in the same order, with the version, slabs and
//! tags of `cte_shared::format`. Lowering also collects what
//! the expansion emits as tokens beside the bytes: the parameter values and the spliced items.

use proc_macro2::TokenStream;
use quote::quote_spanned;

use cte_shared::format::{
    self, ExprTag, FrameBoundTag, FunctionArgsTag, JoinConstraintTag, Root, SelectItemTag,
    SetExprTag, Slab, StatementTag, TableFactorTag, WithTag, FORMAT, SLABS,
};

use crate::ast::{
    self, CteBody, DataType, Expr, FrameBound, FunctionArgs, JoinConstraint, LiteralKind,
    SelectItem, SetExpr, Statement, TableFactor,
};

/// Lowers ast nodes to bytes and collects the parameter values.
pub(crate) struct Lower {
    out: Vec<u8>,
    /// The bytes of every string, in the order the decoder reads them: one region it
    /// validates as UTF-8 at once instead of string by string.
    text: String,
    counts: [usize; SLABS],
    pub(crate) params: Vec<(usize, TokenStream)>,
    /// The spliced items, in order, and where each goes among the written CTEs, under what
    /// name. The checks let them into the statement's leading WITH only.
    pub(crate) splices: Vec<ast::Splice>,
    splice_points: Vec<(usize, String)>,
}

impl Default for Lower {
    fn default() -> Self {
        Lower {
            out: Vec::with_capacity(256),
            text: String::with_capacity(128),
            counts: [0; SLABS],
            params: Vec::new(),
            splices: Vec::new(),
            splice_points: Vec::new(),
        }
    }
}

impl Lower {
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
    pub(crate) fn cte_item(mut self, cte: &ast::Cte, body: &Statement) -> (Vec<u8>, Self) {
        self.count(Slab::Ctes, 1);
        self.cte(cte, body);
        let body = std::mem::take(&mut self.out);
        let mut out = self.header(Root::Cte, &self.text, body.len());
        out.extend_from_slice(&body);
        (out, self)
    }

    fn header(&self, root: Root, text: &str, body: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + SLABS * 2 + 4 + text.len() + body);
        out.push(FORMAT);
        out.push(root.tag());
        for &count in &self.counts {
            put_u(&mut out, count as u64);
        }
        put_u(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        out
    }

    fn count(&mut self, slab: Slab, n: usize) {
        // Each node written behind a reference or in a list counts one entry of its slab.
        self.counts[usize::from(slab.tag())] += n;
    }

    // ---- primitives ----

    /// The tag of a choice (`cte_shared::format`, `cte_shared::tree`).
    fn tag(&mut self, tag: u8) {
        self.out.push(tag);
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
                self.tag(StatementTag::Query.tag());
                self.query(q);
            }
            Statement::Insert(i) => {
                self.tag(StatementTag::Insert.tag());
                self.with(i.with.as_ref());
                self.name(&i.table);
                self.idents(&i.columns);
                self.boxed_query(&i.source);
                self.returning(i.returning.as_ref());
            }
            Statement::Update(u) => {
                self.tag(StatementTag::Update.tag());
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
                self.tag(StatementTag::Delete.tag());
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
            return self.tag(WithTag::None.tag());
        };
        self.tag(match with.recursive {
            Some(_) => WithTag::Recursive.tag(),
            None => WithTag::With.tag(),
        });
        let mut written = Vec::new();
        for cte in &with.ctes {
            match &cte.body {
                CteBody::Written(body) => written.push((cte, &**body)),
                CteBody::Spliced(splice) => {
                    self.splices.push(splice.clone());
                    self.splice_points
                        .push((written.len(), cte.name.value.clone()));
                }
                // A body that did not parse was reported; nothing is expanded then.
                CteBody::Broken => {}
            }
        }
        self.list(Slab::Ctes, &written, |s, (cte, body)| s.cte(cte, body));
    }

    fn cte(&mut self, cte: &ast::Cte, body: &Statement) {
        self.ident(&cte.name);
        self.idents(&cte.columns);
        self.tag(cte.materialized.tag());
        self.boxed_statement(body);
        self.bool(cte.search.is_some());
        if let Some(s) = &cte.search {
            self.tag(s.order.tag());
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
                self.tag(SetExprTag::Select.tag());
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
                self.tag(SetExprTag::Values.tag());
                self.list(Slab::Rows, &values.rows, |s, row| s.exprs(row));
            }
            SetExpr::Query { query, .. } => {
                self.tag(SetExprTag::Query.tag());
                self.boxed_query(query);
            }
            SetExpr::SetOp {
                op, left, right, ..
            } => {
                self.tag(SetExprTag::SetOp.tag());
                self.tag(op.tag());
                self.count(Slab::SetExprs, 2);
                self.set_expr(left);
                self.set_expr(right);
            }
        }
    }

    fn select_item(&mut self, item: &SelectItem) {
        match item {
            SelectItem::Wildcard => self.tag(SelectItemTag::Wildcard.tag()),
            SelectItem::QualifiedWildcard(name) => {
                self.tag(SelectItemTag::QualifiedWildcard.tag());
                self.name(name);
            }
            SelectItem::Expr { expr, alias: None } => {
                self.tag(SelectItemTag::Expr.tag());
                self.expr(expr);
            }
            SelectItem::Expr {
                expr,
                alias: Some(alias),
            } => {
                self.tag(SelectItemTag::Aliased.tag());
                self.expr(expr);
                self.ident(alias);
            }
        }
    }

    fn order_by(&mut self, items: &[ast::OrderByItem]) {
        self.list(Slab::OrderBy, items, |s, item| {
            s.expr(&item.expr);
            s.tag(format::order_tag(item.order, item.nulls));
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
            let constraint = match &join.constraint {
                JoinConstraint::On(_) => JoinConstraintTag::On,
                JoinConstraint::Using(_) => JoinConstraintTag::Using,
                JoinConstraint::None => JoinConstraintTag::None,
            };
            s.tag(format::join_tag(join.kind, constraint));
            s.table_factor(&join.relation);
            match &join.constraint {
                JoinConstraint::On(expr) => s.expr(expr),
                JoinConstraint::Using(columns) => s.idents(columns),
                JoinConstraint::None => {}
            }
        });
    }

    fn table_factor(&mut self, factor: &TableFactor) {
        match factor {
            TableFactor::Table { name, alias } => {
                self.tag(TableFactorTag::Table.tag());
                self.name(name);
                self.alias(alias.as_ref());
            }
            TableFactor::Derived {
                lateral,
                subquery,
                alias,
                ..
            } => {
                self.tag(TableFactorTag::Derived.tag());
                self.bool(lateral.is_some());
                self.boxed_query(subquery);
                self.alias(alias.as_ref());
            }
            TableFactor::Nested { inner, .. } => {
                self.tag(TableFactorTag::Nested.tag());
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
                    self.tag(ExprTag::Integer.tag());
                    self.str(digits);
                }
                LiteralKind::Decimal(digits) => {
                    self.tag(ExprTag::Decimal.tag());
                    self.str(digits);
                }
                LiteralKind::String(s) => {
                    self.tag(ExprTag::String.tag());
                    self.str(s);
                }
                LiteralKind::Bool(false) => self.tag(ExprTag::False.tag()),
                LiteralKind::Bool(true) => self.tag(ExprTag::True.tag()),
                LiteralKind::Null => self.tag(ExprTag::Null.tag()),
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
                self.tag(ExprTag::Param.tag());
                self.len(index);
            }
            Expr::Column(name) => {
                self.tag(ExprTag::Column.tag());
                self.name(name);
            }
            Expr::Unary { op, expr, .. } => {
                self.tag(ExprTag::Unary.tag());
                self.tag(op.tag());
                self.boxed(expr);
            }
            Expr::Binary {
                left, op, right, ..
            } => {
                self.tag(ExprTag::Binary.tag());
                self.boxed(left);
                self.tag(op.tag());
                self.boxed(right);
            }
            Expr::IsNull { expr, negated, .. } => {
                self.tag(ExprTag::IsNull.tag());
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
                self.tag(ExprTag::Between.tag());
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
                self.tag(ExprTag::InList.tag());
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
                self.tag(ExprTag::InSubquery.tag());
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
                self.tag(ExprTag::Like.tag());
                self.bool(*negated);
                self.boxed(expr);
                self.boxed(pattern);
            }
            Expr::Exists {
                subquery, negated, ..
            } => {
                self.tag(ExprTag::Exists.tag());
                self.bool(*negated);
                self.boxed_query(subquery);
            }
            Expr::Subquery { query, .. } => {
                self.tag(ExprTag::Subquery.tag());
                self.boxed_query(query);
            }
            Expr::Case {
                operand,
                whens,
                else_result,
                ..
            } => {
                self.tag(ExprTag::Case.tag());
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
                self.tag(ExprTag::Cast.tag());
                self.boxed(expr);
                self.data_type(*data_type);
            }
            Expr::Function(f) => {
                self.tag(ExprTag::Function.tag());
                self.name(&f.name);
                match &f.args {
                    FunctionArgs::Star => self.tag(FunctionArgsTag::Star.tag()),
                    FunctionArgs::List { distinct, args } => {
                        self.tag(match distinct {
                            Some(_) => FunctionArgsTag::Distinct.tag(),
                            None => FunctionArgsTag::List.tag(),
                        });
                        self.exprs(args);
                    }
                }
                self.bool(f.over.is_some());
                if let Some(w) = &f.over {
                    self.window(w);
                }
            }
            Expr::Nested { expr, .. } => {
                self.tag(ExprTag::Nested.tag());
                self.boxed(expr);
            }
        }
    }

    fn data_type(&mut self, data_type: DataType) {
        self.tag(data_type.tag().tag());
        match data_type {
            DataType::Decimal { precision, scale } => {
                self.opt_u32(precision);
                self.opt_u32(scale);
            }
            DataType::Varchar(n) | DataType::Char(n) => self.opt_u32(n),
            DataType::SmallInt
            | DataType::Integer
            | DataType::BigInt
            | DataType::Real
            | DataType::Double
            | DataType::Text
            | DataType::Boolean
            | DataType::Date
            | DataType::Time
            | DataType::Timestamp
            | DataType::Blob => {}
        }
    }

    fn window(&mut self, w: &ast::WindowSpec) {
        self.exprs(&w.partition_by);
        self.order_by(&w.order_by);
        self.bool(w.frame.is_some());
        if let Some(f) = &w.frame {
            self.tag(f.units.tag());
            self.frame_bound(&f.start);
            self.bool(f.end.is_some());
            if let Some(end) = &f.end {
                self.frame_bound(end);
            }
        }
    }

    fn frame_bound(&mut self, bound: &FrameBound) {
        match bound {
            FrameBound::CurrentRow => self.tag(FrameBoundTag::CurrentRow.tag()),
            FrameBound::Preceding(None) => self.tag(FrameBoundTag::UnboundedPreceding.tag()),
            FrameBound::Preceding(Some(n)) => {
                self.tag(FrameBoundTag::Preceding.tag());
                self.boxed(n);
            }
            FrameBound::Following(None) => self.tag(FrameBoundTag::UnboundedFollowing.tag()),
            FrameBound::Following(Some(n)) => {
                self.tag(FrameBoundTag::Following.tag());
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
