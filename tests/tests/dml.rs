//! INSERT, UPDATE and DELETE driven by CTEs; each check runs the statement, then compares a
//! follow-up SELECT on every engine.

use cte_runtime::{select, Dialect, Value};
use cte_tests::{rows, table, values, Db, Table, ALL_BUT_POSTGRES};

/// acme > acme-eu > acme-fr; bolt > bolt-us; cog.
fn accounts() -> Vec<Table> {
    vec![
        table!(account(id: Int, owner: Text, balance: Decimal(10, 2), status: Text, parent_id: Int) key(id))
            .rows([
                values![1, "acme", "500.00", "open", Value::Null],
                values![2, "acme-eu", "-20.00", "open", 1],
                values![3, "acme-fr", "10.00", "open", 2],
                values![4, "bolt", "-5.00", "open", Value::Null],
                values![5, "bolt-us", "0.00", "open", 4],
                values![6, "cog", "1000.00", "open", Value::Null],
            ]),
        table!(vip(id: Int, owner: Text) key(id)),
        table!(slot(n: Int, label: Text) key(n)),
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

/// Parameters both in the CTE and in SET: where the CTE moves into the WHERE subquery (MariaDB),
/// the parameters must follow it.
#[test]
fn update_with_parameters_in_the_cte_and_in_set() {
    let mut db = Db::open("dml_update_param_order", &accounts());
    let limit = 0;
    let state = "watch";
    let update = select! {
        WITH low AS (SELECT id FROM account WHERE balance <= {limit})
        UPDATE account SET status = {state} WHERE id IN (SELECT id FROM low)
    };
    let then = select! { SELECT id, status FROM account ORDER BY id };
    db.statement(&update, &then)
        .affected(3)
        .expect(rows![
            [1, "open"],
            [2, "watch"],
            [3, "open"],
            [4, "watch"],
            [5, "watch"],
            [6, "open"],
        ])
        .check();
}

/// A CTE that reads another CTE, and a CTE read both in SET and in WHERE.
#[test]
fn update_from_chained_ctes() {
    let mut db = Db::open("dml_update_chained", &accounts());
    let bonus = 5;
    let update = select! {
        WITH roots AS (SELECT id FROM account WHERE parent_id IS NULL),
             kids AS (
                 SELECT a.parent_id AS id, COUNT(*) AS n
                 FROM account a JOIN roots r ON a.parent_id = r.id
                 GROUP BY a.parent_id
             )
        UPDATE account
        SET balance = balance + {bonus} * (SELECT k.n FROM kids k WHERE k.id = account.id)
        WHERE id IN (SELECT id FROM kids)
    };
    let then = select! { SELECT id, balance FROM account ORDER BY id };
    db.statement(&update, &then)
        .affected(2)
        .expect(rows![
            [1, 505],
            [2, -20],
            [3, 10],
            [4, 0],
            [5, 0],
            [6, 1000]
        ])
        .check();
}

/// More than 1000 recursive steps in an INSERT: MariaDB must not stop at its default limit.
#[test]
fn insert_a_long_recursive_series() {
    let mut db = Db::open("dml_insert_long", &accounts());
    let insert = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1200)
        INSERT INTO slot (n, label) SELECT n, "s" FROM s
    };
    let then = select! { SELECT COUNT(*) AS cnt, MAX(n) AS top FROM slot };
    db.statement(&insert, &then)
        .affected(1200)
        .expect(rows![[1200, 1200]])
        .check();
}

/// DELETE ... RETURNING driven by a CTE, run as a query: SQL Server has OUTPUT instead.
#[test]
fn delete_returning_rows() {
    let mut db = Db::open("dml_delete_returning", &accounts());
    let delete = select! {
        WITH overdrawn AS (SELECT id FROM account WHERE balance < 0)
        DELETE FROM account WHERE id IN (SELECT id FROM overdrawn)
        RETURNING id, owner
    };
    db.select(&delete)
        .once()
        .expect(rows![[2, "acme-eu"], [4, "bolt"]])
        .refused_by(&[Dialect::MySql, Dialect::MsSql], "RETURNING")
        .check();
    let then = select! { SELECT id FROM account ORDER BY id };
    db.select(&then).expect(rows![[1], [3], [5], [6]]).check();
}

/// A data-modifying CTE moves rows between tables in one statement: PostgreSQL only.
#[test]
fn data_modifying_cte_moves_rows() {
    let mut db = Db::open("dml_data_modifying_cte", &accounts());
    let rich = 600;
    let moved = select! {
        WITH gone AS (
            DELETE FROM account WHERE balance > {rich} RETURNING id, owner
        )
        INSERT INTO vip (id, owner) SELECT id, owner FROM gone
    };
    let then = select! { SELECT id, owner FROM vip ORDER BY id };
    db.statement(&moved, &then)
        .affected(1)
        .expect(rows![[6, "cog"]])
        .refused_by(&ALL_BUT_POSTGRES, "data-modifying")
        .check();
}

/// A CTE with a parameter read twice by the UPDATE: where the CTE is copied into each
/// subquery (MariaDB), its parameter must be bound twice.
#[test]
fn update_reading_a_parameterised_cte_twice() {
    let mut db = Db::open("dml_update_cte_twice", &accounts());
    let limit = -1;
    let update = select! {
        WITH low AS (SELECT id FROM account WHERE balance <= {limit})
        UPDATE account SET status = "review"
        WHERE id IN (SELECT id FROM low) OR parent_id IN (SELECT id FROM low)
    };
    let then = select! { SELECT id, status FROM account ORDER BY id };
    db.statement(&update, &then)
        .affected(4)
        .expect(rows![
            [1, "open"],
            [2, "review"],
            [3, "review"],
            [4, "review"],
            [5, "review"],
            [6, "open"],
        ])
        .check();
}

/// `SET a = b, b = a` swaps on PostgreSQL, SQLite and SQL Server, which read every value from
/// the row before the UPDATE; MySQL and MariaDB assign left to right and would set both to
/// `b`, so they refuse it.
#[test]
fn assignments_read_the_row_before_the_update() {
    let mut db = Db::open("dml_update_swap", &accounts());
    let update = select! { UPDATE account SET owner = status, status = owner WHERE id = 6 };
    let then = select! { SELECT owner, status FROM account WHERE id = 6 };
    db.statement(&update, &then)
        .affected(1)
        .expect(rows![["open", "cog"]])
        .refused_by(
            &[Dialect::MySql, Dialect::MariaDb],
            "UPDATE SET with a value that reads a column set before it",
        )
        .check();
    // Without a read of an earlier column, MariaDB runs it too.
    let update = select! { UPDATE account SET owner = "cog", status = "closed" WHERE id = 6 };
    let then = select! { SELECT owner, status FROM account WHERE id = 6 };
    db.statement(&update, &then)
        .affected(1)
        .expect(rows![["cog", "closed"]])
        .check();
}
