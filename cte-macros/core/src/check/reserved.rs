//! Names starting with `__cte_` belong to the renderer, which checks hand-built trees for them
//! when it renders; trees the macros make are checked here instead, so that the first render
//! of a call site need not walk the whole tree.

use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{
    Cte, Expr, Ident, JoinConstraint, SelectItem, Statement, TableAlias, TableFactor,
    TableWithJoins,
};

pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    Reserved { cx }.visit_statement(stmt);
}

// A name the user writes could equal one the renderer makes up, and read or hide it:
//     WITH __cte_r1 AS (SELECT 1) SELECT * FROM __cte_r1     -- a name of the renderer's own
//     SELECT a AS __CTE_level FROM t                          -- case-insensitive, as in SQL
/// Refuses every written name that starts with `__cte_`, in any case.
struct Reserved<'c> {
    cx: &'c Ctxt,
}

impl Reserved<'_> {
    fn name(&self, ident: &Ident) {
        if cte_shared::is_reserved(&ident.value) {
            self.cx.error(
                ident.span,
                "names starting with `__cte_` are reserved for the names cte renders itself\n\
                 help: rename it",
            );
        }
    }

    fn names<'i>(&self, idents: impl IntoIterator<Item = &'i Ident>) {
        for ident in idents {
            self.name(ident);
        }
    }

    fn alias(&self, alias: Option<&TableAlias>) {
        if let Some(alias) = alias {
            self.name(&alias.name);
            self.names(&alias.columns);
        }
    }
}

impl<'a> Visit<'a> for Reserved<'_> {
    fn visit_statement(&mut self, stmt: &'a Statement) {
        match stmt {
            Statement::Query(_) => {}
            Statement::Insert(i) => {
                self.names(&i.table.parts);
                self.names(&i.columns);
            }
            Statement::Update(u) => {
                self.names(&u.table.parts);
                self.names(&u.alias);
                self.names(u.assignments.iter().map(|a| &a.column));
            }
            Statement::Delete(d) => {
                self.names(&d.table.parts);
                self.names(&d.alias);
            }
        }
        visit::walk_statement(self, stmt);
    }

    fn visit_cte(&mut self, cte: &'a Cte) {
        self.name(&cte.name);
        self.names(&cte.columns);
        if let Some(search) = &cte.search {
            self.names(&search.by);
            self.name(&search.set);
        }
        if let Some(cycle) = &cte.cycle {
            self.names(&cycle.columns);
            self.name(&cycle.set);
            self.name(&cycle.using);
        }
        visit::walk_cte(self, cte);
    }

    fn visit_select_item(&mut self, item: &'a SelectItem) {
        match item {
            SelectItem::Wildcard(_) => {}
            SelectItem::QualifiedWildcard(name) => self.names(&name.parts),
            SelectItem::Expr { alias, .. } => self.names(alias),
        }
        visit::walk_select_item(self, item);
    }

    fn visit_table_with_joins(&mut self, table: &'a TableWithJoins) {
        for join in &table.joins {
            if let JoinConstraint::Using(columns) = &join.constraint {
                self.names(columns);
            }
        }
        visit::walk_table_with_joins(self, table);
    }

    fn visit_table_factor(&mut self, factor: &'a TableFactor) {
        match factor {
            TableFactor::Table { name, alias } => {
                self.names(&name.parts);
                self.alias(alias.as_ref());
            }
            TableFactor::Derived { alias, .. } => self.alias(alias.as_ref()),
            TableFactor::Nested { .. } => {}
        }
        visit::walk_table_factor(self, factor);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Column(name) = expr {
            self.names(&name.parts);
        }
        visit::walk_expr(self, expr);
    }
}
