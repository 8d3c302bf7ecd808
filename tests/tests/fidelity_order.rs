//! Where NULL sorts. Without NULLS FIRST/LAST it sorts below every value (first ascending,
//! last descending), as on MySQL, MariaDB, SQLite and SQL Server; PostgreSQL, which sorts it
//! above, is told so. With the clause, each engine follows it.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, NULL};

fn scores() -> Vec<Table> {
    vec![table!(score(id: Int, points: Int) key(id)).rows([
        values![1, 30],
        values![2, Option::<i64>::None],
        values![3, 10],
        values![4, Option::<i64>::None],
        values![5, 20],
    ])]
}

#[test]
fn null_sorts_low_without_a_nulls_clause() {
    let mut db = Db::open("fid_order_default", &scores());
    let q = select! { SELECT id, points FROM score ORDER BY points, id };
    db.select(&q)
        .expect(rows![[2, NULL], [4, NULL], [3, 10], [5, 20], [1, 30]])
        .check();
    let q = select! { SELECT id, points FROM score ORDER BY points DESC, id DESC };
    db.select(&q)
        .expect(rows![[1, 30], [5, 20], [3, 10], [4, NULL], [2, NULL]])
        .check();
    // The first rows, as LIMIT picks them.
    let q = select! { SELECT id FROM score ORDER BY points, id LIMIT 3 };
    db.select(&q).expect(rows![[2], [4], [3]]).check();
}

#[test]
fn null_placement_in_windows_and_recursive_ctes() {
    let mut db = Db::open("fid_order_window", &scores());
    let q = select! {
        SELECT id, ROW_NUMBER() OVER (ORDER BY points DESC, id) AS place
        FROM score ORDER BY place
    };
    db.select(&q)
        .expect(rows![[1, 1], [5, 2], [3, 3], [2, 4], [4, 5]])
        .check();
    let q = select! {
        WITH RECURSIVE ranked(id, points, n) AS (
            SELECT id, points, 0 FROM score
            UNION ALL
            SELECT id, points, n + 1 FROM ranked WHERE n < 1
        )
        SELECT id, n FROM ranked WHERE n = 1 ORDER BY points, id
    };
    db.select(&q)
        .expect(rows![[2, 1], [4, 1], [3, 1], [5, 1], [1, 1]])
        .check();
}

#[test]
fn nulls_first_and_last_as_written() {
    let mut db = Db::open("fid_order_written", &scores());
    let q = select! { SELECT id FROM score ORDER BY points NULLS LAST, id };
    db.select(&q).expect(rows![[3], [5], [1], [2], [4]]).check();
    let q = select! { SELECT id FROM score ORDER BY points DESC NULLS FIRST, id };
    db.select(&q).expect(rows![[2], [4], [1], [5], [3]]).check();
}

/// The emulated NULLS clause with DISTINCT and on a UNION (SQL Server needs the sort key in the
/// select list there, and refuses).
#[test]
fn nulls_clause_with_distinct_and_union() {
    let mut db = Db::open("fid_order_distinct", &scores());
    let q = select! { SELECT DISTINCT points FROM score ORDER BY points NULLS LAST };
    db.select(&q)
        .expect(rows![[10], [20], [30], [NULL]])
        .refused(Dialect::MsSql, "NULLS FIRST/LAST with SELECT DISTINCT")
        .check();
    let q = select! {
        SELECT points FROM score WHERE id < 3
        UNION
        SELECT points FROM score WHERE id > 3
        ORDER BY points DESC NULLS FIRST
    };
    db.select(&q)
        .expect(rows![[NULL], [30], [20]])
        .refused(Dialect::MsSql, "NULLS FIRST/LAST on a UNION")
        .check();
}
