//! `DELETE FROM t USING s WHERE ...`: PostgreSQL's own form, the multi-table `DELETE t FROM t,
//! s` of MySQL, MariaDB and SQL Server, and `WHERE EXISTS (SELECT 1 FROM s WHERE ...)` on
//! SQLite; each deletes the rows of `t` that some row of the join keeps.

use cte_runtime::{select, Dialect, Value};
use cte_tests::{rows, table, values, Db, Table};

/// Orders and their customers; a customer may have several orders or none.
fn shop() -> Vec<Table> {
    vec![
        table!(customer(id: Int, name: Text, blocked: Int) key(id)).rows([
            values![1, "ada", 0],
            values![2, "bob", 1],
            values![3, "cy", 1],
            values![4, "di", 0],
        ]),
        table!(orders(id: Int, customer_id: Int, total: Int) key(id)).rows([
            values![10, 1, 100],
            values![11, 2, 50],
            values![12, 2, 70],
            values![13, 3, 20],
            values![14, Value::Null, 5],
        ]),
        table!(region(customer_id: Int, code: Text)).rows([
            values![2, "eu"],
            values![3, "us"],
            values![3, "eu"],
        ]),
    ]
}

#[test]
fn delete_the_rows_a_join_keeps() {
    let mut db = Db::open("del_using_join", &shop());
    let delete = select! {
        DELETE FROM orders USING customer WHERE customer.id = orders.customer_id AND customer.blocked = 1
    };
    let then = select! { SELECT id FROM orders ORDER BY id };
    db.statement(&delete, &then)
        .affected(3)
        .expect(rows![[10], [14]])
        .check();
}

/// Several rows of the join for one target row delete it once; aliases on both sides, a join
/// inside USING, and a parameter.
#[test]
fn aliases_joins_and_parameters() {
    let mut db = Db::open("del_using_aliases", &shop());
    let code = "eu";
    let delete = select! {
        DELETE FROM orders AS o
        USING customer AS c JOIN region AS r ON r.customer_id = c.id
        WHERE c.id = o.customer_id AND r.code = {code}
    };
    let then = select! { SELECT id, customer_id FROM orders ORDER BY id };
    db.statement(&delete, &then)
        .affected(3)
        .expect(rows![[10, 1], [14, cte_tests::NULL]])
        .check();
}

/// Without WHERE, USING a non-empty table deletes every row; USING an empty one, none.
#[test]
fn using_without_where() {
    let mut db = Db::open("del_using_no_where", &shop());
    let delete = select! { DELETE FROM region USING customer AS c };
    let then = select! { SELECT COUNT(*) AS n FROM region };
    db.statement(&delete, &then)
        .affected(3)
        .expect(rows![[0]])
        .check();
}

/// The tables of USING may be CTEs, recursive ones included; on MariaDB, which has no WITH
/// before DELETE, they move to where they are read.
#[test]
fn using_a_cte() {
    let mut db = Db::open("del_using_cte", &shop());
    let delete = select! {
        WITH RECURSIVE small(n) AS (SELECT 10 UNION ALL SELECT n + 10 FROM small WHERE n < 50)
        DELETE FROM orders USING small WHERE orders.total = small.n
    };
    let then = select! { SELECT id FROM orders ORDER BY id };
    db.statement(&delete, &then)
        .affected(2)
        .expect(rows![[10], [12], [14]])
        .check();
}

/// RETURNING reads the target's columns where the dialect returns rows from DELETE.
#[test]
fn using_with_returning() {
    let mut db = Db::open("del_using_returning", &shop());
    let delete = select! {
        DELETE FROM orders USING customer
        WHERE customer.id = orders.customer_id AND customer.name = "bob"
        RETURNING orders.id, orders.total
    };
    db.select(&delete)
        .once()
        .expect(rows![[11, 50], [12, 70]])
        .refused_by(&[Dialect::MySql, Dialect::MsSql], "RETURNING")
        .refused(Dialect::MariaDb, "RETURNING on DELETE ... USING")
        .check();
}
