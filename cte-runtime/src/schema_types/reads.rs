//! What a field of a `select_as!` row may be, for the type of SQL value its column holds: the
//! expansion asks rustc whether the field's type [`Holds`] the column's type and
//! [`HoldsNull`] its nullability, spanned on the select item, so a `String` field for a
//! nullable column is a compile error there, not a failed row at run time.

use super::sql;

/// A Rust type that reads every value of SQL type `S` (one of [`sql`]).
#[diagnostic::on_unimplemented(
    message = "this column cannot be read into `{Self}`",
    label = "this column's values do not fit `{Self}`",
    note = "the schema makes this column a `{S}`"
)]
pub trait Holds<S> {}

/// A Rust type that reads a column of nullability `N`: any type for a column that is never
/// NULL, an `Option` (or a `Value`) for one that can be.
#[diagnostic::on_unimplemented(
    message = "this column can be NULL, and `{Self}` cannot hold NULL",
    label = "can be NULL",
    note = "make the field an `Option<{Self}>`"
)]
pub trait HoldsNull<N> {}

impl<T> HoldsNull<sql::NotNull> for T {}
impl<T> HoldsNull<sql::Nullable> for Option<T> {}
impl HoldsNull<sql::Nullable> for crate::Value {}

impl<S> Holds<S> for crate::Value {}
impl<S, T: Holds<S>> Holds<S> for Option<T> {}

for_types! { Holds:
    Bool: bool;
    // Integers narrower than 64 bits read with a range check, as `FromValue` does.
    Int: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f64, crate::Decimal;
    UnsignedBig: u64, u128, i128, f64, crate::Decimal;
    Decimal: crate::Decimal, f64, String;
    Float: f64, f32;
    Text: String;
    Bytes: Vec<u8>;
    Date: crate::Date;
    Time: crate::Time;
    Timestamp: crate::Timestamp;
    TimestampTz: crate::Timestamp;
    Json: String;
}

#[cfg(feature = "chrono")]
for_types! { Holds:
    Date: chrono::NaiveDate;
    Time: chrono::NaiveTime;
    Timestamp: chrono::NaiveDateTime;
    TimestampTz: chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::FixedOffset>;
}

#[cfg(feature = "time")]
for_types! { Holds:
    Date: time::Date;
    Time: time::Time;
    Timestamp: time::PrimitiveDateTime;
    TimestampTz: time::OffsetDateTime;
}

#[cfg(feature = "uuid")]
for_types! { Holds:
    Uuid: uuid::Uuid;
}

#[cfg(feature = "rust_decimal")]
for_types! { Holds:
    Int: rust_decimal::Decimal;
    Decimal: rust_decimal::Decimal;
}

#[cfg(feature = "serde_json")]
for_types! { Holds:
    Json: serde_json::Value;
}

/// The check the expansion writes for one field: it compiles when `T` holds the column.
#[inline(always)]
pub fn column<S, N, T: Holds<S> + HoldsNull<N>>(_field: &T) {}
