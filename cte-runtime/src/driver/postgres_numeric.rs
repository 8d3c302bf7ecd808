//! PostgreSQL NUMERIC in its binary form, to and from decimal text.
//!
//! [`Value`](crate::Value) has no decimal variant, and a float would round `0.1`; a NUMERIC
//! reads as its exact decimal text (`"-12.50"`), and decimal text binds to a NUMERIC
//! parameter. The binary form is a header of four 16-bit words (digit count, weight of the
//! first digit, sign, display scale) and then the digits in base 10000.

use std::error::Error;

use crate::Decimal;

type BoxError = Box<dyn Error + Sync + Send>;

const POSITIVE: u16 = 0x0000;
const NEGATIVE: u16 = 0x4000;
const NAN: u16 = 0xC000;
const INFINITY: u16 = 0xD000;
const NEGATIVE_INFINITY: u16 = 0xF000;

/// Decimal text (`-12.50`, `7`, `.5`, `NaN`, `Infinity`) in NUMERIC's binary form.
pub(crate) fn encode(text: &str) -> Result<Vec<u8>, BoxError> {
    let special = match text {
        "NaN" => Some(NAN),
        "Infinity" | "+Infinity" => Some(INFINITY),
        "-Infinity" => Some(NEGATIVE_INFINITY),
        _ => None,
    };
    if let Some(sign) = special {
        return Ok(header(0, 0, sign, 0));
    }

    let bad = || -> BoxError { format!("{text:?} is not a decimal number").into() };
    let decimal: Decimal = text.parse().map_err(|_| bad())?;
    let canonical = decimal.as_str();
    let (negative, unsigned) = match canonical.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, canonical),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let whole = whole.trim_start_matches('0');
    let dscale = u16::try_from(fraction.len()).map_err(|_| bad())?;

    // Pad the whole part on the left and the fraction on the right to whole base-10000 groups.
    let whole_padded = format!("{}{whole}", "0".repeat((4 - whole.len() % 4) % 4));
    let fraction_padded = format!("{fraction}{}", "0".repeat((4 - fraction.len() % 4) % 4));
    let group = |chunk: &[u8]| -> i16 {
        chunk
            .iter()
            .fold(0_i16, |acc, d| acc * 10 + i16::from(d - b'0'))
    };
    let whole_groups = whole_padded.len() / 4;
    let mut digits: Vec<i16> = whole_padded
        .as_bytes()
        .chunks(4)
        .chain(fraction_padded.as_bytes().chunks(4))
        .map(group)
        .collect();
    let mut weight = i64::try_from(whole_groups).map_err(|_| bad())? - 1;
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..leading);
    weight -= i64::try_from(leading).map_err(|_| bad())?;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        weight = 0;
    }

    let ndigits = i16::try_from(digits.len()).map_err(|_| bad())?;
    let weight = i16::try_from(weight).map_err(|_| bad())?;
    let sign = if negative && !digits.is_empty() {
        NEGATIVE
    } else {
        POSITIVE
    };
    let mut out = header(ndigits, weight, sign, dscale);
    for d in digits {
        out.extend_from_slice(&d.to_be_bytes());
    }
    Ok(out)
}

fn header(ndigits: i16, weight: i16, sign: u16, dscale: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + 2 * ndigits.unsigned_abs() as usize);
    out.extend_from_slice(&ndigits.to_be_bytes());
    out.extend_from_slice(&weight.to_be_bytes());
    out.extend_from_slice(&sign.to_be_bytes());
    out.extend_from_slice(&dscale.to_be_bytes());
    out
}

/// NUMERIC's binary form as decimal text with the value's own scale (`-12.50`).
pub(crate) fn decode(raw: &[u8]) -> Result<String, BoxError> {
    let word = |i: usize| -> Result<u16, BoxError> {
        raw.get(i * 2..i * 2 + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| "truncated NUMERIC value".into())
    };
    let ndigits = usize::from(word(0)?);
    let weight = i32::from(word(1)? as i16);
    let sign = word(2)?;
    let dscale = usize::from(word(3)?);
    match sign {
        POSITIVE | NEGATIVE => {}
        NAN => return Ok("NaN".into()),
        INFINITY => return Ok("Infinity".into()),
        NEGATIVE_INFINITY => return Ok("-Infinity".into()),
        _ => return Err(format!("unknown NUMERIC sign {sign:#x}").into()),
    }
    let digits = (0..ndigits)
        .map(|i| word(4 + i))
        .collect::<Result<Vec<u16>, BoxError>>()?;
    // `pos` counts base-10000 groups from the first stored one; groups past either end are 0.
    let digit = |pos: i32| -> u16 {
        usize::try_from(pos)
            .ok()
            .and_then(|p| digits.get(p).copied())
            .unwrap_or(0)
    };

    let mut text = String::new();
    if sign == NEGATIVE {
        text.push('-');
    }
    if weight < 0 {
        text.push('0');
    } else {
        text.push_str(&digit(0).to_string());
        for pos in 1..=weight {
            text.push_str(&format!("{:04}", digit(pos)));
        }
    }
    if dscale > 0 {
        let mut fraction = String::with_capacity(dscale + 4);
        let mut pos = weight + 1;
        while fraction.len() < dscale {
            fraction.push_str(&format!("{:04}", digit(pos)));
            pos += 1;
        }
        fraction.truncate(dscale);
        text.push('.');
        text.push_str(&fraction);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        decode(&encode(text).unwrap()).unwrap()
    }

    #[test]
    fn decimal_text_round_trips() {
        for text in [
            "0",
            "7",
            "-12.50",
            "123456789.000123",
            "0.00001",
            "10000",
            "-9223372036854775808",
            "NaN",
            "Infinity",
            "-Infinity",
        ] {
            assert_eq!(round_trip(text), text);
        }
        assert_eq!(round_trip("+0012.5"), "12.5");
        assert_eq!(round_trip(".5"), "0.5");
        assert_eq!(round_trip("-0.0"), "0.0");
    }

    #[test]
    fn malformed_decimals_are_errors() {
        for text in ["", "-", "1e5", "1.2.3", "12a", " 1"] {
            assert!(encode(text).is_err(), "{text:?}");
        }
        assert!(decode(&[0, 1]).is_err());
        assert!(decode(&[0, 1, 0, 0, 0, 0, 0, 0]).is_err());
    }
}
