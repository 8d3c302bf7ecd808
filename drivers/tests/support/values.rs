//! The value tests every driver runs: one table of cases (a Rust type, its column type on each
//! engine, values from the smallest to the largest), and one check that binds each value,
//! inserts it, reads it back, compares it with the column, selects it as a parameter, and does
//! all of that again through `to_inline_sql`'s literals. Each driver file supplies a [`Db`].

use std::fmt::Debug;

use cte_runtime::{select, Dialect, IntoParam, Query, Value};

use super::record_run;

#[path = "value_cases.rs"]
mod cases;

/// A connection, as the value checks use it; each driver's test file implements it.
pub trait Db {
    /// The rows of SQL that binds nothing, each column read as a `Value`: DDL, and the
    /// statements of `to_inline_sql`.
    fn rows_sql(&mut self, sql: &str) -> Vec<Vec<Value>>;
    /// The rows of a query (none for a statement) through the driver feature's own methods.
    fn rows(&mut self, query: &Query) -> Vec<Vec<Value>>;
    /// Whether a text parameter is declared `text` to the server, as sqlx declares it on
    /// PostgreSQL, rather than typed by where it stands: a date column then takes no text.
    fn declares_text(&self) -> bool {
        false
    }
}

/// A runtime for drivers that are async, to run the checks call by call.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// What a [`Db`] runs on: the engine's name ("SQLite", "PostgreSQL" or "MariaDB"), its dialect
/// and the driver feature.
#[derive(Clone, Copy)]
pub struct Target {
    pub engine: &'static str,
    pub dialect: Dialect,
    pub driver: &'static str,
}

impl Target {
    pub fn new(engine: &'static str, dialect: Dialect, driver: &'static str) -> Target {
        Target {
            engine,
            dialect,
            driver,
        }
    }
}

/// The rows of the `postgres` and `tokio-postgres` drivers (one `Row` type) as `Value`s.
pub fn postgres_rows(rows: Vec<tokio_postgres::Row>) -> Vec<Vec<Value>> {
    rows.iter()
        .map(|row| (0..row.len()).map(|i| row.get(i)).collect())
        .collect()
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
    pub fn new(
        name: &'static str,
        columns: [&'static str; 3],
        ordered_on: &'static [&'static str],
        values: Vec<T>,
    ) -> Self {
        Case {
            name,
            columns,
            values,
            ordered_on,
        }
    }

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
pub fn check<T>(db: &mut dyn Db, target: Target, case: &Case<T>)
where
    T: Clone + PartialEq + Debug + TryFrom<Value> + IntoParam,
    T::Error: Debug,
    Option<T>: IntoParam,
{
    let Target {
        engine,
        dialect,
        driver,
    } = target;
    let what = format!("{} on {engine} through {driver}", case.name);
    db.rows_sql("DROP TABLE IF EXISTS vals");
    db.rows_sql(&format!(
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
        db.rows(&select! { INSERT INTO vals (id, x) VALUES ({id}, {v}) });
    }
    assert_eq!(read::<T>(db.rows(&all)), expected, "{what}: read back");

    for (id, v) in expected.iter().enumerate().skip(1) {
        let id = id as i64;
        let v = v.clone().expect("a value");
        // Compared with the column.
        let q = select! { SELECT id FROM vals WHERE x = {v.clone()} ORDER BY id };
        assert_eq!(ids(db.rows(&q)), [id], "{what}: x = {v:?}");
        if case.ordered_on.contains(&engine) {
            let q = select! { SELECT COUNT(*) AS n FROM vals WHERE x >= {v.clone()} };
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
    db.rows_sql("DELETE FROM vals");
    for (id, v) in expected.iter().enumerate() {
        let (id, v) = (id as i64, v.clone());
        let q = select! { INSERT INTO vals (id, x) VALUES ({id}, {v}) };
        db.rows_sql(&q.to_inline_sql(dialect).expect("inline SQL"));
    }
    assert_eq!(
        read::<T>(db.rows(&all)),
        expected,
        "{what}: literals read back"
    );
    db.rows_sql("DROP TABLE vals");
}

/// [`check`] of each named case of `value_cases.rs`.
macro_rules! check_cases {
    ($db:ident, $target:ident: $($case:ident),*) => {
        $(check($db, $target, &cases::$case());)*
    };
}

/// Every value type of the value features, on `db`; records the run per engine and driver.
pub fn check_every_type(db: &mut dyn Db, target: Target) {
    check_cases! { db, target:
        chrono_dates, chrono_times, chrono_timestamps, chrono_instants,
        time_dates, time_times, time_timestamps, time_instants,
        uuids, exact_decimals, rust_decimals, json
    }
    check_precision(db, target);
    check_text_days(db, target);
    check_recursive_anchor(db, target);
    let test = format!("driver_{}_value_types", target.driver.replace('-', "_"));
    record_run(target.engine, &test);
}

/// Fractions of a second as each engine keeps them: SQLite's text keeps nanoseconds,
/// PostgreSQL and MariaDB microseconds (the rest is truncated when bound).
fn check_precision(db: &mut dyn Db, target: Target) {
    let ts: cte_runtime::Timestamp = "2024-01-31 08:00:00.123456789"
        .parse()
        .expect("a timestamp");
    let kept = match target.engine {
        "SQLite" => "2024-01-31 08:00:00.123456789",
        _ => "2024-01-31 08:00:00.123456",
    };
    let rows = db.rows(&select! { SELECT {ts} AS v });
    let back = cte_runtime::Timestamp::try_from(&rows[0][0]).expect("a timestamp");
    assert_eq!(
        back.to_string(),
        kept,
        "{} through {}",
        target.engine,
        target.driver
    );
}

/// A day, as ISO 8601 text or as a date, compares with a date column and inserts into one, as
/// written.
fn check_text_days(db: &mut dyn Db, target: Target) {
    let Target { engine, driver, .. } = target;
    db.rows_sql(&format!(
        "CREATE TEMPORARY TABLE visitors (product_id INTEGER, day {}, count INTEGER)",
        cases::chrono_dates().column(engine)
    ));
    let product = 7;
    let day = match db.declares_text() {
        true => Value::Date("2024-01-31".parse().expect("a date")),
        false => Value::Text("2024-01-31".into()),
    };
    db.rows(
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
    db.rows_sql("DROP TABLE visitors");
}

/// Values as the columns of a recursive CTE's anchor keep their type through the recursion
/// (MySQL and MariaDB type those columns by the anchor alone).
fn check_recursive_anchor(db: &mut dyn Db, target: Target) {
    let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).expect("a date");
    let price: cte_runtime::Decimal = "12.50".parse().expect("a decimal");
    let id = uuid::Uuid::from_u128(7);
    let q = select! {
        WITH RECURSIVE r(n, day, price, id) AS (
            SELECT 1, {day}, {&price}, {id}
            UNION ALL
            SELECT n + 1, day, price, id FROM r WHERE n < 3
        )
        SELECT day, price, id FROM r ORDER BY n
    };
    let rows = db.rows(&q);
    assert_eq!(rows.len(), 3, "{} through {}", target.engine, target.driver);
    for row in rows {
        assert_eq!(chrono::NaiveDate::try_from(&row[0]), Ok(day), "{row:?}");
        assert_eq!(
            cte_runtime::Decimal::try_from(&row[1]),
            Ok(price.clone()),
            "{row:?}"
        );
        assert_eq!(uuid::Uuid::try_from(&row[2]), Ok(id), "{row:?}");
    }
}
