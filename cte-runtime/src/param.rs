//! What the Rust type of a `{expr}` parameter says about its SQL type.
//!
//! PostgreSQL types a placeholder from where it stands, and where nothing around it says
//! (`SELECT $1`, a recursive CTE's anchor, `$1 IS NULL`) it guesses text, or fails: `$1 + 1`
//! after `SELECT $1` is `text + integer`. The renderer casts such a placeholder to the type of
//! the value, which is known from the Rust type even when the value is `None`. The expansion of
//! `select!` asks for each parameter's kind at the call site, where the type is concrete:
//! `(&&Probe(&x)).kind()` finds [`KnownKind`] when the type has one and falls back to
//! [`ParamKind::Unknown`] otherwise (in generic code, or for `Value` itself), without adding a
//! bound that could fail to compile.

use crate::{Date, Decimal, Time, Timestamp, Value};

/// The SQL type family of a parameter, as far as its Rust type tells.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// Nothing is known: the renderer writes the bare placeholder.
    Unknown,
    Integer,
    Float,
    Bool,
    Text,
    Bytes,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
    Decimal,
    Json,
    /// The values of `x IN {list}`: a list, whatever its items' types.
    List,
}

impl ParamKind {
    /// The kind of a value, for parameters whose Rust type says nothing (`Value`, generics).
    pub(crate) fn of_value(value: &Value) -> ParamKind {
        match value {
            Value::Null => ParamKind::Unknown,
            Value::Bool(_) => ParamKind::Bool,
            Value::I64(_) => ParamKind::Integer,
            Value::F64(_) => ParamKind::Float,
            Value::Text(_) => ParamKind::Text,
            Value::Bytes(_) => ParamKind::Bytes,
            Value::Date(_) => ParamKind::Date,
            Value::Time(_) => ParamKind::Time,
            Value::Timestamp(_) => ParamKind::Timestamp,
            Value::TimestampTz(_) => ParamKind::TimestampTz,
            Value::Uuid(_) => ParamKind::Uuid,
            Value::Decimal(_) => ParamKind::Decimal,
            Value::Json(_) => ParamKind::Json,
            // An array is a list only where `IN {...}` binds it, which says so itself.
            Value::Array(_) => ParamKind::Unknown,
        }
    }
}

/// A Rust type whose conversion into [`Value`] always yields one kind of value (or NULL).
#[doc(hidden)]
pub trait KnownKind {
    const KIND: ParamKind;
}

macro_rules! known_kind {
    ($kind:ident: $($t:ty),*) => {$(
        impl $crate::param::KnownKind for $t {
            const KIND: $crate::param::ParamKind = $crate::param::ParamKind::$kind;
        }
    )*};
}
// Used by the value features' modules, which may all be off.
#[allow(unused_imports)]
pub(crate) use known_kind;

known_kind!(Integer: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
known_kind!(Float: f32, f64);
known_kind!(Bool: bool);
known_kind!(Text: str, String);
known_kind!(Bytes: [u8], Vec<u8>);
known_kind!(Date: Date);
known_kind!(Time: Time);
known_kind!(Timestamp: Timestamp);
known_kind!(Decimal: Decimal);

impl<T: KnownKind + ?Sized> KnownKind for &T {
    const KIND: ParamKind = T::KIND;
}

impl<T: KnownKind> KnownKind for Option<T> {
    const KIND: ParamKind = T::KIND;
}

/// Borrows a parameter to ask for its kind; see the module documentation.
#[doc(hidden)]
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// Chosen by method resolution when the parameter's type has a [`KnownKind`].
#[doc(hidden)]
pub trait KindOfKnown {
    fn kind(&self) -> ParamKind;
}

impl<T: KnownKind + ?Sized> KindOfKnown for &Probe<'_, T> {
    fn kind(&self) -> ParamKind {
        T::KIND
    }
}

/// The fallback, one auto-reference further: any other type.
#[doc(hidden)]
pub trait KindOfAny {
    fn kind(&self) -> ParamKind;
}

impl<T: ?Sized> KindOfAny for Probe<'_, T> {
    fn kind(&self) -> ParamKind {
        ParamKind::Unknown
    }
}

#[cfg(test)]
// The references are what picks the impl.
#[allow(clippy::needless_borrow)]
mod tests {
    use super::{KindOfAny as _, KindOfKnown as _, ParamKind, Probe};
    use crate::Value;

    fn generic<T: Into<Value>>(t: T) -> ParamKind {
        (&&Probe(&t)).kind()
    }

    #[test]
    fn kinds_come_from_the_rust_type() {
        assert_eq!((&&Probe(&1)).kind(), ParamKind::Integer);
        assert_eq!((&&Probe(&None::<i64>)).kind(), ParamKind::Integer);
        assert_eq!((&&Probe(&Some(2.5))).kind(), ParamKind::Float);
        assert_eq!((&&Probe(&"a")).kind(), ParamKind::Text);
        assert_eq!((&&Probe(&String::new())).kind(), ParamKind::Text);
        assert_eq!((&&Probe(&vec![1_u8])).kind(), ParamKind::Bytes);
        assert_eq!((&&Probe(&true)).kind(), ParamKind::Bool);
        assert_eq!((&&Probe(&Value::I64(1))).kind(), ParamKind::Unknown);
        // In generic code the type is not known where the probe is written.
        assert_eq!(generic(1_i64), ParamKind::Unknown);
    }
}
