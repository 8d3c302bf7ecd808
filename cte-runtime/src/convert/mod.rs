//! Conversions between Rust values and [`Value`] that can fail: integers wider than `i64` as
//! parameters, and a `Value` read from a column into a narrower integer.
//!
//! Every engine binds and returns integers as 64-bit signed at most, so `Value::I64` is the one
//! integer. A conversion that does not fit is an error that names the value, never a wrap.

use std::fmt;

use crate::Value;
pub use list::IntoParamList;

#[cfg(feature = "chrono")]
mod chrono;
mod list;
mod plain;
#[cfg(feature = "rust_decimal")]
mod rust_decimal;
#[cfg(feature = "serde_json")]
mod serde_json;
#[cfg(feature = "time")]
mod time;
#[cfg(feature = "uuid")]
mod uuid;

/// A Rust type that can be a `{expr}` parameter of [`select!`](crate::select).
///
/// Implemented for the integers of every width, `f32`/`f64`, `bool`, `&str`/`String`,
/// `&[u8]`/`Vec<u8>`, [`Value`], [`Date`](crate::Date), [`Time`](crate::Time),
/// [`Timestamp`](crate::Timestamp), [`Decimal`](crate::Decimal), with the features the date,
/// time, UUID, decimal and JSON types of `chrono`, `time`, `uuid`, `rust_decimal` and
/// `serde_json`, references to these and `Option`s of them. An integer outside
/// the range of `i64` (a `u64` above `i64::MAX`, most `u128`s) does not wrap: the query holds
/// the error, and [`Query::render`](crate::Query::render) returns it as a
/// [`RenderError`](crate::RenderError) that names the parameter and the value, so nothing is
/// sent to the database.
///
/// ```
/// use cte_runtime::{select, Dialect, Value};
///
/// let (limit, ids) = (10_usize, vec![1_u8, 2]);
/// let q = select! { SELECT id FROM t WHERE id > {ids.len()} LIMIT {limit} };
/// assert_eq!(q.render(Dialect::Sqlite).unwrap().params(), &[Value::I64(2), Value::I64(10)]);
///
/// let huge = u64::MAX;
/// let q = select! { SELECT id FROM t WHERE id = {huge} };
/// let e = q.render(Dialect::Sqlite).unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "parameter 1 of the query: the u64 18446744073709551615 is out of range for i64, \
///      the widest integer every engine binds: check it first (`i64::try_from(x)?`) or bind it \
///      as text",
/// );
/// ```
///
/// A type of your own becomes a parameter through [`Value`]: implement `From<YourType> for
/// Value` and bind `{Value::from(x)}`, or implement this trait for it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a parameter of `select!`",
    label = "this parameter's type has no conversion into `cte_runtime::Value`",
    note = "parameters are integers, floats, bool, &str/String, &[u8]/Vec<u8>, `cte_runtime::Value`, `Date`/`Time`/`Timestamp`/`Decimal`, the types of the features chrono, time, uuid, rust_decimal and serde_json, references to these and Option of these",
    note = "convert it first, e.g. `{{x.to_string()}}` or `{{i64::from(x)}}`, or implement `cte_runtime::IntoParam` for your own type"
)]
pub trait IntoParam {
    /// The value to bind, or why this value cannot be bound.
    fn into_param(self) -> Result<Value, ValueError>;
}

impl<T: IntoParam> IntoParam for Option<T> {
    fn into_param(self) -> Result<Value, ValueError> {
        self.map_or(Ok(Value::Null), IntoParam::into_param)
    }
}

/// A borrowed `Option`, as iterating a `&Vec<Option<i64>>` gives.
impl<'a, T> IntoParam for &'a Option<T>
where
    &'a T: IntoParam,
{
    fn into_param(self) -> Result<Value, ValueError> {
        self.as_ref().into_param()
    }
}

/// A reference to a reference, as iterating a `&Vec<&str>` gives.
impl<'b, T: ?Sized> IntoParam for &&'b T
where
    &'b T: IntoParam,
{
    fn into_param(self) -> Result<Value, ValueError> {
        (*self).into_param()
    }
}

macro_rules! param_by_from {
    ($($t:ty),*) => {$(
        impl IntoParam for $t {
            fn into_param(self) -> Result<Value, ValueError> {
                Ok(Value::from(self))
            }
        }
    )*};
}

param_by_from!(
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    f32,
    f64,
    bool,
    String,
    Vec<u8>,
    Value
);
param_by_from!(&i8, &i16, &i32, &i64, &u8, &u16, &u32, &f32, &f64, &bool);
param_by_from!(&str, &String, &[u8], &Value);

impl IntoParam for &Vec<u8> {
    fn into_param(self) -> Result<Value, ValueError> {
        Ok(Value::Bytes(self.clone()))
    }
}

/// The integers that may not fit in `i64`: checked, never wrapped.
macro_rules! param_by_range {
    ($($t:ty),*) => {$(
        impl IntoParam for $t {
            fn into_param(self) -> Result<Value, ValueError> {
                i64::try_from(self)
                    .map(Value::I64)
                    .map_err(|_| ValueError::out_of_range(self, stringify!($t), "i64"))
            }
        }
        impl IntoParam for &$t {
            fn into_param(self) -> Result<Value, ValueError> {
                (*self).into_param()
            }
        }
    )*};
}

param_by_range!(u64, usize, isize, i128, u128);

/// A [`Value`] that does not convert into the Rust type asked for, or a Rust value that has no
/// `Value` (an integer past `i64`, a date past the year 9999).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// The value as written in Rust (`18446744073709551615`), the variant (`a Text`), or the
    /// text that did not parse.
    value: String,
    /// The type of `value` (`u64`), or "Value" when the variant did not match.
    source: &'static str,
    target: &'static str,
    fault: Fault,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Fault {
    /// A number outside the target's range.
    Range,
    /// A variant that is not the target's kind: "an integer", "a date".
    NotA(&'static str),
    /// A value of the right kind that the target cannot hold, and why.
    Invalid(&'static str),
}

impl ValueError {
    pub(crate) fn out_of_range(
        value: impl fmt::Display,
        source: &'static str,
        target: &'static str,
    ) -> Self {
        ValueError {
            value: value.to_string(),
            source,
            target,
            fault: Fault::Range,
        }
    }

    /// `value` is not a `what` ("an integer", "a date"), which `target` needs.
    pub(crate) fn not_a(value: &Value, target: &'static str, what: &'static str) -> Self {
        ValueError {
            value: value.variant_name().to_owned(),
            source: "Value",
            target,
            fault: Fault::NotA(what),
        }
    }

    /// `value` (of type `source`) cannot be read as `target`, because of `why`.
    pub(crate) fn invalid(
        value: impl fmt::Display,
        source: &'static str,
        target: &'static str,
        why: &'static str,
    ) -> Self {
        ValueError {
            value: value.to_string(),
            source,
            target,
            fault: Fault::Invalid(why),
        }
    }

    /// Whether the value is a number outside the target type's range (else it is not of the
    /// target's kind, or not a valid one).
    pub fn is_out_of_range(&self) -> bool {
        self.fault == Fault::Range
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ValueError {
            value,
            source,
            target,
            ..
        } = self;
        match self.fault {
            Fault::Range => write!(f, "the {source} {value} is out of range for {target}"),
            Fault::NotA(what) => {
                write!(
                    f,
                    "{value} {source} cannot be read as {target}: it is not {what}"
                )
            }
            Fault::Invalid(why) => {
                write!(
                    f,
                    "the {source} {value:?} cannot be read as {target}: {why}"
                )
            }
        }
    }
}

impl std::error::Error for ValueError {}

/// Reading an integer column: every driver reads any integer type (int2..int8, TINYINT..BIGINT,
/// SQLite INTEGER) as `Value::I64`; these narrow it with a range check.
macro_rules! int_from_value {
    ($($t:ty),*) => {$(
        impl TryFrom<&Value> for $t {
            type Error = ValueError;

            fn try_from(value: &Value) -> Result<Self, ValueError> {
                match *value {
                    Value::I64(i) => <$t>::try_from(i)
                        .map_err(|_| ValueError::out_of_range(i, "i64", stringify!($t))),
                    _ => Err(ValueError::not_a(value, stringify!($t), "an integer")),
                }
            }
        }

        impl TryFrom<Value> for $t {
            type Error = ValueError;

            fn try_from(value: Value) -> Result<Self, ValueError> {
                <$t>::try_from(&value)
            }
        }
    )*};
}

int_from_value!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

#[cfg(test)]
mod tests {
    use super::IntoParam;
    use crate::Value;

    #[test]
    fn wide_integers_bind_when_they_fit() {
        assert_eq!(5_usize.into_param(), Ok(Value::I64(5)));
        assert_eq!((-5_isize).into_param(), Ok(Value::I64(-5)));
        let max = i64::MAX as u64;
        assert_eq!(max.into_param(), Ok(Value::I64(i64::MAX)));
        assert_eq!(i128::from(i64::MIN).into_param(), Ok(Value::I64(i64::MIN)));
        assert_eq!(Some(&7_u128).into_param(), Ok(Value::I64(7)));
        assert_eq!(None::<u64>.into_param(), Ok(Value::Null));
    }

    #[test]
    fn wide_integers_out_of_range_are_errors() {
        let e = (i64::MAX as u64 + 1).into_param().unwrap_err();
        assert!(e.is_out_of_range());
        assert_eq!(
            e.to_string(),
            "the u64 9223372036854775808 is out of range for i64"
        );
        let e = (i128::from(i64::MIN) - 1).into_param().unwrap_err();
        assert_eq!(
            e.to_string(),
            "the i128 -9223372036854775809 is out of range for i64"
        );
        assert!(Some(u128::MAX).into_param().is_err());
    }

    #[test]
    fn reads_narrow_with_a_range_check() {
        assert_eq!(i64::try_from(Value::I64(i64::MIN)), Ok(i64::MIN));
        assert_eq!(u8::try_from(&Value::I64(255)), Ok(255));
        let e = u8::try_from(Value::I64(256)).unwrap_err();
        assert_eq!(e.to_string(), "the i64 256 is out of range for u8");
        let e = u64::try_from(Value::I64(-1)).unwrap_err();
        assert!(e.is_out_of_range());
        let e = i32::try_from(Value::Text("1".into())).unwrap_err();
        assert!(!e.is_out_of_range());
        assert_eq!(
            e.to_string(),
            "a Text Value cannot be read as i32: it is not an integer"
        );
    }
}
