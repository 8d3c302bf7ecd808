//! Trees stored as parent pointers: an org chart and a category tree, walked down and up.

use cte_runtime::{select, Value};
use cte_tests::data::categories;
use cte_tests::{rows, table, values, Db, Table};

/// ada
/// ├── bob
/// │   ├── dee
/// │   │   └── gus
/// │   │       └── hal
/// │   └── eve
/// └── cy
///     └── fay
fn org() -> Vec<Table> {
    vec![
        table!(employee(id: Int, name: Text, manager_id: Int, salary: Decimal(10, 2)) key(id))
            .rows([
                values![1, "ada", Value::Null, "100.00"],
                values![2, "bob", 1, "80.00"],
                values![3, "cy", 1, "75.50"],
                values![4, "dee", 2, "60.00"],
                values![5, "eve", 2, "60.00"],
                values![6, "fay", 3, "50.25"],
                values![7, "gus", 4, "40.00"],
                values![8, "hal", 7, "30.00"],
            ]),
    ]
}

#[test]
fn org_chart_with_depth_and_path() {
    let mut db = Db::open("hier_org_chart", &org());
    let q = select! {
        WITH RECURSIVE org(id, name, depth, path) AS (
            SELECT id, name, 0, CAST(name AS TEXT) FROM employee WHERE manager_id IS NULL
            UNION ALL
            SELECT e.id, e.name, o.depth + 1, o.path || "/" || e.name
            FROM employee e JOIN org o ON e.manager_id = o.id
        )
        SELECT id, depth, path FROM org ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, 0, "ada"],
            [2, 1, "ada/bob"],
            [3, 1, "ada/cy"],
            [4, 2, "ada/bob/dee"],
            [5, 2, "ada/bob/eve"],
            [6, 2, "ada/cy/fay"],
            [7, 3, "ada/bob/dee/gus"],
            [8, 4, "ada/bob/dee/gus/hal"],
        ])
        .check();
}

#[test]
fn descendants_with_parameters_in_anchor_and_recursive_member() {
    let mut db = Db::open("hier_descendants", &org());
    let root = 2;
    let max_depth = 2;
    let q = select! {
        WITH RECURSIVE sub(id, name, depth) AS (
            SELECT id, name, 0 FROM employee WHERE id = {root}
            UNION ALL
            SELECT e.id, e.name, s.depth + 1
            FROM employee e JOIN sub s ON e.manager_id = s.id
            WHERE s.depth < {max_depth}
        )
        SELECT id, name, depth FROM sub ORDER BY depth, id
    };
    db.select(&q)
        .expect(rows![
            [2, "bob", 0],
            [4, "dee", 1],
            [5, "eve", 1],
            [7, "gus", 2]
        ])
        .check();
}

#[test]
fn ancestors_up_to_the_root() {
    let mut db = Db::open("hier_ancestors", &org());
    let leaf = 8_i64;
    let q = select! {
        WITH RECURSIVE up(id, name, manager_id, lvl) AS (
            SELECT id, name, manager_id, 0 FROM employee WHERE id = {leaf}
            UNION ALL
            SELECT e.id, e.name, e.manager_id, u.lvl + 1
            FROM employee e JOIN up u ON e.id = u.manager_id
        )
        SELECT lvl, name FROM up ORDER BY lvl
    };
    db.select(&q)
        .expect(rows![
            [0, "hal"],
            [1, "gus"],
            [2, "dee"],
            [3, "bob"],
            [4, "ada"]
        ])
        .check();
}

#[test]
fn subtree_headcount_and_payroll() {
    let mut db = Db::open("hier_payroll", &org());
    let q = select! {
        WITH RECURSIVE reach(boss, id) AS (
            SELECT id, id FROM employee
            UNION ALL
            SELECT r.boss, e.id FROM reach r JOIN employee e ON e.manager_id = r.id
        )
        SELECT r.boss, COUNT(*) AS headcount, SUM(e.salary) AS payroll
        FROM reach r JOIN employee e ON e.id = r.id
        GROUP BY r.boss
        HAVING COUNT(*) > 1
        ORDER BY r.boss
    };
    db.select(&q)
        .expect(rows![
            [1, 8, 495.75],
            [2, 5, 270],
            [3, 2, 125.75],
            [4, 3, 130],
            [7, 2, 70],
        ])
        .check();
}

#[test]
fn category_tree_with_numeric_path() {
    let mut db = Db::open("hier_category_path", &categories());
    let q = select! {
        WITH RECURSIVE tree(id, name, depth, path) AS (
            SELECT id, name, 1, CAST(id AS TEXT) FROM category WHERE parent_id IS NULL
            UNION ALL
            SELECT c.id, c.name, t.depth + 1, t.path || "." || CAST(c.id AS TEXT)
            FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT path, depth, name FROM tree ORDER BY path
    };
    db.select(&q)
        .expect(rows![
            ["1", 1, "root"],
            ["1.2", 2, "books"],
            ["1.2.4", 3, "fiction"],
            ["1.2.4.6", 4, "fantasy"],
            ["1.2.5", 3, "science"],
            ["1.3", 2, "music"],
            ["1.3.7", 3, "jazz"],
        ])
        .check();
}

#[test]
fn leaf_categories_below_a_node() {
    let mut db = Db::open("hier_leaves", &categories());
    let top = 2;
    let q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id, 0 FROM category WHERE id = {top}
            UNION ALL
            SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT t.id, t.depth FROM tree t
        WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.parent_id = t.id)
        ORDER BY t.id
    };
    db.select(&q).expect(rows![[5, 1], [6, 2]]).check();
}
