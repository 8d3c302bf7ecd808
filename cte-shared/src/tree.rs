//! The leaf enums of the query tree: the choices that the macro's syntax tree and the runtime's
//! tree make alike, defined once so that both trees, the encoder and the decoder name the same
//! variants. Each is encoded as one byte, its tag; [`crate::format`] has the tags of the nodes.

/// Declares a field-less enum whose variants are encoded as one byte, their tag: the place of
/// the variant in the list, counting from 0. `tag` and `from_tag` convert, and `ALL` lists the
/// variants in the order of their tags.
macro_rules! tagged {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every choice, in the order of their tags.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The byte this choice is encoded as.
            pub const fn tag(self) -> u8 {
                self as u8
            }

            /// The choice encoded as `tag`, or `None` for a byte no version of the format
            /// writes here.
            pub const fn from_tag(tag: u8) -> Option<Self> {
                let tag = tag as usize;
                if tag < Self::ALL.len() {
                    Some(Self::ALL[tag])
                } else {
                    None
                }
            }
        }
    };
}
pub(crate) use tagged;

tagged! {
    pub enum UnaryOp {
        Not, Minus, Plus,
    }
}

tagged! {
    pub enum BinaryOp {
        Plus, Minus, Multiply, Divide, Modulo,
        /// `||`, string concatenation.
        Concat,
        Eq,
        /// `<>` or `!=`.
        NotEq,
        Lt, LtEq, Gt, GtEq, And, Or,
    }
}

tagged! {
    pub enum JoinKind {
        Inner, Left, Right, Full, Cross,
    }
}

tagged! {
    pub enum SortOrder {
        /// Nothing written: ascending.
        Default,
        Asc, Desc,
    }
}

tagged! {
    pub enum NullsOrder {
        /// Nothing written: NULL sorts below every value (first ascending, last descending), as
        /// MySQL, MariaDB, SQLite and SQL Server do; PostgreSQL is told so.
        Default,
        First, Last,
    }
}

tagged! {
    pub enum FrameUnits {
        Rows, Range, Groups,
    }
}

tagged! {
    pub enum SearchOrder {
        Depth, Breadth,
    }
}

tagged! {
    /// `FOR UPDATE` or `FOR SHARE` after a SELECT: the lock it takes on the rows it reads.
    pub enum LockStrength {
        Update, Share,
    }
}

tagged! {
    /// What a locking SELECT does with a row another transaction has locked.
    pub enum LockWait {
        /// Nothing written: it waits for the lock.
        Wait,
        NoWait, SkipLocked,
    }
}

tagged! {
    pub enum Materialized {
        /// No hint was written.
        Default,
        Yes, No,
    }
}

tagged! {
    /// What the macro knows of the unique keys of an upsert's table, from the schema: MySQL's
    /// and MariaDB's `ON DUPLICATE KEY UPDATE` fires on a conflict on any of them, so it means
    /// `ON CONFLICT (cols)` only when `cols` are the table's one unique key.
    pub enum ConflictKey {
        /// No schema, or the schema cannot tell every unique key of the table.
        Unknown,
        /// The conflict columns are exactly the table's only unique key (PRIMARY KEY or UNIQUE).
        Only,
        /// The table has another unique key than the conflict columns, or they are none of its
        /// unique keys.
        NotOnly,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOperator {
    Union { all: bool },
    Intersect { all: bool },
    Except { all: bool },
}

impl SetOperator {
    /// The byte this operator is encoded as: union, union all, intersect, intersect all,
    /// except, except all.
    pub const fn tag(self) -> u8 {
        match self {
            SetOperator::Union { all } => all as u8,
            SetOperator::Intersect { all } => 2 + all as u8,
            SetOperator::Except { all } => 4 + all as u8,
        }
    }

    pub const fn from_tag(tag: u8) -> Option<Self> {
        let all = tag % 2 == 1;
        match tag / 2 {
            0 => Some(SetOperator::Union { all }),
            1 => Some(SetOperator::Intersect { all }),
            2 => Some(SetOperator::Except { all }),
            _ => None,
        }
    }
}

/// The target type of a CAST, named portably; each dialect picks its own spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataType {
    SmallInt,
    /// `INT` / `INTEGER`
    Integer,
    BigInt,
    /// `DECIMAL(p, s)` / `NUMERIC(p, s)`
    Decimal {
        precision: Option<u32>,
        scale: Option<u32>,
    },
    Real,
    /// `DOUBLE PRECISION` / `FLOAT`
    Double,
    /// Unbounded text.
    Text,
    Varchar(Option<u32>),
    Char(Option<u32>),
    Boolean,
    Date,
    Time,
    Timestamp,
    /// Binary data: `BYTEA`, `BLOB`, `VARBINARY(MAX)`.
    Blob,
}

tagged! {
    /// The byte a [`DataType`] is encoded as; the lengths follow it.
    pub enum DataTypeTag {
        SmallInt, Integer, BigInt, Decimal, Real, Double, Text, Varchar, Char, Boolean, Date, Time,
        Timestamp, Blob,
    }
}

impl DataType {
    /// The byte this type is encoded as, before its lengths.
    pub const fn tag(self) -> DataTypeTag {
        match self {
            DataType::SmallInt => DataTypeTag::SmallInt,
            DataType::Integer => DataTypeTag::Integer,
            DataType::BigInt => DataTypeTag::BigInt,
            DataType::Decimal { .. } => DataTypeTag::Decimal,
            DataType::Real => DataTypeTag::Real,
            DataType::Double => DataTypeTag::Double,
            DataType::Text => DataTypeTag::Text,
            DataType::Varchar(_) => DataTypeTag::Varchar,
            DataType::Char(_) => DataTypeTag::Char,
            DataType::Boolean => DataTypeTag::Boolean,
            DataType::Date => DataTypeTag::Date,
            DataType::Time => DataTypeTag::Time,
            DataType::Timestamp => DataTypeTag::Timestamp,
            DataType::Blob => DataTypeTag::Blob,
        }
    }
}
