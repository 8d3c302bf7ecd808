//! `chrono`'s dates and times as parameters and columns (feature `chrono`).
//!
//! `NaiveDate`, `NaiveTime` and `NaiveDateTime` are [`Value::Date`], [`Value::Time`] and
//! [`Value::Timestamp`]; a `DateTime` of any zone is the instant [`Value::TimestampTz`], in UTC.
//! A year outside 1 to 9999, or a leap second, has no `Value`: binding one is an error that
//! [`Query::render`](crate::Query::render) returns, never a wrong date.

use ::chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};

use super::plain::{param_by, read_as, read_date, read_instant, read_time, read_timestamp};
use super::{IntoParam, ValueError};
use crate::param::{known_kind, KnownKind, ParamKind};
use crate::{Date, Time, Timestamp, Value};

fn date(d: NaiveDate) -> Result<Date, ValueError> {
    Date::new(d.year(), d.month(), d.day())
        .ok_or_else(|| ValueError::out_of_range(d, "NaiveDate", "a date of the years 1 to 9999"))
}

fn time(t: NaiveTime) -> Result<Time, ValueError> {
    Time::new(t.hour(), t.minute(), t.second(), t.nanosecond())
        .ok_or_else(|| ValueError::out_of_range(t, "NaiveTime", "a time without leap seconds"))
}

fn timestamp(t: NaiveDateTime) -> Result<Timestamp, ValueError> {
    Ok(Timestamp::new(date(t.date())?, time(t.time())?))
}

fn naive_date(d: Date) -> NaiveDate {
    // Every `Date` is a valid chrono date: chrono's years reach past ±262,000.
    NaiveDate::from_ymd_opt(d.year(), d.month(), d.day()).unwrap_or_default()
}

fn naive_time(t: Time) -> NaiveTime {
    NaiveTime::from_hms_nano_opt(t.hour(), t.minute(), t.second(), t.nanosecond())
        .unwrap_or_default()
}

fn naive_date_time(t: Timestamp) -> NaiveDateTime {
    naive_date(t.date()).and_time(naive_time(t.time()))
}

param_by!(
    NaiveDate => |d| date(d).map(Value::Date),
    NaiveTime => |t| time(t).map(Value::Time),
    NaiveDateTime => |t| timestamp(t).map(Value::Timestamp),
);

#[diagnostic::do_not_recommend]
impl<Tz: TimeZone> IntoParam for DateTime<Tz> {
    fn into_param(self) -> Result<Value, ValueError> {
        timestamp(self.naive_utc()).map(Value::TimestampTz)
    }
}

#[diagnostic::do_not_recommend]
impl<Tz: TimeZone> IntoParam for &DateTime<Tz> {
    fn into_param(self) -> Result<Value, ValueError> {
        timestamp(self.naive_utc()).map(Value::TimestampTz)
    }
}

known_kind!(Date: NaiveDate);
known_kind!(Time: NaiveTime);
known_kind!(Timestamp: NaiveDateTime);

impl<Tz: TimeZone> KnownKind for DateTime<Tz> {
    const KIND: ParamKind = ParamKind::TimestampTz;
}

fn read_naive_date(v: &Value, target: &'static str) -> Result<NaiveDate, ValueError> {
    read_date(v, target).map(naive_date)
}

fn read_naive_time(v: &Value, target: &'static str) -> Result<NaiveTime, ValueError> {
    read_time(v, target).map(naive_time)
}

fn read_naive_date_time(v: &Value, target: &'static str) -> Result<NaiveDateTime, ValueError> {
    read_timestamp(v, target).map(naive_date_time)
}

fn read_utc(v: &Value, target: &'static str) -> Result<DateTime<Utc>, ValueError> {
    read_instant(v, target).map(|t| naive_date_time(t).and_utc())
}

fn read_fixed(v: &Value, target: &'static str) -> Result<DateTime<FixedOffset>, ValueError> {
    read_utc(v, target).map(|t| t.fixed_offset())
}

read_as!(NaiveDate, read_naive_date);
read_as!(NaiveTime, read_naive_time);
read_as!(NaiveDateTime, read_naive_date_time);
read_as!(DateTime<Utc>, read_utc);
read_as!(DateTime<FixedOffset>, read_fixed);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrono_values_convert_both_ways() {
        let day = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        let v = day.into_param().unwrap();
        assert_eq!(v, Value::Date(Date::MAX));
        assert_eq!(NaiveDate::try_from(&v), Ok(day));
        let past = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(past.into_param().unwrap_err().is_out_of_range());

        let t = NaiveTime::from_hms_nano_opt(23, 59, 59, 1_999_999_999).unwrap();
        assert!(t.into_param().is_err(), "a leap second");

        let at = FixedOffset::east_opt(3600).unwrap();
        let instant = at.with_ymd_and_hms(2024, 1, 1, 0, 30, 0).unwrap();
        let v = instant.into_param().unwrap();
        assert_eq!(
            v,
            Value::TimestampTz("2023-12-31 23:30:00".parse().unwrap())
        );
        assert_eq!(DateTime::<FixedOffset>::try_from(&v), Ok(instant));
        assert_eq!(DateTime::<Utc>::try_from(v), Ok(instant.to_utc()));
    }
}
