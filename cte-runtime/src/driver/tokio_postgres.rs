//! Running queries with the asynchronous [`tokio_postgres`](::tokio_postgres) driver (feature
//! `tokio-postgres`), with rows as a `Stream`.
//!
//! [`ClientExt`] adds `cte_*` methods to `tokio_postgres::Client` and `Transaction` (any
//! [`GenericClient`]): each renders the query for PostgreSQL, binds its parameters and calls the
//! driver method of the same name. [`ClientExt::cte_query_raw`] returns the driver's
//! [`RowStream`], which reads rows from the connection as they are polled: a result of millions
//! of rows streams in bounded memory. Read a column as a Rust type as usual, or as a
//! [`Value`](crate::Value) with `row.try_get::<_, Value>(i)`.
//!
//! Parameters bind to the type PostgreSQL infers for each placeholder, as with the `postgres`
//! feature: an `i64` compared with an `integer` column binds as an int4.
//!
//! ```no_run
//! use cte_runtime::select;
//! use cte_runtime::tokio_postgres::ClientExt;
//! use futures_util::{pin_mut, TryStreamExt};
//!
//! # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let count = 1_000_000_i64;
//! let q = select! {
//!     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {count})
//!     SELECT n FROM series
//! };
//! let rows = client.cte_query_raw(&q).await?;
//! pin_mut!(rows);
//! let mut sum = 0_i64;
//! while let Some(row) = rows.try_next().await? {
//!     sum += row.try_get::<_, i32>(0)? as i64;
//! }
//! # Ok(())
//! # }
//! ```

use std::future::Future;

use ::tokio_postgres::types::ToSql;
use ::tokio_postgres::{GenericClient, Row, RowStream};

use super::{DriverError, TypedRows};
use crate::{Dialect, Query, TypedQuery, Value};

/// The error of a query run through `tokio-postgres`: a [`RenderError`](crate::RenderError) or
/// a [`tokio_postgres::Error`](::tokio_postgres::Error).
pub type Error = DriverError<::tokio_postgres::Error>;

// `postgres::Error` is this same type: with both features, the `postgres` module has the impl.
#[cfg(not(feature = "postgres"))]
impl From<::tokio_postgres::Error> for DriverError<::tokio_postgres::Error> {
    fn from(e: ::tokio_postgres::Error) -> Self {
        DriverError::Driver(e)
    }
}

/// Runs a [`Query`] on a `tokio-postgres` client or transaction. Each method renders the query
/// for [`Dialect::Postgres`] and calls the client method of the same name without the prefix.
pub trait ClientExt {
    /// Runs a statement and returns the number of rows it modified.
    ///
    /// ```no_run
    /// use cte_runtime::select;
    /// use cte_runtime::tokio_postgres::ClientExt;
    ///
    /// # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let days = 30;
    /// let removed = client
    ///     .cte_execute(&select! { DELETE FROM session WHERE age_days > {days} })
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    fn cte_execute(&self, query: &Query) -> impl Future<Output = Result<u64, Error>> + Send;

    /// Runs a query and returns all its rows.
    ///
    /// ```no_run
    /// use cte_runtime::select;
    /// use cte_runtime::tokio_postgres::ClientExt;
    ///
    /// # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let rows = client
    ///     .cte_query(&select! {
    ///         WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
    ///         SELECT n FROM s
    ///     })
    ///     .await?;
    /// let ns: Vec<i32> = rows.iter().map(|row| row.get(0)).collect();
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query(&self, query: &Query) -> impl Future<Output = Result<Vec<Row>, Error>> + Send;

    /// Runs a query that returns exactly one row; another count is an error.
    ///
    /// ```no_run
    /// use cte_runtime::select;
    /// use cte_runtime::tokio_postgres::ClientExt;
    ///
    /// # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let row = client.cte_query_one(&select! { SELECT COUNT(*) AS n FROM employee }).await?;
    /// let n: i64 = row.get("n");
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_one(&self, query: &Query) -> impl Future<Output = Result<Row, Error>> + Send;

    /// Runs a query that returns at most one row; more is an error.
    ///
    /// ```no_run
    /// use cte_runtime::select;
    /// use cte_runtime::tokio_postgres::ClientExt;
    ///
    /// # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let id = 7;
    /// let row = client
    ///     .cte_query_opt(&select! { SELECT name FROM employee WHERE id = {id} })
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_opt(
        &self,
        query: &Query,
    ) -> impl Future<Output = Result<Option<Row>, Error>> + Send;

    /// Runs a query and returns its rows as a `Stream` of `Result<Row, tokio_postgres::Error>`
    /// that reads them from the connection as it is polled.
    fn cte_query_raw(&self, query: &Query)
        -> impl Future<Output = Result<RowStream, Error>> + Send;

    /// Runs a [`select_as!`](crate::select_as) query and reads every row into its row type.
    fn cte_fetch_all<R: Send>(
        &self,
        query: &TypedQuery<R>,
    ) -> impl Future<Output = Result<Vec<R>, Error>> + Send;

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row;
    /// [`DriverError::NoRows`] when it has none.
    fn cte_fetch_one<R: Send>(
        &self,
        query: &TypedQuery<R>,
    ) -> impl Future<Output = Result<R, Error>> + Send;

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row, if it has one.
    fn cte_fetch_optional<R: Send>(
        &self,
        query: &TypedQuery<R>,
    ) -> impl Future<Output = Result<Option<R>, Error>> + Send;

    /// Runs a [`select_as!`](crate::select_as) query and returns its rows as a `Stream` that
    /// reads them from the connection as it is polled, each into the row type.
    ///
    /// ```no_run
    /// use cte_runtime::select_as;
    /// use cte_runtime::tokio_postgres::ClientExt;
    /// use futures_util::TryStreamExt;
    ///
    /// struct Step {
    ///     n: i64,
    /// }
    ///
    /// # async fn run(client: &tokio_postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let q = select_as!(Step,
    ///     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < 1000)
    ///     SELECT n FROM series
    /// );
    /// let mut steps = client.cte_fetch(&q).await?;
    /// while let Some(step) = steps.try_next().await? {
    ///     assert!(step.n >= 1);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[allow(clippy::type_complexity)]
    fn cte_fetch<'q, R: Send>(
        &self,
        query: &'q TypedQuery<R>,
    ) -> impl Future<Output = Result<TypedRows<'q, RowStream, Row, ::tokio_postgres::Error, R>, Error>>
           + Send;
}

/// A row's columns as values.
fn values(row: &Row) -> Result<Vec<Value>, ::tokio_postgres::Error> {
    (0..row.len()).map(|i| row.try_get::<_, Value>(i)).collect()
}

/// The parameters as the driver takes them.
fn params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl<C: GenericClient + Sync> ClientExt for C {
    async fn cte_execute(&self, query: &Query) -> Result<u64, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.execute(r.sql(), &params(r.params())).await?)
    }

    async fn cte_query(&self, query: &Query) -> Result<Vec<Row>, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query(r.sql(), &params(r.params())).await?)
    }

    async fn cte_query_one(&self, query: &Query) -> Result<Row, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_one(r.sql(), &params(r.params())).await?)
    }

    async fn cte_query_opt(&self, query: &Query) -> Result<Option<Row>, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_opt(r.sql(), &params(r.params())).await?)
    }

    async fn cte_query_raw(&self, query: &Query) -> Result<RowStream, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_raw(r.sql(), r.params()).await?)
    }

    async fn cte_fetch_all<R: Send>(&self, query: &TypedQuery<R>) -> Result<Vec<R>, Error> {
        let rows = self.cte_query(query).await?;
        rows.iter()
            .map(|row| Ok(query.decode_row(values(row)?)?))
            .collect()
    }

    async fn cte_fetch_one<R: Send>(&self, query: &TypedQuery<R>) -> Result<R, Error> {
        self.cte_fetch_optional(query)
            .await?
            .ok_or(DriverError::NoRows)
    }

    async fn cte_fetch_optional<R: Send>(&self, query: &TypedQuery<R>) -> Result<Option<R>, Error> {
        let r = query.render(Dialect::Postgres)?;
        // The first row only: the rest is not read.
        let rows = self.query_raw(r.sql(), r.params()).await?;
        let mut rows = std::pin::pin!(rows);
        match std::future::poll_fn(|cx| futures_core::Stream::poll_next(rows.as_mut(), cx)).await {
            Some(row) => Ok(Some(query.decode_row(values(&row?)?)?)),
            None => Ok(None),
        }
    }

    async fn cte_fetch<'q, R: Send>(
        &self,
        query: &'q TypedQuery<R>,
    ) -> Result<TypedRows<'q, RowStream, Row, ::tokio_postgres::Error, R>, Error> {
        let rows = self.cte_query_raw(query).await?;
        Ok(TypedRows::new(rows, query, values))
    }
}
