//! The keyword table. Keywords are contextual and case-insensitive: the parser asks "is this
//! word `FROM` here?" and a word it does not ask about stays an identifier.

macro_rules! keywords {
    ($($kw:ident = $text:literal,)*) => {
        /// A DSL keyword, written in upper case in [`Kw::as_str`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Kw {
            $($kw,)*
        }

        /// How many keywords there are.
        const KEYWORDS: usize = [$(Kw::$kw),*].len();

        #[cfg(test)]
        const ALL: [Kw; KEYWORDS] = [$(Kw::$kw),*];

        impl Kw {
            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $(Kw::$kw => $text,)*
                }
            }

            /// The keyword spelled by `word`, in any case. Upper-cases on the stack: this runs
            /// on every word of the input.
            pub(crate) fn lookup(word: &[u8]) -> Option<Kw> {
                const LONGEST: usize = {
                    let texts = [$($text),*];
                    let (mut i, mut longest) = (0, 0);
                    while i < texts.len() {
                        if texts[i].len() > longest {
                            longest = texts[i].len();
                        }
                        i += 1;
                    }
                    longest
                };
                // Keywords are letters only: `parent_id` or `t2` is none of them.
                if !word.iter().all(u8::is_ascii_alphabetic) {
                    return None;
                }
                let mut buf = [0u8; LONGEST];
                let upper = buf.get_mut(..word.len())?;
                upper.copy_from_slice(word);
                upper.make_ascii_uppercase();
                match std::str::from_utf8(upper).ok()? {
                    $($text => Some(Kw::$kw),)*
                    _ => None,
                }
            }
        }
    };
}

keywords! {
    All = "ALL",
    And = "AND",
    As = "AS",
    Asc = "ASC",
    Between = "BETWEEN",
    Breadth = "BREADTH",
    By = "BY",
    Case = "CASE",
    Cast = "CAST",
    Conflict = "CONFLICT",
    Cross = "CROSS",
    Current = "CURRENT",
    Cycle = "CYCLE",
    Default = "DEFAULT",
    Delete = "DELETE",
    Depth = "DEPTH",
    Desc = "DESC",
    Distinct = "DISTINCT",
    Do = "DO",
    Else = "ELSE",
    End = "END",
    Except = "EXCEPT",
    Exists = "EXISTS",
    False = "FALSE",
    Fetch = "FETCH",
    First = "FIRST",
    Following = "FOLLOWING",
    For = "FOR",
    From = "FROM",
    Full = "FULL",
    Group = "GROUP",
    Groups = "GROUPS",
    Having = "HAVING",
    In = "IN",
    Inner = "INNER",
    Insert = "INSERT",
    Intersect = "INTERSECT",
    Into = "INTO",
    Is = "IS",
    Join = "JOIN",
    Last = "LAST",
    Lateral = "LATERAL",
    Left = "LEFT",
    Like = "LIKE",
    Limit = "LIMIT",
    Locked = "LOCKED",
    Materialized = "MATERIALIZED",
    Maxrecursion = "MAXRECURSION",
    Natural = "NATURAL",
    Not = "NOT",
    Nothing = "NOTHING",
    Nowait = "NOWAIT",
    Null = "NULL",
    Nulls = "NULLS",
    Offset = "OFFSET",
    On = "ON",
    Option = "OPTION",
    Or = "OR",
    Order = "ORDER",
    Outer = "OUTER",
    Over = "OVER",
    Partition = "PARTITION",
    Preceding = "PRECEDING",
    Range = "RANGE",
    Recursive = "RECURSIVE",
    Returning = "RETURNING",
    Right = "RIGHT",
    Row = "ROW",
    Rows = "ROWS",
    Search = "SEARCH",
    Select = "SELECT",
    Set = "SET",
    Share = "SHARE",
    Skip = "SKIP",
    Then = "THEN",
    To = "TO",
    True = "TRUE",
    Unbounded = "UNBOUNDED",
    Union = "UNION",
    Update = "UPDATE",
    Using = "USING",
    Values = "VALUES",
    When = "WHEN",
    Where = "WHERE",
    Window = "WINDOW",
    With = "WITH",
}

/// Words that can never be a name (a column, table, CTE or function) without `r#`: they start
/// or continue a clause wherever they appear. `set`, `first`, `depth`, `search`, `cycle` and
/// the like are not here: they are keywords only in the one place the grammar expects them.
pub(crate) const RESERVED_NAMES: &[Kw] = &[
    Kw::All,
    Kw::And,
    Kw::As,
    Kw::Between,
    Kw::Case,
    Kw::Cross,
    Kw::Distinct,
    Kw::Else,
    Kw::End,
    Kw::Except,
    Kw::Fetch,
    Kw::For,
    Kw::From,
    Kw::Full,
    Kw::Group,
    Kw::Having,
    Kw::In,
    Kw::Inner,
    Kw::Intersect,
    Kw::Into,
    Kw::Is,
    Kw::Join,
    Kw::Lateral,
    Kw::Left,
    Kw::Like,
    Kw::Limit,
    Kw::Natural,
    Kw::Not,
    Kw::Offset,
    Kw::On,
    Kw::Or,
    Kw::Order,
    Kw::Outer,
    Kw::Returning,
    Kw::Right,
    Kw::Select,
    Kw::Then,
    Kw::Union,
    Kw::Using,
    Kw::Values,
    Kw::When,
    Kw::Where,
    Kw::Window,
    Kw::With,
];

/// Words that may not be an alias written without `AS` (`FROM t WHERE`, `UPDATE t SET`):
/// the reserved names plus the words that may follow a table or a select item.
pub(crate) const RESERVED_ALIASES: &[Kw] =
    &[Kw::Asc, Kw::Desc, Kw::Over, Kw::Set, Kw::Nulls, Kw::Option];

pub(crate) fn is_reserved_name(kw: Kw) -> bool {
    RESERVED[kw as usize]
}

pub(crate) fn is_reserved_alias(kw: Kw) -> bool {
    RESERVED[kw as usize] || RESERVED_ALIASES.contains(&kw)
}

/// [`RESERVED_NAMES`] indexed by keyword: the parser asks about every name it reads.
const RESERVED: [bool; KEYWORDS] = {
    let mut table = [false; KEYWORDS];
    let mut i = 0;
    while i < RESERVED_NAMES.len() {
        table[RESERVED_NAMES[i] as usize] = true;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::{is_reserved_name, Kw, ALL, RESERVED_NAMES};

    #[test]
    fn every_keyword_is_found_in_any_case() {
        for kw in ALL {
            let text = kw.as_str();
            assert_eq!(Kw::lookup(text.as_bytes()), Some(kw), "{text}");
            let lower = text.to_ascii_lowercase();
            assert_eq!(Kw::lookup(lower.as_bytes()), Some(kw), "{lower}");
            let mixed: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            assert_eq!(Kw::lookup(mixed.as_bytes()), Some(kw), "{mixed}");
            assert_eq!(is_reserved_name(kw), RESERVED_NAMES.contains(&kw), "{text}");
        }
        for word in [
            "",
            "parent_id",
            "t2",
            "selects",
            "sel",
            "maxrecursions",
            "\u{e9}t\u{e9}",
        ] {
            assert_eq!(Kw::lookup(word.as_bytes()), None, "{word}");
        }
    }
}
