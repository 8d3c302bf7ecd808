//! Walks over a directed graph with a cycle (1 -> 2 -> 3 -> 1), guarded by a path or a depth
//! limit, since CYCLE clauses are not portable.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table};

/// 1 -4-> 2 -1-> 3 -2-> 1, 2 -7-> 4, 3 -2-> 4, 4 -3-> 5, 6 -1-> 5, and apart: 7 -5-> 8.
fn graph() -> Vec<Table> {
    vec![
        table!(node(id: Int, label: Text) key(id))
            .rows((1..=8).map(|i| values![i, format!("n{i}")])),
        table!(edge(src: Int, dst: Int, weight: Int) key(src, dst)).rows([
            values![1, 2, 4],
            values![2, 3, 1],
            values![3, 1, 2],
            values![2, 4, 7],
            values![3, 4, 2],
            values![4, 5, 3],
            values![6, 5, 1],
            values![7, 8, 5],
        ]),
    ]
}

#[test]
fn walk_with_a_path_guard() {
    let mut db = Db::open("graph_path_guard", &graph());
    let start = 1;
    let q = select! {
        WITH RECURSIVE walk(node, path, hops, cost) AS (
            SELECT id, "/" || CAST(id AS TEXT) || "/", 0, 0 FROM node WHERE id = {start}
            UNION ALL
            SELECT e.dst, w.path || CAST(e.dst AS TEXT) || "/", w.hops + 1, w.cost + e.weight
            FROM walk w JOIN edge e ON e.src = w.node
            WHERE w.path NOT LIKE "%/" || CAST(e.dst AS TEXT) || "/%"
        )
        SELECT node, path, hops, cost FROM walk ORDER BY path
    };
    db.select(&q)
        .expect(rows![
            [1, "/1/", 0, 0],
            [2, "/1/2/", 1, 4],
            [3, "/1/2/3/", 2, 5],
            [4, "/1/2/3/4/", 3, 7],
            [5, "/1/2/3/4/5/", 4, 10],
            [4, "/1/2/4/", 2, 11],
            [5, "/1/2/4/5/", 3, 14],
        ])
        .check();
}

#[test]
fn cheapest_cost_within_a_depth_limit() {
    let mut db = Db::open("graph_depth_limit", &graph());
    let start = 1;
    let max_hops = 4;
    let q = select! {
        WITH RECURSIVE walk(node, hops, cost) AS (
            SELECT id, 0, 0 FROM node WHERE id = {start}
            UNION ALL
            SELECT e.dst, w.hops + 1, w.cost + e.weight
            FROM walk w JOIN edge e ON e.src = w.node
            WHERE w.hops < {max_hops}
        )
        SELECT node, MIN(cost) AS best, MIN(hops) AS fewest
        FROM walk GROUP BY node ORDER BY node
    };
    db.select(&q)
        .expect(rows![
            [1, 0, 0],
            [2, 4, 1],
            [3, 5, 2],
            [4, 7, 2],
            [5, 10, 3]
        ])
        .check();
}

#[test]
fn nodes_on_a_cycle() {
    let mut db = Db::open("graph_cycle_members", &graph());
    let max = 6;
    let q = select! {
        WITH RECURSIVE w(start, node, hops) AS (
            SELECT src, dst, 1 FROM edge
            UNION ALL
            SELECT w.start, e.dst, w.hops + 1 FROM w JOIN edge e ON e.src = w.node
            WHERE w.hops < {max}
        )
        SELECT DISTINCT start FROM w WHERE node = start ORDER BY start
    };
    db.select(&q).expect(rows![[1], [2], [3]]).check();
}

#[test]
fn connected_components_of_the_undirected_graph() {
    let mut db = Db::open("graph_components", &graph());
    let q = select! {
        WITH RECURSIVE link(a, b) AS (
            SELECT src, dst FROM edge
            UNION
            SELECT dst, src FROM edge
        ),
        reach(node, comp) AS (
            SELECT id, id FROM node
            UNION
            SELECT l.b, r.comp FROM reach r JOIN link l ON l.a = r.node
        )
        SELECT node, MIN(comp) AS component FROM reach GROUP BY node ORDER BY node
    };
    db.select(&q)
        .expect(rows![
            [1, 1],
            [2, 1],
            [3, 1],
            [4, 1],
            [5, 1],
            [6, 1],
            [7, 7],
            [8, 7],
        ])
        .refused(Dialect::MsSql, "UNION (without ALL) in a recursive CTE")
        .check();
}

#[test]
fn two_recursive_members_walk_both_directions() {
    let mut db = Db::open("graph_two_members", &graph());
    let start = 5;
    let q = select! {
        WITH RECURSIVE near(node, hops) AS (
            SELECT id, 0 FROM node WHERE id = {start}
            UNION
            SELECT e.dst, n.hops + 1 FROM near n JOIN edge e ON e.src = n.node WHERE n.hops < 2
            UNION
            SELECT e.src, n.hops + 1 FROM near n JOIN edge e ON e.dst = n.node WHERE n.hops < 2
        )
        SELECT node, MIN(hops) AS hops FROM near GROUP BY node ORDER BY node
    };
    db.select(&q)
        .expect(rows![[2, 2], [3, 2], [4, 1], [5, 0], [6, 1]])
        .refused(Dialect::MsSql, "UNION (without ALL) in a recursive CTE")
        .check();

    // With UNION ALL, SQL Server takes several recursive members too.
    let q = select! {
        WITH RECURSIVE near(node, hops) AS (
            SELECT id, 0 FROM node WHERE id = {start}
            UNION ALL
            SELECT e.dst, n.hops + 1 FROM near n JOIN edge e ON e.src = n.node WHERE n.hops < 2
            UNION ALL
            SELECT e.src, n.hops + 1 FROM near n JOIN edge e ON e.dst = n.node WHERE n.hops < 2
        )
        SELECT node, MIN(hops) AS hops, COUNT(*) AS walks FROM near GROUP BY node ORDER BY node
    };
    db.select(&q)
        .expect(rows![[2, 2, 1], [3, 2, 1], [4, 1, 1], [5, 0, 3], [6, 1, 1]])
        .check();
}

/// SEARCH DEPTH FIRST: native on PostgreSQL 14+, emulated with a text path on MySQL, MariaDB
/// and SQLite, a RenderError on SQL Server.
#[test]
fn search_depth_first_order() {
    let mut db = Db::open("graph_search_depth", &graph());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT id, 0 FROM node WHERE id = 4
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk w JOIN edge e ON e.src = w.node
        ) SEARCH DEPTH FIRST BY node SET ord
        SELECT node, hops FROM walk ORDER BY ord
    };
    db.select(&q)
        .expect(rows![[4, 0], [5, 1]])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// CYCLE marks the row that closes a cycle and stops there: native on PostgreSQL, emulated on
/// MySQL, MariaDB and SQLite.
#[test]
fn cycle_clause_marks_the_loop() {
    let mut db = Db::open("graph_cycle_clause", &graph());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT id, 0 FROM node WHERE id = 1
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk w JOIN edge e ON e.src = w.node
        ) CYCLE node SET looped USING trail
        SELECT node, hops, looped FROM walk ORDER BY hops, node
    };
    db.select(&q)
        .expect(rows![
            [1, 0, false],
            [2, 1, false],
            [3, 2, false],
            [4, 2, false],
            [1, 3, true],
            [4, 3, false],
            [5, 3, false],
            [5, 4, false],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}
