//! The assertions every golden test file shares: the SQL each dialect gets, the refusals, and
//! the parse checks of the MySQL and SQL Server renderings (neither has an engine in the test
//! suite). Each golden file includes it with `mod golden_support;`.

#![allow(dead_code)] // Each test file uses its own part of it.

use cte_runtime::Dialect::{self, MsSql, MySql};
use cte_runtime::Query;

// The engine suite's MySQL parser (private to its library), with its one narrow workaround,
// shared rather than copied.
#[path = "../../../tests/src/mysql.rs"]
mod mysql;

/// Asserts the SQL of each listed dialect, and that MySQL's and SQL Server's parse.
#[track_caller]
pub fn assert_renders(q: &Query, expected: &[(Dialect, &str)]) {
    for (dialect, sql) in expected {
        match q.render(*dialect) {
            Ok(r) => assert_eq!(r.sql(), *sql, "{dialect}"),
            Err(e) => panic!("{dialect}: {e}"),
        }
    }
    if let Ok(r) = q.render(MySql) {
        assert_parses_on_mysql(r.sql());
    }
    if let Ok(r) = q.render(MsSql) {
        assert_parses_on_mssql(r.sql());
    }
}

/// Parses a MySQL rendering, as the engine tests do. MariaDB's is not parsed here: it uses
/// MariaDB-only syntax (`SET STATEMENT ... FOR`), and the engine tests run it on MariaDB.
#[track_caller]
pub fn assert_parses_on_mysql(sql: &str) {
    if let Err(e) = mysql::parse_mysql(sql) {
        panic!("MySQL rendering does not parse: {e}\n{sql}");
    }
}

/// Asserts that each of `dialects` refuses `q`, naming `construct`.
#[track_caller]
pub fn assert_refused(q: &Query, dialects: &[Dialect], construct: &str) {
    for &dialect in dialects {
        match q.render(dialect) {
            Ok(r) => panic!(
                "{dialect}: expected a refusal of {construct}, got {}",
                r.sql()
            ),
            Err(e) => {
                assert_eq!(e.construct(), construct, "{dialect}: {e}");
                assert_eq!(e.dialect(), dialect);
                assert!(e.to_string().contains(dialect.name()));
            }
        }
    }
}

/// Parses a SQL Server rendering. sqlparser knows neither query hints nor parameters in
/// OFFSET/FETCH (which SQL Server takes): a trailing `OPTION (MAXRECURSION n)` is checked and
/// cut, and a paging parameter becomes a number, before parsing.
#[track_caller]
pub fn assert_parses_on_mssql(sql: &str) {
    let sql = match sql.rsplit_once(" OPTION (MAXRECURSION ") {
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
    assert!(!sql.contains("OPTION ("), "unexpected query hint: {sql}");
    let mut text = sql.to_owned();
    for n in (1..=9).rev() {
        text = text
            .replace(&format!("OFFSET @P{n} ROWS"), "OFFSET 1 ROWS")
            .replace(&format!("FETCH NEXT @P{n} ROWS"), "FETCH NEXT 1 ROWS");
    }
    let parsed = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::MsSqlDialect {}, &text);
    if let Err(e) = parsed {
        panic!("SQL Server rendering does not parse: {e}\n{sql}");
    }
}
