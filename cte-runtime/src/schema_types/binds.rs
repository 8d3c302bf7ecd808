//! What a `{param}` may be, for the column it is compared with, assigned to or inserted into:
//! the expansion asks rustc whether the parameter's Rust type [`BindsAs`] the column's type,
//! spanned on the `{param}`, so `WHERE hired = {"2024-01-01"}` against a DATE column is a
//! compile error there, not a failed bind at run time.
//!
//! A type binds as a column type when every engine takes it for that column as it is bound:
//! an integer for a decimal or a float column, but not a float for an integer column (the
//! PostgreSQL drivers bind a parameter as the type the server infers for it, an int4 here, and
//! a float does not convert), nor text for a date.

use super::sql;
use crate::Value;

/// A Rust type that binds as a parameter of SQL type `S` (one of [`sql`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be bound where the schema expects a `{S}`",
    label = "compared with, assigned to or inserted into a column of another type",
    note = "convert the value to a type that binds as the column's type: see docs/typing.md"
)]
pub trait BindsAs<S> {}

impl<S> BindsAs<S> for Value {}
impl<S, T: BindsAs<S>> BindsAs<S> for Option<T> {}
impl<S, T: BindsAs<S> + ?Sized> BindsAs<S> for &T {}

for_types! { BindsAs:
    Bool: bool;
    Int: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize;
    UnsignedBig: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize;
    Decimal: crate::Decimal, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize;
    Float: f32, f64, i8, i16, i32, i64, u8, u16, u32;
    Text: String, str;
    Bytes: Vec<u8>, [u8];
    Date: crate::Date;
    Time: crate::Time;
    Timestamp: crate::Timestamp;
}

#[cfg(feature = "chrono")]
for_types! { BindsAs:
    Date: chrono::NaiveDate;
    Time: chrono::NaiveTime;
    Timestamp: chrono::NaiveDateTime;
}

#[cfg(feature = "chrono")]
impl<Tz: chrono::TimeZone> BindsAs<sql::TimestampTz> for chrono::DateTime<Tz> {}

#[cfg(feature = "time")]
for_types! { BindsAs:
    Date: time::Date;
    Time: time::Time;
    Timestamp: time::PrimitiveDateTime;
    TimestampTz: time::OffsetDateTime;
}

#[cfg(feature = "uuid")]
for_types! { BindsAs:
    Uuid: uuid::Uuid;
}

#[cfg(feature = "rust_decimal")]
for_types! { BindsAs:
    Decimal: rust_decimal::Decimal;
}

#[cfg(feature = "serde_json")]
for_types! { BindsAs:
    Json: serde_json::Value;
}

/// The parameter of a `{expr}` that the schema types: [`value`](crate::__private::value), once
/// rustc has checked that `T` binds as `S`.
#[inline]
pub fn param<S, T: crate::IntoParam + BindsAs<S>>(v: T) -> crate::__private::Param {
    v.into_param()
}

/// The `{list}` of `x IN {list}` where the schema types `x` as `S`: it compiles when each item
/// binds as `S`.
#[inline]
pub fn list_param<S, L>(l: L) -> crate::__private::Param
where
    L: IntoIterator,
    L::Item: crate::IntoParam + BindsAs<S>,
{
    crate::IntoParamList::into_param_list(l)
}
