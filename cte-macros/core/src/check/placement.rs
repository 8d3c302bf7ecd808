//! Where the parts that belong to a whole statement may be written.

use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{Statement, With};

/// Reports each `OPTION (...)` and each spliced `cte!` item that is written inside the
/// statement rather than on it.
pub(crate) fn check(cx: &Ctxt, stmt: &Statement) {
    let leading = stmt.leading_with();
    let spliceable = match stmt {
        Statement::Query(query) => query.with.as_ref(),
        Statement::Insert(_) | Statement::Update(_) | Statement::Delete(_) => None,
    };
    Placement {
        cx,
        leading,
        spliceable,
    }
    .visit_statement(stmt);
}

struct Placement<'c, 'a> {
    cx: &'c Ctxt,
    /// The WITH that carries the statement's options.
    leading: Option<&'a With>,
    /// The one WITH that may splice `cte!` items: the leading WITH of a SELECT statement.
    spliceable: Option<&'a With>,
}

/// Whether `with` is the WITH `which` names.
fn is(which: Option<&With>, with: &With) -> bool {
    which.is_some_and(|w| std::ptr::eq(w, with))
}

impl<'a> Visit<'a> for Placement<'_, 'a> {
    fn visit_with(&mut self, with: &'a With) {
        // WITH t AS (WITH RECURSIVE s AS (...) SELECT ... OPTION (MAXRECURSION 5)) SELECT ...
        // -- the limit is the statement's; a CTE body has none of its own.
        if let Some(option) = &with.max_recursion {
            if !is(self.leading, with) {
                self.cx.error(
                    option.option_token,
                    "OPTION (MAXRECURSION n) goes after the whole statement, not inside a CTE",
                );
            }
        }
        // WITH x AS (WITH {h} SELECT ...) SELECT ...
        // -- only the statement's leading WITH takes `cte!` items.
        if !is(self.spliceable, with) {
            for cte in with.ctes.iter().filter(|cte| cte.spliced().is_some()) {
                self.cx.error(
                    cte.name.span,
                    "a `cte!` item is spliced into the leading WITH of a SELECT statement only\n\
                     help: move `{...}` to the WITH at the start of the statement",
                );
            }
        }
        visit::walk_with(self, with);
    }
}
