//! Integers of every Rust width as parameters, and integer columns of every SQL size read back.
//!
//! Every engine binds integers as 64-bit signed at most, so a parameter converts into `i64`:
//! exactly when it fits (extremes included), and as a `RenderError` naming the parameter when it
//! does not, for every dialect, before anything is sent. Reads: TINYINT..BIGINT, int2..int8 and
//! SQLite INTEGER columns, and integer expressions, all read as `Value::I64`.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, NULL};

fn numbers() -> Vec<Table> {
    vec![table!(wide_num(id: Int, n: BigInt) key(id))]
}

/// Inserts `$v` as the row `$id`, then finds it by comparing `n` with `$v` and selects `$v`
/// as an item too: all three must be the same `i64`.
macro_rules! round_trip {
    ($db:expr, $id:expr, $v:expr, $expect:expr) => {{
        let (id, v): (i64, _) = ($id, $v);
        let insert = select! { INSERT INTO wide_num (id, n) VALUES ({id}, {v}) };
        let then = select! { SELECT id, n, {v} AS p FROM wide_num WHERE n = {v} AND id = {id} };
        let expect: i64 = $expect;
        $db.statement(&insert, &then)
            .affected(1)
            .expect(rows![[id, expect, expect]])
            .check();
    }};
}

#[test]
fn signed_integers_of_every_width_round_trip_at_their_extremes() {
    let mut db = Db::open("val_int_signed", &numbers());
    round_trip!(db, 1, i8::MIN, -128);
    round_trip!(db, 2, i8::MAX, 127);
    round_trip!(db, 3, i16::MIN, -32_768);
    round_trip!(db, 4, i16::MAX, 32_767);
    round_trip!(db, 5, i32::MIN, -2_147_483_648);
    round_trip!(db, 6, i32::MAX, 2_147_483_647);
    round_trip!(db, 7, i64::MIN, i64::MIN);
    round_trip!(db, 8, i64::MAX, i64::MAX);
    round_trip!(db, 9, isize::MIN, i64::MIN);
    round_trip!(db, 10, isize::MAX, i64::MAX);
    round_trip!(db, 11, i128::from(i64::MIN), i64::MIN);
    round_trip!(db, 12, i128::from(i64::MAX), i64::MAX);
    round_trip!(db, 13, -5_i128, -5);
}

#[test]
fn unsigned_integers_of_every_width_round_trip_at_their_extremes() {
    let mut db = Db::open("val_int_unsigned", &numbers());
    round_trip!(db, 1, u8::MIN, 0);
    round_trip!(db, 2, u8::MAX, 255);
    round_trip!(db, 3, u16::MAX, 65_535);
    round_trip!(db, 4, u32::MAX, 4_294_967_295);
    round_trip!(db, 5, u64::MIN, 0);
    round_trip!(db, 6, i64::MAX as u64, i64::MAX);
    round_trip!(db, 7, usize::MIN, 0);
    round_trip!(db, 8, i64::MAX as usize, i64::MAX);
    round_trip!(db, 9, u128::from(u64::MAX >> 1), i64::MAX);
    round_trip!(db, 10, 7_u128, 7);
}

/// A reference or an `Option` of a wide integer binds as the integer does; `None` is NULL.
#[test]
fn references_and_options_of_wide_integers() {
    let mut db = Db::open("val_int_refs", &numbers());
    let ids: Vec<u32> = vec![4, 5, 6];
    let (len, big, none) = (ids.len(), 1_u64 << 40, None::<u64>);
    let q = select! {
        SELECT {len} AS len, {&big} AS big, {Some(&big)} AS some, {none} AS none, {&ids[1]} AS id
    };
    db.select(&q)
        .expect(rows![[3, 1_i64 << 40, 1_i64 << 40, NULL, 5]])
        .check();
}

/// The integers beyond `i64` are errors that name the parameter and the value, on every
/// dialect, for bound and inlined SQL: never a wrapped value.
#[test]
fn integers_beyond_i64_are_render_errors_never_wrapped() {
    let id = 1_i64;
    let cases: Vec<(cte_runtime::Query, &str)> = vec![
        {
            let v = i64::MAX as u64 + 1;
            (
                select! { SELECT id FROM wide_num WHERE id = {id} AND n = {v} },
                "parameter 2 of the query: the u64 9223372036854775808 is out of range for i64",
            )
        },
        {
            let v = u64::MAX;
            (
                select! { INSERT INTO wide_num (id, n) VALUES ({id}, {v}) },
                "parameter 2 of the query: the u64 18446744073709551615 is out of range for i64",
            )
        },
        {
            let v = usize::MAX;
            (
                select! { SELECT {v} AS n },
                "parameter 1 of the query: the usize 18446744073709551615 is out of range for i64",
            )
        },
        {
            let v = Some(i128::from(i64::MIN) - 1);
            (
                select! { SELECT {v} AS n, {id} AS id },
                "parameter 1 of the query: the i128 -9223372036854775809 is out of range for i64",
            )
        },
        {
            let (lo, hi) = (i128::MIN, u128::MAX);
            (
                select! { SELECT {id} AS id, {hi} AS hi, {lo} AS lo },
                "parameter 2 of the query: the u128 340282366920938463463374607431768211455 is out of range for i64",
            )
        },
    ];
    for (q, says) in &cases {
        for dialect in Dialect::ALL {
            let e = q.render(dialect).expect_err(says);
            assert!(e.to_string().starts_with(says), "{dialect}: {e}");
            let n = says["parameter ".len()..].split(' ').next();
            assert_eq!(e.param_error().map(|(n, _)| n.to_string()).as_deref(), n);
            let e = q.to_inline_sql(dialect).expect_err(says);
            assert!(e.to_string().starts_with(says), "{dialect}: {e}");
        }
    }
}

/// Integer columns of every size, and integer expressions, read as integers on every engine:
/// TINYINT..BIGINT on MariaDB, int2/int4/int8 on PostgreSQL, INTEGER on SQLite.
#[test]
fn integer_columns_of_every_size_read_as_integers() {
    let ints =
        table!(ints(id: Int, t: TinyInt, s: SmallInt, m: MediumInt, i: Int, b: BigInt) key(id))
            .rows([
                values![1, i8::MIN, i16::MIN, -8_388_608, i32::MIN, i64::MIN],
                values![2, i8::MAX, i16::MAX, 8_388_607, i32::MAX, i64::MAX],
                values![3, 0, 0, 0, 0, 0],
            ]);
    let mut db = Db::open("val_int_columns", &[ints]);
    let q = select! { SELECT id, t, s, m, i, b FROM ints ORDER BY id };
    db.select(&q)
        .expect(rows![
            [1, i8::MIN, i16::MIN, -8_388_608, i32::MIN, i64::MIN],
            [2, i8::MAX, i16::MAX, 8_388_607, i32::MAX, i64::MAX],
            [3, 0, 0, 0, 0, 0],
        ])
        .check();

    // Integer expressions: sums of columns of two sizes, counts, literals, a recursive anchor's `1`.
    let q = select! {
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3)
        SELECT (SELECT COUNT(*) FROM ints) AS c, s + m AS sm, i * 1 AS i1, n, 7 AS seven
        FROM ints JOIN r ON r.n = ints.id
        ORDER BY n
    };
    db.select(&q)
        .expect(rows![
            [3, -8_421_376, i32::MIN, 1, 7],
            [3, 8_421_374, i32::MAX, 2, 7],
            [3, 0, 0, 3, 7],
        ])
        .check();

    // Narrow columns compared with parameters of other widths.
    let (s, i) = (32_767_u16, 2_147_483_647_u64);
    let q = select! { SELECT id FROM ints WHERE s = {s} AND i = {i} };
    db.select(&q).expect(rows![[2]]).check();
    // Parameters beyond the column's own range compare as numbers, not as an encoding error.
    let (above, top) = (u32::MAX, i64::MAX as u64);
    let q = select! { SELECT id FROM ints WHERE t < {above} AND i < {top} AND s <> {above} ORDER BY id };
    db.select(&q).expect(rows![[1], [2], [3]]).check();
}
