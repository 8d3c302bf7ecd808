//! What each table name in a FROM clause refers to: a CTE in scope, a CTE of a WITH clause
//! that the name cannot see (a forward or self reference without RECURSIVE), or a table.
//!
//! Computed once per macro call, so that every check reads the same scoping rules: an inner
//! WITH shadows an outer one; in a plain WITH, a CTE sees only the CTEs before it; in a
//! WITH RECURSIVE, it sees all of them, itself included.
//!
//! Names compare by `cte_shared::same_name`. A table name that some engines would take for a
//! CTE and others not (`FROM tree` beside `WITH r#Tree`: one CTE on SQLite and MySQL, a CTE and
//! a table on PostgreSQL) is noted as ambiguous, for `scope` to refuse.

use std::collections::HashMap;
use std::ptr;

use crate::ast::visit::{self, Visit};
use crate::ast::{Cte, ObjectName, Query, Statement, TableFactor, With};

/// What a table name refers to.
#[derive(Clone, Copy)]
pub(crate) enum Binding<'a> {
    /// A CTE in scope, and the WITH clause that defines it.
    Cte(&'a Cte, &'a With),
    /// A CTE of a plain WITH clause that this name cannot see: `cte` itself (`reader` is
    /// `cte`) or one defined after `reader`, the CTE whose body holds the name. Engines
    /// disagree on what such a name reads.
    Hidden { cte: &'a Cte, reader: &'a Cte },
    /// A table of the database (or a schema-qualified name).
    Table,
}

/// The binding of every table name of a statement, by the address of its [`ObjectName`] in
/// the tree (the tree does not change while it is checked).
pub(crate) struct Bindings<'a> {
    names: HashMap<*const ObjectName, Binding<'a>>,
    /// Table names spelled so that engines disagree on whether they read this CTE, in
    /// source order.
    pub(crate) ambiguous: Vec<(&'a ObjectName, &'a Cte)>,
}

impl<'a> Bindings<'a> {
    pub(crate) fn of(stmt: &'a Statement) -> Self {
        let mut resolver = Resolver {
            frames: Vec::new(),
            names: HashMap::new(),
            ambiguous: Vec::new(),
        };
        resolver.visit_statement(stmt);
        Bindings {
            names: resolver.names,
            ambiguous: resolver.ambiguous,
        }
    }

    /// What the table name `name` (a node of the checked tree) refers to.
    pub(crate) fn get(&self, name: &ObjectName) -> Binding<'a> {
        self.names
            .get(&ptr::from_ref(name))
            .copied()
            .unwrap_or(Binding::Table)
    }

    /// The CTE that `name` reads, if it is one in scope.
    pub(crate) fn cte(&self, name: &ObjectName) -> Option<&'a Cte> {
        match self.get(name) {
            Binding::Cte(cte, _) => Some(cte),
            _ => None,
        }
    }
}

/// One WITH clause in scope.
struct Frame<'a> {
    with: &'a With,
    /// How many of its CTEs are visible: those before the one being defined, or all.
    visible: usize,
    /// The CTE whose body is being walked, in a plain WITH clause.
    defining: Option<usize>,
}

struct Resolver<'a> {
    frames: Vec<Frame<'a>>,
    names: HashMap<*const ObjectName, Binding<'a>>,
    ambiguous: Vec<(&'a ObjectName, &'a Cte)>,
}

impl<'a> Resolver<'a> {
    fn lookup(&mut self, name: &'a ObjectName) -> Binding<'a> {
        let [part] = name.parts.as_slice() else {
            return Binding::Table;
        };
        for frame in self.frames.iter().rev() {
            let ctes = &frame.with.ctes;
            // Up to the WITH that defines the name, a CTE that only some engines take for it.
            let ambiguous = ctes.iter().find(|c| {
                cte_shared::compare_names(c.name.shared(), part.shared())
                    == cte_shared::NameMatch::Ambiguous
            });
            if let Some(cte) = ambiguous {
                self.ambiguous.push((name, cte));
                return Binding::Table;
            }
            if let Some(cte) = ctes.iter().take(frame.visible).find(|c| c.name == *part) {
                return Binding::Cte(cte, frame.with);
            }
            if let Some(reader) = frame.defining.and_then(|i| ctes.get(i)) {
                let hidden = ctes.iter().skip(frame.visible).find(|c| c.name == *part);
                if let Some(cte) = hidden {
                    return Binding::Hidden { cte, reader };
                }
            }
        }
        Binding::Table
    }

    /// Walks a statement or query that may start with `with`, inside that clause's scope.
    fn scoped(&mut self, with: Option<&'a With>, walk: impl FnOnce(&mut Self)) {
        if let Some(with) = with {
            self.frames.push(Frame {
                with,
                visible: 0,
                defining: None,
            });
        }
        walk(self);
        if with.is_some() {
            self.frames.pop();
        }
    }
}

impl<'a> Visit<'a> for Resolver<'a> {
    fn visit_statement(&mut self, stmt: &'a Statement) {
        let with = match stmt {
            Statement::Query(_) => None,
            Statement::Insert(i) => i.with.as_ref(),
            Statement::Update(u) => u.with.as_ref(),
            Statement::Delete(d) => d.with.as_ref(),
        };
        self.scoped(with, |r| visit::walk_statement(r, stmt));
    }

    fn visit_query(&mut self, query: &'a Query) {
        self.scoped(query.with.as_ref(), |r| visit::walk_query(r, query));
    }

    fn visit_with(&mut self, with: &'a With) {
        let len = with.ctes.len();
        for (i, cte) in with.ctes.iter().enumerate() {
            if let Some(frame) = self.frames.last_mut() {
                if with.recursive.is_some() {
                    frame.visible = len;
                } else {
                    frame.visible = i;
                    frame.defining = Some(i);
                }
            }
            if cte.written().is_some() {
                self.visit_cte(cte);
            }
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.visible = len;
            frame.defining = None;
        }
    }

    fn visit_table_factor(&mut self, factor: &'a TableFactor) {
        if let TableFactor::Table { name, .. } = factor {
            let binding = self.lookup(name);
            self.names.insert(ptr::from_ref(name), binding);
        }
        visit::walk_table_factor(self, factor);
    }
}
