//! Dates, times of day and timestamps as plain values, so that [`Value`](crate::Value) is the
//! same with or without the `chrono` and `time` features, which only convert to and from these.
//!
//! The range is the one every engine and SQL Server's `date` share: years 1 to 9999 of the
//! proleptic Gregorian calendar; times to the nanosecond (engines keep what they can: see
//! `docs/values.md`). The text forms are ISO 8601 with a space between date and time, as SQLite's
//! date functions and MySQL write them, with trailing zeros of the fraction left out: within
//! the range, text order is time order, so SQLite compares and sorts stored text correctly.

use std::fmt;
use std::str::FromStr;

use crate::ValueError;

/// A calendar date, year 1 to 9999.
///
/// ```
/// use cte_runtime::Date;
///
/// let day: Date = "2024-02-29".parse().unwrap();
/// assert_eq!((day.year(), day.month(), day.day()), (2024, 2, 29));
/// assert_eq!(day.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// assert!(Date::new(10_000, 1, 1).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A time of day to the nanosecond, without a time zone (no leap seconds).
///
/// ```
/// use cte_runtime::Time;
///
/// let t = Time::new(23, 59, 59, 999_999_000).unwrap();
/// assert_eq!(t.to_string(), "23:59:59.999999");
/// assert_eq!("08:30".parse::<Time>().unwrap().to_string(), "08:30:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

/// A date and a time of day. As [`Value::Timestamp`](crate::Value::Timestamp) it has no time
/// zone; as [`Value::TimestampTz`](crate::Value::TimestampTz) it is an instant, written in UTC.
///
/// ```
/// use cte_runtime::Timestamp;
///
/// let ts: Timestamp = "2024-01-31T08:00:00.5".parse().unwrap();
/// assert_eq!(ts.to_string(), "2024-01-31 08:00:00.5");
/// // With an offset, the text is an instant: it reads as its UTC date and time.
/// let utc = Timestamp::parse_instant("2024-01-31 08:00:00+02:00").unwrap();
/// assert_eq!(utc.to_string(), "2024-01-31 06:00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    time: Time,
}

/// A public getter per field, widened to the type callers compute with.
macro_rules! getters {
    ($($field:ident: $t:ty),*) => {$(
        pub fn $field(self) -> $t {
            <$t>::from(self.$field)
        }
    )*};
}

const NANOS_PER_SECOND: i64 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;

fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The first day every engine stores: 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The last: 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date, if it exists and its year is 1 to 9999.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))?;
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day)
            .ok()
            .filter(|d| (1..=days_in_month(year, month)).contains(d))?;
        Some(Date { year, month, day })
    }

    getters!(year: i32, month: u32, day: u32);

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_unix_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if its year is 1 to 9999 (`civil_from_days`).
    pub fn from_days_since_unix_epoch(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }
}

impl Time {
    /// Midnight.
    pub const MIDNIGHT: Time = Time {
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
    };

    /// The time, if each part is in range (hour < 24, second < 60, nanosecond < 10^9).
    pub fn new(hour: u32, minute: u32, second: u32, nanosecond: u32) -> Option<Time> {
        if hour >= 24 || minute >= 60 || second >= 60 || nanosecond >= 1_000_000_000 {
            return None;
        }
        Some(Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            nanosecond,
        })
    }

    getters!(hour: u32, minute: u32, second: u32, nanosecond: u32);

    /// The time with only the first `digits` digits of its fraction of a second (0 to 9).
    pub(crate) fn truncated(self, digits: u32) -> Time {
        let unit = 10_u32.pow(9 - digits.min(9));
        Time {
            nanosecond: self.nanosecond - self.nanosecond % unit,
            ..self
        }
    }

    /// Nanoseconds since midnight.
    pub fn nanos_since_midnight(self) -> i64 {
        (i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second))
            * NANOS_PER_SECOND
            + i64::from(self.nanosecond)
    }

    /// The time `nanos` after midnight, if that is within the day.
    pub fn from_nanos_since_midnight(nanos: i64) -> Option<Time> {
        if !(0..SECONDS_PER_DAY * NANOS_PER_SECOND).contains(&nanos) {
            return None;
        }
        let seconds = nanos / NANOS_PER_SECOND;
        Time::new(
            (seconds / 3600) as u32,
            (seconds / 60 % 60) as u32,
            (seconds % 60) as u32,
            (nanos % NANOS_PER_SECOND) as u32,
        )
    }
}

impl Timestamp {
    pub const MIN: Timestamp = Timestamp {
        date: Date::MIN,
        time: Time::MIDNIGHT,
    };

    pub fn new(date: Date, time: Time) -> Timestamp {
        Timestamp { date, time }
    }

    pub fn date(self) -> Date {
        self.date
    }

    pub fn time(self) -> Time {
        self.time
    }

    /// Nanoseconds since 1970-01-01 00:00:00 (negative before).
    pub fn nanos_since_unix_epoch(self) -> i128 {
        i128::from(self.date.days_since_unix_epoch())
            * i128::from(SECONDS_PER_DAY * NANOS_PER_SECOND)
            + i128::from(self.time.nanos_since_midnight())
    }

    /// The timestamp `nanos` after 1970-01-01 00:00:00, if its year is 1 to 9999.
    pub fn from_nanos_since_unix_epoch(nanos: i128) -> Option<Timestamp> {
        let per_day = i128::from(SECONDS_PER_DAY * NANOS_PER_SECOND);
        let days = i64::try_from(nanos.div_euclid(per_day)).ok()?;
        let in_day = i64::try_from(nanos.rem_euclid(per_day)).ok()?;
        Some(Timestamp {
            date: Date::from_days_since_unix_epoch(days)?,
            time: Time::from_nanos_since_midnight(in_day)?,
        })
    }

    /// Reads text with an optional UTC offset (`Z`, `+02`, `+02:00`, `-0530`) as an instant,
    /// returned as its UTC date and time; text without an offset is taken as UTC already.
    pub fn parse_instant(text: &str) -> Result<Timestamp, ValueError> {
        let bad = |why: &'static str| ValueError::invalid(text, "text", "a timestamp", why);
        let (naive, offset) = split_offset(text).ok_or_else(|| bad("malformed UTC offset"))?;
        let local: Timestamp = naive.parse()?;
        let utc =
            local.nanos_since_unix_epoch() - i128::from(offset) * i128::from(NANOS_PER_SECOND);
        Timestamp::from_nanos_since_unix_epoch(utc)
            .ok_or_else(|| bad("out of the years 1 to 9999 in UTC"))
    }
}

/// The text before a trailing UTC offset, and the offset in seconds (0 when there is none).
fn split_offset(text: &str) -> Option<(&str, i32)> {
    if let Some(naive) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return Some((naive, 0));
    }
    // An offset's sign comes after the time's colon: the date's own `-`s come before it.
    let time_start = text.find(':').map_or(text.len(), |i| i.saturating_sub(2));
    let Some(sign_at) = text[time_start..].rfind(['+', '-']).map(|i| i + time_start) else {
        return Some((text, 0));
    };
    let (naive, offset) = text.split_at(sign_at);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if hours > 15 || minutes > 59 {
        return None;
    }
    Some((naive.trim_end(), sign * (hours * 3600 + minutes * 60)))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        if self.nanosecond != 0 {
            let digits = format!("{:09}", self.nanosecond);
            write!(f, ".{}", digits.trim_end_matches('0'))?;
        }
        Ok(())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.date, self.time)
    }
}

/// Exactly `n` ASCII digits as a number.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for Date {
    type Err = ValueError;

    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, ValueError> {
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        let parsed = match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Some((digits(y, 4), digits(m, 2), digits(d, 2))),
            _ => None,
        };
        match parsed {
            Some((Some(y), Some(m), Some(d))) => Date::new(y as i32, m, d).ok_or_else(|| {
                ValueError::invalid(s, "text", "a date", "no such day in the years 1 to 9999")
            }),
            _ => Err(ValueError::invalid(
                s,
                "text",
                "a date",
                "expected YYYY-MM-DD",
            )),
        }
    }
}

impl FromStr for Time {
    type Err = ValueError;

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fffffffff` (up to nine digits of fraction).
    fn from_str(s: &str) -> Result<Time, ValueError> {
        let bad = |why| ValueError::invalid(s, "text", "a time", why);
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        let mut parts = whole.split(':');
        let h = parts.next().and_then(|p| digits(p, 2));
        let m = parts.next().and_then(|p| digits(p, 2));
        let sec = match parts.next() {
            Some(p) => digits(p, 2),
            None if s.contains('.') => None,
            None => Some(0),
        };
        let nanos = match fraction.len() {
            0 if s.ends_with('.') => None,
            0 => Some(0),
            n @ 1..=9 => digits(fraction, n).map(|f| f * 10_u32.pow(9 - n as u32)),
            _ => return Err(bad("more than nine digits of fraction")),
        };
        match (h, m, sec, nanos, parts.next()) {
            (Some(h), Some(m), Some(sec), Some(nanos), None) => {
                Time::new(h, m, sec, nanos).ok_or_else(|| bad("out of the day"))
            }
            _ => Err(bad("expected HH:MM:SS[.fraction]")),
        }
    }
}

impl FromStr for Timestamp {
    type Err = ValueError;

    /// `YYYY-MM-DD HH:MM:SS[.fraction]`, with `T` or a space between date and time; a date
    /// alone is its midnight.
    fn from_str(s: &str) -> Result<Timestamp, ValueError> {
        let (date, time) = match s.split_once([' ', 'T', 't']) {
            Some((date, time)) => (date, time.parse()?),
            None => (s, Time::MIDNIGHT),
        };
        Ok(Timestamp::new(date.parse()?, time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_over_the_whole_range() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_unix_epoch(), 0);
        assert_eq!(
            Date::new(2000, 1, 1).unwrap().days_since_unix_epoch(),
            10_957
        );
        assert_eq!(Date::MIN.days_since_unix_epoch(), -719_162);
        let mut day = Date::MIN;
        for n in Date::MIN.days_since_unix_epoch()..=Date::MAX.days_since_unix_epoch() {
            let d = Date::from_days_since_unix_epoch(n).unwrap();
            assert_eq!(d.days_since_unix_epoch(), n);
            assert!(d >= day);
            day = d;
        }
        assert_eq!(day, Date::MAX);
        assert_eq!(Date::from_days_since_unix_epoch(-719_163), None);
        assert_eq!(Date::from_days_since_unix_epoch(2_932_897), None);
    }

    /// Each good text reads and writes back as it is; each bad one is an error.
    fn texts<T: FromStr + fmt::Display>(good: &[&str], bad: &[&str]) {
        for text in good {
            let parsed = text.parse::<T>().ok().map(|v| v.to_string());
            assert_eq!(parsed.as_deref(), Some(*text));
        }
        for text in bad {
            assert!(text.parse::<T>().is_err(), "{text}");
        }
    }

    #[test]
    fn text_forms_read_back() {
        let bad_days = [
            "2024-2-29",
            "10000-01-01",
            "0000-01-01",
            "2024-04-31",
            "2024-01-01x",
        ];
        texts::<Date>(&["0001-01-01", "9999-12-31", "2024-02-29"], &bad_days);
        let bad_times = [
            "24:00:00",
            "12:60",
            "12:00:00.",
            "12:00:00.1234567890",
            "1:00:00",
        ];
        texts::<Time>(
            &["00:00:00", "23:59:59.999999999", "12:00:00.5"],
            &bad_times,
        );
        let ts: Timestamp = "9999-12-31T23:59:59.999999".parse().unwrap();
        assert_eq!(ts.to_string(), "9999-12-31 23:59:59.999999");
        assert_eq!(
            "2024-01-31".parse::<Timestamp>().unwrap().to_string(),
            "2024-01-31 00:00:00"
        );
    }

    #[test]
    fn instants_read_in_utc() {
        let read = |s| Timestamp::parse_instant(s).map(|t| t.to_string());
        assert_eq!(
            read("2024-01-01 00:30:00+01:00").unwrap(),
            "2023-12-31 23:30:00"
        );
        assert_eq!(read("2024-01-01T00:00:00Z").unwrap(), "2024-01-01 00:00:00");
        assert_eq!(
            read("2024-01-01 00:00:00-0530").unwrap(),
            "2024-01-01 05:30:00"
        );
        assert_eq!(
            read("2024-01-01 00:00:00.25+00").unwrap(),
            "2024-01-01 00:00:00.25"
        );
        assert_eq!(read("2024-01-01 10:00:00").unwrap(), "2024-01-01 10:00:00");
        assert!(read("0001-01-01 00:00:00+01:00").is_err());
        assert!(read("2024-01-01 00:00:00+1").is_err());
    }

    #[test]
    fn text_order_is_time_order() {
        let texts = [
            "2024-01-01 00:00:00",
            "2024-01-01 00:00:00.25",
            "2024-01-01 00:00:00.5",
        ];
        let parsed: Vec<Timestamp> = texts.iter().map(|t| t.parse().unwrap()).collect();
        assert!(parsed.windows(2).all(|w| w[0] < w[1]));
        assert!(texts.windows(2).all(|w| w[0] < w[1]));
    }
}
