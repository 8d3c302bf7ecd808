//! With a schema (see `crate::schema`): every table a statement reads or writes is one the
//! schema files define.
//!
//! ```sql
//! SELECT name FROM employes              -- no table `employes`: did you mean `employees`?
//! SELECT * FROM r#Users                  -- the schema's `users`, on some engines only
//! ```
//!
//! A name that reads a CTE in scope is the CTE's, not a table's (see `resolve`). A qualified
//! name (`public.users`) is looked up by its last part, as the schema files' own qualifiers
//! are set aside: which schema a connection reads is the search path's business.

use super::resolve::{Binding, Bindings};
use super::{did_you_mean, listing, Ctxt};
use crate::ast::visit::{self, Visit};
use crate::ast::{ObjectName, Statement, TableFactor};
use crate::schema::{Lookup, Schema};

pub(super) fn check(cx: &Ctxt, bindings: &Bindings, schema: &Schema, stmt: &Statement) {
    Tables {
        cx,
        bindings,
        schema,
    }
    .visit_statement(stmt);
}

struct Tables<'a, 'b> {
    cx: &'a Ctxt,
    bindings: &'a Bindings<'b>,
    schema: &'a Schema,
}

impl Tables<'_, '_> {
    fn table(&self, name: &ObjectName) {
        let Some(last) = name.last() else { return };
        match self.schema.relation(&last.value, last.raw) {
            Lookup::Found(_) => {}
            Lookup::Ambiguous(near) => {
                let near = near.iter().map(|r| r.name.written());
                self.cx.error(
                    last.span,
                    format!(
                        "`{}` names a table of the schema on some engines and none on others\n\
                         note: the schema has {}\n\
                         help: write the name as the schema does: unquoted names fold to lower \
                         case on PostgreSQL, and `r#` keeps the case as written",
                        written(last),
                        listing(near)
                    ),
                );
            }
            Lookup::Missing => {
                let names: Vec<String> = self
                    .schema
                    .relations
                    .iter()
                    .map(|r| r.name.written())
                    .collect();
                let help = match did_you_mean(&last.value, &names) {
                    Some(close) => format!("\nhelp: did you mean `{close}`?"),
                    None => "\nhelp: create it in the schema files named by `schema` in \
                             [package.metadata.cte] of Cargo.toml, or define a CTE of that name"
                        .to_owned(),
                };
                self.cx.error(
                    last.span,
                    format!("the schema has no table `{}`{help}", written(last)),
                );
            }
        }
    }
}

/// A name as the user wrote it.
fn written(ident: &crate::ast::Ident) -> String {
    if ident.raw {
        format!("r#{}", ident.value)
    } else {
        ident.value.clone()
    }
}

impl<'ast> Visit<'ast> for Tables<'_, '_> {
    fn visit_statement(&mut self, stmt: &'ast Statement) {
        match stmt {
            Statement::Query(_) => {}
            Statement::Insert(i) => self.table(&i.table),
            Statement::Update(u) => self.table(&u.table),
            Statement::Delete(d) => self.table(&d.table),
        }
        visit::walk_statement(self, stmt);
    }

    fn visit_table_factor(&mut self, factor: &'ast TableFactor) {
        if let TableFactor::Table { name, .. } = factor {
            if let Binding::Table = self.bindings.get(name) {
                self.table(name);
            }
        }
        visit::walk_table_factor(self, factor);
    }
}

#[cfg(test)]
mod tests {
    const SCHEMA: &str = "CREATE TABLE employees (id INT PRIMARY KEY, manager_id INT);
                          CREATE TABLE \"Orders\" (id INT);
                          CREATE VIEW staff AS SELECT id FROM employees;";

    /// The full message of every error, with the text of the token each points at.
    fn errors(source: &str) -> Vec<(String, String)> {
        crate::check::tests::errors_with_schema(Some(SCHEMA), source)
    }

    #[test]
    fn known_tables_views_and_ctes_pass() {
        for ok in [
            "SELECT id FROM employees",
            "SELECT e.id FROM public.EMPLOYEES AS e JOIN staff ON staff.id = e.id",
            "SELECT id FROM r#Orders",
            "WITH RECURSIVE chain (id) AS (SELECT id FROM employees UNION ALL SELECT e.id FROM employees e JOIN chain c ON e.manager_id = c.id) SELECT id FROM chain",
            "INSERT INTO employees (id) SELECT id FROM staff",
            "UPDATE employees SET manager_id = NULL WHERE id IN (SELECT id FROM staff)",
            "DELETE FROM r#Orders WHERE id = 1",
        ] {
            assert_eq!(errors(ok), Vec::<(String, String)>::new(), "{ok}");
        }
    }

    #[test]
    fn an_unknown_table_is_named_on_its_token() {
        assert_eq!(
            errors("SELECT id FROM employes"),
            [(
                "the schema has no table `employes`\nhelp: did you mean `employees`?".to_owned(),
                "employes".to_owned()
            )]
        );
        let found = errors(
            "WITH x AS (SELECT 1) DELETE FROM invoices WHERE id IN (SELECT * FROM payments)",
        );
        let tokens: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(tokens, ["invoices", "payments"]);
        assert!(
            found[0].0.contains("help: create it in the schema files"),
            "{}",
            found[0].0
        );
    }

    #[test]
    fn a_name_engines_resolve_differently_is_refused() {
        let found = errors("SELECT id FROM orders");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].0.starts_with("`orders` names a table of the schema on some engines and none on others\nnote: the schema has `r#Orders`"),
            "{}",
            found[0].0
        );
    }
}
