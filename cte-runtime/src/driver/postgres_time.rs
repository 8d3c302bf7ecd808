//! PostgreSQL's binary forms of `date`, `time`, `timestamp` and `timestamptz`, shared by the
//! postgres, tokio-postgres and sqlx drivers.
//!
//! A date is an i32 of days and a timestamp an i64 of microseconds, both since 2000-01-01
//! (in UTC for `timestamptz`); a time is an i64 of microseconds since midnight. `Value`'s
//! nanoseconds are truncated to the microsecond, as PostgreSQL keeps them. The extreme values
//! stand for `infinity` and `-infinity`, which have no `Value`: they read as that text.

use std::error::Error;

use crate::{Date, Time, Timestamp, Value};

type BoxError = Box<dyn Error + Sync + Send>;

/// 2000-01-01 in days since 1970-01-01.
const EPOCH_DAYS: i64 = 10_957;
const NANOS_PER_MICRO: i128 = 1_000;

pub(crate) fn encode_date(d: Date) -> i32 {
    // Years 1 to 9999 are within ±3 million days.
    (d.days_since_unix_epoch() - EPOCH_DAYS) as i32
}

pub(crate) fn encode_time(t: Time) -> i64 {
    t.nanos_since_midnight() / 1_000
}

pub(crate) fn encode_timestamp(t: Timestamp) -> i64 {
    let epoch = i128::from(EPOCH_DAYS) * 86_400 * 1_000_000_000;
    // Years 1 to 9999 are within ±2^58 microseconds.
    ((t.nanos_since_unix_epoch() - epoch).div_euclid(NANOS_PER_MICRO)) as i64
}

fn out_of_range(what: &str) -> BoxError {
    format!("a PostgreSQL {what} outside the years 1 to 9999 has no cte_runtime::Value: cast it to text").into()
}

fn infinity(negative: bool) -> Value {
    Value::Text(if negative { "-infinity" } else { "infinity" }.to_owned())
}

pub(crate) fn decode_date(days: i32) -> Result<Value, BoxError> {
    if days == i32::MAX || days == i32::MIN {
        return Ok(infinity(days < 0));
    }
    Date::from_days_since_unix_epoch(i64::from(days) + EPOCH_DAYS)
        .map(Value::Date)
        .ok_or_else(|| out_of_range("date"))
}

pub(crate) fn decode_time(micros: i64) -> Result<Value, BoxError> {
    // `24:00:00` is a PostgreSQL time; it is no time of day.
    Time::from_nanos_since_midnight(micros.saturating_mul(1_000))
        .map(Value::Time)
        .ok_or_else(|| {
            "a PostgreSQL time of 24:00:00 has no cte_runtime::Value: cast it to text".into()
        })
}

/// A `timestamp` (`zoned` false) or `timestamptz` (`zoned` true).
pub(crate) fn decode_timestamp(micros: i64, zoned: bool) -> Result<Value, BoxError> {
    if micros == i64::MAX || micros == i64::MIN {
        return Ok(infinity(micros < 0));
    }
    let epoch = i128::from(EPOCH_DAYS) * 86_400 * 1_000_000_000;
    let t = Timestamp::from_nanos_since_unix_epoch(epoch + i128::from(micros) * NANOS_PER_MICRO)
        .ok_or_else(|| out_of_range("timestamp"))?;
    Ok(if zoned {
        Value::TimestampTz(t)
    } else {
        Value::Timestamp(t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_forms_round_trip() {
        let day: Date = "2000-01-02".parse().unwrap();
        assert_eq!(encode_date(day), 1);
        assert_eq!(
            decode_date(encode_date(Date::MIN)).unwrap(),
            Value::Date(Date::MIN)
        );
        assert_eq!(
            decode_date(i32::MAX).unwrap(),
            Value::Text("infinity".into())
        );
        assert!(decode_date(-800_000).is_err());
        let t: Time = "23:59:59.9999999".parse().unwrap();
        assert_eq!(encode_time(t), 86_399_999_999);
        assert!(decode_time(86_400_000_000).is_err());
        let ts: Timestamp = "1999-12-31 23:59:59.999999".parse().unwrap();
        assert_eq!(encode_timestamp(ts), -1);
        assert_eq!(decode_timestamp(-1, true).unwrap(), Value::TimestampTz(ts));
        let last: Timestamp = "9999-12-31 23:59:59.999999".parse().unwrap();
        assert_eq!(
            decode_timestamp(encode_timestamp(last), false).unwrap(),
            Value::Timestamp(last)
        );
    }
}
