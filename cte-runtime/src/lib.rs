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
//!
//! # Dates, times, UUIDs, decimals and JSON
//!
//! [`Value`] has a variant for each, on this crate's own [`Date`], [`Time`], [`Timestamp`] and
//! [`Decimal`]; the cargo features `chrono`, `time`, `uuid`, `rust_decimal` and `serde_json`
//! make those crates' types parameters and read columns back into them (`TryFrom<Value>`).
//! On PostgreSQL a placeholder that its context does not type is cast to the value's type.
//! `docs/values.md` has what each becomes on each engine.
//!
//! ```
//! use cte_runtime::{select, Date, Dialect, Value};
//!
//! let day = Date::new(2024, 1, 31).unwrap();
//! let q = select! { SELECT count FROM visitors WHERE day = {day} };
//! let r = q.render(Dialect::Postgres).unwrap();
//! assert_eq!(r.sql(), "SELECT count FROM visitors WHERE day = CAST($1 AS DATE)");
//! assert_eq!(q.to_inline_sql(Dialect::MySql).unwrap(), "SELECT count FROM visitors WHERE day = DATE '2024-01-31'");
//! ```
//!
//! With `chrono` (the same with `time`'s `Date`, `Time`, `PrimitiveDateTime` and
//! `OffsetDateTime`):
//!
//! ```
//! # #[cfg(feature = "chrono")] {
//! use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
//! use cte_runtime::{select, Dialect, Value};
//!
//! let since = Utc.with_ymd_and_hms(2024, 1, 31, 8, 0, 0).unwrap();
//! let q = select! { SELECT id FROM visit WHERE at >= {since} };
//! let r = q.render(Dialect::Postgres).unwrap();
//! assert_eq!(r.sql(), "SELECT id FROM visit WHERE at >= CAST($1 AS TIMESTAMPTZ)");
//! // A column reads back from the Value any driver gives (SQLite's is ISO 8601 text).
//! let at: DateTime<Utc> = Value::Text("2024-01-31 08:00:00".into()).try_into().unwrap();
//! assert_eq!(at, since);
//! // The instant, bound as `Value::TimestampTz`, reads as a timestamp in UTC too.
//! let naive: NaiveDateTime = r.params()[0].clone().try_into().unwrap();
//! assert_eq!(naive, since.naive_utc());
//! # }
//! ```
//!
//! With `time`:
//!
//! ```
//! # #[cfg(feature = "time")] {
//! use cte_runtime::{select, Dialect};
//! use time::{OffsetDateTime, UtcOffset};
//!
//! // 2024-01-31 09:00 at +01:00.
//! let paris = UtcOffset::from_hms(1, 0, 0).unwrap();
//! let at = OffsetDateTime::from_unix_timestamp(1_706_688_000).unwrap().to_offset(paris);
//! let q = select! { INSERT INTO visit (at) VALUES ({at}) };
//! // An instant binds as its UTC date and time.
//! let inline = q.to_inline_sql(Dialect::MariaDb).unwrap();
//! assert_eq!(inline, "INSERT INTO visit (at) VALUES (TIMESTAMP '2024-01-31 08:00:00')");
//! let back = OffsetDateTime::try_from(q.render(Dialect::Sqlite).unwrap().params()[0].clone());
//! assert_eq!(back, Ok(at));
//! # }
//! ```
//!
//! With `uuid`, `rust_decimal` and `serde_json`:
//!
//! ```
//! # #[cfg(all(feature = "uuid", feature = "rust_decimal", feature = "serde_json"))] {
//! use cte_runtime::{select, Dialect, Value};
//!
//! let id = uuid::Uuid::from_u128(1);
//! let price = rust_decimal::Decimal::new(-1250, 2);
//! let doc = serde_json::json!({"tags": ["a"]});
//! let q = select! { SELECT {id}, {price}, {&doc} };
//! let r = q.render(Dialect::Postgres).unwrap();
//! assert_eq!(r.sql(), "SELECT CAST($1 AS UUID), CAST($2 AS NUMERIC), CAST($3 AS JSONB)");
//! assert_eq!(r.params()[1], Value::Decimal("-12.50".parse().unwrap()));
//! assert_eq!(r.params()[2], Value::Json(r#"{"tags":["a"]}"#.into()));
//! let back: rust_decimal::Decimal = r.params()[1].clone().try_into().unwrap();
//! assert_eq!((back, back.scale()), (price, 2));
//! # }
//! ```

mod convert;
mod cte;
mod decimal;
mod dialect;
mod driver;
mod error;
mod param;
mod query;
mod render;
mod row;
mod schema_types;
mod site;
mod temporal;
#[doc(hidden)]
pub mod tree;
mod value;

pub use convert::{IntoParam, IntoParamList, ValueError};
pub use cte::Cte;
/// Defines a reusable CTE at item level, to splice into [`select!`] queries as `WITH {path}`
/// or `FROM {path}`.
///
/// `cte! { [attributes] [vis] [RECURSIVE] name(col, ...) AS [[NOT] MATERIALIZED] (body)
/// [SEARCH ...] [CYCLE ...] }` defines a `static name` that dereferences to a [`Cte`] (its type,
/// with one field per column, is in a hidden module `name`). The body is checked as the CTE of
/// a `WITH` is. The column list is required, and the body binds no parameters: values go in the
/// query that splices it.
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
/// Writes one SQL statement, checked when the crate compiles, as a [`Query`].
///
/// ```text
/// select! { [WITH [RECURSIVE] cte, ...] SELECT ... | INSERT ... | UPDATE ... | DELETE ...
///           [OPTION (MAXRECURSION n)] }
/// ```
///
/// The statement is SQL as you would write it for PostgreSQL, with four changes that Rust's
/// tokenizer forces:
///
/// 1. String literals are Rust string literals: `"it's"` is the SQL string `'it''s'`.
/// 2. `{expr}`, any Rust expression, is a bound parameter: its value is never written into the
///    SQL text. In a `WITH` list or a `FROM` clause, `{path}` naming a [`cte!`] item splices
///    that CTE instead.
/// 3. Comments are Rust comments (`//`, `/* */`).
/// 4. A name that is a keyword of the DSL or needs quoting is written raw, `r#order`, and is
///    always quoted in the SQL.
///
/// Keywords are case-insensitive and contextual: a word is a keyword only where the grammar
/// expects one, so columns named `depth`, `path`, `name`, `key`, `value`, `first` or `cycle`
/// stay columns. Other names keep their case and are written unquoted (unless the target
/// reserves the word, see the README), so the engine folds them as it would hand-written SQL.
///
/// # Running it
///
/// [`Query::render`] gives the SQL and the parameters for one [`Dialect`]; each driver feature
/// adds methods that render and run in one call. On SQLite, with the `rusqlite` feature:
///
/// ```
/// use cte_runtime::rusqlite::ConnectionExt;
/// use cte_runtime::select;
///
/// let conn = rusqlite::Connection::open_in_memory()?;
/// conn.execute_batch(
///     "CREATE TABLE employee (id INTEGER PRIMARY KEY, name TEXT, manager_id INTEGER);
///      INSERT INTO employee VALUES (1, 'Ada', NULL), (2, 'Grace', 1), (3, 'Linus', 2);",
/// )?;
///
/// let root = "Ada";
/// let chart = select! {
///     WITH RECURSIVE chart(id, name, depth) AS (
///         SELECT id, name, 0 FROM employee WHERE name = {root}
///         UNION ALL
///         SELECT e.id, e.name, c.depth + 1 FROM employee e JOIN chart c ON e.manager_id = c.id
///     )
///     SELECT name, depth FROM chart ORDER BY depth
/// };
/// let rows: Vec<(String, i64)> = conn.cte_query_map(&chart, |r| Ok((r.get(0)?, r.get(1)?)))?;
/// assert_eq!(rows, [("Ada".into(), 0), ("Grace".into(), 1), ("Linus".into(), 2)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Statements
///
/// - `SELECT`, `VALUES` and chains of `UNION [ALL]`, `INTERSECT`, `EXCEPT`, each with an optional
///   leading `WITH`.
/// - `INSERT INTO t [(col, ...)] query [ON CONFLICT [(col, ...)] DO NOTHING | DO UPDATE SET
///   col = expr, ... [WHERE ...]] [RETURNING ...]`; `query` is a `SELECT` or `VALUES`, and DO
///   UPDATE, which needs the conflict columns, reads the proposed row as `excluded.col`.
/// - `UPDATE t [[AS] a] SET col = expr, ... [FROM ...] [WHERE ...] [RETURNING ...]`.
/// - `DELETE FROM t [[AS] a] [USING ...] [WHERE ...] [RETURNING ...]`: `USING` joins other
///   tables, whose rows the WHERE may read (`DELETE t FROM t, ...` on MySQL, MariaDB and SQL
///   Server, `WHERE EXISTS (...)` on SQLite).
/// - `OPTION (MAXRECURSION n)` after any of them: a recursive CTE that goes deeper than `n`
///   levels below its anchor fails the statement, on every engine (`0` means no limit).
///
/// `RETURNING`, and each construct that an engine lacks, renders where the dialect has it and
/// is a [`RenderError`] elsewhere: the table in `docs/dialects.md` lists them all.
///
/// Not accepted yet, each a compile error on its first token: `NATURAL` joins, `FETCH FIRST`,
/// `CREATE`, `ARRAY[...]`, `INTERVAL`, `EXTRACT`.
///
/// ```
/// # use cte_runtime::rusqlite::ConnectionExt;
/// # use cte_runtime::select;
/// # let conn = rusqlite::Connection::open_in_memory()?;
/// # conn.execute_batch("CREATE TABLE t (id INTEGER, n INTEGER);")?;
/// let rows = [1, 2, 3];
/// conn.cte_execute(&select! { INSERT INTO t (id, n) VALUES (1, 10), (2, 20), (3, 30) })?;
/// let done = conn.cte_execute(&select! {
///     WITH big AS (SELECT id FROM t WHERE n > {15})
///     UPDATE t SET n = n + 1 WHERE id IN (SELECT id FROM big)
/// })?;
/// assert_eq!(done, 2);
/// let left = conn.cte_execute(&select! { DELETE FROM t WHERE id = {rows[0]} })?;
/// assert_eq!(left, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # WITH
///
/// - `WITH [RECURSIVE] name [(col, ...)] AS [[NOT] MATERIALIZED] (body), ...`, in front of any
///   statement and inside subqueries, where an inner name hides an outer one.
/// - A recursive CTE is `anchor UNION [ALL] member [UNION [ALL] member ...]`; the members read
///   the CTE once each, in their own `FROM`. The anchor is every query before the first
///   member, joined by any set operations (`VALUES (1) INTERSECT VALUES (1) UNION ...`).
/// - After a recursive CTE: `SEARCH {DEPTH | BREADTH} FIRST BY col, ... SET col` and
///   `CYCLE col, ... SET col [TO v DEFAULT v] USING col`, the SQL standard's clauses.
/// - On PostgreSQL a body may be `INSERT`, `UPDATE` or `DELETE ... RETURNING`.
///
/// ```
/// use cte_runtime::{select, Dialect};
///
/// let q = select! {
///     WITH RECURSIVE tree(id, parent) AS (
///         SELECT id, parent_id FROM category WHERE parent_id IS NULL
///         UNION ALL
///         SELECT c.id, c.parent_id FROM category c JOIN tree t ON c.parent_id = t.id
///     ) SEARCH DEPTH FIRST BY id SET ord
///     SELECT id FROM tree ORDER BY ord
/// };
/// assert!(q.render(Dialect::Postgres)?.sql().contains("SEARCH DEPTH FIRST BY id SET ord"));
/// q.render(Dialect::MySql)?; // emulated with a path column
/// assert!(q.render(Dialect::MsSql).is_err()); // SQL Server has no way to write it
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
///
/// # SELECT
///
/// `SELECT [DISTINCT] expr [[AS] alias], ... | * | t.*`, then `FROM` (tables and CTEs with
/// `[AS] alias [(col, ...)]`, subqueries, `LATERAL (subquery)`, `VALUES`, and `[INNER] JOIN`,
/// `LEFT`, `RIGHT`, `FULL [OUTER] JOIN` with `ON` or `USING (col, ...)`, `CROSS JOIN`, commas; `[INNER] JOIN` without `ON` pairs every row),
/// `WHERE`, `GROUP BY`, `HAVING`, `ORDER BY expr [ASC | DESC] [NULLS FIRST | LAST]`, `LIMIT`,
/// `OFFSET`. Without `NULLS FIRST/LAST`, NULL sorts first in ascending order on every engine.
/// A SELECT statement may end with `FOR UPDATE` or `FOR SHARE`, then `NOWAIT` or `SKIP LOCKED`
/// (`LOCK IN SHARE MODE` on MariaDB; a `RenderError` on SQLite, which has no row locks, and on
/// SQL Server, which locks with table hints); not with DISTINCT, GROUP BY, HAVING, aggregates,
/// window functions or set operations, whose rows are not table rows.
///
/// # Expressions
///
/// - Literals: integers, decimals, strings, `TRUE`, `FALSE`, `NULL`; parameters `{expr}`;
///   columns `c` and `t.c`.
/// - `+ - * / %`, `||` (string concatenation on every engine), `= <> != < <= > >=`, `AND`, `OR`,
///   `NOT`, `IS [NOT] NULL`, `[NOT] BETWEEN`, `[NOT] IN (list)`, `[NOT] IN (subquery)`,
///   `[NOT] IN {rust_list}` (see Parameters), `[NOT] LIKE`, `[NOT] EXISTS (subquery)`, scalar
///   subqueries.
/// - `CASE [x] WHEN ... THEN ... [ELSE ...] END`; `CAST(x AS type)` with `SMALLINT`, `INT`,
///   `INTEGER`, `BIGINT`, `DECIMAL(p, s)`, `NUMERIC(p, s)`, `REAL`, `DOUBLE PRECISION`, `FLOAT`,
///   `TEXT`, `VARCHAR(n)`, `CHAR(n)`, `BOOLEAN`, `DATE`, `TIME`, `TIMESTAMP`, `BLOB`, `BYTEA`.
/// - Function calls, `f(DISTINCT x)`, `COUNT(*)`, and window functions
///   `f(...) OVER (PARTITION BY ... ORDER BY ... [ROWS | RANGE | GROUPS frame])`. Function names
///   are written as they are: the engine must know the function.
///
/// ```
/// use cte_runtime::{select, Dialect};
///
/// let min = 10;
/// let q = select! {
///     SELECT region, SUM(amount) AS total,
///            RANK() OVER (ORDER BY SUM(amount) DESC) AS place,
///            CASE WHEN SUM(amount) > {min} THEN "big" ELSE "small" END AS size
///     FROM orders
///     WHERE region IS NOT NULL AND amount BETWEEN 1 AND 1000
///     GROUP BY region
///     ORDER BY total DESC NULLS LAST
///     LIMIT 3
/// };
/// let r = q.render(Dialect::MySql)?;
/// assert_eq!(r.params().len(), 1);
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
///
/// # Parameters
///
/// `{expr}` takes any value whose type implements [`IntoParam`]: integers of every width
/// (range-checked into `i64`), floats, `bool`, `&str`, `String`, `&[u8]`, `Vec<u8>`, [`Value`],
/// references and `Option`s of these (`None` is `NULL`). Another type is a compile error on
/// the `{expr}` that says how to convert it. Each parameter is bound, in the order the
/// placeholders of the dialect expect ([`Rendered::params`]), even where a dialect's SQL repeats
/// or moves it.
///
/// `x [NOT] IN {list}` binds a Rust list: any `IntoIterator` of parameter values
/// ([`IntoParamList`]). PostgreSQL gets one array parameter (`x = ANY($1)`); the other engines
/// a placeholder per value, padded to a power of two with the last value so that a call site
/// renders a few texts, not one per length. An empty list makes `IN` false and `NOT IN` true on
/// every engine:
///
/// ```
/// use cte_runtime::{select, Dialect};
///
/// let teams = vec!["core", "web"];
/// let q = select! { SELECT name FROM staff WHERE team IN {&teams} AND id NOT IN {[3, 5, 8]} };
/// assert_eq!(
///     q.render(Dialect::Postgres)?.sql(),
///     "SELECT name FROM staff WHERE team = ANY($1) AND id <> ALL($2)"
/// );
/// assert_eq!(
///     q.render(Dialect::Sqlite)?.sql(),
///     "SELECT name FROM staff WHERE team IN (?, ?) AND id NOT IN (?, ?, ?, ?)"
/// );
/// # Ok::<(), cte_runtime::RenderError>(())
/// ```
///
/// # Checked when the crate compiles
///
/// The structure of every `WITH`: duplicate names and columns, a CTE read before it is
/// defined or read by itself without `RECURSIVE`, mutual recursion, recursive CTEs that are
/// not `anchor UNION member`, a member that reads its CTE twice, in a subquery, on the nullable
/// side of an outer join or with aggregates, `DISTINCT`, `ORDER BY` or `LIMIT`; column counts
/// of anchors, members, column lists and `INSERT`; qualifiers that name no table in scope, and
/// columns a CTE does not have, with a "did you mean". Each error points at the token at fault,
/// and all independent errors are reported at once:
///
/// ```compile_fail
/// let q = cte_runtime::select! {
///     WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE t.m < 5)
///     SELECT n FROM t
/// };
/// ```
///
/// Tables and columns that no CTE defines are left to the database, unless the crate names
/// its schema.
///
/// # Rows, with a schema
///
/// In a crate whose Cargo.toml names its schema (`[package.metadata.cte] schema = "..."`, see
/// the README), table names and columns are checked too, and a statement that returns rows (a
/// query, or `INSERT`, `UPDATE` or `DELETE` with `RETURNING`) gives a
/// [`TypedQuery<Row>`](TypedQuery): `Row` is a struct the macro generates, with
/// `#[derive(Debug, Clone, PartialEq)]` and one `pub` field per output column, named as the
/// column (a Rust keyword as a raw identifier, `r#type`), of the type the inference gives it:
/// `i64` for every integer, `f64`, `bool`, `String`, `Vec<u8>`, [`Decimal`], [`Date`], [`Time`],
/// [`Timestamp`], an `Option` of one where the column can be NULL, and [`Value`] where the type
/// is not known. `*` and `t.*` stand for the columns the schema knows. The query still renders
/// and runs like a [`Query`] (it dereferences to one); a function that returns it as a `Query`
/// calls [`into_query`](TypedQuery::into_query), since the generated struct has no name outside
/// the macro.
///
/// ```ignore
/// // In a crate with a schema that has `employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
/// // manager_id INTEGER)`.
/// let q = select! {
///     WITH RECURSIVE chain (id, name, depth, boss) AS (
///         SELECT id, name, 0, manager_id FROM employees WHERE manager_id IS NULL
///         UNION ALL
///         SELECT e.id, e.name, c.depth + 1, e.manager_id
///         FROM employees AS e JOIN chain AS c ON e.manager_id = c.id
///     )
///     SELECT id, name, depth, boss FROM chain ORDER BY depth
/// };
/// for e in conn.cte_fetch_all(&q)? {
///     // id: i64, name: String, depth: i64, boss: Option<i64> (the member's manager_id)
///     println!("{} {} {} {:?}", e.id, e.name, e.depth, e.boss);
/// }
/// ```
///
/// Each field needs a name: an output column without one (an expression without `AS`), a name
/// two columns share, a `VALUES` statement or a `*` whose columns are not known is a compile
/// error on the select item, which says to write `AS name`. A statement that returns no rows
/// stays a [`Query`], and without a schema every `select!` is one.
pub use cte_macros::select;
/// [`select!`] with rows read into a struct of your own: `select_as!(Type, [WITH ...] SELECT
/// ...)` makes a [`TypedQuery<Type>`](TypedQuery), which renders and runs like a [`Query`] (it
/// dereferences to one) and reads each row into a `Type` with every driver's `cte_fetch_all`,
/// `cte_fetch_one` and `cte_fetch_optional`.
///
/// Each output column fills the field of its name: the select item's alias, or its bare column.
/// rustc checks the names when it builds the query: a column the struct has no field for is an
/// error on the select item, a field no column fills an error on the type, and an item with no
/// name (`COUNT(*)` without `AS`) or `*` is an error too. A field reads its column through
/// [`FromValue`]: an `i64` reads an int4 column as well as an int8 one, a narrower integer reads
/// with a range check, `f64` reads a NUMERIC average; a NULL needs an `Option`.
///
/// With a schema (`[package.metadata.cte] schema` in your Cargo.toml, see the README), the types
/// are checked at compile time too: each field must hold its column's inferred type, and a
/// column that can be NULL (a nullable table column, the outer side of a LEFT JOIN, an
/// aggregate over no rows, a recursive CTE's column that one of its members makes NULL) needs an
/// `Option` field.
///
/// ```
/// use cte_runtime::rusqlite::ConnectionExt;
/// use cte_runtime::select_as;
///
/// #[derive(Debug, PartialEq)]
/// struct Report {
///     id: i64,
///     name: String,
///     depth: u8,
///     boss: Option<String>,
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let conn = rusqlite::Connection::open_in_memory()?;
/// conn.execute_batch(
///     "CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL, manager_id INTEGER);
///      INSERT INTO employees VALUES (1, 'Ada', NULL), (2, 'Grace', 1), (3, 'Alan', 2);",
/// )?;
/// let chain = select_as!(Report,
///     WITH RECURSIVE chain (id, name, depth, boss) AS (
///         SELECT id, name, 0, CAST(NULL AS TEXT) FROM employees WHERE manager_id IS NULL
///         UNION ALL
///         SELECT e.id, e.name, c.depth + 1, c.name
///         FROM employees AS e JOIN chain AS c ON e.manager_id = c.id
///     )
///     SELECT id, name, depth, boss FROM chain ORDER BY depth
/// );
/// let rows = conn.cte_fetch_all(&chain)?;
/// assert_eq!(rows.len(), 3);
/// assert_eq!(
///     rows[2],
///     Report { id: 3, name: "Alan".into(), depth: 2, boss: Some("Grace".into()) },
/// );
/// assert_eq!(conn.cte_fetch_one(&chain)?.boss, None);
/// # Ok(())
/// # }
/// ```
pub use cte_macros::select_as;
pub use decimal::Decimal;
pub use dialect::Dialect;
// The module of each driver feature that is on (`driver` decides which), and `DriverError`.
pub use driver::*;
pub use error::RenderError;
pub use query::{Query, Rendered};
pub use row::{FromValue, RowError, TypedQuery};
pub use temporal::{Date, Time, Timestamp};
pub use value::Value;

/// What the macro expansions name. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::param::{KindOfAny, KindOfKnown, ParamKind, Probe};
    pub use crate::row::RowReader;
    pub use crate::schema_types::{column, list_param, param, sql, BindsAs, Holds, HoldsNull};
    pub use crate::site::Site;
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

    /// Turns the `{list}` of `IN {list}` into one bound value; spanned like [`value`].
    #[inline]
    pub fn list<L: crate::IntoParamList>(l: L) -> Param {
        l.into_param_list()
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

    /// The query of a `select_as!`, with how it reads a row into `R`.
    #[inline]
    pub fn typed_rows<R>(
        query: Query,
        decode: fn(&mut RowReader) -> Result<R, crate::RowError>,
    ) -> crate::TypedQuery<R> {
        crate::TypedQuery::new(query, decode)
    }

    /// The rows of a `select!` in a crate with a schema, which the expansion builds in a block:
    /// a call around the block keeps `&select! { ... }` a `&TypedQuery` that coerces to
    /// `&Query` where one is expected (rustc checks a bare block against the expected type).
    #[inline]
    pub fn typed_select<R>(query: crate::TypedQuery<R>) -> crate::TypedQuery<R> {
        query
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
