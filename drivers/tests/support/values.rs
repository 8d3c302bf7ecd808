//! The value tests every driver runs: one table of cases (a Rust type, its column type on each
//! engine, values from the smallest to the largest), and one check that binds each value,
//! inserts it, reads it back, compares it with the column, selects it as a parameter, and does
//! all of that again through `to_inline_sql`'s literals. Each driver file supplies a [`Db`].

use std::fmt::Debug;

use cte_runtime::{select, Dialect, IntoParam, Query, Value};

use super::record_run;

/// A connection, as the value checks use it; each driver's test file implements it.
pub trait Db {
    /// The engine's name: "SQLite", "PostgreSQL" or "MariaDB".
    fn engine(&self) -> &'static str;
    fn dialect(&self) -> Dialect;
    /// Runs SQL that binds nothing: DDL, and the statements of `to_inline_sql`.
    fn run(&mut self, sql: &str);
    /// The rows of SQL that binds nothing, each column read as a `Value`.
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>>;
    /// Runs a statement through the driver feature's own methods.
    fn execute(&mut self, query: &Query);
    /// The rows of a query through the driver feature's own methods, as `Value`s.
    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>>;
    /// Whether a text parameter is declared `text` to the server, as sqlx declares it on
    /// PostgreSQL, rather than typed by where it stands: a date column then takes no text.
    fn declares_text(&self) -> bool {
        false
    }
}

/// One value type: its column type on SQLite, PostgreSQL and MariaDB, and values in ascending
/// order (the first the smallest the type has where that is meaningful).
pub struct Case<T> {
    pub name: &'static str,
    pub columns: [&'static str; 3],
    pub values: Vec<T>,
    /// The engines on which the column orders values as Rust does (`>=` is checked there).
    pub ordered_on: &'static [&'static str],
}

const ENGINES: [&str; 3] = ["SQLite", "PostgreSQL", "MariaDB"];

/// Where every engine orders the values as Rust does.
pub const EVERYWHERE: &[&str] = &ENGINES;
/// Where only the engines with a decimal type do (SQLite compares decimal text as text).
pub const WITH_DECIMALS: &[&str] = &["PostgreSQL", "MariaDB"];
/// Where no engine does, or the type has no order.
pub const NOWHERE: &[&str] = &[];

impl<T> Case<T> {
    fn column(&self, engine: &str) -> &'static str {
        let at = ENGINES.iter().position(|e| *e == engine).unwrap_or(0);
        self.columns[at]
    }
}

/// Reads the cells of a one-column result as `T`s (NULL as `None`).
fn read<T>(rows: Vec<Vec<Value>>) -> Vec<Option<T>>
where
    T: TryFrom<Value>,
    T::Error: Debug,
{
    rows.into_iter()
        .map(|row| match row.into_iter().next() {
            Some(Value::Null) | None => None,
            Some(v) => {
                let shown = format!("{v:?}");
                Some(T::try_from(v).unwrap_or_else(|e| panic!("{shown}: {e:?}")))
            }
        })
        .collect()
}

fn ids(rows: Vec<Vec<Value>>) -> Vec<i64> {
    rows.iter()
        .map(|row| i64::try_from(&row[0]).expect("an integer"))
        .collect()
}

/// Runs every check of `case` on `db`: the table `vals (id, x)` holds NULL at id 0 and each
/// value at its position from 1.
pub fn check<T>(db: &mut dyn Db, driver: &str, case: &Case<T>)
where
    T: Clone + PartialEq + Debug + TryFrom<Value> + IntoParam,
    T::Error: Debug,
    Option<T>: IntoParam,
{
    let engine = db.engine();
    let dialect = db.dialect();
    let what = format!("{} on {engine} through {driver}", case.name);
    db.run("DROP TABLE IF EXISTS vals");
    db.run(&format!(
        "CREATE TEMPORARY TABLE vals (id INTEGER NOT NULL, x {})",
        case.column(engine)
    ));
    let expected: Vec<Option<T>> = std::iter::once(None)
        .chain(case.values.iter().cloned().map(Some))
        .collect();
    let all = select! { SELECT x FROM vals ORDER BY id };

    // Bound: inserted, read back exactly, NULL included.
    for (id, v) in expected.iter().enumerate() {
        let (id, v) = (id as i64, v.clone());
        db.execute(&select! { INSERT INTO vals (id, x) VALUES ({id}, {v}) });
    }
    assert_eq!(read::<T>(db.rows(&all)), expected, "{what}: read back");

    for (id, v) in expected.iter().enumerate().skip(1) {
        let id = id as i64;
        let v = v.clone().expect("a value");
        // Compared with the column.
        let q = select! { SELECT id FROM vals WHERE x = {v.clone()} ORDER BY id };
        assert_eq!(ids(db.rows(&q)), [id], "{what}: x = {v:?}");
        if case.ordered_on.contains(&engine) {
            let q = select! { SELECT COUNT(*) FROM vals WHERE x >= {v.clone()} };
            let count = case.values.len() as i64 - id + 1;
            assert_eq!(ids(db.rows(&q)), [count], "{what}: x >= {v:?}");
        }
        // Selected as a value, where the placeholder has no column to take its type from.
        let q = select! { SELECT {v.clone()} AS v };
        assert_eq!(
            read::<T>(db.rows(&q)),
            [Some(v.clone())],
            "{what}: SELECT {v:?}"
        );
        // The same comparison as a literal.
        let q = select! { SELECT id FROM vals WHERE x = {v.clone()} ORDER BY id };
        let inline = q.to_inline_sql(dialect).expect("inline SQL");
        assert_eq!(ids(db.rows_sql(&inline)), [id], "{what}: {inline}");
    }
    let q = select! { SELECT {None::<T>} AS v };
    assert_eq!(read::<T>(db.rows(&q)), [None], "{what}: SELECT NULL");

    // Inserted as literals: the same values come back.
    db.run("DELETE FROM vals");
    for (id, v) in expected.iter().enumerate() {
        let (id, v) = (id as i64, v.clone());
        let q = select! { INSERT INTO vals (id, x) VALUES ({id}, {v}) };
        db.run(&q.to_inline_sql(dialect).expect("inline SQL"));
    }
    assert_eq!(
        read::<T>(db.rows(&all)),
        expected,
        "{what}: literals read back"
    );
    db.run("DROP TABLE vals");
}

/// Every value type of the value features, on `db`; records the run as `test`.
pub fn check_every_type(db: &mut dyn Db, driver: &str, test: &str) {
    check(db, driver, &chrono_dates());
    check(db, driver, &chrono_times());
    check(db, driver, &chrono_timestamps());
    check(db, driver, &chrono_instants());
    check(db, driver, &time_dates());
    check(db, driver, &time_timestamps());
    check(db, driver, &time_instants());
    check(db, driver, &uuids());
    check(db, driver, &exact_decimals());
    check(db, driver, &rust_decimals());
    check(db, driver, &json());
    check_precision(db, driver);
    check_text_days(db, driver);
    record_run(db.engine(), test);
}

fn chrono_dates() -> Case<chrono::NaiveDate> {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    Case {
        name: "chrono::NaiveDate",
        columns: ["TEXT", "DATE", "DATE"],
        values: vec![
            day(1, 1, 1),
            day(1999, 12, 31),
            day(2024, 2, 29),
            day(9999, 12, 31),
        ],
        ordered_on: EVERYWHERE,
    }
}

fn chrono_times() -> Case<chrono::NaiveTime> {
    let at =
        |h, m, s, micro| chrono::NaiveTime::from_hms_micro_opt(h, m, s, micro).expect("a time");
    Case {
        name: "chrono::NaiveTime",
        columns: ["TEXT", "TIME", "TIME(6)"],
        values: vec![
            at(0, 0, 0, 0),
            at(8, 30, 0, 500_000),
            at(12, 34, 56, 789_012),
            at(23, 59, 59, 999_999),
        ],
        ordered_on: EVERYWHERE,
    }
}

fn chrono_naive(text: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").expect("a timestamp")
}

fn chrono_timestamps() -> Case<chrono::NaiveDateTime> {
    Case {
        name: "chrono::NaiveDateTime",
        columns: ["TEXT", "TIMESTAMP", "DATETIME(6)"],
        values: [
            "0001-01-01 00:00:00",
            "2024-01-31 08:00:00.000001",
            "2024-01-31 08:00:00.5",
            "9999-12-31 23:59:59.999999",
        ]
        .map(chrono_naive)
        .to_vec(),
        ordered_on: EVERYWHERE,
    }
}

fn chrono_instants() -> Case<chrono::DateTime<chrono::Utc>> {
    Case {
        name: "chrono::DateTime<Utc>",
        columns: ["TEXT", "TIMESTAMPTZ", "DATETIME(6)"],
        values: [
            "0001-01-01 00:00:00",
            "1970-01-01 00:00:00",
            "2024-06-30 23:59:59.123456",
            "9999-12-31 23:59:59.999999",
        ]
        .map(|t| chrono_naive(t).and_utc())
        .to_vec(),
        ordered_on: EVERYWHERE,
    }
}

fn time_dates() -> Case<time::Date> {
    Case {
        name: "time::Date",
        columns: ["TEXT", "DATE", "DATE"],
        values: vec![
            time::macros::date!(0001 - 01 - 01),
            time::macros::date!(2000 - 02 - 29),
            time::macros::date!(9999 - 12 - 31),
        ],
        ordered_on: EVERYWHERE,
    }
}

fn time_timestamps() -> Case<time::PrimitiveDateTime> {
    Case {
        name: "time::PrimitiveDateTime",
        columns: ["TEXT", "TIMESTAMP", "DATETIME(6)"],
        values: vec![
            time::macros::datetime!(0001-01-01 0:00),
            time::macros::datetime!(2024-01-31 8:00:00.25),
            time::macros::datetime!(9999-12-31 23:59:59.999_999),
        ],
        ordered_on: EVERYWHERE,
    }
}

/// Instants at other offsets than UTC: they are stored in UTC and read back as the same instant.
fn time_instants() -> Case<time::OffsetDateTime> {
    Case {
        name: "time::OffsetDateTime",
        columns: ["TEXT", "TIMESTAMPTZ", "DATETIME(6)"],
        values: vec![
            time::macros::datetime!(2024-01-01 00:30 +01:00),
            time::macros::datetime!(2024-01-01 00:00 UTC),
            time::macros::datetime!(2024-01-01 00:00 -05:30),
        ],
        ordered_on: EVERYWHERE,
    }
}

fn uuids() -> Case<uuid::Uuid> {
    Case {
        name: "uuid::Uuid",
        columns: ["BLOB", "UUID", "UUID"],
        values: vec![
            uuid::Uuid::nil(),
            uuid::Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8),
            uuid::Uuid::max(),
        ],
        ordered_on: NOWHERE,
    }
}

/// Decimals to MariaDB's limit, 65 digits with 30 after the point, written at that scale as
/// the column keeps them; two differ only in the last digit, past what a float tells apart.
fn exact_decimals() -> Case<cte_runtime::Decimal> {
    let nines = format!("{}.{}", "9".repeat(35), "9".repeat(30));
    let tiny = |last: char| format!("1.{}{last}", "0".repeat(29));
    Case {
        name: "cte_runtime::Decimal",
        columns: ["TEXT", "NUMERIC", "DECIMAL(65, 30)"],
        values: [
            format!("-{nines}"),
            format!("0.{}", "0".repeat(30)),
            tiny('1'),
            tiny('2'),
            nines,
        ]
        .iter()
        .map(|t| t.parse().expect("a decimal"))
        .collect(),
        ordered_on: WITH_DECIMALS,
    }
}

fn rust_decimals() -> Case<rust_decimal::Decimal> {
    use rust_decimal::Decimal;
    Case {
        name: "rust_decimal::Decimal",
        columns: ["TEXT", "NUMERIC", "DECIMAL(65, 28)"],
        values: vec![
            Decimal::MIN,
            Decimal::new(-1250, 2),
            Decimal::new(1, 28),
            Decimal::MAX,
        ],
        ordered_on: WITH_DECIMALS,
    }
}

/// JSON documents: small, with quotes and non-ASCII text, and large (about 400 KB).
fn json() -> Case<serde_json::Value> {
    let large: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({"id": i, "name": format!("item {i}"), "tags": ["a", "b"]}))
        .collect();
    Case {
        name: "serde_json::Value",
        columns: ["TEXT", "JSONB", "JSON"],
        values: vec![
            serde_json::json!({"a": [1, 2.5, "it's \u{e9}"], "b": null}),
            serde_json::json!("text"),
            serde_json::Value::Array(large),
        ],
        ordered_on: NOWHERE,
    }
}

/// Fractions of a second as each engine keeps them: SQLite's text keeps nanoseconds,
/// PostgreSQL and MariaDB microseconds (the rest is truncated when bound).
fn check_precision(db: &mut dyn Db, driver: &str) {
    let ts: cte_runtime::Timestamp = "2024-01-31 08:00:00.123456789"
        .parse()
        .expect("a timestamp");
    let kept = match db.engine() {
        "SQLite" => "2024-01-31 08:00:00.123456789",
        _ => "2024-01-31 08:00:00.123456",
    };
    let rows = db.rows(&select! { SELECT {ts} AS v });
    let back = cte_runtime::Timestamp::try_from(&rows[0][0]).expect("a timestamp");
    assert_eq!(back.to_string(), kept, "{} through {driver}", db.engine());
}

/// A day, as ISO 8601 text or as a date, compares with a date column and inserts into one, as
/// written.
fn check_text_days(db: &mut dyn Db, driver: &str) {
    let engine = db.engine();
    db.run(&format!(
        "CREATE TEMPORARY TABLE visitors (product_id INTEGER, day {}, count INTEGER)",
        chrono_dates().column(engine)
    ));
    let product = 7;
    let day = match db.declares_text() {
        true => Value::Date("2024-01-31".parse().expect("a date")),
        false => Value::Text("2024-01-31".into()),
    };
    db.execute(
        &select! { INSERT INTO visitors (product_id, day, count) VALUES ({product}, {&day}, {1}) },
    );
    let q = select! { SELECT count FROM visitors WHERE day = {&day} AND product_id = {product} };
    assert_eq!(
        ids(db.rows(&q)),
        [1],
        "the day {day:?} on {engine} through {driver}"
    );
    let since = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    let q = select! { SELECT day FROM visitors WHERE day >= {since} };
    let days = read::<chrono::NaiveDate>(db.rows(&q));
    assert_eq!(days, [chrono::NaiveDate::from_ymd_opt(2024, 1, 31)]);
    db.run("DROP TABLE visitors");
}
