//! A bill of materials: quantities multiplied down the tree of assemblies, and where a part
//! is used, walking up.

use cte_runtime::select;
use cte_tests::{rows, table, values, Db, Table};

/// A bike: 2 wheels, 1 frame, 4 bolts. A wheel: 36 spokes, a rim, a tire, a hub. A hub:
/// 2 bearings, 3 bolts.
fn bike() -> Vec<Table> {
    vec![
        table!(part(id: Int, name: Text, cost: Decimal(10, 2)) key(id)).rows([
            values![1, "bike", "0"],
            values![2, "wheel", "0"],
            values![3, "frame", "40.00"],
            values![4, "spoke", "0.50"],
            values![5, "rim", "12.00"],
            values![6, "tire", "8.25"],
            values![7, "bolt", "0.10"],
            values![8, "hub", "0"],
            values![9, "bearing", "1.75"],
        ]),
        table!(assembly(parent_id: Int, child_id: Int, qty: Int) key(parent_id, child_id)).rows([
            values![1, 2, 2],
            values![1, 3, 1],
            values![1, 7, 4],
            values![2, 4, 36],
            values![2, 5, 1],
            values![2, 6, 1],
            values![2, 8, 1],
            values![8, 9, 2],
            values![8, 7, 3],
        ]),
    ]
}

#[test]
fn exploded_quantities_for_an_order() {
    let mut db = Db::open("bom_explode", &bike());
    let root = 1;
    let bikes = 3;
    let q = select! {
        WITH RECURSIVE need(part_id, qty) AS (
            SELECT child_id, qty * {bikes} FROM assembly WHERE parent_id = {root}
            UNION ALL
            SELECT a.child_id, a.qty * n.qty FROM assembly a JOIN need n ON a.parent_id = n.part_id
        )
        SELECT p.name, SUM(n.qty) AS total
        FROM need n JOIN part p ON p.id = n.part_id
        GROUP BY p.name
        ORDER BY p.name
    };
    db.select(&q)
        .expect(rows![
            ["bearing", 12],
            ["bolt", 30],
            ["frame", 3],
            ["hub", 6],
            ["rim", 6],
            ["spoke", 216],
            ["tire", 6],
            ["wheel", 6],
        ])
        .check();
}

#[test]
fn cost_of_leaf_parts() {
    let mut db = Db::open("bom_leaf_cost", &bike());
    let per_part = select! {
        WITH RECURSIVE need(part_id, qty) AS (
            SELECT child_id, qty FROM assembly WHERE parent_id = 1
            UNION ALL
            SELECT a.child_id, a.qty * n.qty FROM assembly a JOIN need n ON a.parent_id = n.part_id
        )
        SELECT p.name, SUM(n.qty) AS qty, SUM(n.qty * p.cost) AS total_cost
        FROM need n JOIN part p ON p.id = n.part_id
        WHERE NOT EXISTS (SELECT 1 FROM assembly a WHERE a.parent_id = p.id)
        GROUP BY p.name
        ORDER BY total_cost DESC, p.name
    };
    db.select(&per_part)
        .expect(rows![
            ["frame", 1, 40.0],
            ["spoke", 72, 36.0],
            ["rim", 2, 24.0],
            ["tire", 2, 16.5],
            ["bearing", 4, 7.0],
            ["bolt", 10, 1.0],
        ])
        .check();

    let total = select! {
        WITH RECURSIVE need(part_id, qty) AS (
            SELECT child_id, qty FROM assembly WHERE parent_id = 1
            UNION ALL
            SELECT a.child_id, a.qty * n.qty FROM assembly a JOIN need n ON a.parent_id = n.part_id
        ),
        costed AS (
            SELECT n.qty * p.cost AS cost FROM need n JOIN part p ON p.id = n.part_id
        )
        SELECT SUM(cost) AS total FROM costed
    };
    db.select(&total).expect(rows![[124.5]]).check();
}

#[test]
fn where_a_part_is_used() {
    let mut db = Db::open("bom_where_used", &bike());
    let part = 7;
    let q = select! {
        WITH RECURSIVE used(id, lvl) AS (
            SELECT parent_id, 1 FROM assembly WHERE child_id = {part}
            UNION ALL
            SELECT a.parent_id, u.lvl + 1 FROM assembly a JOIN used u ON a.child_id = u.id
        )
        SELECT p.name, MIN(u.lvl) AS first_lvl
        FROM used u JOIN part p ON p.id = u.id
        GROUP BY p.name
        ORDER BY first_lvl, p.name
    };
    db.select(&q)
        .expect(rows![["bike", 1], ["hub", 1], ["wheel", 2]])
        .check();
}
