//! Running queries with the synchronous [`mysql`](::mysql) driver (feature `mysql`), on MySQL
//! or MariaDB.
//!
//! The two servers speak one protocol but differ in SQL, so the caller says which dialect to
//! render for: [`Dialect::MySql`] or [`Dialect::MariaDb`]. [`server_dialect`] asks the server
//! once (`SELECT VERSION()`); keep the answer with the connection. Any other dialect is refused
//! with [`DriverError::Dialect`] before anything is sent.
//!
//! [`QueryableExt`] adds `cte_*` methods to anything [`Queryable`] (`Conn`, `PooledConn`,
//! `Transaction`) that run the query as a prepared statement and read rows into any
//! [`FromRow`] type: tuples, `mysql::Row`, your own. `Value` converts into `mysql::Value` (so
//! it binds) and from it (`FromValue`), and [`row_values`] reads a whole row as `Value`s by its
//! columns' types.
//!
//! ```no_run
//! use cte_runtime::mysql::{server_dialect, QueryableExt};
//! use cte_runtime::select;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut conn = mysql::Conn::new(mysql::Opts::from_url("mysql://root@localhost/test")?)?;
//! let dialect = server_dialect(&mut conn)?;
//! let limit = 5;
//! let q = select! {
//!     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {limit})
//!     SELECT n FROM series
//! };
//! let numbers: Vec<i64> = conn.cte_exec(&q, dialect)?;
//! # Ok(())
//! # }
//! ```

use ::mysql::consts::ColumnType;
use ::mysql::prelude::{FromRow, FromValue, Queryable};
use ::mysql::{Binary, Column, FromValueError, Params, QueryResult, Row};

use super::error::check_dialect;
use super::mysql_server::{self, DIALECTS, VERSION_QUERY};
use super::mysql_time::{date_time_value, parts, time_value, DateTimeParts};
use super::DriverError;
use crate::value::uuid_text;
use crate::{Date, Dialect, Query, Timestamp, TypedQuery, Value};

/// The error of a query run through `mysql`: a [`RenderError`](crate::RenderError), a dialect
/// that is not MySQL's or MariaDB's, or a [`mysql::Error`](::mysql::Error).
pub type Error = DriverError<::mysql::Error>;

impl From<::mysql::Error> for DriverError<::mysql::Error> {
    fn from(e: ::mysql::Error) -> Self {
        DriverError::Driver(e)
    }
}

/// The character set number of binary strings (BINARY, VARBINARY, BLOB, BIT).
const BINARY_CHARSET: u16 = 63;

// `&Value` converts too, through mysql's own `From<&T>` for every `T: Into<mysql::Value> + Clone`.
// MySQL has no arrays: `render` binds a list as one value per placeholder and refuses an
// `Array` parameter, so rendered parameters never hold one; converted by hand, it is NULL.
impl From<Value> for ::mysql::Value {
    fn from(v: Value) -> Self {
        match v {
            Value::Null | Value::Array(_) => ::mysql::Value::NULL,
            Value::Bool(b) => ::mysql::Value::Int(i64::from(b)),
            Value::I64(i) => ::mysql::Value::Int(i),
            Value::F64(f) => ::mysql::Value::Double(f),
            Value::Text(s) | Value::Json(s) => ::mysql::Value::Bytes(s.into_bytes()),
            Value::Bytes(b) => ::mysql::Value::Bytes(b),
            // MySQL has no UUID type, and MariaDB's reads the text form.
            Value::Uuid(u) => ::mysql::Value::Bytes(uuid_text(&u).into_bytes()),
            Value::Decimal(d) => ::mysql::Value::Bytes(d.as_str().as_bytes().to_vec()),
            Value::Date(d) => {
                ::mysql::Value::Date(d.year() as u16, d.month() as u8, d.day() as u8, 0, 0, 0, 0)
            }
            Value::Time(t) => {
                let p = parts(Timestamp::new(Date::MIN, t));
                ::mysql::Value::Time(false, 0, p.hour, p.minute, p.second, p.micros)
            }
            // An instant binds as its UTC date and time: a DATETIME holds it as it is.
            Value::Timestamp(t) | Value::TimestampTz(t) => {
                let p = parts(t);
                ::mysql::Value::Date(p.year, p.month, p.day, p.hour, p.minute, p.second, p.micros)
            }
        }
    }
}

/// Reads a `mysql::Value` without its column: text and binary strings both arrive as bytes, so
/// bytes that are UTF-8 read as `Text` and others as `Bytes` ([`row_values`] uses the column
/// types instead). A DATE reads as a `Timestamp` at midnight (a date reads from it), a DATETIME
/// or TIMESTAMP as a `Timestamp`, a TIME of day as a `Time`; the zero date and a TIME outside
/// the day as MySQL's text (`0000-00-00`, `-838:59:59`). An unsigned integer above `i64::MAX` is
/// an error.
impl TryFrom<::mysql::Value> for Value {
    type Error = FromValueError;

    fn try_from(v: ::mysql::Value) -> Result<Self, FromValueError> {
        Ok(match v {
            ::mysql::Value::NULL => Value::Null,
            ::mysql::Value::Int(i) => Value::I64(i),
            ::mysql::Value::UInt(u) => match i64::try_from(u) {
                Ok(i) => Value::I64(i),
                Err(_) => return Err(FromValueError(v)),
            },
            ::mysql::Value::Float(f) => Value::F64(f64::from(f)),
            ::mysql::Value::Double(f) => Value::F64(f),
            ::mysql::Value::Bytes(b) => match String::from_utf8(b) {
                Ok(s) => Value::Text(s),
                Err(e) => Value::Bytes(e.into_bytes()),
            },
            ::mysql::Value::Date(..) => date_time(&v, false),
            ::mysql::Value::Time(negative, days, hours, minutes, seconds, micros) => {
                let hours = u64::from(days) * 24 + u64::from(hours);
                time_value(negative, hours, minutes, seconds, micros)
            }
        })
    }
}

impl FromValue for Value {
    type Intermediate = Value;
}

/// A DATE (`date_only`), DATETIME or TIMESTAMP.
fn date_time(v: &::mysql::Value, date_only: bool) -> Value {
    match *v {
        ::mysql::Value::Date(year, month, day, hour, minute, second, micros) => {
            let p = DateTimeParts {
                year,
                month,
                day,
                hour,
                minute,
                second,
                micros,
            };
            date_time_value(p, date_only)
        }
        _ => Value::Null,
    }
}

/// Reads one value by its column's type: strings with the binary character set are `Bytes`,
/// other strings must be UTF-8 `Text`, DECIMAL reads as a `Decimal`, MySQL's JSON as `Json`,
/// a DATE as a `Date`.
fn column_value(v: &::mysql::Value, column: &Column) -> Result<Value, FromValueError> {
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).map_err(|_| FromValueError(v.clone()));
    match v {
        ::mysql::Value::Bytes(b) => match column.column_type() {
            ColumnType::MYSQL_TYPE_NEWDECIMAL | ColumnType::MYSQL_TYPE_DECIMAL => {
                let t = text(b)?;
                Ok(t.parse().map(Value::Decimal).unwrap_or(Value::Text(t)))
            }
            ColumnType::MYSQL_TYPE_JSON => text(b).map(Value::Json),
            _ if column.character_set() == BINARY_CHARSET => Ok(Value::Bytes(b.clone())),
            _ => text(b).map(Value::Text),
        },
        ::mysql::Value::Date(..) if column.column_type() == ColumnType::MYSQL_TYPE_DATE => {
            Ok(date_time(v, true))
        }
        other => Value::try_from(other.clone()),
    }
}

/// Reads every column of `row` as a [`Value`], by the column's type.
pub fn row_values(row: &Row) -> Result<Vec<Value>, ::mysql::Error> {
    let columns = row.columns_ref();
    (0..row.len())
        .map(|i| match (row.as_ref(i), columns.get(i)) {
            (Some(v), Some(column)) => column_value(v, column)
                .map_err(|FromValueError(v)| ::mysql::Error::FromValueError(v)),
            // `Row::take` removed it; there is nothing left to read.
            _ => Err(::mysql::Error::FromRowError(row.clone())),
        })
        .collect()
}

/// Whether the server is MySQL or MariaDB, from `SELECT VERSION()`.
pub fn server_dialect<C: Queryable>(conn: &mut C) -> Result<Dialect, ::mysql::Error> {
    let version: Option<String> = conn.query_first(VERSION_QUERY)?;
    Ok(mysql_server::dialect_of_version(
        version.as_deref().unwrap_or_default(),
    ))
}

/// The parameters as the driver takes them.
fn params(values: &[Value]) -> Params {
    if values.is_empty() {
        Params::Empty
    } else {
        Params::Positional(values.iter().map(::mysql::Value::from).collect())
    }
}

/// Runs a [`Query`] on a `mysql` connection, pooled connection or transaction, as a prepared
/// statement (the driver caches them per connection). `dialect` is [`Dialect::MySql`] or
/// [`Dialect::MariaDb`], as [`server_dialect`] says.
pub trait QueryableExt {
    /// Runs a query and reads every row as a `T`. A row that does not convert is
    /// `mysql::Error::FromRowError`, not a panic.
    ///
    /// ```no_run
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select;
    ///
    /// # fn run(conn: &mut mysql::Conn) -> Result<(), Box<dyn std::error::Error>> {
    /// let dialect = server_dialect(conn)?; // MySql or MariaDb
    /// let pairs: Vec<(i64, String)> = conn.cte_exec(
    ///     &select! {
    ///         WITH RECURSIVE chain(id, name) AS (
    ///             SELECT id, name FROM employee WHERE manager_id IS NULL
    ///             UNION ALL
    ///             SELECT e.id, e.name FROM employee e JOIN chain c ON e.manager_id = c.id
    ///         )
    ///         SELECT id, name FROM chain
    ///     },
    ///     dialect,
    /// )?;
    /// # Ok(())
    /// # }
    /// ```
    fn cte_exec<T: FromRow>(&mut self, query: &Query, dialect: Dialect) -> Result<Vec<T>, Error>;

    /// Runs a query and reads its first row, if any, as a `T`.
    ///
    /// ```no_run
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select;
    ///
    /// # fn run(conn: &mut mysql::Conn) -> Result<(), Box<dyn std::error::Error>> {
    /// let dialect = server_dialect(conn)?;
    /// let id = 3;
    /// let name: Option<String> =
    ///     conn.cte_exec_first(&select! { SELECT name FROM employee WHERE id = {id} }, dialect)?;
    /// # Ok(())
    /// # }
    /// ```
    fn cte_exec_first<T: FromRow>(
        &mut self,
        query: &Query,
        dialect: Dialect,
    ) -> Result<Option<T>, Error>;

    /// Runs a statement and returns the number of rows it affected.
    ///
    /// ```no_run
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select;
    ///
    /// # fn run(conn: &mut mysql::Conn) -> Result<(), Box<dyn std::error::Error>> {
    /// let dialect = server_dialect(conn)?;
    /// let gone = vec![5_i64, 6];
    /// let removed = conn.cte_exec_drop(&select! { DELETE FROM employee WHERE id IN {&gone} }, dialect)?;
    /// # Ok(())
    /// # }
    /// ```
    fn cte_exec_drop(&mut self, query: &Query, dialect: Dialect) -> Result<u64, Error>;

    /// Runs a query and returns the driver's result, which reads rows from the connection as it
    /// is iterated.
    ///
    /// ```no_run
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select;
    ///
    /// # fn run(conn: &mut mysql::Conn) -> Result<(), Box<dyn std::error::Error>> {
    /// let dialect = server_dialect(conn)?;
    /// let q = select! {
    ///     WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000)
    ///     SELECT n FROM s
    /// };
    /// let mut total = 0_i64;
    /// for row in conn.cte_exec_iter(&q, dialect)? {
    ///     total += row?.get::<i64, _>(0).unwrap_or(0);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn cte_exec_iter(
        &mut self,
        query: &Query,
        dialect: Dialect,
    ) -> Result<QueryResult<'_, '_, '_, Binary>, Error>;

    /// Runs a [`select_as!`](crate::select_as) query and reads every row into its row type.
    ///
    /// ```no_run
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select_as;
    ///
    /// struct Total {
    ///     manager_id: Option<i64>,
    ///     reports: i64,
    ///     total: i64, // a DECIMAL `SUM` on MySQL and MariaDB, read exactly
    /// }
    ///
    /// # fn run(conn: &mut mysql::Conn) -> Result<(), Box<dyn std::error::Error>> {
    /// let dialect = server_dialect(conn)?;
    /// let q = select_as!(Total,
    ///     SELECT manager_id, COUNT(*) AS reports, SUM(id) AS total FROM employees GROUP BY manager_id
    /// );
    /// for t in conn.cte_fetch_all(&q, dialect)? {
    ///     println!("{:?}: {} reports, {}", t.manager_id, t.reports, t.total);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch_all<R>(
        &mut self,
        query: &TypedQuery<R>,
        dialect: Dialect,
    ) -> Result<Vec<R>, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        let mut rows = Vec::new();
        while let Some(set) = result.iter() {
            for row in set {
                rows.push(query.decode_row(row_values(&row?)?)?);
            }
        }
        Ok(rows)
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row;
    /// [`DriverError::NoRows`] when it has none.
    fn cte_fetch_one<R>(&mut self, query: &TypedQuery<R>, dialect: Dialect) -> Result<R, Error> {
        self.cte_fetch_optional(query, dialect)?
            .ok_or(DriverError::NoRows)
    }

    /// Runs a [`select_as!`](crate::select_as) query and reads its first row, if it has one.
    fn cte_fetch_optional<R>(
        &mut self,
        query: &TypedQuery<R>,
        dialect: Dialect,
    ) -> Result<Option<R>, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        while let Some(mut set) = result.iter() {
            if let Some(row) = set.next() {
                return Ok(Some(query.decode_row(row_values(&row?)?)?));
            }
        }
        Ok(None)
    }

    /// Runs a [`select_as!`](crate::select_as) query and returns its rows as an iterator that
    /// reads each from the connection and decodes it as it is asked for, so a large result is
    /// never held in memory at once.
    ///
    /// The iterator holds the driver's result, which borrows the connection: the connection is
    /// free again when the iterator is dropped, and dropping it early reads (and discards) the
    /// rows left, as the driver must before the next statement.
    ///
    /// ```
    /// use cte_runtime::mysql::{server_dialect, QueryableExt};
    /// use cte_runtime::select_as;
    ///
    /// struct Step {
    ///     n: i64,
    /// }
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # // Runs where a MariaDB or MySQL server is named, as the engine tests do.
    /// # let Ok(url) = std::env::var("CTE_TEST_MARIADB_URL") else { return Ok(()) };
    /// let mut conn = mysql::Conn::new(mysql::Opts::from_url(&url)?)?;
    /// let dialect = server_dialect(&mut conn)?;
    /// let count = 100_000_i64;
    /// let q = select_as!(Step,
    ///     WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {count})
    ///     SELECT n FROM series
    /// );
    /// let mut total = 0;
    /// for step in conn.cte_fetch(&q, dialect)? {
    ///     total += step?.n;
    /// }
    /// assert_eq!(total, count * (count + 1) / 2);
    /// # Ok(())
    /// # }
    /// ```
    fn cte_fetch<'a, R>(
        &'a mut self,
        query: &'a TypedQuery<R>,
        dialect: Dialect,
    ) -> Result<impl Iterator<Item = Result<R, Error>> + 'a, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        Ok(std::iter::from_fn(move || {
            let row = next_row(&mut result)?;
            Some(
                row.map_err(Error::from)
                    .and_then(|row| Ok(query.decode_row(row_values(&row)?)?)),
            )
        }))
    }
}

/// The next row of any result set of `result`. The driver's result iterates the rows of its
/// current set and, at the set's end, returns `None` and moves to the next set. The rows of a
/// statement may follow an empty set (MariaDB's `SET STATEMENT ... FOR` prefix), so `None`
/// ends the rows only once no set is left, which `iter()` tells.
fn next_row(result: &mut QueryResult<'_, '_, '_, Binary>) -> Option<Result<Row, ::mysql::Error>> {
    loop {
        if let Some(row) = result.next() {
            return Some(row);
        }
        // A set remains: read it through `result` itself. Dropping the driver's handle on it
        // would read its rows to the end, and the handle holds nothing but a borrow of
        // `result`, so forgetting it leaks nothing.
        std::mem::forget(result.iter()?);
    }
}

fn row_into<T: FromRow>(row: Row) -> Result<T, ::mysql::Error> {
    ::mysql::from_row_opt(row).map_err(|e| ::mysql::Error::FromRowError(e.0))
}

impl<C: Queryable> QueryableExt for C {
    fn cte_exec<T: FromRow>(&mut self, query: &Query, dialect: Dialect) -> Result<Vec<T>, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        let mut rows = Vec::new();
        // MariaDB's statement prefix (`SET STATEMENT ... FOR`) may come back as a result set of
        // its own: the rows are those of every set.
        while let Some(set) = result.iter() {
            for row in set {
                rows.push(row_into(row?)?);
            }
        }
        Ok(rows)
    }

    fn cte_exec_first<T: FromRow>(
        &mut self,
        query: &Query,
        dialect: Dialect,
    ) -> Result<Option<T>, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        while let Some(mut set) = result.iter() {
            if let Some(row) = set.next() {
                return Ok(Some(row_into(row?)?));
            }
        }
        Ok(None)
    }

    fn cte_exec_drop(&mut self, query: &Query, dialect: Dialect) -> Result<u64, Error> {
        let mut result = self.cte_exec_iter(query, dialect)?;
        let mut affected = 0;
        while let Some(set) = result.iter() {
            affected += set.affected_rows();
            for row in set {
                row?;
            }
        }
        Ok(affected)
    }

    fn cte_exec_iter(
        &mut self,
        query: &Query,
        dialect: Dialect,
    ) -> Result<QueryResult<'_, '_, '_, Binary>, Error> {
        check_dialect("mysql", dialect, &DIALECTS)?;
        let r = query.render(dialect)?;
        Ok(self.exec_iter(r.sql(), params(r.params()))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_bind_as_mysql_values() {
        assert_eq!(
            ::mysql::Value::from(&Value::Bool(true)),
            ::mysql::Value::Int(1)
        );
        assert_eq!(
            ::mysql::Value::from(Value::Text("é".into())),
            ::mysql::Value::Bytes("é".as_bytes().to_vec())
        );
        assert_eq!(::mysql::Value::from(Value::Null), ::mysql::Value::NULL);
        let ts = Value::TimestampTz("2024-01-31 08:00:00.1234567".parse().unwrap());
        assert_eq!(
            ::mysql::Value::from(ts),
            ::mysql::Value::Date(2024, 1, 31, 8, 0, 0, 123_456)
        );
        assert!(matches!(params(&[]), Params::Empty));
    }

    #[test]
    fn mysql_values_read_without_columns() {
        let read = |v| Value::try_from(v).unwrap();
        assert_eq!(read(::mysql::Value::UInt(7)), Value::I64(7));
        assert_eq!(read(::mysql::Value::Float(1.5)), Value::F64(1.5));
        assert_eq!(
            read(::mysql::Value::Bytes(b"abc".to_vec())),
            Value::Text("abc".into())
        );
        assert_eq!(
            read(::mysql::Value::Bytes(vec![0xff])),
            Value::Bytes(vec![0xff])
        );
        assert_eq!(
            read(::mysql::Value::Date(2024, 1, 31, 8, 0, 0, 0)),
            Value::Timestamp("2024-01-31 08:00:00".parse().unwrap())
        );
        assert_eq!(
            read(::mysql::Value::Date(0, 0, 0, 0, 0, 0, 0)),
            Value::Text("0000-00-00 00:00:00".into())
        );
        assert_eq!(
            read(::mysql::Value::Time(true, 1, 2, 3, 4, 500)),
            Value::Text("-26:03:04.000500".into())
        );
        assert!(Value::try_from(::mysql::Value::UInt(u64::MAX)).is_err());
        assert_eq!(
            <Value as FromValue>::from_value_opt(::mysql::Value::Int(-1)),
            Ok(Value::I64(-1))
        );
    }
}
