//! The types of SQL values as the macros infer them, for typed rows: what each output column
//! holds and whether it can be NULL, on every engine.
//!
//! A type here is what reading the value into Rust needs, not what one engine calls it. The
//! engines disagree on the width of integers (SQLite's INTEGER holds 64 bits, PostgreSQL's
//! 32) and on result types (`SUM` of an integer is BIGINT on one, NUMERIC or DECIMAL on
//! another), so every signed integer is [`SqlType::Int`] (read as `i64`, whatever width the
//! engine sends), and each rule below picks the type that reads correctly on all of them.
//! `rules` holds the rules of operators and functions; this file the types and how two of them
//! meet (CASE branches, UNION columns, the members of a recursive CTE).

mod rules;

pub(crate) use rules::{binary, cast, function, is_comparison, literal, Call};

use crate::schema::ColumnType;

/// The value types of `cte_shared::sql_value_types`, and the two the macros know no more of.
macro_rules! sql_type {
    ($($(#[$doc:meta])* $name:ident),*) => {
        /// What a value holds.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum SqlType {
            $($(#[$doc])* $name,)*
            /// The NULL literal, which has no type of its own: it meets any other as that one.
            Null,
            /// A type the macros cannot tell (a parameter, an unknown function, a PostgreSQL
            /// array, branches of unrelated types): read as a `cte_runtime::Value`.
            Unknown,
        }

        impl SqlType {
            /// The name of this type's marker in `cte_runtime::__private::sql`; none for the
            /// types nothing is checked against.
            pub(crate) fn marker(self) -> Option<&'static str> {
                match self {
                    $(SqlType::$name => Some(stringify!($name)),)*
                    SqlType::Null | SqlType::Unknown => None,
                }
            }
        }
    };
}

cte_shared::sql_value_types!(sql_type);

/// A value's type and whether it can be NULL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Typed {
    pub ty: SqlType,
    pub nullable: bool,
}

impl Typed {
    pub(crate) const fn not_null(ty: SqlType) -> Typed {
        Typed {
            ty,
            nullable: false,
        }
    }

    pub(crate) const fn nullable(ty: SqlType) -> Typed {
        Typed { ty, nullable: true }
    }

    /// This type, NULL too when `nullable`.
    pub(crate) const fn or_null(self, nullable: bool) -> Typed {
        Typed {
            ty: self.ty,
            nullable: self.nullable || nullable,
        }
    }

    /// The type that holds the values of both: the columns of two UNION parts, the branches
    /// of a CASE, the rows of a recursive CTE's anchor and members.
    pub(crate) fn union(self, other: Typed) -> Typed {
        Typed {
            ty: self.ty.union(other.ty),
            nullable: self.nullable || other.nullable,
        }
    }
}

impl SqlType {
    /// The type that holds values of both: a NULL literal takes the other's type, numbers
    /// widen to the wider kind, and two unrelated types meet in [`SqlType::Unknown`], read as
    /// a `Value`.
    pub(crate) fn union(self, other: SqlType) -> SqlType {
        use SqlType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (Null, x) | (x, Null) => x,
            (Int, UnsignedBig) | (UnsignedBig, Int) => Decimal,
            (Int | UnsignedBig, Decimal) | (Decimal, Int | UnsignedBig) => Decimal,
            (Int | UnsignedBig | Decimal, Float) | (Float, Int | UnsignedBig | Decimal) => Float,
            (Date, Timestamp) | (Timestamp, Date) => Timestamp,
            _ => Unknown,
        }
    }

    /// Whether the type is a number, for arithmetic.
    pub(crate) fn is_numeric(self) -> bool {
        matches!(
            self,
            SqlType::Int | SqlType::UnsignedBig | SqlType::Decimal | SqlType::Float
        )
    }
}

/// The type of a table column declared as `ty`.
pub(crate) fn column(ty: &ColumnType) -> SqlType {
    match ty {
        ColumnType::Bool => SqlType::Bool,
        ColumnType::TinyInt { .. } | ColumnType::SmallInt { .. } | ColumnType::Int { .. } => {
            SqlType::Int
        }
        ColumnType::BigInt { unsigned: false } => SqlType::Int,
        ColumnType::BigInt { unsigned: true } => SqlType::UnsignedBig,
        ColumnType::Decimal { .. } => SqlType::Decimal,
        ColumnType::Real | ColumnType::Double => SqlType::Float,
        ColumnType::Text => SqlType::Text,
        ColumnType::Bytes => SqlType::Bytes,
        ColumnType::Date => SqlType::Date,
        ColumnType::Time => SqlType::Time,
        ColumnType::Timestamp => SqlType::Timestamp,
        ColumnType::TimestampTz => SqlType::TimestampTz,
        ColumnType::Uuid => SqlType::Uuid,
        ColumnType::Json => SqlType::Json,
        ColumnType::Array(_) | ColumnType::Other(_) => SqlType::Unknown,
    }
}

#[cfg(test)]
mod tests;
