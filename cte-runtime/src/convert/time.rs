//! The `time` crate's dates and times as parameters and columns (feature `time`).
//!
//! `time::Date`, `time::Time` and `PrimitiveDateTime` are [`Value::Date`], [`Value::Time`] and
//! [`Value::Timestamp`]; an `OffsetDateTime` is the instant [`Value::TimestampTz`], in UTC, and
//! reads back at offset zero. A year outside 1 to 9999 has no `Value`: binding one is an error
//! that [`Query::render`](crate::Query::render) returns.

use ::time::{Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::plain::{param_by, read_as, read_date, read_instant, read_time, read_timestamp};
use super::{IntoParam, ValueError};
use crate::param::known_kind;
use crate::{Date, Time, Timestamp, Value};

fn date(d: ::time::Date) -> Result<Date, ValueError> {
    Date::new(d.year(), u32::from(u8::from(d.month())), u32::from(d.day()))
        .ok_or_else(|| ValueError::out_of_range(d, "time::Date", "a date of the years 1 to 9999"))
}

fn time(t: ::time::Time) -> Time {
    // `time::Time` has no leap seconds: every one is a `Time`.
    Time::new(
        u32::from(t.hour()),
        u32::from(t.minute()),
        u32::from(t.second()),
        t.nanosecond(),
    )
    .unwrap_or(Time::MIDNIGHT)
}

fn timestamp(t: PrimitiveDateTime) -> Result<Timestamp, ValueError> {
    Ok(Timestamp::new(date(t.date())?, time(t.time())))
}

fn time_date(d: Date) -> ::time::Date {
    // Every `Date` is a valid `time::Date`, whose years reach ±9999.
    let month = Month::try_from(d.month() as u8).unwrap_or(Month::January);
    ::time::Date::from_calendar_date(d.year(), month, d.day() as u8).unwrap_or(::time::Date::MIN)
}

fn time_time(t: Time) -> ::time::Time {
    ::time::Time::from_hms_nano(
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
        t.nanosecond(),
    )
    .unwrap_or(::time::Time::MIDNIGHT)
}

fn primitive(t: Timestamp) -> PrimitiveDateTime {
    PrimitiveDateTime::new(time_date(t.date()), time_time(t.time()))
}

/// An instant as its UTC date and time.
fn instant(t: OffsetDateTime) -> Result<Value, ValueError> {
    let utc = t.to_offset(UtcOffset::UTC);
    timestamp(PrimitiveDateTime::new(utc.date(), utc.time())).map(Value::TimestampTz)
}

param_by!(
    ::time::Date => |d| date(d).map(Value::Date),
    ::time::Time => |t| Ok(Value::Time(time(t))),
    PrimitiveDateTime => |t| timestamp(t).map(Value::Timestamp),
    OffsetDateTime => instant,
);

known_kind!(Date: ::time::Date);
known_kind!(Time: ::time::Time);
known_kind!(Timestamp: PrimitiveDateTime);
known_kind!(TimestampTz: OffsetDateTime);

fn read_time_date(v: &Value, target: &'static str) -> Result<::time::Date, ValueError> {
    read_date(v, target).map(time_date)
}

fn read_time_time(v: &Value, target: &'static str) -> Result<::time::Time, ValueError> {
    read_time(v, target).map(time_time)
}

fn read_primitive(v: &Value, target: &'static str) -> Result<PrimitiveDateTime, ValueError> {
    read_timestamp(v, target).map(primitive)
}

fn read_offset(v: &Value, target: &'static str) -> Result<OffsetDateTime, ValueError> {
    read_instant(v, target).map(|t| primitive(t).assume_utc())
}

read_as!(::time::Date, read_time_date);
read_as!(::time::Time, read_time_time);
read_as!(PrimitiveDateTime, read_primitive);
read_as!(OffsetDateTime, read_offset);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_values_convert_both_ways() {
        let first = ::time::Date::from_calendar_date(1, Month::January, 1).unwrap();
        let v = first.into_param().unwrap();
        assert_eq!(v, Value::Date(Date::MIN));
        assert_eq!(::time::Date::try_from(&v), Ok(first));
        let before = ::time::Date::from_calendar_date(0, Month::December, 31).unwrap();
        assert!(before.into_param().is_err());

        let t = ::time::Time::from_hms_nano(8, 0, 0, 123_456_789).unwrap();
        assert_eq!(::time::Time::try_from(t.into_param().unwrap()), Ok(t));

        let at = UtcOffset::from_hms(-5, 0, 0).unwrap();
        let instant = PrimitiveDateTime::new(first.next_day().unwrap(), t).assume_offset(at);
        let v = instant.into_param().unwrap();
        assert_eq!(
            v,
            Value::TimestampTz("0001-01-02 13:00:00.123456789".parse().unwrap())
        );
        assert_eq!(OffsetDateTime::try_from(v), Ok(instant));
    }
}
