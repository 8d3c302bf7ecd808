//! The unique keys of a table: its PRIMARY KEY and UNIQUE constraints and unique indexes.
//!
//! MySQL's and MariaDB's upsert, `ON DUPLICATE KEY UPDATE`, fires on a conflict on any unique
//! key, so it stands for `ON CONFLICT (cols)` only when `cols` are the table's one unique key.
//! A key counted that the table lacks only makes the renderer refuse; a key missed would make it
//! write SQL that means something else. So whatever the reader cannot represent exactly (a key
//! on an expression or a prefix, a partial index, a dropped or renamed constraint or column,
//! `LIKE`) makes the table's keys [`Keys::Unknown`].

use super::lex::{Kind, Token};
use super::model::Name;

/// What the schema files say of a table's unique keys.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Keys {
    /// Every unique key, each as its columns.
    Known(Vec<Vec<Name>>),
    /// Something the reader cannot represent touched the keys.
    Unknown,
}

/// What a table constraint or a column definition says of the keys.
pub(super) enum KeyFact {
    /// Not a unique key (a foreign key, a check, a plain index).
    None,
    Key(Vec<Name>),
    Unknown,
}

impl Keys {
    pub(super) fn add(&mut self, fact: KeyFact) {
        match (fact, &mut *self) {
            (KeyFact::None, _) | (_, Keys::Unknown) => {}
            (KeyFact::Key(key), Keys::Known(keys)) => {
                if !keys.iter().any(|k| same_columns(k, &key)) {
                    keys.push(key);
                }
            }
            (KeyFact::Unknown, _) => *self = Keys::Unknown,
        }
    }

    /// Whether `columns` (as the macros write names: text and raw) are exactly the only
    /// unique key; `None` when the keys are unknown.
    pub(crate) fn only(&self, columns: &[(&str, bool)]) -> Option<bool> {
        let Keys::Known(keys) = self else {
            return None;
        };
        let names: Vec<Name> = columns.iter().map(|&(t, q)| Name::new(t, q)).collect();
        Some(matches!(keys.as_slice(), [key] if same_columns(key, &names)))
    }
}

/// Whether two keys have the same columns, in any order.
fn same_columns(a: &[Name], b: &[Name]) -> bool {
    a.len() == b.len()
        && a.iter().all(|x| b.iter().any(|y| y.is(&x.text, x.quoted)))
        && b.iter().all(|y| a.iter().any(|x| x.is(&y.text, y.quoted)))
}

/// A table constraint of a column list or an `ALTER TABLE ... ADD`: `[CONSTRAINT name]
/// PRIMARY KEY [CLUSTERED] (cols)`, `UNIQUE [KEY|INDEX] [name] (cols)`, or another kind.
pub(super) fn of_constraint(tokens: &[Token]) -> KeyFact {
    let words_before_group = tokens.iter().take_while(|t| !t.is_punct('('));
    let mut unique = false;
    for t in words_before_group {
        if t.is("PRIMARY") || t.is("UNIQUE") {
            unique = true;
        } else if t.is("EXCLUDE") || t.is("LIKE") {
            return KeyFact::Unknown;
        }
    }
    if !unique {
        return KeyFact::None;
    }
    let Some(open) = tokens.iter().position(|t| t.is_punct('(')) else {
        return KeyFact::Unknown;
    };
    match plain_names(&tokens[open + 1..]) {
        Some(names) => KeyFact::Key(names),
        None => KeyFact::Unknown,
    }
}

/// The column names of `a, b DESC, ...)`: the key's columns up to its closing parenthesis, or
/// `None` when a part is more than a name (an expression, a prefix length).
pub(super) fn plain_names(tokens: &[Token]) -> Option<Vec<Name>> {
    let mut names = Vec::new();
    let mut expect_name = true;
    for t in tokens {
        match &t.kind {
            Kind::Punct(')') => return (!names.is_empty()).then_some(names),
            Kind::Punct(',') if !expect_name => expect_name = true,
            Kind::Word(w) if expect_name => {
                names.push(Name::new(w.clone(), false));
                expect_name = false;
            }
            Kind::Quoted(q) if expect_name => {
                names.push(Name::new(q.clone(), true));
                expect_name = false;
            }
            Kind::Word(_) if t.is("ASC") || t.is("DESC") => {}
            _ => return None,
        }
    }
    None
}

/// Whether a column definition's constraints make the column a key of its own: `PRIMARY
/// KEY`, `UNIQUE [KEY]`, MySQL's bare `KEY` (outside parentheses, as a CHECK's words are).
pub(super) fn column_is_key(definition: &[Token]) -> bool {
    let mut depth = 0i32;
    definition.iter().skip(1).any(|t| {
        match &t.kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') => depth -= 1,
            _ => {}
        }
        depth == 0 && (t.is("UNIQUE") || t.is("PRIMARY") || t.is("KEY"))
    })
}

#[cfg(test)]
mod tests {
    use super::Keys;
    use crate::schema::from_sql;

    /// Whether `columns` are the only unique key of table `t` after `sql`.
    fn only(sql: &str, columns: &[&str]) -> Option<bool> {
        let schema = from_sql(sql);
        let t = schema
            .relations
            .iter()
            .find(|r| r.name.text == "t")
            .expect("table t");
        let columns: Vec<(&str, bool)> = columns.iter().map(|&c| (c, false)).collect();
        t.keys.only(&columns)
    }

    #[test]
    fn keys_of_columns_and_constraints() {
        assert_eq!(
            only("CREATE TABLE t (a INT PRIMARY KEY, b INT)", &["a"]),
            Some(true)
        );
        assert_eq!(only("CREATE TABLE t (a INT, b INT)", &["a"]), Some(false));
        assert_eq!(
            only("CREATE TABLE t (a INT PRIMARY KEY, b INT UNIQUE)", &["a"]),
            Some(false)
        );
        assert_eq!(
            only(
                "CREATE TABLE t (a INT, b INT, PRIMARY KEY (b, a))",
                &["a", "b"]
            ),
            Some(true)
        );
        assert_eq!(
            only(
                "CREATE TABLE t (a INT NOT NULL, b INT, CONSTRAINT k UNIQUE (a), PRIMARY KEY (a))",
                &["a"]
            ),
            Some(true)
        );
        assert_eq!(
            only(
                "CREATE TABLE t (a INT, b TEXT, UNIQUE KEY k (b(10)))",
                &["a"]
            ),
            None
        );
        // A CHECK's words are no key; a foreign key and a plain index are none either.
        assert_eq!(
            only(
                "CREATE TABLE t (a INT PRIMARY KEY, b INT CHECK (b > 0) REFERENCES u (id), \
                 KEY kb (b))",
                &["a"]
            ),
            Some(true)
        );
    }

    #[test]
    fn keys_of_indexes_and_alterations() {
        let base = "CREATE TABLE t (a INT PRIMARY KEY, b INT);";
        assert_eq!(
            only(&format!("{base} CREATE UNIQUE INDEX tb ON t (b);"), &["a"]),
            Some(false)
        );
        assert_eq!(
            only(&format!("{base} CREATE INDEX tb ON t (b);"), &["a"]),
            Some(true)
        );
        assert_eq!(
            only(
                &format!("{base} CREATE UNIQUE INDEX tb ON t (b) WHERE b > 0;"),
                &["a"]
            ),
            None
        );
        assert_eq!(
            only(
                &format!("{base} CREATE UNIQUE INDEX tb ON t (lower(b));"),
                &["a"]
            ),
            None
        );
        assert_eq!(
            only(
                &format!("{base} ALTER TABLE t ADD CONSTRAINT u UNIQUE (b);"),
                &["a"]
            ),
            Some(false)
        );
        assert_eq!(
            only(
                &format!("{base} ALTER TABLE t ADD COLUMN c INT UNIQUE;"),
                &["a"]
            ),
            Some(false)
        );
        assert_eq!(
            only(&format!("{base} ALTER TABLE t ADD COLUMN c INT;"), &["a"]),
            Some(true)
        );
        assert_eq!(
            only(
                &format!("{base} ALTER TABLE t DROP CONSTRAINT t_pkey;"),
                &["a"]
            ),
            None
        );
        assert_eq!(only(&format!("{base} DROP INDEX tb;"), &["a"]), None);
        let view = from_sql("CREATE TABLE u (a INT PRIMARY KEY); CREATE VIEW t AS SELECT a FROM u");
        assert_eq!(view.relations[1].keys, Keys::Unknown);
    }
}
