//! `FROM {path}`: a `cte!` item read straight from a FROM clause.
//!
//! The reference is parsed as a table named like the item (`FROM {catalog::tree} t` reads
//! `tree`), and once the statement is complete the item is put at the front of its leading WITH,
//! as if written `WITH {catalog::tree}`. So the checks, the expansion and the runtime know one
//! kind of splice, and every CTE the query writes itself can read the item.

use std::collections::HashSet;

use quote::ToTokens;

use super::cursor::FromSplice;
use super::with::spliced_cte;
use crate::ast::visit::{self, Visit};
use crate::ast::{Ident, Statement, With};

/// Adds the items spliced into FROM clauses to the statement's leading WITH, each once, and
/// returns an error for each splice that cannot go there.
pub(crate) fn attach(stmt: &mut Statement, splices: Vec<FromSplice>) -> Vec<syn::Error> {
    if splices.is_empty() {
        return Vec::new();
    }
    let Statement::Query(query) = stmt else {
        // UPDATE ... FROM {h}: a data-modifying statement has no place the item could go that
        // every dialect renders, as with `WITH {h}` in front of it.
        return splices
            .iter()
            .map(|splice| {
                syn::Error::new(
                    splice.span,
                    "a `cte!` item is spliced into a SELECT statement only\n\
                     help: write the CTE in the WITH of this statement",
                )
            })
            .collect();
    };

    // The leading WITH's own CTEs come first in the walk; the rest are nested.
    let own = query.with.as_ref().map_or(0, |with| with.ctes.len());
    let mut names = NestedNames { found: Vec::new() };
    names.visit_query(query);
    let hiding: Vec<Ident> = names.found.into_iter().skip(own).cloned().collect();

    let leading = query.with.get_or_insert_with(|| With {
        recursive: None,
        ctes: Vec::new(),
        max_recursion: None,
    });
    let mut seen: HashSet<String> = leading
        .ctes
        .iter()
        .filter_map(|cte| cte.spliced())
        .map(|splice| path_key(&splice.path))
        .collect();
    let mut added = Vec::new();
    let mut errors = Vec::new();
    for splice in splices {
        let name = splice.name;
        if hiding.contains(&name) {
            // SELECT ... FROM (WITH tree AS (...) SELECT ... FROM {tree}) -- the inner CTE
            // would be read in place of the item.
            errors.push(syn::Error::new(
                splice.span,
                format!(
                    "`{{...}}` reads the `cte!` item `{name}` by its name, and a WITH inside \
                     this statement defines its own `{name}`, which would be read instead\n\
                     help: rename the CTE of the inner WITH"
                ),
            ));
            continue;
        }
        if seen.insert(path_key(&splice.path)) {
            added.push(spliced_cte(splice.path, name));
        }
    }
    leading.ctes.splice(0..0, added);
    errors
}

/// The names that the WITH lists of a statement define, in source order.
struct NestedNames<'ast> {
    found: Vec<&'ast Ident>,
}

impl<'ast> Visit<'ast> for NestedNames<'ast> {
    fn visit_with(&mut self, with: &'ast With) {
        self.found.extend(with.ctes.iter().map(|cte| &cte.name));
        visit::walk_with(self, with);
    }
}

/// Two splices of one item are one CTE: paths compare as written.
fn path_key(path: &syn::Path) -> String {
    path.to_token_stream().to_string()
}
