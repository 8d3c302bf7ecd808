//! What is decided about a statement before any of it is written: the checks on the whole
//! statement, its recursion limit (see `limit.rs`), on SQL Server the CTEs that move to the
//! statement's WITH (see `hoist.rs`), and for each CTE of a recursive WITH whether it reads
//! itself, the columns added to it (`rewrite.rs`) and the anchor columns widened
//! (`recursive.rs`).
//! The writer (`Renderer`) reads the plan and decides nothing of it again.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use super::limit::Limit;
use super::query::Members;
use super::recursive::Widen;
use super::rewrite::Rewrite;
use super::walk::{self, Node};
use super::{facts, hoist, order, scope, search_cycle, Checked, Context};
use crate::param::ParamKind;
use crate::tree::{Cte, Ident, List, ObjectName, Statement};
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
    /// What was decided for each CTE of a recursive WITH, by its address.
    recursive: HashMap<*const Cte, Rc<RecursiveCte>>,
}

/// What is decided for one CTE of a recursive WITH. The errors are kept, not returned: the
/// writer returns each where it reaches the CTE, so that the first error in the text is the
/// one reported, as a CTE that is never written (a moved one nobody reads) reports none.
pub(super) struct RecursiveCte {
    /// The CTE reads itself.
    pub(super) reads_itself: bool,
    /// The columns added to it (see `rewrite.rs`), or the error for a body the dialect or the
    /// additions cannot take.
    pub(super) rewrite: Result<Option<Rc<Rewrite>>, RenderError>,
    /// Its anchor columns cast to a wider type (see `recursive.rs`), or the error for a column
    /// whose type would differ here.
    pub(super) widen: Result<Option<Rc<Widen>>, RenderError>,
    /// Deciding `widen` read a parameter's kind: the SQL depends on the kinds.
    pub(super) kinds_read: bool,
    /// Where a CTE reads only the CTEs written before it (see `order.rs`): the other CTEs of
    /// its WITH that it reads, by address.
    pub(super) reads: Vec<*const Cte>,
}

impl Plan {
    /// What was decided for `cte`, a CTE of a recursive WITH of the statement.
    pub(super) fn recursive_cte(&self, cte: &Cte) -> Option<Rc<RecursiveCte>> {
        self.recursive.get(&(cte as *const Cte)).cloned()
    }

    /// The same plan with `limit`, which changes what recursive CTEs add.
    pub(super) fn with_limit(
        self,
        stmt: &Statement,
        dialect: Dialect,
        context: &Context<'_>,
        limit: Limit,
    ) -> Plan {
        let planner = Planner::new(dialect, context.kinds, limit);
        Plan {
            limit,
            recursive: planner.recursive_ctes(stmt),
            ..self
        }
    }
}

/// What the analyses read besides the tree: the dialect, the kind of each parameter and the
/// recursion limit.
pub(super) struct Planner<'a> {
    pub(super) dialect: Dialect,
    kinds: &'a [ParamKind],
    /// A parameter's kind was read.
    kinds_read: Cell<bool>,
    pub(super) limit: Limit,
}

impl<'a> Planner<'a> {
    fn new(dialect: Dialect, kinds: &'a [ParamKind], limit: Limit) -> Self {
        Planner {
            dialect,
            kinds,
            kinds_read: Cell::new(false),
            limit,
        }
    }

    /// What this dialect supports and how it writes it.
    pub(super) fn support(&self) -> &'static facts::Support {
        facts::support(self.dialect)
    }

    /// The error for `construct`, which this dialect cannot express.
    pub(super) fn unsupported(&self, construct: &'static str, help: &'static str) -> RenderError {
        RenderError::new(construct, self.dialect, help)
    }

    /// The kind of the parameter with source index `i`.
    pub(super) fn param_kind(&self, i: usize) -> ParamKind {
        self.kinds_read.set(true);
        self.kinds.get(i).copied().unwrap_or(ParamKind::Unknown)
    }

    /// What is decided for each CTE of each recursive WITH of `stmt`.
    fn recursive_ctes(&self, stmt: &Statement) -> HashMap<*const Cte, Rc<RecursiveCte>> {
        let mut found = HashMap::new();
        walk::walk_statement::<()>(stmt, &mut |node| {
            if let Node::With(with) = node {
                if with.recursive {
                    for cte in with.ctes {
                        let planned = self.recursive_cte(cte, with.ctes);
                        found.insert(cte as *const Cte, Rc::new(planned));
                    }
                }
            }
            None
        });
        found
    }

    /// What is decided for `cte`, a CTE of a recursive WITH of `ctes`. The members of its body
    /// and which of them read it are found once, for every analysis.
    fn recursive_cte(&self, cte: &Cte, ctes: List<Cte>) -> RecursiveCte {
        let members = match cte.body {
            Statement::Query(q) => Some((q, Members::of(q, &cte.name))),
            _ => None,
        };
        let reads_itself = match &members {
            Some((_, members)) => members.reads_cte,
            None => scope::statement_mentions(cte.body, &cte.name),
        };
        self.kinds_read.set(false);
        let (rewrite, widen) = match &members {
            Some((q, members)) if reads_itself => (
                self.check_recursive_members(members)
                    .and_then(|()| self.rewrite_plan(cte, &q.body))
                    .map(|r| r.map(Rc::new)),
                self.widening(cte, members).map(|w| w.map(Rc::new)),
            ),
            _ => (Ok(None), Ok(None)),
        };
        let reads = match order::reads_only_earlier(self.dialect) {
            true => ctes.iter().filter(|c| order::reads(cte, c)).collect(),
            false => Vec::new(),
        };
        RecursiveCte {
            reads_itself,
            rewrite,
            widen,
            kinds_read: self.kinds_read.get(),
            reads: reads.into_iter().map(|c: &Cte| c as *const Cte).collect(),
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
    Ok(Plan {
        hoisting,
        generated,
        limit,
        recursive: planner.recursive_ctes(stmt),
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
