//! What a query's values and columns are, the same on every engine: `||` on numbers, `*` beside
//! other select items, `*` over a join with `USING`, a recursive reference inside a nested
//! WITH, and a recursive reference that renames the CTE's columns.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, ALL_BUT_POSTGRES, NULL};

/// Items with integer columns only, each value distinct, so that a shifted column changes the
/// row.
fn items() -> Vec<Table> {
    vec![table!(item(id: Int, qty: Int) key(id)).rows([
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
    let s = "a";
    let q = select! { SELECT {s} || id, id || {s} || {n} FROM item WHERE id = 1 };
    db.select(&q).expect(rows![["a1", "1a7"]]).check();
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
        .refused_by(&ALL_BUT_POSTGRES, "a boolean operand of ||")
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
        .refused_by(
            &ALL_BUT_POSTGRES,
            "a non-integer number as an operand of ||",
        )
        .check();
}

/// Two tables sharing the column `b`, every value distinct: `pa(id, b, x)`, `pb(id, b, y)`.
/// `b` = 10 is in both, 20 in `pa` only, 30 in `pb` only.
fn pairs() -> Vec<Table> {
    vec![
        table!(pa(id: Int, b: Int, x: Int) key(id))
            .rows([values![1, 10, 100], values![2, 20, 200]]),
        table!(pb(id: Int, b: Int, y: Int) key(id))
            .rows([values![11, 10, 1000], values![13, 30, 3000]]),
    ]
}

/// `*` after other select items: MySQL and MariaDB only take a bare `*` first, so there it is
/// written as each FROM item's `t.*`, in order.
#[test]
fn star_after_other_items() {
    let mut db = Db::open("fid_cols_star_after", &pairs());
    let q = select! { SELECT x + 1 AS k, * FROM pa ORDER BY id };
    db.select(&q)
        .expect(rows![[101, 1, 10, 100], [201, 2, 20, 200]])
        .check();
    let q = select! {
        WITH c AS (SELECT id, y FROM pb)
        SELECT 0 AS k, *, p.x AS again
        FROM pa p JOIN c ON c.id = p.id + 10, (SELECT 7 AS seven) s
        ORDER BY p.id
    };
    db.select(&q)
        .expect(rows![[0, 1, 10, 100, 11, 1000, 7, 100]])
        .check();
    let q = select! { SELECT *, * FROM (pa JOIN pb ON pa.b = pb.b) };
    db.select(&q)
        .expect(rows![[1, 10, 100, 11, 10, 1000, 1, 10, 100, 11, 10, 1000]])
        .check();
}

/// The same in RETURNING: MariaDB takes `*` there only first too; the target's `t.*` are the
/// same columns.
#[test]
fn star_after_other_items_in_returning() {
    let mut db = Db::open("fid_cols_star_returning", &pairs());
    let q = select! { DELETE FROM pa WHERE id = 2 RETURNING x + 1 AS k, * };
    db.select(&q)
        .once()
        .expect(rows![[201, 2, 20, 200]])
        .refused_by(&[Dialect::MySql, Dialect::MsSql], "RETURNING")
        .check();
    let q = select! { INSERT INTO pb (id, b, y) VALUES (14, 40, 4000) RETURNING y, * };
    db.select(&q)
        .once()
        .expect(rows![[4000, 14, 40, 4000]])
        .refused_by(&[Dialect::MySql, Dialect::MsSql], "RETURNING")
        .check();
}

/// `SELECT *` over a join with USING: PostgreSQL returns the USING columns once, first, then
/// the other columns of each side. SQLite keeps them where the left table has them; MySQL and
/// MariaDB order several by the left table and read a RIGHT JOIN with the sides swapped: there
/// it is refused. `t.*` means the same everywhere. SQL Server has no USING.
#[test]
fn star_over_a_join_with_using() {
    let mut db = Db::open("fid_cols_star_using", &pairs());
    let q = select! { SELECT * FROM pa JOIN pb USING (b) };
    db.select(&q)
        .expect(rows![[10, 1, 100, 11, 1000]])
        .refused(Dialect::Sqlite, "SELECT * over a JOIN ... USING")
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    let q = select! { SELECT * FROM pa LEFT JOIN pb USING (b) ORDER BY b };
    db.select(&q)
        .expect(rows![[10, 1, 100, 11, 1000], [20, 2, 200, NULL, NULL]])
        .refused(Dialect::Sqlite, "SELECT * over a JOIN ... USING")
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    let q = select! { SELECT *, x AS again FROM pa RIGHT JOIN pb USING (b) ORDER BY b };
    db.select(&q)
        .expect(rows![
            [10, 1, 100, 11, 1000, 100],
            [30, NULL, NULL, 13, 3000, NULL]
        ])
        .refused_by(
            &[Dialect::Sqlite, Dialect::MariaDb, Dialect::MySql],
            "SELECT * over a JOIN ... USING",
        )
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    let q = select! { SELECT * FROM pa FULL JOIN pb USING (b) ORDER BY b };
    db.select(&q)
        .expect(rows![
            [10, 1, 100, 11, 1000],
            [20, 2, 200, NULL, NULL],
            [30, NULL, NULL, 13, 3000],
        ])
        .refused(Dialect::Sqlite, "SELECT * over a JOIN ... USING")
        .refused_by(&[Dialect::MariaDb, Dialect::MySql], "FULL JOIN")
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    // Several USING columns: PostgreSQL takes the list's order, MySQL and MariaDB the table's.
    let q = select! {
        SELECT * FROM pa JOIN (SELECT id - 10 AS id, b, y FROM pb) q USING (b, id)
    };
    db.select(&q)
        .expect(rows![[10, 1, 100, 1000]])
        .refused_by(
            &[Dialect::Sqlite, Dialect::MariaDb, Dialect::MySql],
            "SELECT * over a JOIN ... USING",
        )
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
}

/// `t.*` over a USING join is `t`'s own columns, but on SQLite under a RIGHT or FULL JOIN (the
/// other table's value shows in a USING column of `t` without a row, where a qualified column
/// is NULL as it should be). A `*` whose columns nobody reads needs no refusal.
#[test]
fn qualified_star_over_a_join_with_using() {
    let mut db = Db::open("fid_cols_star_using_t", &pairs());
    let q = select! { SELECT pb.*, pa.*, b FROM pa RIGHT JOIN pb USING (b) ORDER BY pb.id };
    db.select(&q)
        .expect(rows![
            [11, 10, 1000, 1, 10, 100, 10],
            [13, 30, 3000, NULL, NULL, NULL, 30],
        ])
        .refused(Dialect::Sqlite, "t.* over a RIGHT or FULL JOIN ... USING")
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    let q = select! { SELECT pa.b, pa.x FROM pa RIGHT JOIN pb USING (b) ORDER BY pb.id };
    db.select(&q)
        .expect(rows![[10, 100], [NULL, NULL]])
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
    let q = select! {
        SELECT id FROM pa o
        WHERE EXISTS (SELECT * FROM pa JOIN pb USING (b) WHERE pa.id = o.id)
    };
    db.select(&q)
        .expect(rows![[1]])
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
}

/// A recursive member in parentheses, with a WITH of its own: SQLite takes no parenthesised
/// operand, and in `SELECT * FROM (...)` the member's reference is a "circular reference";
/// MariaDB takes no WITH there. The inner CTEs move into the derived tables that read them.
#[test]
fn recursive_reference_in_a_nested_with() {
    let mut db = Db::open("fid_cols_nested_with", &items());
    let q = select! {
        WITH RECURSIVE t(n) AS (
            SELECT 1
            UNION ALL
            (WITH x(k) AS (SELECT 1) SELECT n + k FROM t, x WHERE n < 3)
        )
        SELECT n FROM t ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3]]).check();
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3))
        SELECT n FROM t ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3]]).check();
    // The inner x shadows the outer one; y reads the inner x; an x inside y's reader is its own.
    let q = select! {
        WITH RECURSIVE x(k) AS (SELECT 100),
        t(n) AS (
            SELECT 1
            UNION ALL
            (
                WITH x(k) AS (SELECT 1), y(k) AS (SELECT k * 2 FROM x)
                SELECT n + y.k FROM t JOIN y ON y.k > 0
                WHERE n < 5 AND EXISTS (WITH x(k) AS (SELECT 7) SELECT k FROM x WHERE k = 7)
            )
        )
        SELECT n FROM t UNION ALL (WITH z(m) AS (SELECT 9) SELECT m FROM z JOIN x ON k > m)
        ORDER BY 1
    };
    db.select(&q).expect(rows![[1], [3], [5], [9]]).check();
    // MariaDB does not see an enclosing CTE from the body of a nested one: there the operand
    // is one derived table whose reference to `x` carries it.
    let q = select! {
        WITH x(k) AS (SELECT 100)
        SELECT 1 UNION ALL (WITH z(m) AS (SELECT k FROM x) SELECT m FROM z)
    };
    db.select(&q).expect(rows![[1], [100]]).check();
    let q = select! {
        WITH RECURSIVE x(k) AS (SELECT 1),
        t(n) AS (
            SELECT 1 UNION ALL (WITH y(j) AS (SELECT k FROM x) SELECT n + j FROM t, y WHERE n < 3)
        )
        SELECT n FROM t ORDER BY n
    };
    db.select(&q).expect(rows![[1], [2], [3]]).check();
}

/// A recursive member that reads its CTE under an alias with a column list. Where a table name
/// takes no column list, the reference becomes a derived table that reads the CTE: MariaDB
/// runs that; SQLite calls it a "circular reference", and MySQL and SQL Server take a
/// recursive reference only directly in the member's FROM. Those three refuse the query.
#[test]
fn recursive_reference_with_an_alias_column_list() {
    let mut db = Db::open("fid_cols_recursive_alias", &items());
    let q = select! {
        WITH RECURSIVE t(n, total) AS (
            SELECT 1, 10
            UNION ALL
            SELECT w.m + 1, w.s + i.qty FROM t AS w(m, s) JOIN item i ON i.id = w.m + 1
        )
        SELECT n, total FROM t ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, 10], [2, 30], [3, NULL]])
        .refused_by(
            &[Dialect::Sqlite, Dialect::MySql, Dialect::MsSql],
            "a column list on the alias of a recursive CTE's reference to itself",
        )
        .check();
    // Without the column list, every engine runs it.
    let q = select! {
        WITH RECURSIVE t(n, total) AS (
            SELECT 1, 10
            UNION ALL
            SELECT w.n + 1, w.total + i.qty FROM t AS w JOIN item i ON i.id = w.n + 1
        )
        SELECT n, total FROM t ORDER BY n
    };
    db.select(&q)
        .expect(rows![[1, 10], [2, 30], [3, NULL]])
        .check();
}
