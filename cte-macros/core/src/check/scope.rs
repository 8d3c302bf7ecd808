//! The names a WITH clause introduces.

use std::collections::HashSet;

use super::Ctxt;
use crate::ast::visit::Visit;
use crate::ast::{Ident, Statement, With};

pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    Scope { cx }.visit_statement(stmt);
}

struct Scope<'a> {
    cx: &'a Ctxt,
}

impl Visit for Scope<'_> {
    fn visit_with(&mut self, with: &With) {
        let mut names = HashSet::new();
        for cte in &with.ctes {
            // WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a
            // -- two CTEs of one WITH share a name: which one `FROM a` reads is ambiguous.
            if !names.insert(&cte.name) {
                self.cx.error(
                    cte.name.span,
                    format!("CTE `{}` is defined twice in this WITH clause", cte.name),
                );
            }
            // WITH t(id, id) AS (SELECT 1, 2) SELECT id FROM t
            // -- the column list names a column twice: `id` is ambiguous.
            for column in duplicates(&cte.columns) {
                self.cx.error(
                    column.span,
                    format!(
                        "column `{column}` appears twice in the column list of CTE `{}`",
                        cte.name
                    ),
                );
            }
            // Inner WITH clauses next, so the errors come in source order.
            self.visit_cte(cte);
        }
    }
}

/// The names that repeat an earlier name of `names`, in order.
fn duplicates<'a>(names: impl IntoIterator<Item = &'a Ident>) -> Vec<&'a Ident> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .filter(|name| !seen.insert(*name))
        .collect()
}
