//! The capability table of `docs/dialects.md`, kept true: every row is a query rendered for
//! every dialect (with `to_inline_sql` where the row names it), and each cell must say what the
//! rendering does.
//!
//! A cell starts with `native` (the construct as written), `emulated` (other SQL with the same
//! rows), `dropped` (a hint the engine does not have, left out) or `RenderError`. Where a row
//! names a marker, `native` means the SQL contains it, `emulated` and `dropped` that it does
//! not; or, for an emulation marker, that `emulated` SQL contains it and `native` SQL does not.
//! A `RenderError` cell must be the refusal of that row's construct, on that dialect: the
//! error's `construct()` must contain the text [`refusal`] gives for the row.
//! The engine tests in this directory run the same constructs on SQLite, PostgreSQL and
//! MariaDB; this test keeps the table and the renderer saying the same thing.

use cte_runtime::{select, Dialect, Query};

/// What tells a native rendering from an emulated one.
enum Marker {
    /// Text only the native rendering has.
    Native(&'static str),
    /// Text only an emulation has (any one of these).
    Emulated(&'static [&'static str]),
    /// Only RenderError or not: the row has no native/emulated distinction to check.
    None,
}

/// The query and marker of a table row, by its first cell.
fn case(construct: &str) -> Option<(Query, Marker)> {
    let n = 3_i64;
    let case = match construct {
        "`WITH RECURSIVE`" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
                SELECT n FROM s
            },
            Marker::Native("WITH RECURSIVE"),
        ),
        "Recursion without a limit" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
                SELECT n FROM s
            },
            Marker::Emulated(&[
                "cte_max_recursion_depth",
                "max_recursive_iterations",
                "MAXRECURSION 0",
            ]),
        ),
        "`UNION` mixed with `UNION ALL` in a recursive CTE" => (
            select! {
                WITH RECURSIVE s(n) AS (
                    SELECT 1 UNION ALL SELECT 1 UNION SELECT n + 1 FROM s WHERE n < 3
                )
                SELECT n FROM s
            },
            Marker::Emulated(&["AS __cte_a1"]),
        ),
        "`OPTION (MAXRECURSION n)`" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
                SELECT n FROM s
                OPTION (MAXRECURSION 10)
            },
            Marker::Emulated(&["__cte_level"]),
        ),
        "`OPTION (MAXRECURSION n)` with a `UNION` recursion" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION SELECT n + 1 FROM s WHERE n < 3)
                SELECT n FROM s
                OPTION (MAXRECURSION 10)
            },
            Marker::None,
        ),
        "Several recursive members" => (
            select! {
                WITH RECURSIVE s(n) AS (
                    SELECT 1
                    UNION ALL SELECT n + 1 FROM s WHERE n < 3
                    UNION ALL SELECT n + 2 FROM s WHERE n < 3
                )
                SELECT n FROM s
            },
            Marker::Emulated(&["CROSS JOIN LATERAL"]),
        ),
        "Several recursive members joined by both `UNION` and `UNION ALL`" => (
            select! {
                WITH RECURSIVE s(n) AS (
                    SELECT 1
                    UNION ALL SELECT n + 1 FROM s WHERE n < 3
                    UNION SELECT n + 2 FROM s WHERE n < 3
                )
                SELECT n FROM s
            },
            Marker::None,
        ),
        "An anchor of queries joined by `INTERSECT` or `EXCEPT` (`VALUES (1) INTERSECT VALUES (1) UNION ...`)" => (
            select! {
                WITH RECURSIVE s(n) AS (
                    SELECT 1 INTERSECT SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3
                )
                SELECT n FROM s
            },
            Marker::Emulated(&["AS __cte_a1"]),
        ),
        "The same, with a column a recursive member widens (`s \\|\\| 'b'`)" => (
            select! {
                WITH RECURSIVE s(t) AS (
                    SELECT "a" INTERSECT SELECT "a" UNION ALL SELECT t || "b" FROM s WHERE t < "ab"
                )
                SELECT t FROM s
            },
            Marker::Emulated(&["AS __cte_a1"]),
        ),
        "The same, with `SEARCH` or `CYCLE`" => (
            select! {
                WITH RECURSIVE s(n) AS (
                    SELECT 1 INTERSECT SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3
                ) SEARCH DEPTH FIRST BY n SET ord
                SELECT n FROM s ORDER BY ord
            },
            Marker::Emulated(&["AS __cte_a1"]),
        ),
        "`UNION` (without `ALL`) in a recursive CTE" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION SELECT n + 1 FROM s WHERE n < 3)
                SELECT n FROM s
            },
            Marker::None,
        ),
        "`SEARCH DEPTH FIRST` / `BREADTH FIRST`" => (
            select! {
                WITH RECURSIVE t(id) AS (
                    SELECT 1 UNION ALL SELECT n.id FROM node n JOIN t ON n.parent = t.id
                ) SEARCH DEPTH FIRST BY id SET ord
                SELECT id FROM t ORDER BY ord
            },
            // The whole clause: emulations name SEARCH in their error text.
            Marker::Native("SEARCH DEPTH FIRST BY"),
        ),
        "`CYCLE`" => (
            select! {
                WITH RECURSIVE t(id) AS (
                    SELECT 1 UNION ALL SELECT e.dst FROM edge e JOIN t ON e.src = t.id
                ) CYCLE id SET looped USING trail
                SELECT id, looped FROM t
            },
            Marker::Native("CYCLE"),
        ),
        "`CYCLE` over a key that repeats with a NULL in it" => (
            select! {
                WITH RECURSIVE t(id, n) AS (
                    SELECT CAST(NULL AS INTEGER), 0 UNION ALL SELECT id, n + 1 FROM t WHERE n < 3
                ) CYCLE id SET looped USING trail
                SELECT id, looped FROM t
            },
            Marker::Emulated(&["COALESCE(REPLACE(", "COALESCE(replace("]),
        ),
        "A recursive member reading its CTE under an alias with a column list (`FROM t AS w(m)`)" => (
            select! {
                WITH RECURSIVE t(n) AS (
                    SELECT 1 UNION ALL SELECT w.m + 1 FROM t AS w(m) WHERE w.m < 3
                )
                SELECT n FROM t
            },
            Marker::Emulated(&["__cte_c"]),
        ),
        "Reading a SEARCH or CYCLE path other than `ORDER BY ord`" => (
            select! {
                WITH RECURSIVE t(id) AS (
                    SELECT 1 UNION ALL SELECT e.dst FROM edge e JOIN t ON e.src = t.id
                ) CYCLE id SET looped USING trail
                SELECT id, trail FROM t
            },
            Marker::None,
        ),
        "`MATERIALIZED` / `NOT MATERIALIZED`" => (
            select! {
                WITH c AS MATERIALIZED (SELECT 1 AS x) SELECT x FROM c
            },
            Marker::Native("MATERIALIZED"),
        ),
        "A CTE reading one written after it in `WITH RECURSIVE`" => (
            select! {
                WITH RECURSIVE a(n) AS (SELECT n FROM b), b(n) AS (SELECT 1)
                SELECT n FROM a
            },
            Marker::Emulated(&["b (n) AS (SELECT 1), a (n) AS"]),
        ),
        "`WITH` before `INSERT`" => (
            select! {
                WITH c AS (SELECT 1 AS x) INSERT INTO t (x) SELECT x FROM c
            },
            Marker::Emulated(&["INSERT INTO t (x) WITH"]),
        ),
        "`WITH` before `UPDATE` / `DELETE`" => (
            select! {
                WITH c AS (SELECT 1 AS x) UPDATE t SET y = 0 WHERE x IN (SELECT x FROM c)
            },
            Marker::Emulated(&["(WITH c AS"]),
        ),
        "`WITH` inside a subquery" => (
            select! {
                SELECT s.x FROM (WITH c AS (SELECT 1 AS x) SELECT x FROM c) s
            },
            Marker::Emulated(&["__cte_h1"]),
        ),
        "`WITH` inside a subquery that reads the outer query" => (
            select! {
                SELECT t.id, (WITH c AS (SELECT t.id AS x) SELECT x FROM c) AS c FROM t
            },
            Marker::None,
        ),
        "A nested `WITH` whose CTE reads an outer CTE" => (
            select! {
                WITH a AS (SELECT 1 AS x)
                SELECT b.x FROM (WITH c AS (SELECT x FROM a) SELECT x FROM c) AS b
            },
            Marker::Emulated(&["SELECT * FROM __cte_s1) AS a", "__cte_h1"]),
        ),
        "A nested CTE named like an outer one" => (
            select! {
                WITH a AS (SELECT 1 AS x), b AS (WITH a AS (SELECT 2 AS x) SELECT x FROM a)
                SELECT a.x, b.x FROM a, b
            },
            Marker::Emulated(&["__cte_s1 AS a", "__cte_h1 AS a"]),
        ),
        "Data-modifying CTE (`INSERT`/`UPDATE`/`DELETE ... RETURNING` in `WITH`)" => (
            select! {
                WITH gone AS (DELETE FROM t WHERE x = 0 RETURNING id) SELECT id FROM gone
            },
            Marker::None,
        ),
        "`RETURNING` on `INSERT`" => (
            select! { INSERT INTO t (x) VALUES (1) RETURNING x },
            Marker::None,
        ),
        "`RETURNING` on `UPDATE`" => (select! { UPDATE t SET x = 1 RETURNING x }, Marker::None),
        "`UPDATE ... SET` with a value that reads a column set before it (`a = b, b = a`)" => (
            select! { UPDATE t SET a = b, b = a },
            Marker::None,
        ),
        "`RETURNING` on `DELETE`" => (
            select! { DELETE FROM t WHERE x = 1 RETURNING x },
            Marker::None,
        ),
        "`FOR UPDATE` / `FOR SHARE`, `NOWAIT`, `SKIP LOCKED`" => (
            select! { SELECT x FROM t FOR UPDATE SKIP LOCKED },
            Marker::Native("FOR UPDATE SKIP LOCKED"),
        ),
        "`DELETE ... USING`" => (
            select! { DELETE FROM t USING s WHERE s.id = t.id },
            Marker::Native(" USING s"),
        ),
        "`RETURNING` on `DELETE ... USING`" => (
            select! { DELETE FROM t USING s WHERE s.id = t.id RETURNING t.x },
            Marker::None,
        ),
        "`JOIN` without `ON` (every pair)" => (
            select! { SELECT t.x FROM t JOIN s },
            Marker::Emulated(&["ON TRUE", "ON 1 = 1"]),
        ),
        "`ORDER BY` without `NULLS FIRST`/`LAST`" => (
            select! { SELECT x FROM t ORDER BY x },
            Marker::Emulated(&["NULLS FIRST"]),
        ),
        "`NULLS FIRST` / `NULLS LAST`" => (
            select! { SELECT x FROM t ORDER BY x NULLS LAST },
            Marker::Native("NULLS LAST"),
        ),
        "`NULLS FIRST`/`LAST` on a column position" => (
            select! { SELECT x FROM t ORDER BY 1 NULLS LAST },
            Marker::Native("NULLS LAST"),
        ),
        "`NULLS FIRST`/`LAST` with `SELECT DISTINCT` or on a `UNION`" => (
            select! { SELECT DISTINCT x FROM t ORDER BY x NULLS LAST },
            Marker::Native("NULLS LAST"),
        ),
        "`TRUE` / `FALSE` and boolean values" => (
            select! { SELECT x > 1 AS big FROM t WHERE TRUE },
            Marker::Native("TRUE"),
        ),
        "`LIMIT` / `OFFSET`" => (
            select! { SELECT x FROM t ORDER BY x LIMIT {n} OFFSET 1 },
            Marker::Native("LIMIT"),
        ),
        "An expression in `LIMIT` / `OFFSET`" => (
            select! { SELECT x FROM t ORDER BY x LIMIT {n} + 1 },
            Marker::Native("LIMIT"),
        ),
        "`FULL JOIN`" => (
            select! { SELECT a.x FROM a FULL JOIN b ON a.x = b.x },
            Marker::Native("FULL JOIN"),
        ),
        "`JOIN ... USING`" => (
            select! { SELECT a.x FROM a JOIN b USING (x) },
            Marker::None,
        ),
        "`SELECT *` over `JOIN ... USING` (`INNER`/`LEFT`, one `USING` column)" => (
            select! { SELECT * FROM a LEFT JOIN b USING (x) },
            Marker::None,
        ),
        "`SELECT *` over `RIGHT JOIN ... USING`, or with several `USING` columns" => (
            select! { SELECT * FROM a RIGHT JOIN b USING (x) },
            Marker::None,
        ),
        "`t.*` over `RIGHT`/`FULL JOIN ... USING`" => (
            select! { SELECT a.* FROM a RIGHT JOIN b USING (x) },
            Marker::None,
        ),
        "`*` after other select items (`SELECT x AS a, *`)" => (
            select! { SELECT 1 AS k, * FROM a q },
            Marker::Emulated(&["q.*"]),
        ),
        "`*` after other select items over `JOIN ... USING`" => (
            select! { SELECT 1 AS k, * FROM a JOIN b USING (x) },
            Marker::None,
        ),
        "`WITH` on a parenthesised operand of `UNION`/`INTERSECT`/`EXCEPT`" => (
            select! { SELECT 1 UNION ALL (WITH x(k) AS (SELECT 2) SELECT k FROM x) },
            Marker::Emulated(&["SELECT * FROM x) AS x", "__cte_h"]),
        ),
        "The same, a CTE of it reading a CTE of an enclosing `WITH`" => (
            select! {
                WITH y(j) AS (SELECT 2)
                SELECT 1 UNION ALL (WITH x(k) AS (SELECT j FROM y) SELECT k FROM x)
            },
            Marker::Emulated(&["SELECT * FROM x) AS x", "SELECT k FROM x) AS __cte_d", "__cte_h"]),
        ),
        "`LATERAL`" => (
            select! { SELECT a.x, l.y FROM a CROSS JOIN LATERAL (SELECT b.y FROM b WHERE b.x = a.x) l },
            Marker::Native("LATERAL"),
        ),
        "`RIGHT`/`FULL JOIN LATERAL`" => (
            select! { SELECT a.x FROM a RIGHT JOIN LATERAL (SELECT a.x AS y) l ON TRUE },
            Marker::Native("LATERAL"),
        ),
        "`INTERSECT ALL` / `EXCEPT ALL`" => (
            select! { SELECT x FROM a INTERSECT ALL SELECT x FROM b },
            Marker::None,
        ),
        "`GROUPS` window frame" => (
            select! {
                SELECT SUM(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM a
            },
            Marker::None,
        ),
        "`a \\|\\| b`" => (select! { SELECT x || "!" FROM t }, Marker::Native("||")),
        "`a \\|\\| b` where neither operand is text for certain (`1 \\|\\| 2`, integer columns)" => (
            select! { SELECT x || y FROM t },
            Marker::Emulated(&["CAST(x AS TEXT)", "CONCAT(", "NVARCHAR(MAX)"]),
        ),
        "A boolean operand of `\\|\\|` (`TRUE`, a comparison, a `BOOLEAN` cast)" => {
            (select! { SELECT "x" || (x = 1) FROM t }, Marker::None)
        }
        "An exact decimal operand of `\\|\\|` (`1.50`, a `DECIMAL(p, s)` cast, their sums and products)" => {
            (select! { SELECT "x" || 1.50 FROM t }, Marker::None)
        }
        "Another non-integer operand of `\\|\\|` (`REAL`/`DOUBLE` casts, `2e10`, `AVG`, quotients)" => {
            (select! { SELECT "x" || AVG(x) FROM t }, Marker::None)
        }
        "`/` on integers" => (
            select! { SELECT COUNT(*) / 2 FROM t },
            Marker::Emulated(&[" DIV "]),
        ),
        "`/` on operands of unknown type" => (select! { SELECT x / 2 FROM t }, Marker::None),
        "`CAST(x AS TEXT)`" => (
            select! { SELECT CAST(x AS TEXT) FROM t },
            Marker::Native("AS TEXT"),
        ),
        "`CAST(x AS BOOLEAN)`" => (
            select! { SELECT CAST(x AS BOOLEAN) FROM t },
            Marker::Native("AS BOOLEAN"),
        ),
        "Text grown in a recursive member" => (
            select! {
                WITH RECURSIVE s(n, label) AS (
                    SELECT 1, "a" UNION ALL SELECT n + 1, label || "b" FROM s WHERE n < 3
                )
                SELECT label FROM s
            },
            Marker::Emulated(&["CAST('a'", "CAST(N'a'"]),
        ),
        "`NULL` in a recursive anchor, typed by the member" => (
            select! {
                WITH RECURSIVE s(n, prev) AS (
                    SELECT 1, NULL UNION ALL SELECT n + 1, CAST(n AS BIGINT) * 2 FROM s WHERE n < 3
                )
                SELECT prev FROM s
            },
            Marker::Emulated(&["CAST(NULL", "CAST(CAST(NULL"]),
        ),
        "`NULL` in a recursive anchor, type not shown" => (
            select! {
                WITH RECURSIVE s(n, prev) AS (
                    SELECT 1, NULL UNION ALL SELECT s.n + 1, t.x FROM s JOIN t ON t.n = s.n
                )
                SELECT prev FROM s
            },
            Marker::None,
        ),
        "Integer anchor, fractional recursive member" => (
            select! {
                WITH RECURSIVE s(n, v) AS (SELECT 1, 1 UNION ALL SELECT n + 1, v * 1.5 FROM s WHERE n < 3)
                SELECT v FROM s
            },
            Marker::None,
        ),
        "Decimal literal anchor, computing recursive member" => (
            select! {
                WITH RECURSIVE s(n, v) AS (SELECT 1, 1.5 UNION ALL SELECT n + 1, v * 1.5 FROM s WHERE n < 3)
                SELECT v FROM s
            },
            Marker::None,
        ),
        "A parameter where the SQL around it gives no type" => {
            (select! { SELECT {n} AS n }, Marker::Emulated(&["CAST($1"]))
        }
        "Parameters in `VALUES`" => (
            select! { SELECT a FROM (VALUES ({n}), (2)) AS v(a) },
            Marker::Emulated(&["SELECT ? UNION ALL SELECT 2"]),
        ),
        "`VALUES` reading a column of the query around it" => (
            select! { SELECT t.x FROM t WHERE t.x IN (VALUES (t.x), (2)) },
            Marker::Emulated(&["SELECT t.x UNION ALL SELECT 2"]),
        ),
        "A name the dialect reserves (`key`, `user`)" => (
            select! { SELECT key, user FROM t },
            Marker::Emulated(&["\"user\"", "`key`", "[key]"]),
        ),
        "A string literal with `\\`" => (
            select! { SELECT "a\\b" AS v },
            Marker::Emulated(&["E'", "_utf8mb4 X'"]),
        ),
        "A string literal with `\\` before a line break" => (
            select! { SELECT "a\\\nb" AS v },
            Marker::Emulated(&["E'", "_utf8mb4 X'", "\\\\\n"]),
        ),
        "A string literal outside printable ASCII" => (
            select! { SELECT "丁" AS v },
            Marker::Emulated(&["_utf8mb4 X'"]),
        ),
        "A string literal with NUL" => (
            select! { SELECT "a\0b" AS v },
            Marker::Emulated(&["_utf8mb4 X'", "CAST(X'"]),
        ),
        "A byte string in `to_inline_sql`" => {
            let bytes = b"\\x".as_slice();
            (select! { SELECT {bytes} AS v }, Marker::Emulated(&["E'"]))
        }
        "`OPTION (MAXRECURSION n)` on a CTE read in another spelling (`r#tree`, `TREE`)" => (
            select! {
                WITH RECURSIVE r#tree(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM TREE WHERE n < 3)
                SELECT n FROM Tree
                OPTION (MAXRECURSION 10)
            },
            Marker::Emulated(&["__cte_level"]),
        ),
        "`x IN {list}`, a Rust list" => {
            let ids = [n, 5];
            (
                select! { SELECT id FROM t WHERE id IN {ids} },
                Marker::Native("= ANY("),
            )
        }
        "More parameters than the engine binds in one statement" => {
            (cte_tests::built::in_list(65_536), Marker::None)
        }
        "A recursion read under `LIMIT` or `EXISTS`, without a limit" => (
            select! {
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s)
                SELECT n FROM s LIMIT 3
            },
            Marker::Emulated(&[
                "cte_max_recursion_depth = 1000001",
                "max_recursive_iterations = 1000001",
                "MAXRECURSION 0",
            ]),
        ),
        "`SEARCH ... BY` a text key" => (
            select! {
                WITH RECURSIVE t(id, name) AS (
                    SELECT 1, "root" UNION ALL SELECT n.id, n.name FROM node n JOIN t ON n.parent = t.id
                ) SEARCH DEPTH FIRST BY name SET ord
                SELECT id FROM t ORDER BY ord
            },
            Marker::Emulated(&["HEX(", "hex("]),
        ),
        "`INSERT ... ON CONFLICT (cols) DO UPDATE` / `DO NOTHING`, without a schema" => (
            select! {
                INSERT INTO t (id, n) VALUES (1, 2)
                ON CONFLICT (id) DO UPDATE SET n = excluded.n
            },
            Marker::Native("ON CONFLICT (id) DO UPDATE SET n = excluded.n"),
        ),
        "`INSERT ... SELECT ... ON CONFLICT`" => (
            select! {
                INSERT INTO t (id, n) SELECT id, n FROM s ON CONFLICT (id) DO NOTHING
            },
            Marker::Emulated(&["WHERE true"]),
        ),
        "`INSERT ... ON CONFLICT DO NOTHING` without conflict columns" => (
            select! {
                INSERT INTO t (id, n) VALUES (1, 2) ON CONFLICT DO NOTHING
            },
            Marker::Emulated(&["ON DUPLICATE KEY UPDATE t.id = t.id"]),
        ),
        _ => return None,
    };
    Some(case)
}

/// What a `RenderError` for the row must name: text its `construct()` contains. A refusal of
/// something else in the row's query (a cell that is `RenderError` for another reason) is a
/// wrong cell.
fn refusal(construct: &str) -> Option<&'static str> {
    let names = match construct {
        // PostgreSQL, MariaDB and SQLite refuse the limit on this recursion; SQL Server refuses
        // the UNION recursion itself.
        "`OPTION (MAXRECURSION n)` with a `UNION` recursion" => "UNION",
        "Several recursive members" => "several recursive members",
        // PostgreSQL has one recursive term, MariaDB one operator throughout, SQL Server only
        // UNION ALL.
        "Several recursive members joined by both `UNION` and `UNION ALL`" => "UNION",
        "The same, with a column a recursive member widens (`s \\|\\| 'b'`)" => {
            "anchor has INTERSECT or EXCEPT"
        }
        "The same, with `SEARCH` or `CYCLE`" => "SEARCH or CYCLE",
        "`UNION` (without `ALL`) in a recursive CTE" => "UNION (without ALL)",
        "`SEARCH DEPTH FIRST` / `BREADTH FIRST`" => "SEARCH",
        "`CYCLE`" => "CYCLE",
        "`CYCLE` over a key that repeats with a NULL in it" => "CYCLE",
        "A recursive member reading its CTE under an alias with a column list (`FROM t AS w(m)`)" => {
            "alias of a recursive CTE's reference"
        }
        // The row's query reads a CYCLE path; SQL Server has no SEARCH or CYCLE clause at all.
        "Reading a SEARCH or CYCLE path other than `ORDER BY ord`" => "CYCLE",
        "`WITH` inside a subquery that reads the outer query" => "WITH inside a subquery",
        "Data-modifying CTE (`INSERT`/`UPDATE`/`DELETE ... RETURNING` in `WITH`)" => {
            "INSERT, UPDATE or DELETE inside WITH"
        }
        "`INSERT ... ON CONFLICT (cols) DO UPDATE` / `DO NOTHING`, without a schema"
        | "`INSERT ... SELECT ... ON CONFLICT`"
        | "`INSERT ... ON CONFLICT DO NOTHING` without conflict columns" => "ON CONFLICT",
        "`RETURNING` on `INSERT`"
        | "`RETURNING` on `UPDATE`"
        | "`RETURNING` on `DELETE`"
        | "`RETURNING` on `DELETE ... USING`" => "RETURNING",
        "`FOR UPDATE` / `FOR SHARE`, `NOWAIT`, `SKIP LOCKED`" => "FOR UPDATE or FOR SHARE",
        "`UPDATE ... SET` with a value that reads a column set before it (`a = b, b = a`)" => {
            "UPDATE SET with a value that reads a column set before it"
        }
        "`NULLS FIRST`/`LAST` on a column position" => "NULLS FIRST/LAST on a column position",
        "`NULLS FIRST`/`LAST` with `SELECT DISTINCT` or on a `UNION`" => {
            "NULLS FIRST/LAST with SELECT DISTINCT"
        }
        "An expression in `LIMIT` / `OFFSET`" => "an expression in LIMIT or OFFSET",
        "`FULL JOIN`" => "FULL JOIN",
        "`LATERAL`" | "`RIGHT`/`FULL JOIN LATERAL`" => "LATERAL",
        "`INTERSECT ALL` / `EXCEPT ALL`" => "INTERSECT ALL",
        "`GROUPS` window frame" => "GROUPS window frame",
        "`/` on operands of unknown type" => "/ on operands of unknown type",
        "`CAST(x AS BOOLEAN)`" => "CAST AS BOOLEAN",
        "`NULL` in a recursive anchor, type not shown" => "NULL in a recursive CTE's anchor",
        "Integer anchor, fractional recursive member" => "integer anchor",
        "Decimal literal anchor, computing recursive member" => "decimal literal anchor",
        "A string literal with NUL" => "NUL character",
        // MariaDB refuses the mix; SQL Server any UNION without ALL in a recursion.
        "`UNION` mixed with `UNION ALL` in a recursive CTE" => "UNION",
        // SQL Server refuses USING itself, the others the `*` over it.
        "`JOIN ... USING`"
        | "`SELECT *` over `JOIN ... USING` (`INNER`/`LEFT`, one `USING` column)"
        | "`SELECT *` over `RIGHT JOIN ... USING`, or with several `USING` columns"
        | "`t.*` over `RIGHT`/`FULL JOIN ... USING`"
        | "`*` after other select items over `JOIN ... USING`" => "JOIN ... USING",
        "A boolean operand of `\\|\\|` (`TRUE`, a comparison, a `BOOLEAN` cast)" => {
            "a boolean operand of ||"
        }
        "An exact decimal operand of `\\|\\|` (`1.50`, a `DECIMAL(p, s)` cast, their sums and \
         products)"
        | "Another non-integer operand of `\\|\\|` (`REAL`/`DOUBLE` casts, `2e10`, `AVG`, \
           quotients)" => "a non-integer number as an operand of ||",
        // SQL Server has no SEARCH clause at all.
        "`SEARCH ... BY` a text key" => "SEARCH",
        "More parameters than the engine binds in one statement" => "parameters",
        _ => return None,
    };
    Some(names)
}

/// The rows of the capability table: the construct and a cell per dialect, in
/// `Dialect::ALL` order.
fn table_rows(doc: &str) -> Vec<(String, Vec<String>)> {
    let header = "| Construct | PostgreSQL | MySQL | MariaDB | SQLite | SQL Server |";
    let mut lines = doc.lines().skip_while(|l| l.trim() != header).skip(2);
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        let line = line.trim();
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_owned())
            .collect();
        assert_eq!(cells.len(), 6, "a capability row needs six cells: {line}");
        rows.push((cells[0].clone(), cells[1..].to_vec()));
    }
    rows
}

#[test]
fn every_row_of_the_capability_table_is_what_the_renderer_does() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/dialects.md");
    let doc = std::fs::read_to_string(path).expect("docs/dialects.md");
    let rows = table_rows(&doc);
    assert!(rows.len() >= 30, "the table has {} rows", rows.len());
    let mut failures = Vec::new();
    for (construct, cells) in &rows {
        let Some((query, marker)) = case(construct) else {
            failures.push(format!("no query for the row {construct:?}"));
            continue;
        };
        for (dialect, cell) in Dialect::ALL.iter().zip(cells) {
            let state = cell.split([':', ' ', ',']).next().unwrap_or_default();
            let rendered = if construct.contains("`to_inline_sql`") {
                query.to_inline_sql(*dialect)
            } else {
                query.render(*dialect).map(|r| r.sql().to_owned())
            };
            let problem = match (state, &rendered) {
                ("RenderError", Err(e)) => match refusal(construct) {
                    None => Some(format!(
                        "the row names no refusal text, and it refuses: {e}"
                    )),
                    Some(names) if e.dialect() != *dialect || !e.construct().contains(names) => {
                        Some(format!("refuses something else ({names:?} expected): {e}"))
                    }
                    Some(_) => None,
                },
                ("RenderError", Ok(r)) => Some(format!("renders: {r}")),
                ("native" | "emulated" | "dropped", Err(e)) => Some(format!("refused: {e}")),
                ("native", Ok(r)) => match &marker {
                    Marker::Native(m) if !r.contains(m) => Some(format!("no {m:?} in {r}")),
                    Marker::Emulated(ms) if ms.iter().any(|m| r.contains(m)) => {
                        Some(format!("emulated: {r}"))
                    }
                    _ => None,
                },
                ("emulated" | "dropped", Ok(r)) => match &marker {
                    Marker::Native(m) if r.contains(m) => Some(format!("{m:?} as written in {r}")),
                    Marker::Emulated(ms) if !ms.iter().any(|m| r.contains(m)) => {
                        Some(format!("not emulated: {r}"))
                    }
                    _ => None,
                },
                (other, _) => Some(format!("unknown state {other:?}")),
            };
            if let Some(problem) = problem {
                failures.push(format!(
                    "{construct} on {dialect} says {cell:?}, but {problem}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
