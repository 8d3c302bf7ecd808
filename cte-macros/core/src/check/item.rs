//! What a `cte!` item must be beyond a CTE of a WITH: a written CTE, with its column list, that
//! binds no parameters.

use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{Cte, CteBody, Expr};

pub(crate) fn check(cx: &Ctxt, cte: &Cte) {
    match &cte.body {
        // cte! { {h} } -- an item is written, not spliced from another.
        CteBody::Spliced(_) => cx.error(cte.name.span, "expected a CTE name, found `{...}`"),
        // cte! { hierarchy AS (SELECT id FROM t) }
        // -- the queries that splice it could not check the columns they read.
        CteBody::Written(_) | CteBody::Broken if cte.columns.is_empty() => cx.error(
            cte.name.span,
            format!(
                "a `cte!` item lists its columns\n\
                 help: write `{}(col, ...) AS (...)`, so that the queries that splice it are \
                 checked against them",
                cte.name
            ),
        ),
        CteBody::Written(_) | CteBody::Broken => {}
    }
    Params { cx }.visit_cte(cte);
}

/// cte! { roots(id) AS (SELECT id FROM t WHERE id = {ROOT}) }
/// -- the item is a static, built once; a value belongs to the query that splices it.
struct Params<'c> {
    cx: &'c Ctxt,
}

impl<'a> Visit<'a> for Params<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Param(param) = expr {
            self.cx.error(
                param.span,
                "a `cte!` item binds no parameters\n\
                 help: write the value in the query that splices the CTE, or write the CTE in \
                 that query's WITH",
            );
        }
        visit::walk_expr(self, expr);
    }
}
