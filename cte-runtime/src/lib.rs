//! Compile-time checked SQL with common table expressions.
//!
//! Write SQL inside [`select!`]; `cargo build` checks the structure of its `WITH` clauses, and
//! [`Query::render`] turns it into SQL for PostgreSQL, MySQL, MariaDB, SQLite or SQL Server,
//! with Rust values bound as parameters.
//!
//! ```
//! use cte_runtime::{select, Dialect};
//!
//! let root = 1;
//! let q = select! {
//!     WITH RECURSIVE tree(id, depth) AS (
//!         SELECT id, 0 FROM category WHERE id = {root}
//!         UNION ALL
//!         SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
//!     )
//!     SELECT id, depth FROM tree ORDER BY depth
//! };
//! let r = q.render(Dialect::Postgres).unwrap();
//! assert!(r.sql().starts_with("WITH RECURSIVE tree (id, depth) AS ("));
//! assert_eq!(r.params(), &[cte_runtime::Value::I64(1)]);
//! ```

mod convert;
mod cte;
mod dialect;
mod driver;
mod error;
mod param;
mod query;
mod render;
#[doc(hidden)]
pub mod tree;
mod value;

pub use convert::{IntoParam, ValueError};
pub use cte::Cte;
/// Defines a reusable CTE at item level, to splice into [`select!`] queries as `WITH {path}`
/// or `FROM {path}`.
///
/// `cte! { [attributes] [vis] [RECURSIVE] name(col, ...) AS [[NOT] MATERIALIZED] (body)
/// [SEARCH ...] [CYCLE ...] }` defines `static name: Cte` and a hidden module `name` holding one
/// item per column. The body is checked as the CTE of a `WITH` is. The column list is
/// required, and the body binds no parameters: values go in the query that splices it.
///
/// A query reads the spliced CTE by the item's name. `FROM {path} [alias]` does both at once:
/// it reads the item and puts it at the front of the statement's leading `WITH`. Every `h.col` it reads from the CTE (under
/// its name, or an alias without a column list) is checked by rustc against the item's
/// columns, so a misspelled column of a CTE defined in another module is a compile error on the
/// column. A CTE that nothing references is still rendered: on PostgreSQL a data-modifying
/// item spliced into a query runs for its effect.
///
/// ```
/// mod catalog {
///     cte_runtime::cte! {
///         /// Every category under the roots, with its depth.
///         pub RECURSIVE hierarchy(id, depth) AS (
///             SELECT id, 0 FROM category WHERE parent_id IS NULL
///             UNION ALL
///             SELECT c.id, h.depth + 1 FROM category c JOIN hierarchy h ON c.parent_id = h.id
///         )
///     }
/// }
///
/// use cte_runtime::{select, Dialect, Value};
///
/// let min = 2;
/// let q = select! {
///     WITH {catalog::hierarchy}, wide AS (SELECT h.depth FROM hierarchy h WHERE h.id > {min})
///     SELECT h.id FROM hierarchy h WHERE h.depth IN (SELECT depth FROM wide)
/// };
/// let r = q.render(Dialect::Postgres).unwrap();
/// assert!(r.sql().starts_with("WITH RECURSIVE hierarchy (id, depth) AS ("));
/// assert_eq!(r.params(), &[Value::I64(2)]);
///
/// let q = select! { SELECT h.id FROM {catalog::hierarchy} h WHERE h.depth > {min} };
/// let r = q.render(Dialect::Sqlite).unwrap();
/// assert!(r.sql().starts_with("WITH RECURSIVE hierarchy (id, depth) AS ("));
/// ```
///
/// A column the CTE does not have is a compile error on that column:
///
/// ```compile_fail
/// cte_runtime::cte! { pub hierarchy(id, depth) AS (SELECT id, 0 FROM category) }
///
/// let q = cte_runtime::select! { WITH {hierarchy} SELECT h.dept FROM hierarchy h };
/// ```
pub use cte_macros::cte;
pub use cte_macros::select;
pub use dialect::Dialect;
#[cfg(feature = "mysql")]
pub use driver::mysql;
#[cfg(feature = "postgres")]
pub use driver::postgres;
#[cfg(feature = "rusqlite")]
pub use driver::rusqlite;
#[cfg(any(
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
pub use driver::sqlx;
#[cfg(feature = "tokio-postgres")]
pub use driver::tokio_postgres;
pub use driver::DriverError;
pub use error::RenderError;
pub use query::{Query, Rendered};
pub use value::Value;

/// What the macro expansions name. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::param::{KindOfAny, KindOfKnown, ParamKind, Probe};
    pub use crate::query::Site;
    pub use crate::tree;
    use crate::tree::Statement;
    pub use crate::Cte;
    use crate::{Query, Value};

    /// Turns a `{expr}` into a bound value; the expansion spans it on the user's expression so
    /// a type error lands there, with the message of [`IntoParam`](crate::IntoParam).
    #[inline]
    pub fn value<T: crate::IntoParam>(v: T) -> Param {
        v.into_param()
    }

    /// A parameter's value, or why it has none; [`Query::render`] reports the first error.
    pub type Param = Result<Value, crate::ValueError>;

    #[inline]
    pub fn query(site: &'static Site, params: Vec<Value>) -> Query {
        Query::from_site(site, params)
    }

    /// A query whose parameters have the kinds their Rust types give (see [`Probe`]).
    #[inline]
    pub fn typed_query(site: &'static Site, params: Vec<Param>, kinds: &[ParamKind]) -> Query {
        Query::with_params(site, params, kinds, Box::new([]))
    }

    /// A query that splices `ctes` into its leading WITH.
    #[inline]
    pub fn spliced_query(
        site: &'static Site,
        params: Vec<Param>,
        kinds: &[ParamKind],
        ctes: Box<[&'static Cte]>,
    ) -> Query {
        Query::with_params(site, params, kinds, ctes)
    }

    /// Spliced `{path}` in a WITH list: the expansion spans it on the user's path, so an item
    /// that is not a `Cte` is a type error there.
    #[inline]
    pub fn splice(cte: &'static Cte) -> &'static Cte {
        cte
    }

    /// The query of a `select!` that did not compile, so that no second error follows its own.
    pub fn fallback() -> Query {
        static EMPTY: Statement = Statement::Query(tree::QueryExpr {
            with: None,
            body: tree::SetExpr::Values(&[]),
            order_by: &[],
            limit: None,
            offset: None,
        });
        static SITE: Site = Site::new(&EMPTY);
        Query::from_site(&SITE, Vec::new())
    }

    /// Decodes the query's tree again, as the first render at its call site does, and says
    /// whether it decoded. Each call leaks the tree it decodes: for the benchmarks only.
    pub fn decode_uncached(query: &Query) -> bool {
        query.decode_afresh()
    }

    /// The SQL of a first render, made again on every call: the call-site cache stores it only
    /// once per process, and the benchmarks need to time it repeatedly.
    pub fn render_uncached(
        query: &Query,
        dialect: crate::Dialect,
    ) -> Result<String, crate::RenderError> {
        query.render_afresh(dialect)
    }
}
