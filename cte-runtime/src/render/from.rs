//! FROM clauses: tables, derived tables, joins, LATERAL.

use super::binding::Binding;
use super::facts::Takes;
use super::{Renderer, Res};
use crate::tree::{
    Expr, Join, JoinConstraint, JoinKind, Literal, QueryExpr, TableAlias, TableFactor,
    TableWithJoins,
};

/// Whether a FROM item is a `LATERAL (subquery)`.
pub(super) fn is_lateral(f: &TableFactor) -> bool {
    matches!(f, TableFactor::Derived { lateral: true, .. })
}

impl Renderer<'_> {
    /// The comma-separated items of a FROM clause, without the keyword.
    pub(super) fn from(&mut self, items: &[TableWithJoins]) -> Res {
        if self.support().apply {
            return self.mssql_from(items);
        }
        self.comma_separated(items, Self::table_with_joins)
    }

    pub(super) fn table_with_joins(&mut self, t: &TableWithJoins) -> Res {
        self.table_factor(&t.relation)?;
        for join in t.joins {
            self.join(join)?;
        }
        Ok(())
    }

    pub(super) fn join(&mut self, join: &Join) -> Res {
        if self.support().apply && is_lateral(&join.relation) {
            return self.mssql_apply(join);
        }
        self.write(match join.kind {
            JoinKind::Inner => " JOIN ",
            JoinKind::Left => " LEFT JOIN ",
            JoinKind::Right => " RIGHT JOIN ",
            JoinKind::Full if self.support().full_join => " FULL JOIN ",
            JoinKind::Full => {
                return Err(self.unsupported(
                    "FULL JOIN",
                    "UNION a LEFT JOIN with the unmatched rows of a RIGHT JOIN",
                ))
            }
            JoinKind::Cross => " CROSS JOIN ",
        });
        self.table_factor(&join.relation)?;
        self.join_constraint(join.kind, &join.constraint)
    }

    pub(super) fn join_constraint(&mut self, kind: JoinKind, c: &JoinConstraint) -> Res {
        match c {
            JoinConstraint::On(e) => {
                self.write(" ON ");
                self.predicate(e)
            }
            JoinConstraint::Using(_) if !self.support().join_using => {
                Err(self.unsupported("JOIN ... USING", "write the condition with ON"))
            }
            JoinConstraint::Using(cols) => {
                self.write(" USING (");
                self.ident_list(cols)?;
                self.write(")");
                Ok(())
            }
            // A LATERAL join written without a condition joins every pair.
            JoinConstraint::None if kind != JoinKind::Cross => {
                self.write(" ON ");
                self.predicate(&Expr::Literal(Literal::Bool(true)))
            }
            JoinConstraint::None => Ok(()),
        }
    }

    pub(super) fn table_factor(&mut self, f: &TableFactor) -> Res {
        match f {
            TableFactor::Table { name, alias } => {
                if self.working_reference(name, alias)? || self.renamed_reference(name, alias)? {
                    return Ok(());
                }
                if let Some(hoisted) = self.hoisted_name(name) {
                    return self.hoisted_reference(name, &hoisted, alias);
                }
                match self.binding(name) {
                    // The same form as a CTE moved on SQL Server: `__cte_s1 AS name`.
                    Binding::Renamed(fresh) => return self.hoisted_reference(name, &fresh, alias),
                    Binding::Carried { recursive, needed } => {
                        return self.carried_cte_reference(name, alias, recursive, &needed)
                    }
                    Binding::Moved { recursive, needed } => {
                        return self.moved_cte_reference(name, alias, recursive, &needed)
                    }
                    Binding::Cte | Binding::Table => {}
                }
                match alias {
                    Some(alias)
                        if !alias.columns.is_empty() && !self.support().table_column_aliases =>
                    {
                        if let (true, Takes::No { help }) = (
                            self.reads_recursive_cte(name),
                            self.support().recursive_reference_renamed,
                        ) {
                            return Err(self.unsupported(
                                "a column list on the alias of a recursive CTE's reference to \
                                 itself",
                                help,
                            ));
                        }
                        self.renamed_columns(alias, |r| {
                            r.write("SELECT * FROM ");
                            r.object_name(name);
                            Ok(())
                        })
                    }
                    Some(alias) => {
                        self.object_name(name);
                        self.table_alias(alias)
                    }
                    None => {
                        self.object_name(name);
                        Ok(())
                    }
                }
            }
            TableFactor::Derived {
                lateral,
                subquery,
                alias,
            } => {
                if *lateral {
                    if !self.support().lateral {
                        return Err(self.unsupported(
                            "LATERAL",
                            "rewrite the lateral subquery as a join or a scalar subquery",
                        ));
                    }
                    self.write("LATERAL ");
                }
                self.derived(subquery, alias.as_ref())
            }
            TableFactor::Nested(t) => {
                self.write("(");
                self.table_with_joins(t)?;
                self.write(")");
                Ok(())
            }
        }
    }

    /// `(subquery) [AS alias [(cols)]]`, with a generated alias where the dialect needs one.
    pub(super) fn derived(&mut self, subquery: &QueryExpr, alias: Option<&TableAlias>) -> Res {
        let support = self.support();
        if let Some(alias) = alias.filter(|a| !a.columns.is_empty()) {
            if !support.derived_column_aliases {
                return self.renamed_columns(alias, |r| r.query(subquery));
            }
        }
        self.write("(");
        self.nested(|r| r.query(subquery))?;
        self.write(")");
        match alias {
            Some(alias) => self.table_alias(alias),
            None if support.derived_needs_alias => {
                self.write(" AS ");
                self.generated_alias("d");
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// `alias (cols)` where the dialect has no column list on that FROM item: a derived
    /// table where those take one (`(SELECT * FROM t) AS alias (cols)`), else a CTE, which
    /// always does: `(WITH __cte_c1 (cols) AS (query) SELECT * FROM __cte_c1) AS alias`.
    pub(super) fn renamed_columns(
        &mut self,
        alias: &TableAlias,
        query: impl FnOnce(&mut Self) -> Res,
    ) -> Res {
        self.write("(");
        if self.support().derived_column_aliases {
            self.nested(query)?;
            self.write(")");
            return self.table_alias(alias);
        }
        let name = self.fresh_name("c");
        self.write("WITH ");
        self.write(&name);
        self.write(" (");
        self.ident_list(alias.columns)?;
        self.write(") AS (");
        self.nested(|r| r.nested(query))?;
        self.write(") SELECT * FROM ");
        self.write(&name);
        self.write(") AS ");
        self.ident(&alias.name);
        Ok(())
    }

    /// ` AS alias [(cols)]`.
    pub(super) fn table_alias(&mut self, alias: &TableAlias) -> Res {
        self.write(" AS ");
        self.ident(&alias.name);
        if !alias.columns.is_empty() {
            self.write(" (");
            self.ident_list(alias.columns)?;
            self.write(")");
        }
        Ok(())
    }
}
