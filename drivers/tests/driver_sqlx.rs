//! The `sqlx` feature, each backend against its real engine: SQLite in memory, PostgreSQL
//! (`CTE_TEST_POSTGRES_URL`) and MariaDB (`CTE_TEST_MARIADB_URL`).

mod support;

use cte_runtime::sqlx::{query, server_dialect};
use cte_runtime::{select, Dialect, DriverError, Query, Value};
use futures_util::TryStreamExt;
use sqlx::{Connection, Executor, MySqlConnection, PgConnection, Row, SqliteConnection};
use support::values::{self, Target};
use support::{chart, MARIADB, POSTGRES, SQLITE};

/// Connects to `url` and fills the org chart, in a `temporary` table or a plain one.
async fn org_chart<C>(url: &str, temporary: &str) -> Result<C, sqlx::Error>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
{
    let mut conn = C::connect(url).await?;
    conn.execute(sqlx::AssertSqlSafe(support::employee_ddl(temporary)))
        .await?;
    conn.execute(support::EMPLOYEE_ROWS).await?;
    Ok(conn)
}

async fn sqlite() -> SqliteConnection {
    org_chart("sqlite::memory:", "")
        .await
        .expect("in-memory SQLite with the org chart")
}

/// The org chart on `engine`'s server, or `None` when the engine is skipped.
async fn server<C>(engine: &support::Engine) -> Option<C>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
{
    let url = support::url(engine)?;
    match org_chart(&url, "TEMPORARY").await {
        Ok(conn) => Some(conn),
        Err(e) => {
            support::skip(
                engine,
                &format!("cannot set up the org chart at {url}: {e}"),
            );
            None
        }
    }
}

async fn postgres() -> Option<PgConnection> {
    server(&POSTGRES).await
}

async fn mariadb() -> Option<MySqlConnection> {
    server(&MARIADB).await
}

/// Reads `(id, name, depth)` rows, each column as a `Value`.
fn read_chart<R: Row>(rows: &[R]) -> Vec<(i64, String, i64)>
where
    usize: sqlx::ColumnIndex<R>,
    Value: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    rows.iter()
        .map(|row| {
            let cells: Vec<Value> = (0..3)
                .map(|i| row.try_get::<Value, _>(i).expect("a Value"))
                .collect();
            match cells.as_slice() {
                [Value::I64(id), Value::Text(name), Value::I64(depth)] => {
                    (*id, name.clone(), *depth)
                }
                other => panic!("unexpected row {other:?}"),
            }
        })
        .collect()
}

/// Checks the org chart from Grace, and from Ada one level deep. A macro, as each backend's
/// connection is its own type.
macro_rules! check_charts {
    ($conn:expr, $dialect:expr) => {{
        let walks = [
            ("Grace", 10, support::grace_chart()),
            ("Ada", 1, support::ada_chart_depth_1()),
        ];
        for (root, depth, expected) in walks {
            let rows = query(&chart(root, depth), $dialect)
                .expect("render")
                .fetch_all(&mut *$conn)
                .await
                .expect("chart");
            assert_eq!(read_chart(&rows), expected, "from {root}");
        }
    }};
}

#[tokio::test]
async fn sqlite_recursive_query_with_parameters() {
    let mut conn = sqlite().await;
    check_charts!(&mut conn, Dialect::Sqlite);
    support::record_run(SQLITE, "driver_sqlx_sqlite_recursive_query");
}

#[tokio::test]
async fn postgres_recursive_query_with_parameters() {
    let Some(mut conn) = postgres().await else {
        return;
    };
    check_charts!(&mut conn, Dialect::Postgres);
    // The same statement with a NULL, then a value, in the same place: each run declares its own
    // parameter types.
    for id in [None, Some(4_i64), None, Some(5)] {
        let q = select! { SELECT name FROM employee WHERE id = {id} };
        let name: Option<String> = query(&q, Dialect::Postgres)
            .expect("render")
            .fetch_optional(&mut conn)
            .await
            .expect("by id")
            .map(|row| row.try_get(0).expect("name"));
        let expected = id.map(|id| if id == 4 { "Barbara" } else { "Ken" }.to_owned());
        assert_eq!(name, expected);
    }
    support::record_run(POSTGRES.name, "driver_sqlx_postgres_recursive_query");
}

#[tokio::test]
async fn mariadb_recursive_query_with_parameters() {
    let Some(mut conn) = mariadb().await else {
        return;
    };
    let dialect = server_dialect(&mut conn).await.expect("version");
    assert_eq!(dialect, Dialect::MariaDb);
    check_charts!(&mut conn, dialect);
    // Deeper than MariaDB's default recursion limit of 1000.
    let count = 3000_i64;
    let last = query(&support::series(count), dialect)
        .expect("render")
        .fetch_all(&mut conn)
        .await
        .expect("series")
        .last()
        .map(|row| row.try_get::<Value, _>(1).expect("total"));
    assert_eq!(last, Some(Value::I64(count * (count + 1) / 2)));
    support::record_run(MARIADB.name, "driver_sqlx_mariadb_recursive_query");
}

/// Streams a series of `count` rows and checks the count and the last running total. A macro,
/// as each backend's connection is its own type.
macro_rules! stream_series {
    ($conn:expr, $dialect:expr, $count:expr) => {{
        let count: i64 = $count;
        let mut rows = query(&support::series(count), $dialect)
            .expect("render")
            .fetch(&mut *$conn);
        let (mut seen, mut last_total) = (0_i64, Value::Null);
        while let Some(row) = rows.try_next().await.expect("a row") {
            seen += 1;
            last_total = row.try_get(1).expect("total");
        }
        support::check_series_read(count, seen, &last_total);
    }};
}

#[tokio::test]
async fn rows_come_as_a_stream_on_every_backend() {
    let mut conn = sqlite().await;
    stream_series!(&mut conn, Dialect::Sqlite, 20_000);
    support::record_run(SQLITE, "driver_sqlx_stream");
    if let Some(mut conn) = postgres().await {
        stream_series!(&mut conn, Dialect::Postgres, 50_000);
        support::record_run(POSTGRES.name, "driver_sqlx_stream");
    }
    if let Some(mut conn) = mariadb().await {
        stream_series!(&mut conn, Dialect::MariaDb, 20_000);
        support::record_run(MARIADB.name, "driver_sqlx_stream");
    }
}

/// Binds every kind of value into the table `kinds` and reads the row back as `Value`s.
macro_rules! round_trip {
    ($conn:expr, $dialect:expr) => {{
        let values = support::basic_values(&[0, 1, 255]);
        let [b, i, f, t, y, n] = &values;
        // Text for the DECIMAL column, as a `Value`, which the schema's check lets through.
        let d = Value::Text("12.50".into());
        let insert = select! {
            INSERT INTO kinds (b, i, f, t, y, n, d)
            VALUES ({b}, {i}, {f}, {t}, {y}, {n}, {d})
        };
        query(&insert, $dialect)
            .expect("render")
            .execute(&mut *$conn)
            .await
            .expect("insert");
        let row = query(&select! { SELECT b, i, f, t, y, n, d FROM kinds }, $dialect)
            .expect("render")
            .fetch_one(&mut *$conn)
            .await
            .expect("read back");
        (0..7)
            .map(|i| row.try_get::<Value, _>(i).expect("a Value"))
            .collect::<Vec<Value>>()
    }};
}

#[tokio::test]
async fn every_value_binds_and_reads_back() {
    let common = [
        Value::I64(i64::MIN),
        Value::F64(-2.5),
        Value::Text("it's \u{e9}".into()),
        Value::Bytes(vec![0, 1, 255]),
        Value::Null,
    ];
    let expect = |b: Value, d: Value| {
        let mut row = vec![b];
        row.extend(common.iter().cloned());
        row.push(d);
        row
    };

    let mut conn = sqlite().await;
    conn.execute(
        "CREATE TABLE kinds (b BOOLEAN, i BIGINT, f DOUBLE PRECISION, t TEXT, y BLOB, \
         n INTEGER, d TEXT)",
    )
    .await
    .expect("table of every kind");
    // SQLite has no boolean: true is the integer 1.
    assert_eq!(
        round_trip!(&mut conn, Dialect::Sqlite),
        expect(Value::I64(1), Value::Text("12.50".into()))
    );
    support::record_run(SQLITE, "driver_sqlx_values");

    if let Some(mut conn) = postgres().await {
        conn.execute(
            "CREATE TEMPORARY TABLE kinds (b BOOLEAN, i BIGINT, f DOUBLE PRECISION, t TEXT, \
             y BYTEA, n INTEGER, d TEXT)",
        )
        .await
        .expect("table of every kind");
        assert_eq!(
            round_trip!(&mut conn, Dialect::Postgres),
            expect(Value::Bool(true), Value::Text("12.50".into()))
        );
        let decimal: Value = query(
            &select! { SELECT CAST(12.5 AS DECIMAL(10, 2)) AS amount },
            Dialect::Postgres,
        )
        .expect("render")
        .fetch_one(&mut conn)
        .await
        .expect("numeric")
        .try_get(0)
        .expect("a Value");
        assert_eq!(decimal, Value::Decimal("12.50".parse().expect("a decimal")));
        support::record_run(POSTGRES.name, "driver_sqlx_values");
    }

    if let Some(mut conn) = mariadb().await {
        conn.execute(
            "CREATE TEMPORARY TABLE kinds (b BOOLEAN, i BIGINT, f DOUBLE, t TEXT, y BLOB, \
             n INTEGER, d DECIMAL(10, 2))",
        )
        .await
        .expect("table of every kind");
        // BOOLEAN is TINYINT(1); DECIMAL reads as an exact decimal.
        assert_eq!(
            round_trip!(&mut conn, Dialect::MariaDb),
            expect(
                Value::I64(1),
                Value::Decimal("12.50".parse().expect("a decimal"))
            )
        );
        support::record_run(MARIADB.name, "driver_sqlx_values");
    }
}

#[tokio::test]
async fn driver_errors_come_back_as_err() {
    let mut conn = sqlite().await;
    let missing = query(&support::missing_table(), Dialect::Sqlite)
        .expect("render")
        .fetch_all(&mut conn)
        .await;
    match missing {
        Err(sqlx::Error::Database(e)) => assert!(e.message().contains("no such table"), "{e}"),
        other => panic!("expected the engine's error, got {other:?}"),
    }
    match query::<sqlx::Sqlite>(&support::data_modifying(3), Dialect::Sqlite) {
        Err(DriverError::Render(e)) => assert_eq!(e.dialect(), Dialect::Sqlite),
        Err(other) => panic!("expected a RenderError, got {other:?}"),
        Ok(_) => panic!("a data-modifying CTE rendered for SQLite"),
    }
    match query::<sqlx::Sqlite>(&chart("Grace", 10), Dialect::MySql) {
        Err(DriverError::Dialect { driver, dialect }) => {
            assert_eq!((driver, dialect), ("sqlx-sqlite", Dialect::MySql))
        }
        Err(other) => panic!("expected a dialect error, got {other:?}"),
        Ok(_) => panic!("MySQL SQL bound for SQLite"),
    }
    // A column that does not convert to the asked type is an error, not a panic.
    let row = query(&chart("Grace", 10), Dialect::Sqlite)
        .expect("render")
        .fetch_one(&mut conn)
        .await
        .expect("a row");
    assert!(row.try_get::<i64, _>(1).is_err());
    support::record_run(SQLITE, "driver_sqlx_errors");

    if let Some(mut conn) = postgres().await {
        let missing = query(&support::missing_table(), Dialect::Postgres)
            .expect("render")
            .fetch(&mut conn)
            .try_collect::<Vec<_>>()
            .await;
        match missing {
            Err(sqlx::Error::Database(e)) => assert_eq!(e.code().as_deref(), Some("42P01")),
            other => panic!("expected the server's error, got {other:?}"),
        }
        // An interval does not read as a Value, and says what to do instead.
        let row = sqlx::query("SELECT INTERVAL '1 day'")
            .fetch_one(&mut conn)
            .await
            .expect("an interval");
        match row.try_get::<Value, _>(0) {
            Err(e) => assert!(e.to_string().contains("CAST(x AS TEXT)"), "{e}"),
            Ok(v) => panic!("an interval read as {v:?}"),
        }
        support::record_run(POSTGRES.name, "driver_sqlx_errors");
    }

    if let Some(mut conn) = mariadb().await {
        let missing = query(&support::missing_table(), Dialect::MariaDb)
            .expect("render")
            .fetch_all(&mut conn)
            .await;
        match missing {
            Err(sqlx::Error::Database(e)) => {
                assert!(e.message().contains("doesn't exist"), "{e}")
            }
            other => panic!("expected the server's error, got {other:?}"),
        }
        match query::<sqlx::MySql>(&chart("Grace", 10), Dialect::Postgres) {
            Err(DriverError::Dialect { driver, .. }) => assert_eq!(driver, "sqlx-mysql"),
            Err(other) => panic!("expected a dialect error, got {other:?}"),
            Ok(_) => panic!("PostgreSQL SQL bound for MySQL"),
        }
        support::record_run(MARIADB.name, "driver_sqlx_errors");
    }
}

/// Fills the table of [`support::integers_ddl`] on `engine` and checks its columns read into
/// Rust integers through `Value`. A macro, as each backend's connection is its own type.
macro_rules! check_integers {
    ($conn:expr, $dialect:expr, $engine:expr, $temporary:expr) => {{
        let ddl = support::integers_ddl($engine, $temporary);
        let setup = format!("{ddl}; {}", support::INTEGER_ROWS);
        sqlx::raw_sql(sqlx::AssertSqlSafe(setup))
            .execute(&mut *$conn)
            .await
            .expect("integer table");
        let rows = query(&support::integers(), $dialect)
            .expect("render")
            .fetch_all(&mut *$conn)
            .await
            .expect("integers");
        support::check_integer_reads(&rows.iter().map(row_values).collect::<Vec<_>>());
        support::record_run($engine, "driver_sqlx_integers");
    }};
}

/// Integer columns of every size (int2..int8, TINYINT..BIGINT, SQLite INTEGER) and integer
/// expressions read into Rust integers through `Value` on every backend.
#[tokio::test]
async fn integer_columns_read_into_rust_integers() {
    let mut conn = sqlite().await;
    check_integers!(&mut conn, Dialect::Sqlite, SQLITE, "");
    if let Some(mut conn) = postgres().await {
        check_integers!(&mut conn, Dialect::Postgres, POSTGRES.name, "TEMPORARY");
    }
    if let Some(mut conn) = mariadb().await {
        check_integers!(&mut conn, Dialect::MariaDb, MARIADB.name, "TEMPORARY");
    }
}

/// A sqlx connection as the shared value checks use them, each call run to completion.
struct Sqlx<'r, C> {
    runtime: &'r tokio::runtime::Runtime,
    conn: C,
    dialect: Dialect,
}

/// [`values::Db`] for one backend's connection type.
macro_rules! sqlx_db {
    ($conn:ty) => {
        impl values::Db for Sqlx<'_, $conn> {
            fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>> {
                let q = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
                let rows = self.runtime.block_on(q.fetch_all(&mut self.conn));
                rows.expect(sql).iter().map(row_values).collect()
            }

            fn rows(&mut self, q: &Query) -> Vec<Vec<Value>> {
                let q = query(q, self.dialect).expect("render");
                let rows = self.runtime.block_on(q.fetch_all(&mut self.conn));
                rows.expect("rows").iter().map(row_values).collect()
            }

            fn declares_text(&self) -> bool {
                self.dialect == Dialect::Postgres
            }
        }
    };
}

sqlx_db!(SqliteConnection);
sqlx_db!(PgConnection);
sqlx_db!(MySqlConnection);

fn row_values<R: Row>(row: &R) -> Vec<Value>
where
    usize: sqlx::ColumnIndex<R>,
    Value: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    (0..row.len())
        .map(|i| row.try_get::<Value, _>(i).expect("a Value"))
        .collect()
}

/// Runs the value checks on one backend's connection, if its engine is there.
fn check_values<C>(
    runtime: &tokio::runtime::Runtime,
    conn: Option<C>,
    engine: &'static str,
    dialect: Dialect,
) where
    for<'r> Sqlx<'r, C>: values::Db,
{
    let Some(conn) = conn else {
        return;
    };
    let mut db = Sqlx {
        runtime,
        conn,
        dialect,
    };
    values::check_every_type(&mut db, Target::new(engine, dialect, "sqlx"));
}

#[test]
fn every_value_type_binds_compares_and_reads_back() {
    let runtime = values::runtime();
    let sqlite = Some(runtime.block_on(sqlite()));
    check_values(&runtime, sqlite, SQLITE, Dialect::Sqlite);
    let postgres = runtime.block_on(postgres());
    check_values(&runtime, postgres, POSTGRES.name, Dialect::Postgres);
    let mariadb = runtime.block_on(mariadb());
    check_values(&runtime, mariadb, MARIADB.name, Dialect::MariaDb);
}
