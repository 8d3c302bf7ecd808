//! The SQL that MySQL and SQL Server get where a rule of the renderer meets a limit: a CTE
//! spelled in two ways, parameters past what an engine takes, a recursion only a LIMIT ends,
//! SEARCH keys. Neither engine runs in the test suite, so their text is checked here; every
//! SQL Server rendering must parse with sqlparser's MsSqlDialect.

use cte_runtime::Dialect::{self, MsSql, MySql};
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
        assert_parses_on_mssql(r.sql());
    }
}

/// Parses a SQL Server rendering, its trailing `OPTION (MAXRECURSION n)` checked and cut
/// (sqlparser does not know query hints).
#[track_caller]
fn assert_parses_on_mssql(sql: &str) {
    let statement = match sql.rsplit_once(" OPTION (MAXRECURSION ") {
        Some((statement, hint)) => {
            let levels = hint.strip_suffix(')').and_then(|n| n.parse::<u16>().ok());
            assert!(
                levels.is_some_and(|n| n <= 32767),
                "MAXRECURSION takes 0 to 32767: {sql}"
            );
            statement
        }
        None => sql,
    };
    let parsed =
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::MsSqlDialect {}, statement);
    if let Err(e) = parsed {
        panic!("SQL Server rendering does not parse: {e}\n{sql}");
    }
}

/// `r#b` and `B` are one CTE (PostgreSQL folds `B` to `b`, which `"b"` is): MySQL writes it
/// before the CTE that reads it, and SQL Server's moved CTE is read under its fresh name.
#[test]
fn a_cte_spelled_two_ways_is_one_cte() {
    let q = select! {
        WITH RECURSIVE a(n) AS (SELECT n FROM B), r#b(n) AS (SELECT 1)
        SELECT n FROM a
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "WITH RECURSIVE `b` (n) AS (SELECT 1), a (n) AS (SELECT n FROM B) SELECT n \
                 FROM a",
            ),
            (
                MsSql,
                "WITH [b] (n) AS (SELECT 1), a (n) AS (SELECT n FROM B) SELECT n FROM a",
            ),
        ],
    );
    let q = select! {
        SELECT s.x FROM (WITH r#t AS (SELECT 1 AS x) SELECT x FROM T) s
    };
    assert_renders(
        &q,
        &[(
            MsSql,
            "WITH __cte_h1 AS (SELECT 1 AS x) SELECT s.x FROM (SELECT x FROM __cte_h1 AS T) AS s",
        )],
    );
}
