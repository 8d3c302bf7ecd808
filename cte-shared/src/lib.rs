//! What the `cte` macros and `cte-runtime` must decide alike, defined once: when two spellings
//! of a name denote the same object, and which names belong to the renderer.
//!
//! The macro checks a statement's CTE names at compile time (which WITH a name reads, whether a
//! recursive member reads its own CTE); the renderer reads the same names again (which
//! references a rewritten recursive CTE must rename, where a moved CTE goes). Two hand-kept
//! copies of the rule drifted once: the macro took `r#tree` and `TREE` for one CTE, the
//! renderer for two, and a recursion limit was silently not applied.
//!
//! # When two names are the same
//!
//! A name is its text and whether it was written raw (`r#tree`), which the renderer always
//! quotes, as written. The engines resolve names in three ways:
//!
//! - PostgreSQL folds an unquoted name to lower case (ASCII letters only) and takes a quoted
//!   one as written: `TREE` and `"tree"` are one name, `"Tree"` and `tree` two.
//! - SQLite ignores the case of ASCII letters, quoted or not: `"Tree"` and `tree` are one.
//! - MySQL and MariaDB compare CTE names without case, non-ASCII letters included (`Ä` and `ä`
//!   are one), and so does SQL Server under its usual case-insensitive collation.
//!
//! Each way is coarser than the one before it. [`compare_names`] says
//! [`NameMatch::Same`] when even PostgreSQL takes the two for one name (then every engine
//! does), [`NameMatch::Different`] when even MySQL tells them apart (then every engine does),
//! and [`NameMatch::Ambiguous`] in between: `r#Tree` and `tree`, `r#TREE` and `r#tree`, `Ä`
//! and `ä`, which one engine reads as one CTE and another as a CTE and a table. The macro
//! refuses an ambiguous pair of CTE names at compile time, so in a tree it made every pair is
//! the same on every engine or different on every engine, and [`same_name`] (which is
//! PostgreSQL's rule) is the one rule the macro's checks, the renderer and the engines share.
//! The renderer refuses an ambiguous pair in a tree built by hand.
//!
//! # The tree and its encoding
//!
//! [`tree`] holds the leaf enums of the query tree (operators, join kinds, data types, ...),
//! which the macro's syntax tree and the runtime's tree both use, and [`format`](mod@format)
//! the byte tags of the encoding the macros write and the runtime reads: one definition, so
//! the encoder and the decoder cannot disagree on a tag.

use std::hash::Hasher;

pub mod format;
pub mod tree;

/// The types of SQL values the macros infer from a schema (see `cte-macros-core`'s `typing`),
/// which the runtime mirrors as marker types that a `select_as!` field or a `{param}` is
/// checked against (`cte_runtime::__private::sql`). One list, so that the macro never names a
/// marker the runtime lacks: `sql_value_types!(m)` calls `m! { Bool, Int, ... }`, each name
/// with its doc comment.
#[macro_export]
macro_rules! sql_value_types {
    ($callback:ident) => {
        $callback! {
            Bool,
            /// Any signed integer, and unsigned ones up to 32 bits: read as `i64`.
            Int,
            /// MySQL's BIGINT UNSIGNED: read as `u64`.
            UnsignedBig,
            /// An exact decimal (NUMERIC, DECIMAL, MONEY).
            Decimal,
            /// A binary floating-point number, 4 or 8 bytes: read as `f64`.
            Float,
            Text,
            Bytes,
            Date,
            Time,
            Timestamp,
            TimestampTz,
            Uuid,
            Json
        }
    };
}

/// The start of every name the renderer makes up (`__cte_d1`, `__cte_level`, ...). A written
/// name that starts with it, in any case, is refused: it could equal a made-up one.
pub const RESERVED_PREFIX: &str = "__cte_";

/// Whether `name` starts with [`RESERVED_PREFIX`], in any case (`__CTE_x` too: the engines
/// fold it).
pub fn is_reserved(name: &str) -> bool {
    name.as_bytes().first() == Some(&b'_')
        && name
            .get(..RESERVED_PREFIX.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(RESERVED_PREFIX))
}

/// How two spellings of a name compare on the engines; see the crate documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// One name on every engine.
    Same,
    /// One name on some engines and two on others.
    Ambiguous,
    /// Two names on every engine.
    Different,
}

/// Compares two names, each its text and whether it was written raw (quoted).
pub fn compare_names(a: (&str, bool), b: (&str, bool)) -> NameMatch {
    if same_name(a, b) {
        NameMatch::Same
    } else if a.0.eq_ignore_ascii_case(b.0) || fold_unicode(a.0).eq(fold_unicode(b.0)) {
        NameMatch::Ambiguous
    } else {
        NameMatch::Different
    }
}

/// Whether two names, each its text and whether it was written raw, are one name on every
/// engine: PostgreSQL's rule, where an unquoted name folds to lower case and a raw one stays as
/// written. An equivalence, consistent with [`hash_name`].
pub fn same_name(a: (&str, bool), b: (&str, bool)) -> bool {
    a.0.len() == b.0.len()
        && a.0
            .bytes()
            .zip(b.0.bytes())
            .all(|(x, y)| fold_byte(x, a.1) == fold_byte(y, b.1))
}

/// Feeds `name` to `state` so that names that are [`same_name`] hash alike.
pub fn hash_name<H: Hasher>(name: (&str, bool), state: &mut H) {
    for b in name.0.bytes() {
        state.write_u8(fold_byte(b, name.1));
    }
    // As `str` does, so that a name is not a prefix of the next one hashed.
    state.write_u8(0xff);
}

/// A byte of a name as PostgreSQL compares it.
fn fold_byte(b: u8, raw: bool) -> u8 {
    if raw {
        b
    } else {
        b.to_ascii_lowercase()
    }
}

/// A name's letters without case, as MySQL, MariaDB and SQL Server compare CTE names.
fn fold_unicode(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::{compare_names, hash_name, is_reserved, same_name, NameMatch};
    use std::collections::hash_map::DefaultHasher;
    use std::hash::Hasher;

    fn hash(name: (&str, bool)) -> u64 {
        let mut h = DefaultHasher::new();
        hash_name(name, &mut h);
        h.finish()
    }

    #[test]
    fn names_compare_as_every_engine_resolves_them() {
        let cases = [
            // Unquoted names fold on every engine.
            (("tree", false), ("TREE", false), NameMatch::Same),
            // PostgreSQL folds TREE to tree, which "tree" is.
            (("tree", true), ("TREE", false), NameMatch::Same),
            (("tree", true), ("tree", true), NameMatch::Same),
            // PostgreSQL: "Tree" is not tree; SQLite and MySQL: it is.
            (("Tree", true), ("tree", false), NameMatch::Ambiguous),
            (("TREE", true), ("tree", true), NameMatch::Ambiguous),
            // SQLite and PostgreSQL keep non-ASCII case; MySQL and MariaDB fold it.
            (("Ä", false), ("ä", false), NameMatch::Ambiguous),
            (("ä", true), ("ä", false), NameMatch::Same),
            (("tree", false), ("trees", false), NameMatch::Different),
            (("tree", true), ("leaf", false), NameMatch::Different),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare_names(a, b), want, "{a:?} {b:?}");
            assert_eq!(compare_names(b, a), want, "{b:?} {a:?}");
            if want == NameMatch::Same {
                assert!(same_name(a, b));
                assert_eq!(hash(a), hash(b), "{a:?} {b:?}");
            } else {
                assert!(!same_name(a, b));
            }
        }
    }

    #[test]
    fn the_reserved_prefix_is_matched_in_any_case() {
        assert!(is_reserved("__cte_level"));
        assert!(is_reserved("__CTE_x"));
        assert!(!is_reserved("__ct"));
        assert!(!is_reserved("_cte_x"));
        assert!(!is_reserved("é__cte_"));
    }
}
