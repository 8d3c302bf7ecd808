//! Parameters where PostgreSQL cannot tell their type from the SQL around them: select items,
//! recursive anchors, VALUES, comparisons of two parameters, `IS NULL`, unary minus, integers
//! beyond an `int4` column's range. The rendering casts them to the type of the Rust value,
//! `None` included, so every engine returns the same rows.

use cte_runtime::select;
use cte_tests::{rows, table, values, Db, Table, NULL};

fn accounts() -> Vec<Table> {
    vec![
        table!(holder(id: Int, owner: Text, parent_id: Int) key(id)).rows([
            values![1, "ada", Option::<i64>::None],
            values![2, "bob", 1],
            values![3, "cy", 1],
            values![4, "di", 2],
        ]),
    ]
}

/// `SELECT $1 UNION ALL SELECT n + 1`: text + integer on PostgreSQL without a cast.
#[test]
fn integer_parameter_in_a_recursive_anchor() {
    let mut db = Db::open("fid_param_anchor", &[]);
    let (start, stop) = (3_i64, 6_i64);
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT {start}
            UNION ALL
            SELECT n + 1 FROM s WHERE n < {stop}
        )
        SELECT n FROM s ORDER BY n
    };
    db.select(&q).expect(rows![[3], [4], [5], [6]]).check();

    // A small integer type is an integer too.
    let start = 10_u8;
    let q = select! {
        WITH RECURSIVE s(n, doubled) AS (
            SELECT {start}, {start} * 2
            UNION ALL
            SELECT n + 1, doubled + 2 FROM s WHERE n < 12
        )
        SELECT n, doubled FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[10, 20], [11, 22], [12, 24]])
        .check();
}

/// `None` of an `Option<i64>` is still an integer: the anchor's NULL is cast to BIGINT.
#[test]
fn null_parameter_in_a_recursive_anchor() {
    let mut db = Db::open("fid_param_null_anchor", &[]);
    let missing: Option<i64> = None;
    let q = select! {
        WITH RECURSIVE s(n, prev) AS (
            SELECT 1, {missing}
            UNION ALL
            SELECT n + 1, n * 1000 FROM s WHERE n < 4
        )
        SELECT n, prev FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, NULL], [2, 1000], [3, 2000], [4, 3000]])
        .check();
}

/// A parameter in a select list comes back as what it is, not as text.
#[test]
fn parameters_as_select_items_keep_their_type() {
    let mut db = Db::open("fid_param_items", &[]);
    let (n, x, flag, name) = (42_i64, 2.5_f64, true, "it's");
    let none: Option<f64> = None;
    let q = select! { SELECT {n} AS n, {x} AS x, {flag} AS flag, {name} AS name, {none} AS none };
    db.select(&q)
        .expect(rows![[42, 2.5, 1, "it's", NULL]])
        .check();
    // In VALUES and in a CASE result too.
    let q = select! {
        SELECT v.a + 1 AS a, CASE WHEN v.a > 10 THEN {n} ELSE 0 END AS c
        FROM (VALUES ({n}), ({x})) AS v(a)
        ORDER BY a
    };
    db.select(&q).expect(rows![[3.5, 0], [43, 42]]).check();
}

/// `$1 < $2` compares as text on PostgreSQL unless typed: '10' < '9'.
#[test]
fn two_parameters_compared() {
    let mut db = Db::open("fid_param_compare", &[]);
    let (a, b) = (10_i64, 9_i64);
    let q = select! {
        SELECT CASE WHEN {a} < {b} THEN "less" ELSE "not less" END AS cmp,
               CASE WHEN {a} BETWEEN {b} AND 100 THEN 1 ELSE 0 END AS within,
               COALESCE({a}, {b}) + 1 AS coalesced
    };
    db.select(&q).expect(rows![["not less", 1, 11]]).check();
}

/// `$1 IS NULL` and `-$1` have no type at all on PostgreSQL.
#[test]
fn parameters_without_any_context() {
    let mut db = Db::open("fid_param_untyped", &[]);
    let (none, some, name): (Option<i64>, Option<i64>, Option<&str>) = (None, Some(5), None);
    let q = select! {
        SELECT {none} IS NULL AS a, {some} IS NULL AS b, {name} IS NULL AS c, -{some} AS d
    };
    db.select(&q).expect(rows![[1, 0, 1, -5]]).check();
}

/// An `int4` column compared with an `i64` beyond its range: no rows, not a bind error.
#[test]
fn integer_parameter_beyond_an_int4_column() {
    let mut db = Db::open("fid_param_int4", &accounts());
    let big = 3_000_000_000_i64;
    let q =
        select! { SELECT id FROM holder WHERE id = {big} OR id < {big} - 2999999998 ORDER BY id };
    db.select(&q).expect(rows![[1]]).check();
    let q = select! { SELECT id FROM holder WHERE id IN ({big}, 2) ORDER BY id };
    db.select(&q).expect(rows![[2]]).check();
}

/// An integer parameter in a recursive member beside an `int4` column keeps the column's
/// type, as PostgreSQL needs the member's type to match the anchor's.
#[test]
fn integer_parameter_in_a_recursive_member() {
    let mut db = Db::open("fid_param_member", &accounts());
    let (root, step) = (1_i64, 10_i64);
    let q = select! {
        WITH RECURSIVE sub(id, score) AS (
            SELECT id, 0 FROM holder WHERE id = {root}
            UNION ALL
            SELECT a.id, s.score + {step} FROM holder a JOIN sub s ON a.parent_id = s.id
        )
        SELECT id, score FROM sub ORDER BY id
    };
    db.select(&q)
        .expect(rows![[1, 0], [2, 10], [3, 10], [4, 20]])
        .check();
}

/// Text parameters stay uncast: one typed by the column it is compared with, one that grows
/// in a recursive member, one concatenated with an integer parameter.
#[test]
fn text_parameters() {
    let mut db = Db::open("fid_param_text", &accounts());
    let (who, sep, n) = ("bob", "/", 7_i64);
    let q = select! {
        WITH RECURSIVE chain(id, path) AS (
            SELECT id, {sep} || owner FROM holder WHERE owner = {who}
            UNION ALL
            SELECT a.id, c.path || {sep} || a.owner FROM holder a JOIN chain c ON a.parent_id = c.id
        )
        SELECT id, path, {n} || {sep} AS tag FROM chain ORDER BY id
    };
    db.select(&q)
        .expect(rows![[2, "/bob", "7/"], [4, "/bob/di", "7/"]])
        .check();
}
