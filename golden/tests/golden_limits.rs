//! The SQL that MySQL and SQL Server get where a rule of the renderer meets a limit: a CTE
//! spelled in two ways, a recursion only a LIMIT ends. Neither engine runs in the test suite,
//! so their text is checked here (parameter caps and SEARCH by text are checked by the engine
//! tests' renderings and `golden.rs`); every SQL Server rendering must parse with sqlparser's
//! MsSqlDialect.

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql};

mod golden_support;

use golden_support::assert_renders;

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

/// A recursion that only a LIMIT ends: MySQL computes it whole before the LIMIT, so it is held
/// to a million levels and fails past them instead of running forever. SQL Server reads it as
/// it goes, as PostgreSQL and SQLite do: no cap. Without a LIMIT or EXISTS, no cap either.
#[test]
fn a_recursion_read_under_a_limit_is_capped_on_mysql() {
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t)
        SELECT n FROM t LIMIT 10
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT /*+ \
                 SET_VAR(cte_max_recursion_depth = 1000001) */ n FROM t LIMIT 10",
            ),
            (
                MsSql,
                "WITH t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t ORDER \
                 BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY OPTION (MAXRECURSION 0)",
            ),
        ],
    );
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5000)
        SELECT MAX(n) AS top FROM t
    };
    assert_renders(
        &q,
        &[(
            MySql,
            "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5000) \
             SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ MAX(n) AS top FROM t",
        )],
    );
    // MariaDB's level column cannot follow a UNION recursion: no cap there, as before.
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 5)
        SELECT n FROM t LIMIT 10
    };
    assert_renders(
        &q,
        &[(
            MariaDb,
            "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE t (n) AS \
             (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t LIMIT 10",
        )],
    );
}
