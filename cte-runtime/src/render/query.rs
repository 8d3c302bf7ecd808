//! Queries: WITH, SELECT, VALUES, ORDER BY, LIMIT and OFFSET (set operations are in `set_op`).

use std::rc::Rc;

use super::binding::Enclosing;
use super::expr::Pos;
use super::order::Order;
use super::planner::RecursiveCte;
use super::recursive::Widen;
use super::typing::Typing;
use super::{RecursiveBody, Renderer, Res};
use crate::tree::{
    Cte, Cycle, Expr, Ident, List, Literal, Materialized, NullsOrder, OrderByItem, QueryExpr,
    Search, SearchOrder, Select, SelectItem, SetExpr, SortOrder, Statement, TableWithJoins,
};
use crate::{Dialect, RenderError};

/// What an ORDER BY belongs to, for the emulation of NULLS FIRST/LAST.
#[derive(Clone, Copy)]
pub(super) enum OrderOf<'a> {
    /// The ORDER BY of a query with this body.
    Query(&'a SetExpr),
    /// A window's ORDER BY.
    Window,
}

impl Renderer<'_> {
    /// A query: `[WITH ...] body [ORDER BY ...] [LIMIT ...]`.
    pub(super) fn query(&mut self, q: &QueryExpr) -> Res {
        if let Some(with) = &q.with {
            if self.depth > 0 && !self.support().nested_with {
                // Written in the statement's WITH (see `hoist.rs`).
                if !self.plan.hoisting.as_ref().is_some_and(|h| h.moves(with)) {
                    return Err(self.unsupported(
                        "WITH inside a subquery",
                        "SQL Server only takes WITH at the start of a statement; \
                         move the CTE to the statement's WITH",
                    ));
                }
                return self.in_scope(Some(with.ctes), |r| r.query_after_with(q));
            }
            self.around(Some(Enclosing::Bodies(with.ctes)), |r| {
                r.with(with.recursive, with.ctes.iter())
            })?;
            self.write(" ");
            let done = self.in_scope(Some(with.ctes), |r| r.query_after_with(q));
            self.unbind_with();
            done
        } else {
            self.query_after_with(q)
        }
    }

    /// A query without its WITH, which the caller has written (or moved elsewhere).
    pub(super) fn query_after_with(&mut self, q: &QueryExpr) -> Res {
        self.set_expr(&q.body)?;
        if !q.order_by.is_empty() {
            self.write(" ORDER BY ");
            self.order_by_items(q.order_by, OrderOf::Query(&q.body))?;
        }
        match self.dialect {
            Dialect::Postgres => self.limit_offset(q),
            Dialect::Sqlite => self.sqlite_limit_offset(q),
            Dialect::MySql | Dialect::MariaDb => self.mysql_limit_offset(q),
            Dialect::MsSql => self.mssql_offset_fetch(q),
        }
    }

    /// ` LIMIT n OFFSET m`, as written.
    fn limit_offset(&mut self, q: &QueryExpr) -> Res {
        if let Some(limit) = &q.limit {
            self.write(" LIMIT ");
            self.expr_typed(limit, Typing::Inferred)?;
        }
        if let Some(offset) = &q.offset {
            self.write(" OFFSET ");
            self.expr_typed(offset, Typing::Inferred)?;
        }
        Ok(())
    }

    /// A query in parentheses, one level deeper: a subquery or a derived table.
    pub(super) fn subquery(&mut self, q: &QueryExpr) -> Res {
        self.write("(");
        self.nested(|r| r.query(q))?;
        self.write(")");
        Ok(())
    }

    /// Runs `f` one query level deeper.
    pub(super) fn nested(&mut self, f: impl FnOnce(&mut Self) -> Res) -> Res {
        self.depth += 1;
        let done = f(self);
        self.depth -= 1;
        done
    }

    /// `WITH [RECURSIVE] cte, ...`. Its CTEs stay in sight (see `binding.rs`) until the caller,
    /// having written the query the WITH belongs to, calls `unbind_with`.
    pub(super) fn with(
        &mut self,
        recursive: bool,
        ctes: impl Iterator<Item = &'static Cte> + Clone,
    ) -> Res {
        if !self.support().nested_with && self.depth == 0 && self.plan.hoisting.is_some() {
            return self.with_hoisted(recursive);
        }
        self.write("WITH ");
        if recursive && self.support().recursive_keyword {
            self.write("RECURSIVE ");
        }
        self.bind_with(recursive, ctes.clone());
        let done = match self.cte_order(recursive, ctes.clone())? {
            Order::Written => self.comma_separated(ctes.enumerate(), |r, (i, cte)| {
                r.bound_cte(i, cte, recursive)
            }),
            Order::Positions(order) => {
                let ctes: Vec<&Cte> = ctes.collect();
                self.comma_separated(order, |r, i| r.bound_cte(i, ctes[i], recursive))
            }
        };
        self.with_bound();
        done
    }

    /// The CTE at `position` of the WITH being written, under its fresh name where it has one.
    fn bound_cte(&mut self, position: usize, cte: &Cte, recursive: bool) -> Res {
        let name = self.bound_cte_name(position);
        self.cte(cte, recursive, name)?;
        self.cte_bound(position);
        Ok(())
    }

    /// `name [(cols)] AS [[NOT] MATERIALIZED] (body) [SEARCH ...] [CYCLE ...]`, or its
    /// rewrite with added columns (see `rewrite.rs`); under `written_name` where it has one
    /// instead of its own (a moved or a renamed CTE's fresh name).
    pub(super) fn cte(&mut self, cte: &Cte, recursive: bool, written_name: Option<String>) -> Res {
        let support = self.support();
        // A CTE of a recursive WITH that reads itself: what the plan decided for it.
        let planned = if recursive {
            Some(self.planned_recursive_cte(cte)?).filter(|p| p.reads_itself)
        } else {
            None
        };
        if planned.is_some() {
            self.recursive_seen = true;
        }
        let plan = match &planned {
            Some(planned) => planned.rewrite.clone()?,
            None => None,
        };
        // Taken here, where the CTE is written, so that fresh names keep the text's order.
        let internal: Option<Rc<str>> = plan
            .as_ref()
            .filter(|plan| plan.hides_columns())
            .map(|_| self.fresh_name("r").into());
        match internal.as_deref().or(written_name.as_deref()) {
            Some(name) => self.write(name),
            None => self.ident(&cte.name),
        }
        match &plan {
            Some(plan) => self.rewritten_columns(plan)?,
            None if !cte.columns.is_empty() => {
                self.write(" (");
                self.ident_list(cte.columns)?;
                self.write(")");
            }
            None => {}
        }
        self.write(" AS ");
        if support.materialized {
            match cte.materialized {
                Materialized::Default => {}
                Materialized::Yes => self.write("MATERIALIZED "),
                Materialized::No => self.write("NOT MATERIALIZED "),
            }
        }
        self.write("(");
        match cte.body {
            Statement::Query(q) => {
                let body = match &planned {
                    Some(planned) => Some(RecursiveBody {
                        depth: self.depth + 1,
                        scope_len: self.scopes_len(),
                        widen: self.planned_widening(planned)?,
                        rewrite: plan.clone(),
                        internal: internal.clone(),
                        in_values: None,
                        name: cte.name,
                        written: internal
                            .clone()
                            .or_else(|| written_name.as_deref().map(Rc::from)),
                        anchor: planned.compound_anchor,
                        lateral: planned.lateral.clone(),
                        working: None,
                    }),
                    None => None,
                };
                let outer_body = std::mem::replace(&mut self.recursive_body, body);
                let done = self.nested(|r| r.query(q));
                self.recursive_body = outer_body;
                done?;
            }
            body if support.data_modifying_cte => {
                self.nested(|r| r.statement(body))?;
            }
            _ => {
                return Err(self.unsupported(
                    "INSERT, UPDATE or DELETE inside WITH",
                    "only PostgreSQL has data-modifying CTEs; run the statements one by one",
                ))
            }
        };
        self.write(")");
        let mut native = Vec::new();
        if let Some(search) = &cte.search {
            if support.search_cycle {
                self.search(search)?;
                native.push(search.set);
            } else if plan.is_none() {
                return Err(self.unsupported("SEARCH clause", "order by a path column instead"));
            }
        }
        if let Some(cycle) = &cte.cycle {
            if support.search_cycle {
                self.cycle(cycle)?;
                native.extend([cycle.set, cycle.using]);
            } else if plan.is_none() {
                return Err(self.unsupported(
                    "CYCLE clause",
                    "track the visited keys in a path column and stop on a repeat",
                ));
            }
        }
        if let (Some(plan), Some(internal)) = (&plan, &internal) {
            self.visible_cte(plan, written_name.as_deref(), internal, &native)?;
        }
        Ok(())
    }

    /// What the plan decided for `cte`, a CTE of a recursive WITH.
    pub(super) fn planned_recursive_cte(&self, cte: &Cte) -> Result<Rc<RecursiveCte>, RenderError> {
        self.plan
            .recursive_cte(cte)
            .ok_or_else(|| self.unsupported("internal: a recursive CTE the plan did not see", ""))
    }

    /// The widening the plan decided for a recursive CTE, which read the parameters' kinds.
    fn planned_widening(&self, planned: &RecursiveCte) -> Result<Option<Rc<Widen>>, RenderError> {
        if planned.kinds_read {
            self.kinds_used.set(true);
        }
        planned.widen.clone()
    }

    /// ` CYCLE col, ... SET col [TO v DEFAULT v] USING col`.
    fn cycle(&mut self, cycle: &Cycle) -> Res {
        self.write(" CYCLE ");
        self.ident_list(cycle.columns)?;
        self.write(" SET ");
        self.ident(&cycle.set);
        if let Some(marks) = &cycle.marks {
            self.write(" TO ");
            self.expr(&marks.value)?;
            self.write(" DEFAULT ");
            self.expr(&marks.default)?;
        }
        self.write(" USING ");
        self.ident(&cycle.using);
        Ok(())
    }

    fn search(&mut self, search: &Search) -> Res {
        self.write(match search.order {
            SearchOrder::Depth => " SEARCH DEPTH FIRST BY ",
            SearchOrder::Breadth => " SEARCH BREADTH FIRST BY ",
        });
        self.ident_list(search.by)?;
        self.write(" SET ");
        self.ident(&search.set);
        Ok(())
    }
}

impl Renderer<'_> {
    pub(super) fn select(&mut self, s: &Select) -> Res {
        self.write("SELECT");
        self.statement_keyword_written();
        self.write(" ");
        if s.distinct {
            self.write("DISTINCT ");
        }
        let star_tables = self.plan.star_tables(s)?;
        match self.widened_anchor(s) {
            Some(widen) => self.widened_items(&widen, s.projection, star_tables)?,
            None => self.select_items(s.projection, star_tables)?,
        }
        self.rewrite_items(s)?;
        if !s.from.is_empty() {
            self.write(" FROM ");
            self.from(s.from)?;
        }
        let filtered = self.has_member_filter(s);
        match &s.selection {
            Some(selection) if filtered => {
                self.write(" WHERE (");
                self.predicate(selection)?;
                self.write(") AND ");
                self.member_filter(s)?;
            }
            Some(selection) => {
                self.write(" WHERE ");
                self.predicate(selection)?;
            }
            None if filtered => {
                self.write(" WHERE ");
                self.member_filter(s)?;
            }
            None => {}
        }
        if !s.group_by.is_empty() {
            self.write(" GROUP BY ");
            self.comma_separated(s.group_by, Self::expr)?;
        }
        if let Some(having) = &s.having {
            self.write(" HAVING ");
            self.predicate(having)?;
        }
        Ok(())
    }

    /// The items of a SELECT or a RETURNING clause; a bare `*` is written as the `t.*` of
    /// each of `star_tables` where it has them (see `star.rs`).
    pub(super) fn select_items(
        &mut self,
        items: &[SelectItem],
        star_tables: Option<List<TableWithJoins>>,
    ) -> Res {
        self.comma_separated(items, |r, item| match item {
            SelectItem::Wildcard => match star_tables {
                Some(from) => r.star_as_tables(from),
                None => {
                    r.write("*");
                    Ok(())
                }
            },
            SelectItem::QualifiedWildcard(name) => {
                r.object_name(name);
                r.write(".*");
                Ok(())
            }
            SelectItem::Expr { expr, alias } => {
                r.expr(expr)?;
                if let Some(alias) = alias {
                    r.write(" AS ");
                    r.ident(alias);
                }
                Ok(())
            }
        })
    }

    /// ORDER BY items, with NULLS FIRST/LAST emulated by a leading sort key where the dialect
    /// lacks it.
    pub(super) fn order_by_items(&mut self, items: &[OrderByItem], of: OrderOf<'_>) -> Res {
        self.comma_separated(items, |r, item| {
            let native = r.support().nulls_order;
            if item.nulls != NullsOrder::Default && !native {
                if let Expr::Literal(Literal::Integer(_)) = item.expr {
                    return Err(r.unsupported(
                        "NULLS FIRST/LAST on a column position",
                        "order by the column's name or expression instead",
                    ));
                }
                let first = item.nulls == NullsOrder::First;
                match r.dialect {
                    Dialect::MsSql => r.mssql_nulls_key(&item.expr, first, of)?,
                    // MySQL and MariaDB: `x IS NULL` is 1 or 0, and sorts as such. (PostgreSQL
                    // and SQLite have the clause.)
                    Dialect::MySql | Dialect::MariaDb | Dialect::Postgres | Dialect::Sqlite => {
                        r.null_test_operand(&item.expr)?;
                        r.write(if first {
                            " IS NULL DESC, "
                        } else {
                            " IS NULL, "
                        });
                    }
                }
            }
            r.expr(&item.expr)?;
            match item.order {
                SortOrder::Default => {}
                SortOrder::Asc => r.write(" ASC"),
                SortOrder::Desc => r.write(" DESC"),
            }
            if native {
                let support = r.support();
                let descending = item.order == SortOrder::Desc;
                match item.nulls {
                    // NULL sorts below every value unless the query says otherwise.
                    NullsOrder::Default if support.nulls_sort_low => {}
                    NullsOrder::Default if descending => r.write(" NULLS LAST"),
                    NullsOrder::Default => r.write(" NULLS FIRST"),
                    NullsOrder::First => r.write(" NULLS FIRST"),
                    NullsOrder::Last => r.write(" NULLS LAST"),
                }
            }
            Ok(())
        })
    }

    /// `e` as the operand of `IS NULL`: parenthesised unless it is an atom.
    pub(super) fn null_test_operand(&mut self, e: &Expr) -> Res {
        if self.level(e, Pos::Value) == super::expr::Level::Atom {
            self.expr(e)
        } else {
            self.write("(");
            self.expr(e)?;
            self.write(")");
            Ok(())
        }
    }
}

/// Whether two names denote the same object: `cte_shared::same_name`, the rule the macro's
/// checks apply too.
pub(super) fn same_name(a: &Ident, b: &Ident) -> bool {
    cte_shared::same_name((a.value, a.raw), (b.value, b.raw))
}
