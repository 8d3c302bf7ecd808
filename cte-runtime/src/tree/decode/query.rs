//! Statements, queries, CTEs, SELECT and FROM.

use cte_shared::format::{
    self, ConflictTag, JoinConstraintTag, SelectItemTag, SetExprTag, StatementTag, TableFactorTag,
    WithTag,
};

use super::*;

impl Decoder {
    pub(super) fn boxed_statement(&mut self) -> Res<&'static Statement> {
        Ok(boxed!(self, statements, self.statement()?))
    }

    pub(super) fn statement(&mut self) -> Res<Statement> {
        self.enter()?;
        let stmt = match self.tag(StatementTag::from_tag)? {
            StatementTag::Query => Statement::Query(self.query()?),
            StatementTag::Insert => Statement::Insert(Insert {
                with: self.with()?,
                table: self.name()?,
                columns: self.idents()?,
                source: self.boxed_query()?,
                on_conflict: self.on_conflict()?,
                returning: self.select_items()?,
            }),
            StatementTag::Update => Statement::Update(Update {
                with: self.with()?,
                table: self.name()?,
                alias: self.opt_ident()?,
                assignments: self.assignments()?,
                from: self.from()?,
                selection: self.opt_expr()?,
                returning: self.select_items()?,
            }),
            StatementTag::Delete => Statement::Delete(Delete {
                with: self.with()?,
                table: self.name()?,
                alias: self.opt_ident()?,
                using: self.from()?,
                selection: self.opt_expr()?,
                returning: self.select_items()?,
            }),
        };
        self.depth -= 1;
        Ok(stmt)
    }

    fn on_conflict(&mut self) -> Res<Option<OnConflict>> {
        let update = match self.tag(ConflictTag::from_tag)? {
            ConflictTag::None => return Ok(None),
            ConflictTag::Nothing => false,
            ConflictTag::Update => true,
        };
        let columns = self.idents()?;
        let key = self.tag(ConflictKey::from_tag)?;
        let action = if update {
            ConflictAction::Update {
                assignments: self.assignments()?,
                selection: self.opt_expr()?,
            }
        } else {
            ConflictAction::Nothing
        };
        Ok(Some(OnConflict {
            columns,
            action,
            key,
        }))
    }

    fn assignments(&mut self) -> Res<List<Assignment>> {
        Ok(list!(
            self,
            assignments,
            Assignment {
                column: self.ident()?,
                value: self.expr()?,
            }
        ))
    }

    pub(super) fn boxed_query(&mut self) -> Res<&'static QueryExpr> {
        Ok(boxed!(self, queries, self.query()?))
    }

    pub(super) fn query(&mut self) -> Res<QueryExpr> {
        self.enter()?;
        let query = QueryExpr {
            with: self.with()?,
            body: self.set_expr()?,
            order_by: self.order_by()?,
            limit: self.opt_expr()?,
            offset: self.opt_expr()?,
        };
        self.depth -= 1;
        Ok(query)
    }

    pub(super) fn with(&mut self) -> Res<Option<With>> {
        let recursive = match self.tag(WithTag::from_tag)? {
            WithTag::None => return Ok(None),
            WithTag::With => false,
            WithTag::Recursive => true,
        };
        Ok(Some(With {
            recursive,
            ctes: list!(self, ctes, self.cte()?),
        }))
    }

    /// What the renderer needs to know of the whole tree decoded: it comes from a macro, whose
    /// checks refused the renderer's own names.
    pub(super) fn checked(&self) -> Checked {
        Checked::Yes {
            search_cycle: self.search_cycle,
        }
    }

    pub(super) fn cte(&mut self) -> Res<Cte> {
        let cte = Cte {
            name: self.ident()?,
            columns: self.idents()?,
            materialized: self.tag(Materialized::from_tag)?,
            body: self.boxed_statement()?,
            search: if self.some()? {
                Some(Search {
                    order: self.tag(SearchOrder::from_tag)?,
                    by: self.idents()?,
                    set: self.ident()?,
                })
            } else {
                None
            },
            cycle: if self.some()? {
                Some(Cycle {
                    columns: self.idents()?,
                    set: self.ident()?,
                    marks: if self.some()? {
                        Some(CycleMarks {
                            value: self.expr()?,
                            default: self.expr()?,
                        })
                    } else {
                        None
                    },
                    using: self.ident()?,
                })
            } else {
                None
            },
        };
        self.search_cycle |= cte.search.is_some() || cte.cycle.is_some();
        Ok(cte)
    }

    pub(super) fn set_expr(&mut self) -> Res<SetExpr> {
        self.enter()?;
        let body = match self.tag(SetExprTag::from_tag)? {
            SetExprTag::Select => SetExpr::Select(boxed!(self, selects, self.select()?)),
            SetExprTag::Values => SetExpr::Values(list!(self, rows, self.exprs()?)),
            SetExprTag::Query => SetExpr::Query(self.boxed_query()?),
            SetExprTag::SetOp => SetExpr::SetOp {
                op: self.tag(SetOperator::from_tag)?,
                left: boxed!(self, set_exprs, self.set_expr()?),
                right: boxed!(self, set_exprs, self.set_expr()?),
            },
        };
        self.depth -= 1;
        Ok(body)
    }

    pub(super) fn select(&mut self) -> Res<Select> {
        Ok(Select {
            distinct: self.bool()?,
            projection: self.select_items()?,
            from: self.from()?,
            selection: self.opt_expr()?,
            group_by: self.exprs()?,
            having: self.opt_expr()?,
        })
    }

    pub(super) fn select_items(&mut self) -> Res<List<SelectItem>> {
        Ok(list!(
            self,
            select_items,
            match self.tag(SelectItemTag::from_tag)? {
                SelectItemTag::Wildcard => SelectItem::Wildcard,
                SelectItemTag::QualifiedWildcard => SelectItem::QualifiedWildcard(self.name()?),
                SelectItemTag::Expr => SelectItem::Expr {
                    expr: self.expr()?,
                    alias: None,
                },
                SelectItemTag::Aliased => SelectItem::Expr {
                    expr: self.expr()?,
                    alias: Some(self.ident()?),
                },
            }
        ))
    }

    pub(super) fn order_by(&mut self) -> Res<List<OrderByItem>> {
        Ok(list!(self, order_by, {
            let expr = self.expr()?;
            let (order, nulls) = self.tag(format::order_from_tag)?;
            OrderByItem { expr, order, nulls }
        }))
    }

    // ---- FROM ----

    pub(super) fn from(&mut self) -> Res<List<TableWithJoins>> {
        Ok(list!(self, tables, self.table_with_joins()?))
    }

    pub(super) fn table_with_joins(&mut self) -> Res<TableWithJoins> {
        self.enter()?;
        let relation = self.table_factor()?;
        let joins = list!(self, joins, {
            let (kind, constraint) = self.tag(format::join_from_tag)?;
            let relation = self.table_factor()?;
            let constraint = match constraint {
                JoinConstraintTag::On => JoinConstraint::On(self.expr()?),
                JoinConstraintTag::Using => JoinConstraint::Using(self.idents()?),
                JoinConstraintTag::None => JoinConstraint::None,
            };
            Join {
                kind,
                relation,
                constraint,
            }
        });
        self.depth -= 1;
        Ok(TableWithJoins { relation, joins })
    }

    pub(super) fn table_factor(&mut self) -> Res<TableFactor> {
        Ok(match self.tag(TableFactorTag::from_tag)? {
            TableFactorTag::Table => TableFactor::Table {
                name: self.name()?,
                alias: self.alias()?,
            },
            TableFactorTag::Derived => TableFactor::Derived {
                lateral: self.bool()?,
                subquery: self.boxed_query()?,
                alias: self.alias()?,
            },
            TableFactorTag::Nested => {
                TableFactor::Nested(boxed!(self, tables, self.table_with_joins()?))
            }
        })
    }

    pub(super) fn alias(&mut self) -> Res<Option<TableAlias>> {
        Ok(if self.some()? {
            Some(TableAlias {
                name: self.ident()?,
                columns: self.idents()?,
            })
        } else {
            None
        })
    }
}
