//! Dates, times, timestamps, UUIDs, decimals and JSON: the placeholders each dialect gets (on
//! PostgreSQL cast to the value's type where the context does not type them) and the literals
//! of `to_inline_sql`, golden per dialect; the MySQL and SQL Server texts are parsed too. The
//! drivers' tests run the same values on SQLite, PostgreSQL and MariaDB.

mod golden_support;

use cte_runtime::Dialect::{self, MariaDb, MsSql, MySql, Postgres, Sqlite};
use cte_runtime::{select, Date, Decimal, Query, Time, Timestamp, Value};
use golden_support::{assert_parses_on_mssql, assert_parses_on_mysql, assert_renders};

fn day() -> Date {
    Date::new(2024, 1, 31).expect("a date")
}

fn instant() -> Value {
    Value::TimestampTz("9999-12-31 23:59:59.1234567".parse().expect("a timestamp"))
}

fn uuid() -> Value {
    let mut bytes = [0u8; 16];
    bytes[0] = 0x67;
    bytes[15] = 0xc8;
    Value::Uuid(bytes)
}

fn price() -> Decimal {
    "-12.50".parse().expect("a decimal")
}

/// Every kind as a select item, compared with a column, beside arithmetic and inserted.
fn every_kind() -> [Query; 3] {
    let (day, price) = (day(), price());
    let at: Time = "08:00:00.5".parse().expect("a time");
    let since: Timestamp = "0001-01-01 00:00:00".parse().expect("a timestamp");
    let (instant, id, doc) = (instant(), uuid(), Value::Json(r#"{"a":"it's"}"#.into()));
    [
        select! { SELECT {day}, {at}, {since}, {&instant}, {&id}, {&price}, {&doc} },
        select! {
            SELECT id FROM visits
            WHERE day = {day} AND ts >= {since} AND total * {&price} > 0 AND token = {&id}
        },
        select! { INSERT INTO visits (day, ts, at, token, total, doc) VALUES ({day}, {&instant}, {at}, {&id}, {&price}, {&doc}) },
    ]
}

#[test]
fn postgres_casts_each_placeholder_to_its_value_type() {
    let [items, compared, inserted] = every_kind();
    assert_renders(
        &items,
        &[
            (
                Postgres,
                "SELECT CAST($1 AS DATE), CAST($2 AS TIME), CAST($3 AS TIMESTAMP), \
                 CAST($4 AS TIMESTAMPTZ), CAST($5 AS UUID), CAST($6 AS NUMERIC), \
                 CAST($7 AS JSONB)",
            ),
            (MySql, "SELECT ?, ?, ?, ?, ?, ?, ?"),
            (MsSql, "SELECT @P1, @P2, @P3, @P4, @P5, @P6, @P7"),
        ],
    );
    assert_renders(
        &compared,
        &[(
            Postgres,
            "SELECT id FROM visits WHERE day = CAST($1 AS DATE) AND ts >= CAST($2 AS TIMESTAMP) \
             AND total * CAST($3 AS NUMERIC) > 0 AND token = CAST($4 AS UUID)",
        )],
    );
    // An INSERT's values take the column's type: no cast, so an instant fits a timestamp
    // column and a naive timestamp a timestamptz one, both as UTC.
    assert_renders(
        &inserted,
        &[(
            Postgres,
            "INSERT INTO visits (day, ts, at, token, total, doc) VALUES ($1, $2, $3, $4, $5, $6)",
        )],
    );
}

/// `to_inline_sql` of `q` for each dialect, and the MySQL and SQL Server texts parse.
#[track_caller]
fn assert_inline(q: &Query, expected: &[(Dialect, &str)]) {
    for (dialect, sql) in expected {
        let inline = q
            .to_inline_sql(*dialect)
            .unwrap_or_else(|e| panic!("{dialect}: {e}"));
        assert_eq!(inline, *sql, "{dialect}");
        match dialect {
            MySql => assert_parses_on_mysql(&inline),
            MsSql => assert_parses_on_mssql(&inline),
            _ => {}
        }
    }
}

#[test]
fn literals_read_as_the_value_type_on_every_dialect() {
    let [items, _, inserted] = every_kind();
    assert_inline(
        &items,
        &[
            (
                Postgres,
                "SELECT CAST('2024-01-31' AS DATE), CAST('08:00:00.5' AS TIME), \
                 CAST('0001-01-01 00:00:00+00' AS TIMESTAMP), \
                 CAST('9999-12-31 23:59:59.123456+00' AS TIMESTAMPTZ), \
                 CAST('67000000-0000-0000-0000-0000000000c8' AS UUID), \
                 CAST('-12.50' AS NUMERIC), CAST('{\"a\":\"it''s\"}' AS JSONB)",
            ),
            (
                MySql,
                "SELECT DATE '2024-01-31', TIME '08:00:00.5', TIMESTAMP '0001-01-01 00:00:00', \
                 TIMESTAMP '9999-12-31 23:59:59.123456', '67000000-0000-0000-0000-0000000000c8', \
                 -12.50, '{\"a\":\"it''s\"}'",
            ),
            (
                MariaDb,
                "SELECT DATE '2024-01-31', TIME '08:00:00.5', TIMESTAMP '0001-01-01 00:00:00', \
                 TIMESTAMP '9999-12-31 23:59:59.123456', '67000000-0000-0000-0000-0000000000c8', \
                 -12.50, '{\"a\":\"it''s\"}'",
            ),
            (
                Sqlite,
                "SELECT '2024-01-31', '08:00:00.5', '0001-01-01 00:00:00', \
                 '9999-12-31 23:59:59.1234567', X'670000000000000000000000000000C8', '-12.50', \
                 '{\"a\":\"it''s\"}'",
            ),
            (
                MsSql,
                "SELECT CAST('2024-01-31' AS DATE), CAST('08:00:00.5' AS TIME(7)), \
                 CAST('0001-01-01T00:00:00' AS DATETIME2(7)), \
                 CAST('9999-12-31T23:59:59.1234567+00:00' AS DATETIMEOFFSET(7)), \
                 CAST('67000000-0000-0000-0000-0000000000c8' AS UNIQUEIDENTIFIER), -12.50, \
                 N'{\"a\":\"it''s\"}'",
            ),
        ],
    );
    assert_inline(
        &inserted,
        &[
            (
                Postgres,
                "INSERT INTO visits (day, ts, at, token, total, doc) VALUES ('2024-01-31', \
                 '9999-12-31 23:59:59.123456+00', '08:00:00.5', \
                 '67000000-0000-0000-0000-0000000000c8', '-12.50', '{\"a\":\"it''s\"}')",
            ),
            (
                MySql,
                "INSERT INTO visits (day, ts, at, token, total, doc) VALUES (DATE '2024-01-31', \
                 TIMESTAMP '9999-12-31 23:59:59.123456', TIME '08:00:00.5', \
                 '67000000-0000-0000-0000-0000000000c8', -12.50, '{\"a\":\"it''s\"}')",
            ),
            (
                MsSql,
                "INSERT INTO visits (day, ts, at, token, total, doc) VALUES \
                 (CAST('2024-01-31' AS DATE), \
                 CAST('9999-12-31T23:59:59.1234567+00:00' AS DATETIMEOFFSET(7)), \
                 CAST('08:00:00.5' AS TIME(7)), \
                 CAST('67000000-0000-0000-0000-0000000000c8' AS UNIQUEIDENTIFIER), -12.50, \
                 N'{\"a\":\"it''s\"}')",
            ),
        ],
    );
}

#[test]
fn values_without_a_literal_are_render_errors() {
    let wide: Decimal = format!("1{}", "0".repeat(38)).parse().expect("a decimal");
    let q = select! { SELECT {&wide} };
    let e = q.to_inline_sql(MsSql).expect_err("39 digits on SQL Server");
    assert_eq!(e.construct(), "a decimal of more than 38 digits");
    assert!(q.to_inline_sql(Postgres).is_ok());
    // Past 65 digits a MySQL numeric literal is a float: the decimal stays text there.
    let wider: Decimal = format!("1{}", "0".repeat(65)).parse().expect("a decimal");
    let q66 = select! { SELECT {&wider} };
    let inline = q66.to_inline_sql(MySql).expect("66 digits on MySQL");
    assert_eq!(inline, format!("SELECT '{wider}'"));
    assert_parses_on_mysql(&inline);
    // Bound, it is a parameter like any other.
    assert!(q.render(MsSql).is_ok());
}
