//! The value cases: per Rust type, its column type on SQLite, PostgreSQL and MariaDB and values
//! in ascending order, from the smallest the engines share to the largest.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use time::macros::{date, datetime, time};

use super::{Case, EVERYWHERE, NOWHERE, WITH_DECIMALS};

const DATES: [&str; 3] = ["TEXT", "DATE", "DATE"];
const TIMES: [&str; 3] = ["TEXT", "TIME", "TIME(6)"];
const TIMESTAMPS: [&str; 3] = ["TEXT", "TIMESTAMP", "DATETIME(6)"];
/// MariaDB has no zoned type: an instant is its UTC date and time in a DATETIME.
const INSTANTS: [&str; 3] = ["TEXT", "TIMESTAMPTZ", "DATETIME(6)"];

pub fn chrono_dates() -> Case<NaiveDate> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let values = vec![
        day(1, 1, 1),
        day(1999, 12, 31),
        day(2024, 2, 29),
        day(9999, 12, 31),
    ];
    Case::new("chrono::NaiveDate", DATES, EVERYWHERE, values)
}

pub fn chrono_times() -> Case<NaiveTime> {
    let at = |h, m, s, us| NaiveTime::from_hms_micro_opt(h, m, s, us).expect("a time");
    let values = vec![
        at(0, 0, 0, 0),
        at(8, 30, 0, 500_000),
        at(23, 59, 59, 999_999),
    ];
    Case::new("chrono::NaiveTime", TIMES, EVERYWHERE, values)
}

fn naive(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").expect("a timestamp")
}

const TIMESTAMP_TEXTS: [&str; 4] = [
    "0001-01-01 00:00:00",
    "2024-01-31 08:00:00.000001",
    "2024-01-31 08:00:00.5",
    "9999-12-31 23:59:59.999999",
];

pub fn chrono_timestamps() -> Case<NaiveDateTime> {
    let values = TIMESTAMP_TEXTS.map(naive).to_vec();
    Case::new("chrono::NaiveDateTime", TIMESTAMPS, EVERYWHERE, values)
}

pub fn chrono_instants() -> Case<chrono::DateTime<chrono::Utc>> {
    let values = TIMESTAMP_TEXTS.map(|t| naive(t).and_utc()).to_vec();
    Case::new("chrono::DateTime<Utc>", INSTANTS, EVERYWHERE, values)
}

pub fn time_dates() -> Case<time::Date> {
    let values = vec![
        date!(0001 - 01 - 01),
        date!(2000 - 02 - 29),
        date!(9999 - 12 - 31),
    ];
    Case::new("time::Date", DATES, EVERYWHERE, values)
}

pub fn time_times() -> Case<time::Time> {
    let values = vec![time!(0:00), time!(8:30:00.5), time!(23:59:59.999_999)];
    Case::new("time::Time", TIMES, EVERYWHERE, values)
}

pub fn time_timestamps() -> Case<time::PrimitiveDateTime> {
    let first = datetime!(0001-01-01 0:00);
    let values = vec![
        first,
        datetime!(2024-01-31 8:00:00.25),
        datetime!(9999-12-31 23:59:59.999_999),
    ];
    Case::new("time::PrimitiveDateTime", TIMESTAMPS, EVERYWHERE, values)
}

/// Instants at other offsets than UTC: stored in UTC, they read back as the same instants.
pub fn time_instants() -> Case<time::OffsetDateTime> {
    let east = datetime!(2024-01-01 00:30 +01:00);
    let values = vec![
        east,
        datetime!(2024-01-01 00:00 UTC),
        datetime!(2024-01-01 00:00 -05:30),
    ];
    Case::new("time::OffsetDateTime", INSTANTS, EVERYWHERE, values)
}

pub fn uuids() -> Case<uuid::Uuid> {
    let some = uuid::Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8);
    let values = vec![uuid::Uuid::nil(), some, uuid::Uuid::max()];
    Case::new("uuid::Uuid", ["BLOB", "UUID", "UUID"], NOWHERE, values)
}

/// Decimals to MariaDB's limit, 65 digits with 30 after the point, written at that scale as
/// the column keeps them; two differ only in the last digit, past what a float tells apart.
pub fn exact_decimals() -> Case<cte_runtime::Decimal> {
    let nines = format!("{}.{}", "9".repeat(35), "9".repeat(30));
    let one_and = |last: char| format!("1.{}{last}", "0".repeat(29));
    let zero = format!("0.{}", "0".repeat(30));
    let texts = [format!("-{nines}"), zero, one_and('1'), one_and('2'), nines];
    let values = texts
        .iter()
        .map(|t| t.parse().expect("a decimal"))
        .collect();
    let columns = ["TEXT", "NUMERIC", "DECIMAL(65, 30)"];
    Case::new("cte_runtime::Decimal", columns, WITH_DECIMALS, values)
}

pub fn rust_decimals() -> Case<rust_decimal::Decimal> {
    use rust_decimal::Decimal;
    let values = vec![
        Decimal::MIN,
        Decimal::new(-1250, 2),
        Decimal::new(1, 28),
        Decimal::MAX,
    ];
    let columns = ["TEXT", "NUMERIC", "DECIMAL(65, 28)"];
    Case::new("rust_decimal::Decimal", columns, WITH_DECIMALS, values)
}

/// JSON documents: small, with quotes and non-ASCII text, a bare string, and large (400 KB).
pub fn json() -> Case<serde_json::Value> {
    let large: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({"id": i, "name": format!("item {i}"), "tags": ["a", "b"]}))
        .collect();
    let small = serde_json::json!({"a": [1, 2.5, "it's \u{e9}"], "b": null});
    let values = vec![
        small,
        serde_json::json!("text"),
        serde_json::Value::Array(large),
    ];
    Case::new(
        "serde_json::Value",
        ["TEXT", "JSONB", "JSON"],
        NOWHERE,
        values,
    )
}
