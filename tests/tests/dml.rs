//! INSERT, UPDATE and DELETE driven by CTEs; each check runs the statement, then compares a
//! follow-up SELECT on every engine.

use cte_runtime::{select, Value};
use cte_tests::{rows, values, Db, Table, Type};

/// acme > acme-eu > acme-fr; bolt > bolt-us; cog.
fn accounts() -> Vec<Table> {
    vec![
        Table::new("account")
            .col("id", Type::Int)
            .col("owner", Type::Text)
            .col("balance", Type::Decimal(10, 2))
            .col("status", Type::Text)
            .col("parent_id", Type::Int)
            .key(&["id"])
            .rows([
                values![1, "acme", "500.00", "open", Value::Null],
                values![2, "acme-eu", "-20.00", "open", 1],
                values![3, "acme-fr", "10.00", "open", 2],
                values![4, "bolt", "-5.00", "open", Value::Null],
                values![5, "bolt-us", "0.00", "open", 4],
                values![6, "cog", "1000.00", "open", Value::Null],
            ]),
        Table::new("vip")
            .col("id", Type::Int)
            .col("owner", Type::Text)
            .key(&["id"]),
        Table::new("slot")
            .col("n", Type::Int)
            .col("label", Type::Text)
            .key(&["n"]),
    ]
}

#[test]
fn insert_select_from_a_cte() {
    let mut db = Db::open("dml_insert_select", &accounts());
    let min = 100;
    let insert = select! {
        WITH rich AS (SELECT id, owner FROM account WHERE balance >= {min})
        INSERT INTO vip (id, owner)
        SELECT id, owner FROM rich
    };
    let then = select! { SELECT id, owner FROM vip ORDER BY id };
    db.statement(&insert, &then)
        .affected(2)
        .expect(rows![[1, "acme"], [6, "cog"]])
        .check();
}

#[test]
fn insert_a_recursive_series() {
    let mut db = Db::open("dml_insert_series", &accounts());
    let insert = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
        INSERT INTO slot (n, label)
        SELECT n, "slot " || CAST(n AS TEXT) FROM s
    };
    let then = select! { SELECT n, label FROM slot ORDER BY n };
    db.statement(&insert, &then)
        .affected(3)
        .expect(rows![[1, "slot 1"], [2, "slot 2"], [3, "slot 3"]])
        .check();
}

#[test]
fn update_where_in_a_cte() {
    let mut db = Db::open("dml_update", &accounts());
    let update = select! {
        WITH overdrawn AS (SELECT id FROM account WHERE balance < 0)
        UPDATE account SET status = "frozen" WHERE id IN (SELECT id FROM overdrawn)
    };
    let then = select! { SELECT id, status FROM account ORDER BY id };
    db.statement(&update, &then)
        .affected(2)
        .expect(rows![
            [1, "open"],
            [2, "frozen"],
            [3, "open"],
            [4, "frozen"],
            [5, "open"],
            [6, "open"],
        ])
        .check();
}

#[test]
fn update_a_subtree_found_by_recursion() {
    let mut db = Db::open("dml_update_subtree", &accounts());
    let root = 2;
    let update = select! {
        WITH RECURSIVE sub(id) AS (
            SELECT id FROM account WHERE id = {root}
            UNION ALL
            SELECT a.id FROM account a JOIN sub s ON a.parent_id = s.id
        )
        UPDATE account SET status = "closed", balance = 0 WHERE id IN (SELECT id FROM sub)
    };
    let then = select! { SELECT id, status, balance FROM account ORDER BY id };
    db.statement(&update, &then)
        .affected(2)
        .expect(rows![
            [1, "open", 500],
            [2, "closed", 0],
            [3, "closed", 0],
            [4, "open", -5],
            [5, "open", 0],
            [6, "open", 1000],
        ])
        .check();
}

#[test]
fn delete_where_in_a_cte() {
    let mut db = Db::open("dml_delete", &accounts());
    let delete = select! {
        WITH empty AS (SELECT id FROM account WHERE balance = 0)
        DELETE FROM account WHERE id IN (SELECT id FROM empty)
    };
    let then = select! { SELECT id FROM account ORDER BY id };
    db.statement(&delete, &then)
        .affected(1)
        .expect(rows![[1], [2], [3], [4], [6]])
        .check();
}

#[test]
fn delete_a_subtree_found_by_recursion() {
    let mut db = Db::open("dml_delete_subtree", &accounts());
    let root = 4;
    let delete = select! {
        WITH RECURSIVE doomed(id) AS (
            SELECT id FROM account WHERE id = {root}
            UNION ALL
            SELECT a.id FROM account a JOIN doomed d ON a.parent_id = d.id
        )
        DELETE FROM account WHERE id IN (SELECT id FROM doomed)
    };
    let then = select! { SELECT id, owner FROM account ORDER BY id };
    db.statement(&delete, &then)
        .affected(2)
        .expect(rows![
            [1, "acme"],
            [2, "acme-eu"],
            [3, "acme-fr"],
            [6, "cog"]
        ])
        .check();
}
