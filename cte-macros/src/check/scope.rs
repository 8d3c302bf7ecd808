//! The names a WITH clause introduces.

use std::collections::HashMap;

use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{Ident, Statement, With};

pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    Scope { cx }.visit_statement(stmt);
}

struct Scope<'a> {
    cx: &'a Ctxt,
}

impl Visit for Scope<'_> {
    fn visit_with(&mut self, with: &With) {
        // WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a
        // -- two CTEs of one WITH share a name: which one FROM a reads is ambiguous.
        duplicates(self.cx, with.ctes.iter().map(|cte| &cte.name), "CTE");
        for cte in &with.ctes {
            // WITH t(id, id) AS (SELECT 1, 2) SELECT id FROM t
            // -- a CTE column list names a column twice: `id` is ambiguous.
            duplicates(self.cx, &cte.columns, "column");
        }
        visit::walk_with(self, with);
    }
}

/// Reports every name in `names` that an earlier one already took, on the later one.
fn duplicates<'a>(cx: &Ctxt, names: impl IntoIterator<Item = &'a Ident>, what: &str) {
    let mut seen: HashMap<&Ident, &Ident> = HashMap::new();
    for name in names {
        if let Some(first) = seen.get(name) {
            cx.error(
                name.span,
                format!(
                    "duplicate {what} name `{name}`: `{first}` is already defined in this list"
                ),
            );
        } else {
            seen.insert(name, name);
        }
    }
}
