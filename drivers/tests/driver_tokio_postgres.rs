//! The `tokio-postgres` feature against a real PostgreSQL (`CTE_TEST_POSTGRES_URL`).

mod support;

use cte_runtime::tokio_postgres::ClientExt;
use cte_runtime::{select, Dialect, DriverError, Query, Value};
use futures_util::{pin_mut, TryStreamExt};
use support::values::{self, Target};
use support::{chart, POSTGRES};
use tokio_postgres::Client;

fn read_chart(rows: &[tokio_postgres::Row]) -> Vec<(i64, String, i64)> {
    rows.iter()
        .map(|row| {
            let id: i32 = row.get(0);
            let depth: i32 = row.get(2);
            (i64::from(id), row.get(1), i64::from(depth))
        })
        .collect()
}

#[tokio::test]
async fn recursive_query_with_parameters() {
    let Some(client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    let rows = client
        .cte_query(&chart("Grace", 10))
        .await
        .expect("chart from Grace");
    assert_eq!(read_chart(&rows), support::grace_chart());
    let rows = client
        .cte_query(&chart("Ada", 1))
        .await
        .expect("chart from Ada");
    assert_eq!(read_chart(&rows), support::ada_chart_depth_1());

    let id = 5_i64;
    let q = select! { SELECT name FROM employee WHERE id = {id} };
    let row = client.cte_query_one(&q).await.expect("one employee");
    assert_eq!(row.get::<_, Value>(0), Value::Text("Ken".into()));
    let q = select! { SELECT name FROM employee WHERE manager_id = {id} };
    assert!(client.cte_query_opt(&q).await.expect("no report").is_none());
    support::record_run(POSTGRES.name, "driver_tokio_postgres_recursive_query");
}

#[tokio::test]
async fn rows_come_as_a_stream() {
    let Some(client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    let count = 50_000_i64;
    let rows = client
        .cte_query_raw(&support::series(count))
        .await
        .expect("series");
    pin_mut!(rows);
    let (mut seen, mut last_total) = (0_i64, Value::Null);
    while let Some(row) = rows.try_next().await.expect("a row") {
        seen += 1;
        last_total = row.try_get(1).expect("total");
    }
    support::check_series_read(count, seen, &last_total);
    support::record_run(POSTGRES.name, "driver_tokio_postgres_stream");
}

#[tokio::test]
async fn statements_run_in_a_transaction() {
    let Some(mut client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    let tx = client.transaction().await.expect("transaction");
    let insert = select! {
        INSERT INTO employee (id, name, manager_id) VALUES ({7_i64}, {"Frances"}, {3_i64})
    };
    assert_eq!(tx.cte_execute(&insert).await.expect("insert"), 1);
    let rows = tx
        .cte_query(&chart("Edsger", 5))
        .await
        .expect("chart in the transaction");
    assert_eq!(
        read_chart(&rows),
        [(3, "Edsger".to_owned(), 0), (7, "Frances".to_owned(), 1)]
    );
    tx.rollback().await.expect("rollback");
    let rows = client.cte_query(&chart("Edsger", 5)).await.expect("chart");
    assert_eq!(rows.len(), 1, "the insert was rolled back");
    support::record_run(POSTGRES.name, "driver_tokio_postgres_transaction");
}

#[tokio::test]
async fn driver_errors_come_back_as_err() {
    let Some(client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    match client.cte_query_raw(&support::missing_table()).await {
        Err(DriverError::Driver(e)) => {
            let code = e.code().map(|c| c.code().to_owned());
            assert_eq!(code.as_deref(), Some("42P01"), "{e}");
        }
        Err(other) => panic!("expected the server's error, got {other:?}"),
        Ok(_) => panic!("a missing table streamed rows"),
    }
    // A `Value`, which the schema's check lets through to reach the server.
    let seven = Value::Text("seven".into());
    let q = select! { SELECT name FROM employee WHERE id = {seven} };
    match client.cte_query(&q).await {
        Err(DriverError::Driver(e)) => {
            let cause = std::error::Error::source(&e).map(ToString::to_string);
            assert_eq!(
                cause.as_deref(),
                Some("cannot bind text \"seven\" to a PostgreSQL int4 parameter"),
                "{e}"
            );
        }
        other => panic!("expected a conversion error, got {other:?}"),
    }
    // An error in the middle of a stream comes as an Err item: division by zero on row 3.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {5})
        SELECT 10 / (3 - n) AS q FROM s
    };
    let rows = client.cte_query_raw(&q).await.expect("the stream starts");
    let collected: Result<Vec<tokio_postgres::Row>, _> = rows.try_collect().await;
    let e = collected.expect_err("division by zero");
    assert_eq!(e.code().map(|c| c.code()), Some("22012"), "{e}");
    support::record_run(POSTGRES.name, "driver_tokio_postgres_errors");
}

/// int2, int4 and int8 columns and integer expressions read into Rust integers through `Value`.
#[tokio::test]
async fn integer_columns_read_into_rust_integers() {
    let Some(client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    let ddl = support::integers_ddl(POSTGRES.name, "TEMPORARY");
    client
        .batch_execute(&format!("{ddl}; {}", support::INTEGER_ROWS))
        .await
        .expect("integer table");
    let rows = client
        .cte_query(&support::integers())
        .await
        .expect("integers");
    let rows: Vec<Vec<Value>> = rows
        .iter()
        .map(|row| (0..row.len()).map(|c| row.get::<_, Value>(c)).collect())
        .collect();
    support::check_integer_reads(&rows);
    support::record_run(POSTGRES.name, "driver_tokio_postgres_integers");
}

/// A client as the shared value checks use it, each call run to completion.
struct TokioPostgres {
    runtime: tokio::runtime::Runtime,
    client: Client,
}

impl values::Db for TokioPostgres {
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>> {
        values::postgres_rows(
            self.runtime
                .block_on(self.client.query(sql, &[]))
                .expect(sql),
        )
    }

    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>> {
        values::postgres_rows(
            self.runtime
                .block_on(self.client.cte_query(query))
                .expect("rows"),
        )
    }
}

#[test]
fn every_value_type_binds_compares_and_reads_back() {
    let runtime = values::runtime();
    let Some(client) = runtime.block_on(support::tokio_postgres_org_chart()) else {
        return;
    };
    let mut db = TokioPostgres { runtime, client };
    values::check_every_type(
        &mut db,
        Target::new(POSTGRES.name, Dialect::Postgres, "tokio-postgres"),
    );
}
