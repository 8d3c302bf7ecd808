//! SEARCH and CYCLE on cyclic graphs: native on PostgreSQL, text paths on MariaDB and SQLite
//! (and MySQL), the same rows in the same order on every engine.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, NULL};

/// 1 -> 2 -> 3 -> 1, 2 -> 4, 3 -> 4, 4 -> 5, and 10 -> 11 -> 10 apart, with negative and large
/// ids: -7 -> 1, 5 -> 9000000000000000000, 5 -> -3.
fn graph() -> Vec<Table> {
    vec![table!(hop(src: BigInt, dst: BigInt) key(src, dst)).rows([
        values![1, 2],
        values![2, 3],
        values![3, 1],
        values![2, 4],
        values![3, 4],
        values![4, 5],
        values![10, 11],
        values![11, 10],
        values![-7, 1],
        values![5, 9_000_000_000_000_000_000_i64],
        values![5, -3],
    ])]
}

/// Towns linked by roads, named with the characters the path encoding escapes.
fn towns() -> Vec<Table> {
    vec![table!(road(a: Text, b: Text) key(a, b)).rows([
        values!["x,y", "50%"],
        values!["50%", "a;b"],
        values!["a;b", "x,y"],
        values!["a;b", "x"],
        values!["x", "y,50%"],
        values!["y,50%", "x,y"],
    ])]
}

/// A tree eleven levels deep (a chain with a side branch at each level), for depths past 9.
fn chain() -> Vec<Table> {
    let mut rows = Vec::new();
    for i in 1..=11_i64 {
        rows.push(values![i, i + 1]);
        rows.push(values![i, 100 + i]);
    }
    vec![table!(link(up: Int, down: Int) key(up, down)).rows(rows)]
}

/// CYCLE marks the row that closes a cycle and does not follow it; depth-first order by the
/// SEARCH column visits negative, zero-padded and very large ids in numeric order.
#[test]
fn depth_first_walk_with_cycle_detection() {
    let mut db = Db::open("fid_sc_depth_cycle", &graph());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT CAST(-7 AS BIGINT), 0
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk w JOIN hop e ON e.src = w.node
        ) SEARCH DEPTH FIRST BY node SET ord
          CYCLE node SET looped USING trail
        SELECT node, hops, looped FROM walk ORDER BY ord
    };
    db.select(&q)
        .expect(rows![
            [-7, 0, false],
            [1, 1, false],
            [2, 2, false],
            [3, 3, false],
            [1, 4, true],
            [4, 4, false],
            [5, 5, false],
            [-3, 6, false],
            [9_000_000_000_000_000_000_i64, 6, false],
            [4, 3, false],
            [5, 4, false],
            [-3, 5, false],
            [9_000_000_000_000_000_000_i64, 5, false],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
    // Descending depth-first order is the reverse.
    let q = select! {
        WITH RECURSIVE walk(node) AS (
            SELECT CAST(10 AS BIGINT)
            UNION ALL
            SELECT e.dst FROM walk w JOIN hop e ON e.src = w.node
        ) SEARCH DEPTH FIRST BY node SET ord
          CYCLE node SET looped TO "yes" DEFAULT "no" USING trail
        SELECT node, looped FROM walk ORDER BY ord DESC
    };
    db.select(&q)
        .expect(rows![[10, "yes"], [11, "no"], [10, "no"]])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// Breadth-first order: by depth, then by the key; depths past 9 sort as numbers.
#[test]
fn breadth_first_order_past_ten_levels() {
    let mut db = Db::open("fid_sc_breadth", &chain());
    let q = select! {
        WITH RECURSIVE t(id, depth) AS (
            SELECT 1, 0
            UNION ALL
            SELECT l.down, t.depth + 1 FROM t JOIN link l ON l.up = t.id
        ) SEARCH BREADTH FIRST BY id SET ord
        SELECT id, depth FROM t ORDER BY ord
    };
    let mut expected = rows![[1, 0]];
    for level in 1..=11_i64 {
        expected.extend(rows![[level + 1, level], [100 + level, level]]);
    }
    db.select(&q)
        .expect(expected)
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// Text keys with `,`, `;` and `%` in them: the cycle is found exactly when a town repeats,
/// never because one name's text contains another's.
#[test]
fn cycle_over_text_keys_that_need_escaping() {
    let mut db = Db::open("fid_sc_text_keys", &towns());
    let q = select! {
        WITH RECURSIVE trip(town, legs) AS (
            SELECT "x,y", 0
            UNION ALL
            SELECT r.b, t.legs + 1 FROM trip t JOIN road r ON r.a = t.town
        ) CYCLE town SET again USING visited
        SELECT town, legs, again FROM trip ORDER BY legs, town
    };
    db.select(&q)
        .expect(rows![
            ["x,y", 0, false],
            ["50%", 1, false],
            ["a;b", 2, false],
            ["x", 3, false],
            ["x,y", 3, true],
            ["y,50%", 4, false],
            ["x,y", 5, true],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// A cycle over two columns: a repeated (node, colour) pair, not a repeated node.
#[test]
fn cycle_over_two_columns_and_null_keys() {
    let tables = [
        table!(transition(node: Int, colour: Int, next_node: Int, next_colour: Int)).rows([
            values![1, 0, 1, 1],
            values![1, 1, 1, 0],
            values![1, 0, 2, Option::<i64>::None],
            values![2, Option::<i64>::None, 2, Option::<i64>::None],
        ]),
    ];
    let mut db = Db::open("fid_sc_two_columns", &tables);
    // Keys with a NULL in the path, under two recursive members (one LATERAL term on
    // PostgreSQL). The key (2, NULL) repeats: PostgreSQL's CYCLE compares the keys as records,
    // where NULL equals NULL, so the repeat closes a cycle.
    let q = select! {
        WITH RECURSIVE w(node, colour, n) AS (
            SELECT 1, 0, 0
            UNION ALL
            SELECT s.next_node, s.next_colour, w.n + 1
            FROM w JOIN transition s ON s.node = w.node AND s.colour = w.colour
            WHERE w.n < 3
            UNION ALL
            SELECT s.next_node, s.next_colour, w.n + 1
            FROM w JOIN transition s ON s.node = w.node AND s.colour IS NULL AND w.colour IS NULL
            WHERE w.n < 3
        ) CYCLE node, colour SET looped USING trail
        SELECT node, colour, n, looped FROM w ORDER BY n, node, colour
    };
    db.select(&q)
        .expect(rows![
            [1, 0, 0, false],
            [1, 1, 1, false],
            [2, NULL, 1, false],
            [1, 0, 2, true],
            [2, NULL, 2, true],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
    // With one member, PostgreSQL runs it too.
    let q = select! {
        WITH RECURSIVE w(node, colour, n) AS (
            SELECT 1, 0, 0
            UNION ALL
            SELECT s.next_node, s.next_colour, w.n + 1
            FROM w JOIN transition s ON s.node = w.node AND s.colour = w.colour
        ) CYCLE node, colour SET looped USING trail
        SELECT node, colour, n, looped FROM w ORDER BY n, node, colour
    };
    db.select(&q)
        .expect(rows![
            [1, 0, 0, false],
            [1, 1, 1, false],
            [2, NULL, 1, false],
            [1, 0, 2, true],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// A NULL key is a value of its own, as in PostgreSQL's record comparison: a NULL that repeats
/// closes a cycle, alone or beside other keys, and NULL is neither `''`, nor the text `NULL`,
/// nor `%` (the path's escape character).
#[test]
fn cycle_over_null_keys_that_repeat() {
    let mut db = Db::open("fid_sc_null_keys", &graph());
    let q = select! {
        WITH RECURSIVE w(k, n) AS (
            SELECT CAST(NULL AS BIGINT), 0
            UNION ALL
            SELECT k, n + 1 FROM w WHERE n < 3
        ) CYCLE k SET looped USING trail
        SELECT k, n, looped FROM w ORDER BY n
    };
    db.select(&q)
        .expect(rows![[NULL, 0, false], [NULL, 1, true]])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
    let q = select! {
        WITH RECURSIVE w(a, b, n) AS (
            SELECT 1, CAST(NULL AS TEXT), 0
            UNION ALL
            SELECT a, CASE n WHEN 0 THEN "" WHEN 1 THEN "NULL" WHEN 2 THEN "%" END, n + 1
            FROM w WHERE n < 6
        ) CYCLE a, b SET looped USING trail
        SELECT b, n, looped FROM w ORDER BY n
    };
    db.select(&q)
        .expect(rows![
            [NULL, 0, false],
            ["", 1, false],
            ["NULL", 2, false],
            ["%", 3, false],
            [NULL, 4, true],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// SEARCH by a text column sorts as PostgreSQL does under a binary collation, separators and
/// `%` in the keys included.
#[test]
fn search_by_a_text_key_where_emulated() {
    let mut db = Db::open("fid_sc_text_search", &towns());
    let q = select! {
        WITH RECURSIVE trip(town, legs) AS (
            SELECT "a;b", 0
            UNION ALL
            SELECT r.b, t.legs + 1 FROM trip t JOIN road r ON r.a = t.town WHERE t.legs < 2
        ) SEARCH DEPTH FIRST BY town SET ord
        SELECT town, legs FROM trip ORDER BY ord
    };
    db.select(&q)
        .expect(rows![
            ["a;b", 0],
            ["x", 1],
            ["y,50%", 2],
            ["x,y", 1],
            ["50%", 2],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// The SEARCH column may be ordered by in a window too, and the CYCLE mark read anywhere.
#[test]
fn search_column_in_a_window_and_cycle_mark_in_a_filter() {
    let mut db = Db::open("fid_sc_window", &graph());
    let q = select! {
        WITH RECURSIVE walk(node) AS (
            SELECT CAST(1 AS BIGINT)
            UNION ALL
            SELECT e.dst FROM walk w JOIN hop e ON e.src = w.node
        ) SEARCH DEPTH FIRST BY node SET ord
          CYCLE node SET looped USING trail
        SELECT node, ROW_NUMBER() OVER (ORDER BY ord) AS visit
        FROM walk WHERE NOT looped
        ORDER BY visit
    };
    db.select(&q)
        .expect(rows![
            [1, 1],
            [2, 2],
            [3, 3],
            [4, 4],
            [5, 5],
            [-3, 6],
            [9_000_000_000_000_000_000_i64, 7],
            [4, 8],
            [5, 9],
            [-3, 10],
            [9_000_000_000_000_000_000_i64, 11],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}

/// SEARCH and CYCLE with a recursion limit: the level column stays hidden, the SEARCH and
/// CYCLE columns stay readable, and the limit still fails a walk that goes too deep.
#[test]
fn search_and_cycle_with_a_recursion_limit() {
    let mut db = Db::open("fid_sc_limit", &graph());
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT CAST(1 AS BIGINT), 0
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk w JOIN hop e ON e.src = w.node
        ) SEARCH DEPTH FIRST BY node SET ord
          CYCLE node SET looped USING trail
        SELECT node, hops, looped FROM walk ORDER BY ord
        OPTION (MAXRECURSION 5)
    };
    db.select(&q)
        .expect(rows![
            [1, 0, false],
            [2, 1, false],
            [3, 2, false],
            [1, 3, true],
            [4, 3, false],
            [5, 4, false],
            [-3, 5, false],
            [9_000_000_000_000_000_000_i64, 5, false],
            [4, 2, false],
            [5, 3, false],
            [-3, 4, false],
            [9_000_000_000_000_000_000_i64, 4, false],
        ])
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
    let q = select! {
        WITH RECURSIVE walk(node, hops) AS (
            SELECT CAST(1 AS BIGINT), 0
            UNION ALL
            SELECT e.dst, w.hops + 1 FROM walk w JOIN hop e ON e.src = w.node
        ) CYCLE node SET looped USING trail
        SELECT COUNT(*) AS c FROM walk
        OPTION (MAXRECURSION 4)
    };
    db.select(&q)
        .fails_everywhere("MAXRECURSION 4 exceeded")
        .refused(Dialect::MsSql, "SEARCH or CYCLE clause")
        .check();
}
