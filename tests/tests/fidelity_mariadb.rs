//! Where MariaDB 10.11 reads a query otherwise than PostgreSQL and SQLite: shadowing CTE names,
//! a WITH in a set operation's operand, a WITH reading an outer CTE after INSERT's column list,
//! VALUES reading an outer column, mixed UNION / UNION ALL recursion, and text grown from a
//! VALUES anchor. Each query runs on every engine; MariaDB must return the same rows or refuse.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table};

/// SQLAlchemy's nesting example: the nested `value_a` shadows the outer one inside `value_b`.
#[test]
fn a_nested_cte_shadows_an_outer_sibling() {
    let mut db = Db::open("fid_maria_shadow_sibling", &[]);
    let q = select! {
        WITH value_a AS (SELECT "root" AS n),
        value_b AS (
            WITH value_a AS (SELECT "nesting" AS n)
            SELECT value_a.n FROM value_a
        )
        SELECT value_a.n AS a, value_b.n AS b FROM value_a, value_b
    };
    db.select(&q).expect(rows![["root", "nesting"]]).check();
}

/// The shadowed CTE is recursive; the shadowing one is read unqualified, through `*`, and by a
/// later CTE of its own WITH.
#[test]
fn a_nested_cte_shadows_an_outer_recursive_cte() {
    let mut db = Db::open("fid_maria_shadow_recursive", &[]);
    let q = select! {
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3),
        s AS (WITH r AS (SELECT 10 AS n) SELECT n FROM r)
        SELECT n FROM s
    };
    db.select(&q).expect(rows![[10]]).check();
    let q = select! {
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3),
        s AS (
            WITH r AS (SELECT 10 AS n), t AS (SELECT r.* FROM r)
            SELECT n FROM t
        )
        SELECT n FROM s UNION ALL SELECT n FROM r ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3], [10]]).check();
}

/// The shadowing CTE is itself recursive and reads itself under an alias; a nested WITH in its
/// body reads the outer name's meaning at that point (the shadowing CTE).
#[test]
fn a_recursive_cte_shadows_an_outer_one() {
    let mut db = Db::open("fid_maria_shadow_rec_inner", &[]);
    let q = select! {
        WITH x AS (SELECT 100 AS n),
        s AS (
            WITH RECURSIVE x(n) AS (
                SELECT 1 UNION ALL SELECT p.n + 1 FROM x AS p WHERE p.n < 4
            )
            SELECT SUM(x.n) AS total FROM x
        )
        SELECT s.total, x.n FROM s, x
    };
    db.select(&q).expect(rows![[10, 100]]).check();
    // With a recursion limit, MariaDB writes the recursive CTE over an inner one with a level
    // column: both under fresh names.
    let q = select! {
        WITH x AS (SELECT 100 AS n),
        s AS (
            WITH RECURSIVE x(n) AS (
                SELECT 1 UNION ALL SELECT p.n + 1 FROM x AS p WHERE p.n < 4
            )
            SELECT SUM(x.n) AS total FROM x
        )
        SELECT s.total, x.n FROM s, x
        OPTION (MAXRECURSION 5)
    };
    db.select(&q).expect(rows![[10, 100]]).check();
}

/// A shadowing CTE written before the CTE it shadows in a recursive WITH, where the CTEs of
/// a recursive WITH see each other.
#[test]
fn a_nested_cte_shadows_a_later_recursive_sibling() {
    let mut db = Db::open("fid_maria_shadow_later", &[]);
    let q = select! {
        WITH RECURSIVE s AS (WITH r AS (SELECT 10 AS n) SELECT n FROM r),
        r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3)
        SELECT n FROM s UNION ALL SELECT n FROM r ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3], [10]]).check();
}

/// A parenthesised query with its own WITH as either operand of a set operation, and as a
/// query's whole body, whose ORDER BY orders the rows.
#[test]
fn a_parenthesised_query_with_its_own_with_in_a_set_operation() {
    let mut db = Db::open("fid_maria_paren_with", &[]);
    let q = select! {
        SELECT 1 AS n
        UNION ALL (WITH x AS (SELECT 2 AS n) SELECT n FROM x)
        UNION ALL (WITH x AS (SELECT 3 AS n UNION ALL SELECT 4) SELECT n FROM x ORDER BY n DESC LIMIT 1)
        ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [4]]).check();
    let q = select! {
        (WITH x AS (SELECT 2 AS n) SELECT n FROM x) EXCEPT SELECT 3 AS n
    };
    db.select(&q).expect(rows![[2]]).check();
    let q = select! {
        (WITH x AS (SELECT 1 AS n UNION ALL SELECT 3 UNION ALL SELECT 2) SELECT n FROM x ORDER BY n DESC)
    };
    db.select(&q).expect(rows![[3], [2], [1]]).check();
}

/// A table to insert into, and one to read.
fn slots() -> Vec<Table> {
    vec![
        table!(slot(n: Int, label: Text) key(n)),
        table!(num(n: Int) key(n)).rows([values![1], values![2], values![3]]),
    ]
}

/// A WITH inside a derived table whose CTE reads a CTE of the statement's WITH.
#[test]
fn a_nested_with_reads_an_outer_cte() {
    let mut db = Db::open("fid_maria_nested_reads_outer", &slots());
    let q = select! {
        WITH big AS (SELECT n FROM num WHERE n > 1)
        SELECT b.n FROM (
            WITH doubled AS (SELECT big.n * 2 AS n FROM big)
            SELECT n FROM doubled
        ) AS b
        ORDER BY b.n
    };
    db.select(&q).expect(rows![[4], [6]]).check();
    // Through a scalar subquery, from a recursive outer CTE, and from a later CTE of the
    // nested WITH.
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 4)
        SELECT (
            WITH evens AS (SELECT n FROM s WHERE n % 2 = 0), total AS (SELECT SUM(n) AS t FROM evens)
            SELECT t FROM total
        ) AS t
    };
    db.select(&q).expect(rows![[6]]).check();
}

/// The same after INSERT, where MySQL and MariaDB write the WITH after the column list.
#[test]
fn a_nested_with_reads_an_outer_cte_after_insert() {
    let mut db = Db::open("fid_maria_insert_nested", &slots());
    let insert = select! {
        WITH big AS (SELECT n FROM num WHERE n > 1)
        INSERT INTO slot (n, label)
        SELECT b.n, "big" FROM (
            WITH doubled AS (SELECT big.n * 2 AS n FROM big)
            SELECT n FROM doubled
        ) AS b
    };
    let then = select! { SELECT n, label FROM slot ORDER BY n };
    db.statement(&insert, &then)
        .affected(2)
        .expect(rows![[4, "big"], [6, "big"]])
        .check();
}

/// VALUES that reads a column of the query around it: in a scalar subquery, under IN, and
/// through a subquery of its own.
#[test]
fn values_reading_an_outer_column() {
    let mut db = Db::open("fid_maria_values_outer", &slots());
    let q = select! {
        SELECT num.n, (VALUES (num.n * 10)) AS tens
        FROM num
        WHERE num.n IN (VALUES (num.n), (3)) AND num.n > 1
        ORDER BY num.n
    };
    db.select(&q).expect(rows![[2, 20], [3, 30]]).check();
    let q = select! {
        SELECT num.n FROM num
        WHERE 4 IN (VALUES ((SELECT num.n + 2)), (0))
    };
    db.select(&q).expect(rows![[2]]).check();
}

/// Text a recursive member makes longer, or replaces, from a VALUES anchor.
#[test]
fn text_grown_from_a_values_anchor() {
    let mut db = Db::open("fid_maria_values_anchor", &[]);
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            VALUES (1, "a")
            UNION ALL
            SELECT n + 1, label || "b" FROM s WHERE n < 3
        )
        SELECT n, label FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, "a"], [2, "ab"], [3, "abb"]])
        .check();
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            VALUES (1, "x"), (2, "y")
            UNION ALL
            SELECT n + 2, "longer" FROM s WHERE n < 3
        )
        SELECT n, label FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, "x"], [2, "y"], [3, "longer"], [4, "longer"]])
        .check();
}

/// UNION and UNION ALL between the parts of one recursive CTE: MariaDB takes one kind, so the
/// anchor's UNION ALL goes into a derived table; UNION before the member still drops the
/// anchor's repeated row, as on PostgreSQL.
#[test]
fn union_mixed_with_union_all_in_a_recursive_cte() {
    let mut db = Db::open("fid_maria_mixed_union", &[]);
    let q = select! {
        WITH RECURSIVE s(n) AS (
            SELECT 1
            UNION ALL SELECT 1
            UNION SELECT n + 1 FROM s WHERE n < 3
        )
        SELECT n FROM s ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1], [2], [3]])
        .refused(Dialect::MsSql, "UNION (without ALL)")
        .check();
}
