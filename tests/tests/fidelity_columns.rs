//! What a query's values and columns are, the same on every engine: `||` on numbers, `*` beside
//! other select items, `*` over a join with `USING`, and a recursive reference inside a nested
//! WITH.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, values, Db, Table, Type, NULL};

/// Items with integer columns only, each value distinct, so that a shifted column changes the
/// row.
fn items() -> Vec<Table> {
    vec![Table::new("item")
        .col("id", Type::Int)
        .col("qty", Type::Int)
        .key(&["id"])
        .rows([
            values![1, 10],
            values![2, 20],
            values![3, Option::<i64>::None],
        ])]
}

/// `||` concatenates the text of its operands whatever their types: PostgreSQL has no
/// `integer || integer`, so an operand is cast to text there.
#[test]
fn concatenation_of_integers_is_text() {
    let mut db = Db::open("fid_cols_concat_int", &items());
    let q = select! {
        SELECT id || qty, 1 || 2, (id + 1) || "-" || qty, NULL || 1, qty || id || id
        FROM item ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            ["110", "12", "2-10", NULL, "1011"],
            ["220", "12", "3-20", NULL, "2022"],
            [NULL, "12", NULL, NULL, NULL],
        ])
        .check();
    let (n, m) = (7_i64, 8_i64);
    let q = select! { SELECT {n} || {m}, {n} || id FROM item WHERE id = 1 };
    db.select(&q).expect(rows![["78", "71"]]).check();
}

/// The text of a boolean or of a non-integer number differs between engines (`true` or `1`;
/// `2` or `2.0`; `1.50` or `1.5`): where the tree shows such an operand, a dialect whose text
/// differs from PostgreSQL's refuses it.
#[test]
fn concatenation_of_booleans_and_fractions() {
    let mut db = Db::open("fid_cols_concat_frac", &items());
    let q = select! { SELECT "x" || TRUE, (id = 1) || "" FROM item WHERE id = 1 };
    db.select(&q)
        .expect(rows![["xtrue", "true"]])
        .refused(Dialect::Sqlite, "a boolean operand of ||")
        .refused(Dialect::MariaDb, "a boolean operand of ||")
        .refused(Dialect::MySql, "a boolean operand of ||")
        .refused(Dialect::MsSql, "a boolean operand of ||")
        .check();
    let q =
        select! { SELECT "v" || 1.50, "w" || CAST(qty AS DECIMAL(6, 2)) FROM item WHERE id = 1 };
    db.select(&q)
        .expect(rows![["v1.50", "w10.00"]])
        .refused(Dialect::Sqlite, "a non-integer number as an operand of ||")
        .check();
    let q = select! { SELECT "f" || CAST(qty AS DOUBLE PRECISION) FROM item WHERE id = 1 };
    db.select(&q)
        .expect(rows![["f10"]])
        .refused(Dialect::Sqlite, "a non-integer number as an operand of ||")
        .refused(Dialect::MariaDb, "a non-integer number as an operand of ||")
        .refused(Dialect::MySql, "a non-integer number as an operand of ||")
        .refused(Dialect::MsSql, "a non-integer number as an operand of ||")
        .check();
}
