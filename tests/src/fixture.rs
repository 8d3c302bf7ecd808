//! Test tables, described once and created on every engine.
//!
//! Fixtures are not what is under test, so they are plain SQL strings per engine, generated from
//! one description: names are always quoted (write them in lower case, as the queries fold
//! unquoted names to lower case on PostgreSQL), and rows are inserted with bound parameters.

use cte_runtime::Value;

use crate::engines::Engine;

/// A column type, spelled per engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// TINYINT; SMALLINT on PostgreSQL, which has no smaller integer.
    TinyInt,
    /// SMALLINT (int2 on PostgreSQL).
    SmallInt,
    /// MEDIUMINT on MariaDB; INTEGER elsewhere.
    MediumInt,
    /// INTEGER; INT on MariaDB.
    Int,
    BigInt,
    /// TEXT; VARCHAR(255) on MariaDB, so it can be a key.
    Text,
    /// NUMERIC(p, s); DECIMAL(p, s) on MariaDB; NUMERIC affinity on SQLite.
    Decimal(u8, u8),
    /// DOUBLE PRECISION; DOUBLE on MariaDB; REAL on SQLite.
    Float,
    /// BOOLEAN (TINYINT(1) on MariaDB, an integer on SQLite).
    Bool,
    /// BYTEA; BLOB elsewhere.
    Bytes,
}

impl Type {
    fn spell(self, engine: Engine) -> String {
        match (self, engine) {
            (Type::TinyInt, Engine::Postgres) => "SMALLINT".into(),
            (Type::TinyInt, Engine::MariaDb | Engine::Sqlite) => "TINYINT".into(),
            (Type::SmallInt, _) => "SMALLINT".into(),
            (Type::MediumInt, Engine::MariaDb) => "MEDIUMINT".into(),
            (Type::MediumInt, Engine::Postgres | Engine::Sqlite) => "INTEGER".into(),
            (Type::Int, Engine::MariaDb) => "INT".into(),
            (Type::Int, _) => "INTEGER".into(),
            (Type::BigInt, _) => "BIGINT".into(),
            (Type::Text, Engine::MariaDb) => "VARCHAR(255)".into(),
            (Type::Text, _) => "TEXT".into(),
            (Type::Decimal(p, s), Engine::MariaDb) => format!("DECIMAL({p}, {s})"),
            (Type::Decimal(p, s), _) => format!("NUMERIC({p}, {s})"),
            (Type::Float, Engine::Postgres) => "DOUBLE PRECISION".into(),
            (Type::Float, Engine::MariaDb) => "DOUBLE".into(),
            (Type::Float, Engine::Sqlite) => "REAL".into(),
            (Type::Bool, _) => "BOOLEAN".into(),
            (Type::Bytes, Engine::Postgres) => "BYTEA".into(),
            (Type::Bytes, _) => "BLOB".into(),
        }
    }
}

/// A table to create before the queries run: `Table::new("t").col("id", Type::Int).key("id")`.
#[derive(Debug, Clone)]
pub struct Table {
    name: &'static str,
    columns: Vec<(&'static str, Type)>,
    key: Vec<&'static str>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(name: &'static str) -> Self {
        Table {
            name,
            columns: Vec::new(),
            key: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Adds a nullable column.
    pub fn col(mut self, name: &'static str, ty: Type) -> Self {
        self.columns.push((name, ty));
        self
    }

    /// Sets the primary key.
    pub fn key(mut self, columns: &[&'static str]) -> Self {
        self.key = columns.to_vec();
        self
    }

    /// Adds a row; `values![1, "a", Value::Null]` builds one.
    pub fn row(mut self, values: Vec<Value>) -> Self {
        assert_eq!(
            values.len(),
            self.columns.len(),
            "fixture row for {} has {} values for {} columns",
            self.name,
            values.len(),
            self.columns.len()
        );
        self.rows.push(values);
        self
    }

    /// Adds many rows.
    pub fn rows(self, rows: impl IntoIterator<Item = Vec<Value>>) -> Self {
        rows.into_iter().fold(self, Table::row)
    }

    pub(crate) fn create_sql(&self, engine: Engine) -> String {
        let mut parts: Vec<String> = self
            .columns
            .iter()
            .map(|(name, ty)| format!("{} {}", quote(engine, name), ty.spell(engine)))
            .collect();
        if !self.key.is_empty() {
            let key: Vec<String> = self.key.iter().map(|k| quote(engine, k)).collect();
            parts.push(format!("PRIMARY KEY ({})", key.join(", ")));
        }
        format!(
            "CREATE TABLE {} ({})",
            quote(engine, self.name),
            parts.join(", ")
        )
    }

    /// The table as `tests/schema.sql` holds it: PostgreSQL's spelling, on one line.
    pub(crate) fn schema_sql(&self) -> String {
        format!("{};", self.create_sql(Engine::Postgres))
    }

    pub(crate) fn name(&self) -> &str {
        self.name
    }

    pub(crate) fn insert_sql(&self, engine: Engine) -> String {
        let columns: Vec<String> = self.columns.iter().map(|(n, _)| quote(engine, n)).collect();
        let marks: Vec<String> = (1..=self.columns.len())
            .map(|i| match engine {
                Engine::Postgres => format!("${i}"),
                Engine::MariaDb | Engine::Sqlite => "?".to_owned(),
            })
            .collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(engine, self.name),
            columns.join(", "),
            marks.join(", ")
        )
    }

    pub(crate) fn data(&self) -> &[Vec<Value>] {
        &self.rows
    }
}

/// A table as a `CREATE TABLE` line reads it, `table!(edge(src: Int, dst: Int) key(src, dst))`:
/// [`Table::new`] with each column, typed by a [`Type`] variant, and the key, if any. Rows
/// follow with [`Table::rows`].
#[macro_export]
macro_rules! table {
    ($name:ident($($column:ident: $ty:expr),+ $(,)?) $(key($($key:ident),+))?) => {{
        #[allow(unused_imports)]
        use $crate::Type::*;
        $crate::Table::new(stringify!($name))
            $(.col(stringify!($column), $ty))+
            $(.key(&[$(stringify!($key)),+]))?
    }};
}

/// Fixture row values: `values![1, "it's", Value::Null]`.
#[macro_export]
macro_rules! values {
    ($($v:expr),* $(,)?) => {
        vec![$(::cte_runtime::Value::from($v)),*]
    };
}

pub(crate) fn quote(engine: Engine, name: &str) -> String {
    match engine {
        Engine::MariaDb => format!("`{}`", name.replace('`', "``")),
        Engine::Postgres | Engine::Sqlite => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddl_is_spelled_per_engine() {
        let t = Table::new("item")
            .col("id", Type::Int)
            .col("order", Type::Decimal(10, 2))
            .key(&["id"]);
        assert_eq!(
            t.create_sql(Engine::MariaDb),
            "CREATE TABLE `item` (`id` INT, `order` DECIMAL(10, 2), PRIMARY KEY (`id`))"
        );
        assert_eq!(
            t.insert_sql(Engine::Postgres),
            "INSERT INTO \"item\" (\"id\", \"order\") VALUES ($1, $2)"
        );
    }
}
