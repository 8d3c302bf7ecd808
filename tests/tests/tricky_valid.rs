//! Inputs that look like the mistakes the macro rejects, but are valid: they compile, render
//! and return the same rows on every engine.

use cte_runtime::{select, Value};
use cte_tests::{rows, table, values, Db, Table};

/// 1 > 2 > 4, 1 > 3.
fn nodes() -> Vec<Table> {
    vec![
        table!(tree_node(id: Int, parent: Int, name: Text) key(id)).rows([
            values![1, Value::Null, "root"],
            values![2, 1, "a"],
            values![3, 1, "b"],
            values![4, 2, "c"],
        ]),
    ]
}

#[test]
fn contextual_keywords_are_column_names() {
    let mut db = Db::open("tricky_contextual_keywords", &nodes());
    // `set` and `key`, which some engines reserve, are quoted for those (see
    // reserved_words.rs).
    let q = select! {
        WITH RECURSIVE walk(id, depth, path, first, last, cycle, search, value, set, key) AS (
            SELECT id, 0, CAST(name AS TEXT), name, name, 0, 1, id, 0, id
            FROM tree_node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, w.depth + 1, w.path || "/" || n.name, w.first, n.name, w.cycle,
                   w.search, w.value + n.id, w.set + 1, w.key
            FROM tree_node n JOIN walk w ON n.parent = w.id
        )
        SELECT walk.id, walk.depth, walk.path, walk.first, walk.last, walk.value, walk.set,
               walk.key
        FROM walk ORDER BY walk.id
    };
    db.select(&q)
        .expect(rows![
            [1, 0, "root", "root", "root", 1, 0, 1],
            [2, 1, "root/a", "root", "a", 3, 1, 1],
            [3, 1, "root/b", "root", "b", 4, 1, 1],
            [4, 2, "root/a/c", "root", "c", 7, 2, 1],
        ])
        .check();
}

#[test]
fn raw_identifiers_name_ctes_columns_and_tables() {
    let tables = [table!(order(select: Int) key(select)).rows([values![1], values![2]])];
    let mut db = Db::open("tricky_raw_identifiers", &tables);
    let q = select! {
        WITH RECURSIVE r#from(r#select, r#set, r#key) AS (
            SELECT o.r#select, 0, 1 FROM r#order o
            UNION ALL
            SELECT f.r#select, f.r#set + 1, f.r#key FROM r#from f WHERE f.r#set < 1
        )
        SELECT r#from.r#select, r#from.r#set, r#from.r#key FROM r#from ORDER BY 1, 2
    };
    db.select(&q)
        .expect(rows![[1, 0, 1], [1, 1, 1], [2, 0, 1], [2, 1, 1]])
        .check();
}

#[test]
fn recursive_on_a_cte_that_does_not_read_itself() {
    let mut db = Db::open("tricky_recursive_not_recursive", &nodes());
    let q = select! {
        WITH RECURSIVE roots AS (SELECT id, name FROM tree_node WHERE parent IS NULL),
             leaves AS (SELECT n.id FROM tree_node n WHERE NOT EXISTS (SELECT 1 FROM tree_node c WHERE c.parent = n.id))
        SELECT roots.name, count(*) FROM roots, leaves GROUP BY roots.name
    };
    db.select(&q).expect(rows![["root", 2]]).check();
}

#[test]
fn the_same_name_in_separate_nested_scopes() {
    let mut db = Db::open("tricky_same_name_nested", &nodes());
    let q = select! {
        SELECT
            (WITH pick AS (SELECT name FROM tree_node WHERE id = 2) SELECT pick.name FROM pick),
            (WITH pick AS (SELECT name FROM tree_node WHERE id = 3) SELECT pick.name FROM pick)
    };
    db.select(&q).expect(rows![["a", "b"]]).check();
}

#[test]
fn an_inner_cte_shadows_an_outer_one() {
    let mut db = Db::open("tricky_shadowing", &nodes());
    let q = select! {
        WITH pick AS (SELECT id FROM tree_node WHERE id = 1)
        SELECT pick.id, (
            WITH pick AS (SELECT id FROM tree_node WHERE id = 4)
            SELECT pick.id FROM pick
        ) FROM pick
    };
    db.select(&q).expect(rows![[1, 4]]).check();
}

#[test]
fn a_cte_named_like_a_table_it_does_not_read() {
    let tables = [
        table!(employee(id: Int, name: Text, manager_id: Int, salary: Decimal(10, 2)) key(id))
            .rows([
                values![100, "ann", Value::Null, Value::Null],
                values![200, "bo", 100, Value::Null],
            ]),
        table!(staff(id: Int, active: Int) key(id)).rows([
            values![1, 1],
            values![2, 0],
            values![3, 1],
        ]),
    ];
    let mut db = Db::open("tricky_cte_named_like_a_table", &tables);
    // `employee` here is the CTE, which shadows the table of the same name.
    let q = select! {
        WITH employee AS (SELECT id FROM staff WHERE active = 1)
        SELECT employee.id FROM employee ORDER BY employee.id
    };
    db.select(&q).expect(rows![[1], [3]]).check();
}
