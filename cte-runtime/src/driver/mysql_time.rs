//! MySQL's and MariaDB's DATE, DATETIME, TIMESTAMP and TIME values as [`Value`]s, for the mysql
//! driver and sqlx's MySQL backend alike.
//!
//! Both servers keep microseconds at most (`DATETIME(6)`, `TIME(6)`): a `Value`'s nanoseconds
//! are truncated to them when bound. What has no `Value` reads as MySQL's own text: the zero
//! date `0000-00-00` and a TIME outside the day (`-838:59:59`, `25:00:00`), which is a duration.

use crate::{Date, Time, Timestamp, Value};

/// The parts of a date and time as the protocol carries them.
#[derive(Clone, Copy)]
pub(crate) struct DateTimeParts {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub micros: u32,
}

/// A DATE (`date_only`) or a DATETIME / TIMESTAMP.
pub(crate) fn date_time_value(p: DateTimeParts, date_only: bool) -> Value {
    let date = Date::new(i32::from(p.year), u32::from(p.month), u32::from(p.day));
    let time = Time::new(
        u32::from(p.hour),
        u32::from(p.minute),
        u32::from(p.second),
        p.micros.saturating_mul(1_000),
    );
    match (date, time) {
        (Some(d), _) if date_only => Value::Date(d),
        (Some(d), Some(t)) => Value::Timestamp(Timestamp::new(d, t)),
        _ => Value::Text(date_time_text(p, date_only)),
    }
}

/// A date or a date and time as MySQL writes it in text results.
pub(crate) fn date_time_text(p: DateTimeParts, date_only: bool) -> String {
    let date = format!("{:04}-{:02}-{:02}", p.year, p.month, p.day);
    if date_only {
        return date;
    }
    format!(
        "{date} {}",
        clock(u64::from(p.hour), p.minute, p.second, p.micros)
    )
}

fn clock(hours: u64, minutes: u8, seconds: u8, micros: u32) -> String {
    let mut text = format!("{hours:02}:{minutes:02}:{seconds:02}");
    if micros != 0 {
        text.push_str(&format!(".{micros:06}"));
    }
    text
}

/// A TIME: a time of day when it is one, else MySQL's text (`-26:03:04.000500`).
pub(crate) fn time_value(
    negative: bool,
    hours: u64,
    minutes: u8,
    seconds: u8,
    micros: u32,
) -> Value {
    let time = u32::try_from(hours).ok().and_then(|h| {
        Time::new(
            h,
            u32::from(minutes),
            u32::from(seconds),
            micros.saturating_mul(1_000),
        )
    });
    match time {
        Some(t) if !negative => Value::Time(t),
        _ => {
            let sign = if negative { "-" } else { "" };
            Value::Text(format!("{sign}{}", clock(hours, minutes, seconds, micros)))
        }
    }
}

/// A timestamp's parts, its nanoseconds truncated to microseconds.
#[cfg(feature = "mysql")]
pub(crate) fn parts(t: Timestamp) -> DateTimeParts {
    let (d, time) = (t.date(), t.time());
    DateTimeParts {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
        hour: time.hour() as u8,
        minute: time.minute() as u8,
        second: time.second() as u8,
        micros: time.nanosecond() / 1_000,
    }
}

/// The text a date, time or timestamp binds as where the driver has no typed form for it:
/// MySQL's own, to the microsecond.
#[cfg(feature = "sqlx-mysql")]
pub(crate) fn bound_text(value: &Value) -> Option<String> {
    Some(match value {
        Value::Date(d) => d.to_string(),
        Value::Time(t) => t.truncated(6).to_string(),
        Value::Timestamp(t) | Value::TimestampTz(t) => {
            Timestamp::new(t.date(), t.time().truncated(6)).to_string()
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_their_text() {
        let p = DateTimeParts {
            year: 2024,
            month: 1,
            day: 31,
            hour: 8,
            minute: 0,
            second: 0,
            micros: 5,
        };
        let ts = date_time_value(p, false);
        assert_eq!(
            ts,
            Value::Timestamp("2024-01-31 08:00:00.000005".parse().unwrap())
        );
        assert_eq!(
            date_time_value(p, true),
            Value::Date("2024-01-31".parse().unwrap())
        );
        let zero = DateTimeParts {
            year: 0,
            month: 0,
            day: 0,
            ..p
        };
        assert_eq!(
            date_time_value(zero, true),
            Value::Text("0000-00-00".into())
        );
        assert_eq!(
            time_value(true, 26, 3, 4, 500),
            Value::Text("-26:03:04.000500".into())
        );
        assert_eq!(
            time_value(false, 23, 0, 0, 0),
            Value::Time("23:00:00".parse().unwrap())
        );
    }

    #[cfg(feature = "sqlx-mysql")]
    #[test]
    fn bound_text_keeps_microseconds() {
        let t = Value::Time("01:02:03.1234567".parse().unwrap());
        assert_eq!(bound_text(&t).unwrap(), "01:02:03.123456");
    }
}
