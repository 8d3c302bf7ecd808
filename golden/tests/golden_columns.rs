//! The SQL MySQL and SQL Server get for what a query's values and columns are: `||` on
//! numbers, `*` beside other select items, `*` over a join with `USING`, a recursive reference
//! inside a nested WITH. The same shapes run on SQLite, PostgreSQL and MariaDB in
//! `tests/tests/fidelity_columns.rs`; every SQL Server rendering must parse with sqlparser's
//! MsSqlDialect.

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql, Postgres, Sqlite};

mod golden_support;

use golden_support::{assert_refused, assert_renders};

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
fn concatenation_of_parameters() {
    let (s, n, b) = ("a", 7_i64, vec![1_u8]);
    let q = select! { SELECT {s} || id, id || {n}, {b.clone()} || {b} };
    assert_renders(
        &q,
        &[(
            Postgres,
            "SELECT $1 || id, CAST(id AS TEXT) || CAST($2 AS BIGINT), \
             CAST($3 AS BYTEA) || CAST($4 AS BYTEA)",
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

#[test]
fn star_after_other_items() {
    let q = select! {
        WITH c AS (SELECT id FROM pb)
        SELECT 0 AS k, *, p.x FROM pa p JOIN c ON c.id = p.id, (SELECT 7 AS seven) s, db.t
    };
    let mysql = "WITH c AS (SELECT id FROM pb) SELECT 0 AS k, p.*, c.*, s.*, db.t.*, p.x \
                 FROM pa AS p JOIN c ON c.id = p.id, (SELECT 7 AS seven) AS s, db.t";
    assert_renders(
        &q,
        &[
            (MySql, mysql),
            (MariaDb, mysql),
            (
                Postgres,
                "WITH c AS (SELECT id FROM pb) SELECT 0 AS k, *, p.x FROM pa AS p JOIN c ON \
                 c.id = p.id, (SELECT 7 AS seven) AS s, db.t",
            ),
        ],
    );
    // A leading * stays.
    let q = select! { SELECT *, 1 AS k FROM pa };
    assert_renders(&q, &[(MySql, "SELECT *, 1 AS k FROM pa")]);
    let q = select! { SELECT 1 AS k, * FROM pa JOIN pb USING (b) };
    assert_refused(
        &q,
        &[MySql, MariaDb],
        "* after other select items over a JOIN ... USING",
    );
}

#[test]
fn star_over_a_join_with_using() {
    let q = select! { SELECT * FROM pa LEFT JOIN pb USING (b) };
    assert_renders(&q, &[(MySql, "SELECT * FROM pa LEFT JOIN pb USING (b)")]);
    assert_refused(&q, &[Sqlite], "SELECT * over a JOIN ... USING");
    assert_refused(&q, &[MsSql], "JOIN ... USING");
    let q = select! { SELECT * FROM pa RIGHT JOIN pb USING (b) };
    assert_refused(
        &q,
        &[MySql, MariaDb, Sqlite],
        "SELECT * over a JOIN ... USING",
    );
    let q = select! { SELECT * FROM pa JOIN pb USING (b, id) };
    assert_refused(&q, &[MySql, MariaDb], "SELECT * over a JOIN ... USING");
    let q = select! { SELECT pa.*, pb.* FROM pa RIGHT JOIN pb USING (b) };
    assert_renders(
        &q,
        &[(MySql, "SELECT pa.*, pb.* FROM pa RIGHT JOIN pb USING (b)")],
    );
    assert_refused(&q, &[Sqlite], "t.* over a RIGHT or FULL JOIN ... USING");
    assert_refused(&q, &[MsSql], "JOIN ... USING");
    let q = select! { SELECT a FROM t WHERE EXISTS (SELECT * FROM pa RIGHT JOIN pb USING (b)) };
    assert_renders(
        &q,
        &[(
            MySql,
            "SELECT a FROM t WHERE EXISTS (SELECT * FROM pa RIGHT JOIN pb USING (b))",
        )],
    );
}

#[test]
fn recursive_member_with_a_with_of_its_own() {
    let q = select! {
        WITH RECURSIVE t(n) AS (
            SELECT 1
            UNION ALL
            (WITH x(k) AS (SELECT 1) SELECT n + k FROM t, x WHERE n < 3)
        )
        SELECT n FROM t
    };
    let member = "SELECT n + k FROM t, (WITH x (k) AS (SELECT 1) SELECT * FROM x) AS x WHERE n < 3";
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL (WITH x (k) AS (SELECT 1) \
                 SELECT n + k FROM t, x WHERE n < 3)) SELECT n FROM t",
            ),
            (
                MySql,
                &format!(
                    "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL ({member})) SELECT /*+ \
                     SET_VAR(cte_max_recursion_depth = 4294967295) */ n FROM t"
                ),
            ),
            (
                Sqlite,
                &format!("WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL {member}) SELECT n FROM t"),
            ),
            (
                MsSql,
                "WITH __cte_h1 (k) AS (SELECT 1), t (n) AS (SELECT 1 UNION ALL (SELECT n + k \
                 FROM t, __cte_h1 AS x WHERE n < 3)) SELECT n FROM t OPTION (MAXRECURSION 0)",
            ),
        ],
    );
    // A parenthesised SELECT needs no SELECT * FROM (...) around it on SQLite.
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3))
        SELECT n FROM t
    };
    assert_renders(
        &q,
        &[(
            Sqlite,
            "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) \
             SELECT n FROM t",
        )],
    );
    let q = select! {
        WITH x(k) AS (SELECT 100)
        SELECT 1 UNION ALL (WITH z(m) AS (SELECT k FROM x) SELECT m FROM z)
    };
    // MariaDB would not find `x` from a moved CTE's body: one derived table, `x` carried in.
    assert_renders(
        &q,
        &[
            (
                MariaDb,
                "WITH x (k) AS (SELECT 100) SELECT 1 UNION ALL SELECT * FROM (WITH z (m) AS \
                 (SELECT k FROM (WITH __cte_s1 (k) AS (SELECT 100) SELECT * FROM __cte_s1) AS x) \
                 SELECT m FROM z) AS __cte_d2",
            ),
            (
                MySql,
                "WITH x (k) AS (SELECT 100) SELECT 1 UNION ALL (SELECT m FROM (WITH z (m) AS \
                 (SELECT k FROM x) SELECT * FROM z) AS z)",
            ),
        ],
    );
}

#[test]
fn star_after_other_items_in_returning() {
    let q = select! { DELETE FROM pa WHERE id = 2 RETURNING x, * };
    assert_renders(
        &q,
        &[
            (MariaDb, "DELETE FROM pa WHERE id = 2 RETURNING x, pa.*"),
            (Postgres, "DELETE FROM pa WHERE id = 2 RETURNING x, *"),
        ],
    );
}
