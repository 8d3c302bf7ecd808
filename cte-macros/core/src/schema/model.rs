//! What the schema files define: tables and views, their columns, types and nullability.

use cte_shared::{compare_names, same_name, NameMatch};

use super::column_type::ColumnType;
use super::lex::Token;
use crate::typing::Typed;

/// A name as written in a schema file: its text, and whether it was quoted (`"Order"`), which
/// compares as a raw identifier (`r#Order`) of the macros does (see `cte_shared`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    pub text: String,
    pub quoted: bool,
}

impl Name {
    pub(crate) fn new(text: impl Into<String>, quoted: bool) -> Name {
        Name {
            text: text.into(),
            quoted,
        }
    }

    /// The name as a macro writes it: a quoted one raw (`r#Order`).
    pub(crate) fn written(&self) -> String {
        if self.quoted {
            format!("r#{}", self.text)
        } else {
            self.text.clone()
        }
    }

    /// Whether this name is `text` written `quoted` or not on every engine: the
    /// [`NameMatch::Same`] of [`Name::compare`], without the case folding the others need.
    pub(crate) fn is(&self, text: &str, quoted: bool) -> bool {
        same_name((&self.text, self.quoted), (text, quoted))
    }

    /// How this name compares with `text` written `quoted` or not, on the engines.
    pub(crate) fn compare(&self, text: &str, quoted: bool) -> NameMatch {
        compare_names((&self.text, self.quoted), (text, quoted))
    }
}

/// Where a statement of a schema file starts: the file, as named from the crate's root, and
/// the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    pub file: String,
    pub line: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub name: Name,
    pub ty: ColumnType,
    pub nullable: bool,
}

/// A table or a view, as the files leave it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Relation {
    /// The name without its schema qualifier (`public.users` is `users`): the macros name
    /// tables unqualified, as the connection's search path finds them.
    pub name: Name,
    pub kind: RelationKind,
    pub body: Body,
    /// A table's unique keys; unknown for a view or a table made from a query.
    pub keys: super::keys::Keys,
    pub defined_at: Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelationKind {
    Table,
    View,
}

/// What the columns of a relation come from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    /// A table's declared columns, in order.
    Columns(Vec<Column>),
    /// A view's, or a `CREATE TABLE ... AS` table's: the query's output columns, typed as the
    /// query is, with the names of the optional column list.
    Query {
        columns: Option<Vec<Name>>,
        query: Vec<Token>,
        /// The output columns with their types, once the query is typed (see `views`); `None`
        /// where the macros' grammar does not read the query.
        typed: Option<Vec<(Name, Typed)>>,
    },
}

/// Every relation the schema files leave defined, in the order they were created.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Schema {
    pub relations: Vec<Relation>,
}

/// What looking a name up found.
#[derive(Debug)]
pub(crate) enum Lookup<'a, T> {
    /// The position of the one element of that name.
    Found(usize),
    /// No relation of that name.
    Missing,
    /// Spelled so that engines disagree on which one it names (`r#Users` beside `users`).
    Ambiguous(Vec<&'a T>),
}

impl Schema {
    /// The relation `text` names, written `quoted` or not.
    pub(crate) fn relation(&self, text: &str, quoted: bool) -> Lookup<'_, Relation> {
        find(
            &self.relations,
            |r| r.name.is(text, quoted),
            |r| r.name.compare(text, quoted),
        )
    }

    /// The position of the relation `name` names, for the files' own statements, which the
    /// engine the file was written for resolves: a unique name that differs only in case is
    /// taken as that one.
    pub(crate) fn position(&self, name: &Name) -> Option<usize> {
        position(&self.relations, |r| &r.name, name)
    }
}

impl Relation {
    /// The declared columns, for a table; `None` for a relation typed from its query.
    pub(crate) fn columns(&self) -> Option<&[Column]> {
        match &self.body {
            Body::Columns(columns) => Some(columns),
            Body::Query { .. } => None,
        }
    }
}

/// The element `same` takes (`compare` gives [`NameMatch::Same`] for it); else the elements
/// `compare` takes for an ambiguous name. Looking for the same name first spares the case
/// folding of every name before it.
fn find<T>(
    items: &[T],
    same: impl Fn(&T) -> bool,
    compare: impl Fn(&T) -> NameMatch,
) -> Lookup<'_, T> {
    if let Some(i) = items.iter().position(same) {
        return Lookup::Found(i);
    }
    let near: Vec<&T> = items
        .iter()
        .filter(|i| compare(i) == NameMatch::Ambiguous)
        .collect();
    if near.is_empty() {
        Lookup::Missing
    } else {
        Lookup::Ambiguous(near)
    }
}

/// The position of `name` among `items` as a file's own statement means it: the same name, or
/// else the only one that differs in case.
pub(crate) fn position<T>(
    items: &[T],
    name_of: impl Fn(&T) -> &Name,
    name: &Name,
) -> Option<usize> {
    if let Some(i) = items
        .iter()
        .position(|i| name_of(i).is(&name.text, name.quoted))
    {
        return Some(i);
    }
    let compare = |i: &T| name_of(i).compare(&name.text, name.quoted);
    let mut near = items
        .iter()
        .enumerate()
        .filter(|(_, i)| compare(i) == NameMatch::Ambiguous);
    match (near.next(), near.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}
