//! Limits and edges where a query's meaning used to depend on something other than the query:
//! an earlier render at the same call site, the spelling of a CTE's name, how many parameters
//! the engine takes, how long a recursion runs before a `LIMIT` stops it, and SEARCH keys that
//! are not integers.

use cte_runtime::{select, Dialect, Query, Value};
use cte_tests::data::named_tree;
use cte_tests::{built, rows, table, values, Db, Engine, Table, MAXRECURSION_EXCEEDED};

/// `n -> next`: 3 -> 2 -> 1.
fn steps() -> Vec<Table> {
    vec![table!(step(n: Int, next: Int) key(n)).rows([values![3, 2], values![2, 1]])]
}

/// One call site whose parameter's kind comes from its value: a NULL start has no type that
/// MariaDB and MySQL could give the anchor's column, an integer has.
fn countdown(start: Value) -> Query {
    select! {
        WITH RECURSIVE c(n) AS (
            SELECT {start}
            UNION ALL
            SELECT s.next FROM c JOIN step s ON s.n = c.n
        )
        SELECT n FROM c ORDER BY n
    }
}

/// The same call site, rendered for another caller.
fn countdown_elsewhere(start: Value) -> Query {
    select! {
        WITH RECURSIVE c(n) AS (
            SELECT {start}
            UNION ALL
            SELECT s.next FROM c JOIN step s ON s.n = c.n
        )
        SELECT n FROM c ORDER BY n
    }
}

const NULL_ANCHOR: &str = "NULL in a recursive CTE's anchor";

/// A refused render does not stay refused for values that render fine.
#[test]
fn a_render_error_is_not_kept_for_other_values() {
    let mut db = Db::open("fid_lim_error_not_cached", &steps());
    for dialect in [Dialect::MariaDb, Dialect::MySql] {
        let refused = countdown(Value::Null)
            .render(dialect)
            .map(|r| r.sql().to_owned());
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains(NULL_ANCHOR)),
            "{dialect}: {refused:?}"
        );
    }
    db.select(&countdown(Value::I64(3)))
        .expect(rows![[1], [2], [3]])
        .check();
    // And the other way round: a value that renders does not make a NULL render.
    for dialect in [Dialect::MariaDb, Dialect::MySql] {
        assert!(countdown(Value::Null).render(dialect).is_err(), "{dialect}");
    }
}

/// Which thread renders a call site first changes nothing for the others.
#[test]
fn a_render_does_not_depend_on_another_threads_render() {
    let first = std::thread::spawn(|| {
        countdown_elsewhere(Value::Null)
            .render(Dialect::MariaDb)
            .is_err()
    });
    assert!(first.join().unwrap());
    let second = std::thread::spawn(|| {
        countdown_elsewhere(Value::I64(3))
            .render(Dialect::MariaDb)
            .map(|r| r.sql().to_owned())
    });
    let sql = second.join().unwrap();
    assert!(sql.is_ok(), "{sql:?}");
}

/// A CTE named once as a raw identifier and read in another case is one CTE, to the macro, the
/// renderer and every engine: its recursion is limited like any other.
#[test]
fn max_recursion_holds_for_a_cte_spelled_two_ways() {
    let mut db = Db::open("fid_lim_spellings", &[]);
    let q = select! {
        WITH RECURSIVE r#tree(n) AS (
            SELECT 1
            UNION ALL
            SELECT t.n + 1 FROM TREE t WHERE t.n < 100
        )
        SELECT n FROM Tree ORDER BY n
        OPTION (MAXRECURSION 5)
    };
    db.select(&q)
        .fails_everywhere(MAXRECURSION_EXCEEDED)
        .check();
    // Within the limit, the same rows everywhere.
    let q = select! {
        WITH RECURSIVE TREE(n) AS (
            SELECT 1
            UNION ALL
            SELECT t.n + 1 FROM r#tree t WHERE t.n < 5
        )
        SELECT n FROM tree ORDER BY n
        OPTION (MAXRECURSION 5)
    };
    db.select(&q).expect(rows![[1], [2], [3], [4], [5]]).check();
}

/// Every engine caps the values one statement binds; past the cap the renderer says so, for
/// the dialect, before anything is sent.
#[test]
fn more_parameters_than_the_engine_takes_are_refused() {
    let mut db = Db::open(
        "fid_lim_parameters",
        &[table!(t(id: Int) key(id)).rows([values![1], values![2], values![3]])],
    );
    // SQL Server's cap, and one more.
    db.select(&built::in_list(2_098))
        .expect(rows![[1], [2], [3]])
        .check();
    db.select(&built::in_list(2_099))
        .expect(rows![[1], [2], [3]])
        .refused(Dialect::MsSql, "more than 2098 parameters")
        .check();
    // SQLite's.
    db.select(&built::in_list(32_766))
        .expect(rows![[1], [2], [3]])
        .refused(Dialect::MsSql, "more than 2098 parameters")
        .check();
    db.select(&built::in_list(32_767))
        .expect(rows![[1], [2], [3]])
        .refused(Dialect::Sqlite, "more than 32766 parameters")
        .refused(Dialect::MsSql, "more than 2098 parameters")
        .check();
    // PostgreSQL's, MySQL's and MariaDB's.
    db.select(&built::in_list(65_535))
        .expect(rows![[1], [2], [3]])
        .refused(Dialect::Sqlite, "more than 32766 parameters")
        .refused(Dialect::MsSql, "more than 2098 parameters")
        .check();
    // Past every engine's cap: no engine runs it, so each dialect's refusal is checked alone.
    let q = built::in_list(65_536);
    for (dialect, cap) in [
        (Dialect::Postgres, 65_535),
        (Dialect::MySql, 65_535),
        (Dialect::MariaDb, 65_535),
        (Dialect::Sqlite, 32_766),
        (Dialect::MsSql, 2_098),
    ] {
        match q.render(dialect) {
            Err(e) => assert!(
                e.dialect() == dialect
                    && e.construct()
                        .contains(&format!("more than {cap} parameters")),
                "{dialect}: {e}"
            ),
            Ok(r) => panic!("{dialect}: renders {} parameters", r.params().len()),
        }
    }
}

/// A recursion that only the reading query's LIMIT (or an EXISTS) ends: PostgreSQL and SQLite
/// stop computing it once they have their rows; MySQL and MariaDB compute it whole first, so
/// there it is held to a million levels and fails past them, naming the cap, instead of
/// running forever.
#[test]
fn a_recursion_only_a_limit_ends_ends_everywhere() {
    let mut db = Db::open("fid_lim_limit_ends", &[]);
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t)
        SELECT n FROM t LIMIT 5
    };
    db.select(&q)
        .expect(rows![[1], [2], [3], [4], [5]])
        .fails(
            Engine::MariaDb,
            "recursion cap 1000000 for a query with LIMIT or EXISTS",
        )
        .check();
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t)
        SELECT CASE WHEN EXISTS (SELECT 1 FROM t WHERE t.n = 5) THEN 1 ELSE 0 END AS found
    };
    db.select(&q)
        .expect(rows![[1]])
        .fails(
            Engine::MariaDb,
            "recursion cap 1000000 for a query with LIMIT or EXISTS",
        )
        .check();
    // A recursion that ends by itself, read with a LIMIT: the same rows everywhere, well past
    // MariaDB's own default of 1000 iterations.
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5000)
        SELECT n FROM t ORDER BY n DESC LIMIT 2
    };
    db.select(&q).expect(rows![[5000], [4999]]).check();
}

/// A tree whose sibling names differ where a collation would order them otherwise than bytes
/// do: case (`B` < `a`), a prefix (`ab` < `abc`), a non-ASCII letter (`é` after `z`), the empty
/// name, and NULL (last, as in PostgreSQL's record comparison).
fn sibling_names() -> Vec<Table> {
    vec![named_tree(
        "named_node",
        [
            values![1, Value::Null, "root"],
            values![2, 1, "abc"],
            values![3, 1, "B"],
            values![4, 1, "ab"],
            values![5, 1, "é"],
            values![6, 1, "z"],
            values![7, 1, ""],
            values![8, 1, Value::Null],
            values![9, 4, "b"],
            values![10, 4, "a"],
            values![11, 2, "0"],
        ],
    )]
}

/// SEARCH by a text key orders siblings as PostgreSQL does under a binary ("C") collation, on
/// the engines that emulate SEARCH too.
#[test]
fn search_by_a_text_key_orders_as_bytes_do() {
    let mut db = Db::open("fid_lim_text_search", &sibling_names());
    let q = select! {
        WITH RECURSIVE t(id, name, depth) AS (
            SELECT id, name, 0 FROM named_node WHERE parent_id IS NULL
            UNION ALL
            SELECT n.id, n.name, t.depth + 1 FROM named_node n JOIN t ON n.parent_id = t.id
        ) SEARCH DEPTH FIRST BY name SET ord
        SELECT id, depth FROM t ORDER BY ord
    };
    db.select(&q)
        .expect(rows![
            [1, 0],
            [7, 1],
            [3, 1],
            [4, 1],
            [10, 2],
            [9, 2],
            [2, 1],
            [11, 2],
            [6, 1],
            [5, 1],
            [8, 1],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
    let q = select! {
        WITH RECURSIVE t(id, name, depth) AS (
            SELECT id, name, 0 FROM named_node WHERE parent_id IS NULL
            UNION ALL
            SELECT n.id, n.name, t.depth + 1 FROM named_node n JOIN t ON n.parent_id = t.id
        ) SEARCH BREADTH FIRST BY name SET ord
        SELECT id, depth FROM t ORDER BY ord
    };
    db.select(&q)
        .expect(rows![
            [1, 0],
            [7, 1],
            [3, 1],
            [4, 1],
            [2, 1],
            [6, 1],
            [5, 1],
            [8, 1],
            [11, 2],
            [10, 2],
            [9, 2],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// A SEARCH key the emulation cannot order (a float) fails the statement with a message that
/// says so, where PostgreSQL orders it natively.
#[test]
fn search_by_a_key_neither_integer_nor_text_fails_saying_why() {
    let mut db = Db::open(
        "fid_lim_float_search",
        &[table!(reading(id: Int, parent_id: Int, w: Float) key(id))
            .rows([values![1, Value::Null, 0.5], values![2, 1, 2.5]])],
    );
    let q = select! {
        WITH RECURSIVE t(id, w) AS (
            SELECT id, w FROM reading WHERE parent_id IS NULL
            UNION ALL
            SELECT r.id, r.w FROM reading r JOIN t ON r.parent_id = t.id
        ) SEARCH DEPTH FIRST BY w SET ord
        SELECT id FROM t ORDER BY ord
    };
    db.select(&q)
        .expect(rows![[1], [2]])
        .fails(
            Engine::Sqlite,
            "SEARCH BY a key that is neither an integer nor text",
        )
        .fails(
            Engine::MariaDb,
            "SEARCH BY a key that is neither an integer nor text",
        )
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}
