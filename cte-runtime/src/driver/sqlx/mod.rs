//! Running queries with [`sqlx`](::sqlx) (feature `sqlx`, or one backend alone:
//! `sqlx-postgres`, `sqlx-mysql`, `sqlx-sqlite`).
//!
//! [`query`] renders a [`Query`] for a dialect and returns sqlx's own query object with every
//! parameter bound, so everything sqlx offers works on it: `fetch` (a `Stream` of rows that
//! reads them from the connection as it is polled: bounded memory for any result size),
//! `fetch_all`, `fetch_one`, `fetch_optional`, `execute`, on a pool, a connection or a
//! transaction. [`Value`](crate::Value) implements sqlx's `Encode`, `Decode` and `Type` for each backend, so
//! a column also reads as a `Value` (`row.try_get::<Value, _>(i)`).
//!
//! This crate enables only sqlx's database backends: the application chooses sqlx's runtime
//! and TLS features on its own `sqlx` dependency (e.g. `features = ["runtime-tokio"]`).
//!
//! On PostgreSQL a parameter's declared type follows its value (`I64` is a BIGINT, `F64` a
//! DOUBLE PRECISION, `Text` a TEXT, `Bool` a BOOLEAN, `Bytes` a BYTEA; `Null` lets the server
//! infer it), and PostgreSQL converts where it can: `int_column = $1` with a BIGINT works. The
//! statement is prepared each time rather than cached, because a cached statement would keep
//! the parameter types of its first run while `Null` and non-`Null` values take turns.
//!
//! ```no_run
//! use cte_runtime::{select, Dialect};
//! use futures_util::TryStreamExt;
//! use sqlx::Row;
//!
//! # async fn run(pool: &sqlx::PgPool) -> Result<(), Box<dyn std::error::Error>> {
//! let count = 1_000_000_i64;
//! let q = select! {
//!     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {count})
//!     SELECT n FROM series
//! };
//! let mut rows = cte_runtime::sqlx::query(&q, Dialect::Postgres)?.fetch(pool);
//! while let Some(row) = rows.try_next().await? {
//!     let n: i32 = row.try_get(0)?;
//! }
//! # Ok(())
//! # }
//! ```

#[cfg(feature = "sqlx-mysql")]
mod mysql;
#[cfg(feature = "sqlx-postgres")]
mod postgres;
#[cfg(feature = "sqlx-sqlite")]
mod sqlite;

use std::future::Future;

use ::sqlx::{AssertSqlSafe, ColumnIndex, Decode, Executor, Row as _, Type};
use futures_core::stream::BoxStream;

use super::error::check_dialect;
use super::{DriverError, TypedRows};
use crate::{Dialect, Query, TypedQuery, Value};

#[cfg(feature = "sqlx-mysql")]
pub use mysql::server_dialect;

/// The error of a query run through sqlx: a [`RenderError`](crate::RenderError), a dialect the
/// backend does not speak, or a [`sqlx::Error`](::sqlx::Error).
pub type Error = DriverError<::sqlx::Error>;

impl From<::sqlx::Error> for DriverError<::sqlx::Error> {
    fn from(e: ::sqlx::Error) -> Self {
        DriverError::Driver(e)
    }
}

/// sqlx's query object for backend `DB`, with its arguments bound.
pub type SqlxQuery<DB> = ::sqlx::query::Query<'static, DB, <DB as ::sqlx::Database>::Arguments>;

mod sealed {
    use super::SqlxQuery;
    use crate::{Dialect, Value};

    /// What each backend contributes to [`super::query`].
    pub trait Backend:
        ::sqlx::Database<Arguments: ::sqlx::IntoArguments<Self>>
        + ::sqlx::database::HasStatementCache
    {
        /// The feature that enables the backend, for error messages.
        const FEATURE: &'static str;
        /// The dialects the backend's servers speak.
        const DIALECTS: &'static [Dialect];
        /// Whether sqlx may cache the prepared statement across runs.
        const PERSISTENT: bool;

        fn bind(query: SqlxQuery<Self>, value: Value) -> SqlxQuery<Self>;

        /// Reads every column of a row as a [`Value`].
        fn row_values(row: &Self::Row) -> Result<Vec<Value>, ::sqlx::Error>;
    }
}

/// A sqlx database backend that runs [`Query`]s: `sqlx::Postgres` (renders for
/// [`Dialect::Postgres`]), `sqlx::MySql` ([`Dialect::MySql`] or [`Dialect::MariaDb`]) and
/// `sqlx::Sqlite` ([`Dialect::Sqlite`]).
pub trait Backend: sealed::Backend {}

impl<DB: sealed::Backend> Backend for DB {}

/// Renders `query` for `dialect` and returns sqlx's query object for backend `DB` with the
/// parameters bound; `DB` is usually inferred from the executor the query runs on.
///
/// A dialect that `DB`'s servers do not speak (a [`Dialect::MySql`] query for
/// `sqlx::Postgres`) is [`DriverError::Dialect`], and a query that the dialect cannot express
/// is [`DriverError::Render`], both before anything is sent.
pub fn query<DB: Backend>(query: &Query, dialect: Dialect) -> Result<SqlxQuery<DB>, Error> {
    check_dialect(DB::FEATURE, dialect, DB::DIALECTS)?;
    let rendered = query.render(dialect)?;
    // The SQL comes from the renderer, never from a value: values are bound below.
    let sql = AssertSqlSafe(rendered.sql().to_owned());
    let mut bound = ::sqlx::query::<DB>(sql).persistent(DB::PERSISTENT);
    for value in rendered.into_params() {
        bound = DB::bind(bound, value);
    }
    Ok(bound)
}

/// Every column of `row` as a [`Value`], as each backend's `Decode` reads it.
fn row_values<DB: ::sqlx::Database>(row: &DB::Row) -> Result<Vec<Value>, ::sqlx::Error>
where
    Value: for<'r> Decode<'r, DB> + Type<DB>,
    usize: ColumnIndex<DB::Row>,
{
    (0..row.len()).map(|i| row.try_get::<Value, _>(i)).collect()
}

/// The stream of typed rows of [`ExecutorExt::cte_fetch`].
pub type TypedRowStream<'e, 'q, DB, R> = TypedRows<
    'q,
    BoxStream<'e, Result<<DB as ::sqlx::Database>::Row, ::sqlx::Error>>,
    <DB as ::sqlx::Database>::Row,
    ::sqlx::Error,
    R,
>;

/// Runs [`select_as!`](crate::select_as) queries on any sqlx executor (a pool, a connection, a
/// transaction), rendered for `dialect` as [`query`] does, each row read into the query's row
/// type.
///
/// ```no_run
/// use cte_runtime::sqlx::ExecutorExt;
/// use cte_runtime::{select_as, Dialect};
///
/// struct Report {
///     id: i64,
///     name: String,
///     boss: Option<String>,
/// }
///
/// # async fn run(pool: &sqlx::PgPool) -> Result<(), Box<dyn std::error::Error>> {
/// let q = select_as!(Report,
///     SELECT e.id, e.name, m.name AS boss
///     FROM employees AS e LEFT JOIN employees AS m ON m.id = e.manager_id
/// );
/// for r in pool.cte_fetch_all(&q, Dialect::Postgres).await? {
///     println!("{} {} {:?}", r.id, r.name, r.boss);
/// }
/// # Ok(())
/// # }
/// ```
pub trait ExecutorExt<'e>: Executor<'e> + Sized
where
    Self::Database: Backend,
{
    /// Runs the query and reads every row.
    fn cte_fetch_all<R: Send>(
        self,
        query: &TypedQuery<R>,
        dialect: Dialect,
    ) -> impl Future<Output = Result<Vec<R>, Error>> + Send {
        let sqlx_query = self::query::<Self::Database>(query, dialect);
        async move {
            let rows = sqlx_query?.fetch_all(self).await?;
            rows.iter()
                .map(|row| {
                    Ok(query.decode_row(<Self::Database as sealed::Backend>::row_values(row)?)?)
                })
                .collect()
        }
    }

    /// Runs the query and reads its first row; [`DriverError::NoRows`] when it has none.
    fn cte_fetch_one<R: Send>(
        self,
        query: &TypedQuery<R>,
        dialect: Dialect,
    ) -> impl Future<Output = Result<R, Error>> + Send {
        let optional = self.cte_fetch_optional(query, dialect);
        async move { optional.await?.ok_or(DriverError::NoRows) }
    }

    /// Runs the query and reads its first row, if it has one.
    fn cte_fetch_optional<R: Send>(
        self,
        query: &TypedQuery<R>,
        dialect: Dialect,
    ) -> impl Future<Output = Result<Option<R>, Error>> + Send {
        let sqlx_query = self::query::<Self::Database>(query, dialect);
        async move {
            match sqlx_query?.fetch_optional(self).await? {
                Some(row) => Ok(Some(
                    query.decode_row(<Self::Database as sealed::Backend>::row_values(&row)?)?,
                )),
                None => Ok(None),
            }
        }
    }

    /// Runs the query and returns its rows as a `Stream` that reads them from the connection as
    /// it is polled, each into the row type: bounded memory for any result size.
    fn cte_fetch<'q, R>(
        self,
        query: &'q TypedQuery<R>,
        dialect: Dialect,
    ) -> Result<TypedRowStream<'e, 'q, Self::Database, R>, Error>
    where
        Self: 'e,
    {
        let rows = self::query::<Self::Database>(query, dialect)?.fetch(self);
        Ok(TypedRows::new(
            rows,
            query,
            <Self::Database as sealed::Backend>::row_values,
        ))
    }
}

impl<'e, E: Executor<'e>> ExecutorExt<'e> for E where E::Database: Backend {}
