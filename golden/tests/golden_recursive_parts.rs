//! The parts of a recursive CTE, golden per dialect: an anchor with INTERSECT or EXCEPT (on
//! MariaDB also one mixing UNION and UNION ALL) as one derived table, and several recursive members as one LATERAL term on PostgreSQL. The MySQL
//! and SQL Server texts are parsed too; `recursive_parts.rs` runs the same shapes on SQLite,
//! PostgreSQL and MariaDB.

mod golden_support;

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql, Postgres, Sqlite};
use golden_support::{assert_refused, assert_renders};

#[test]
fn an_anchor_with_intersect_is_one_derived_table() {
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE c (x) AS (SELECT * FROM (SELECT 1 UNION ALL SELECT 2 INTERSECT \
                 SELECT 3) AS __cte_a1 UNION ALL SELECT x + 10 FROM c WHERE x < 20) SELECT x \
                 FROM c",
            ),
            // SQLite reads a chain left to right: the INTERSECT gets parentheses of its own.
            (
                Sqlite,
                "WITH RECURSIVE c (x) AS (SELECT * FROM (SELECT 1 UNION ALL SELECT * FROM \
                 (SELECT 2 INTERSECT SELECT 3)) AS __cte_a1 UNION ALL SELECT x + 10 FROM c \
                 WHERE x < 20) SELECT x FROM c",
            ),
            (
                MySql,
                "WITH RECURSIVE c (x) AS (SELECT * FROM (SELECT 1 UNION ALL SELECT 2 INTERSECT \
                 SELECT 3) AS __cte_a1 UNION ALL SELECT x + 10 FROM c WHERE x < 20) SELECT /*+ \
                 SET_VAR(cte_max_recursion_depth = 4294967295) */ x FROM c",
            ),
            (
                MsSql,
                "WITH c (x) AS (SELECT * FROM (SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3) \
                 AS __cte_a1 UNION ALL SELECT x + 10 FROM c WHERE x < 20) SELECT x FROM c \
                 OPTION (MAXRECURSION 0)",
            ),
        ],
    );
}

#[test]
fn a_values_anchor_with_except() {
    let q = select! {
        WITH RECURSIVE c(x) AS (
            VALUES (1), (2) EXCEPT VALUES (2)
            UNION ALL
            SELECT x + 1 FROM c WHERE x < 3
        )
        SELECT x FROM c
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE c (x) AS (SELECT * FROM (VALUES (1), (2) EXCEPT VALUES (2)) AS \
                 __cte_a1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c",
            ),
            (
                MySql,
                "WITH RECURSIVE c (x) AS (SELECT * FROM (VALUES ROW(1), ROW(2) EXCEPT VALUES \
                 ROW(2)) AS __cte_a1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT /*+ \
                 SET_VAR(cte_max_recursion_depth = 4294967295) */ x FROM c",
            ),
            // SQL Server names a VALUES list's columns in a derived table of its own.
            (
                MsSql,
                "WITH c (x) AS (SELECT * FROM (SELECT * FROM (VALUES (1), (2)) AS __cte_v1 (x) \
                 EXCEPT SELECT * FROM (VALUES (2)) AS __cte_v2 (x)) AS __cte_a3 UNION ALL \
                 SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c OPTION (MAXRECURSION 0)",
            ),
        ],
    );
}

/// SQLAlchemy's non-linear example.
#[test]
fn several_members_are_one_lateral_term_on_postgres() {
    let q = select! {
        WITH RECURSIVE nodes(node) AS (
            SELECT 1 AS node
            UNION
            SELECT edge.r#left AS r#left FROM edge JOIN nodes ON edge.r#right = nodes.node
            UNION
            SELECT edge.r#right AS r#right FROM edge JOIN nodes ON edge.r#left = nodes.node
        )
        SELECT nodes.node FROM nodes
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE nodes (node) AS (SELECT 1 AS node UNION SELECT __cte_m2.* FROM \
                 nodes AS __cte_w1 CROSS JOIN LATERAL (SELECT edge.\"left\" AS \"left\" FROM \
                 edge JOIN (SELECT __cte_w1.*) AS nodes ON edge.\"right\" = nodes.node UNION \
                 SELECT edge.\"right\" AS \"right\" FROM edge JOIN (SELECT __cte_w1.*) AS nodes \
                 ON edge.\"left\" = nodes.node) AS __cte_m2) SELECT nodes.node FROM nodes",
            ),
            (
                MySql,
                "WITH RECURSIVE nodes (node) AS (SELECT 1 AS node UNION SELECT edge.`left` AS \
                 `left` FROM edge JOIN nodes ON edge.`right` = nodes.node UNION SELECT \
                 edge.`right` AS `right` FROM edge JOIN nodes ON edge.`left` = nodes.node) \
                 SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ nodes.node FROM \
                 nodes",
            ),
        ],
    );
    assert_refused(&q, &[MsSql], "UNION (without ALL) in a recursive CTE");

    // An aliased reference with a column list, and a member that reads another table first.
    let q = select! {
        WITH RECURSIVE t(n) AS (
            SELECT 1
            UNION ALL SELECT w.m + 1 FROM t AS w(m) WHERE w.m < 3
            UNION ALL SELECT a.v FROM a JOIN t ON t.n = a.k
        )
        SELECT n FROM t
    };
    assert_renders(
        &q,
        &[(
            Postgres,
            "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT __cte_m2.* FROM t AS __cte_w1 \
             CROSS JOIN LATERAL (SELECT w.m + 1 FROM (SELECT __cte_w1.*) AS w (m) WHERE w.m < 3 \
             UNION ALL SELECT a.v FROM a JOIN (SELECT __cte_w1.*) AS t ON t.n = a.k) AS \
             __cte_m2) SELECT n FROM t",
        )],
    );
}

/// UNION between some members and UNION ALL between others has no single recursive term.
#[test]
fn members_joined_by_both_unions() {
    let q = select! {
        WITH RECURSIVE t(n) AS (
            SELECT 1
            UNION SELECT n + 1 FROM t WHERE n < 3
            UNION ALL SELECT n + 2 FROM t WHERE n < 3
        )
        SELECT n FROM t
    };
    assert_refused(
        &q,
        &[Postgres],
        "several recursive members joined by both UNION and UNION ALL",
    );
    assert_refused(
        &q,
        &[MariaDb],
        "UNION mixed with UNION ALL in a recursive CTE",
    );
    assert_refused(&q, &[MsSql], "UNION (without ALL) in a recursive CTE");
}

/// An anchor that mixes UNION and UNION ALL is one derived table on MariaDB, which takes one
/// kind of UNION between a recursive CTE's parts; the others take the chain as written.
#[test]
fn an_anchor_mixing_union_and_union_all() {
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION SELECT 1 UNION ALL SELECT 2
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c
    };
    assert_renders(
        &q,
        &[
            (
                MariaDb,
                "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE c (x) AS \
                 (SELECT * FROM (SELECT 1 UNION SELECT 1 UNION ALL SELECT 2) AS __cte_a1 UNION \
                 ALL SELECT x + 10 FROM c WHERE x < 20) SELECT x FROM c",
            ),
            (
                MySql,
                "WITH RECURSIVE c (x) AS (SELECT 1 UNION SELECT 1 UNION ALL SELECT 2 UNION ALL \
                 SELECT x + 10 FROM c WHERE x < 20) SELECT /*+ SET_VAR(cte_max_recursion_depth = \
                 4294967295) */ x FROM c",
            ),
        ],
    ); // Where the derived table cannot carry what the CTE needs, the refusal is as before.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION SELECT 1 UNION ALL SELECT 2
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        ) SEARCH DEPTH FIRST BY x SET ord
        SELECT x FROM c ORDER BY ord
    };
    assert_refused(
        &q,
        &[MariaDb],
        "UNION mixed with UNION ALL in a recursive CTE",
    );
}

/// Recursive members joined by both UNION and UNION ALL: SQLite calls it a "circular
/// reference", MariaDB takes one kind throughout, PostgreSQL's single LATERAL term one kind;
/// each refuses it before anything is sent. An anchor that mixes them stays SQLite's own.
#[test]
fn members_joined_by_both_kinds_of_union() {
    let q = select! {
        WITH RECURSIVE c(n) AS (
            SELECT 1
            UNION ALL SELECT n + 1 FROM c WHERE n < 3
            UNION SELECT n + 2 FROM c WHERE n < 3
        )
        SELECT n FROM c
    };
    assert_refused(
        &q,
        &[Sqlite],
        "recursive members joined by both UNION and UNION ALL",
    );
    assert_refused(
        &q,
        &[Postgres],
        "several recursive members joined by both UNION and UNION ALL",
    );
    assert_refused(
        &q,
        &[MariaDb],
        "UNION mixed with UNION ALL in a recursive CTE",
    );
    let anchor_mixes = select! {
        WITH RECURSIVE c(n) AS (
            SELECT 1 UNION SELECT 2 UNION ALL SELECT n + 1 FROM c WHERE n < 3
        )
        SELECT n FROM c
    };
    assert_renders(
        &anchor_mixes,
        &[(
            Sqlite,
            "WITH RECURSIVE c (n) AS (SELECT 1 UNION SELECT 2 UNION ALL SELECT n + 1 FROM c \
             WHERE n < 3) SELECT n FROM c",
        )],
    );
}
