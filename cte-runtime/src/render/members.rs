//! The parts of a recursive CTE's body, and how each dialect takes them.
//!
//! The queries before the first part that reads the CTE are its anchor, whatever set
//! operations join them; the parts from there on are its recursive members, joined by UNION
//! [ALL] (the macro's checks). Two shapes need writing differently:
//!
//! - An anchor made of queries joined by INTERSECT or EXCEPT is written as one derived table,
//!   `SELECT * FROM (anchor) AS __cte_a1 UNION ALL member`. Inside it each dialect's own
//!   precedence rules apply (`set_op.rs`: SQLite reads a chain left to right, the others bind
//!   INTERSECT tighter), so its rows are the same everywhere; MariaDB refuses UNION and UNION
//!   ALL mixed anywhere in a recursive CTE's own chain, and the derived table keeps the
//!   anchor's operators out of it. An anchor that is a plain UNION chain is written as it is,
//!   except where it mixes UNION and UNION ALL with the operator before the members on
//!   MariaDB: there it is one derived table too, so that one kind of UNION joins the parts.
//! - PostgreSQL takes one recursive term. Several members become one that reads the CTE once
//!   and runs the members LATERAL over that row:
//!
//!   ```sql
//!   anchor UNION ALL SELECT __cte_m2.* FROM t AS __cte_w1
//!       CROSS JOIN LATERAL (r1 UNION ALL r2) AS __cte_m2
//!   ```
//!
//!   where each member reads `(SELECT __cte_w1.*) AS t` instead of `t`. A member reads the
//!   CTE once, outside subqueries and outer joins' nullable sides, without grouping, DISTINCT
//!   or LIMIT (the macro's checks): so what it makes from the previous step's rows is the union
//!   of what it makes from each of them, and running it once per row gives the same rows. With
//!   UNION between all the parts, PostgreSQL drops a row already found, as the engines that
//!   take several members do; UNION mixed with UNION ALL between the members has no such
//!   single term, and is refused.

use std::rc::Rc;

use super::facts::Takes;
use super::planner::Planner;
use super::query::same_name;
use super::{scope, Renderer, Res};
use crate::tree::{ObjectName, QueryExpr, SetExpr, SetOperator, TableAlias};
use crate::RenderError;

/// The members of a recursive CTE's body (`anchor UNION ALL r1 ...`), each with the operator
/// before it and whether it reads the CTE.
pub(super) struct Members {
    /// The anchor's queries (a plain UNION chain is split into them, an anchor with INTERSECT
    /// or EXCEPT is one entry), then the members.
    pub list: Vec<(Option<SetOperator>, &'static SetExpr, bool)>,
    /// Whether the body reads the CTE at all (in a member, or in its ORDER BY or LIMIT).
    pub reads_cte: bool,
    /// The anchor, when it is written as one derived table (see the module documentation).
    pub compound_anchor: Option<&'static SetExpr>,
    /// The anchor as one part of the tree: the left operand of the first member.
    anchor: &'static SetExpr,
    /// Whether `compound_anchor` is a UNION chain, written whole so that one kind of UNION
    /// joins the parts (see [`Members::of`]).
    pub mixed_anchor: bool,
}

impl Members {
    /// `one_union_kind`: the dialect takes one of UNION and UNION ALL between the parts, so
    /// an anchor that would mix them is written whole.
    pub(super) fn of(
        q: &'static QueryExpr,
        name: &crate::tree::Ident,
        one_union_kind: bool,
    ) -> Members {
        // The left spine of the body, top down: each set operation and its right operand, with
        // whether the right operand reads the CTE (each part is looked at once).
        let mut spine = Vec::new();
        let mut leaf = &q.body;
        while let SetExpr::SetOp { op, left, right } = leaf {
            spine.push((leaf, *op, *right, scope::set_expr_mentions(right, name)));
            leaf = left;
        }
        let leaf_reads = scope::set_expr_mentions(leaf, name);
        // Bottom up: whether each spine node reads the CTE, and whether it is a UNION chain.
        let mut reads = vec![false; spine.len()];
        let mut chain = vec![false; spine.len()];
        let (mut reads_below, mut chain_below) = (leaf_reads, true);
        for (i, &(_, op, right, right_reads)) in spine.iter().enumerate().rev() {
            reads[i] = reads_below || right_reads;
            chain[i] = matches!(op, SetOperator::Union { .. })
                && !matches!(right, SetExpr::SetOp { .. })
                && chain_below;
            (reads_below, chain_below) = (reads[i], chain[i]);
        }
        // The parts: the spine is split down to a node that neither reads the CTE nor is a
        // UNION chain (an anchor with INTERSECT or EXCEPT, kept whole).
        let whole = (0..spine.len()).find(|&i| !reads[i] && !chain[i]);
        let split = whole.unwrap_or(spine.len());
        let first = match whole {
            Some(i) => (None, spine[i].0, false),
            None => (None, leaf, leaf_reads),
        };
        let list: Vec<_> = std::iter::once(first)
            .chain(
                spine[..split]
                    .iter()
                    .rev()
                    .map(|&(_, op, right, right_reads)| (Some(op), right, right_reads)),
            )
            .collect();
        // A WITH of the body's own may shadow the name or read it: the general answer.
        let reads_cte = if q.with.is_some() {
            scope::query_mentions(q, name)
        } else {
            list.iter().any(|m| m.2) || scope::query_tail_mentions(q, name)
        };
        let anchor = (0..spine.len())
            .find(|&i| !reads[i])
            .map_or(leaf, |i| spine[i].0);
        let mut members = Members {
            list,
            reads_cte,
            compound_anchor: whole.map(|i| spine[i].0),
            anchor,
            mixed_anchor: false,
        };
        if one_union_kind {
            members.wrap_mixed_anchor();
        }
        members
    }

    /// Writes a UNION chain anchor whole where that leaves one kind of UNION between the
    /// parts, which is all MariaDB takes: `a UNION b UNION ALL c UNION ALL r` becomes
    /// `SELECT * FROM (a UNION b UNION ALL c) AS __cte_a1 UNION ALL r`. The anchor's rows are
    /// the same; the operator before the first member applies to them as it did.
    fn wrap_mixed_anchor(&mut self) {
        let anchors = self.list.iter().take_while(|m| !m.2).count();
        let (anchor_parts, members) = self.list.split_at(anchors);
        let kinds = |parts: &[(Option<SetOperator>, &'static SetExpr, bool)]| {
            let mut ops = parts.iter().filter_map(|m| m.0);
            let first = ops.next();
            (first, ops.all(|op| Some(op) == first))
        };
        let (all_op, all_uniform) = kinds(&self.list);
        let (member_op, members_uniform) = kinds(members);
        let mixed = all_op.is_some() && !all_uniform;
        if self.compound_anchor.is_some()
            || anchor_parts.len() < 2
            || !mixed
            || member_op.is_none()
            || !members_uniform
        {
            return;
        }
        let members: Vec<_> = members.to_vec();
        self.list = std::iter::once((None, self.anchor, false))
            .chain(members)
            .collect();
        self.compound_anchor = Some(self.anchor);
        self.mixed_anchor = true;
    }

    /// The recursive members.
    fn recursive(&self) -> impl Iterator<Item = &(Option<SetOperator>, &'static SetExpr, bool)> {
        self.list.iter().filter(|m| m.2)
    }
}

/// The first query of `s`, through its set operations.
pub(super) fn leftmost(s: &'static SetExpr) -> &'static SetExpr {
    match s {
        SetExpr::SetOp { left, .. } => leftmost(left),
        SetExpr::Select(_) | SetExpr::Values(_) | SetExpr::Query(_) => s,
    }
}

/// The queries of `s`, through its set operations (not through parentheses).
pub(super) fn leaves(s: &'static SetExpr, out: &mut Vec<&'static SetExpr>) {
    match s {
        SetExpr::SetOp { left, right, .. } => {
            leaves(left, out);
            leaves(right, out);
        }
        SetExpr::Select(_) | SetExpr::Values(_) | SetExpr::Query(_) => out.push(s),
    }
}

/// Several recursive members written as one (see the module documentation).
pub(super) struct Lateral {
    /// The body, whose writing this replaces.
    body: *const SetExpr,
    anchor: &'static SetExpr,
    /// The operator between the anchor and the members, and between the members.
    op: SetOperator,
    members: Vec<&'static SetExpr>,
}

impl Planner<'_> {
    /// The members of a recursive CTE's body as far as the dialect cares: SQL Server takes
    /// only UNION ALL, MariaDB one of UNION and UNION ALL throughout, PostgreSQL one
    /// recursive member (several are written as one, [`Lateral`]).
    pub(super) fn check_recursive_members(
        &self,
        body: &SetExpr,
        members: &Members,
    ) -> Result<Option<Rc<Lateral>>, RenderError> {
        let union = |all| {
            members
                .list
                .iter()
                .any(|m| m.0 == Some(SetOperator::Union { all }))
        };
        let mixed = union(true) && union(false);
        if mixed {
            self.mixed_unions()?;
        }
        let joins_members = |all| {
            members
                .recursive()
                .any(|&(op, _, _)| op == Some(SetOperator::Union { all }))
        };
        if let (true, Takes::No { help }) = (
            joins_members(true) && joins_members(false),
            self.support().recursive_members_mixed_unions,
        ) {
            return Err(
                self.unsupported("recursive members joined by both UNION and UNION ALL", help)
            );
        }
        for &(op, _, _) in members.recursive() {
            if let Takes::No { help } = self.support().recursive_union_distinct {
                if op != Some(SetOperator::Union { all: true }) {
                    return Err(self.unsupported("UNION (without ALL) in a recursive CTE", help));
                }
            }
        }
        if members.recursive().count() < 2 || self.support().several_recursive_members {
            return Ok(None);
        }
        self.lateral(body, members).map(|l| Some(Rc::new(l)))
    }

    /// The refusal of UNION mixed with UNION ALL, where the dialect takes one kind only.
    /// Also for an anchor written whole for it (see [`Members::of`]) where the derived table
    /// cannot carry what the CTE needs.
    pub(super) fn mixed_unions(&self) -> Res {
        match self.support().recursive_mixed_unions {
            Takes::Yes => Ok(()),
            Takes::No { help } => {
                Err(self.unsupported("UNION mixed with UNION ALL in a recursive CTE", help))
            }
        }
    }

    fn lateral(&self, body: &SetExpr, members: &Members) -> Result<Lateral, RenderError> {
        let first = members.list.iter().position(|m| m.2);
        let (anchors, recursive) = members.list.split_at(first.unwrap_or(0));
        let op = recursive.first().and_then(|m| m.0);
        let (Some(op), false, true) = (
            op,
            anchors.is_empty(),
            recursive.iter().all(|m| m.2 && m.0 == op),
        ) else {
            // What the macro's checks refuse (an anchor after a member), or members joined
            // by both UNION and UNION ALL.
            return Err(self.unsupported(
                "several recursive members joined by both UNION and UNION ALL",
                "join the recursive members with UNION ALL throughout, or with UNION \
                 throughout",
            ));
        };
        Ok(Lateral {
            body,
            anchor: members.anchor,
            op,
            members: recursive.iter().map(|m| m.1).collect(),
        })
    }
}

impl Renderer<'_> {
    /// Writes `s` when it is a part the recursive CTE being written has a shape of its own
    /// for (see the module documentation); returns whether it was.
    pub(super) fn recursive_part(&mut self, s: &SetExpr) -> Result<bool, RenderError> {
        let Some(body) = &self.recursive_body else {
            return Ok(false);
        };
        if body.depth != self.depth {
            return Ok(false);
        }
        let at = s as *const SetExpr;
        if let Some(lateral) = body.lateral.as_ref().filter(|l| l.body == at) {
            let lateral = Rc::clone(lateral);
            self.lateral_body(&lateral)?;
            return Ok(true);
        }
        if body.anchor == Some(at) {
            self.compound_anchor(s)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// `SELECT * FROM (anchor) AS __cte_a1`, with the hidden level column where the CTE has one.
    fn compound_anchor(&mut self, anchor: &SetExpr) -> Res {
        self.write("SELECT *");
        self.anchor_extras()?;
        self.write(" FROM (");
        self.nested(|r| r.set_expr(anchor))?;
        self.write(") AS ");
        self.generated_alias("a");
        Ok(())
    }

    fn lateral_body(&mut self, lateral: &Lateral) -> Res {
        self.set_expr(lateral.anchor)?;
        let op = match lateral.op {
            SetOperator::Union { all: true } => " UNION ALL ",
            SetOperator::Union { all: false } => " UNION ",
            SetOperator::Intersect { .. } | SetOperator::Except { .. } => {
                return Err(self.unsupported(
                    "INTERSECT or EXCEPT between the parts of a recursive CTE",
                    "join the anchor and the recursive members with UNION [ALL]",
                ))
            }
        };
        self.write(op);
        let working = self.fresh_name("w");
        let members = self.fresh_name("m");
        self.write("SELECT ");
        self.write(&members);
        self.write(".* FROM ");
        let written = self.recursive_body.as_ref().and_then(|b| b.written.clone());
        match written {
            Some(name) => self.write(&name),
            None => {
                let name = self.recursive_body.as_ref().map(|b| b.name);
                if let Some(name) = name {
                    self.ident(&name);
                }
            }
        }
        self.write(" AS ");
        self.write(&working);
        self.write(" CROSS JOIN LATERAL (");
        let outer = self
            .recursive_body
            .as_mut()
            .and_then(|b| b.working.replace(working.into()));
        let done = self.separated(op, lateral.members.iter(), |r, m| r.set_expr(m));
        if let Some(body) = &mut self.recursive_body {
            body.working = outer;
        }
        done?;
        self.write(") AS ");
        self.write(&members);
        Ok(())
    }

    /// Whether `name` is the recursive CTE being written, read from its own body (not a CTE of
    /// the same name that a WITH inside it defines).
    pub(super) fn reads_recursive_cte(&self, name: &ObjectName) -> bool {
        let Some(body) = &self.recursive_body else {
            return false;
        };
        let [single] = name.0 else { return false };
        same_name(single, &body.name)
            && !self
                .scopes_since(body.scope_len)
                .any(|ctes| ctes.iter().any(|c| same_name(&c.name, single)))
    }

    /// In a member written LATERAL over the one reference to its CTE, a reference to the CTE
    /// reads that reference's row: `(SELECT __cte_w1.*) AS name`. Returns whether `name` was
    /// such a reference.
    pub(super) fn working_reference(
        &mut self,
        name: &ObjectName,
        alias: &Option<TableAlias>,
    ) -> Result<bool, RenderError> {
        let Some(body) = &self.recursive_body else {
            return Ok(false);
        };
        let Some(working) = body.working.clone() else {
            return Ok(false);
        };
        let [single] = name.0 else { return Ok(false) };
        if !self.reads_recursive_cte(name) {
            return Ok(false);
        }
        self.write("(SELECT ");
        self.write(&working);
        self.write(".*)");
        match alias {
            Some(alias) => self.table_alias(alias)?,
            None => {
                self.write(" AS ");
                self.ident(single);
            }
        }
        Ok(true)
    }
}
