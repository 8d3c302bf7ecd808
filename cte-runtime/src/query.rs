//! The query value that `select!` builds, and its rendered form.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::cte::{self, Cte, SpliceError};
use crate::param::ParamKind;
use crate::render::{self, ParamOrder, Template, Width};
use crate::site::{empty, Cache, Site};
use crate::tree::decode::Corrupt;
use crate::tree::Statement;
use crate::{Dialect, RenderError, Value, ValueError};

/// A SQL statement with its bound parameters, made by `select!`.
///
/// Render it for a [`Dialect`] to get the SQL text and the parameters in placeholder order,
/// or run it with a driver feature's `cte_*` methods, which render it for the driver's dialect.
/// A call site renders each dialect once per process; later renders are a lookup.
///
/// ```
/// use cte_runtime::{select, Dialect, Value};
///
/// let (low, high) = (2, 5);
/// let q = select! { SELECT id FROM t WHERE id BETWEEN {low} AND {high} ORDER BY id };
/// let r = q.render(Dialect::MsSql)?;
/// assert_eq!(r.sql(), "SELECT id FROM t WHERE id BETWEEN @P1 AND @P2 ORDER BY id");
/// assert_eq!(r.params(), &[Value::I64(2), Value::I64(5)]);
/// // For logs only: the values written into the SQL, escaped for the dialect.
/// assert_eq!(
///     q.to_inline_sql(Dialect::Sqlite)?,
///     "SELECT id FROM t WHERE id BETWEEN 2 AND 5 ORDER BY id"
/// );
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
pub struct Query {
    site: &'static Site,
    params: Vec<Value>,
    /// The kind of each parameter: from its Rust type, or else from its value.
    kinds: Box<[ParamKind]>,
    /// Renderings for kinds other than the ones the call site's cache was rendered for.
    own: OnceLock<Box<Cache>>,
    /// Some parameter is a list (`IN {...}`): the SQL depends on its length.
    lists: bool,
    /// The first parameter that is a `Value::Array` but not a list, which only PostgreSQL
    /// binds.
    array: Option<usize>,
    /// The `cte!` items spliced into the leading WITH, one per splice point of the site.
    splices: Box<[&'static Cte]>,
    /// The first parameter that did not convert (its index, in source order), whose place in
    /// `params` holds NULL. `select!` returns a `Query`, not a `Result`, so the error waits
    /// here and every render returns it: the query is never sent with a wrapped value.
    fault: Option<(usize, ValueError)>,
}

impl Clone for Query {
    fn clone(&self) -> Self {
        Query {
            site: self.site,
            params: self.params.clone(),
            kinds: self.kinds.clone(),
            own: OnceLock::new(),
            lists: self.lists,
            array: self.array,
            splices: self.splices.clone(),
            fault: self.fault.clone(),
        }
    }
}

impl Query {
    /// A query whose parameters' Rust types are not known: their kinds come from the values.
    #[doc(hidden)]
    pub fn from_site(site: &'static Site, params: Vec<Value>) -> Self {
        let kinds = vec![ParamKind::Unknown; params.len()];
        Query::with_kinds(site, params, &kinds)
    }

    /// A query whose parameters have the kinds their Rust types give (`Unknown` where the type
    /// says nothing, and then the value decides).
    #[doc(hidden)]
    pub fn with_kinds(site: &'static Site, params: Vec<Value>, kinds: &[ParamKind]) -> Self {
        let kinds = params
            .iter()
            .enumerate()
            .map(|(i, value)| match kinds.get(i) {
                Some(&kind) if kind != ParamKind::Unknown => kind,
                _ => ParamKind::of_value(value),
            })
            .collect::<Box<[ParamKind]>>();
        let array = params
            .iter()
            .zip(kinds.iter())
            .position(|(value, &kind)| matches!(value, Value::Array(_)) && kind != ParamKind::List);
        Query {
            site,
            params,
            lists: kinds.contains(&ParamKind::List),
            array,
            kinds,
            own: OnceLock::new(),
            splices: Box::new([]),
            fault: None,
        }
    }

    /// The query of a `select!`: its parameters as they converted, and the `cte!` items it
    /// splices into its leading WITH, at the site's splice points.
    pub(crate) fn with_params(
        site: &'static Site,
        params: Vec<Result<Value, ValueError>>,
        kinds: &[ParamKind],
        ctes: Box<[&'static Cte]>,
    ) -> Self {
        let mut fault = None;
        let params = params
            .into_iter()
            .enumerate()
            .map(|(i, param)| {
                param.unwrap_or_else(|e| {
                    fault.get_or_insert((i, e));
                    Value::Null
                })
            })
            .collect();
        Query {
            splices: ctes,
            fault,
            ..Query::with_kinds(site, params, kinds)
        }
    }

    /// The statement as written at the call site, without the CTEs it splices.
    ///
    /// # Panics
    ///
    /// If the call site's tree does not decode, which only a `cte-macros` of another version
    /// than `cte-runtime` can cause; [`Query::render`] returns that as an error instead.
    pub fn tree(&self) -> &'static Statement {
        match self.site.decoded() {
            Ok(decoded) => decoded.tree,
            Err(Corrupt) => panic!(
                "the query tree of this call site is corrupt: cte-macros and cte-runtime versions differ?"
            ),
        }
    }

    /// The parameters in the order they appear in the source. A parameter that did not convert
    /// (see [`Query::render`]) is NULL here.
    pub fn source_params(&self) -> &[Value] {
        &self.params
    }

    /// Renders the statement for `dialect`, with placeholders for every parameter.
    ///
    /// A parameter that did not convert (an integer beyond `i64`, see
    /// [`IntoParam`](crate::IntoParam)) is an error here, for every dialect.
    pub fn render(&self, dialect: Dialect) -> Result<Rendered<'_>, RenderError> {
        self.check_params(dialect)?;
        let template = self.template(dialect)?;
        let params = match &template.order {
            ParamOrder::Source => Cow::Borrowed(self.params.as_slice()),
            ParamOrder::Slots(slots) => {
                Cow::Owned(slots.iter().map(|s| s.value(&self.params)).collect())
            }
        };
        Ok(Rendered {
            sql: &template.sql,
            params,
        })
    }

    /// The call site's rendering when it suits this query's parameter kinds, else this query's
    /// own.
    fn template(&self, dialect: Dialect) -> Result<&Template, RenderError> {
        let i = dialect.index();
        let site = self.site(dialect)?;
        let widths = self
            .lists
            .then(|| render::widths(dialect, &self.kinds, &self.params));
        let shared = match &widths {
            None => self.cached(&site.cache[i], dialect, None)?,
            Some(widths) => site.list_template(dialect, widths, |widths| {
                self.render_template(dialect, None, Some(widths))
            })?,
        };
        if shared.fits(&self.kinds) {
            return Ok(shared);
        }
        // This query's lengths never change, so one rendering per dialect is all it needs.
        let own = &self.own.get_or_init(|| Box::new(empty()))[i];
        self.cached(own, dialect, widths.as_deref())
    }

    /// The SQL in `slot`, rendered for this query if the slot is empty; an error is returned,
    /// not kept. Two threads may both render an empty slot: the first to finish fills it, and a
    /// template is only used for the kinds it fits, so either is right.
    fn cached<'s>(
        &self,
        slot: &'s OnceLock<Template>,
        dialect: Dialect,
        widths: Option<&[Width]>,
    ) -> Result<&'s Template, RenderError> {
        if let Some(template) = slot.get() {
            return Ok(template);
        }
        let template = self.render_template(dialect, None, widths)?;
        Ok(slot.get_or_init(|| template))
    }

    fn render_template(
        &self,
        dialect: Dialect,
        inline: Option<&[Value]>,
        widths: Option<&[Width]>,
    ) -> Result<Template, RenderError> {
        let site = self.site(dialect)?;
        let decoded = site
            .decoded()
            .map_err(|Corrupt| RenderError::corrupt_tree(dialect))?;
        let context = render::Context {
            kinds: &self.kinds,
            options: &decoded.options,
            checked: decoded.checked,
            widths,
        };
        render::render_in(decoded.tree, dialect, inline, &context)
    }

    /// The call site, or for a query with spliced CTEs the site of the statement with them.
    fn site(&self, dialect: Dialect) -> Result<&'static Site, RenderError> {
        if self.splices.is_empty() {
            return Ok(self.site);
        }
        cte::site(self.site, &self.splices).map_err(|e| match e {
            SpliceError::Name => RenderError::new(
                "a spliced CTE whose name is not the one the query reads",
                dialect,
                "splice a `cte!` item by its own path, as `WITH {hierarchy}`",
            ),
            SpliceError::Capture => RenderError::new(
                "a spliced CTE that reads a table named like another CTE of the query",
                dialect,
                "rename the query's CTE: the spliced one would read it instead of the table",
            ),
            SpliceError::Shape => RenderError::new(
                "a spliced CTE outside the leading WITH of a SELECT",
                dialect,
                "",
            ),
            SpliceError::Corrupt => RenderError::corrupt_tree(dialect),
        })
    }

    fn check_params(&self, dialect: Dialect) -> Result<(), RenderError> {
        if let Some((i, e)) = &self.fault {
            return Err(RenderError::param(*i, e.clone(), dialect));
        }
        match self.array {
            Some(_) if !render::binds_arrays(dialect) => Err(RenderError::new(
                "an array parameter",
                dialect,
                "only PostgreSQL has arrays; bind a list with `IN {list}`",
            )),
            Some(_) | None => Ok(()),
        }
    }

    /// The SQL of `dialect` rendered anew, as the first render at a call site makes it.
    pub(crate) fn render_afresh(&self, dialect: Dialect) -> Result<String, RenderError> {
        let widths = self
            .lists
            .then(|| render::widths(dialect, &self.kinds, &self.params));
        self.render_template(dialect, None, widths.as_deref())
            .map(|t| t.sql)
    }

    /// Decodes the call site's tree anew, as the first render at a call site does.
    pub(crate) fn decode_afresh(&self) -> bool {
        self.site.decode_afresh().is_ok()
    }

    /// Renders the statement for `dialect` with every parameter written as a literal, in a form
    /// the engine reads as the same value under any session setting and client character set:
    /// `'...'` where that holds, otherwise `E'...'` on PostgreSQL and `_utf8mb4 X'..'` on
    /// MySQL/MariaDB (docs/dialects.md, "String and byte literals"). A value with no literal in
    /// the dialect (a NaN, PostgreSQL text holding NUL) is a `RenderError`.
    ///
    /// Meant for logs and debugging; run queries with [`Query::render`] and bound parameters.
    pub fn to_inline_sql(&self, dialect: Dialect) -> Result<String, RenderError> {
        self.check_params(dialect)?;
        self.render_template(dialect, Some(&self.params), None)
            .map(|t| t.sql)
    }
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query")
            .field("tree", &self.site.decoded().map(|d| d.tree))
            .field("params", &self.params)
            .field("splices", &self.splices)
            .field("fault", &self.fault)
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
