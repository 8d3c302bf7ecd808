//! Long flat chains: hundreds of UNION ALL arms and of `+` terms are one flat chain each, not
//! nesting. They compile, render and run on every engine; the tallest trees the macro accepts
//! (400 links) decode and render within a spawned thread's default stack of 2 MiB, in a debug
//! build too.
//!
//! The engines have limits of their own, above these lengths: SQLite refuses more than 500
//! arms in a compound SELECT and an expression deeper than 1000 (its defaults).

use std::str::FromStr;

use cte_runtime::__private::{query, Site};
use cte_runtime::{select, Dialect, Value};
use cte_tests::{rows, Db, Table};

#[path = "../../cte-macros/core/tests/tall/mod.rs"]
mod tall;

fn no_tables() -> Vec<Table> {
    Vec::new()
}

/// `select!` over the UNION ALL of `SELECT -1 AS x` and one arm per number from 0 to 10 times
/// the number of tens given, minus one: `UNION ALL SELECT 4 * 10 + 2`, ...
macro_rules! union_of_tens {
    (@arms [$($arms:tt)*]) => {
        select! {
            SELECT COUNT(*) AS arms, COUNT(DISTINCT x) AS different, MIN(x) AS low,
                MAX(x) AS high, SUM(x) AS total
            FROM (SELECT -1 AS x $($arms)*) s
        }
    };
    (@arms [$($arms:tt)*] $ten:literal $($tens:literal)*) => {
        union_of_tens!(@arms [
            $($arms)*
            UNION ALL SELECT $ten * 10 + 0 UNION ALL SELECT $ten * 10 + 1
            UNION ALL SELECT $ten * 10 + 2 UNION ALL SELECT $ten * 10 + 3
            UNION ALL SELECT $ten * 10 + 4 UNION ALL SELECT $ten * 10 + 5
            UNION ALL SELECT $ten * 10 + 6 UNION ALL SELECT $ten * 10 + 7
            UNION ALL SELECT $ten * 10 + 8 UNION ALL SELECT $ten * 10 + 9
        ] $($tens)*)
    };
}

#[test]
fn three_hundred_and_ten_union_all_arms() {
    let mut db = Db::open("long_union_all", &no_tables());
    let q = union_of_tens!(@arms []
        0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30);
    // -1 and 0 to 309: 311 rows, 310 of them after a UNION ALL.
    db.select(&q)
        .expect(rows![[311, 311, -1, 309, 309 * 310 / 2 - 1]])
        .check();
}

/// `select!` of `{start}` plus the units 0 to 9 once for each word given.
macro_rules! sum_of_units {
    (@terms [$($terms:tt)*] $start:ident) => {
        select! { SELECT {$start} $($terms)* AS total }
    };
    (@terms [$($terms:tt)*] $start:ident $_times:ident $($more:ident)*) => {
        sum_of_units!(@terms [
            $($terms)* + 0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9
        ] $start $($more)*)
    };
}

/// 400 links, as many as the macro takes in a row.
#[test]
fn four_hundred_added_terms() {
    let mut db = Db::open("long_plus_chain", &no_tables());
    let start = 7;
    // 40 words: 400 terms after `{start}`.
    let q = sum_of_units!(@terms [] start
        a a a a a a a a a a a a a a a a a a a a
        a a a a a a a a a a a a a a a a a a a a);
    db.select(&q).expect(rows![[7 + 40 * 45]]).check();
}

/// The tallest trees `select!` accepts, encoded as it encodes them, decode and render for
/// every dialect (or are refused for what they say, never as corrupt) on a thread with the
/// default stack of a spawned thread (2 MiB).
#[test]
fn the_tallest_trees_decode_and_render() {
    for (name, input) in tall::tallest() {
        let encode = move || cte_macros_core::encoded_select(FromStr::from_str(&input).unwrap());
        let encoded = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(encode)
            .unwrap()
            .join()
            .unwrap();
        let (bytes, params) = encoded.unwrap_or_else(|| panic!("{name}: does not compile"));
        let render = move || {
            let site: &'static Site = Box::leak(Box::new(Site::encoded(bytes.leak())));
            let q = query(site, vec![Value::Null; params]);
            Dialect::ALL
                .into_iter()
                .filter_map(|dialect| q.render(dialect).err())
                .filter(|e| e.construct().starts_with("internal"))
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        };
        let refused = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(render)
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{name}: rendering panicked"));
        assert!(refused.is_empty(), "{name}: {refused:?}");
    }
}
