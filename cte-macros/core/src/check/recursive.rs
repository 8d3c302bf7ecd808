//! The structure of recursive CTEs: `anchor UNION [ALL] recursive member(s)`, where only the
//! members read the CTE, each once, at the top of its FROM clause, and without the constructs
//! that would need the whole result at once.
//!
//! The rules are those every engine shares (PostgreSQL, MySQL, MariaDB, SQLite, SQL Server):
//! what one of them refuses, or runs with a different meaning, is an error here.

use std::ptr;

use proc_macro2::Span;

use super::resolve::Bindings;
use super::Ctxt;
use crate::ast::visit::{self, Visit};
use crate::ast::{
    Cte, Expr, Function, FunctionArgs, JoinConstraint, JoinKind, Query, Select, SetExpr,
    SetOperator, Statement, TableFactor, TableWithJoins, With,
};

pub(crate) fn check(cx: &Ctxt, bindings: &Bindings<'_>, stmt: &Statement) {
    Recursive { cx, bindings }.visit_statement(stmt);
}

struct Recursive<'c, 'a> {
    cx: &'c Ctxt,
    bindings: &'c Bindings<'a>,
}

impl<'a> Visit<'a> for Recursive<'_, 'a> {
    fn visit_with(&mut self, with: &'a With) {
        for cte in &with.ctes {
            let Some(body) = cte.written() else {
                continue;
            };
            let reads = Reads::of(self.bindings, cte, |r| r.visit_statement(body));
            if with.recursive.is_none() || reads.is_empty() {
                self.search_and_cycle(cte, with);
            } else {
                self.recursive_cte(cte, body, &reads);
            }
            self.visit_cte(cte);
        }
    }
}

impl<'a> Recursive<'_, 'a> {
    // WITH RECURSIVE t(id) AS (SELECT 1) SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t
    // -- SEARCH and CYCLE order and stop a recursion; PostgreSQL refuses them on other CTEs.
    fn search_and_cycle(&self, cte: &Cte, with: &With) {
        if cte.search.is_none() && cte.cycle.is_none() {
            return;
        }
        let why = if with.recursive.is_some() {
            format!("`{}` does not read itself", cte.name)
        } else {
            "this WITH clause is not RECURSIVE".to_owned()
        };
        let clauses = cte
            .search
            .iter()
            .map(|s| ("SEARCH", s.search_token))
            .chain(cte.cycle.iter().map(|c| ("CYCLE", c.cycle_token)));
        for (clause, span) in clauses {
            self.cx.error(
                span,
                format!(
                    "{clause} needs a recursive CTE, and {why}\n\
                     help: remove the {clause} clause, or make `{name}` recursive: an anchor, \
                     UNION ALL, and a query that reads `{name}`",
                    name = cte.name
                ),
            );
        }
    }

    fn recursive_cte(&self, cte: &'a Cte, body: &'a Statement, reads: &[Read]) {
        let name = &cte.name;
        let Statement::Query(query) = body else {
            // WITH RECURSIVE t AS (DELETE FROM a WHERE id IN (SELECT id FROM t) RETURNING id)
            // -- a data-modifying statement cannot be the body of a recursion.
            if let Some(read) = reads.first() {
                self.cx.error(
                    read.span,
                    format!(
                        "CTE `{name}` reads itself, but its body is not a query\n\
                         help: a recursive CTE is `anchor UNION [ALL] recursive member`, both \
                         SELECT queries"
                    ),
                );
            }
            return;
        };
        // WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t ORDER BY n LIMIT 5)
        // -- ORDER BY, LIMIT and OFFSET of the whole recursion: PostgreSQL refuses them.
        self.query_clauses(cte, query);

        let mut parts = Vec::new();
        let mut ops = Vec::new();
        self.flatten(cte, &query.body, &mut parts, &mut ops);
        // WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM t) SELECT * FROM t
        // -- only UNION [ALL] joins an anchor to its recursive members. The anchor's own
        // queries may be joined by any set operation: `flatten` keeps the anchor whole.
        for (op, span) in ops {
            let op = match op {
                SetOperator::Union { .. } => continue,
                SetOperator::Intersect { .. } => "INTERSECT",
                SetOperator::Except { .. } => "EXCEPT",
            };
            self.cx.error(
                span,
                format!(
                    "{op} joins the parts of recursive CTE `{name}`\n\
                     note: only UNION or UNION ALL may join the anchor and the recursive members\n\
                     help: use UNION ALL here; {op} may combine the queries of the anchor, \
                     before the first part that reads `{name}`"
                ),
            );
        }

        let part_reads: Vec<Vec<Read>> = parts
            .iter()
            .map(|part| Reads::of(self.bindings, cte, |r| r.visit_set_expr(part)))
            .collect();
        let Some((anchor, members)) = part_reads.split_first() else {
            return;
        };
        if let Some(read) = anchor.first() {
            // WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t
            // -- the anchor gives the rows the recursion starts from; it cannot read them.
            let message = if members.is_empty() {
                format!(
                    "CTE `{name}` reads itself, but its body has no anchor\n\
                     note: a recursive CTE is `anchor UNION [ALL] recursive member`, and the \
                     anchor, which gives the first rows, does not read the CTE\n\
                     help: start the body with a query that does not read `{name}`, then \
                     UNION ALL and this query"
                )
            } else {
                format!(
                    "the anchor of recursive CTE `{name}` reads `{name}`\n\
                     note: the first part of the body, before UNION, is the anchor: it gives \
                     the rows the recursion starts from, and cannot read the CTE\n\
                     help: start the body with a query that does not read `{name}`"
                )
            };
            self.cx.error(read.span, message);
        } else {
            // WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t UNION ALL SELECT 9)
            // -- an anchor after a recursive member: PostgreSQL and SQLite refuse it.
            let first_member = part_reads.iter().position(|reads| !reads.is_empty());
            let late_anchors = parts
                .iter()
                .zip(&part_reads)
                .skip(first_member.map_or(parts.len(), |i| i + 1))
                .filter(|(_, reads)| reads.is_empty());
            for (part, _) in late_anchors {
                self.cx.error(
                    part_token(part),
                    format!(
                        "this part of recursive CTE `{name}` does not read `{name}`, but comes \
                         after a recursive member\n\
                         note: the anchor parts come first, then the recursive members\n\
                         help: move this part before the first part that reads `{name}`"
                    ),
                );
            }
        }
        for (part, reads) in parts.iter().zip(&part_reads).skip(1) {
            if !reads.is_empty() {
                self.member_reads(cte, reads);
                Forbidden { cx: self.cx, cte }.set_expr(part);
            }
        }
    }

    fn query_clauses(&self, cte: &Cte, query: &Query) {
        let clauses = [
            query.order_by.as_ref().map(|o| ("ORDER BY", o.token)),
            query.limit.as_ref().map(|l| ("LIMIT", l.token)),
            query.offset.as_ref().map(|o| ("OFFSET", o.token)),
        ];
        for (clause, span) in clauses.into_iter().flatten() {
            self.cx.error(span, clause_message(clause, cte));
        }
    }

    /// The reads of the CTE by one recursive member.
    fn member_reads(&self, cte: &Cte, reads: &[Read]) {
        let name = &cte.name;
        for (i, read) in reads.iter().enumerate() {
            if read.in_subquery {
                // ... UNION ALL SELECT n + 1 FROM a WHERE a.id IN (SELECT n FROM t)
                // -- engines run a recursive member once per step, joined to the last step.
                self.cx.error(
                    read.span,
                    format!(
                        "recursive CTE `{name}` is read inside a subquery of its recursive member\n\
                         note: PostgreSQL, MySQL and SQLite refuse a recursive reference inside \
                         a subquery\n\
                         help: join `{name}` in the FROM clause of the recursive member instead"
                    ),
                );
            } else if let Some(join) = read.nullable {
                // ... UNION ALL SELECT a.id FROM a LEFT JOIN t ON t.id = a.parent
                // -- the outer join would pad the recursion with NULL rows: engines refuse it.
                let (join, fix) = match join {
                    JoinKind::Left => ("LEFT", "put `{name}` on the left of the LEFT JOIN"),
                    JoinKind::Right => ("RIGHT", "put `{name}` on the right of the RIGHT JOIN"),
                    _ => ("FULL", "use a LEFT JOIN with `{name}` on its left"),
                };
                let fix = fix.replace("{name}", &name.to_string());
                self.cx.error(
                    read.span,
                    format!(
                        "recursive CTE `{name}` is on the nullable side of a {join} JOIN\n\
                         note: PostgreSQL, MySQL and SQLite refuse a recursive reference that \
                         an outer join can pad with NULLs\n\
                         help: use an inner JOIN, or {fix}"
                    ),
                );
            } else if i > 0 {
                // ... UNION ALL SELECT a.n FROM t a JOIN t b ON a.n = b.n + 1
                // -- one recursive reference per member: PostgreSQL, MySQL and SQLite refuse more.
                self.cx.error(
                    read.span,
                    format!(
                        "this recursive member reads `{name}` a second time\n\
                         note: PostgreSQL, MySQL and SQLite allow one reference to the recursive \
                         CTE in each recursive member\n\
                         help: split it into recursive members joined by UNION ALL, each \
                         reading `{name}` once"
                    ),
                );
            }
        }
    }
}

fn clause_message(clause: &str, cte: &Cte) -> String {
    let name = &cte.name;
    let help = if clause == "ORDER BY" {
        format!(
            "order the rows in the query that reads `{name}`, or give `{name}` a \
             SEARCH DEPTH FIRST or BREADTH FIRST clause"
        )
    } else {
        format!(
            "end the recursion with a condition in the WHERE clause of the recursive member \
             (a depth limit, say), or put the {clause} on the query that reads `{name}`"
        )
    };
    let note = if clause == "ORDER BY" {
        "PostgreSQL, MySQL and SQL Server refuse ORDER BY in a recursive CTE, and SQLite gives \
         it another meaning"
    } else {
        "PostgreSQL and SQL Server refuse it in a recursive CTE"
    };
    format!("{clause} in recursive CTE `{name}`\nnote: {note}\nhelp: {help}")
}

impl<'a> Recursive<'_, 'a> {
    /// The parts of a body joined by set operations (through plain parentheses), and the
    /// operators between them: `ops[i]` joins `parts[i]` and `parts[i + 1]`. A part that does
    /// not read `cte` is not split: the queries before the first recursive member are one
    /// anchor, whatever set operations join them.
    fn flatten(
        &self,
        cte: &'a Cte,
        body: &'a SetExpr,
        parts: &mut Vec<&'a SetExpr>,
        ops: &mut Vec<(SetOperator, Span)>,
    ) {
        if Reads::of(self.bindings, cte, |r| r.visit_set_expr(body)).is_empty() {
            parts.push(body);
            return;
        }
        match body {
            SetExpr::SetOp {
                op,
                op_token,
                left,
                right,
            } => {
                self.flatten(cte, left, parts, ops);
                ops.push((*op, *op_token));
                self.flatten(cte, right, parts, ops);
            }
            SetExpr::Query { query, .. }
                if query.with.is_none()
                    && query.order_by.is_none()
                    && query.limit.is_none()
                    && query.offset.is_none() =>
            {
                self.flatten(cte, &query.body, parts, ops);
            }
            _ => parts.push(body),
        }
    }
}

/// The first keyword of a part: its `SELECT`, `VALUES` or opening parenthesis.
pub(super) fn part_token(part: &SetExpr) -> Span {
    match part {
        SetExpr::Select(select) => select.select_token,
        SetExpr::Values(values) => values.values_token,
        SetExpr::Query { paren_token, .. } => *paren_token,
        SetExpr::SetOp { left, .. } => part_token(left),
    }
}

/// One place where a CTE's body reads the CTE.
struct Read {
    span: Span,
    /// Inside a subquery, a derived table or the body of a nested CTE.
    in_subquery: bool,
    /// On the nullable side of this outer join.
    nullable: Option<JoinKind>,
}

/// Collects the [`Read`]s of `cte` in source order.
struct Reads<'c, 'a> {
    bindings: &'c Bindings<'a>,
    cte: &'a Cte,
    found: Vec<Read>,
    subqueries: usize,
    nullable: Option<JoinKind>,
}

impl<'c, 'a> Reads<'c, 'a> {
    fn of(bindings: &'c Bindings<'a>, cte: &'a Cte, walk: impl FnOnce(&mut Self)) -> Vec<Read> {
        let mut reads = Reads {
            bindings,
            cte,
            found: Vec::new(),
            subqueries: 0,
            nullable: None,
        };
        walk(&mut reads);
        reads.found
    }

    fn subquery(&mut self, walk: impl FnOnce(&mut Self)) {
        self.subqueries += 1;
        walk(self);
        self.subqueries -= 1;
    }
}

impl<'a> Visit<'a> for Reads<'_, 'a> {
    fn visit_with(&mut self, with: &'a With) {
        self.subquery(|r| visit::walk_with(r, with));
    }

    fn visit_table_with_joins(&mut self, table: &'a TableWithJoins) {
        // A factor is nullable when its own join is LEFT or FULL, or when a later RIGHT or
        // FULL join has it on its left side.
        let factors = std::iter::once((&table.relation, None))
            .chain(table.joins.iter().map(|j| (&j.relation, Some(j.kind))));
        for (i, (factor, kind)) in factors.enumerate() {
            let own = kind.filter(|k| matches!(k, JoinKind::Left | JoinKind::Full));
            let later = table
                .joins
                .iter()
                .skip(i)
                .map(|j| j.kind)
                .find(|k| matches!(k, JoinKind::Right | JoinKind::Full));
            let outer = self.nullable;
            self.nullable = outer.or(own).or(later);
            self.visit_table_factor(factor);
            self.nullable = outer;
        }
        for join in &table.joins {
            if let JoinConstraint::On(expr) = &join.constraint {
                self.visit_expr(expr);
            }
        }
    }

    fn visit_table_factor(&mut self, factor: &'a TableFactor) {
        match factor {
            TableFactor::Table { name, .. } => {
                if self
                    .bindings
                    .cte(name)
                    .is_some_and(|c| ptr::eq(c, self.cte))
                {
                    self.found.push(Read {
                        span: name.span(),
                        in_subquery: self.subqueries > 0,
                        nullable: self.nullable,
                    });
                }
            }
            TableFactor::Derived { .. } => {
                self.subquery(|r| visit::walk_table_factor(r, factor));
            }
            TableFactor::Nested { .. } => visit::walk_table_factor(self, factor),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Subquery { .. } | Expr::Exists { .. } | Expr::InSubquery { .. } => {
                self.subquery(|r| visit::walk_expr(r, expr));
            }
            _ => visit::walk_expr(self, expr),
        }
    }
}

/// Reports what a recursive member may not use: aggregates, window functions, GROUP BY,
/// HAVING, DISTINCT, ORDER BY, LIMIT and OFFSET. Subqueries of the member may use them.
struct Forbidden<'c> {
    cx: &'c Ctxt,
    cte: &'c Cte,
}

impl Forbidden<'_> {
    fn set_expr(&mut self, part: &SetExpr) {
        match part {
            SetExpr::Select(select) => self.select(select),
            SetExpr::Values(_) => {}
            SetExpr::Query { query, .. } => {
                for clause in [
                    query.order_by.as_ref().map(|o| ("ORDER BY", o.token)),
                    query.limit.as_ref().map(|l| ("LIMIT", l.token)),
                    query.offset.as_ref().map(|o| ("OFFSET", o.token)),
                ]
                .into_iter()
                .flatten()
                {
                    self.cx.error(clause.1, clause_message(clause.0, self.cte));
                }
                self.set_expr(&query.body);
            }
            SetExpr::SetOp { left, right, .. } => {
                self.set_expr(left);
                self.set_expr(right);
            }
        }
    }

    fn select(&mut self, select: &Select) {
        let name = &self.cte.name;
        // ... UNION ALL SELECT DISTINCT n + 1 FROM t
        // -- MySQL refuses it; elsewhere it drops duplicates within one step only.
        if let Some(span) = select.distinct {
            self.cx.error(
                span,
                format!(
                    "DISTINCT in the recursive member of `{name}`\n\
                     note: MySQL and SQL Server refuse it, and elsewhere it drops duplicates \
                     within one step of the recursion only\n\
                     help: join the parts with UNION instead of UNION ALL to drop duplicate rows"
                ),
            );
        }
        // ... UNION ALL SELECT max(n) + 1 FROM t GROUP BY n
        // -- a member runs on one step's rows at a time: grouping there has no meaning.
        for (clause, span) in [
            select.group_by.as_ref().map(|g| ("GROUP BY", g.token)),
            select.having.as_ref().map(|h| ("HAVING", h.token)),
        ]
        .into_iter()
        .flatten()
        {
            self.cx.error(span, grouping_message(clause, name));
        }
        visit::walk_select(self, select);
    }
}

fn grouping_message(what: &str, name: &crate::ast::Ident) -> String {
    format!(
        "{what} in the recursive member of `{name}`\n\
         note: a recursive member runs on the rows of one step at a time; PostgreSQL, MySQL \
         and SQLite refuse grouping and aggregates there\n\
         help: group and aggregate in the query that reads `{name}`"
    )
}

impl<'a> Visit<'a> for Forbidden<'_> {
    /// Subqueries of a member are queries of their own.
    fn visit_query(&mut self, _: &'a Query) {}

    fn visit_function(&mut self, function: &'a Function) {
        let name = &self.cte.name;
        if let Some(f) = function.name.last() {
            if function.over.is_some() {
                // ... UNION ALL SELECT n + 1, row_number() OVER (ORDER BY n) FROM t
                // -- window functions need the whole result: engines refuse them here.
                self.cx.error(
                    f.span,
                    format!(
                        "window function `{f}` in the recursive member of `{name}`\n\
                         note: PostgreSQL, MySQL and SQLite refuse window functions in a \
                         recursive member\n\
                         help: compute it in the query that reads `{name}`"
                    ),
                );
            } else if is_aggregate(function) {
                self.cx
                    .error(f.span, grouping_message(&format!("aggregate `{f}`"), name));
            }
        }
        visit::walk_function(self, function);
    }
}

/// Aggregate functions of the supported engines. `min` and `max` with several arguments are
/// SQLite's scalar functions.
pub(super) fn is_aggregate(function: &Function) -> bool {
    const AGGREGATES: &[&str] = &[
        "any_value",
        "array_agg",
        "avg",
        "bit_and",
        "bit_or",
        "bit_xor",
        "bool_and",
        "bool_or",
        "checksum_agg",
        "count",
        "count_big",
        "every",
        "group_concat",
        "json_agg",
        "json_arrayagg",
        "json_group_array",
        "json_group_object",
        "json_object_agg",
        "json_objectagg",
        "jsonb_agg",
        "jsonb_object_agg",
        "listagg",
        "max",
        "min",
        "percentile_cont",
        "percentile_disc",
        "stddev",
        "stddev_pop",
        "stddev_samp",
        "stdev",
        "stdevp",
        "string_agg",
        "sum",
        "total",
        "var",
        "var_pop",
        "var_samp",
        "variance",
        "varp",
        "xmlagg",
    ];
    let Some(name) = function.name.last() else {
        return false;
    };
    let name = name.value.to_ascii_lowercase();
    if !AGGREGATES.contains(&name.as_str()) {
        return false;
    }
    match &function.args {
        FunctionArgs::Star => true,
        FunctionArgs::List { distinct, args } => {
            !matches!(name.as_str(), "min" | "max") || args.len() == 1 || distinct.is_some()
        }
    }
}
