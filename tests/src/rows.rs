//! Result rows in one shape for every engine, so that rows from different engines compare.

use std::fmt;

use cte_runtime::Value;

/// One result cell, normalized across engines.
///
/// Booleans read as `Int(0)` / `Int(1)` (MySQL and MariaDB have no boolean type). Exact decimals
/// (PostgreSQL NUMERIC, MariaDB DECIMAL) read as `Int` when they are whole and fit, else as
/// `Float`. Numbers compare by value: `Int(2)` equals `Float(2.0)`, and floats compare with a
/// relative tolerance, so a NUMERIC `2.50` equals a SQLite REAL `2.5`.
#[derive(Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bytes(Vec<u8>),
}

/// `Cell::Null`, short for expected rows: `rows![[1, NULL]]`.
pub const NULL: Cell = Cell::Null;

/// One result row.
pub type Row = Vec<Cell>;

/// Expected rows: `rows![[1, "a", NULL], [2, "b", 2.5]]`.
#[macro_export]
macro_rules! rows {
    ($([$($cell:expr),* $(,)?]),* $(,)?) => {
        vec![$(vec![$($crate::Cell::from($cell)),*]),*]
    };
}

impl Cell {
    /// Reads an exact decimal as written by an engine (`"-12.500"`, `"7"`).
    pub fn from_decimal(text: &str) -> Result<Cell, String> {
        let text = text.trim();
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = whole.trim_start_matches(['-', '+']);
        let well_formed = !(digits.is_empty() && fraction.is_empty())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && fraction.bytes().all(|b| b.is_ascii_digit());
        if !well_formed {
            return Err(format!("not a decimal number: {text:?}"));
        }
        if fraction.bytes().all(|b| b == b'0') {
            if let Ok(i) = whole.parse::<i64>() {
                return Ok(Cell::Int(i));
            }
        }
        text.parse::<f64>()
            .map(Cell::Float)
            .map_err(|e| format!("decimal {text:?}: {e}"))
    }

    /// Whether two cells hold the same value, numbers compared by value.
    pub fn same(&self, other: &Cell) -> bool {
        match (self, other) {
            (Cell::Null, Cell::Null) => true,
            (Cell::Int(a), Cell::Int(b)) => a == b,
            (Cell::Int(a), Cell::Float(b)) | (Cell::Float(b), Cell::Int(a)) => close(*a as f64, *b),
            (Cell::Float(a), Cell::Float(b)) => close(*a, *b),
            (Cell::Text(a), Cell::Text(b)) => a == b,
            (Cell::Bytes(a), Cell::Bytes(b)) => a == b,
            _ => false,
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1.0);
    (a - b).abs() <= 1e-9 * scale
}

/// Whether two row lists are the same, row by row and in order.
pub fn same_rows(a: &[Row], b: &[Row]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(ra, rb)| ra.len() == rb.len() && ra.iter().zip(rb).all(|(ca, cb)| ca.same(cb)))
}

/// Rows as a readable table, one row a line, for failure messages.
pub fn show_rows(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "    (no rows)\n".to_owned();
    }
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| format!("{c:?}")).collect();
        out.push_str("    [");
        out.push_str(&cells.join(", "));
        out.push_str("]\n");
    }
    out
}

impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Null => f.write_str("NULL"),
            Cell::Int(i) => write!(f, "{i}"),
            Cell::Float(x) => write!(f, "{x:?}"),
            Cell::Text(s) => write!(f, "{s:?}"),
            Cell::Bytes(b) => {
                f.write_str("x'")?;
                for byte in b {
                    write!(f, "{byte:02x}")?;
                }
                f.write_str("'")
            }
        }
    }
}

macro_rules! cell_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Cell {
            fn from(v: $t) -> Self {
                Cell::Int(i64::from(v))
            }
        }
    )*};
}

cell_from_int!(i8, i16, i32, i64, u8, u16, u32, bool);

impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        Cell::Float(v)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Self {
        Cell::Text(v.to_owned())
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}

impl From<&[u8]> for Cell {
    fn from(v: &[u8]) -> Self {
        Cell::Bytes(v.to_vec())
    }
}

impl From<Vec<u8>> for Cell {
    fn from(v: Vec<u8>) -> Self {
        Cell::Bytes(v)
    }
}

/// A value as a driver read it. Booleans become `Int(0)` / `Int(1)`, exact decimals numbers
/// ([`Cell::from_decimal`]), dates and times their ISO 8601 text as SQLite stores them, a UUID
/// its bytes as SQLite stores it.
impl From<Value> for Cell {
    fn from(v: Value) -> Self {
        match v {
            Value::Null => Cell::Null,
            Value::Bool(b) => Cell::Int(i64::from(b)),
            Value::I64(i) => Cell::Int(i),
            Value::F64(f) => Cell::Float(f),
            Value::Text(s) | Value::Json(s) => Cell::Text(s),
            Value::Bytes(b) => Cell::Bytes(b),
            Value::Decimal(d) => {
                Cell::from_decimal(d.as_str()).unwrap_or_else(|_| Cell::Text(d.to_string()))
            }
            Value::Date(d) => Cell::Text(d.to_string()),
            Value::Time(t) => Cell::Text(t.to_string()),
            Value::Timestamp(t) | Value::TimestampTz(t) => Cell::Text(t.to_string()),
            Value::Uuid(u) => Cell::Bytes(u.to_vec()),
            other => Cell::Text(format!("{other:?}")),
        }
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_whole_numbers_when_whole() {
        assert_eq!(Cell::from_decimal("7"), Ok(Cell::Int(7)));
        assert_eq!(Cell::from_decimal("-7.000"), Ok(Cell::Int(-7)));
        assert_eq!(Cell::from_decimal("2.50"), Ok(Cell::Float(2.5)));
        assert_eq!(Cell::from_decimal(".5"), Ok(Cell::Float(0.5)));
        assert!(Cell::from_decimal("abc").is_err());
        assert!(Cell::from_decimal("-").is_err());
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(Cell::Int(2).same(&Cell::Float(2.0)));
        assert!(Cell::Float(0.1 + 0.2).same(&Cell::Float(0.3)));
        assert!(!Cell::Int(2).same(&Cell::Float(2.5)));
        assert!(!Cell::Int(1).same(&Cell::Text("1".into())));
        assert!(!Cell::Null.same(&Cell::Int(0)));
    }

    #[test]
    fn rows_macro_builds_cells() {
        let rows: Vec<Row> = rows![[1, "a", NULL], [2, "it's", 2.5]];
        assert_eq!(
            rows[0],
            vec![Cell::Int(1), Cell::Text("a".into()), Cell::Null]
        );
        assert_eq!(rows[1][2], Cell::Float(2.5));
    }
}
