//! `rust_decimal::Decimal` as a parameter and a column (feature `rust_decimal`):
//! [`Value::Decimal`], its exact text.
//!
//! A column reads into `rust_decimal::Decimal` only if it fits exactly (28 fraction digits,
//! 96 bits): a wider NUMERIC is an error, never a rounded number.

use std::str::FromStr;

use super::plain::{param_by_value_from, read_as, read_decimal};
use super::{IntoParam, ValueError};
use crate::param::known_kind;
use crate::{Decimal, Value};

impl From<::rust_decimal::Decimal> for Value {
    fn from(v: ::rust_decimal::Decimal) -> Self {
        // rust_decimal writes plain digits, never an exponent: always a valid `Decimal`.
        Value::Decimal(Decimal::from_str(&v.to_string()).unwrap_or_else(|_| Decimal::from(0)))
    }
}

impl From<&::rust_decimal::Decimal> for Value {
    fn from(v: &::rust_decimal::Decimal) -> Self {
        Value::from(*v)
    }
}

param_by_value_from!(::rust_decimal::Decimal);
known_kind!(Decimal: ::rust_decimal::Decimal);

fn read(v: &Value, target: &'static str) -> Result<::rust_decimal::Decimal, ValueError> {
    let d = read_decimal(v, target)?;
    let text = d.as_str();
    // A column's scale may add zeros that rust_decimal has no room for; the value is the same
    // without them.
    let trimmed = match text.split_once('.') {
        Some(_) => text.trim_end_matches('0').trim_end_matches('.'),
        None => text,
    };
    let exact = ::rust_decimal::Decimal::from_str_exact(text);
    exact
        .or_else(|_| ::rust_decimal::Decimal::from_str_exact(trimmed))
        .map_err(|_| {
            ValueError::out_of_range(
                d,
                "decimal",
                "rust_decimal::Decimal (28 digits after the point, 96 bits)",
            )
        })
}

read_as!(::rust_decimal::Decimal, read);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_convert_exactly() {
        let price = ::rust_decimal::Decimal::new(-1250, 2);
        let v = Value::from(price);
        assert_eq!(v, Value::Decimal("-12.50".parse().unwrap()));
        let back = ::rust_decimal::Decimal::try_from(&v).unwrap();
        assert_eq!((back, back.scale()), (price, 2));
        assert_eq!(
            Value::from(::rust_decimal::Decimal::MAX).to_owned(),
            Value::Decimal("79228162514264337593543950335".parse().unwrap())
        );
        let max_at_scale = format!("{}.{}", ::rust_decimal::Decimal::MAX, "0".repeat(28));
        let v = Value::Decimal(max_at_scale.parse().unwrap());
        assert_eq!(
            ::rust_decimal::Decimal::try_from(v),
            Ok(::rust_decimal::Decimal::MAX)
        );
        let wide = Value::Decimal(format!("1{}", "0".repeat(40)).parse().unwrap());
        assert!(::rust_decimal::Decimal::try_from(wide)
            .unwrap_err()
            .is_out_of_range());
    }
}
