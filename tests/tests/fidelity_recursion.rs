//! Recursion depth: runs longer than MariaDB's and MySQL's default limit of 1000 come out
//! whole, and `OPTION (MAXRECURSION n)` means the same everywhere: a recursion deeper than n
//! levels fails the statement, on every engine, instead of MariaDB's silently shorter result.

use cte_runtime::select;
use cte_tests::{rows, table, values, Db, Table, MAXRECURSION_EXCEEDED};

/// 1 -> 2 -> 3 -> 1: a walk without a guard never ends.
fn ring() -> Vec<Table> {
    vec![table!(arc(src: Int, dst: Int) key(src, dst)).rows([
        values![1, 2],
        values![2, 3],
        values![3, 1],
    ])]
}

/// 1500 levels, each adding to a path that ends far longer than the anchor's value.
#[test]
fn recursion_past_a_thousand_levels_with_a_growing_path() {
    let mut db = Db::open("fid_rec_long_path", &[]);
    let q = select! {
        WITH RECURSIVE s(n, path) AS (
            SELECT 1, "1"
            UNION ALL
            SELECT n + 1, path || "," || CAST(n + 1 AS TEXT) FROM s WHERE n < 1500
        )
        SELECT COUNT(*) AS levels, MAX(n) AS top, MAX(LENGTH(path)) AS longest FROM s
    };
    // "1,2,...,1500": 1500 numbers of 1 to 4 digits and 1499 commas.
    let digits: i64 = (1..=1500_i64).map(|n| n.to_string().len() as i64).sum();
    db.select(&q)
        .expect(rows![[1500, 1500, digits + 1499]])
        .check();
}

/// Within its limit the statement returns its rows on every engine, up to level n exactly.
#[test]
fn max_recursion_within_the_limit() {
    let mut db = Db::open("fid_rec_within", &[]);
    // Levels 0 to 5: exactly the limit.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 6)
        SELECT n FROM s ORDER BY n
        OPTION (MAXRECURSION 5)
    };
    db.select(&q)
        .expect(rows![[1], [2], [3], [4], [5], [6]])
        .check();
    // More than MariaDB's default of 1000 iterations, within the statement's own limit.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1200)
        SELECT COUNT(*) AS c, SUM(n) AS total FROM s
        OPTION (MAXRECURSION 1500)
    };
    db.select(&q).expect(rows![[1200, 720_600]]).check();
    // 0 is no limit, as without the clause.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1100)
        SELECT MAX(n) AS top FROM s
        OPTION (MAXRECURSION 0)
    };
    db.select(&q).expect(rows![[1100]]).check();
}

/// One level past the limit fails the statement everywhere: MariaDB would otherwise return
/// the first n levels and a warning.
#[test]
fn max_recursion_exceeded_fails_everywhere() {
    let mut db = Db::open("fid_rec_exceeded", &[]);
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 7)
        SELECT n FROM s ORDER BY n
        OPTION (MAXRECURSION 5)
    };
    db.select(&q)
        .fails_everywhere(MAXRECURSION_EXCEEDED)
        .check();
    // Past a thousand, where MariaDB's own limit would have cut it short silently.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3000)
        SELECT COUNT(*) AS c FROM s
        OPTION (MAXRECURSION 2000)
    };
    db.select(&q)
        .fails_everywhere(MAXRECURSION_EXCEEDED)
        .check();
}

/// A walk around a cycle stops at the limit with an error on every engine, instead of
/// running forever on PostgreSQL and SQLite.
#[test]
fn max_recursion_stops_a_walk_around_a_cycle() {
    let mut db = Db::open("fid_rec_ring", &ring());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT 1, 0
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk AS w JOIN arc e ON e.src = w.node
        )
        SELECT COUNT(*) AS c FROM walk
        OPTION (MAXRECURSION 50)
    };
    db.select(&q)
        .fails_everywhere(MAXRECURSION_EXCEEDED)
        .check();
    // The same walk, guarded by its own condition, stays within the limit.
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT 1, 0
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk AS w JOIN arc e ON e.src = w.node
            WHERE w.hops < 50
        )
        SELECT COUNT(*) AS c, MAX(hops) AS deepest FROM walk
        OPTION (MAXRECURSION 50)
    };
    db.select(&q).expect(rows![[51, 50]]).check();
}

/// Every recursive CTE of the statement is limited: two of them, one read by a third CTE,
/// one without a column list, one with two recursive members.
#[test]
fn max_recursion_limits_every_recursive_cte() {
    let mut db = Db::open("fid_rec_several", &ring());
    let q = select! {
        WITH RECURSIVE
            a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 4),
            b AS (SELECT 10 AS m UNION ALL SELECT b.m + 10 AS m FROM b WHERE b.m < 30),
            c(n, m) AS (SELECT a.n, b.m FROM a JOIN b ON a.n * 10 = b.m)
        SELECT n, m FROM c ORDER BY n
        OPTION (MAXRECURSION 3)
    };
    db.select(&q)
        .expect(rows![[1, 10], [2, 20], [3, 30]])
        .check();
    let q = select! {
        WITH RECURSIVE
            a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 3),
            b(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM b WHERE m < 10)
        SELECT COUNT(*) AS c FROM a, b
        OPTION (MAXRECURSION 3)
    };
    db.select(&q)
        .fails_everywhere(MAXRECURSION_EXCEEDED)
        .check();
    // Two recursive members (one LATERAL term on PostgreSQL): each level counts once.
    let q = select! {
        WITH RECURSIVE near(node, hops) AS (
            SELECT 1, 0
            UNION ALL
            SELECT e.dst, n.hops + 1 FROM near n JOIN arc e ON e.src = n.node WHERE n.hops < 2
            UNION ALL
            SELECT e.src, n.hops + 1 FROM near n JOIN arc e ON e.dst = n.node WHERE n.hops < 2
        )
        SELECT node, MIN(hops) AS hops, COUNT(*) AS walks FROM near GROUP BY node ORDER BY node
        OPTION (MAXRECURSION 2)
    };
    db.select(&q)
        .expect(rows![[1, 0, 3], [2, 1, 2], [3, 1, 2]])
        .check();
}

/// The limit in an INSERT and an UPDATE, where MySQL and MariaDB move the WITH.
#[test]
fn max_recursion_in_data_changes() {
    let tables = [
        table!(num(n: Int) key(n)),
        table!(marked(id: Int, parent: Int, mark: Int) key(id))
            .rows((1..=8).map(|i| values![i, if i == 1 { None } else { Some(i - 1) }, 0])),
    ];
    let mut db = Db::open("fid_rec_dml", &tables);
    let insert = select! {
        INSERT INTO num (n)
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1100)
        SELECT n FROM s
        OPTION (MAXRECURSION 1100)
    };
    let count = select! { SELECT COUNT(*) AS c, MAX(n) AS top FROM num };
    db.statement(&insert, &count)
        .affected(1100)
        .expect(rows![[1100, 1100]])
        .check();
    // The chain 1 <- 2 <- ... <- 8 below node 3 is five levels deep.
    let update = select! {
        WITH RECURSIVE below(id) AS (
            SELECT id FROM marked WHERE id = 3
            UNION ALL
            SELECT n.id FROM marked n JOIN below b ON n.parent = b.id
        )
        UPDATE marked SET mark = 1 WHERE id IN (SELECT id FROM below)
        OPTION (MAXRECURSION 5)
    };
    let marked = select! { SELECT SUM(mark) AS marked FROM marked };
    db.statement(&update, &marked)
        .affected(6)
        .expect(rows![[6]])
        .check();
}
