//! Column types of recursive CTEs, which MySQL, MariaDB and SQL Server take from the anchor
//! alone and PostgreSQL wants to match the anchor: text that grows or changes, NULL anchors,
//! BIGINT anchors, and anchors that would round what a member computes.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Engine, Table, NULL};

fn staff() -> Vec<Table> {
    vec![table!(emp(id: Int, name: Text, boss: Int) key(id)).rows([
        values![1, "Ada Lovelace", Option::<i64>::None],
        values![2, "Charles Babbage", 1],
        values![3, "Mary Somerville", 2],
    ])]
}

/// A short literal in the anchor, replaced by longer names in the member: MariaDB's column
/// would be two characters wide ("Data too long", or cut without strict mode).
#[test]
fn anchor_literal_replaced_by_longer_text() {
    let mut db = Db::open("fid_ty_literal", &staff());
    let q = select! {
        WITH RECURSIVE chain(id, label) AS (
            SELECT id, "me" FROM emp WHERE boss IS NULL
            UNION ALL
            SELECT e.id, e.name FROM emp e JOIN chain c ON e.boss = c.id
        )
        SELECT id, label FROM chain ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, "me"],
            [2, "Charles Babbage"],
            [3, "Mary Somerville"]
        ])
        .check();
}

/// A path longer than any value of the anchor, built from text cast to a short type.
#[test]
fn path_longer_than_any_anchor_value() {
    let mut db = Db::open("fid_ty_path", &staff());
    let q = select! {
        WITH RECURSIVE chain(id, path) AS (
            SELECT id, CAST(name AS VARCHAR(20)) FROM emp WHERE boss IS NULL
            UNION ALL
            SELECT e.id, c.path || " > " || e.name FROM emp e JOIN chain c ON e.boss = c.id
        )
        SELECT id, path, LENGTH(path) AS len FROM chain ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, "Ada Lovelace", 12],
            [2, "Ada Lovelace > Charles Babbage", 30],
            [3, "Ada Lovelace > Charles Babbage > Mary Somerville", 48],
        ])
        .check();
}

/// NULL in the anchor takes the type the member shows: an integer past 2^31, text, a truth
/// value. MariaDB would otherwise turn every later value into `''`, PostgreSQL fail.
#[test]
fn null_anchor_takes_the_members_type() {
    let mut db = Db::open("fid_ty_null", &[]);
    let q = select! {
        WITH RECURSIVE s(n, big, label, even) AS (
            SELECT 1, NULL, NULL, NULL
            UNION ALL
            SELECT n + 1, CAST(n AS BIGINT) * 3000000000, "n" || CAST(n AS TEXT), n % 2 = 0
            FROM s WHERE n < 3
        )
        SELECT n, big, label, even FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![
            [1, NULL, NULL, NULL],
            [2, 3_000_000_000_i64, "n1", 0],
            [3, 6_000_000_000_i64, "n2", 1],
        ])
        .check();
}

/// A NULL anchor whose member copies a column: its type is not in the tree, so the engines
/// that take it from the anchor get a RenderError asking for a cast; SQLite runs it.
#[test]
fn null_anchor_of_unknown_type_is_refused() {
    let mut db = Db::open("fid_ty_null_unknown", &staff());
    let q = select! {
        WITH RECURSIVE chain(id, boss) AS (
            SELECT id, NULL FROM emp WHERE boss IS NULL
            UNION ALL
            SELECT e.id, e.boss FROM emp e JOIN chain c ON e.boss = c.id
        )
        SELECT id, boss FROM chain ORDER BY id
    };
    let why = "NULL in a recursive CTE's anchor";
    db.select(&q)
        .expect(rows![[1, NULL], [2, 1], [3, 2]])
        .refused_by(
            &[
                Dialect::Postgres,
                Dialect::MySql,
                Dialect::MariaDb,
                Dialect::MsSql,
            ],
            why,
        )
        .check();
    // With the cast written, every engine runs it.
    let q = select! {
        WITH RECURSIVE chain(id, boss) AS (
            SELECT id, CAST(NULL AS INTEGER) FROM emp WHERE boss IS NULL
            UNION ALL
            SELECT e.id, e.boss FROM emp e JOIN chain c ON e.boss = c.id
        )
        SELECT id, boss FROM chain ORDER BY id
    };
    db.select(&q)
        .expect(rows![[1, NULL], [2, 1], [3, 2]])
        .check();
}

/// A BIGINT anchor holds values past 2^31 everywhere (MariaDB's `CAST(1 AS SIGNED)` alone is
/// an INT).
#[test]
fn bigint_anchor_holds_large_values() {
    let mut db = Db::open("fid_ty_bigint", &[]);
    let q = select! {
        WITH RECURSIVE s(n, v) AS (
            SELECT 1, CAST(1 AS BIGINT)
            UNION ALL
            SELECT n + 1, v * 100000 FROM s WHERE n < 4
        )
        SELECT n, v FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![
            [1, 1],
            [2, 100_000],
            [3, 10_000_000_000_i64],
            [4, 1_000_000_000_000_000_i64],
        ])
        .check();
}

/// An integer anchor with a member that computes fractions: PostgreSQL refuses the types,
/// MySQL and MariaDB would round every value (1, 2, 3, 5), SQLite computes them.
#[test]
fn integer_anchor_with_fractional_member() {
    let mut db = Db::open("fid_ty_int_frac", &[]);
    let q = select! {
        WITH RECURSIVE s(n, v) AS (
            SELECT 1, 1
            UNION ALL
            SELECT n + 1, v * 1.5 FROM s WHERE n < 4
        )
        SELECT n, v FROM s ORDER BY n
    };
    let why = "an integer anchor for a column that a recursive member makes fractional";
    db.select(&q)
        .expect(rows![[1, 1], [2, 1.5], [3, 2.25], [4, 3.375]])
        .fails(Engine::Postgres, "non-recursive term")
        .refused_by(&[Dialect::MySql, Dialect::MariaDb], why)
        .check();
}

/// The same with the fraction in a parameter: its Rust type says it is a float.
#[test]
fn integer_anchor_with_a_float_parameter_in_the_member() {
    let mut db = Db::open("fid_ty_int_float_param", &[]);
    let step = 0.5_f64;
    let q = select! {
        WITH RECURSIVE s(n, v) AS (
            SELECT 1, 0
            UNION ALL
            SELECT n + 1, v + {step} FROM s WHERE n < 3
        )
        SELECT n, v FROM s ORDER BY n
    };
    let why = "an integer anchor for a column that a recursive member makes fractional";
    db.select(&q)
        .expect(rows![[1, 0], [2, 0.5], [3, 1.0]])
        .fails(Engine::Postgres, "non-recursive term")
        .refused_by(&[Dialect::MySql, Dialect::MariaDb], why)
        .check();
}

/// A decimal literal anchor fixes the scale on MySQL and MariaDB (1.5 keeps one digit, so
/// 1.875 would be 1.9); PostgreSQL and SQLite keep every digit.
#[test]
fn decimal_literal_anchor_with_computing_member() {
    let mut db = Db::open("fid_ty_decimal", &[]);
    let q = select! {
        WITH RECURSIVE s(n, v) AS (
            SELECT 1, 1.5
            UNION ALL
            SELECT n + 1, v * 1.25 FROM s WHERE n < 3
        )
        SELECT n, v FROM s ORDER BY n
    };
    let why = "a decimal literal anchor for a column that a recursive member computes";
    db.select(&q)
        .expect(rows![[1, 1.5], [2, 1.875], [3, 2.34375]])
        .refused_by(&[Dialect::MySql, Dialect::MariaDb], why)
        .check();
}
