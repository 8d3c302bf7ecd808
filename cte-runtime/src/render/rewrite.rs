//! Recursive CTEs written with columns of the renderer's own.
//!
//! Two emulations need a recursive CTE to carry more than the user wrote: the recursion limit of
//! `OPTION (MAXRECURSION n)` (a level counter, `limit.rs`) and SEARCH and CYCLE where the engine
//! has no such clauses (paths, `search_cycle.rs`). Both add columns the way PostgreSQL's own
//! rewrite of SEARCH and CYCLE does: each anchor computes a first value from its output, each
//! recursive member the next value from its row of the CTE (the self-reference) and its own
//! output, and a member may skip rows (CYCLE does not follow a row that closed a cycle).
//!
//! A column the user must not see (the level counter) lives in an inner CTE under a fresh name;
//! the CTE's own name becomes a plain CTE over it that lists the other columns:
//!
//! ```sql
//! WITH RECURSIVE __cte_r1 (n, __cte_level) AS (
//!     SELECT 1, 0 UNION ALL SELECT n + 1, <next level> FROM __cte_r1 AS s WHERE n < 5
//! ), s (n) AS (SELECT n FROM __cte_r1)
//! ```

use std::rc::Rc;

use super::limit::Limit;
use super::members::{leftmost, Members};
use super::planner::Planner;
use super::query::same_name;
use super::{facts, scope, Renderer, Res};
use crate::tree::{
    Cte, Expr, Ident, Literal, Search, Select, SelectItem, SetExpr, SetOperator, TableFactor,
    TableWithJoins,
};
use crate::{Dialect, RenderError};

/// The columns added to a recursive CTE.
pub(super) struct Rewrite {
    /// The CTE: a member that reads it is recursive, the others are anchors.
    pub name: Ident,
    /// The CTE's columns, as written or as the first anchor names them.
    pub columns: Vec<Ident>,
    pub extras: Vec<Extra>,
}

impl Rewrite {
    /// Whether an added column is hidden, so that the CTE is written under a fresh name and
    /// its own name is a plain CTE over it.
    pub(super) fn hides_columns(&self) -> bool {
        self.extras.iter().any(Extra::hidden)
    }
}

/// One added column.
pub(super) enum Extra {
    /// The hidden recursion level of `OPTION (MAXRECURSION n)`.
    Level,
    /// The sequence column of an emulated SEARCH clause, over the columns at `keys`.
    Search { search: Search, keys: Vec<usize> },
    /// The mark column of an emulated CYCLE clause: its value and default, and the path.
    CycleMark {
        set: Ident,
        value: Box<Expr>,
        default: Box<Expr>,
        keys: Vec<usize>,
        path: Ident,
    },
    /// The path column of an emulated CYCLE clause.
    CyclePath { using: Ident, keys: Vec<usize> },
}

/// The name of the level column, which no user name can equal (`__cte_` names are the
/// renderer's).
pub(super) const LEVEL: &str = "__cte_level";

impl Extra {
    pub(super) fn hidden(&self) -> bool {
        matches!(self, Extra::Level)
    }

    fn write_name(&self, r: &mut Renderer<'_>) {
        match self {
            Extra::Level => r.write(LEVEL),
            Extra::Search { search, .. } => r.ident(&search.set),
            Extra::CycleMark { set, .. } => r.ident(set),
            Extra::CyclePath { using, .. } => r.ident(using),
        }
    }
}

/// Which member of the body a SELECT is.
#[derive(Clone, Copy)]
pub(super) enum Role {
    Anchor,
    /// A recursive member, reading the CTE's previous rows under this name.
    Member(Ident),
}

impl Planner<'_> {
    /// What to add to the recursive CTE `cte` with this body, if anything; the error when the
    /// body has a shape the additions cannot follow.
    pub(super) fn rewrite_plan(
        &self,
        cte: &Cte,
        members: &Members,
    ) -> Result<Option<Rewrite>, RenderError> {
        let mut extras = Vec::new();
        if self.limit != Limit::None && guards_levels(self.dialect) {
            extras.push(Extra::Level);
        }
        let emulate = !self.support().search_cycle;
        if emulate && (cte.search.is_some() || cte.cycle.is_some()) {
            self.check_search_cycle_dialect()?;
        }
        if extras.is_empty() && !(emulate && (cte.search.is_some() || cte.cycle.is_some())) {
            return Ok(None);
        }
        let mut selects = Vec::new();
        for (op, member, _) in &members.list {
            if members
                .compound_anchor
                .is_some_and(|anchor| std::ptr::eq(anchor, *member))
            {
                // An anchor written as one derived table (see `members.rs`): the level column
                // follows its `*`; SEARCH and CYCLE would need its items.
                if emulate && (cte.search.is_some() || cte.cycle.is_some()) {
                    if members.mixed_anchor {
                        self.mixed_unions()?;
                    }
                    return Err(self.unsupported(
                        "SEARCH or CYCLE on a recursive CTE whose anchor has INTERSECT or EXCEPT",
                        "write the anchor as one SELECT that lists its columns over a derived \
                         table: SELECT a.x FROM (... INTERSECT ...) AS a",
                    ));
                }
                if let Some(SetExpr::Select(first)) = members.compound_anchor.map(leftmost) {
                    selects.push(*first);
                }
                continue;
            }
            let SetExpr::Select(select) = member else {
                return Err(self.unsupported(
                    construct(
                        &extras,
                        "OPTION (MAXRECURSION n) on a recursive CTE with a VALUES or \
                         parenthesised part",
                        "SEARCH or CYCLE on a recursive CTE with a VALUES or parenthesised part",
                    ),
                    "write each part of the recursive CTE as a plain SELECT",
                ));
            };
            if !extras.is_empty() && *op == Some(SetOperator::Union { all: false }) {
                return Err(self.unsupported(
                    "OPTION (MAXRECURSION n) on a recursive CTE with UNION",
                    "the limit counts levels in an added column, which UNION would compare too; \
                     use UNION ALL",
                ));
            }
            selects.push(*select);
        }
        let columns = self.cte_columns(cte, &selects, &extras)?;
        if emulate {
            if let Some(search) = &cte.search {
                let keys = self.key_positions(&columns, search.by, "SEARCH clause")?;
                extras.push(Extra::Search {
                    search: *search,
                    keys,
                });
            }
            if let Some(cycle) = &cte.cycle {
                let keys = self.key_positions(&columns, cycle.columns, "CYCLE clause")?;
                let (value, default) = match &cycle.marks {
                    Some(marks) => (marks.value, marks.default),
                    None => (
                        Expr::Literal(Literal::Bool(true)),
                        Expr::Literal(Literal::Bool(false)),
                    ),
                };
                extras.push(Extra::CycleMark {
                    set: cycle.set,
                    value: Box::new(value),
                    default: Box::new(default),
                    keys: keys.clone(),
                    path: cycle.using,
                });
                extras.push(Extra::CyclePath {
                    using: cycle.using,
                    keys,
                });
            }
        }
        let compound = members.compound_anchor.map(leftmost);
        for select in &selects {
            if !compound
                .is_some_and(|c| matches!(c, SetExpr::Select(s) if std::ptr::eq(*s, *select)))
            {
                self.check_projection(cte, select, &extras)?;
            }
        }
        Ok(Some(Rewrite {
            name: cte.name,
            columns,
            extras,
        }))
    }

    /// The CTE's column names: its column list, or the names its first anchor gives.
    fn cte_columns(
        &self,
        cte: &Cte,
        selects: &[&Select],
        extras: &[Extra],
    ) -> Result<Vec<Ident>, RenderError> {
        if !cte.columns.is_empty() {
            return Ok(cte.columns.to_vec());
        }
        let anchor = selects
            .iter()
            .find(|s| !scope::select_mentions(s, &cte.name));
        let names: Option<Vec<Ident>> = anchor.and_then(|anchor| {
            anchor
                .projection
                .iter()
                .map(|item| match item {
                    SelectItem::Expr {
                        alias: Some(alias), ..
                    } => Some(*alias),
                    SelectItem::Expr {
                        expr: Expr::Column(name),
                        alias: None,
                    } => name.0.last().copied(),
                    _ => None,
                })
                .collect()
        });
        names.ok_or_else(|| {
            self.unsupported(
                construct(
                    extras,
                    "OPTION (MAXRECURSION n) on a recursive CTE whose columns have no names",
                    "SEARCH or CYCLE on a recursive CTE whose columns have no names",
                ),
                "name the CTE's columns in a column list: name (a, b) AS (...)",
            )
        })
    }

    /// The positions of `names` among the CTE's columns.
    fn key_positions(
        &self,
        columns: &[Ident],
        names: &[Ident],
        construct: &'static str,
    ) -> Result<Vec<usize>, RenderError> {
        names
            .iter()
            .map(|name| {
                columns
                    .iter()
                    .position(|c| same_name(c, name))
                    .ok_or_else(|| self.unsupported(construct, "name a column of the CTE"))
            })
            .collect()
    }

    /// A projection that the added columns can follow: no `*` that would take the added
    /// columns of the previous level along, and a plain item wherever a key column stands.
    fn check_projection(&self, cte: &Cte, select: &Select, extras: &[Extra]) -> Res {
        let member = scope::select_mentions(select, &cte.name);
        let reference = if member {
            self_reference(select.from, &cte.name)
        } else {
            None
        };
        let keyed = extras.iter().any(|e| !e.hidden());
        for item in select.projection {
            let spread = match item {
                SelectItem::Wildcard => member || keyed,
                SelectItem::QualifiedWildcard(name) => {
                    keyed
                        || matches!(
                            (name.0, reference),
                            ([q], Some(r)) if same_name(q, &r)
                        )
                }
                SelectItem::Expr { .. } => false,
            };
            if spread {
                return Err(self.unsupported(
                    if keyed {
                        "SEARCH or CYCLE with * in the recursive CTE"
                    } else {
                        "OPTION (MAXRECURSION n) with * over the recursive CTE in its member"
                    },
                    "list the columns instead of *",
                ));
            }
        }
        Ok(())
    }
}

impl Renderer<'_> {
    /// After a SELECT's items: the added columns, when `s` is a member of the CTE being
    /// rewritten.
    pub(super) fn rewrite_items(&mut self, s: &Select) -> Res {
        if !self.at_members() {
            return Ok(());
        }
        self.with_rewrite(|r, rewrite| r.write_extras(rewrite, s))
    }

    /// After the `*` of an anchor written as one derived table (see `members.rs`): the added
    /// columns, which the plan allows only hidden there.
    pub(super) fn anchor_extras(&mut self) -> Res {
        if !self.at_members() {
            return Ok(());
        }
        self.with_rewrite(|r, rewrite| {
            for extra in &rewrite.extras {
                if !extra.hidden() {
                    return Err(r.unsupported(
                        "SEARCH or CYCLE on a recursive CTE whose anchor has INTERSECT or EXCEPT",
                        "",
                    ));
                }
                r.write(", ");
                r.level_value(Role::Anchor)?;
                r.write(" AS ");
                extra.write_name(r);
            }
            Ok(())
        })
    }

    /// Whether the members of the recursive CTE being written are being written.
    fn at_members(&self) -> bool {
        self.recursive_body
            .as_ref()
            .is_some_and(|b| b.depth == self.depth)
    }

    /// Runs `f` on the rewrite of the recursive CTE being written, if it has one; what `f`
    /// writes is outside the rewrite.
    fn with_rewrite(&mut self, f: impl FnOnce(&mut Self, &Rewrite) -> Res) -> Res {
        let body = self.recursive_body.as_mut();
        let Some(rewrite) = body.and_then(|b| b.rewrite.take()) else {
            return Ok(());
        };
        let done = f(self, &rewrite);
        if let Some(body) = &mut self.recursive_body {
            body.rewrite = Some(rewrite);
        }
        done
    }

    fn write_extras(&mut self, rewrite: &Rewrite, s: &Select) -> Res {
        let role = self.role(rewrite, s)?;
        for extra in &rewrite.extras {
            self.write(", ");
            match extra {
                Extra::Level => self.level_value(role)?,
                Extra::Search { search, keys } => self.search_value(search, keys, s, role)?,
                Extra::CycleMark {
                    value,
                    default,
                    keys,
                    path,
                    ..
                } => self.cycle_mark_value(value, default, keys, path, s, role)?,
                Extra::CyclePath { using, keys } => self.cycle_path_value(using, keys, s, role)?,
            }
            self.write(" AS ");
            extra.write_name(self);
        }
        Ok(())
    }

    fn role(&self, rewrite: &Rewrite, s: &Select) -> Result<Role, RenderError> {
        if !scope::select_mentions(s, &rewrite.name) {
            return Ok(Role::Anchor);
        }
        // A member reads the CTE in its FROM clause (a compile-time check), under its alias or
        // its name.
        match self_reference(s.from, &rewrite.name) {
            Some(qualifier) => Ok(Role::Member(qualifier)),
            None => Err(self.unsupported(
                "a recursive member that reads its CTE outside its FROM clause",
                "join the CTE in the member's FROM clause",
            )),
        }
    }

    /// Whether `s` is a member that adds a condition to its WHERE clause.
    pub(super) fn has_member_filter(&self, s: &Select) -> bool {
        let rewrite = self
            .recursive_body
            .as_ref()
            .and_then(|b| b.rewrite.as_ref());
        self.at_members()
            && rewrite.is_some_and(|rewrite| {
                scope::select_mentions(s, &rewrite.name)
                    && rewrite
                        .extras
                        .iter()
                        .any(|e| matches!(e, Extra::CycleMark { .. }))
            })
    }

    /// The condition a member adds to its WHERE clause (see [`Self::has_member_filter`]).
    pub(super) fn member_filter(&mut self, s: &Select) -> Res {
        self.with_rewrite(|r, rewrite| r.write_filter(rewrite, s))
    }

    fn write_filter(&mut self, rewrite: &Rewrite, s: &Select) -> Res {
        let Role::Member(q) = self.role(rewrite, s)? else {
            return Ok(());
        };
        let marks = rewrite.extras.iter().filter_map(|e| match e {
            Extra::CycleMark { set, value, .. } => Some((set, value)),
            _ => None,
        });
        self.separated(" AND ", marks, |r, (set, value)| {
            r.cycle_filter(&q, set, value)
        })
    }

    /// The self-reference of a member written against the inner CTE: `__cte_r1 AS s`. Returns
    /// whether `name` was such a reference.
    pub(super) fn renamed_reference(
        &mut self,
        name: &crate::tree::ObjectName,
        alias: &Option<crate::tree::TableAlias>,
    ) -> Result<bool, RenderError> {
        let Some(body) = &self.recursive_body else {
            return Ok(false);
        };
        let (Some(rewrite), Some(internal)) = (&body.rewrite, &body.internal) else {
            return Ok(false);
        };
        let [single] = name.0 else { return Ok(false) };
        let shadowed = self
            .scopes_since(body.scope_len)
            .any(|ctes| ctes.iter().any(|c| same_name(&c.name, single)));
        if shadowed || !same_name(single, &rewrite.name) {
            return Ok(false);
        }
        if alias.as_ref().is_some_and(|a| !a.columns.is_empty()) {
            return Err(self.unsupported(
                "OPTION (MAXRECURSION n) with a column list on the recursive CTE's alias",
                "name the columns in the CTE's own column list",
            ));
        }
        let internal = Rc::clone(internal);
        let shown = alias.as_ref().map_or(*single, |a| a.name);
        self.write(&internal);
        self.write(" AS ");
        self.ident(&shown);
        Ok(true)
    }

    /// The column list of a rewritten CTE: its columns and the added ones.
    pub(super) fn rewritten_columns(&mut self, rewrite: &Rewrite) -> Res {
        self.write(" (");
        self.ident_list(&rewrite.columns)?;
        for extra in &rewrite.extras {
            self.write(", ");
            extra.write_name(self);
        }
        self.write(")");
        Ok(())
    }

    /// `, name (cols) AS (SELECT cols FROM __cte_r1)`: the CTE as the user sees it, without
    /// the hidden columns, under `written_name` where it has one instead of its own. `native`
    /// are the columns PostgreSQL's own SEARCH and CYCLE add.
    pub(super) fn visible_cte(
        &mut self,
        rewrite: &Rewrite,
        written_name: Option<&str>,
        internal: &str,
        native: &[Ident],
    ) -> Res {
        let visible: Vec<Ident> = rewrite
            .columns
            .iter()
            .copied()
            .chain(native.iter().copied())
            .collect();
        let columns = |r: &mut Self| -> Res {
            r.ident_list(&visible)?;
            for extra in rewrite.extras.iter().filter(|e| !e.hidden()) {
                r.write(", ");
                extra.write_name(r);
            }
            Ok(())
        };
        self.write(", ");
        match written_name {
            Some(name) => self.write(name),
            None => self.ident(&rewrite.name),
        }
        self.write(" (");
        columns(self)?;
        self.write(") AS (SELECT ");
        columns(self)?;
        self.write(" FROM ");
        self.write(internal);
        self.write(")");
        Ok(())
    }
}

/// The construct a rewrite with `extras` stands for, to name it in an error: the recursion limit
/// where it adds the level column (`level`), else SEARCH or CYCLE (`search_cycle`).
fn construct(extras: &[Extra], level: &'static str, search_cycle: &'static str) -> &'static str {
    if extras.iter().any(|e| matches!(e, Extra::Level)) {
        level
    } else {
        search_cycle
    }
}

/// The name a SELECT's FROM clause reads `cte` under (its alias, or its name), if it does.
pub(super) fn self_reference(from: &[TableWithJoins], cte: &Ident) -> Option<Ident> {
    fn factor(f: &TableFactor, cte: &Ident) -> Option<Ident> {
        match f {
            TableFactor::Table { name, alias } => match name.0 {
                [single] if same_name(single, cte) => {
                    Some(alias.as_ref().map_or(*single, |a| a.name))
                }
                _ => None,
            },
            TableFactor::Nested(t) => joined(t, cte),
            TableFactor::Derived { .. } => None,
        }
    }
    fn joined(t: &TableWithJoins, cte: &Ident) -> Option<Ident> {
        factor(&t.relation, cte).or_else(|| t.joins.iter().find_map(|j| factor(&j.relation, cte)))
    }
    from.iter().find_map(|t| joined(t, cte))
}

/// Whether the dialect is one whose recursion limit needs the level column.
pub(super) fn guards_levels(d: Dialect) -> bool {
    facts::support(d).level_column_limit
}
