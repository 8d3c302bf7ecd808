//! The harness reads a typed query's rows into its row type on every engine: a NULL into a
//! field that is not `Option` fails the check, as it fails `cte_fetch_all` in an application.

use cte_runtime::{select_as, Value};
use cte_tests::{rows, table, values, Db, NULL};

fn scores() -> Vec<cte_tests::Table> {
    vec![table!(score(id: Int, points: Int) key(id)).rows([values![1, 10], values![2, Value::Null]])]
}

#[allow(dead_code)] // Read only by the decoder.
struct Points {
    id: i64,
    points: Option<i64>,
}

#[allow(dead_code)]
struct PointsNotNull {
    id: i64,
    points: i64,
}

#[test]
fn a_null_reads_into_an_option_field() {
    let mut db = Db::open("typed_null_into_option", &scores());
    let q = select_as!(Points, SELECT id, points FROM score ORDER BY id);
    db.select(&q).expect(rows![[1, 10], [2, NULL]]).check();
}

#[test]
#[should_panic(expected = "does not read into the query's row type")]
fn a_null_into_a_field_that_is_not_option_fails_the_check() {
    let mut db = Db::open("typed_null_not_option", &scores());
    let q = select_as!(PointsNotNull, SELECT id, points FROM score ORDER BY id);
    db.select(&q).expect(rows![[1, 10], [2, NULL]]).check();
}
