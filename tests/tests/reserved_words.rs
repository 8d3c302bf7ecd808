//! Names that some engine reserves, written as plain names: `key` and `set` (MariaDB, SQLite,
//! SQL Server), `rank`, `groups`, `lag`, `row_number` (MySQL 8), `user` (PostgreSQL, SQL Server,
//! where unquoted it reads as the current user), `table`, `top` (SQL Server). The renderer quotes each
//! where the target reserves it, so every engine reads the same columns and returns the same
//! rows; mixed case (`Rank`, `User`) folds as the engine folds an unquoted name.

use cte_runtime::{select, Value};
use cte_tests::{rows, table, values, Db, Table};

/// A table named `user`, whose columns are reserved somewhere.
fn users() -> Vec<Table> {
    vec![table!(user(id: Int, key: Int, set: Text, user: Text, rank: Int, value: Int, level: Int, groups: Int) key(id))
        .rows([
            values![1, 10, "a", "ann", 2, 30, 1, 1],
            values![2, 20, "b", "bob", 1, 50, 2, 1],
            values![3, 30, "c", "cid", 3, 20, 2, 2],
        ])]
}

#[test]
fn reserved_words_name_a_table_and_its_columns() {
    let mut db = Db::open("reserved_table_columns", &users());
    let q = select! {
        SELECT id, key, set, User, Rank, VALUE, level, groups FROM user ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, 10, "a", "ann", 2, 30, 1, 1],
            [2, 20, "b", "bob", 1, 50, 2, 1],
            [3, 30, "c", "cid", 3, 20, 2, 2],
        ])
        .check();
}

#[test]
fn reserved_words_in_cte_column_lists_aliases_and_qualifiers() {
    let mut db = Db::open("reserved_cte_columns", &users());
    let q = select! {
        WITH totals(key, set, rank, user, groups, row_number) AS (
            SELECT u.key, u.set, u.rank, u.user, u.groups, u.id FROM user u
        ),
        table(value) AS (SELECT 1)
        SELECT t.key AS Key, t.set AS set, t.Rank, t.user AS User, table.value AS Table,
               t.row_number
        FROM totals t CROSS JOIN table
        WHERE t.groups = 1
        ORDER BY t.ROW_NUMBER DESC
    };
    db.select(&q)
        .expect(rows![[20, "b", 1, "bob", 1, 2], [10, "a", 2, "ann", 1, 1]])
        .check();
}

#[test]
fn window_functions_named_by_their_own_alias() {
    let mut db = Db::open("reserved_window_aliases", &users());
    let q = select! {
        SELECT key,
               RANK() OVER (ORDER BY value DESC) AS rank,
               ROW_NUMBER() OVER (ORDER BY key) AS row_number,
               LAG(value) OVER (ORDER BY key) AS lag,
               DENSE_RANK() OVER (PARTITION BY groups ORDER BY level) AS Dense_Rank
        FROM user
        ORDER BY rank, key
    };
    db.select(&q)
        .expect(rows![
            [20, 1, 2, 30, 2],
            [10, 2, 1, Value::Null, 1],
            [30, 3, 3, 50, 1],
        ])
        .check();
}

#[test]
fn a_recursive_cte_with_reserved_names() {
    let mut db = Db::open("reserved_recursive", &users());
    let q = select! {
        WITH RECURSIVE groups(level, set, key) AS (
            SELECT 1, 0, 1
            UNION ALL
            SELECT g.level + 1, g.set + g.level, g.key * 2 FROM groups g WHERE g.level < 4
        ),
        key(level, rank) AS (SELECT level, Rank FROM user)
        SELECT groups.level, groups.set, groups.key, COUNT(key.rank) AS rows
        FROM groups LEFT JOIN key ON key.level = groups.level
        GROUP BY groups.level, groups.set, groups.key
        ORDER BY groups.level
    };
    db.select(&q)
        .expect(rows![
            [1, 0, 1, 1],
            [2, 1, 2, 2],
            [3, 3, 4, 0],
            [4, 6, 8, 0]
        ])
        .check();
}

#[test]
fn insert_and_update_reserved_columns() {
    let mut db = Db::open("reserved_dml", &users());
    let then = select! { SELECT id, key, set, user, rank FROM user ORDER BY id };
    let insert = select! {
        WITH extra(id, key, set, user, rank) AS (SELECT 4, 40, "d", "dan", 4)
        INSERT INTO user (id, key, set, user, rank, value, level, groups)
        SELECT id, key, set, user, rank, 0, 0, 0 FROM extra
    };
    db.statement(&insert, &then)
        .affected(1)
        .expect(rows![
            [1, 10, "a", "ann", 2],
            [2, 20, "b", "bob", 1],
            [3, 30, "c", "cid", 3],
            [4, 40, "d", "dan", 4],
        ])
        .check();
    let update = select! {
        WITH top(key) AS (SELECT 20)
        UPDATE user SET set = "z", Rank = rank + 10 WHERE key IN (SELECT key FROM top)
    };
    db.statement(&update, &then)
        .affected(1)
        .expect(rows![
            [1, 10, "a", "ann", 2],
            [2, 20, "z", "bob", 11],
            [3, 30, "c", "cid", 3],
            [4, 40, "d", "dan", 4],
        ])
        .check();
}
