//! What a query sees: the FROM items of each level, with their columns where they are known.

use std::cell::OnceCell;

use proc_macro2::Span;

use crate::ast::{Cte, Ident, ObjectName, Query, SelectItem, SetExpr, Statement, TableAlias};
use crate::schema::{self, Lookup, Schema};
use crate::typing::{self, SqlType, Typed};
use cte_shared::tree::ConflictKey;

/// A FROM item as the query sees it.
#[derive(Clone)]
pub(super) struct Relation<'a> {
    /// The name it goes by: its alias, or the table's own name.
    pub name: &'a Ident,
    /// The table name that an alias hides.
    pub table: Option<&'a Ident>,
    /// What it is, in messages; `None` for a table the macros know nothing of.
    pub what: Option<What<'a>>,
    /// Its columns, when they are known.
    pub columns: Option<Vec<&'a Ident>>,
    /// The type of each column, when they are known (see `types`).
    pub types: Option<Vec<Typed>>,
    /// The `cte!` item it reads, when it is a spliced CTE under its own name or an alias
    /// without a column list: its columns are checked by rustc against the item.
    pub spliced: Option<&'a crate::ast::Splice>,
}

/// A FROM item the macros know the columns of: "CTE `h`", "subquery `s`", "table `t`".
#[derive(Clone, Copy)]
pub(super) enum What<'a> {
    Cte(&'a Ident),
    Subquery(&'a Ident),
    /// A table or view of the schema.
    Table(&'a Ident),
}

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Cte(name) => write!(f, "CTE `{name}`"),
            What::Subquery(alias) => write!(f, "subquery `{alias}`"),
            What::Table(name) => write!(f, "table `{name}`"),
        }
    }
}

/// The FROM items of one query level.
#[derive(Default)]
pub(super) struct Level<'a> {
    pub relations: Vec<Relation<'a>>,
    /// FROM items of the enclosing FROM clause that a subquery without LATERAL cannot see.
    pub siblings: Vec<Relation<'a>>,
    /// The columns of this level's `JOIN ... USING (...)`, which name one column however
    /// many items have it.
    pub using: Vec<&'a Ident>,
    /// The aliases of the select list, which ORDER BY, GROUP BY and HAVING may name; `None`
    /// where the clause being checked cannot.
    pub aliases: Option<Vec<&'a Ident>>,
    /// Names whose meaning the checks cannot tell may come from this level (the output of a
    /// set operation whose columns are unnamed).
    pub opaque: bool,
    /// The query has GROUP BY: every group it aggregates has a row.
    pub grouped: bool,
}

impl<'a> Level<'a> {
    pub(super) fn new(relations: Vec<Relation<'a>>) -> Self {
        Level {
            relations,
            ..Level::default()
        }
    }
}

/// What an unqualified column names, as SQL resolves it: the nearest query level that has it
/// decides.
pub(super) enum Resolved<'r, 'a> {
    /// The FROM item that has it (for a USING column, the first of those joined).
    Column(&'r Relation<'a>),
    /// Several FROM items of the nearest level that has it.
    Ambiguous(Vec<&'r Relation<'a>>),
    /// What the checks cannot tell: a select-list alias, a USING column of items of unknown
    /// columns, or a level with a FROM item whose columns are unknown.
    Unknown,
    /// No FROM item in scope has it.
    Missing,
}

/// Resolves the unqualified `column` in `levels`, outermost first.
pub(super) fn resolve<'r, 'a>(levels: &'r [Level<'a>], column: &Ident) -> Resolved<'r, 'a> {
    for level in levels.iter().rev() {
        if level.opaque || level.aliases.as_ref().is_some_and(|a| a.contains(&column)) {
            return Resolved::Unknown;
        }
        let having: Vec<&Relation<'a>> = level
            .relations
            .iter()
            .filter(|r| r.columns.as_ref().is_some_and(|c| c.contains(&column)))
            .collect();
        match having.as_slice() {
            [first, ..] if level.using.contains(&column) => return Resolved::Column(first),
            [one] => return Resolved::Column(one),
            [_, _, ..] => return Resolved::Ambiguous(having),
            [] if level.using.contains(&column)
                || level.relations.iter().any(|r| r.columns.is_none()) =>
            {
                return Resolved::Unknown;
            }
            [] => {}
        }
    }
    Resolved::Missing
}

/// A schema table's column names, and their types.
pub(super) type TableColumns<'n> = (&'n [Ident], &'n [Typed]);

/// The schema's tables and views with their column names as the macros write names, so that
/// relations can borrow them like names of the tree. Each relation's are made when a query
/// first names it: a macro call reads a few tables of a schema that may have hundreds, and
/// the names cannot outlive the call (their spans belong to it).
pub(super) struct SchemaNames<'s> {
    schema: Option<&'s Schema>,
    /// By the position of the relation in the schema.
    relations: Vec<OnceCell<SchemaRelation>>,
}

/// A schema relation's name, and its columns with their types, when known.
struct SchemaRelation {
    name: Ident,
    columns: Option<(Vec<Ident>, Vec<Typed>)>,
}

impl SchemaRelation {
    fn new(r: &schema::Relation) -> Self {
        let ident = |name: &schema::Name| Ident {
            value: name.text.clone(),
            raw: name.quoted,
            span: Span::call_site(),
        };
        let columns = match &r.body {
            schema::Body::Columns(columns) => Some((
                columns.iter().map(|c| ident(&c.name)).collect(),
                columns
                    .iter()
                    .map(|c| Typed {
                        ty: typing::column(&c.ty),
                        nullable: c.nullable,
                    })
                    .collect(),
            )),
            // A view is typed like a CTE (see `schema::views`).
            schema::Body::Query {
                typed: Some(typed), ..
            } => Some((
                typed.iter().map(|(name, _)| ident(name)).collect(),
                typed.iter().map(|&(_, t)| t).collect(),
            )),
            // A query the macros' grammar does not read: its listed columns, of unknown types.
            schema::Body::Query {
                columns: Some(names),
                ..
            } => Some((
                names.iter().map(ident).collect(),
                names
                    .iter()
                    .map(|_| Typed::nullable(SqlType::Unknown))
                    .collect(),
            )),
            schema::Body::Query {
                columns: None,
                typed: None,
                ..
            } => None,
        };
        SchemaRelation {
            name: ident(&r.name),
            columns,
        }
    }
}

impl<'s> SchemaNames<'s> {
    pub(super) fn new(schema: Option<&'s Schema>) -> Self {
        let count = schema.map_or(0, |s| s.relations.len());
        SchemaNames {
            schema,
            relations: std::iter::repeat_with(OnceCell::new).take(count).collect(),
        }
    }

    /// Whether a schema is configured: then the checks know every table there is.
    pub(super) fn configured(&self) -> bool {
        self.schema.is_some()
    }

    /// The schema's relation that `name` names: its own name, and its columns with their
    /// types, when known.
    pub(super) fn table(&self, name: &Ident) -> Option<(&Ident, Option<TableColumns<'_>>)> {
        let schema = self.schema?;
        match schema.relation(&name.value, name.raw) {
            Lookup::Found(i) => {
                let relation =
                    self.relations[i].get_or_init(|| SchemaRelation::new(&schema.relations[i]));
                let columns = relation.columns.as_ref().map(|(c, t)| (&c[..], &t[..]));
                Some((&relation.name, columns))
            }
            Lookup::Missing | Lookup::Ambiguous(_) => None,
        }
    }
}

impl SchemaNames<'_> {
    /// What the schema says of the unique keys of the table `name` names, for a conflict on
    /// `columns`; `None` without a schema or such a table.
    pub(super) fn conflict_key(&self, name: &Ident, columns: &[Ident]) -> Option<ConflictKey> {
        let schema = self.schema?;
        let Lookup::Found(i) = schema.relation(&name.value, name.raw) else {
            return None;
        };
        let columns: Vec<(&str, bool)> = columns.iter().map(Ident::shared).collect();
        Some(match schema.relations[i].keys.only(&columns) {
            None => ConflictKey::Unknown,
            Some(true) => ConflictKey::Only,
            Some(false) => ConflictKey::NotOnly,
        })
    }
}

/// A table reference as a relation: named by its alias, or by the last part of its name.
pub(super) fn table<'a>(name: &'a ObjectName, alias: Option<&'a Ident>) -> Option<Relation<'a>> {
    let own = name.last()?;
    Some(Relation {
        name: alias.unwrap_or(own),
        table: alias.map(|_| own),
        what: None,
        columns: None,
        types: None,
        spliced: None,
    })
}

/// The columns under an alias: its column list renames the first ones.
pub(super) fn aliased<'a>(
    alias: Option<&'a TableAlias>,
    columns: Option<Vec<&'a Ident>>,
) -> Option<Vec<&'a Ident>> {
    let renamed = alias.map_or(&[][..], |a| a.columns.as_slice());
    if renamed.is_empty() {
        return columns;
    }
    let rest = columns?;
    Some(
        renamed
            .iter()
            .chain(rest.into_iter().skip(renamed.len()))
            .collect(),
    )
}

/// The columns of a CTE: its column list, or the names its body gives.
pub(super) fn cte_columns(cte: &Cte) -> Option<Vec<&Ident>> {
    if !cte.columns.is_empty() {
        return Some(cte.columns.iter().collect());
    }
    match cte.written()? {
        Statement::Query(query) => query_columns(query),
        Statement::Insert(i) => projection_columns(&i.returning.as_ref()?.value),
        Statement::Update(u) => projection_columns(&u.returning.as_ref()?.value),
        Statement::Delete(d) => projection_columns(&d.returning.as_ref()?.value),
    }
}

pub(super) fn query_columns(query: &Query) -> Option<Vec<&Ident>> {
    let mut body = &query.body;
    loop {
        match body {
            SetExpr::Select(select) => return projection_columns(&select.projection),
            SetExpr::Values(_) => return None,
            SetExpr::Query { query, .. } => body = &query.body,
            SetExpr::SetOp { left, .. } => body = left,
        }
    }
}

/// The names of a select list, when every item has one that all engines agree on: an alias
/// or a bare column. `*` and unnamed expressions leave them unknown.
fn projection_columns(items: &[SelectItem]) -> Option<Vec<&Ident>> {
    items.iter().map(SelectItem::output_name).collect()
}
