//! Expressions over CTE output: CASE, COALESCE, IN, EXISTS, BETWEEN, LIKE, NULL ordering,
//! raw identifiers, string literals with quotes, booleans, arithmetic and typed parameters.

use cte_runtime::{select, Dialect, Value};
use cte_tests::{rows, table, values, Db, Engine, Table, NULL};

/// The column `order` is a keyword: queries name it `r#order`.
fn products() -> Vec<Table> {
    vec![table!(product(id: Int, name: Text, price: Decimal(8, 2), stock: Int, order: Int, note: Text, discontinued: Bool) key(id))
        .rows([
            values![1, "apple", "1.20", 10, 3, Value::Null, false],
            values![2, "banana", "0.50", 0, 1, "ripe", false],
            values![3, "cherry", "7.00", 3, 2, "it's sour", false],
            values![4, "bread", "2.40", 25, 5, Value::Null, true],
            values![5, "butter", "3.10", 4, 4, "50% fat", false],
        ])]
}

#[test]
fn case_and_coalesce() {
    let mut db = Db::open("expr_case_coalesce", &products());
    let searched = select! {
        WITH p AS (SELECT id, stock, note FROM product)
        SELECT id,
               CASE WHEN stock = 0 THEN "out" WHEN stock < 5 THEN "low" ELSE "ok" END AS level,
               COALESCE(note, "none") AS note
        FROM p ORDER BY id
    };
    db.select(&searched)
        .expect(rows![
            [1, "ok", "none"],
            [2, "out", "ripe"],
            [3, "low", "it's sour"],
            [4, "ok", "none"],
            [5, "low", "50% fat"],
        ])
        .check();

    let simple = select! {
        WITH p AS (SELECT id, stock FROM product)
        SELECT id, CASE stock WHEN 0 THEN "none" WHEN 3 THEN "three" ELSE "some" END AS word
        FROM p ORDER BY id
    };
    db.select(&simple)
        .expect(rows![
            [1, "some"],
            [2, "none"],
            [3, "three"],
            [4, "some"],
            [5, "some"],
        ])
        .check();
}

#[test]
fn in_between_and_like() {
    let mut db = Db::open("expr_in_between_like", &products());
    let q = select! {
        WITH p AS (SELECT id, name, price FROM product)
        SELECT id, name FROM p
        WHERE id IN (1, 3, 5) OR (price BETWEEN 2 AND 3 AND name LIKE "b%")
        ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, "apple"],
            [3, "cherry"],
            [4, "bread"],
            [5, "butter"]
        ])
        .check();

    let negated = select! {
        WITH p AS (SELECT id, name, price FROM product)
        SELECT id, name FROM p
        WHERE id NOT IN (2) AND price NOT BETWEEN 3 AND 8 AND name NOT LIKE "%rr%"
        ORDER BY id
    };
    db.select(&negated)
        .expect(rows![[1, "apple"], [4, "bread"]])
        .check();
}

#[test]
fn like_patterns_with_quotes_and_percent_signs() {
    let mut db = Db::open("expr_like_quotes", &products());
    let q = select! {
        WITH p AS (SELECT id, note FROM product WHERE note IS NOT NULL)
        SELECT id FROM p WHERE note LIKE "%'%" OR note LIKE "50%" ORDER BY id
    };
    db.select(&q).expect(rows![[3], [5]]).check();
}

#[test]
fn exists_against_a_cte() {
    let mut db = Db::open("expr_exists", &products());
    let q = select! {
        WITH low AS (SELECT id FROM product WHERE stock < 5)
        SELECT name FROM product p
        WHERE EXISTS (SELECT 1 FROM low l WHERE l.id = p.id)
        ORDER BY name
    };
    db.select(&q)
        .expect(rows![["banana"], ["butter"], ["cherry"]])
        .check();
}

#[test]
fn raw_identifiers_for_keyword_columns() {
    let mut db = Db::open("expr_raw_idents", &products());
    let min = 2;
    let q = select! {
        WITH ranked AS (SELECT id, name, r#order FROM product WHERE r#order > {min})
        SELECT r#order, name FROM ranked ORDER BY r#order
    };
    db.select(&q)
        .expect(rows![[3, "apple"], [4, "butter"], [5, "bread"]])
        .check();

    let q = select! {
        WITH g(r#group, n) AS (SELECT stock % 2, COUNT(*) FROM product GROUP BY stock % 2)
        SELECT g.r#group, g.n FROM g ORDER BY g.r#group
    };
    db.select(&q).expect(rows![[0, 3], [1, 2]]).check();
}

#[test]
fn string_literals_with_quotes_and_backslashes() {
    let mut db = Db::open("expr_string_literals", &products());
    let q = select! {
        WITH t AS (
            SELECT id, "it's" AS a, "say \"hi\"" AS b, "back\\slash" AS c, "100%" AS d
            FROM product WHERE id = 1
        )
        SELECT a, b, c, d FROM t ORDER BY a
    };
    db.select(&q)
        .expect(rows![["it's", "say \"hi\"", "back\\slash", "100%"]])
        .check();

    let q = select! {
        WITH t AS (SELECT id, note FROM product)
        SELECT id FROM t WHERE note = "it's sour" ORDER BY id
    };
    db.select(&q).expect(rows![[3]]).check();
}

#[test]
fn text_parameters_with_quotes() {
    let mut db = Db::open("expr_text_params", &products());
    let needle = "it's sour";
    let pattern = String::from("%'s %");
    let q = select! {
        WITH t AS (SELECT id, note FROM product)
        SELECT id FROM t WHERE note = {needle} OR note LIKE {pattern} ORDER BY id
    };
    db.select(&q).expect(rows![[3]]).check();

    // Backslashes and quotes in a bound value, compared to the same text as a literal.
    let tricky = "a\\b'c\"d\\";
    let q = select! {
        WITH t(v) AS (SELECT CAST({tricky} AS TEXT))
        SELECT v FROM t WHERE v = "a\\b'c\"d\\" ORDER BY v
    };
    db.select(&q).expect(rows![["a\\b'c\"d\\"]]).check();
}

#[test]
fn null_ordering() {
    let mut db = Db::open("expr_nulls_order", &products());
    let first = select! {
        WITH t AS (SELECT id, note FROM product)
        SELECT id, note FROM t ORDER BY note NULLS FIRST, id
    };
    db.select(&first)
        .expect(rows![
            [1, NULL],
            [4, NULL],
            [5, "50% fat"],
            [3, "it's sour"],
            [2, "ripe"],
        ])
        .check();

    let last = select! {
        WITH t AS (SELECT id, note FROM product)
        SELECT id, note FROM t ORDER BY note DESC NULLS LAST, id
    };
    db.select(&last)
        .expect(rows![
            [2, "ripe"],
            [3, "it's sour"],
            [5, "50% fat"],
            [1, NULL],
            [4, NULL],
        ])
        .check();
}

#[test]
fn scalar_subquery_over_a_cte() {
    let mut db = Db::open("expr_scalar_subquery", &products());
    let q = select! {
        WITH p AS (SELECT id, price FROM product)
        SELECT id, (SELECT COUNT(*) FROM p) AS total FROM p
        WHERE price > (SELECT AVG(price) FROM p)
        ORDER BY id
    };
    db.select(&q).expect(rows![[3, 5], [5, 5]]).check();
}

#[test]
fn boolean_literals() {
    let mut db = Db::open("expr_booleans", &products());
    let q = select! {
        WITH t AS (SELECT id, discontinued FROM product)
        SELECT id, CASE WHEN discontinued = TRUE THEN "gone" ELSE "sold" END AS state
        FROM t WHERE discontinued = FALSE OR id = 4
        ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, "sold"],
            [2, "sold"],
            [3, "sold"],
            [4, "gone"],
            [5, "sold"],
        ])
        .check();
}

/// `/` on two integers truncates on PostgreSQL, SQLite and SQL Server; on MySQL and MariaDB it
/// is exact division (3 / 2 = 1.5000).
#[test]
fn integer_division_and_modulo() {
    let mut db = Db::open("expr_integer_division", &products());
    let q = select! {
        WITH t AS (SELECT id, stock FROM product)
        SELECT id, stock / 2 AS half, stock % 3 AS rest FROM t ORDER BY id
    };
    // MySQL and MariaDB divide integers to a decimal; with the operand types unknown the
    // renderer cannot keep PostgreSQL's truncation, so it refuses instead of changing rows.
    let unknown = "/ on operands of unknown type";
    db.select(&q)
        .expect(rows![
            [1, 5, 1],
            [2, 0, 0],
            [3, 1, 0],
            [4, 12, 1],
            [5, 2, 1]
        ])
        .refused_by(&[Dialect::MySql, Dialect::MariaDb], unknown)
        .check();

    // An integer cast makes the division integral on every engine (DIV on MySQL and MariaDB).
    let q = select! {
        WITH t AS (SELECT id, stock FROM product)
        SELECT id, CAST(stock AS INTEGER) / 2 AS half, stock / 2.0 AS exact FROM t ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            [1, 5, 5.0],
            [2, 0, 0.0],
            [3, 1, 1.5],
            [4, 12, 12.5],
            [5, 2, 2.0]
        ])
        .check();
}

#[test]
fn typed_parameters() {
    let mut db = Db::open("expr_typed_params", &products());
    let min_price = 2.5_f64;
    let missing: Option<i64> = None;
    let q = select! {
        WITH t AS (SELECT id, price FROM product WHERE price > {min_price})
        SELECT id, COALESCE({missing}, 42) AS fallback FROM t ORDER BY id
    };
    db.select(&q).expect(rows![[3, 42], [5, 42]]).check();
}

#[test]
fn concatenation_with_casts() {
    let mut db = Db::open("expr_concat", &products());
    let q = select! {
        WITH t AS (SELECT id, name, stock FROM product)
        SELECT "#" || CAST(id AS TEXT) || " " || name || " x" || CAST(stock AS TEXT) AS label
        FROM t ORDER BY id
    };
    db.select(&q)
        .expect(rows![
            ["#1 apple x10"],
            ["#2 banana x0"],
            ["#3 cherry x3"],
            ["#4 bread x25"],
            ["#5 butter x4"],
        ])
        .check();
}

/// NULLS FIRST over an expression with a parameter: where the dialect repeats the expression
/// to emulate NULLS FIRST, the parameter is bound twice.
#[test]
fn nulls_first_over_a_parameterised_expression() {
    let mut db = Db::open("expr_nulls_param", &products());
    let k = 2;
    let q = select! {
        WITH t AS (SELECT id, note FROM product)
        SELECT id, CASE WHEN id > {k} THEN note END AS late_note FROM t
        ORDER BY CASE WHEN id > {k} THEN note END NULLS FIRST, id
    };
    db.select(&q)
        .expect(rows![
            [1, NULL],
            [2, NULL],
            [4, NULL],
            [5, "50% fat"],
            [3, "it's sour"],
        ])
        .check();
}

/// A raw name that names no column is an error on every engine. SQLite would read a
/// double-quoted name that matches nothing as a string literal and return it as a value, so
/// names are quoted with backticks there.
#[test]
fn a_raw_name_of_no_column_is_an_error_everywhere() {
    let mut db = Db::open("expr_raw_missing", &products());
    let q = select! { SELECT id, r#Missing FROM product };
    db.select(&q)
        .fails(Engine::Sqlite, "no such column")
        .fails(Engine::Postgres, "does not exist")
        .fails(Engine::MariaDb, "Unknown column")
        .check();
}
