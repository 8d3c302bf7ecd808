//! The `rusqlite` feature against real (bundled) SQLite.

mod support;

use cte_runtime::rusqlite::ConnectionExt;
use cte_runtime::{select, Dialect, DriverError, Query, Value};
use rusqlite::Connection;
use support::values::{self, Target};
use support::{chart, SQLITE};

fn org_chart() -> Connection {
    let conn = Connection::open_in_memory().expect("in-memory SQLite");
    conn.execute_batch(&format!(
        "{}; {}",
        support::employee_ddl(""),
        support::EMPLOYEE_ROWS
    ))
    .expect("org chart fixture");
    conn
}

fn read_chart(row: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, String, i64)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
}

#[test]
fn recursive_query_with_parameters() {
    let conn = org_chart();
    let rows = conn
        .cte_query_map(&chart("Grace", 10), read_chart)
        .expect("chart from Grace");
    assert_eq!(rows, support::grace_chart());

    let rows = conn
        .cte_query_map(&chart("Ada", 1), read_chart)
        .expect("chart from Ada, one level");
    assert_eq!(rows, support::ada_chart_depth_1());

    let (count, total): (i64, i64) = conn
        .cte_query_row(&support::series(2000), |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("series");
    assert_eq!((count, total), (1, 1), "the first row of the series");
    let rows = conn
        .cte_query_map(&support::series(2000), |row| row.get::<_, i64>(1))
        .expect("series");
    assert_eq!(rows.len(), 2000);
    assert_eq!(rows.last(), Some(&(2000 * 2001 / 2)));
    support::record_run(SQLITE, "driver_rusqlite_recursive_query");
}

#[test]
fn every_value_binds_and_reads_back() {
    let conn = Connection::open_in_memory().expect("in-memory SQLite");
    let values = [
        Value::Null,
        Value::I64(i64::MIN),
        Value::F64(-2.5),
        Value::Text("it's \u{e9}".into()),
        Value::Bytes(vec![0, 1, 255]),
    ];
    for value in values {
        let q = select! { SELECT {&value} AS v };
        let back: Value = conn
            .cte_query_row(&q, |row| row.get(0))
            .expect("round trip");
        assert_eq!(back, value);
    }
    // SQLite has no boolean type: true is stored and read as 1.
    let q = select! { SELECT {true} AS v };
    let back: Value = conn.cte_query_row(&q, |row| row.get(0)).expect("bool");
    assert_eq!(back, Value::I64(1));
    support::record_run(SQLITE, "driver_rusqlite_values");
}

#[test]
fn statements_change_rows_and_count_them() {
    let conn = org_chart();
    let delete_team = support::delete_team();
    assert_eq!(conn.cte_execute(&delete_team).expect("delete a team"), 3);
    let left: i64 = conn
        .query_row("SELECT COUNT(*) FROM employee", [], |row| row.get(0))
        .expect("count");
    assert_eq!(left, 3);
    support::record_run(SQLITE, "driver_rusqlite_execute");
}

#[test]
fn driver_errors_come_back_as_err() {
    let conn = org_chart();
    match conn.cte_query_map(&support::missing_table(), |row| row.get::<_, i64>(0)) {
        Err(DriverError::Driver(e)) => {
            assert!(e.to_string().contains("no such table"), "{e}")
        }
        other => panic!("expected the driver's error, got {other:?}"),
    }
    // A column that does not convert to the asked type is an error, not a panic.
    match conn.cte_query_row(&chart("Grace", 10), |row| row.get::<_, i64>(1)) {
        Err(DriverError::Driver(rusqlite::Error::InvalidColumnType(1, ..))) => {}
        other => panic!("expected a conversion error, got {other:?}"),
    }
    // No row for query_row is rusqlite's own error.
    match conn.cte_query_row(&chart("Nobody", 10), |row| row.get::<_, i64>(0)) {
        Err(DriverError::Driver(rusqlite::Error::QueryReturnedNoRows)) => {}
        other => panic!("expected QueryReturnedNoRows, got {other:?}"),
    }
    support::record_run(SQLITE, "driver_rusqlite_errors");
}

#[test]
fn queries_sqlite_cannot_express_are_render_errors() {
    let conn = org_chart();
    match conn.cte_query_map(&support::data_modifying(3), |row| row.get::<_, i64>(0)) {
        Err(DriverError::Render(e)) => {
            assert_eq!(e.dialect(), Dialect::Sqlite);
            assert_eq!(e.construct(), "INSERT, UPDATE or DELETE inside WITH");
        }
        other => panic!("expected a RenderError, got {other:?}"),
    }
    let count: i64 = conn
        .query_row("SELECT COUNT(*) FROM employee", [], |row| row.get(0))
        .expect("count");
    assert_eq!(count, 6, "nothing ran");
}

/// INTEGER columns of every declared size and integer expressions read into Rust integers
/// through `Value`.
#[test]
fn integer_columns_read_into_rust_integers() {
    let conn = org_chart();
    conn.execute_batch(&format!(
        "{}; {}",
        support::integers_ddl(SQLITE, ""),
        support::INTEGER_ROWS
    ))
    .expect("integer table");
    let rows = conn
        .cte_query_map(&support::integers(), |row| {
            (0..7).map(|c| row.get::<_, Value>(c)).collect()
        })
        .expect("integers");
    support::check_integer_reads(&rows);
    support::record_run(SQLITE, "driver_rusqlite_integers");
}

/// The connection as the shared value checks use it.
struct Sqlite(Connection);

fn row_values(row: &rusqlite::Row<'_>) -> rusqlite::Result<Vec<Value>> {
    (0..row.as_ref().column_count())
        .map(|i| row.get(i))
        .collect()
}

impl values::Db for Sqlite {
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>> {
        let mut stmt = self.0.prepare(sql).expect(sql);
        let rows = stmt.query_map([], row_values).expect(sql);
        rows.collect::<rusqlite::Result<_>>().expect(sql)
    }

    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>> {
        self.0.cte_query_map(query, row_values).expect("rows")
    }
}

#[test]
fn every_value_type_binds_compares_and_reads_back() {
    let conn = Connection::open_in_memory().expect("in-memory SQLite");
    values::check_every_type(
        &mut Sqlite(conn),
        Target::new(SQLITE, Dialect::Sqlite, "rusqlite"),
    );
}
