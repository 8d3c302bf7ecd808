//! What MySQL and MariaDB need written differently: LIMIT, VALUES, the multi-table UPDATE, subqueries
//! with LIMIT under IN, `*` after other select items, a parenthesised query with its own
//! WITH that reads an enclosing CTE, and the upsert as ON DUPLICATE KEY UPDATE. (CTEs moved or carried to where they are read, as
//! MariaDB's UPDATE/DELETE need, are in `moved.rs`.)
//! (Their recursion limits are in `limit.rs`.)

use std::ops::ControlFlow;

use super::expr::is_excluded;
use super::query::same_name;
use super::typing::Typing;
use super::values::reads_around;
use super::visit::{walk_expr, Flow, Visit};
use super::{Renderer, Res};
use crate::tree::{
    Assignment, ConflictAction, ConflictKey, Expr, Ident, Insert, List, ObjectName, OnConflict,
    QueryExpr, TableFactor, TableWithJoins, Update,
};

/// The largest row count, for OFFSET without LIMIT (the MySQL manual's own idiom).
const NO_LIMIT: &str = "18446744073709551615";

impl Renderer<'_> {
    /// ` LIMIT n OFFSET m`, where n and m must be literals or placeholders.
    pub(super) fn mysql_limit_offset(&mut self, q: &QueryExpr) -> Res {
        if q.limit.is_none() && q.offset.is_none() {
            return Ok(());
        }
        self.write(" LIMIT ");
        match &q.limit {
            Some(limit) => self.mysql_row_count(limit)?,
            None => self.write(NO_LIMIT),
        }
        if let Some(offset) = &q.offset {
            self.write(" OFFSET ");
            self.mysql_row_count(offset)?;
        }
        Ok(())
    }

    fn mysql_row_count(&mut self, e: &Expr) -> Res {
        match e {
            Expr::Literal(crate::tree::Literal::Integer(_)) | Expr::Param(_) => self.expr(e),
            _ => Err(self.unsupported(
                "an expression in LIMIT or OFFSET",
                "LIMIT and OFFSET take only a number or a parameter here; compute the value in Rust",
            )),
        }
    }

    /// MySQL's VALUES list as a query: `VALUES ROW(a, b), ROW(c, d)`.
    pub(super) fn mysql_values(&mut self, rows: &[List<Expr>]) -> Res {
        self.write("VALUES ");
        self.comma_separated(rows, |r, row| {
            r.write("ROW");
            r.values_row(row, Typing::Value)
        })
    }

    /// MariaDB's VALUES list as a query. MariaDB 10.11 reads a bare placeholder in a VALUES
    /// list as an empty string, and refuses a column of an outer query there ("Field reference
    /// can't be used in table value constructor", "Unknown column" from a subquery): such rows
    /// are written as SELECTs.
    pub(super) fn mariadb_values(&mut self, rows: &[List<Expr>]) -> Res {
        if !rows.iter().flat_map(|r| r.iter()).any(reads_around) {
            return self.values_rows(rows, Typing::Value);
        }
        self.separated(" UNION ALL ", rows, |r, row| {
            r.write("SELECT ");
            r.comma_separated(row.iter().enumerate(), |r, (i, e)| {
                r.values_item(i, e, Typing::Value)
            })
        })
    }

    /// `IN (subquery)`: MySQL and MariaDB reject LIMIT in such a subquery, but not in a
    /// derived table inside it, which means the same.
    pub(super) fn in_subquery(&mut self, q: &QueryExpr) -> Res {
        let limited = q.limit.is_some() || q.offset.is_some();
        if !limited || self.support().limit_in_in_subquery {
            return self.subquery(q);
        }
        self.write("(SELECT * FROM ");
        self.nested(|r| r.derived(q, None))?;
        self.write(")");
        Ok(())
    }

    /// A parenthesised query with its own WITH, as a set operation's operand or a query's
    /// body: MariaDB 10.11 takes no WITH after a bare `(` there, and MySQL's manual shows none
    /// in a parenthesised query expression. A derived table takes one and reads the same rows:
    /// `SELECT * FROM (WITH ... SELECT ...) AS __cte_d1`. A derived table may drop an ORDER BY
    /// that has no LIMIT, and the order may choose the rows of an outer LIMIT: such an ORDER BY
    /// gets the largest LIMIT, which keeps it.
    pub(super) fn parenthesised_with(&mut self, q: &QueryExpr) -> Res {
        self.write("SELECT * FROM (");
        self.nested(|r| {
            r.query(q)?;
            if !q.order_by.is_empty() && q.limit.is_none() && q.offset.is_none() {
                r.write(" LIMIT ");
                r.write(NO_LIMIT);
            }
            Ok(())
        })?;
        self.write(") AS ");
        self.generated_alias("d");
        Ok(())
    }

    /// A bare `*` after other select items, which MySQL and MariaDB reject: `a.*, b.*` for each
    /// FROM item in order, the same columns (a USING join is refused before, in `star.rs`).
    pub(super) fn star_as_tables(&mut self, from: &[TableWithJoins]) -> Res {
        let mut names = Vec::new();
        for item in from {
            if !star_names(&item.relation, &mut names)
                || !item
                    .joins
                    .iter()
                    .all(|j| star_names(&j.relation, &mut names))
            {
                return Err(self.unsupported(
                    "* after other select items over a subquery without an alias",
                    "this engine takes * only as the first select item; give the subquery an \
                     alias, or put * first",
                ));
            }
        }
        self.comma_separated(names, |r, name| {
            match name {
                StarName::Table(name) => r.object_name(name),
                StarName::Alias(alias) => r.ident(alias),
            }
            r.write(".*");
            Ok(())
        })
    }

    /// `UPDATE t [AS a][, from...] SET t.c = v [WHERE ...]`.
    pub(super) fn mysql_update(&mut self, u: &Update) -> Res {
        // UPDATE t SET a = b, b = a
        // -- swaps on PostgreSQL, SQLite and SQL Server; sets both to b on MySQL and MariaDB.
        if reads_a_column_set_before(u.assignments, Proposed::None) {
            return Err(self.unsupported(
                "UPDATE SET with a value that reads a column set before it",
                "MySQL and MariaDB assign left to right, so a later value reads the new value \
                 where the other engines read the old one; compute the new values first (in a \
                 CTE joined with UPDATE ... FROM), or reorder the assignments",
            ));
        }
        self.update_target(u);
        for item in u.from {
            self.write(", ");
            self.table_with_joins(item)?;
        }
        self.write(" SET ");
        self.assignments(u, !u.from.is_empty())?;
        self.where_clause(u.selection.as_ref())
    }
}

impl Renderer<'_> {
    /// ` ON DUPLICATE KEY UPDATE ...` for `INSERT ... ON CONFLICT`, where it means the same.
    ///
    /// It fires on a conflict on any unique key of the table, so it stands for `ON CONFLICT
    /// (cols)` only where the schema showed `cols` to be the table's one unique key (see
    /// `ConflictKey`); without a conflict target it means what ON CONFLICT does. DO NOTHING
    /// becomes `t.c = t.c`, which leaves the row as it was: `INSERT IGNORE` would also turn other
    /// errors (a NULL in a NOT NULL column, a value out of range) into warnings. `excluded.c`
    /// is `VALUES(c)`, the value the INSERT proposed for `c`, on every MySQL 8.0 and MariaDB
    /// and for a SELECT source too (MySQL's row alias takes neither 8.0.18 nor a SELECT). The
    /// columns set are qualified by the table: a SELECT source may have columns of their names.
    pub(super) fn duplicate_key(&mut self, i: &Insert, c: &OnConflict) -> Res {
        if !c.columns.is_empty() {
            match c.key {
                ConflictKey::Only => {}
                ConflictKey::Unknown => {
                    return Err(self.unsupported(
                        "INSERT ... ON CONFLICT (cols) without a schema",
                        "ON DUPLICATE KEY UPDATE fires on a conflict on any unique key of the \
                         table, not only on the columns named, and without a schema the \
                         table's unique keys are unknown; name the schema files in Cargo.toml \
                         ([package.metadata.cte] schema = \"...\") so that these columns can be \
                         seen to be its only unique key",
                    ))
                }
                ConflictKey::NotOnly => {
                    return Err(self.unsupported(
                        "INSERT ... ON CONFLICT (cols) on a table with another unique key",
                        "ON DUPLICATE KEY UPDATE fires on a conflict on any unique key of the \
                         table, and the schema shows one other than the columns named; \
                         handle the conflict in a separate UPDATE, or drop the other key",
                    ))
                }
            }
        }
        if !i.returning.is_empty() {
            return Err(self.unsupported(
                "RETURNING on INSERT ... ON CONFLICT",
                "MariaDB also returns a row for each conflicting row, even one left as it was; \
                 read the rows with a SELECT in the same transaction",
            ));
        }
        self.write(" ON DUPLICATE KEY UPDATE ");
        match &c.action {
            ConflictAction::Nothing => {
                let Some(column) = c.columns.first().or(i.columns.first()) else {
                    return Err(self.unsupported(
                        "ON CONFLICT DO NOTHING without the INSERT's columns",
                        "it is written as ON DUPLICATE KEY UPDATE c = c, which needs a column: \
                         name the INSERT's columns",
                    ));
                };
                self.object_name(&i.table);
                self.write(".");
                self.ident(column);
                self.write(" = ");
                self.object_name(&i.table);
                self.write(".");
                self.ident(column);
                Ok(())
            }
            ConflictAction::Update {
                assignments,
                selection,
            } => {
                if selection.is_some() {
                    return Err(self.unsupported(
                        "ON CONFLICT DO UPDATE ... WHERE",
                        "ON DUPLICATE KEY UPDATE has no condition, and one repeated in each \
                         assignment would read the columns that the assignments before it \
                         changed; move the condition into a separate UPDATE",
                    ));
                }
                let with = i.with.is_some() || i.source.with.is_some();
                if with && assignments.iter().any(|a| has_subquery(&a.value)) {
                    return Err(self.unsupported(
                        "a subquery in DO UPDATE SET after a WITH",
                        "the WITH goes on the INSERT's query there, where ON DUPLICATE KEY \
                         UPDATE does not see its CTEs, and a table of a CTE's name would be \
                         read instead; compute the value in the INSERT's query",
                    ));
                }
                if reads_a_column_set_before(assignments, Proposed::Excluded) {
                    return Err(self.unsupported(
                        "DO UPDATE SET with a value that reads a column set before it",
                        "ON DUPLICATE KEY UPDATE assigns left to right, so a later value reads \
                         the new value where PostgreSQL and SQLite read the old one; read the \
                         proposed value as excluded.c, or reorder the assignments",
                    ));
                }
                self.excluded_as_values = true;
                let done = self.set_list(assignments, Some(&i.table));
                self.excluded_as_values = false;
                done
            }
        }
    }
}

/// Whether `e` holds a subquery.
fn has_subquery(e: &Expr) -> bool {
    struct Finds;
    impl<'a> Visit<'a> for Finds {
        type Break = ();
        fn visit_query(&mut self, _q: &'a QueryExpr) -> Flow<()> {
            ControlFlow::Break(())
        }
    }
    Finds.visit_expr(e).is_break()
}

/// Whether `excluded.c` names the proposed row (in DO UPDATE), which no assignment changes, or
/// is a column like any other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Proposed {
    Excluded,
    None,
}

/// Whether a value of `assignments` reads a column that an assignment before it sets, other
/// than the proposed row's `excluded.c`. Any column of that name counts, in a subquery too: a
/// refusal where the name meant another table's column is the safe side.
fn reads_a_column_set_before(assignments: &[Assignment], proposed: Proposed) -> bool {
    struct Reads<'s> {
        set: &'s [Assignment],
        proposed: Proposed,
    }
    impl<'a> Visit<'a> for Reads<'_> {
        type Break = ();
        fn visit_expr(&mut self, e: &'a Expr) -> Flow<()> {
            walk_expr(self, e)
        }
        fn visit_column(&mut self, name: &'a ObjectName) -> Flow<()> {
            let read = match name.0 {
                [qualifier, _] if self.proposed == Proposed::Excluded && is_excluded(qualifier) => {
                    None
                }
                parts => parts.last(),
            };
            match read {
                Some(c) if self.set.iter().any(|a| same_name(&a.column, c)) => {
                    ControlFlow::Break(())
                }
                _ => ControlFlow::Continue(()),
            }
        }
    }
    (1..assignments.len()).any(|k| {
        let mut reads = Reads {
            set: &assignments[..k],
            proposed,
        };
        reads.visit_expr(&assignments[k].value).is_break()
    })
}

/// The name a FROM item's columns are read by.
enum StarName<'t> {
    Table(&'t ObjectName),
    Alias(&'t Ident),
}

/// Adds the names of `factor`'s tables, in order; false when one has none.
fn star_names<'t>(factor: &'t TableFactor, out: &mut Vec<StarName<'t>>) -> bool {
    match factor {
        TableFactor::Table {
            alias: Some(alias), ..
        }
        | TableFactor::Derived {
            alias: Some(alias), ..
        } => out.push(StarName::Alias(&alias.name)),
        TableFactor::Table { name, alias: None } => out.push(StarName::Table(name)),
        TableFactor::Derived { alias: None, .. } => return false,
        TableFactor::Nested(inner) => {
            return star_names(&inner.relation, out)
                && inner.joins.iter().all(|j| star_names(&j.relation, out));
        }
    }
    true
}
