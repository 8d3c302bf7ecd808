//! The query value that `select!` builds, and its rendered form.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::render::{self, ParamOrder, Template};
use crate::tree::Statement;
use crate::{Dialect, RenderError, Value};

/// One `select!` call site: its static tree and its rendered SQL, once per dialect.
///
/// The tree is known at compile time, so each dialect is rendered once per process and every
/// later render is a lookup.
#[doc(hidden)]
pub struct Site {
    tree: &'static Statement,
    cache: [OnceLock<Result<Template, RenderError>>; Dialect::ALL.len()],
}

impl Site {
    pub const fn new(tree: &'static Statement) -> Self {
        Site {
            tree,
            cache: [const { OnceLock::new() }; Dialect::ALL.len()],
        }
    }

    fn template(&self, dialect: Dialect) -> Result<&Template, RenderError> {
        self.cache[dialect.index()]
            .get_or_init(|| render::render(self.tree, dialect, None))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A SQL statement with its bound parameters, made by `select!`.
///
/// Render it for a [`Dialect`] to get the SQL text and the parameters in placeholder order.
#[derive(Clone)]
pub struct Query {
    site: &'static Site,
    params: Vec<Value>,
}

impl Query {
    #[doc(hidden)]
    pub fn from_site(site: &'static Site, params: Vec<Value>) -> Self {
        Query { site, params }
    }

    /// The statement as a tree.
    pub fn tree(&self) -> &'static Statement {
        self.site.tree
    }

    /// The parameters in the order they appear in the source.
    pub fn source_params(&self) -> &[Value] {
        &self.params
    }

    /// Renders the statement for `dialect`, with placeholders for every parameter.
    pub fn render(&self, dialect: Dialect) -> Result<Rendered<'_>, RenderError> {
        let template = self.site.template(dialect)?;
        let params = match &template.order {
            ParamOrder::Source => Cow::Borrowed(self.params.as_slice()),
            ParamOrder::Indices(indices) => {
                Cow::Owned(indices.iter().map(|&i| self.params[i].clone()).collect())
            }
        };
        Ok(Rendered {
            sql: &template.sql,
            params,
        })
    }

    /// Renders the statement for `dialect` with every parameter written as an escaped literal.
    ///
    /// Meant for logs and debugging; run queries with [`Query::render`] and bound parameters.
    pub fn to_inline_sql(&self, dialect: Dialect) -> Result<String, RenderError> {
        render::render(self.site.tree, dialect, Some(&self.params)).map(|t| t.sql)
    }
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query")
            .field("tree", self.site.tree)
            .field("params", &self.params)
            .finish()
    }
}

/// A query rendered for one dialect: SQL text and the values for its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered<'q> {
    sql: &'q str,
    params: Cow<'q, [Value]>,
}

impl<'q> Rendered<'q> {
    /// The SQL text, with placeholders in the dialect's style.
    pub fn sql(&self) -> &'q str {
        self.sql
    }

    /// The parameter values, in the order the placeholders expect them.
    pub fn params(&self) -> &[Value] {
        &self.params
    }

    /// The parameter values, owned.
    pub fn into_params(self) -> Vec<Value> {
        self.params.into_owned()
    }
}
