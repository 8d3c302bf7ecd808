//! Number series made by recursion: bounds from parameters, long runs, LIMIT and OFFSET.

use cte_runtime::select;
use cte_tests::{rows, table, values, Db, Row, Table};

fn no_tables() -> Vec<Table> {
    Vec::new()
}

#[test]
fn numbers_up_to_a_parameter() {
    let mut db = Db::open("series_to_param", &no_tables());
    let limit = 5;
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT 1
            UNION ALL
            SELECT n + 1 FROM s WHERE n < {limit}
        )
        SELECT n FROM s ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3], [4], [5]]).check();
}

#[test]
fn start_and_step_from_parameters() {
    let mut db = Db::open("series_start_step", &no_tables());
    let (from, step, to) = (10, 5, 30);
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT CAST({from} AS INTEGER)
            UNION ALL
            SELECT n + {step} FROM s WHERE n + {step} <= {to}
        )
        SELECT n, CASE WHEN n % 2 = 0 THEN "even" ELSE "odd" END AS parity FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![
            [10, "even"],
            [15, "odd"],
            [20, "even"],
            [25, "odd"],
            [30, "even"],
        ])
        .check();
}

/// MariaDB stops recursion after `max_recursive_iterations` (1000 by default) and returns
/// what it has, without an error: a longer series must come out whole, or not at all.
#[test]
fn series_longer_than_a_thousand_rows() {
    let mut db = Db::open("series_long", &no_tables());
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT 1
            UNION ALL
            SELECT n + 1 FROM s WHERE n < 1500
        )
        SELECT COUNT(*) AS cnt, SUM(n) AS total, MAX(n) AS top FROM s
    };
    db.select(&q).expect(rows![[1500, 1_125_750, 1500]]).check();
}

#[test]
fn fibonacci() {
    let mut db = Db::open("series_fibonacci", &no_tables());
    let q = select! {
        WITH RECURSIVE fib(i, a, b) AS (
            SELECT 1, 0, 1
            UNION ALL
            SELECT i + 1, b, a + b FROM fib WHERE i < 15
        )
        SELECT i, a FROM fib ORDER BY i
    };
    let expected: Vec<Row> = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
        .iter()
        .enumerate()
        .map(|(i, &a)| rows![[i as i64 + 1, a]].remove(0))
        .collect();
    db.select(&q).expect(expected).check();
}

#[test]
fn limit_and_offset() {
    let mut db = Db::open("series_limit_offset", &no_tables());
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20)
        SELECT n FROM s ORDER BY n DESC LIMIT 3 OFFSET 2
    };
    db.select(&q).expect(rows![[18], [17], [16]]).check();

    let (take, skip) = (2_i64, 5_i64);
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20)
        SELECT n FROM s ORDER BY n LIMIT {take} OFFSET {skip}
    };
    db.select(&q).expect(rows![[6], [7]]).check();
}

#[test]
fn gaps_in_a_sequence() {
    let tickets = table!(ticket(id: Int) key(id)).rows([1, 2, 4, 7, 8, 10].map(|i| values![i]));
    let mut db = Db::open("series_gaps", &[tickets]);
    let q = select! {
        WITH RECURSIVE bounds(lo, hi) AS (
            SELECT MIN(id), MAX(id) FROM ticket
        ),
        s(n) AS (
            SELECT lo FROM bounds
            UNION ALL
            SELECT s.n + 1 FROM s JOIN bounds b ON s.n < b.hi
        )
        SELECT s.n FROM s LEFT JOIN ticket t ON t.id = s.n WHERE t.id IS NULL ORDER BY s.n
    };
    db.select(&q).expect(rows![[3], [5], [6], [9]]).check();
}

/// On MySQL and MariaDB a recursive CTE's column types come from the anchor alone, so a text
/// column that grows in the recursive member would be cut to the anchor's width.
#[test]
fn text_that_grows_in_the_recursive_member() {
    let mut db = Db::open("series_growing_text", &no_tables());
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            SELECT 1, CAST("a" AS TEXT)
            UNION ALL
            SELECT n + 1, label || "b" FROM s WHERE n < 4
        )
        SELECT n, label FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, "a"], [2, "ab"], [3, "abb"], [4, "abbb"]])
        .check();

    // The same without the CAST: the anchor's column is a one-character literal.
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            SELECT 1, "a"
            UNION ALL
            SELECT n + 1, label || "b" FROM s WHERE n < 4
        )
        SELECT n, label FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, "a"], [2, "ab"], [3, "abb"], [4, "abbb"]])
        .check();
}

/// The recursion limit applies wherever the recursive CTE sits, here in a derived table.
#[test]
fn long_recursion_inside_a_subquery() {
    let mut db = Db::open("series_long_nested", &no_tables());
    let q = select! {
        SELECT COUNT(*) AS cnt FROM (
            WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1200)
            SELECT n FROM s
        ) AS t
    };
    db.select(&q).expect(rows![[1200]]).check();
}

/// OFFSET without LIMIT: SQLite and MariaDB need a LIMIT in front of OFFSET.
#[test]
fn offset_without_limit() {
    let mut db = Db::open("series_offset_only", &no_tables());
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 6)
        SELECT n FROM s ORDER BY n OFFSET 3
    };
    db.select(&q).expect(rows![[4], [5], [6]]).check();
}

/// MariaDB refuses LIMIT inside an IN subquery ("doesn't yet support 'LIMIT & IN/ALL/ANY/SOME
/// subquery'"): the rendering must work around it or say so.
#[test]
fn limit_inside_an_in_subquery() {
    let mut db = Db::open("series_limit_in_subquery", &no_tables());
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10)
        SELECT n FROM s WHERE n IN (SELECT n FROM s ORDER BY n DESC LIMIT 3) ORDER BY n
    };
    db.select(&q).expect(rows![[8], [9], [10]]).check();
}
