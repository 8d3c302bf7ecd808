//! The type and nullability of each kind of expression, from those of its operands.
//!
//! Where the engines give one expression different result types, the rule picks the one that
//! reads the value correctly from all of them (see `docs/typing.md` for the table):
//!
//! | expression | PostgreSQL | MySQL, MariaDB | SQLite | SQL Server | here |
//! |---|---|---|---|---|---|
//! | `SUM(int)` | BIGINT, NUMERIC | DECIMAL | INTEGER | INT, BIGINT | `Int` |
//! | `SUM(decimal)` | NUMERIC | DECIMAL | REAL | DECIMAL | `Decimal` |
//! | `AVG(int)` | NUMERIC | DECIMAL | REAL | INT (truncated) | `Float` |
//! | `COUNT(*)` | BIGINT | BIGINT | INTEGER | INT | `Int`, never NULL |
//! | `int / int` | integer | integer (rendered `DIV`) | integer | integer | `Int` |
//!
//! Aggregates other than COUNT are NULL over no rows, so they are nullable unless the query
//! groups (every group has a row) and their argument is not; a window function is nullable
//! whenever its frame can be empty.

use cte_shared::tree::{BinaryOp, DataType};

use super::{SqlType, Typed};
use crate::ast::LiteralKind;

/// A literal's type: a NULL is [`SqlType::Null`] and nullable.
pub(crate) fn literal(kind: &LiteralKind) -> Typed {
    match kind {
        LiteralKind::Integer(_) => Typed::not_null(SqlType::Int),
        LiteralKind::Decimal(text) if text.contains(['e', 'E']) => Typed::not_null(SqlType::Float),
        LiteralKind::Decimal(_) => Typed::not_null(SqlType::Decimal),
        LiteralKind::String(_) => Typed::not_null(SqlType::Text),
        LiteralKind::Bool(_) => Typed::not_null(SqlType::Bool),
        LiteralKind::Null => Typed::nullable(SqlType::Null),
    }
}

/// `left op right`: NULL when either side is (AND and OR too, as far as a type can say).
pub(crate) fn binary(op: BinaryOp, left: Typed, right: Typed) -> Typed {
    let nullable = left.nullable || right.nullable;
    let ty = match op {
        BinaryOp::Plus | BinaryOp::Minus | BinaryOp::Multiply | BinaryOp::Divide => {
            arithmetic(left.ty, right.ty)
        }
        BinaryOp::Modulo => match arithmetic(left.ty, right.ty) {
            SqlType::Float => SqlType::Float,
            other => other,
        },
        BinaryOp::Concat => SqlType::Text,
        BinaryOp::And | BinaryOp::Or => SqlType::Bool,
        BinaryOp::Eq | BinaryOp::NotEq => SqlType::Bool,
        BinaryOp::Lt | BinaryOp::LtEq | BinaryOp::Gt | BinaryOp::GtEq => SqlType::Bool,
    };
    Typed { ty, nullable }
}

/// Whether `op` compares its operands (`=`, `<>`, `<`, `<=`, `>`, `>=`).
pub(crate) fn is_comparison(op: BinaryOp) -> bool {
    use BinaryOp::*;
    match op {
        Eq | NotEq | Lt | LtEq | Gt | GtEq => true,
        Plus | Minus | Multiply | Divide | Modulo | Concat | And | Or => false,
    }
}

/// The type of arithmetic on two numbers: the wider of the two kinds; date arithmetic and
/// anything else the macros cannot tell.
fn arithmetic(left: SqlType, right: SqlType) -> SqlType {
    match (left, right) {
        (SqlType::Null, other) | (other, SqlType::Null) if other.is_numeric() => other,
        (a, b) if a.is_numeric() && b.is_numeric() => a.union(b),
        _ => SqlType::Unknown,
    }
}

/// `CAST(x AS data_type)`: the target's type, NULL when `x` is.
pub(crate) fn cast(data_type: &DataType, from: Typed) -> Typed {
    let ty = match data_type {
        DataType::SmallInt | DataType::Integer | DataType::BigInt => SqlType::Int,
        DataType::Decimal { .. } => SqlType::Decimal,
        DataType::Real | DataType::Double => SqlType::Float,
        DataType::Text | DataType::Varchar(_) | DataType::Char(_) => SqlType::Text,
        DataType::Boolean => SqlType::Bool,
        DataType::Date => SqlType::Date,
        DataType::Time => SqlType::Time,
        DataType::Timestamp => SqlType::Timestamp,
        DataType::Blob => SqlType::Bytes,
    };
    Typed {
        ty,
        nullable: from.nullable,
    }
}

/// Where a function call stands, which decides whether an aggregate can see no rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Call {
    /// A plain call, in a query without GROUP BY: an aggregate may see no rows.
    Ungrouped,
    /// In a query with GROUP BY: every group has a row.
    Grouped,
    /// With an OVER clause: its frame may hold no rows.
    Window,
}

/// A function call `name(args)` by its upper-case name (`COUNT(*)` has no args).
pub(crate) fn function(name: &str, args: &[Typed], call: Call) -> Typed {
    let first = args
        .first()
        .copied()
        .unwrap_or(Typed::nullable(SqlType::Unknown));
    let any_null = args.iter().any(|a| a.nullable);
    // An aggregate's result over rows of `arg`: NULL over no rows, or when the rows are NULL.
    let aggregate = |ty| Typed {
        ty,
        nullable: first.nullable || call != Call::Grouped,
    };
    match name {
        "COUNT" => Typed::not_null(SqlType::Int),
        "SUM" | "TOTAL" => aggregate(match first.ty {
            SqlType::Int => SqlType::Int,
            SqlType::UnsignedBig | SqlType::Decimal => SqlType::Decimal,
            SqlType::Float => SqlType::Float,
            _ => SqlType::Unknown,
        }),
        "AVG" => aggregate(match first.ty {
            SqlType::Int | SqlType::UnsignedBig | SqlType::Decimal | SqlType::Float => {
                SqlType::Float
            }
            _ => SqlType::Unknown,
        }),
        "MIN" | "MAX" => aggregate(first.ty),
        "ROW_NUMBER" | "RANK" | "DENSE_RANK" | "NTILE" => Typed::not_null(SqlType::Int),
        "PERCENT_RANK" | "CUME_DIST" => Typed::not_null(SqlType::Float),
        // Read a row that may not exist: NULL at the partition's edge.
        "LAG" | "LEAD" | "NTH_VALUE" => Typed::nullable(first.ty),
        "FIRST_VALUE" | "LAST_VALUE" => aggregate(first.ty),
        "LENGTH" | "CHAR_LENGTH" | "CHARACTER_LENGTH" | "OCTET_LENGTH" => Typed {
            ty: SqlType::Int,
            nullable: any_null,
        },
        "UPPER" | "LOWER" | "TRIM" | "LTRIM" | "RTRIM" | "SUBSTR" | "SUBSTRING" | "REPLACE"
        | "LEFT" | "RIGHT" | "LPAD" | "RPAD" | "REVERSE" => Typed {
            ty: SqlType::Text,
            nullable: any_null,
        },
        "ABS" | "SIGN" => Typed {
            ty: numeric_or_unknown(first.ty),
            nullable: any_null,
        },
        // SQLite rounds to REAL and PostgreSQL an integer to NUMERIC or DOUBLE PRECISION:
        // only a float reads all of them, and an exact decimal stays one.
        "ROUND" | "CEIL" | "CEILING" | "FLOOR" => Typed {
            ty: match numeric_or_unknown(first.ty) {
                SqlType::Decimal => SqlType::Decimal,
                SqlType::Unknown => SqlType::Unknown,
                _ => SqlType::Float,
            },
            nullable: any_null,
        },
        // The first argument that is not NULL: NULL only when every one can be.
        "COALESCE" | "IFNULL" => Typed {
            ty: args.iter().fold(SqlType::Null, |ty, a| ty.union(a.ty)),
            nullable: args.iter().all(|a| a.nullable),
        },
        "NULLIF" => Typed::nullable(first.ty),
        "CONCAT" => Typed {
            ty: SqlType::Text,
            nullable: any_null,
        },
        _ => Typed::nullable(SqlType::Unknown),
    }
}

fn numeric_or_unknown(ty: SqlType) -> SqlType {
    if ty.is_numeric() {
        ty
    } else {
        SqlType::Unknown
    }
}
