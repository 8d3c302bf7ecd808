//! The type of a table column, from the type names of the five dialects.
//!
//! A schema file is written for one engine or for several, so each name is read as the
//! engines that know it read it: `INT4` and `INTEGER` are one type, `DATETIME2` and
//! `TIMESTAMP` another. Where engines disagree on what one name means, the type keeps the
//! widest meaning, so that a value of the column always fits what is chosen for it: SQLite's
//! `INTEGER` holds 64 bits where PostgreSQL's holds 32, so the declared width is kept
//! (`Int`) and the reading side decides; `REAL` is 4 bytes on PostgreSQL and 8 on SQLite and
//! MySQL, so it is `Double`.

/// What a column holds, as far as reading it into Rust needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnType {
    Bool,
    /// `TINYINT`: signed on MySQL and MariaDB, 0 to 255 on SQL Server.
    TinyInt {
        unsigned: bool,
    },
    SmallInt {
        unsigned: bool,
    },
    /// `INT`, `INTEGER`, `MEDIUMINT`, `SERIAL`: 32 bits, but 64 on SQLite.
    Int {
        unsigned: bool,
    },
    BigInt {
        unsigned: bool,
    },
    Decimal {
        precision: Option<u32>,
        scale: Option<u32>,
    },
    /// A 4-byte float where every engine makes it one (`FLOAT4`).
    Real,
    Double,
    Text,
    Bytes,
    Date,
    Time,
    /// A date and time without a time zone (`TIMESTAMP`, `DATETIME`, `DATETIME2`).
    Timestamp,
    /// An instant (`TIMESTAMPTZ`, `TIMESTAMP WITH TIME ZONE`, `DATETIMEOFFSET`).
    TimestampTz,
    Uuid,
    Json,
    /// A PostgreSQL array of the element type.
    Array(Box<ColumnType>),
    /// A type of no engine's list above (`INTERVAL`, `INET`, a domain, SQLite's typeless
    /// column): its name as written, upper case, or empty for no type.
    Other(String),
}

/// How a column's type name reads, besides the type: a `SERIAL` column is also NOT NULL.
pub(crate) struct Declared {
    pub ty: ColumnType,
    pub implies_not_null: bool,
}

/// The type that `words` name (upper case, as written: `DOUBLE PRECISION`, `CHARACTER
/// VARYING`, `TIMESTAMP WITH TIME ZONE`), with the numbers in its parentheses; `array` for a
/// trailing `[]` or `ARRAY`.
pub(crate) fn declared(words: &[String], args: &[u32], array: bool) -> Declared {
    let unsigned = words.iter().any(|w| w == "UNSIGNED");
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "UNSIGNED" | "ZEROFILL" | "SIGNED"))
        .collect();
    let mut implies_not_null = false;
    let ty = match words.as_slice() {
        ["BOOL" | "BOOLEAN" | "BIT"] => match args {
            [] | [1] => ColumnType::Bool,
            _ => ColumnType::Bytes,
        },
        ["TINYINT"] => ColumnType::TinyInt { unsigned },
        ["SMALLINT" | "INT2"] => ColumnType::SmallInt { unsigned },
        ["SMALLSERIAL" | "SERIAL2"] => {
            implies_not_null = true;
            ColumnType::SmallInt { unsigned }
        }
        ["INT" | "INTEGER" | "INT4" | "MEDIUMINT"] => ColumnType::Int { unsigned },
        ["SERIAL4"] => {
            implies_not_null = true;
            ColumnType::Int { unsigned }
        }
        // 32 bits on PostgreSQL, but BIGINT UNSIGNED NOT NULL on MySQL and MariaDB.
        ["SERIAL"] => {
            implies_not_null = true;
            ColumnType::BigInt { unsigned }
        }
        ["BIGINT" | "INT8"] => ColumnType::BigInt { unsigned },
        ["BIGSERIAL" | "SERIAL8"] => {
            implies_not_null = true;
            ColumnType::BigInt { unsigned }
        }
        ["DECIMAL" | "NUMERIC" | "DEC" | "FIXED"] => ColumnType::Decimal {
            precision: args.first().copied(),
            scale: args.get(1).copied().or(args.first().map(|_| 0)),
        },
        ["MONEY"] => ColumnType::Decimal {
            precision: Some(19),
            scale: Some(4),
        },
        ["SMALLMONEY"] => ColumnType::Decimal {
            precision: Some(10),
            scale: Some(4),
        },
        ["FLOAT4"] => ColumnType::Real,
        // FLOAT(p) is 4 bytes up to 24 bits of precision; plain FLOAT is 4 bytes on MySQL and
        // 8 on PostgreSQL and SQL Server.
        ["FLOAT"] => match args {
            [p] if *p <= 24 => ColumnType::Real,
            _ => ColumnType::Double,
        },
        ["REAL" | "FLOAT8" | "DOUBLE"] | ["DOUBLE", "PRECISION"] => ColumnType::Double,
        ["CHAR" | "CHARACTER" | "NCHAR" | "VARCHAR" | "NVARCHAR" | "VARCHAR2" | "NVARCHAR2"]
        | ["CHARACTER" | "NATIONAL" | "CHAR", "VARYING"]
        | ["NATIONAL", "CHARACTER" | "CHAR"]
        | ["NATIONAL", "CHARACTER" | "CHAR", "VARYING"]
        | ["TEXT" | "TINYTEXT" | "MEDIUMTEXT" | "LONGTEXT" | "NTEXT" | "CLOB" | "CITEXT"]
        | ["ENUM" | "SET" | "STRING" | "NAME" | "BPCHAR" | "SYSNAME"] => ColumnType::Text,
        ["BYTEA" | "BLOB" | "TINYBLOB" | "MEDIUMBLOB" | "LONGBLOB" | "BINARY" | "VARBINARY"]
        | ["IMAGE" | "ROWVERSION"]
        | ["BINARY", "VARYING"] => ColumnType::Bytes,
        ["DATE"] => ColumnType::Date,
        ["TIME"] | ["TIME", "WITHOUT", "TIME", "ZONE"] => ColumnType::Time,
        ["TIMESTAMP" | "DATETIME" | "DATETIME2" | "SMALLDATETIME"]
        | ["TIMESTAMP", "WITHOUT", "TIME", "ZONE"] => ColumnType::Timestamp,
        ["TIMESTAMPTZ" | "DATETIMEOFFSET"] | ["TIMESTAMP", "WITH", "TIME", "ZONE"] => {
            ColumnType::TimestampTz
        }
        ["UUID" | "UNIQUEIDENTIFIER"] => ColumnType::Uuid,
        ["JSON" | "JSONB"] => ColumnType::Json,
        other => ColumnType::Other(other.join(" ")),
    };
    let ty = if array {
        ColumnType::Array(Box::new(ty))
    } else {
        ty
    };
    Declared {
        ty,
        implies_not_null,
    }
}
