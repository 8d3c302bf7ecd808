//! A CTE of a recursive WITH that reads a CTE written after it. PostgreSQL, SQLite and MariaDB
//! take it as written; MySQL and SQL Server get the CTEs reordered (golden text in
//! `tests/golden.rs`), which must not change the rows.

use cte_runtime::select;
use cte_tests::data::categories;
use cte_tests::{rows, Db};

#[test]
fn a_report_over_a_tree_written_after_it() {
    let mut db = Db::open("order_report_first", &categories());
    let (min_depth, root) = (1_i64, 2_i64);
    let q = select! {
        WITH RECURSIVE report(id, depth) AS (
            SELECT t.id, t.depth FROM tree t WHERE t.depth >= {min_depth}
        ),
        tree(id, depth) AS (
            SELECT id, 0 FROM category WHERE id = {root}
            UNION ALL
            SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT r.id, r.depth, c.name FROM report r JOIN category c ON c.id = r.id
        ORDER BY r.id
    };
    db.select(&q)
        .expect(rows![
            [4, 1, "fiction"],
            [5, 1, "science"],
            [6, 2, "fantasy"]
        ])
        .check();
}

#[test]
fn only_the_ctes_that_read_forward_move() {
    let mut db = Db::open("order_partial", &categories());
    let (top, step, bonus) = (3_i64, 1_i64, 100_i64);
    let q = select! {
        WITH RECURSIVE start(id) AS (SELECT id FROM category WHERE id = {top}),
        total(n, bonus) AS (SELECT COUNT(*), {bonus} FROM tree),
        tree(id, depth) AS (
            SELECT id, 0 FROM start
            UNION ALL
            SELECT c.id, t.depth + {step} FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT n + bonus AS n FROM total
    };
    db.select(&q).expect(rows![[102]]).check();
}

#[test]
fn a_forward_reference_inside_a_derived_table() {
    let mut db = Db::open("order_derived", &categories());
    let root = 1_i64;
    let q = select! {
        SELECT d.name, d.depth FROM (
            WITH RECURSIVE named(name, depth) AS (
                SELECT c.name, w.depth FROM walk w JOIN category c ON c.id = w.id
            ),
            walk(id, depth) AS (
                SELECT id, 0 FROM category WHERE id = {root}
                UNION ALL
                SELECT c.id, w.depth + 1 FROM category c JOIN walk w ON c.parent_id = w.id
            )
            SELECT name, depth FROM named
        ) d
        WHERE d.depth = {2}
        ORDER BY d.name
    };
    db.select(&q)
        .expect(rows![["fiction", 2], ["jazz", 2], ["science", 2]])
        .check();
}
