//! The `mysql` feature against a real MariaDB (`CTE_TEST_MARIADB_URL`), which speaks the MySQL
//! protocol.

mod support;

use cte_runtime::mysql::{row_values, server_dialect, QueryableExt};
use cte_runtime::{select, Dialect, DriverError, Query, Value};
use mysql::prelude::Queryable;
use mysql::{Conn, Opts};
use support::values::{self, Target};
use support::{chart, MARIADB};

/// A session with the org chart in a temporary table, or `None` when MariaDB is skipped.
fn org_chart() -> Option<Conn> {
    let url = support::url(&MARIADB)?;
    let opts = match Opts::from_url(&url) {
        Ok(opts) => opts,
        Err(e) => panic!("{} is not a MySQL URL: {e}", MARIADB.url_var),
    };
    let mut conn = match Conn::new(opts) {
        Ok(conn) => conn,
        Err(e) => {
            support::skip(&MARIADB, &format!("cannot connect to {url}: {e}"));
            return None;
        }
    };
    conn.query_drop(support::employee_ddl("TEMPORARY"))
        .expect("org chart table");
    conn.query_drop(support::EMPLOYEE_ROWS)
        .expect("org chart rows");
    Some(conn)
}

#[test]
fn the_server_says_it_is_mariadb() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    assert_eq!(
        server_dialect(&mut conn).expect("version"),
        Dialect::MariaDb
    );
    support::record_run(MARIADB.name, "driver_mysql_server_dialect");
}

#[test]
fn recursive_query_with_parameters() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    let dialect = server_dialect(&mut conn).expect("version");
    let rows: Vec<(i64, String, i64)> = conn
        .cte_exec(&chart("Grace", 10), dialect)
        .expect("chart from Grace");
    assert_eq!(rows, support::grace_chart());
    let rows: Vec<(i64, String, i64)> = conn
        .cte_exec(&chart("Ada", 1), dialect)
        .expect("chart from Ada");
    assert_eq!(rows, support::ada_chart_depth_1());

    // Deeper than MariaDB's default max_recursive_iterations (1000): the MariaDB rendering
    // lifts the limit for the statement, so the series comes out whole.
    let count = 3000_i64;
    let series: Vec<(i64, i64)> = conn
        .cte_exec(&support::series(count), dialect)
        .expect("series");
    assert_eq!(series.len(), 3000);
    assert_eq!(series.last(), Some(&(count, count * (count + 1) / 2)));

    let first: Option<(i64, i64)> = conn
        .cte_exec_first(&support::series(count), dialect)
        .expect("first of the series");
    assert_eq!(first, Some((1, 1)));
    support::record_run(MARIADB.name, "driver_mysql_recursive_query");
}

#[test]
fn rows_stream_from_the_connection() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    let count = 20_000_i64;
    let mut result = conn
        .cte_exec_iter(&support::series(count), Dialect::MariaDb)
        .expect("series");
    let (mut seen, mut last) = (0_i64, Vec::new());
    while let Some(set) = result.iter() {
        for row in set {
            let row = row.expect("a row");
            seen += 1;
            last = row_values(&row).expect("values");
        }
    }
    assert_eq!(seen, count);
    assert_eq!(
        last,
        [Value::I64(count), Value::I64(count * (count + 1) / 2)]
    );
    support::record_run(MARIADB.name, "driver_mysql_stream");
}

#[test]
fn every_value_binds_and_reads_back() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    conn.query_drop(
        "CREATE TEMPORARY TABLE kinds (b BOOLEAN, i BIGINT, f DOUBLE, t TEXT, y BLOB, \
         n INTEGER, d DECIMAL(10, 2))",
    )
    .expect("table of every kind");
    // Valid UTF-8 in a BLOB column: the column's type, not the bytes, makes it Bytes.
    let values = support::basic_values(b"abc");
    let [b, i, f, t, y, n] = &values;
    let d: cte_runtime::Decimal = "12.50".parse().expect("a decimal");
    let insert = select! {
        INSERT INTO kinds (b, i, f, t, y, n, d) VALUES ({b}, {i}, {f}, {t}, {y}, {n}, {d})
    };
    assert_eq!(
        conn.cte_exec_drop(&insert, Dialect::MariaDb)
            .expect("insert"),
        1
    );
    let rows: Vec<mysql::Row> = conn
        .cte_exec(
            &select! { SELECT b, i, f, t, y, n, d FROM kinds },
            Dialect::MariaDb,
        )
        .expect("read back");
    let back = row_values(&rows[0]).expect("values");
    assert_eq!(
        back,
        [
            // BOOLEAN is TINYINT(1) on MariaDB.
            Value::I64(1),
            Value::I64(i64::MIN),
            Value::F64(-2.5),
            Value::Text("it's \u{e9}".into()),
            Value::Bytes(b"abc".to_vec()),
            Value::Null,
            // DECIMAL reads as an exact decimal, at the column's scale.
            Value::Decimal("12.50".parse().expect("a decimal")),
        ]
    );
    // Read one column at a time without the column types, bytes that are UTF-8 are text.
    let (t, y): (Value, Value) = conn
        .cte_exec_first(&select! { SELECT t, y FROM kinds }, Dialect::MariaDb)
        .expect("read back")
        .expect("a row");
    assert_eq!(t, Value::Text("it's \u{e9}".into()));
    assert_eq!(y, Value::Text("abc".into()));
    support::record_run(MARIADB.name, "driver_mysql_values");
}

#[test]
fn driver_errors_come_back_as_err() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    match conn.cte_exec::<mysql::Row>(&support::missing_table(), Dialect::MariaDb) {
        Err(DriverError::Driver(mysql::Error::MySqlError(e))) => {
            assert_eq!(e.code, 1146, "{e}")
        }
        other => panic!("expected the server's error, got {other:?}"),
    }
    // A row that does not convert is an error, not the panic of mysql's own `exec`.
    match conn.cte_exec::<(i64, i64, i64)>(&chart("Grace", 10), Dialect::MariaDb) {
        Err(DriverError::Driver(mysql::Error::FromRowError(row))) => assert_eq!(row.len(), 3),
        other => panic!("expected a conversion error, got {other:?}"),
    }
    // SQL rendered for another engine is never sent: `||` would mean OR here.
    match conn.cte_exec::<mysql::Row>(&chart("Grace", 10), Dialect::Postgres) {
        Err(DriverError::Dialect { driver, dialect }) => {
            assert_eq!((driver, dialect), ("mysql", Dialect::Postgres))
        }
        other => panic!("expected a dialect error, got {other:?}"),
    }
    match conn.cte_exec::<mysql::Row>(&support::data_modifying(3), Dialect::MariaDb) {
        Err(DriverError::Render(e)) => assert_eq!(e.dialect(), Dialect::MariaDb),
        other => panic!("expected a RenderError, got {other:?}"),
    }
    // The connection is still usable after the errors.
    let rows: Vec<mysql::Row> = conn
        .cte_exec(&chart("Grace", 10), Dialect::MariaDb)
        .expect("chart");
    assert_eq!(rows.len(), 4);
    support::record_run(MARIADB.name, "driver_mysql_errors");
}

/// TINYINT..BIGINT columns and integer expressions read into Rust integers through `Value`.
#[test]
fn integer_columns_read_into_rust_integers() {
    let Some(mut conn) = org_chart() else {
        return;
    };
    conn.query_drop(support::integers_ddl(MARIADB.name, "TEMPORARY"))
        .expect("integer table");
    conn.query_drop(support::INTEGER_ROWS)
        .expect("integer rows");
    let rows: Vec<mysql::Row> = conn
        .cte_exec(&support::integers(), Dialect::MariaDb)
        .expect("integers");
    let rows: Vec<Vec<Value>> = rows
        .iter()
        .map(|row| row_values(row).expect("values"))
        .collect();
    support::check_integer_reads(&rows);
    support::record_run(MARIADB.name, "driver_mysql_integers");
}

/// The connection as the shared value checks use it.
struct MariaDb(Conn);

fn result_values<P: mysql::prelude::Protocol>(
    mut result: mysql::QueryResult<'_, '_, '_, P>,
) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    while let Some(set) = result.iter() {
        for row in set {
            rows.push(row_values(&row.expect("a row")).expect("values"));
        }
    }
    rows
}

impl values::Db for MariaDb {
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>> {
        // Prepared, so that values come in the binary protocol, typed, as `cte_*` reads them.
        result_values(self.0.exec_iter(sql, ()).expect(sql))
    }

    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>> {
        result_values(self.0.cte_exec_iter(query, Dialect::MariaDb).expect("rows"))
    }
}

#[test]
fn every_value_type_binds_compares_and_reads_back() {
    let target = Target::new(MARIADB.name, Dialect::MariaDb, "mysql");
    if let Some(conn) = org_chart() {
        values::check_every_type(&mut MariaDb(conn), target);
    }
}
