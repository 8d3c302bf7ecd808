//! Statements, queries, CTEs, SELECT and FROM, in the order `tree/decode/query.rs` reads them.

use cte_shared::format::{
    self, ConflictTag, JoinConstraintTag, SelectItemTag, SetExprTag, Slab, StatementTag,
    TableFactorTag, WithTag,
};

use cte_shared::tree::ConflictKey;

use crate::ast::{self, CteBody, JoinConstraint, SelectItem, SetExpr, Statement, TableFactor};

use super::Lower;

impl Lower {
    pub(super) fn boxed_statement(&mut self, stmt: &Statement) {
        self.count(Slab::Statements, 1);
        self.statement(stmt);
    }

    pub(super) fn statement(&mut self, stmt: &Statement) {
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
                self.on_conflict(i.on_conflict.as_deref());
                self.returning(i.returning.as_ref());
            }
            Statement::Update(u) => {
                self.tag(StatementTag::Update.tag());
                self.with(u.with.as_ref());
                self.name(&u.table);
                self.opt_ident(u.alias.as_ref());
                self.assignments(&u.assignments);
                self.from(u.from.as_ref().map(|f| &f.value));
                self.opt_expr(u.selection.as_ref().map(|k| &k.value));
                self.returning(u.returning.as_ref());
            }
            Statement::Delete(d) => {
                self.tag(StatementTag::Delete.tag());
                self.with(d.with.as_ref());
                self.name(&d.table);
                self.opt_ident(d.alias.as_ref());
                self.from(d.using.as_ref().map(|u| &u.value));
                self.opt_expr(d.selection.as_ref().map(|k| &k.value));
                self.returning(d.returning.as_ref());
            }
        }
    }

    fn on_conflict(&mut self, on_conflict: Option<&ast::OnConflict>) {
        let Some(c) = on_conflict else {
            return self.tag(ConflictTag::None.tag());
        };
        self.tag(match &c.action {
            ast::ConflictAction::Nothing => ConflictTag::Nothing.tag(),
            ast::ConflictAction::Update { .. } => ConflictTag::Update.tag(),
        });
        self.idents(&c.columns);
        let key = self
            .conflict_keys
            .get(&std::ptr::from_ref(c))
            .copied()
            .unwrap_or(ConflictKey::Unknown);
        self.tag(key.tag());
        if let ast::ConflictAction::Update {
            assignments,
            selection,
        } = &c.action
        {
            self.assignments(assignments);
            self.opt_expr(selection.as_ref().map(|k| &k.value));
        }
    }

    fn assignments(&mut self, assignments: &[ast::Assignment]) {
        self.list(Slab::Assignments, assignments, |s, a| {
            s.ident(&a.column);
            s.expr(&a.value);
        });
    }

    pub(super) fn returning(&mut self, returning: Option<&ast::Keyed<Vec<SelectItem>>>) {
        let items = returning.map_or(&[][..], |r| &r.value);
        self.list(Slab::SelectItems, items, Self::select_item);
    }

    pub(super) fn boxed_query(&mut self, q: &ast::Query) {
        self.count(Slab::Queries, 1);
        self.query(q);
    }

    pub(super) fn query(&mut self, q: &ast::Query) {
        self.with(q.with.as_ref());
        self.set_expr(&q.body);
        let order_by = q.order_by.as_ref().map_or(&[][..], |o| &o.value);
        self.order_by(order_by);
        self.opt_expr(q.limit.as_ref().map(|k| &k.value));
        self.opt_expr(q.offset.as_ref().map(|k| &k.value));
    }

    pub(super) fn with(&mut self, with: Option<&ast::With>) {
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

    pub(super) fn cte(&mut self, cte: &ast::Cte, body: &Statement) {
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

    pub(super) fn set_expr(&mut self, body: &SetExpr) {
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

    pub(super) fn select_item(&mut self, item: &SelectItem) {
        match item {
            SelectItem::Wildcard(_) => self.tag(SelectItemTag::Wildcard.tag()),
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

    pub(super) fn order_by(&mut self, items: &[ast::OrderByItem]) {
        self.list(Slab::OrderBy, items, |s, item| {
            s.expr(&item.expr);
            s.tag(format::order_tag(item.order, item.nulls));
        });
    }

    // ---- FROM ----

    pub(super) fn from(&mut self, from: Option<&Vec<ast::TableWithJoins>>) {
        let items = from.map_or(&[][..], |f| &f[..]);
        self.list(Slab::Tables, items, Self::table_with_joins);
    }

    pub(super) fn table_with_joins(&mut self, t: &ast::TableWithJoins) {
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

    pub(super) fn table_factor(&mut self, factor: &TableFactor) {
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

    pub(super) fn alias(&mut self, alias: Option<&ast::TableAlias>) {
        self.bool(alias.is_some());
        if let Some(alias) = alias {
            self.ident(&alias.name);
            self.idents(&alias.columns);
        }
    }
}
