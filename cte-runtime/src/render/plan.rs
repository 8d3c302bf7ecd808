//! What is decided about a statement before any of it is written: the checks on the whole
//! statement, its recursion limit (see `limit.rs`), on SQL Server the CTEs that move to the
//! statement's WITH (see `hoist.rs`), and what single nodes need (`planner.rs`): each CTE of
//! a recursive WITH, each VALUES list.
//! The writer (`Renderer`) reads the plan and decides nothing of it again.

use std::rc::Rc;

use super::limit::Limit;
use super::planner::{Nodes, Planner, RecursiveCte};
use super::walk::{self, Node};
use super::{facts, hoist, search_cycle, Checked, Context};
use crate::tree::{
    Cte, Expr, Ident, List, LockStrength, LockWait, ObjectName, Select, Statement, TableWithJoins,
};
use crate::{Dialect, RenderError};

/// The analyses of one statement for one dialect.
#[derive(Clone)]
pub(super) struct Plan {
    /// SQL Server: the CTEs of WITHs inside subqueries, moved to the statement's WITH.
    pub(super) hoisting: Option<hoist::Hoisting>,
    /// How many fresh names the plan took: the writer's follow them.
    pub(super) generated: u32,
    /// The statement's recursion limit (see `limit.rs`).
    pub(super) limit: Limit,
    /// The locking clause of a SELECT statement.
    pub(super) lock: Option<(LockStrength, LockWait)>,
    /// What was decided for single nodes of the tree.
    nodes: Nodes,
}

impl Plan {
    /// What was decided for `cte`, a CTE of a recursive WITH of the statement.
    pub(super) fn recursive_cte(&self, cte: &Cte) -> Option<Rc<RecursiveCte>> {
        self.nodes.recursive.get(&(cte as *const Cte)).cloned()
    }

    /// The FROM items whose `t.*` the bare `*` items of `s` are written as, if they cannot
    /// stay `*`, or the error for `*` or `t.*` items this dialect reads otherwise.
    pub(super) fn star_tables(
        &self,
        s: &Select,
    ) -> Result<Option<List<TableWithJoins>>, RenderError> {
        match self.nodes.star_tables.get(&(s as *const Select)) {
            Some(planned) => planned.clone(),
            None => Ok(None),
        }
    }

    /// The column names SQL Server gives the VALUES list `rows` used as a query: those of the
    /// CTE or derived table it is the body of, or in.
    pub(super) fn values_columns(&self, rows: &[List<Expr>]) -> List<Ident> {
        self.nodes
            .values_columns
            .get(&rows.as_ptr())
            .copied()
            .unwrap_or_default()
    }

    /// The same plan with `limit`, which changes what recursive CTEs add.
    pub(super) fn with_limit(
        self,
        stmt: &Statement,
        dialect: Dialect,
        context: &Context<'_>,
        limit: Limit,
    ) -> Plan {
        let recursive = Planner::new(dialect, context.kinds, limit).recursive_ctes(stmt);
        Plan {
            limit,
            nodes: Nodes {
                recursive,
                ..self.nodes
            },
            ..self
        }
    }
}

/// Checks `stmt` as a whole and plans its recursion limit and what moves, before anything is
/// written.
pub(super) fn plan(
    stmt: &Statement,
    dialect: Dialect,
    context: &Context<'_>,
) -> Result<Plan, RenderError> {
    let search_cycle = match context.checked {
        Checked::No => check_reserved_names(stmt, dialect)?,
        Checked::Yes { search_cycle } => search_cycle,
    };
    if search_cycle {
        search_cycle::check_emulated_reads(stmt, dialect)?;
    }
    let mut generated = 0;
    let hoisting = if facts::support(dialect).nested_with {
        None
    } else {
        hoist::plan(stmt, dialect, &mut generated)?
    };
    let limit = Limit::of(stmt, dialect, context.options);
    let planner = Planner::new(dialect, context.kinds, limit);
    let lock = match stmt {
        Statement::Query(_) => context.options.lock,
        Statement::Insert(_) | Statement::Update(_) | Statement::Delete(_) => None,
    };
    Ok(Plan {
        hoisting,
        generated,
        limit,
        lock,
        nodes: planner.nodes(stmt),
    })
}

/// Refuses a statement that uses a name of the renderer's own (`__cte_...`), which a
/// generated alias, CTE or column could then equal, or that spells a CTE's name so that
/// engines disagree on what reads it (see `cte_shared`); the macros refuse both at compile
/// time. Returns whether a CTE has a SEARCH or CYCLE clause, which this walk notes so that
/// most statements need no other.
fn check_reserved_names(stmt: &Statement, dialect: Dialect) -> Result<bool, RenderError> {
    let unsupported = |construct, help| RenderError::new(construct, dialect, help);
    let reserved = |id: &Ident| cte_shared::is_reserved(id.value);
    let name = |n: Option<&ObjectName>| n.is_some_and(|n| n.0.iter().any(reserved));
    let mut search_cycle = false;
    let mut ctes: Vec<&Ident> = Vec::new();
    let mut reads: Vec<&Ident> = Vec::new();
    let found = walk::walk_statement(stmt, &mut |node| {
        let hit = match node {
            Node::Column(n, _) => name(Some(n)),
            Node::Relation(n, alias) => {
                if let Some(ObjectName([single])) = n {
                    reads.push(single);
                }
                name(n)
                    || alias.is_some_and(|a| reserved(&a.name) || a.columns.iter().any(reserved))
            }
            Node::Name(n) => reserved(n),
            Node::With(with) => {
                search_cycle |= with
                    .ctes
                    .iter()
                    .any(|c| c.search.is_some() || c.cycle.is_some());
                ctes.extend(with.ctes.iter().map(|c| &c.name));
                false
            }
            Node::Select(_) | Node::Query(_) | Node::Exists => false,
        };
        hit.then_some(())
    });
    if found.is_some() {
        return Err(unsupported(
            "a name starting with __cte_",
            "names starting with __cte_ are the ones the renderer makes up; rename it",
        ));
    }
    let ambiguous = |a: &&Ident, b: &&Ident| {
        cte_shared::compare_names((a.value, a.raw), (b.value, b.raw))
            == cte_shared::NameMatch::Ambiguous
    };
    let clash = ctes
        .iter()
        .enumerate()
        .any(|(i, c)| ctes[..i].iter().chain(&reads).any(|o| ambiguous(c, o)));
    if clash {
        return Err(unsupported(
            "a CTE name spelled in two ways that only some engines take for one name",
            "PostgreSQL keeps the case of a quoted name and SQLite, MySQL and MariaDB \
             ignore it; spell the name the same way everywhere",
        ));
    }
    Ok(search_cycle)
}
