//! The SQL MySQL and SQL Server get for what a query's values and columns are: `||` on
//! numbers, `*` beside other select items, `*` over a join with `USING`, a recursive reference
//! inside a nested WITH. The same shapes run on SQLite, PostgreSQL and MariaDB in
//! `tests/tests/fidelity_columns.rs`; every SQL Server rendering must parse with sqlparser's
//! MsSqlDialect.

use cte_runtime::Dialect::{self, MariaDb, MsSql, MySql, Postgres, Sqlite};
use cte_runtime::{select, Query};

/// Asserts the SQL of each listed dialect, and that SQL Server's parses.
#[track_caller]
fn assert_renders(q: &Query, expected: &[(Dialect, &str)]) {
    for (dialect, sql) in expected {
        match q.render(*dialect) {
            Ok(r) => assert_eq!(r.sql(), *sql, "{dialect}"),
            Err(e) => panic!("{dialect}: {e}"),
        }
    }
    if let Ok(r) = q.render(MsSql) {
        let parsed =
            sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::MsSqlDialect {}, r.sql());
        if let Err(e) = parsed {
            panic!("SQL Server rendering does not parse: {e}\n{}", r.sql());
        }
    }
}

/// Asserts that each of `dialects` refuses `q`, naming `construct`.
#[track_caller]
fn assert_refused(q: &Query, dialects: &[Dialect], construct: &str) {
    for &dialect in dialects {
        match q.render(dialect) {
            Ok(r) => panic!(
                "{dialect}: expected a refusal of {construct}, got {}",
                r.sql()
            ),
            Err(e) => {
                assert_eq!(e.construct(), construct, "{dialect}: {e}");
                assert_eq!(e.dialect(), dialect);
            }
        }
    }
}

#[test]
fn concatenation_of_integers() {
    let q = select! { SELECT id || qty, (id + 1) || "-" || qty, NULL || 1 FROM item };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT CAST(id AS TEXT) || qty, (id + 1) || '-' || qty, \
                 CAST(NULL AS TEXT) || 1 FROM item",
            ),
            (
                Sqlite,
                "SELECT id || qty, (id + 1) || '-' || qty, NULL || 1 FROM item",
            ),
            (
                MySql,
                "SELECT CONCAT(id, qty), CONCAT((id + 1), '-', qty), CONCAT(NULL, 1) FROM item",
            ),
            (
                MsSql,
                "SELECT CAST(id AS NVARCHAR(MAX)) + CAST(qty AS NVARCHAR(MAX)), \
                 CAST((id + 1) AS NVARCHAR(MAX)) + N'-' + CAST(qty AS NVARCHAR(MAX)), \
                 CAST(NULL AS NVARCHAR(MAX)) + CAST(1 AS NVARCHAR(MAX)) FROM item",
            ),
        ],
    );
    // Text on either side: no cast.
    let q = select! { SELECT "#" || id, id || CAST(qty AS VARCHAR(10)) FROM item };
    assert_renders(
        &q,
        &[(
            Postgres,
            "SELECT '#' || id, id || CAST(qty AS VARCHAR(10)) FROM item",
        )],
    );
}

#[test]
fn concatenation_of_booleans_and_fractions() {
    let q = select! { SELECT "x" || TRUE FROM item };
    assert_renders(&q, &[(Postgres, "SELECT 'x' || TRUE FROM item")]);
    assert_refused(
        &q,
        &[MySql, MariaDb, Sqlite, MsSql],
        "a boolean operand of ||",
    );
    let q = select! { SELECT "v" || 1.50 * 2 FROM item };
    assert_renders(
        &q,
        &[
            (MySql, "SELECT CONCAT('v', 1.50 * 2) FROM item"),
            (
                MsSql,
                "SELECT N'v' + CAST(1.50 * 2 AS NVARCHAR(MAX)) FROM item",
            ),
        ],
    );
    assert_refused(&q, &[Sqlite], "a non-integer number as an operand of ||");
    let q = select! { SELECT "v" || AVG(qty) FROM item };
    assert_refused(
        &q,
        &[MySql, MariaDb, Sqlite, MsSql],
        "a non-integer number as an operand of ||",
    );
}
