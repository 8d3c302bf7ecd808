//! Running queries with the synchronous [`postgres`](::postgres) driver (feature `postgres`).
//!
//! [`ClientExt`] adds `cte_*` methods to `postgres::Client` and `postgres::Transaction` (any
//! [`GenericClient`]): each renders the query for PostgreSQL, binds its parameters and calls the
//! driver method of the same name. Rows are the driver's own [`Row`]s; read a column as a Rust
//! type as usual, or as a [`Value`](crate::Value) with `row.try_get::<_, Value>(i)`. The
//! driver's own `i64` reads only an int8 column; through `Value`, an int2, an int4 or an integer
//! literal reads into `i64` as well (`TryFrom<Value>`, range-checked into narrower integers).
//!
//! Parameters bind to the type PostgreSQL infers for each placeholder: an `i64` compared with an
//! `integer` column binds as an int4 (with a range check), so no "cannot convert" errors.
//!
//! ```no_run
//! use cte_runtime::postgres::ClientExt;
//! use cte_runtime::{select, Value};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut client = postgres::Client::connect("postgres://postgres@localhost/test", postgres::NoTls)?;
//! let (root, max_depth) = (1_i64, 5_i64);
//! let q = select! {
//!     WITH RECURSIVE chart(id, depth) AS (
//!         SELECT id, 0 FROM employee WHERE id = {root}
//!         UNION ALL
//!         SELECT e.id, c.depth + 1 FROM employee e JOIN chart c ON e.manager_id = c.id
//!         WHERE c.depth < {max_depth}
//!     )
//!     SELECT id, depth FROM chart
//! };
//! for row in client.cte_query(&q)? {
//!     let id: i32 = row.try_get(0)?;
//!     // `depth` is an int4 here (the anchor's `0`): through `Value` it reads as an i64.
//!     let depth: i64 = row.try_get::<_, Value>(1)?.try_into()?;
//!     println!("{id} {depth}");
//! }
//! # Ok(())
//! # }
//! ```

use ::postgres::fallible_iterator::FallibleIterator;
use ::postgres::types::ToSql;
use ::postgres::{GenericClient, Row, RowIter};

use super::DriverError;
use crate::{Dialect, Query, TypedQuery, Value};

/// The error of a query run through `postgres`: a [`RenderError`](crate::RenderError) or a
/// [`postgres::Error`](::postgres::Error).
pub type Error = DriverError<::postgres::Error>;

impl From<::postgres::Error> for DriverError<::postgres::Error> {
    fn from(e: ::postgres::Error) -> Self {
        DriverError::Driver(e)
    }
}

/// Runs a [`Query`] on a `postgres` client or transaction. Each method renders the query for
/// [`Dialect::Postgres`] and calls the client method of the same name without the prefix.
pub trait ClientExt {
    /// Runs a statement and returns the number of rows it modified.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select;
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let days = 30;
    /// let removed = client.cte_execute(&select! {
    ///     WITH stale AS (SELECT id FROM session WHERE age_days > {days})
    ///     DELETE FROM session WHERE id IN (SELECT id FROM stale)
    /// })?;
    /// println!("{removed} sessions removed");
    /// # Ok(())
    /// # }
    /// ```
    fn cte_execute(&mut self, query: &Query) -> Result<u64, Error>;

    /// Runs a query and returns all its rows.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select;
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let rows = client.cte_query(&select! {
    ///     WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
    ///     SELECT n FROM s
    /// })?;
    /// let ns: Vec<i32> = rows.iter().map(|row| row.get(0)).collect(); // the literal 1 is an int4
    /// assert_eq!(ns, [1, 2, 3]);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query(&mut self, query: &Query) -> Result<Vec<Row>, Error>;

    /// Runs a query that returns exactly one row; another count is an error.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select;
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let row = client.cte_query_one(&select! { SELECT COUNT(*) AS n FROM employee })?;
    /// let n: i64 = row.get("n");
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_one(&mut self, query: &Query) -> Result<Row, Error>;

    /// Runs a query that returns at most one row; more is an error.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select;
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let id = 7;
    /// let boss = client.cte_query_opt(&select! { SELECT manager_id FROM employee WHERE id = {id} })?;
    /// if boss.is_none() {
    ///     println!("no employee {id}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_opt(&mut self, query: &Query) -> Result<Option<Row>, Error>;

    /// Runs a query and returns its rows as an iterator that reads them from the connection as
    /// it goes, so a large result is never held in memory at once.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select;
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use postgres::fallible_iterator::FallibleIterator;
    ///
    /// let mut rows = client.cte_query_raw(&select! {
    ///     WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000)
    ///     SELECT n FROM s
    /// })?;
    /// let mut total = 0_i64;
    /// while let Some(row) = rows.next()? {
    ///     total += i64::from(row.get::<_, i32>(0));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_raw(&mut self, query: &Query) -> Result<RowIter<'_>, Error>;

    /// Runs a [`select_as!`](crate::select_as) query and reads every row into its row type.
    fn cte_fetch_all<R>(&mut self, query: &TypedQuery<R>) -> Result<Vec<R>, Error> {
        let rows = self.cte_query(query)?;
        rows.iter().map(|row| decode(query, row)).collect()
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row;
    /// [`DriverError::NoRows`] when it has none.
    fn cte_fetch_one<R>(&mut self, query: &TypedQuery<R>) -> Result<R, Error> {
        self.cte_fetch_optional(query)?.ok_or(DriverError::NoRows)
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row, if it has one.
    fn cte_fetch_optional<R>(&mut self, query: &TypedQuery<R>) -> Result<Option<R>, Error> {
        let mut rows = self.cte_query_raw(query)?;
        match rows.next()? {
            Some(row) => Ok(Some(decode(query, &row)?)),
            None => Ok(None),
        }
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its rows as they come from the
    /// connection, so a large result is never held in memory at once.
    ///
    /// ```no_run
    /// use cte_runtime::postgres::ClientExt;
    /// use cte_runtime::select_as;
    ///
    /// struct Step {
    ///     n: i64,
    /// }
    ///
    /// # fn run(client: &mut postgres::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let count = 1_000_000_i64;
    /// let q = select_as!(Step,
    ///     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {count})
    ///     SELECT n FROM series
    /// );
    /// let mut total = 0_i64;
    /// for step in client.cte_fetch(&q)? {
    ///     total += step?.n; // an int4 column, read as i64
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch<'q, R>(
        &'q mut self,
        query: &'q TypedQuery<R>,
    ) -> Result<impl Iterator<Item = Result<R, Error>> + 'q, Error> {
        let mut rows = self.cte_query_raw(query)?;
        Ok(std::iter::from_fn(move || match rows.next() {
            Ok(Some(row)) => Some(decode(query, &row)),
            Ok(None) => None,
            Err(e) => Some(Err(e.into())),
        }))
    }
}

/// Reads a row into the query's row type, each column as a [`Value`] first.
fn decode<R>(query: &TypedQuery<R>, row: &Row) -> Result<R, Error> {
    let values = (0..row.len())
        .map(|i| row.try_get::<_, Value>(i))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(query.decode_row(values)?)
}

/// The parameters as the driver takes them.
fn params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl<C: GenericClient> ClientExt for C {
    fn cte_execute(&mut self, query: &Query) -> Result<u64, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.execute(r.sql(), &params(r.params()))?)
    }

    fn cte_query(&mut self, query: &Query) -> Result<Vec<Row>, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query(r.sql(), &params(r.params()))?)
    }

    fn cte_query_one(&mut self, query: &Query) -> Result<Row, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_one(r.sql(), &params(r.params()))?)
    }

    fn cte_query_opt(&mut self, query: &Query) -> Result<Option<Row>, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_opt(r.sql(), &params(r.params()))?)
    }

    fn cte_query_raw(&mut self, query: &Query) -> Result<RowIter<'_>, Error> {
        let r = query.render(Dialect::Postgres)?;
        Ok(self.query_raw(r.sql(), r.params())?)
    }
}
