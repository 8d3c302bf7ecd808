//! The type and nullability of every output column, computed in the scope the names check
//! builds: a column's type comes from the FROM item that has it (a schema table's declared
//! type, a CTE's or a subquery's own output, NULL too on the nullable side of an outer join),
//! and an expression's from its operands by the rules of `crate::typing`.

use cte_shared::tree::{JoinKind, UnaryOp};

use super::scope::{resolve, Relation, Resolved};
use super::Names;
use crate::ast::{
    Cte, Expr, FunctionArgs, Ident, ObjectName, Query, SelectItem, SetExpr, Statement,
    TableWithJoins,
};
use crate::typing::{self, Call, SqlType, Typed};

/// A column whose type the macros cannot tell.
const UNKNOWN: Typed = Typed::nullable(SqlType::Unknown);

impl<'a> Names<'_, 'a> {
    /// The types of a select list's output columns, `*` and `t.*` expanded; `None` when a `*`
    /// stands for columns that are not known, or without a schema: only `select_as!`'s field
    /// checks and the parameter checks read types, and both need one.
    pub(super) fn projection_types(&self, items: &[SelectItem]) -> Option<Vec<Typed>> {
        if !self.schema.configured() {
            return None;
        }
        let level = self.levels.last()?;
        let mut out = Vec::new();
        for item in items {
            match item {
                SelectItem::Wildcard(_) => {
                    for relation in &level.relations {
                        out.extend(relation.types.as_ref()?);
                    }
                }
                SelectItem::QualifiedWildcard(name) => {
                    let relation = name.last().and_then(|q| self.find(q))?;
                    out.extend(relation.types.as_ref()?);
                }
                SelectItem::Expr { expr, .. } => out.push(self.type_of(expr)),
            }
        }
        Some(out)
    }

    /// Records the names of the columns each `*` and `t.*` of `items` stands for, spanned on
    /// the item, where the scope knows them: the fields of a `select!` row. Only with a
    /// schema, the only time rows are typed.
    pub(super) fn record_stars(&mut self, items: &[SelectItem]) {
        if !self.schema.configured() {
            return;
        }
        let Some(level) = self.levels.last() else {
            return;
        };
        let mut found = Vec::new();
        for item in items {
            let (relations, span) = match item {
                SelectItem::Wildcard(star) => (level.relations.iter().collect(), *star),
                SelectItem::QualifiedWildcard(name) => {
                    let relation = name.last().and_then(|q| self.find(q));
                    (relation.into_iter().collect::<Vec<_>>(), name.span())
                }
                SelectItem::Expr { .. } => continue,
            };
            if relations.is_empty() {
                continue;
            }
            let names: Option<Vec<Ident>> = relations
                .iter()
                .map(|r| r.columns.as_ref())
                .collect::<Option<Vec<_>>>()
                .map(|columns| {
                    columns
                        .into_iter()
                        .flatten()
                        .map(|c| Ident {
                            span,
                            ..(*c).clone()
                        })
                        .collect()
                });
            if let Some(names) = names {
                found.push((std::ptr::from_ref(item), names));
            }
        }
        self.stars.extend(found);
    }

    /// The types of a query's output columns: each part's, met column by column; `None`
    /// without a schema (see `projection_types`).
    pub(super) fn query_types(&self, query: &Query) -> Option<Vec<Typed>> {
        if !self.schema.configured() {
            return None;
        }
        self.set_expr_types(&query.body)
    }

    fn set_expr_types(&self, body: &SetExpr) -> Option<Vec<Typed>> {
        match body {
            SetExpr::Select(select) => self.outputs.get(&std::ptr::from_ref(&**select)).cloned(),
            SetExpr::Values(values) => {
                let mut rows = values
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|e| self.type_of(e)).collect::<Vec<Typed>>());
                let first = rows.next()?;
                Some(rows.fold(first, union_columns))
            }
            SetExpr::Query { query, .. } => self.query_types(query),
            SetExpr::SetOp { left, right, .. } => {
                let left = self.set_expr_types(left)?;
                let right = self.set_expr_types(right)?;
                Some(union_columns(left, right))
            }
        }
    }

    /// The types of the columns a CTE's body gives, with those SEARCH and CYCLE add.
    pub(super) fn cte_types(&self, cte: &Cte) -> Option<Vec<Typed>> {
        let types = match cte.written()? {
            Statement::Query(query) => self.query_types(query)?,
            // A data-modifying CTE's RETURNING: its items, which name the written table.
            body @ (Statement::Insert(_) | Statement::Update(_) | Statement::Delete(_)) => {
                self.returning.get(&std::ptr::from_ref(body)).cloned()?
            }
        };
        Some(self.with_added_columns(cte, types))
    }

    /// The types a reader of `cte` sees: its own once typed, or, inside its own body, those of
    /// its anchor so far (see `visit_cte`).
    pub(super) fn read_cte_types(&mut self, cte: &'a Cte) -> Option<Vec<Typed>> {
        if let Some(types) = self.cte_types.get(&std::ptr::from_ref(cte)) {
            return Some(types.clone());
        }
        self.read_early.insert(cte);
        let Statement::Query(query) = cte.written()? else {
            return None;
        };
        let mut anchor = &query.body;
        while let SetExpr::SetOp { left, .. } = anchor {
            anchor = left;
        }
        let SetExpr::Select(select) = anchor else {
            return None;
        };
        let types = self.outputs.get(&std::ptr::from_ref(&**select)).cloned()?;
        Some(self.with_added_columns(cte, types))
    }

    /// `types` with those of the columns SEARCH and CYCLE add to `cte`.
    fn with_added_columns(&self, cte: &Cte, mut types: Vec<Typed>) -> Vec<Typed> {
        if cte.search.is_some() {
            types.push(Typed::not_null(SqlType::Unknown));
        }
        if let Some(cycle) = &cte.cycle {
            let mark = match &cycle.marks {
                Some(marks) => self
                    .type_of(&marks.value)
                    .union(self.type_of(&marks.default)),
                None => Typed::not_null(SqlType::Bool),
            };
            types.extend([mark, Typed::not_null(SqlType::Unknown)]);
        }
        types
    }

    /// The type of `expr` where it stands.
    pub(super) fn type_of(&self, expr: &Expr) -> Typed {
        match expr {
            Expr::Literal(literal) => typing::literal(&literal.kind),
            Expr::Param(_) => UNKNOWN,
            Expr::Column(name) => self.column_type(name),
            Expr::Unary { op, expr, .. } => {
                let inner = self.type_of(expr);
                match op {
                    UnaryOp::Not => Typed {
                        ty: SqlType::Bool,
                        nullable: inner.nullable,
                    },
                    UnaryOp::Minus | UnaryOp::Plus => inner,
                }
            }
            Expr::Binary { left, op, right } => {
                typing::binary(*op, self.type_of(left), self.type_of(right))
            }
            Expr::IsNull { .. } | Expr::Exists { .. } => Typed::not_null(SqlType::Bool),
            Expr::Between {
                expr, low, high, ..
            } => self.predicate([&**expr, low, high]),
            Expr::Like { expr, pattern, .. } => self.predicate([&**expr, pattern]),
            Expr::InList { expr, list, .. } => self.predicate(std::iter::once(&**expr).chain(list)),
            // NULL when the value is, or when the list or subquery holds a NULL and no match.
            Expr::InListParam { .. } | Expr::InSubquery { .. } => Typed::nullable(SqlType::Bool),
            // NULL when the subquery yields no row.
            Expr::Subquery { query, .. } => match self.query_types(query).as_deref() {
                Some([only]) => only.or_null(true),
                _ => UNKNOWN,
            },
            Expr::Case {
                whens, else_result, ..
            } => {
                let results = whens.iter().map(|(_, then)| self.type_of(then));
                let otherwise = match else_result {
                    Some(e) => self.type_of(e),
                    None => Typed::nullable(SqlType::Null),
                };
                results.fold(otherwise, Typed::union)
            }
            Expr::Cast {
                expr, data_type, ..
            } => typing::cast(data_type, self.type_of(expr)),
            Expr::Function(function) => {
                let args: Vec<Typed> = match &function.args {
                    FunctionArgs::Star => Vec::new(),
                    FunctionArgs::List { args, .. } => {
                        args.iter().map(|a| self.type_of(a)).collect()
                    }
                };
                let call = if function.over.is_some() {
                    Call::Window
                } else if self.levels.last().is_some_and(|l| l.grouped) {
                    Call::Grouped
                } else {
                    Call::Ungrouped
                };
                let name = function
                    .name
                    .last()
                    .map(|n| n.value.to_ascii_uppercase())
                    .unwrap_or_default();
                typing::function(&name, &args, call)
            }
            Expr::Nested { expr, .. } => self.type_of(expr),
        }
    }

    /// A comparison-like predicate: a boolean, NULL when an operand can be.
    fn predicate<'e>(&self, operands: impl IntoIterator<Item = &'e Expr>) -> Typed {
        Typed {
            ty: SqlType::Bool,
            nullable: operands.into_iter().any(|e| self.type_of(e).nullable),
        }
    }

    /// The type of a column reference: the column of the FROM item it names.
    fn column_type(&self, name: &ObjectName) -> Typed {
        match name.parts.as_slice() {
            [qualifier, column] => self
                .find(qualifier)
                .and_then(|r| relation_column(r, column))
                .unwrap_or(UNKNOWN),
            [column] => self.unqualified_type(column),
            _ => UNKNOWN,
        }
    }

    /// The type of an unqualified column: the nearest level's FROM item that has it.
    fn unqualified_type(&self, column: &Ident) -> Typed {
        match resolve(&self.levels, column) {
            Resolved::Column(relation) => relation_column(relation, column).unwrap_or(UNKNOWN),
            Resolved::Ambiguous(_) | Resolved::Unknown | Resolved::Missing => UNKNOWN,
        }
    }

    /// Makes the columns of the FROM items an outer join adds, or joins to, nullable: `start`
    /// is where `item`'s relations begin in `relations`.
    pub(super) fn outer_joins(item: &TableWithJoins, relations: &mut [Relation<'a>], start: usize) {
        // The relations of each factor of the item, in order: a nested join adds several.
        let mut spans = Vec::new();
        let mut at = start;
        for factor_len in factor_lengths(item) {
            spans.push(at..at + factor_len);
            at += factor_len;
        }
        for (j, join) in item.joins.iter().enumerate() {
            let joined = spans.get(j + 1).cloned().unwrap_or(at..at);
            let before = start..joined.start;
            let (left, right) = match join.kind {
                JoinKind::Inner | JoinKind::Cross => (false, false),
                JoinKind::Left => (false, true),
                JoinKind::Right => (true, false),
                JoinKind::Full => (true, true),
            };
            for (range, nullable) in [(before, left), (joined, right)] {
                if nullable {
                    for relation in relations.get_mut(range).into_iter().flatten() {
                        for t in relation.types.iter_mut().flatten() {
                            t.nullable = true;
                        }
                    }
                }
            }
        }
    }
}

/// How many relations each factor of `item` adds: one, or a nested join's count.
fn factor_lengths(item: &TableWithJoins) -> Vec<usize> {
    use crate::ast::TableFactor;
    let count = |factor: &TableFactor| match factor {
        TableFactor::Table { .. } => 1,
        TableFactor::Derived { alias, .. } => usize::from(alias.is_some()),
        TableFactor::Nested { inner } => factor_lengths(inner).iter().sum(),
    };
    std::iter::once(&item.relation)
        .chain(item.joins.iter().map(|j| &j.relation))
        .map(count)
        .collect()
}

/// The type of `relation`'s column `column`, when both are known.
pub(super) fn relation_column(relation: &Relation<'_>, column: &Ident) -> Option<Typed> {
    let i = relation
        .columns
        .as_ref()?
        .iter()
        .position(|c| *c == column)?;
    relation.types.as_ref()?.get(i).copied()
}

/// Two parts' columns met one by one; a part with another count leaves them unknown.
fn union_columns(left: Vec<Typed>, right: Vec<Typed>) -> Vec<Typed> {
    if left.len() != right.len() {
        return left.iter().map(|_| UNKNOWN).collect();
    }
    left.into_iter()
        .zip(right)
        .map(|(l, r)| l.union(r))
        .collect()
}
