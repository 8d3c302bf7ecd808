//! The analyses the plan (`plan.rs`) makes of single nodes of the tree, in one walk (see
//! `visit.rs`): for each CTE of a recursive WITH whether it reads itself, the check of its
//! members, the columns added to it (`rewrite.rs`), its anchor columns widened
//! (`recursive.rs`) and the CTEs of its WITH it reads (`order.rs`); for each VALUES list the
//! column names SQL Server gives it (`mssql.rs`); for each SELECT with `*` or `t.*` what its
//! `*` is written as (`star.rs`). Each answer is kept by the node's address:
//! trees are `'static`, so an address names one node for the whole rendering.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::ops::ControlFlow;
use std::rc::Rc;

use super::facts;
use super::limit::Limit;
use super::members::{Lateral, Members};
use super::recursive::Widen;
use super::rewrite::Rewrite;
use super::set_op::operand_parens;
use super::visit::{self, Flow, Visit};
use super::walk::{self, Node};
use super::{order, scope};
use crate::param::ParamKind;
use crate::tree::{
    Cte, Expr, Ident, List, Select, SelectItem, SetExpr, Statement, TableFactor, TableWithJoins,
    With,
};
use crate::{Dialect, RenderError};

/// What is decided for single nodes, by address.
#[derive(Clone, Default)]
pub(super) struct Nodes {
    /// Each CTE of a recursive WITH.
    pub(super) recursive: HashMap<*const Cte, Rc<RecursiveCte>>,
    /// Each VALUES list, by the address of its rows: the column names of the CTE or derived
    /// table it is in.
    pub(super) values_columns: HashMap<*const List<Expr>, List<Ident>>,
    /// Each SELECT with a `*` or `t.*` item: what its bare `*` is written as (see `star.rs`).
    pub(super) star_tables: HashMap<*const Select, StarTables>,
}

/// The FROM items whose `t.*` a bare `*` is written as, if it cannot stay `*`; or the error.
pub(super) type StarTables = Result<Option<List<TableWithJoins>>, RenderError>;

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
    /// Its anchor, when written as one derived table (see `members.rs`), by address.
    pub(super) compound_anchor: Option<*const SetExpr>,
    /// Its recursive members, when written as one (see `members.rs`).
    pub(super) lateral: Option<Rc<Lateral>>,
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
    pub(super) fn new(dialect: Dialect, kinds: &'a [ParamKind], limit: Limit) -> Self {
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

    /// What is decided for the nodes of `stmt`, in one walk.
    pub(super) fn nodes(&self, stmt: &Statement) -> Nodes {
        let mut walk = NodeWalk {
            planner: self,
            nodes: Nodes::default(),
            columns: Vec::new(),
            columns_unread: HashSet::new(),
        };
        let ControlFlow::Continue(()) = walk.visit_statement(stmt);
        walk.nodes
    }

    /// What is decided for each CTE of each recursive WITH of `stmt`.
    pub(super) fn recursive_ctes(&self, stmt: &Statement) -> HashMap<*const Cte, Rc<RecursiveCte>> {
        let mut found = HashMap::new();
        walk::walk_statement::<()>(stmt, &mut |node| {
            if let Node::With(with) = node {
                self.recursive_with(with, &mut found);
            }
            None
        });
        found
    }

    fn recursive_with(&self, with: &With, found: &mut HashMap<*const Cte, Rc<RecursiveCte>>) {
        if with.recursive {
            for cte in with.ctes {
                let planned = self.recursive_cte(cte, with.ctes);
                found.insert(cte as *const Cte, Rc::new(planned));
            }
        }
    }

    /// What is decided for `cte`, a CTE of a recursive WITH of `ctes`. The members of its body
    /// and which of them read it are found once, for every analysis.
    fn recursive_cte(&self, cte: &Cte, ctes: List<Cte>) -> RecursiveCte {
        let members = match cte.body {
            Statement::Query(q) => {
                let one_union_kind = matches!(
                    self.support().recursive_mixed_unions,
                    facts::Takes::No { .. }
                );
                Some((q, Members::of(q, &cte.name, one_union_kind)))
            }
            _ => None,
        };
        let reads_itself = match &members {
            Some((_, members)) => members.reads_cte,
            None => scope::statement_mentions(cte.body, &cte.name),
        };
        self.kinds_read.set(false);
        let mut lateral = None;
        let (rewrite, widen) = match &members {
            Some((q, members)) if reads_itself => (
                self.check_recursive_members(&q.body, members)
                    .and_then(|l| {
                        lateral = l;
                        self.rewrite_plan(cte, members)
                    })
                    .map(|r| r.map(Rc::new)),
                self.widening(cte, members).map(|w| w.map(Rc::new)),
            ),
            _ => (Ok(None), Ok(None)),
        };
        let compound_anchor = match &members {
            Some((_, members)) if reads_itself => members
                .compound_anchor
                .map(|anchor| anchor as *const SetExpr),
            _ => None,
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
            compound_anchor,
            lateral,
        }
    }
}

/// The walk that finds what `Nodes` holds.
struct NodeWalk<'p, 'a> {
    planner: &'p Planner<'a>,
    nodes: Nodes,
    /// The column names of each CTE body and derived table around, innermost last.
    columns: Vec<List<Ident>>,
    /// The SELECTs whose columns nobody reads: those an `EXISTS` subquery is made of.
    columns_unread: HashSet<*const Select>,
}

impl NodeWalk<'_, '_> {
    /// Notes the SELECTs of an `EXISTS` subquery with body `s`: those written in its own
    /// parentheses, not in parentheses of their own (see `set_op.rs`).
    fn unread_selects(&mut self, s: &SetExpr) {
        match s {
            SetExpr::Select(select) => {
                self.columns_unread.insert(*select);
            }
            SetExpr::SetOp { op, left, right } => {
                let support = self.planner.support();
                let (left_parens, right_parens) = operand_parens(support, *op, left, right);
                if !left_parens {
                    self.unread_selects(left);
                }
                if !right_parens {
                    self.unread_selects(right);
                }
            }
            SetExpr::Values(_) | SetExpr::Query(_) => {}
        }
    }

    fn with_columns(&mut self, columns: List<Ident>, f: impl FnOnce(&mut Self)) {
        self.columns.push(columns);
        f(self);
        self.columns.pop();
    }
}

impl<'a> Visit<'a> for NodeWalk<'_, '_> {
    type Break = Infallible;

    fn visit_with(&mut self, with: &'a With) -> Flow<Infallible> {
        self.planner.recursive_with(with, &mut self.nodes.recursive);
        visit::walk_with(self, with)
    }

    /// A query body is written with its CTE's columns at hand, for a VALUES body.
    fn visit_cte(&mut self, with: &'a With, i: usize) -> Flow<Infallible> {
        match with.ctes[i].body {
            Statement::Query(_) => {
                let mut flow = ControlFlow::Continue(());
                self.with_columns(with.ctes[i].columns, |w| flow = visit::walk_cte(w, with, i));
                flow
            }
            _ => visit::walk_cte(self, with, i),
        }
    }

    fn visit_table_factor(&mut self, f: &'a TableFactor) -> Flow<Infallible> {
        match f {
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                let columns = alias.as_ref().map_or(&[][..], |a| a.columns);
                self.with_columns(columns, |w| {
                    let ControlFlow::Continue(()) = w.visit_query(subquery);
                });
                self.visit_relation(None, alias.as_ref())
            }
            f => visit::walk_table_factor(self, f),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) -> Flow<Infallible> {
        if let Expr::Exists { subquery, .. } = e {
            self.unread_selects(&subquery.body);
        }
        visit::walk_expr(self, e)
    }

    fn visit_select(&mut self, s: &'a Select) -> Flow<Infallible> {
        let star = |item: &SelectItem| {
            matches!(
                item,
                SelectItem::Wildcard | SelectItem::QualifiedWildcard(_)
            )
        };
        if s.projection.iter().any(star) {
            let columns_read = !self.columns_unread.contains(&(s as *const Select));
            let planned = self.planner.star_items(s, columns_read);
            self.nodes.star_tables.insert(s, planned);
        }
        visit::walk_select(self, s)
    }

    fn visit_set_expr(&mut self, s: &'a SetExpr) -> Flow<Infallible> {
        if let SetExpr::Values(rows) = s {
            let columns = self.columns.last().copied().unwrap_or_default();
            self.nodes.values_columns.insert(rows.as_ptr(), columns);
        }
        visit::walk_set_expr(self, s)
    }
}
