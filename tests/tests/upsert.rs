//! INSERT ... ON CONFLICT: run on SQLite and PostgreSQL, refused on MariaDB, MySQL and SQL
//! Server without a schema (ON DUPLICATE KEY UPDATE would fire on any unique key; see
//! `drivers/tests/upsert.rs` for the form a schema allows there).

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Engine, Table, ALL_BUT_POSTGRES};

const NO_NATIVE: [Dialect; 3] = [Dialect::MySql, Dialect::MariaDb, Dialect::MsSql];

fn stock() -> Vec<Table> {
    vec![
        table!(t(c1: Int, c2: Int) key(c1)).rows([values![0, 10], values![1, 20], values![2, 30]]),
        table!(item(id: Int, name: Text, qty: Int) key(id))
            .rows([values![1, "bolt", 5], values![2, "nut", 0]]),
        table!(delivery(id: Int, name: Text, qty: Int) key(id))
            .rows([values![2, "nut", 7], values![3, "cog", 4]]),
    ]
}

/// SQLAlchemy's `add_cte` example: a data-modifying CTE before an upsert (PostgreSQL only).
#[test]
fn upsert_after_a_data_modifying_cte() {
    let mut db = Db::open("upsert_after_deletions", &stock());
    let upsert = select! {
        WITH deletions AS (DELETE FROM t WHERE t.c1 < 1)
        INSERT INTO t (c1, c2) VALUES (1, 2)
        ON CONFLICT (c1) DO UPDATE SET c1 = excluded.c1, c2 = excluded.c2
    };
    let then = select! { SELECT c1, c2 FROM t ORDER BY c1 };
    db.statement(&upsert, &then)
        .affected(1)
        .expect(rows![[1, 2], [2, 30]])
        .refused_by(&ALL_BUT_POSTGRES, "data-modifying")
        .check();
}

#[test]
fn upsert_updates_a_conflicting_row_and_inserts_the_others() {
    let mut db = Db::open("upsert_values", &stock());
    let bonus = 100;
    let upsert = select! {
        INSERT INTO t (c1, c2) VALUES (1, 2), (5, 6)
        ON CONFLICT (c1) DO UPDATE SET c2 = excluded.c2 + t.c2 + {bonus}
    };
    let then = select! { SELECT c1, c2 FROM t ORDER BY c1 };
    db.statement(&upsert, &then)
        .affected(2)
        .expect(rows![[0, 10], [1, 122], [2, 30], [5, 6]])
        .refused_by(&NO_NATIVE, "ON CONFLICT")
        .check();
}

#[test]
fn upsert_do_nothing_on_a_conflict_target() {
    let mut db = Db::open("upsert_nothing", &stock());
    let upsert = select! {
        INSERT INTO t (c1, c2) VALUES (2, 0), (3, 40) ON CONFLICT (c1) DO NOTHING
    };
    let then = select! { SELECT c1, c2 FROM t ORDER BY c1 };
    db.statement(&upsert, &then)
        .affected(1)
        .expect(rows![[0, 10], [1, 20], [2, 30], [3, 40]])
        .refused_by(&NO_NATIVE, "ON CONFLICT")
        .check();
}

/// Without a target, DO NOTHING skips a conflict on any unique key, as MariaDB's ON DUPLICATE
/// KEY UPDATE `c1 = c1` does, without a schema too.
#[test]
fn upsert_do_nothing_without_a_target() {
    let mut db = Db::open("upsert_nothing_any_key", &stock());
    let upsert = select! {
        INSERT INTO t (c1, c2) VALUES (2, 0), (4, 50) ON CONFLICT DO NOTHING
    };
    let then = select! { SELECT c1, c2 FROM t ORDER BY c1 };
    db.statement(&upsert, &then)
        .affected(1)
        // MariaDB counts the row it found, and left as it was, as well.
        .affected_on(Engine::MariaDb, 2)
        .expect(rows![[0, 10], [1, 20], [2, 30], [4, 50]])
        .refused_by(&[Dialect::MsSql], "ON CONFLICT")
        .check();
}

/// A SELECT source ending in its FROM clause: SQLite needs a WHERE before ON CONFLICT.
#[test]
fn upsert_from_a_cte_with_a_where_on_the_update() {
    let mut db = Db::open("upsert_select_cte", &stock());
    let upsert = select! {
        WITH incoming AS (SELECT id, name, qty FROM delivery)
        INSERT INTO item (id, name, qty)
        SELECT i.id, i.name, i.qty FROM incoming i JOIN delivery d ON d.id = i.id
        ON CONFLICT (id) DO UPDATE SET qty = item.qty + excluded.qty
        WHERE item.qty = 0
    };
    let then = select! { SELECT id, name, qty FROM item ORDER BY id };
    db.statement(&upsert, &then)
        .affected(2)
        .expect(rows![[1, "bolt", 5], [2, "nut", 7], [3, "cog", 4]])
        .refused_by(&NO_NATIVE, "ON CONFLICT")
        .check();
}

/// RETURNING gives the inserted and the updated rows, not those DO NOTHING skips.
#[test]
fn upsert_returning_rows() {
    let mut db = Db::open("upsert_returning", &stock());
    let upsert = select! {
        INSERT INTO t (c1, c2) VALUES (2, 4), (7, 8)
        ON CONFLICT (c1) DO UPDATE SET c2 = excluded.c2 * 10
        RETURNING c1, c2
    };
    // The rows prove the update: 40 is the proposed 4 times ten.
    db.select(&upsert)
        .once()
        .expect(rows![[2, 40], [7, 8]])
        .refused_by(&NO_NATIVE, "ON CONFLICT")
        .check();
}
