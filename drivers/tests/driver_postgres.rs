//! The `postgres` feature against a real PostgreSQL (`CTE_TEST_POSTGRES_URL`).

mod support;

use cte_runtime::postgres::ClientExt;
use cte_runtime::{select, Dialect, DriverError, Query, Value};
use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;
use support::values::{self, Target};
use support::{chart, POSTGRES};

fn read_chart(rows: &[postgres::Row]) -> Vec<(i64, String, i64)> {
    rows.iter()
        .map(|row| {
            // id and depth are int4 columns: they read as i32, or as a Value.
            let id: i32 = row.get(0);
            let depth: Value = row.get(2);
            let Value::I64(depth) = depth else {
                panic!("depth read as {depth:?}")
            };
            (i64::from(id), row.get(1), depth)
        })
        .collect()
}

#[test]
fn recursive_query_with_parameters() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    // `max_depth` is an i64 compared with an int4 expression: it binds as an int4.
    let rows = client
        .cte_query(&chart("Grace", 10))
        .expect("chart from Grace");
    assert_eq!(read_chart(&rows), support::grace_chart());
    let rows = client.cte_query(&chart("Ada", 1)).expect("chart from Ada");
    assert_eq!(read_chart(&rows), support::ada_chart_depth_1());

    let id = 4_i64;
    let q = select! { SELECT name FROM employee WHERE id = {id} };
    let row = client.cte_query_one(&q).expect("one employee");
    assert_eq!(row.get::<_, String>(0), "Barbara");
    let q = select! { SELECT name FROM employee WHERE id = {id + 100} };
    assert!(client.cte_query_opt(&q).expect("no employee").is_none());
    support::record_run(POSTGRES.name, "driver_postgres_recursive_query");
}

/// `Value` is the driver's own parameter type too: it binds to whatever the server infers.
#[test]
fn values_bind_to_the_type_the_server_infers() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    let sql = "SELECT name FROM employee WHERE id = $1";
    let row = client
        .query_one(sql, &[&Value::I64(4)])
        .expect("an i64 compared with an int4 column");
    assert_eq!(row.get::<_, String>(0), "Barbara");
    let e = client
        .query_one(sql, &[&Value::I64(1 << 40)])
        .expect_err("out of the int4 range");
    let cause = std::error::Error::source(&e).map(ToString::to_string);
    assert_eq!(
        cause.as_deref(),
        Some("1099511627776 is out of range for a PostgreSQL int4 parameter")
    );
    support::record_run(POSTGRES.name, "driver_postgres_value_params");
}

#[test]
fn rows_stream_from_the_connection() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    let count = 20_000;
    let rows = client
        .cte_query_raw(&support::series(count))
        .expect("series");
    let (seen, last_total) = rows
        .fold((0_i64, 0_i64), |(seen, _), row| {
            Ok((seen + 1, row.try_get::<_, i64>(1)?))
        })
        .expect("rows");
    assert_eq!(seen, count);
    assert_eq!(last_total, count * (count + 1) / 2);
    support::record_run(POSTGRES.name, "driver_postgres_stream");
}

#[test]
fn every_value_binds_and_reads_back() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    client
        .batch_execute(
            "CREATE TEMPORARY TABLE kinds (b BOOLEAN, i BIGINT, f DOUBLE PRECISION, t TEXT, \
             y BYTEA, n INTEGER, d NUMERIC(10, 2), s SMALLINT)",
        )
        .expect("table of every kind");
    let values = support::basic_values(&[0, 1, 255]);
    let [b, i, f, t, y, n] = &values;
    // Text binds to a NUMERIC parameter, and an i64 to a SMALLINT one, as the server asks.
    // (As a `Value`, which the schema's check of a NUMERIC column lets through.)
    let d = Value::Text("12.50".into());
    let insert = select! {
        INSERT INTO kinds (b, i, f, t, y, n, d, s)
        VALUES ({b}, {i}, {f}, {t}, {y}, {n}, {d}, {7_i64})
    };
    assert_eq!(client.cte_execute(&insert).expect("insert"), 1);
    let row = client
        .cte_query_one(&select! { SELECT b, i, f, t, y, n, d, s FROM kinds })
        .expect("read back");
    let back: Vec<Value> = (0..row.len()).map(|c| row.get(c)).collect();
    let mut expected = values.to_vec();
    // NUMERIC reads as an exact decimal.
    expected.push(Value::Decimal("12.50".parse().expect("a decimal")));
    expected.push(Value::I64(7));
    assert_eq!(back, expected);
    support::record_run(POSTGRES.name, "driver_postgres_values");
}

#[test]
fn statements_change_rows_and_count_them() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    let mut tx = client.transaction().expect("transaction");
    let delete_team = support::delete_team();
    assert_eq!(tx.cte_execute(&delete_team).expect("delete a team"), 3);
    let left: i64 = tx
        .query_one("SELECT COUNT(*) FROM employee", &[])
        .expect("count")
        .get(0);
    assert_eq!(left, 3);
    tx.rollback().expect("rollback");
    support::record_run(POSTGRES.name, "driver_postgres_execute");
}

#[test]
fn driver_errors_come_back_as_err() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    match client.cte_query(&support::missing_table()) {
        Err(DriverError::Driver(e)) => {
            let code = e.code().map(|c| c.code().to_owned());
            assert_eq!(code.as_deref(), Some("42P01"), "{e}");
        }
        other => panic!("expected the server's error, got {other:?}"),
    }
    // A value that does not fit the type the server infers for its placeholder is an error, not
    // a wrapped-around number. (Integer parameters render with a BIGINT cast; text has none.)
    // A `Value`, which the schema's check lets through to reach the server.
    let too_big = Value::Text((i64::from(i32::MAX) + 1).to_string());
    let q = select! { SELECT name FROM employee WHERE id = {&too_big} };
    match client.cte_query(&q) {
        Err(DriverError::Driver(e)) => {
            let cause = std::error::Error::source(&e).map(ToString::to_string);
            assert_eq!(
                cause.as_deref(),
                Some("2147483648 is out of range for a PostgreSQL int4 parameter"),
                "{e}"
            );
        }
        other => panic!("expected a conversion error, got {other:?}"),
    }
    // A column that does not read as a Value says what to do instead.
    let row = client
        .query_one("SELECT INTERVAL '1 day'", &[])
        .expect("an interval");
    match row.try_get::<_, Value>(0) {
        Err(e) => assert!(format!("{e:?}").contains("CAST(x AS TEXT)"), "{e:?}"),
        Ok(v) => panic!("an interval read as {v:?}"),
    }
    // The connection is still usable after the errors.
    assert_eq!(
        client.cte_query(&chart("Grace", 10)).expect("chart").len(),
        4
    );
    support::record_run(POSTGRES.name, "driver_postgres_errors");
}

/// `DriverError`'s message says why, not only "db error" or "error serializing parameter 0".
#[test]
fn driver_errors_say_why() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    let e = client
        .cte_query(&support::missing_table())
        .expect_err("a missing table");
    let shown = e.to_string();
    assert!(shown.starts_with("db error: ERROR: relation "), "{shown}");
    assert!(shown.ends_with(" does not exist"), "{shown}");

    // A `Value`, which the schema's check lets through to reach the server.
    let too_big = Value::Text((i64::from(i32::MAX) + 1).to_string());
    let q = select! { SELECT name FROM employee WHERE id = {&too_big} };
    let e = client.cte_query(&q).expect_err("text beyond int4");
    assert_eq!(
        e.to_string(),
        "error serializing parameter 0: 2147483648 is out of range for a PostgreSQL int4 parameter"
    );

    // An integer beyond i64 is refused before anything is sent.
    let id = u64::MAX;
    let q = select! { SELECT name FROM employee WHERE id = {id} };
    match client.cte_query(&q) {
        Err(DriverError::Render(e)) => assert_eq!(e.param_error().map(|(n, _)| n), Some(1)),
        other => panic!("expected a render error, got {other:?}"),
    }
    support::record_run(POSTGRES.name, "driver_postgres_error_messages");
}

/// int2, int4 and int8 columns and integer expressions read into `i64` through `Value`, where the
/// driver's own `try_get::<_, i64>` takes only an int8.
#[test]
fn integer_columns_read_into_rust_integers() {
    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    let ddl = support::integers_ddl(POSTGRES.name, "TEMPORARY");
    client
        .batch_execute(&format!("{ddl}; {}", support::INTEGER_ROWS))
        .expect("integer table");
    let rows = client.cte_query(&support::integers()).expect("integers");
    let rows: Vec<Vec<Value>> = rows
        .iter()
        .map(|row| (0..row.len()).map(|c| row.get::<_, Value>(c)).collect())
        .collect();
    support::check_integer_reads(&rows);
    support::record_run(POSTGRES.name, "driver_postgres_integers");
}

/// The connection as the shared value checks use it.
struct Postgres(Client);

impl values::Db for Postgres {
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>> {
        values::postgres_rows(self.0.query(sql, &[]).expect(sql))
    }

    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>> {
        values::postgres_rows(self.0.cte_query(query).expect("rows"))
    }
}

#[test]
fn every_value_type_binds_compares_and_reads_back() {
    let Some(client) = support::postgres_org_chart() else {
        return;
    };
    values::check_every_type(
        &mut Postgres(client),
        Target::new(POSTGRES.name, Dialect::Postgres, "postgres"),
    );
}
