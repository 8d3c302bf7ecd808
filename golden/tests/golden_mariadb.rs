//! The SQL MySQL and SQL Server get for the shapes MariaDB 10.11 reads otherwise than
//! PostgreSQL and SQLite (the engine tests are in `tests/tests/fidelity_mariadb.rs`), and the
//! RenderErrors of those it cannot express. Every SQL Server rendering must parse with
//! sqlparser's MsSqlDialect.

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql};

mod golden_support;

use golden_support::assert_renders;

#[test]
fn shadowing_ctes_get_fresh_names() {
    let q = select! {
        WITH value_a AS (SELECT "root" AS n),
        value_b AS (
            WITH value_a AS (SELECT "nesting" AS n)
            SELECT value_a.n FROM value_a
        )
        SELECT value_a.n AS a, value_b.n AS b FROM value_a, value_b
    };
    let mysql = "WITH value_a AS (SELECT 'root' AS n), value_b AS (WITH __cte_s1 AS (SELECT \
                 'nesting' AS n) SELECT value_a.n FROM __cte_s1 AS value_a) SELECT value_a.n AS \
                 a, value_b.n AS b FROM value_a, value_b";
    assert_renders(
        &q,
        &[
            (MySql, mysql),
            (MariaDb, mysql),
            (
                MsSql,
                "WITH value_a AS (SELECT N'root' AS n), __cte_h1 AS (SELECT N'nesting' AS n), \
                 value_b AS (SELECT value_a.n FROM __cte_h1 AS value_a) SELECT value_a.n AS a, \
                 value_b.n AS b FROM value_a, value_b",
            ),
        ],
    );
}

#[test]
fn a_parenthesised_query_with_its_own_with_moves_its_ctes() {
    let q = select! {
        SELECT 1 AS n UNION ALL (WITH x AS (SELECT 2 AS n) SELECT n FROM x ORDER BY n DESC)
    };
    // Its CTEs move into the derived tables that read them (see `moved.rs`).
    let mysql = "SELECT 1 AS n UNION ALL (SELECT n FROM (WITH x AS (SELECT 2 AS n) SELECT * FROM \
                 x) AS x ORDER BY n DESC)";
    assert_renders(
        &q,
        &[
            (MySql, mysql),
            (MariaDb, mysql),
            (
                MsSql,
                "WITH __cte_h1 AS (SELECT 2 AS n) SELECT 1 AS n UNION ALL (SELECT n FROM \
                 __cte_h1 AS x ORDER BY n DESC OFFSET 0 ROWS)",
            ),
        ],
    );
}

#[test]
fn a_nested_with_reading_an_outer_cte_after_insert() {
    let q = select! {
        WITH big AS (SELECT n FROM num WHERE n > 1)
        INSERT INTO slot (n)
        SELECT b.n FROM (WITH doubled AS (SELECT big.n * 2 AS n FROM big) SELECT n FROM doubled) AS b
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "INSERT INTO slot (n) WITH big AS (SELECT n FROM num WHERE n > 1) SELECT b.n \
                 FROM (WITH doubled AS (SELECT big.n * 2 AS n FROM big) SELECT n FROM doubled) \
                 AS b",
            ),
            (
                MariaDb,
                "INSERT INTO slot (n) WITH big AS (SELECT n FROM num WHERE n > 1) SELECT b.n \
                 FROM (WITH doubled AS (SELECT big.n * 2 AS n FROM (WITH __cte_s1 AS (SELECT n \
                 FROM num WHERE n > 1) SELECT * FROM __cte_s1) AS big) SELECT n FROM doubled) \
                 AS b",
            ),
            (
                MsSql,
                "WITH big AS (SELECT n FROM num WHERE n > 1), __cte_h1 AS (SELECT big.n * 2 AS \
                 n FROM big) INSERT INTO slot (n) SELECT b.n FROM (SELECT n FROM __cte_h1 AS \
                 doubled) AS b",
            ),
        ],
    );
}

#[test]
fn a_carried_cte_that_reads_the_query_around_it_is_refused() {
    let q = select! {
        SELECT t.id, (
            WITH mine AS (SELECT t.id AS v)
            SELECT * FROM (WITH again AS (SELECT v FROM mine) SELECT v FROM again) AS a
        ) AS v
        FROM t
    };
    let e = q.render(MariaDb).unwrap_err();
    assert_eq!(
        e.construct(),
        "a WITH inside a subquery reading an outer CTE that reads the query around it"
    );
    assert!(q.render(MySql).is_ok());
}

#[test]
fn values_reading_an_outer_column() {
    let q = select! {
        SELECT num.n FROM num WHERE num.n IN (VALUES (num.n), (3))
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "SELECT num.n FROM num WHERE num.n IN (VALUES ROW(num.n), ROW(3))",
            ),
            (
                MariaDb,
                "SELECT num.n FROM num WHERE num.n IN (SELECT num.n UNION ALL SELECT 3)",
            ),
            (
                MsSql,
                "SELECT num.n FROM num WHERE num.n IN (SELECT * FROM (VALUES (num.n), (3)) AS \
                 __cte_v1 (column1))",
            ),
        ],
    );
}

#[test]
fn text_grown_from_a_values_anchor_is_widened() {
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            VALUES (1, "a") UNION ALL SELECT n + 1, label || "b" FROM s WHERE n < 3
        )
        SELECT n, label FROM s
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "WITH RECURSIVE s (n, label) AS (VALUES ROW(1, CAST('a' AS CHAR(16777216))) \
                 UNION ALL SELECT n + 1, CONCAT(label, 'b') FROM s WHERE n < 3) SELECT /*+ \
                 SET_VAR(cte_max_recursion_depth = 4294967295) */ n, label FROM s",
            ),
            (
                MsSql,
                "WITH s (n, label) AS (SELECT * FROM (VALUES (1, CAST(N'a' AS NVARCHAR(MAX)))) \
                 AS __cte_v1 (n, label) UNION ALL SELECT n + 1, CAST(label AS NVARCHAR(MAX)) + \
                 N'b' FROM s WHERE n < 3) SELECT n, label FROM s OPTION (MAXRECURSION 0)",
            ),
        ],
    );
}

#[test]
fn union_mixed_with_union_all_in_a_recursive_cte() {
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT 1 UNION ALL SELECT 1 UNION SELECT n + 1 FROM s WHERE n < 3
        )
        SELECT n FROM s
    };
    assert_renders(
        &q,
        &[(
            MySql,
            "WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT 1 UNION SELECT n + 1 FROM s \
             WHERE n < 3) SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ n FROM s",
        )],
    );
    // MariaDB takes one kind of UNION between the parts: the anchor is one derived table.
    assert_renders(
        &q,
        &[(
            MariaDb,
            "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE s (n) AS \
             (SELECT * FROM (SELECT 1 UNION ALL SELECT 1) AS __cte_a1 UNION SELECT n + 1 FROM s \
             WHERE n < 3) SELECT n FROM s",
        )],
    );
}
