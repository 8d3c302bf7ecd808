//! What SQL Server needs written differently: no boolean values, OFFSET/FETCH, APPLY instead
//! of LATERAL, VALUES only as a derived table, `UPDATE a ... FROM t AS a` and LIKE's `[`
//! classes. (Its recursion limit is in `limit.rs`.)

use super::expr::{Level, Pos};
use super::from::is_lateral;
use super::query::{same_name, OrderOf};
use super::{Renderer, Res};
use crate::tree::{
    Expr, Ident, Join, JoinConstraint, JoinKind, List, Literal, QueryExpr, SelectItem, SetExpr,
    TableFactor, TableWithJoins, Update,
};

impl Renderer<'_> {
    /// A predicate where a value is expected (`SELECT a = b`): SQL Server has no boolean
    /// values, so `CASE WHEN p THEN 1 WHEN NOT (p) THEN 0 END`, which keeps NULL for unknown.
    pub(super) fn mssql_predicate_as_value(&mut self, p: &Expr) -> Res {
        self.write("CASE WHEN ");
        self.predicate(p)?;
        self.write(" THEN 1 WHEN NOT (");
        self.predicate(p)?;
        self.write(") THEN 0 END");
        Ok(())
    }

    /// A value where a predicate is expected (`WHERE flag`, `WHERE TRUE`): `flag = 1`.
    pub(super) fn mssql_value_as_predicate(&mut self, v: &Expr) -> Res {
        match v {
            Expr::Literal(Literal::Bool(true)) => self.write("1 = 1"),
            Expr::Literal(Literal::Bool(false)) => self.write("1 = 0"),
            v if self.level(v, Pos::Value) == Level::Atom => {
                self.expr(v)?;
                self.write(" = 1");
            }
            v => {
                self.write("(");
                self.expr(v)?;
                self.write(") = 1");
            }
        }
        Ok(())
    }

    /// A LIKE pattern: `[` starts a character class on SQL Server only, so it is escaped as
    /// `[[]` (in the text of a literal, or with REPLACE on anything else).
    pub(super) fn mssql_like_pattern(&mut self, pattern: &Expr) -> Res {
        match pattern {
            Expr::Literal(Literal::String(s)) => self.string(&s.replace('[', "[[]")),
            pattern => {
                self.write("REPLACE(");
                self.expr(pattern)?;
                self.write(", N'[', N'[[]')");
                Ok(())
            }
        }
    }

    /// The leading sort key that puts NULLs first or last. In a query's ORDER BY, a bare name
    /// may be a select alias, which SQL Server only resolves when it stands alone: the key
    /// then tests the aliased expression.
    pub(super) fn mssql_nulls_key(&mut self, e: &Expr, first: bool, of: OrderOf<'_>) -> Res {
        let tested = match of {
            OrderOf::Window => e,
            OrderOf::Query(SetExpr::Select(select)) if select.distinct => {
                return Err(self.unsupported(
                    "NULLS FIRST/LAST with SELECT DISTINCT",
                    "SQL Server needs every ORDER BY item in a DISTINCT select list; \
                     select the sort key as a column",
                ))
            }
            OrderOf::Query(SetExpr::Select(select)) => aliased(e, select.projection).unwrap_or(e),
            OrderOf::Query(_) => {
                return Err(self.unsupported(
                    "NULLS FIRST/LAST on a UNION, INTERSECT or EXCEPT",
                    "wrap the set operation in a subquery and order that",
                ))
            }
        };
        self.write("CASE WHEN ");
        self.null_test_operand(tested)?;
        self.write(if first {
            " IS NULL THEN 0 ELSE 1 END, "
        } else {
            " IS NULL THEN 1 ELSE 0 END, "
        });
        Ok(())
    }

    /// `ORDER BY .. OFFSET m ROWS FETCH NEXT n ROWS ONLY`. OFFSET needs an ORDER BY; an ORDER BY
    /// in a subquery needs an OFFSET.
    pub(super) fn mssql_offset_fetch(&mut self, q: &QueryExpr) -> Res {
        let limited = q.limit.is_some() || q.offset.is_some();
        if !limited {
            if !q.order_by.is_empty() && self.depth > 0 {
                self.write(" OFFSET 0 ROWS");
            }
            return Ok(());
        }
        if q.order_by.is_empty() {
            self.write(" ORDER BY (SELECT NULL)");
        }
        self.write(" OFFSET ");
        match &q.offset {
            Some(offset) => self.row_count(offset)?,
            None => self.write("0"),
        }
        self.write(" ROWS");
        if let Some(limit) = &q.limit {
            self.write(" FETCH NEXT ");
            self.row_count(limit)?;
            self.write(" ROWS ONLY");
        }
        Ok(())
    }

    /// A row count: a number or a parameter. (SQL Server takes an expression too, but the
    /// parser that checks these renderings does not, and a count is easily computed in Rust.)
    fn row_count(&mut self, e: &Expr) -> Res {
        match e {
            Expr::Literal(Literal::Integer(_)) | Expr::Param(_) => self.expr(e),
            _ => Err(self.unsupported(
                "an expression in LIMIT or OFFSET",
                "LIMIT and OFFSET take only a number or a parameter here; compute the value in Rust",
            )),
        }
    }

    /// A VALUES list used as a query: `SELECT * FROM (VALUES ...) AS v (c1, ...)`, its
    /// columns named by the enclosing CTE's or alias's column list, or else `column1, ...`
    /// as PostgreSQL names them.
    pub(super) fn mssql_values(&mut self, rows: &[List<Expr>]) -> Res {
        let width = rows.first().map_or(0, |r| r.len());
        let names = self.plan.values_columns(rows);
        self.write("SELECT * FROM (");
        self.values_rows(rows, super::typing::Typing::Value)?;
        self.write(") AS ");
        self.generated_alias("v");
        self.write(" (");
        if names.len() == width {
            self.ident_list(names)?;
        } else {
            for i in 1..=width {
                if i > 1 {
                    self.write(", ");
                }
                self.write("column");
                self.write(&i.to_string());
            }
        }
        self.write(")");
        Ok(())
    }

    /// FROM items; a `LATERAL` item after a comma becomes `CROSS APPLY`, and the commas before
    /// it CROSS JOINs, so that the lateral subquery sees every earlier item.
    pub(super) fn mssql_from(&mut self, items: &[TableWithJoins]) -> Res {
        for (i, item) in items.iter().enumerate() {
            let later_lateral = items
                .get(i..)
                .is_some_and(|rest| rest.iter().any(|t| is_lateral(&t.relation)));
            if i > 0 {
                self.write(if is_lateral(&item.relation) {
                    " CROSS APPLY "
                } else if later_lateral {
                    " CROSS JOIN "
                } else {
                    ", "
                });
            }
            match &item.relation {
                TableFactor::Derived {
                    lateral: true,
                    subquery,
                    alias,
                } => self.derived(subquery, alias.as_ref())?,
                relation => self.table_factor(relation)?,
            }
            for join in item.joins {
                self.join(join)?;
            }
        }
        Ok(())
    }

    /// `JOIN LATERAL (q) a ON c` as `CROSS APPLY`/`OUTER APPLY`. A condition other than TRUE
    /// moves into the applied query: `CROSS APPLY (SELECT * FROM (q) AS a WHERE c) AS a`.
    pub(super) fn mssql_apply(&mut self, join: &Join) -> Res {
        let TableFactor::Derived {
            subquery, alias, ..
        } = &join.relation
        else {
            return Err(self.unsupported("LATERAL", ""));
        };
        self.write(match join.kind {
            JoinKind::Inner | JoinKind::Cross => " CROSS APPLY ",
            JoinKind::Left => " OUTER APPLY ",
            JoinKind::Right | JoinKind::Full => {
                return Err(self.unsupported(
                    "RIGHT or FULL JOIN LATERAL",
                    "SQL Server has only CROSS APPLY and OUTER APPLY",
                ))
            }
        });
        match &join.constraint {
            JoinConstraint::None | JoinConstraint::On(Expr::Literal(Literal::Bool(true))) => {
                self.derived(subquery, alias.as_ref())
            }
            JoinConstraint::On(condition) => {
                let name = match alias {
                    Some(a) => a.name,
                    None => Ident {
                        value: "__cte_lateral",
                        raw: false,
                    },
                };
                let inner = crate::tree::TableAlias {
                    name,
                    columns: alias.map_or(&[][..], |a| a.columns),
                };
                self.write("(SELECT * FROM ");
                self.nested(|r| {
                    r.derived(subquery, Some(&inner))?;
                    r.write(" WHERE ");
                    r.predicate(condition)
                })?;
                self.write(") AS ");
                self.ident(&name);
                Ok(())
            }
            JoinConstraint::Using(_) => {
                Err(self.unsupported("JOIN LATERAL ... USING", "write the condition with ON"))
            }
        }
    }

    /// `UPDATE a SET c = v FROM t AS a[, ...] WHERE ...`: SQL Server names the target by its
    /// alias and takes the aliased table in FROM.
    pub(super) fn mssql_update(&mut self, u: &Update) -> Res {
        self.write("UPDATE");
        self.statement_keyword_written();
        self.write(" ");
        match &u.alias {
            Some(alias) => self.ident(alias),
            None => self.object_name(&u.table),
        }
        self.write(" SET ");
        self.assignments(u, false)?;
        if u.alias.is_some() || !u.from.is_empty() {
            self.write(" FROM ");
            self.object_name(&u.table);
            if let Some(alias) = &u.alias {
                self.write(" AS ");
                self.ident(alias);
            }
            if !u.from.is_empty() {
                self.write(", ");
                self.mssql_from(u.from)?;
            }
        }
        self.where_clause(u.selection.as_ref())
    }
}

/// The expression a bare name stands for when it is a select alias.
fn aliased<'e>(e: &Expr, projection: &'e [SelectItem]) -> Option<&'e Expr> {
    let Expr::Column(name) = e else { return None };
    let [single] = name.0 else { return None };
    projection.iter().find_map(|item| match item {
        SelectItem::Expr {
            expr,
            alias: Some(alias),
        } if same_name(alias, single) => Some(expr),
        _ => None,
    })
}
