//! The parts of a recursive CTE: an anchor made of several queries joined by UNION, INTERSECT
//! or EXCEPT (one derived table, so that every engine reads its precedence the same way), and
//! several recursive members (one recursive term on PostgreSQL, LATERAL over one reference).

use cte_runtime::Dialect::{self, MariaDb, MsSql, MySql, Postgres};
use cte_runtime::{select, Query};
use cte_tests::{rows, table, values, Db, Table};

/// 1 -> 2 -> 3 -> 1 (a cycle), 4 -> 1, 5 -> 4, 3 -> 6, and apart 7 -> 8; `left` and `right`
/// as in SQLAlchemy's example.
fn graph() -> Vec<Table> {
    vec![
        table!(vertex(id: Int) key(id)).rows((1..=8).map(|i| values![i])),
        table!(pair(id: Int, left: Int, right: Int) key(id)).rows([
            values![1, 1, 2],
            values![2, 2, 3],
            values![3, 3, 1],
            values![4, 4, 1],
            values![5, 5, 4],
            values![6, 3, 6],
            values![7, 7, 8],
        ]),
    ]
}

/// The example: the anchor is `VALUES (1) INTERSECT VALUES (1)`.
#[test]
fn an_intersect_anchor() {
    let mut db = Db::open("parts_intersect_anchor", &graph());
    let q = select! {
        WITH RECURSIVE closure(x) AS (
            VALUES (1) INTERSECT VALUES (1)
            UNION
            SELECT x + 1 FROM closure WHERE x < 5
        )
        SELECT x FROM closure ORDER BY x
    };
    db.select(&q)
        .expect(rows![[1], [2], [3], [4], [5]])
        .refused(MsSql, "UNION (without ALL) in a recursive CTE")
        .check();
}

/// INTERSECT binds tighter than UNION, as on PostgreSQL: `1 UNION ALL (2 INTERSECT 3)` is one
/// row. SQLite reads a chain left to right, where it would be none.
#[test]
fn precedence_inside_the_anchor() {
    let mut db = Db::open("parts_anchor_precedence", &graph());
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c ORDER BY x
    };
    db.select(&q).expect(rows![[1], [11], [21]]).check();
    // Left to right at one level: `(1 UNION 2) EXCEPT 1` is 2. MariaDB refuses UNION mixed
    // with UNION ALL in a recursive CTE's own chain; the anchor's derived table keeps them
    // apart.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION SELECT 2 EXCEPT SELECT 1
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c ORDER BY x
    };
    db.select(&q).expect(rows![[2], [12], [22]]).check();
}

/// An EXCEPT anchor over a table, and a UNION chain anchor, with a member that joins a table.
#[test]
fn except_and_union_anchors_over_tables() {
    let mut db = Db::open("parts_except_anchor", &graph());
    let skip = 2;
    let q = select! {
        WITH RECURSIVE reach(node, hops) AS (
            SELECT id, 0 FROM vertex WHERE id <= 3
            EXCEPT
            SELECT id, 0 FROM vertex WHERE id = {skip}
            UNION ALL
            SELECT e.r#right, r.hops + 1 FROM reach r JOIN pair e ON e.r#left = r.node
            WHERE r.hops < 2
        )
        SELECT node, hops FROM reach ORDER BY hops, node
    };
    db.select(&q)
        .expect(rows![
            [1, 0],
            [3, 0],
            [1, 1],
            [2, 1],
            [6, 1],
            [2, 2],
            [3, 2]
        ])
        .check();
    let q = select! {
        WITH RECURSIVE reach(node) AS (
            SELECT id FROM vertex WHERE id = 5
            UNION
            SELECT id FROM vertex WHERE id = 7
            INTERSECT
            SELECT e.r#left FROM pair e
            UNION
            SELECT e.r#right FROM reach r JOIN pair e ON e.r#left = r.node
        )
        SELECT node FROM reach ORDER BY node
    };
    db.select(&q)
        .expect(rows![[1], [2], [3], [4], [5], [6], [7], [8]])
        .refused(MsSql, "UNION (without ALL) in a recursive CTE")
        .check();
}

/// The recursion limit's hidden level column follows the anchor's derived table.
#[test]
fn a_compound_anchor_with_a_recursion_limit() {
    let mut db = Db::open("parts_anchor_limit", &graph());
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 INTERSECT SELECT 1
            UNION ALL
            SELECT x + 1 FROM c WHERE x < 4
        )
        SELECT x FROM c ORDER BY x
        OPTION (MAXRECURSION 5)
    };
    db.select(&q).expect(rows![[1], [2], [3], [4]]).check();
    // Read under LIMIT, MySQL and MariaDB hold the recursion to their default cap: MariaDB's
    // level column follows the derived table too.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 INTERSECT SELECT 1
            UNION ALL
            SELECT x + 1 FROM c WHERE x < 4
        )
        SELECT x FROM c ORDER BY x LIMIT 2
    };
    db.select(&q).expect(rows![[1], [2]]).check();
}

/// An anchor that mixes UNION and UNION ALL: MariaDB takes one kind of UNION between a
/// recursive CTE's parts, so there the anchor is one derived table, as a compound anchor is;
/// the other engines take the chain as written.
#[test]
fn a_union_anchor_that_mixes_union_and_union_all() {
    let mut db = Db::open("parts_mixed_union_anchor", &graph());
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION SELECT 1 UNION ALL SELECT 2
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c ORDER BY x
    };
    db.select(&q)
        .expect(rows![[1], [2], [11], [12], [21], [22]])
        .check();
    // UNION before the member drops the anchor's repeated row too.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION ALL SELECT 1
            UNION
            SELECT x + 1 FROM c WHERE x < 3
        )
        SELECT x FROM c ORDER BY x
    };
    db.select(&q)
        .expect(rows![[1], [2], [3]])
        .refused(MsSql, "UNION (without ALL) in a recursive CTE")
        .check();
    // Read under LIMIT, MariaDB's level column follows the derived table.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 UNION SELECT 1 UNION ALL SELECT 2
            UNION ALL
            SELECT x + 10 FROM c WHERE x < 20
        )
        SELECT x FROM c ORDER BY x LIMIT 3
    };
    db.select(&q).expect(rows![[1], [2], [11]]).check();
}

/// Casting the anchor's columns would change what INTERSECT compares: where the engine needs a
/// cast, the user writes it.
#[test]
fn a_compound_anchor_whose_column_grows() {
    let mut db = Db::open("parts_anchor_cast", &graph());
    let q = select! {
        WITH RECURSIVE c(s) AS (
            SELECT "a" INTERSECT SELECT "a"
            UNION ALL
            SELECT s || "b" FROM c WHERE s < "abb"
        )
        SELECT s FROM c ORDER BY s
    };
    db.select(&q)
        .expect(rows![["a"], ["ab"], ["abb"]])
        .refused_by(
            &[Postgres, MySql, MariaDb, MsSql],
            "anchor has INTERSECT or EXCEPT and needs its columns cast",
        )
        .check();
    let q = select! {
        WITH RECURSIVE c(s) AS (
            SELECT CAST("a" AS TEXT) INTERSECT SELECT CAST("a" AS TEXT)
            UNION ALL
            SELECT s || "b" FROM c WHERE s < "abb"
        )
        SELECT s FROM c ORDER BY s
    };
    db.select(&q).expect(rows![["a"], ["ab"], ["abb"]]).check();
}

/// SEARCH needs the anchor's items where it is emulated: PostgreSQL's own runs it.
#[test]
fn a_compound_anchor_with_search() {
    let mut db = Db::open("parts_anchor_search", &graph());
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT 1 INTERSECT SELECT 1
            UNION ALL
            SELECT x + 1 FROM c WHERE x < 3
        ) SEARCH DEPTH FIRST BY x SET ord
        SELECT x FROM c ORDER BY ord
    };
    db.select(&q)
        .expect(rows![[1], [2], [3]])
        .refused_by(
            &[Dialect::Sqlite, MySql, MariaDb],
            "SEARCH or CYCLE on a recursive CTE whose anchor has INTERSECT or EXCEPT",
        )
        .refused(MsSql, "SEARCH or CYCLE clause")
        .check();
    // What the refusal suggests: one SELECT over a derived table, whose items SEARCH follows.
    let q = select! {
        WITH RECURSIVE c(x) AS (
            SELECT a.x FROM (SELECT 1 AS x INTERSECT SELECT 1) AS a
            UNION ALL
            SELECT x + 1 FROM c WHERE x < 3
        ) SEARCH DEPTH FIRST BY x SET ord
        SELECT x FROM c ORDER BY ord
    };
    db.select(&q)
        .expect(rows![[1], [2], [3]])
        .refused(MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// SQLAlchemy's non-linear example: two recursive members over an edge table, joined by UNION,
/// which drops a node already found (the graph has a cycle).
#[test]
fn sqlalchemy_non_linear_cte() {
    let mut db = Db::open("parts_non_linear", &graph());
    let q = select! {
        WITH RECURSIVE nodes(node) AS (
            SELECT 1 AS node
            UNION
            SELECT pair.r#left AS r#left FROM pair JOIN nodes ON pair.r#right = nodes.node
            UNION
            SELECT pair.r#right AS r#right FROM pair JOIN nodes ON pair.r#left = nodes.node
        )
        SELECT nodes.node FROM nodes ORDER BY nodes.node
    };
    db.select(&q)
        .expect(rows![[1], [2], [3], [4], [5], [6]])
        .refused(MsSql, "UNION (without ALL) in a recursive CTE")
        .check();
}

/// Members with WHERE, unqualified columns of the CTE, the CTE on either side of a join, a
/// parameter, and a compound anchor: every walk counted (UNION ALL).
#[test]
fn several_members_with_union_all() {
    let mut db = Db::open("parts_several_all", &graph());
    let depth = 2;
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT id, 0 FROM vertex WHERE id = 4 EXCEPT SELECT id, 0 FROM vertex WHERE id = 5
            UNION ALL
            SELECT e.r#right, hops + 1 FROM pair e JOIN walk ON walk.node = e.r#left
            WHERE hops < {depth}
            UNION ALL
            SELECT e.r#left, w.hops + 1 FROM walk AS w, pair AS e
            WHERE e.r#right = w.node AND w.hops < {depth}
            UNION ALL
            SELECT node + 100, hops + 1 FROM walk WHERE hops = 0
        )
        SELECT node, hops, COUNT(*) AS walks FROM walk GROUP BY node, hops ORDER BY hops, node
    };
    db.select(&q)
        .expect(rows![
            [4, 0, 1],
            [1, 1, 1],
            [5, 1, 1],
            [104, 1, 1],
            [2, 2, 1],
            [3, 2, 1],
            [4, 2, 2],
        ])
        .check();
}

/// Several members under PostgreSQL's CYCLE, and under a recursion limit (a level column in
/// each member).
#[test]
fn several_members_with_cycle_and_limit() {
    let mut db = Db::open("parts_several_cycle", &graph());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT 1, 0
            UNION ALL
            SELECT e.r#right, w.hops + 1 FROM walk w JOIN pair e ON e.r#left = w.node
            UNION ALL
            SELECT e.r#left, w.hops + 1 FROM walk w JOIN pair e ON e.r#right = w.node
            WHERE w.node = 1
        ) CYCLE node SET looped USING trail
        SELECT node, hops, looped FROM walk ORDER BY hops, node, looped
    };
    db.select(&q)
        .expect(rows![
            [1, 0, false],
            [2, 1, false],
            [3, 1, false],
            [4, 1, false],
            [1, 2, true],
            [1, 2, true],
            [3, 2, false],
            [6, 2, false],
            [1, 3, true],
            [6, 3, false],
        ])
        .refused(MsSql, "SEARCH or CYCLE clause")
        .check();
    let q = limited();
    db.select(&q)
        .expect(rows![
            [1, 0, 1],
            [2, 1, 1],
            [3, 1, 1],
            [4, 1, 1],
            [1, 2, 3],
            [2, 2, 1],
            [5, 2, 1],
            [6, 2, 1],
        ])
        .check();
}

fn limited() -> Query {
    select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT 1, 0
            UNION ALL
            SELECT e.r#right, w.hops + 1 FROM walk w JOIN pair e ON e.r#left = w.node
            WHERE w.hops < 2 AND e.r#right <> 3
            UNION ALL
            SELECT e.r#left, w.hops + 1 FROM walk w JOIN pair e ON e.r#right = w.node
            WHERE w.hops < 2
        )
        SELECT node, hops, COUNT(*) AS walks FROM walk WHERE hops < 3
        GROUP BY node, hops ORDER BY hops, node
        OPTION (MAXRECURSION 2)
    }
}
