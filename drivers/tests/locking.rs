//! `FOR UPDATE` and `FOR SHARE`, with `NOWAIT` and `SKIP LOCKED`: the text each dialect gets,
//! and what the locks do, with two sessions on PostgreSQL and on MariaDB: rows one session
//! locked are skipped by `SKIP LOCKED` and refused by `NOWAIT` in the other, until it ends.

mod support;

use cte_runtime::{select, Dialect, Query};
use support::{MARIADB, POSTGRES, SQLITE};

/// The four locking queries, as plain queries: the crate has a schema, so each `select!` has
/// a row type of its own.
fn locking() -> [Query; 4] {
    [
        select! { SELECT id FROM lock_probe WHERE id = 1 FOR UPDATE }.into_query(),
        select! { SELECT id FROM lock_probe ORDER BY id FOR UPDATE SKIP LOCKED }.into_query(),
        select! { SELECT id FROM lock_probe WHERE id = 1 FOR UPDATE NOWAIT }.into_query(),
        select! { SELECT id FROM lock_probe ORDER BY id FOR SHARE SKIP LOCKED }.into_query(),
    ]
}

#[test]
fn each_dialect_spells_the_lock() {
    let [update, skip, nowait, share] = locking();
    let sql = |q: &Query, d| q.render(d).map(|r| r.sql().to_owned());
    for d in [Dialect::Postgres, Dialect::MySql, Dialect::MariaDb] {
        assert!(
            sql(&update, d)
                .unwrap()
                .ends_with("WHERE id = 1 FOR UPDATE"),
            "{d}"
        );
        assert!(
            sql(&skip, d).unwrap().ends_with(" FOR UPDATE SKIP LOCKED"),
            "{d}"
        );
        assert!(
            sql(&nowait, d).unwrap().ends_with(" FOR UPDATE NOWAIT"),
            "{d}"
        );
    }
    assert!(sql(&share, Dialect::Postgres)
        .unwrap()
        .ends_with(" FOR SHARE SKIP LOCKED"));
    assert!(sql(&share, Dialect::MySql)
        .unwrap()
        .ends_with(" FOR SHARE SKIP LOCKED"));
    assert!(sql(&share, Dialect::MariaDb)
        .unwrap()
        .ends_with(" LOCK IN SHARE MODE SKIP LOCKED"));
    for d in [Dialect::Sqlite, Dialect::MsSql] {
        for q in locking() {
            let e = q.render(d).unwrap_err();
            assert_eq!(e.construct(), "FOR UPDATE or FOR SHARE", "{d}");
        }
    }
    assert!(Dialect::Sqlite.name() == SQLITE);
}

/// Session `a` locks row 1; session `b` skips it, is refused it with NOWAIT, and gets it once
/// `a` ends.
#[test]
fn locks_hold_against_another_session_on_postgres() {
    use cte_runtime::postgres::ClientExt;

    let Some(url) = support::url(&POSTGRES) else {
        return;
    };
    let connect = || postgres::Client::connect(&url, postgres::NoTls).expect("PostgreSQL");
    let (mut a, mut b) = (connect(), connect());
    a.batch_execute(
        "DROP TABLE IF EXISTS lock_probe; \
         CREATE TABLE lock_probe (id INTEGER NOT NULL PRIMARY KEY, note TEXT); \
         INSERT INTO lock_probe VALUES (1, 'a'), (2, 'b'), (3, 'c')",
    )
    .expect("fixture");
    let [update, skip, nowait, share] = locking();
    let ids = |rows: Vec<postgres::Row>| rows.iter().map(|r| r.get(0)).collect::<Vec<i32>>();
    let mut tx = a.transaction().expect("a transaction");
    assert_eq!(ids(tx.cte_query(&update).expect("locked")), [1]);
    assert_eq!(ids(b.cte_query(&skip).expect("skips")), [2, 3]);
    assert_eq!(ids(b.cte_query(&share).expect("skips")), [2, 3]);
    let refused = b.cte_query(&nowait).unwrap_err().to_string();
    assert!(refused.contains("could not obtain lock"), "{refused}");
    tx.rollback().expect("rollback");
    assert_eq!(ids(b.cte_query(&nowait).expect("free again")), [1]);
    a.batch_execute("DROP TABLE lock_probe").expect("cleanup");
    support::record_run(
        POSTGRES.name,
        "locks_hold_against_another_session_on_postgres",
    );
}

#[test]
fn locks_hold_against_another_session_on_mariadb() {
    use cte_runtime::mysql::QueryableExt;
    use mysql::prelude::Queryable;

    let (Some(mut a), Some(mut b)) = (support::mariadb(), support::mariadb()) else {
        return;
    };
    a.query_drop(
        "CREATE OR REPLACE TABLE lock_probe (id INTEGER NOT NULL PRIMARY KEY, note TEXT) \
         ENGINE = InnoDB",
    )
    .expect("fixture");
    a.query_drop("INSERT INTO lock_probe VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        .expect("rows");
    let d = Dialect::MariaDb;
    let [update, skip, nowait, share] = locking();
    a.query_drop("START TRANSACTION").expect("a transaction");
    assert_eq!(a.cte_exec::<i64>(&update, d).expect("locked"), [1]);
    assert_eq!(b.cte_exec::<i64>(&skip, d).expect("skips"), [2, 3]);
    assert_eq!(b.cte_exec::<i64>(&share, d).expect("skips"), [2, 3]);
    let refused = b.cte_exec::<i64>(&nowait, d).unwrap_err().to_string();
    assert!(refused.to_lowercase().contains("lock"), "{refused}");
    a.query_drop("ROLLBACK").expect("rollback");
    assert_eq!(b.cte_exec::<i64>(&nowait, d).expect("free again"), [1]);
    a.query_drop("DROP TABLE lock_probe").expect("cleanup");
    support::record_run(
        MARIADB.name,
        "locks_hold_against_another_session_on_mariadb",
    );
}
