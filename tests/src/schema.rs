//! The suite's schema, `tests/schema.sql`: the `CREATE TABLE` of every fixture table, which
//! `select!` reads (named in `Cargo.toml`) to check names and type rows.
//!
//! Each line is a fixture as [`Table::schema_sql`] writes it, so [`Db::open`](crate::Db::open)
//! requires every table it creates to be a line of the file: a fixture and the schema cannot
//! drift apart. With `CTE_TEST_WRITE_SCHEMA` naming a file, it appends each table's line there
//! instead; `sort -u` of a full run's lines is the schema.

use std::io::Write;

use crate::fixture::Table;

/// The schema the macros read, as this build of the suite was compiled with.
const SCHEMA: &str = include_str!("../schema.sql");

/// Requires each of `tables` to be a line of the schema, or appends it to the file
/// `CTE_TEST_WRITE_SCHEMA` names.
pub(crate) fn agrees(test: &str, tables: &[Table]) {
    if let Some(path) = std::env::var_os("CTE_TEST_WRITE_SCHEMA") {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
        for table in tables {
            // One write per line: tests run in parallel, and appends of one write do not mix.
            file.write_all(format!("{}\n", table.schema_sql()).as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
        }
        return;
    }
    for table in tables {
        let line = table.schema_sql();
        assert!(
            SCHEMA.lines().any(|l| l == line),
            "{test}: the fixture table {} is not in tests/schema.sql, which the queries are \
             checked against; add (or correct) its line there:\n{line}",
            table.name()
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::table;

    #[test]
    fn a_fixture_line_of_the_schema_agrees() {
        super::agrees(
            "schema_agrees",
            &[table!(edge(src: Int, dst: Int, weight: Int) key(src, dst))],
        );
    }

    #[test]
    #[should_panic(expected = "the fixture table edge is not in tests/schema.sql")]
    fn a_fixture_that_differs_from_the_schema_fails() {
        // `edge` is in the schema, with a `weight` column.
        super::agrees(
            "schema_differs",
            &[table!(edge(src: Int, dst: Int) key(src, dst))],
        );
    }
}
