//! `x IN {list}` and `x NOT IN {list}` with Rust lists of every length: empty (IN false, NOT
//! IN true, even for a NULL `x`), one, two, 1,000 and on PostgreSQL 100,000 values; NULLs in
//! the list, text, in a recursive member, in a CTE body, in UPDATE and DELETE. PostgreSQL binds
//! one array, the others a padded run of placeholders.

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql, Sqlite};
use cte_tests::{rows, table, values, Db, Table, NULL};

fn people() -> Vec<Table> {
    vec![
        table!(person(id: Int, name: Text, boss: Int) key(id)).rows([
            values![1, "ada", Option::<i64>::None],
            values![2, "bob", 1],
            values![3, "cy", 1],
            values![4, "di", 2],
            values![5, Option::<&str>::None, 2],
        ]),
    ]
}

#[test]
fn lists_of_zero_one_and_two_values() {
    let mut db = Db::open("list_short", &people());
    let expected = [
        (vec![], rows![], rows![[1], [2], [3], [4], [5]]),
        (vec![3], rows![[3]], rows![[1], [2], [4], [5]]),
        (vec![4, 2], rows![[2], [4]], rows![[1], [3], [5]]),
        // Values that match nothing, repeated, out of order.
        (vec![9, 2, 2, 7, 1], rows![[1], [2]], rows![[3], [4], [5]]),
    ];
    for (ids, found, others) in expected {
        let q = select! { SELECT id FROM person WHERE id IN {&ids} ORDER BY id };
        db.select(&q).expect(found).check();
        let q = select! { SELECT id FROM person WHERE id NOT IN {&ids} ORDER BY id };
        db.select(&q).expect(others).check();
    }
}

/// An empty list compares with no value at all: IN is false and NOT IN true even for NULL,
/// as a subquery without rows is, and as a select item the predicate is a value.
#[test]
fn an_empty_list_is_false_even_for_null() {
    let mut db = Db::open("list_empty_null", &people());
    let none: Vec<&str> = Vec::new();
    let q = select! {
        SELECT id, name IN {&none} AS hit, name NOT IN {&none} AS miss
        FROM person WHERE id >= 4 ORDER BY id
    };
    db.select(&q)
        .expect(rows![[4, false, true], [5, false, true]])
        .check();
    let q = select! { SELECT id FROM person WHERE NOT (name IN {&none}) ORDER BY id };
    db.select(&q).expect(rows![[1], [2], [3], [4], [5]]).check();
}

/// A NULL in the list is SQL's NULL in `IN (...)`: a match is still true, no match is NULL
/// (so NOT IN finds nothing), and a list of only NULLs matches nothing either way.
#[test]
fn nulls_in_a_list_behave_as_in_sql() {
    let mut db = Db::open("list_nulls", &people());
    let with_null = vec![Some(2_i64), None];
    let q = select! {
        SELECT id, id IN {&with_null} AS hit, id NOT IN {&with_null} AS miss
        FROM person ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, NULL, NULL],
            [2, true, false],
            [3, NULL, NULL],
            [4, NULL, NULL],
            [5, NULL, NULL],
        ])
        .check();
    let q = select! { SELECT id FROM person WHERE id NOT IN {&with_null} };
    db.select(&q).expect(rows![]).check();
    let only_nulls: Vec<Option<i64>> = vec![None, None, None];
    let q = select! {
        SELECT id, id IN {&only_nulls} AS hit, id NOT IN {&only_nulls} AS miss
        FROM person WHERE id < 3 ORDER BY id
    };
    db.select(&q)
        .expect(rows![[1, NULL, NULL], [2, NULL, NULL]])
        .check();
    // A NULL value against a list with values: NULL.
    let names = ["ada", "cy"];
    let q = select! {
        SELECT id, name IN {names} AS hit FROM person WHERE id IN {[1_i64, 5]} ORDER BY id
    };
    db.select(&q).expect(rows![[1, true], [5, NULL]]).check();
}

/// Every length from 1 to 9 crosses a padding boundary; each returns exactly its own rows.
#[test]
fn padded_lengths_return_exactly_their_rows() {
    let mut db = Db::open("list_padding", &people());
    for len in 1..=9_i64 {
        let ids: Vec<i64> = (1..=len).collect();
        let q = select! { SELECT COUNT(*) AS n FROM person WHERE id IN {&ids} };
        db.select(&q).expect(rows![[len.min(5)]]).check();
        let q = select! { SELECT COUNT(*) AS n FROM person WHERE id NOT IN {&ids} };
        db.select(&q).expect(rows![[5 - len.min(5)]]).check();
    }
}

/// A thousand values, in the recursive member of a series of 2,000 rows and in the query
/// that reads it.
#[test]
fn a_thousand_values_in_a_recursive_cte() {
    let mut db = Db::open("list_thousand", &[]);
    // Every third number below 3,000: 1,000 values.
    let stops: Vec<i64> = (1..=1000).map(|i| i * 3).collect();
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT 1
            UNION ALL
            SELECT n + 1 FROM s WHERE n < 2000 AND n + 1 NOT IN {&stops}
        )
        SELECT COUNT(*) AS n, MAX(n) AS top FROM s
    };
    // The series stops before the first multiple of 3.
    db.select(&q).expect(rows![[2, 2]]).check();
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000)
        SELECT COUNT(*) AS hits FROM s WHERE n IN {&stops}
    };
    db.select(&q).expect(rows![[666]]).check();
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000)
        SELECT COUNT(*) AS misses FROM s WHERE n NOT IN {&stops}
    };
    db.select(&q).expect(rows![[1334]]).check();
}

/// 100,000 values are one array on PostgreSQL; elsewhere they pass the engine's cap on
/// parameters, which is a `RenderError`, not an engine failure.
#[test]
fn a_hundred_thousand_values_on_postgres() {
    let mut db = Db::open("list_hundred_thousand", &[]);
    let evens: Vec<i64> = (1..=100_000).map(|i| i * 2).collect();
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000)
        SELECT COUNT(*) AS hits FROM s WHERE n IN {&evens}
    };
    db.select(&q)
        .expect(rows![[2500]])
        .refused_by(&[Sqlite, MySql, MariaDb, MsSql], "more than")
        .check();
}

/// Text values, a list in a CTE body, and a list beside other parameters, whose placeholders
/// keep their places around the list's.
#[test]
fn text_lists_in_a_cte_beside_other_parameters() {
    let mut db = Db::open("list_text_cte", &people());
    let names = vec!["bob".to_owned(), "di".to_owned(), "zed".to_owned()];
    let (low, high) = (2_i64, 4_i64);
    let q = select! {
        WITH picked AS (
            SELECT id, name FROM person WHERE id >= {low} AND name IN {&names} AND id <= {high}
        )
        SELECT p.id, p.name, b.name AS boss FROM picked p JOIN person b ON b.id = {low} - 1
        ORDER BY p.id
    };
    db.select(&q)
        .expect(rows![[2, "bob", "ada"], [4, "di", "ada"]])
        .check();
}

#[test]
fn lists_in_update_and_delete() {
    let mut db = Db::open("list_dml", &people());
    let ids = vec![2_i64, 3];
    let update = select! { UPDATE person SET boss = 9 WHERE id IN {&ids} };
    let then = select! { SELECT id, boss FROM person ORDER BY id };
    db.statement(&update, &then)
        .affected(2)
        .expect(rows![[1, NULL], [2, 9], [3, 9], [4, 2], [5, 2]])
        .check();
    let keep = vec![1_i64, 4];
    let delete = select! { DELETE FROM person WHERE id NOT IN {&keep} };
    let then = select! { SELECT id FROM person ORDER BY id };
    db.statement(&delete, &then)
        .affected(3)
        .expect(rows![[1], [4]])
        .check();
}
