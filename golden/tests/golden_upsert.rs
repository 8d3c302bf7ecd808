//! The upsert's SQL per dialect: PostgreSQL and SQLite as written (SQLite with a WHERE after a
//! SELECT source), MySQL and MariaDB refused without a schema, SQL Server refused. The form a
//! schema allows on MySQL and MariaDB is in `drivers/tests/upsert.rs`.

mod golden_support;

use cte_runtime::select;
use cte_runtime::Dialect::{MariaDb, MsSql, MySql, Postgres, Sqlite};
use golden_support::{assert_refused, assert_renders};

#[test]
fn seed_example_after_a_data_modifying_cte() {
    let q = select! {
        WITH deletions AS (DELETE FROM t WHERE t.c1 < 1)
        INSERT INTO t (c1, c2) VALUES (1, 2)
        ON CONFLICT (c1) DO UPDATE SET c1 = excluded.c1, c2 = excluded.c2
    };
    assert_renders(
        &q,
        &[(
            Postgres,
            "WITH deletions AS (DELETE FROM t WHERE t.c1 < 1) INSERT INTO t (c1, c2) \
             VALUES (1, 2) ON CONFLICT (c1) DO UPDATE SET c1 = excluded.c1, c2 = excluded.c2",
        )],
    );
}

#[test]
fn do_update_with_where_and_returning() {
    let q = select! {
        INSERT INTO t (c1, c2) VALUES (1, {5})
        ON CONFLICT (c1) DO UPDATE SET c2 = t.c2 + excluded.c2 WHERE t.c2 < 100
        RETURNING c1, c2
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "INSERT INTO t (c1, c2) VALUES (1, $1) ON CONFLICT (c1) DO UPDATE SET \
                 c2 = t.c2 + excluded.c2 WHERE t.c2 < 100 RETURNING c1, c2",
            ),
            (
                Sqlite,
                "INSERT INTO t (c1, c2) VALUES (1, ?) ON CONFLICT (c1) DO UPDATE SET \
                 c2 = t.c2 + excluded.c2 WHERE t.c2 < 100 RETURNING c1, c2",
            ),
        ],
    );
    assert_refused(
        &q,
        &[MySql, MariaDb],
        "INSERT ... ON CONFLICT (cols) without a schema",
    );
    assert_refused(&q, &[MsSql], "INSERT ... ON CONFLICT");
}

#[test]
fn select_source_gets_a_where_on_sqlite() {
    let q = select! {
        INSERT INTO t (c1, c2) SELECT a, b FROM s ON CONFLICT (c1) DO NOTHING
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "INSERT INTO t (c1, c2) SELECT a, b FROM s ON CONFLICT (c1) DO NOTHING",
            ),
            (
                Sqlite,
                "INSERT INTO t (c1, c2) SELECT * FROM (SELECT a, b FROM s) WHERE true \
                 ON CONFLICT (c1) DO NOTHING",
            ),
        ],
    );
}

/// DO NOTHING without a target fires on any unique key, as ON DUPLICATE KEY UPDATE does: no
/// schema is needed, and `c = c` leaves the row as it was.
#[test]
fn do_nothing_without_a_target_on_mysql_and_mariadb() {
    let q = select! {
        WITH n(x) AS (SELECT 1)
        INSERT INTO t (c1, c2) SELECT x, x FROM n ON CONFLICT DO NOTHING
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "INSERT INTO t (c1, c2) WITH n (x) AS (SELECT 1) SELECT x, x FROM n \
                 ON DUPLICATE KEY UPDATE t.c1 = t.c1",
            ),
            (
                MariaDb,
                "INSERT INTO t (c1, c2) WITH n (x) AS (SELECT 1) SELECT x, x FROM n \
                 ON DUPLICATE KEY UPDATE t.c1 = t.c1",
            ),
        ],
    );
    let no_columns = select! { INSERT INTO t VALUES (1, 2) ON CONFLICT DO NOTHING };
    assert_refused(
        &no_columns,
        &[MySql, MariaDb],
        "ON CONFLICT DO NOTHING without the INSERT's columns",
    );
}
