//! Exact decimal numbers as their text, so that [`Value`](crate::Value) holds any engine's
//! NUMERIC or DECIMAL without a decimal crate, and `to_inline_sql` can write one as a literal:
//! the text is checked to be digits, one optional point and sign, nothing else.

use std::fmt;
use std::str::FromStr;

use crate::ValueError;

/// An exact decimal number: `-12.50` keeps its two fraction digits (its scale).
///
/// ```
/// use cte_runtime::Decimal;
///
/// let price: Decimal = "-012.50".parse().unwrap();
/// assert_eq!(price.as_str(), "-12.50");
/// assert_eq!(price.scale(), 2);
/// assert!("1e5".parse::<Decimal>().is_err());
/// assert!("NaN".parse::<Decimal>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Decimal {
    /// The canonical text: `-` if negative, the integer digits without leading zeros (at least
    /// one), and the fraction digits as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of digits after the point.
    pub fn scale(&self) -> usize {
        self.0.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// The number of significant digits before and after the point (leading zeros excluded).
    pub fn precision(&self) -> usize {
        let digits = self.0.trim_start_matches('-').replace('.', "");
        digits
            .trim_start_matches('0')
            .len()
            .max(self.scale())
            .max(1)
    }

    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }
}

impl FromStr for Decimal {
    type Err = ValueError;

    /// Digits with an optional sign and point (`+1`, `.5`, `1.`, `-0.000`); no exponent, no
    /// `NaN`.
    fn from_str(s: &str) -> Result<Decimal, ValueError> {
        let bad = || {
            ValueError::invalid(
                s,
                "text",
                "a decimal",
                "expected digits with an optional sign and point",
            )
        };
        let (negative, unsigned) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let all_digits = whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit());
        if !all_digits || (whole.is_empty() && fraction.is_empty()) {
            return Err(bad());
        }
        let whole = whole.trim_start_matches('0');
        let whole = if whole.is_empty() { "0" } else { whole };
        let zero = whole == "0" && fraction.bytes().all(|b| b == b'0');
        let mut text = String::with_capacity(s.len() + 1);
        if negative && !zero {
            text.push('-');
        }
        text.push_str(whole);
        if !fraction.is_empty() {
            text.push('.');
            text.push_str(fraction);
        }
        Ok(Decimal(text))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for Decimal {
    fn from(v: i64) -> Decimal {
        Decimal(v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn text_is_canonical() {
        let read = |s: &str| s.parse::<Decimal>().map(|d| d.to_string());
        assert_eq!(read("0").unwrap(), "0");
        assert_eq!(read("-0.00").unwrap(), "0.00");
        assert_eq!(read(".5").unwrap(), "0.5");
        assert_eq!(read("+007.10").unwrap(), "7.10");
        let max = format!("{}.{}", "9".repeat(35), "9".repeat(30));
        assert_eq!(read(&max).unwrap(), max);
        assert_eq!(read("1.").unwrap(), "1");
        for bad in ["", "-", ".", "1e3", "1.2.3", "NaN", " 1", "1_000", "--1"] {
            assert!(read(bad).is_err(), "{bad:?}");
        }
        let d: Decimal = "-0012.340".parse().unwrap();
        assert_eq!((d.scale(), d.precision(), d.is_negative()), (3, 5, true));
    }
}
