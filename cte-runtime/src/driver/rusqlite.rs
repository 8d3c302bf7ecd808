//! Running queries with [`rusqlite`](::rusqlite) (feature `rusqlite`).
//!
//! [`Value`] implements rusqlite's `ToSql` and `FromSql`, so rendered parameters bind directly
//! (`params_from_iter(rendered.params())`) and any column reads as a `Value`
//! (`row.get::<_, Value>(i)`). [`ConnectionExt`] adds `cte_*` methods to
//! `rusqlite::Connection` (and to a `Transaction`, which derefs to it) that render the query for
//! SQLite, run it as a cached prepared statement and hand each row to your closure.
//!
//! SQLite has no boolean, date or decimal types: a `Value::Bool` binds as the integer 0 or 1
//! and reads back as an `I64`; dates, times and timestamps bind as ISO 8601 text, decimals and
//! JSON as their text and UUIDs as 16-byte blobs, and read back as `Text` and `Bytes`, which
//! `TryFrom<Value>` turns into the type you bound (`docs/values.md` has the whole table).
//!
//! ```
//! use cte_runtime::rusqlite::ConnectionExt;
//! use cte_runtime::select;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let conn = rusqlite::Connection::open_in_memory()?;
//! let limit = 5;
//! let q = select! {
//!     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {limit})
//!     SELECT n FROM series
//! };
//! let numbers: Vec<i64> = conn.cte_query_map(&q, |row| row.get(0))?;
//! assert_eq!(numbers, [1, 2, 3, 4, 5]);
//! # Ok(())
//! # }
//! ```
//!
//! To read typed rows one at a time without collecting them, see
//! [`cte_fetch`](ConnectionExt::cte_fetch); to read the driver's own rows that way, render the
//! query and use rusqlite's statement API:
//!
//! ```
//! # use cte_runtime::{select, Dialect};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let conn = rusqlite::Connection::open_in_memory()?;
//! # let q = select! { SELECT {1} };
//! let rendered = q.render(Dialect::Sqlite)?;
//! let mut stmt = conn.prepare_cached(rendered.sql())?;
//! let mut rows = stmt.query(rusqlite::params_from_iter(rendered.params()))?;
//! while let Some(row) = rows.next()? {
//!     let first: cte_runtime::Value = row.get(0)?;
//! }
//! # Ok(())
//! # }
//! ```

use ::rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use ::rusqlite::{params_from_iter, Connection, Row};

use std::borrow::Cow;

use super::sqlite_storage::{stored, Stored};
use super::DriverError;
use crate::{Dialect, Query, TypedQuery, Value};

/// The error of a query run through `rusqlite`: a [`RenderError`](crate::RenderError) or a
/// [`rusqlite::Error`](::rusqlite::Error).
pub type Error = DriverError<::rusqlite::Error>;

impl From<::rusqlite::Error> for DriverError<::rusqlite::Error> {
    fn from(e: ::rusqlite::Error) -> Self {
        DriverError::Driver(e)
    }
}

impl ToSql for Value {
    fn to_sql(&self) -> ::rusqlite::Result<ToSqlOutput<'_>> {
        let stored =
            stored(self).map_err(|e| ::rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        Ok(match stored {
            Stored::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Stored::Integer(i) => ToSqlOutput::Borrowed(ValueRef::Integer(i)),
            Stored::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(f)),
            Stored::Text(Cow::Borrowed(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Stored::Text(Cow::Owned(s)) => ToSqlOutput::Owned(::rusqlite::types::Value::Text(s)),
            Stored::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

impl FromSql for Value {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::I64(i),
            ValueRef::Real(f) => Value::F64(f),
            ValueRef::Text(t) => Value::Text(
                String::from_utf8(t.to_vec()).map_err(|e| FromSqlError::Other(Box::new(e)))?,
            ),
            ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
        })
    }
}

/// Runs a [`Query`] on a rusqlite connection, rendered for [`Dialect::Sqlite`] and prepared
/// through the connection's statement cache.
pub trait ConnectionExt {
    /// Runs a statement and returns the number of rows it changed.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select;
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// conn.execute_batch("CREATE TABLE slot (n INTEGER, label TEXT)")?;
    /// let last = 5;
    /// let inserted = conn.cte_execute(&select! {
    ///     WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {last})
    ///     INSERT INTO slot (n, label) SELECT n, "free" FROM s
    /// })?;
    /// assert_eq!(inserted, 5);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_execute(&self, query: &Query) -> Result<usize, Error>;

    /// Runs a query that returns at least one row and maps the first with `f`; no row is
    /// `rusqlite::Error::QueryReturnedNoRows`.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select;
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let q = select! {
    ///     WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10)
    ///     SELECT SUM(n) AS total FROM s
    /// };
    /// let total: i64 = conn.cte_query_row(&q, |row| row.get(0))?;
    /// assert_eq!(total, 55);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_row<T, F>(&self, query: &Query, f: F) -> Result<T, Error>
    where
        F: FnOnce(&Row<'_>) -> ::rusqlite::Result<T>;

    /// Runs a query and maps every row with `f`, stopping at the first error.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select;
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let q = select! {
    ///     WITH RECURSIVE s(n, sq) AS (SELECT 1, 1 UNION ALL SELECT n + 1, (n + 1) * (n + 1) FROM s WHERE n < 3)
    ///     SELECT n, sq FROM s ORDER BY n
    /// };
    /// let squares: Vec<(i64, i64)> = conn.cte_query_map(&q, |row| Ok((row.get(0)?, row.get(1)?)))?;
    /// assert_eq!(squares, [(1, 1), (2, 4), (3, 9)]);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_query_map<T, F>(&self, query: &Query, f: F) -> Result<Vec<T>, Error>
    where
        F: FnMut(&Row<'_>) -> ::rusqlite::Result<T>;

    /// Runs a [`select_as!`](crate::select_as) query and reads every row into its row type.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select_as;
    ///
    /// #[derive(Debug, PartialEq)]
    /// struct Level {
    ///     depth: i64,
    ///     label: String,
    /// }
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let q = select_as!(Level,
    ///     WITH RECURSIVE s(depth, label) AS (
    ///         SELECT 0, "root" UNION ALL SELECT depth + 1, label || "/x" FROM s WHERE depth < 2
    ///     )
    ///     SELECT depth, label FROM s ORDER BY depth
    /// );
    /// let levels = conn.cte_fetch_all(&q)?;
    /// assert_eq!(levels[2], Level { depth: 2, label: "root/x/x".into() });
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch_all<R>(&self, query: &TypedQuery<R>) -> Result<Vec<R>, Error>;

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row;
    /// [`DriverError::NoRows`] when it has none.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::{select_as, DriverError};
    ///
    /// struct Count {
    ///     n: i64,
    /// }
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let q = select_as!(Count, SELECT COUNT(*) AS n FROM (VALUES (1), (2)) AS v(x));
    /// assert_eq!(conn.cte_fetch_one(&q)?.n, 2);
    /// let none = select_as!(Count, SELECT 1 AS n WHERE 1 = 0);
    /// assert!(matches!(conn.cte_fetch_one(&none), Err(DriverError::NoRows)));
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch_one<R>(&self, query: &TypedQuery<R>) -> Result<R, Error> {
        self.cte_fetch_optional(query)?.ok_or(DriverError::NoRows)
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row, if it has one.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select_as;
    ///
    /// struct Found {
    ///     name: String,
    /// }
    ///
    /// # fn main() -> Result<(), cte_runtime::rusqlite::Error> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let wanted = "b";
    /// let q = select_as!(Found,
    ///     SELECT name FROM (VALUES ("a"), ("b")) AS v(name) WHERE name = {wanted}
    /// );
    /// assert_eq!(conn.cte_fetch_optional(&q)?.map(|f| f.name).as_deref(), Some("b"));
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch_optional<R>(&self, query: &TypedQuery<R>) -> Result<Option<R>, Error>;

    /// Runs a [`select_as!`](crate::select_as) query and hands `read` an iterator of its rows,
    /// each decoded as SQLite steps to it, so a large result is never held in memory at once;
    /// returns what `read` returns.
    ///
    /// A closure rather than a returned iterator: rusqlite's rows borrow the prepared
    /// statement, and the statement borrows the connection, so an iterator returned from here
    /// would have to own the statement it borrows. Inside `read`, the iterator is an ordinary
    /// one: `?`, `break`, `take`, `sum` all work, and the statement goes back to the
    /// connection's cache when `read` returns.
    ///
    /// ```
    /// use cte_runtime::rusqlite::ConnectionExt;
    /// use cte_runtime::select_as;
    ///
    /// struct Step {
    ///     n: i64,
    /// }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let conn = rusqlite::Connection::open_in_memory()?;
    /// let count = 100_000_i64;
    /// let q = select_as!(Step,
    ///     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {count})
    ///     SELECT n FROM series
    /// );
    /// let total: i64 = conn.cte_fetch(&q, |steps| {
    ///     let mut total = 0;
    ///     for step in steps {
    ///         total += step?.n;
    ///     }
    ///     Ok(total)
    /// })?;
    /// assert_eq!(total, count * (count + 1) / 2);
    /// // Or stop early: only the rows read are decoded.
    /// let first: Vec<i64> = conn.cte_fetch(&q, |steps| steps.take(3).map(|s| Ok(s?.n)).collect())?;
    /// assert_eq!(first, [1, 2, 3]);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch<R, T, F>(&self, query: &TypedQuery<R>, read: F) -> Result<T, Error>
    where
        F: for<'s> FnOnce(FetchRows<'s, R>) -> Result<T, Error>;
}

/// The rows of a [`select_as!`](crate::select_as) query as SQLite steps to them, each read
/// into the query's row type: the iterator [`ConnectionExt::cte_fetch`] hands its closure.
pub struct FetchRows<'s, R> {
    rows: ::rusqlite::Rows<'s>,
    query: &'s TypedQuery<R>,
}

impl<R> Iterator for FetchRows<'_, R> {
    type Item = Result<R, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.rows.next() {
            Ok(Some(row)) => Some(
                values(row)
                    .map_err(Error::from)
                    .and_then(|v| Ok(self.query.decode_row(v)?)),
            ),
            Ok(None) => None,
            Err(e) => Some(Err(e.into())),
        }
    }
}

impl ConnectionExt for Connection {
    fn cte_execute(&self, query: &Query) -> Result<usize, Error> {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        Ok(stmt.execute(params_from_iter(r.params()))?)
    }

    fn cte_query_row<T, F>(&self, query: &Query, f: F) -> Result<T, Error>
    where
        F: FnOnce(&Row<'_>) -> ::rusqlite::Result<T>,
    {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        Ok(stmt.query_row(params_from_iter(r.params()), f)?)
    }

    fn cte_query_map<T, F>(&self, query: &Query, f: F) -> Result<Vec<T>, Error>
    where
        F: FnMut(&Row<'_>) -> ::rusqlite::Result<T>,
    {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        let rows = stmt.query_map(params_from_iter(r.params()), f)?;
        Ok(rows.collect::<::rusqlite::Result<Vec<T>>>()?)
    }

    fn cte_fetch_all<R>(&self, query: &TypedQuery<R>) -> Result<Vec<R>, Error> {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        let mut rows = stmt.query(params_from_iter(r.params()))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(query.decode_row(values(row)?)?);
        }
        Ok(out)
    }

    fn cte_fetch<R, T, F>(&self, query: &TypedQuery<R>, read: F) -> Result<T, Error>
    where
        F: for<'s> FnOnce(FetchRows<'s, R>) -> Result<T, Error>,
    {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        let rows = stmt.query(params_from_iter(r.params()))?;
        read(FetchRows { rows, query })
    }

    fn cte_fetch_optional<R>(&self, query: &TypedQuery<R>) -> Result<Option<R>, Error> {
        let r = query.render(Dialect::Sqlite)?;
        let mut stmt = self.prepare_cached(r.sql())?;
        let mut rows = stmt.query(params_from_iter(r.params()))?;
        match rows.next()? {
            Some(row) => Ok(Some(query.decode_row(values(row)?)?)),
            None => Ok(None),
        }
    }
}

/// A row's columns as values, read as [`Value`]'s `FromSql` reads them.
fn values(row: &Row<'_>) -> ::rusqlite::Result<Vec<Value>> {
    (0..row.as_ref().column_count())
        .map(|i| row.get::<_, Value>(i))
        .collect()
}
