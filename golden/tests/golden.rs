//! The SQL each dialect gets for a representative set of queries, and the RenderError of every
//! construct a dialect cannot express. Every MySQL rendering must parse with sqlparser's
//! MySqlDialect and every SQL Server rendering with its MsSqlDialect (neither has an engine in
//! the test suite).
//!
//! A golden string alone proves no dialect rule: the engine tests in `tests/` run these shapes.

use cte_runtime::Dialect::{self, MariaDb, MsSql, MySql, Postgres, Sqlite};
use cte_runtime::{select, Query, Value};

mod golden_support;

use golden_support::{assert_parses_on_mssql, assert_refused, assert_renders};

#[test]
fn hierarchy_with_depth_and_path() {
    let root = 1;
    let q = select! {
        WITH RECURSIVE tree(id, depth, path) AS (
            SELECT id, 0, CAST(name AS TEXT) FROM category WHERE id = {root}
            UNION ALL
            SELECT c.id, t.depth + 1, t.path || "/" || c.name
            FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT id, depth, path FROM tree ORDER BY path
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE tree (id, depth, path) AS (SELECT id, 0, CAST(name AS TEXT) \
                 FROM category WHERE id = CAST($1 AS BIGINT) UNION ALL SELECT c.id, t.depth + \
                 1, t.path || '/' || c.name FROM category AS c JOIN tree AS t ON c.parent_id = \
                 t.id) SELECT id, depth, path FROM tree ORDER BY path NULLS FIRST",
            ),
            (
                Sqlite,
                "WITH RECURSIVE tree (id, depth, path) AS (SELECT id, 0, CAST(name AS TEXT) \
                 FROM category WHERE id = ? UNION ALL SELECT c.id, t.depth + 1, \
                 t.path || '/' || c.name FROM category AS c JOIN tree AS t ON c.parent_id = t.id) \
                 SELECT id, depth, path FROM tree ORDER BY path",
            ),
            (
                MySql,
                "WITH RECURSIVE tree (id, depth, path) AS (SELECT id, 0, CAST(name AS \
                 CHAR(16777216)) FROM category WHERE id = ? UNION ALL SELECT c.id, t.depth + \
                 1, CONCAT(t.path, '/', c.name) FROM category AS c JOIN tree AS t ON \
                 c.parent_id = t.id) SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) \
                 */ id, depth, path FROM tree ORDER BY path",
            ),
            (
                MariaDb,
                "SET STATEMENT max_recursive_iterations = 4294967295 FOR \
                 WITH RECURSIVE tree (id, depth, path) AS (SELECT id, 0, \
                 CAST(name AS CHAR(16777216)) FROM category WHERE id = ? UNION ALL \
                 SELECT c.id, t.depth + 1, CONCAT(t.path, '/', c.name) FROM category AS c \
                 JOIN tree AS t ON c.parent_id = t.id) SELECT id, depth, path FROM tree \
                 ORDER BY path",
            ),
            (
                MsSql,
                "WITH tree (id, depth, path) AS (SELECT id, 0, CAST(name AS NVARCHAR(MAX)) \
                 FROM category WHERE id = @P1 UNION ALL SELECT c.id, t.depth + 1, \
                 CAST(t.path AS NVARCHAR(MAX)) + N'/' + CAST(c.name AS NVARCHAR(MAX)) \
                 FROM category AS c JOIN tree AS t ON c.parent_id = t.id) \
                 SELECT id, depth, path FROM tree ORDER BY path OPTION (MAXRECURSION 0)",
            ),
        ],
    );
    assert_eq!(
        q.render(Sqlite).map(|r| r.into_params()),
        Ok(vec![Value::I64(1)])
    );
}

fn two_stage() -> Query {
    let min = 2;
    select! {
        WITH per_dept AS (
            SELECT dept_id, COUNT(*) AS n, AVG(salary) AS avg_salary
            FROM employee GROUP BY dept_id HAVING COUNT(*) >= {min}
        ),
        ranked AS (
            SELECT d.name, p.n, p.avg_salary
            FROM per_dept p JOIN dept d ON d.id = p.dept_id
            WHERE p.avg_salary > (SELECT AVG(salary) FROM employee)
        )
        SELECT name, n FROM ranked ORDER BY n DESC, name
    }
}

fn insert_with() -> Query {
    let min = 100;
    select! {
        WITH rich AS (SELECT id, owner FROM account WHERE balance >= {min})
        INSERT INTO vip (id, owner)
        SELECT id, owner FROM rich
    }
}

fn update_with() -> Query {
    select! {
        WITH RECURSIVE sub(id) AS (
            SELECT id FROM account WHERE id = {2}
            UNION ALL
            SELECT a.id FROM account a JOIN sub s ON a.parent_id = s.id
        )
        UPDATE account SET status = "closed", balance = 0 WHERE id IN (SELECT id FROM sub)
    }
}

fn update_from() -> Query {
    select! {
        WITH totals AS (SELECT account_id, SUM(amount) AS total FROM payment GROUP BY account_id)
        UPDATE account AS a SET balance = t.total
        FROM totals t WHERE t.account_id = a.id
    }
}

fn delete_with() -> Query {
    select! {
        WITH empty AS (SELECT id FROM account WHERE balance = 0)
        DELETE FROM account WHERE id IN (SELECT id FROM empty)
    }
}

fn nulls() -> Query {
    select! {
        SELECT name, manager_id AS boss FROM employee
        ORDER BY boss NULLS FIRST, salary DESC NULLS LAST
    }
}

fn limit_offset() -> Query {
    let (n, skip) = (10, 20);
    select! { SELECT id FROM employee ORDER BY id LIMIT {n} OFFSET {skip} }
}

fn offset_only() -> Query {
    select! { SELECT id FROM employee OFFSET 5 }
}

fn concat_query() -> Query {
    select! { SELECT name || " (" || id || ")" AS label, "x" || NULL AS gone FROM employee }
}

fn cast_query() -> Query {
    select! {
        SELECT CAST(id AS INTEGER), CAST(salary AS DECIMAL(10, 2)), CAST(salary AS DOUBLE PRECISION),
               CAST(name AS VARCHAR(3)), CAST(hired AS DATE), CAST(id AS TEXT)
        FROM employee
    }
}

fn window() -> Query {
    select! {
        SELECT id, SUM(salary) OVER (PARTITION BY dept_id ORDER BY id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
               ROW_NUMBER() OVER (ORDER BY salary DESC) AS rn
        FROM employee
    }
}

fn lateral() -> Query {
    select! {
        SELECT d.name, top.name
        FROM dept d
        LEFT JOIN LATERAL (
            SELECT e.name FROM employee e WHERE e.dept_id = d.id ORDER BY e.salary DESC LIMIT 1
        ) top ON TRUE
    }
}

fn boolean_query() -> Query {
    select! {
        SELECT id, salary > 50 AS well_paid FROM employee WHERE active AND NOT (id = 3 OR FALSE)
    }
}

#[test]
fn two_stage_cte() {
    let ctes = "per_dept AS (SELECT dept_id, COUNT(*) AS n, AVG(salary) AS avg_salary \
                FROM employee GROUP BY dept_id HAVING COUNT(*) >= ?), ranked AS (SELECT d.name, \
                p.n, p.avg_salary FROM per_dept AS p JOIN dept AS d ON d.id = p.dept_id WHERE \
                p.avg_salary > (SELECT AVG(salary) FROM employee)) SELECT name, n FROM ranked \
                ORDER BY n DESC, name";
    let with = format!("WITH {ctes}");
    assert_renders(
        &two_stage(),
        &[
            // An integer parameter is compared as BIGINT, whatever the column's width, and
            // NULL sorts low as on the other engines.
            (
                Postgres,
                &with.replace('?', "CAST($1 AS BIGINT)").replace(
                    "ORDER BY n DESC, name",
                    "ORDER BY n DESC NULLS LAST, name NULLS FIRST",
                ),
            ),
            (MySql, &with),
            (MariaDb, &with),
            (Sqlite, &with),
            (MsSql, &with.replace('?', "@P1")),
        ],
    );
}

#[test]
fn insert_with_a_cte() {
    let cte = "rich AS (SELECT id, owner FROM account WHERE balance >= ?)";
    let leading = format!("WITH {cte} INSERT INTO vip (id, owner) SELECT id, owner FROM rich");
    let inside = format!("INSERT INTO vip (id, owner) WITH {cte} SELECT id, owner FROM rich");
    assert_renders(
        &insert_with(),
        &[
            (Postgres, &leading.replace('?', "CAST($1 AS BIGINT)")),
            (MySql, &inside),
            (MariaDb, &inside),
            (Sqlite, &leading),
            (MsSql, &leading.replace('?', "@P1")),
        ],
    );
}

#[test]
fn update_with_a_recursive_cte() {
    let cte = "sub (id) AS (SELECT id FROM account WHERE id = ? UNION ALL SELECT a.id \
               FROM account AS a JOIN sub AS s ON a.parent_id = s.id)";
    let update = "UPDATE account SET status = 'closed', balance = 0 \
                  WHERE id IN (SELECT id FROM sub)";
    let leading = format!("WITH RECURSIVE {cte} {update}");
    assert_renders(
        &update_with(),
        &[
            (Postgres, &leading.replace('?', "CAST($1 AS BIGINT)")),
            (
                // MySQL's default limit of 1000 levels is lifted by a hint on the statement.
                MySql,
                &leading.replace(
                    "UPDATE account",
                    "UPDATE /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ account",
                ),
            ),
            (Sqlite, &leading),
            (
                // No WITH before UPDATE: the CTE moves into the subquery that reads it, and
                // the recursion limit is lifted.
                MariaDb,
                &format!(
                    "SET STATEMENT max_recursive_iterations = 4294967295 FOR UPDATE account \
                     SET status = 'closed', balance = 0 WHERE id IN (SELECT id FROM \
                     (WITH RECURSIVE {cte} SELECT * FROM sub) AS sub)"
                ),
            ),
            (
                MsSql,
                &format!("WITH {cte} {update} OPTION (MAXRECURSION 0)")
                    .replace('?', "@P1")
                    .replace("'closed'", "N'closed'"),
            ),
        ],
    );
}

#[test]
fn update_from_a_cte() {
    let cte = "totals AS (SELECT account_id, SUM(amount) AS total FROM payment \
               GROUP BY account_id)";
    let pg = format!(
        "WITH {cte} UPDATE account AS a SET balance = t.total FROM totals AS t \
         WHERE t.account_id = a.id"
    );
    assert_renders(
        &update_from(),
        &[
            (Postgres, &pg),
            (Sqlite, &pg),
            (
                MySql,
                &format!(
                    "WITH {cte} UPDATE account AS a, totals AS t SET a.balance = t.total \
                     WHERE t.account_id = a.id"
                ),
            ),
            (
                MariaDb,
                &format!(
                    "UPDATE account AS a, (WITH {cte} SELECT * FROM totals) AS t \
                     SET a.balance = t.total WHERE t.account_id = a.id"
                ),
            ),
            (
                MsSql,
                &format!(
                    "WITH {cte} UPDATE a SET balance = t.total FROM account AS a, totals AS t \
                     WHERE t.account_id = a.id"
                ),
            ),
        ],
    );
}

#[test]
fn delete_with_a_cte() {
    let cte = "empty AS (SELECT id FROM account WHERE balance = 0)";
    let leading = format!("WITH {cte} DELETE FROM account WHERE id IN (SELECT id FROM empty)");
    // EMPTY is reserved in MySQL 8.
    let mysql = leading.replace("empty", "`empty`");
    assert_renders(
        &delete_with(),
        &[
            (Postgres, &leading),
            (MySql, &mysql),
            (Sqlite, &leading),
            (MsSql, &leading),
            (
                MariaDb,
                &format!(
                    "DELETE FROM account WHERE id IN (SELECT id FROM \
                     (WITH {cte} SELECT * FROM empty) AS empty)"
                ),
            ),
        ],
    );
}

#[test]
fn nulls_first_and_last() {
    let native = "SELECT name, manager_id AS boss FROM employee \
                  ORDER BY boss NULLS FIRST, salary DESC NULLS LAST";
    let mysql = "SELECT name, manager_id AS boss FROM employee \
                 ORDER BY boss IS NULL DESC, boss, salary IS NULL, salary DESC";
    assert_renders(
        &nulls(),
        &[
            (Postgres, native),
            (Sqlite, native),
            (MySql, mysql),
            (MariaDb, mysql),
            (
                // SQL Server resolves a select alias only as a bare ORDER BY item, so the
                // leading key tests the aliased expression.
                MsSql,
                "SELECT name, manager_id AS boss FROM employee ORDER BY \
                 CASE WHEN manager_id IS NULL THEN 0 ELSE 1 END, boss, \
                 CASE WHEN salary IS NULL THEN 1 ELSE 0 END, salary DESC",
            ),
        ],
    );
}

#[test]
fn limit_and_offset() {
    assert_renders(
        &limit_offset(),
        &[
            (
                Postgres,
                "SELECT id FROM employee ORDER BY id NULLS FIRST LIMIT $1 OFFSET $2",
            ),
            (
                MySql,
                "SELECT id FROM employee ORDER BY id LIMIT ? OFFSET ?",
            ),
            (
                MariaDb,
                "SELECT id FROM employee ORDER BY id LIMIT ? OFFSET ?",
            ),
            (
                Sqlite,
                "SELECT id FROM employee ORDER BY id LIMIT ? OFFSET ?",
            ),
            (
                MsSql,
                "SELECT id FROM employee ORDER BY id OFFSET @P2 ROWS FETCH NEXT @P1 ROWS ONLY",
            ),
        ],
    );
    assert_renders(
        &offset_only(),
        &[
            (Postgres, "SELECT id FROM employee OFFSET 5"),
            (
                MySql,
                "SELECT id FROM employee LIMIT 18446744073709551615 OFFSET 5",
            ),
            (
                MariaDb,
                "SELECT id FROM employee LIMIT 18446744073709551615 OFFSET 5",
            ),
            (Sqlite, "SELECT id FROM employee LIMIT -1 OFFSET 5"),
            (
                MsSql,
                "SELECT id FROM employee ORDER BY (SELECT NULL) OFFSET 5 ROWS",
            ),
        ],
    );
}

#[test]
fn concatenation() {
    let pipes = "SELECT name || ' (' || id || ')' AS label, 'x' || NULL AS gone FROM employee";
    let concat = "SELECT CONCAT(name, ' (', id, ')') AS label, CONCAT('x', NULL) AS gone \
                  FROM employee";
    assert_renders(
        &concat_query(),
        &[
            (Postgres, pipes),
            (Sqlite, pipes),
            (MySql, concat),
            (MariaDb, concat),
            (
                MsSql,
                "SELECT CAST(name AS NVARCHAR(MAX)) + N' (' + CAST(id AS NVARCHAR(MAX)) + N')' \
                 AS label, N'x' + CAST(NULL AS NVARCHAR(MAX)) AS gone FROM employee",
            ),
        ],
    );
}

#[test]
fn casts() {
    assert_renders(
        &cast_query(),
        &[
            (
                Postgres,
                "SELECT CAST(id AS INTEGER), CAST(salary AS DECIMAL(10, 2)), \
                 CAST(salary AS DOUBLE PRECISION), CAST(name AS VARCHAR(3)), \
                 CAST(hired AS DATE), CAST(id AS TEXT) FROM employee",
            ),
            (
                MySql,
                "SELECT CAST(id AS SIGNED), CAST(salary AS DECIMAL(10, 2)), \
                 CAST(salary AS DOUBLE), CAST(name AS CHAR(3)), CAST(hired AS DATE), \
                 CAST(id AS CHAR(16777216)) FROM employee",
            ),
            (
                // No fixed-point type: DECIMAL(p, s) rounds; an integer cast rounds a
                // fraction as PostgreSQL does (SQLite's own CAST truncates).
                Sqlite,
                "SELECT CASE WHEN typeof(id) = 'real' THEN CAST(ROUND(id) AS INTEGER) \
                 ELSE CAST(id AS INTEGER) END, ROUND(CAST(salary AS NUMERIC), 2), \
                 CAST(salary AS REAL), SUBSTR(CAST(name AS TEXT), 1, 3), DATE(hired), \
                 CAST(id AS TEXT) FROM employee",
            ),
            (
                MsSql,
                "SELECT CAST(ROUND(id, 0) AS INT), CAST(salary AS DECIMAL(10, 2)), \
                 CAST(salary AS FLOAT), CAST(name AS NVARCHAR(3)), CAST(hired AS DATE), \
                 CAST(id AS NVARCHAR(MAX)) FROM employee",
            ),
        ],
    );
}

#[test]
fn window_functions() {
    let sql = "SELECT id, SUM(salary) OVER (PARTITION BY dept_id ORDER BY id ROWS BETWEEN \
               UNBOUNDED PRECEDING AND CURRENT ROW) AS running, ROW_NUMBER() OVER \
               (ORDER BY salary DESC) AS rn FROM employee";
    let mut all: Vec<(Dialect, String)> =
        Dialect::ALL.iter().map(|&d| (d, sql.to_owned())).collect();
    // NULL sorts low everywhere; PostgreSQL is told so.
    all[0].1 = sql
        .replace("ORDER BY id", "ORDER BY id NULLS FIRST")
        .replace("DESC", "DESC NULLS LAST");
    let all: Vec<(Dialect, &str)> = all.iter().map(|(d, s)| (*d, s.as_str())).collect();
    assert_renders(&window(), &all);
}

#[test]
fn lateral_join() {
    let native = "SELECT d.name, top.name FROM dept AS d LEFT JOIN LATERAL (SELECT e.name \
                  FROM employee AS e WHERE e.dept_id = d.id ORDER BY e.salary DESC LIMIT 1) \
                  AS top ON TRUE";
    assert_renders(
        &lateral(),
        &[
            (Postgres, &native.replace("DESC", "DESC NULLS LAST")),
            (MySql, native),
            (
                MsSql,
                // TOP is reserved in SQL Server.
                "SELECT d.name, [top].name FROM dept AS d OUTER APPLY (SELECT e.name \
                 FROM employee AS e WHERE e.dept_id = d.id ORDER BY e.salary DESC \
                 OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY) AS [top]",
            ),
        ],
    );
    assert_refused(&lateral(), &[MariaDb], "LATERAL");
    assert_refused(&lateral(), &[Sqlite], "LATERAL");
}

#[test]
fn booleans() {
    let native = "SELECT id, salary > 50 AS well_paid FROM employee \
                  WHERE active AND NOT (id = 3 OR FALSE)";
    assert_renders(
        &boolean_query(),
        &[
            (Postgres, native),
            (MySql, native),
            (MariaDb, native),
            (Sqlite, native),
            (
                MsSql,
                "SELECT id, CASE WHEN salary > 50 THEN 1 WHEN NOT (salary > 50) THEN 0 END \
                 AS well_paid FROM employee WHERE active = 1 AND NOT (id = 3 OR 1 = 0)",
            ),
        ],
    );
}

#[test]
fn text_that_grows_in_a_recursive_member() {
    // The anchor fixes the column type on MySQL, MariaDB and SQL Server: a column built with
    // || in the recursive member gets its anchor value cast to unbounded text.
    let q = select! {
        WITH RECURSIVE s(n, label) AS (
            SELECT 1, "a" UNION ALL SELECT n + 1, label || "b" FROM s WHERE n < 4
        )
        SELECT n, label FROM s
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE s (n, label) AS (SELECT 1, CAST('a' AS TEXT) UNION ALL SELECT \
                 n + 1, label || 'b' FROM s WHERE n < 4) SELECT n, label FROM s",
            ),
            (
                MySql,
                "WITH RECURSIVE s (n, label) AS (SELECT 1, CAST('a' AS CHAR(16777216)) UNION \
                 ALL SELECT n + 1, CONCAT(label, 'b') FROM s WHERE n < 4) SELECT /*+ \
                 SET_VAR(cte_max_recursion_depth = 4294967295) */ n, label FROM s",
            ),
            (
                MsSql,
                "WITH s (n, label) AS (SELECT 1, CAST(N'a' AS NVARCHAR(MAX)) UNION ALL \
                 SELECT n + 1, CAST(label AS NVARCHAR(MAX)) + N'b' FROM s WHERE n < 4) \
                 SELECT n, label FROM s OPTION (MAXRECURSION 0)",
            ),
        ],
    );
    // Without a column list, the widened anchor column keeps its name.
    let named = select! {
        WITH RECURSIVE s AS (
            SELECT 1 AS n, name FROM employee WHERE id = 1
            UNION ALL SELECT n + 1, name || "!" FROM s WHERE n < 3
        )
        SELECT n, name FROM s
    };
    assert_renders(
        &named,
        &[(
            MariaDb,
            "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE s AS \
             (SELECT 1 AS n, CAST(name AS CHAR(16777216)) AS name FROM employee WHERE id = 1 \
             UNION ALL SELECT n + 1, CONCAT(name, '!') FROM s WHERE n < 3) SELECT n, name FROM s",
        )],
    );
}

#[test]
fn column_aliases_on_from_items() {
    let q = select! {
        SELECT a.x, d.y FROM account AS a(x), (SELECT id FROM vip) AS d(y) WHERE a.x = d.y
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT a.x, d.y FROM account AS a (x), (SELECT id FROM vip) AS d (y) \
                 WHERE a.x = d.y",
            ),
            (
                MySql,
                "SELECT a.x, d.y FROM (SELECT * FROM account) AS a (x), \
                 (SELECT id FROM vip) AS d (y) WHERE a.x = d.y",
            ),
            (
                MariaDb,
                "SELECT a.x, d.y FROM (WITH __cte_c1 (x) AS (SELECT * FROM account) \
                 SELECT * FROM __cte_c1) AS a, (WITH __cte_c2 (y) AS (SELECT id FROM vip) \
                 SELECT * FROM __cte_c2) AS d WHERE a.x = d.y",
            ),
            (
                MsSql,
                "SELECT a.x, d.y FROM (SELECT * FROM account) AS a (x), \
                 (SELECT id FROM vip) AS d (y) WHERE a.x = d.y",
            ),
        ],
    );
}

/// `OPTION (MAXRECURSION n)`: SQL Server's own clause, MySQL's hint (MySQL counts the last,
/// empty iteration too), and a hidden level column that fails past the limit elsewhere, with
/// MariaDB's silent iteration limit set just above it.
#[test]
fn recursion_limit_on_every_dialect() {
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10)
        SELECT n FROM s OPTION (MAXRECURSION 5)
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE __cte_r1 (n, __cte_level) AS (SELECT 1, 0 AS __cte_level UNION \
                 ALL SELECT n + 1, CASE WHEN s.__cte_level < 5 THEN s.__cte_level + 1 ELSE \
                 CAST('MAXRECURSION 5 exceeded: a recursion reached level ' || \
                 CAST(s.__cte_level + 1 AS TEXT) AS INTEGER) END AS __cte_level FROM __cte_r1 \
                 AS s WHERE n < 10), s (n) AS (SELECT n FROM __cte_r1) SELECT n FROM s",
            ),
            (
                MySql,
                "WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10) \
                 SELECT /*+ SET_VAR(cte_max_recursion_depth = 6) */ n FROM s",
            ),
            (
                MariaDb,
                "SET STATEMENT max_recursive_iterations = 6 FOR WITH RECURSIVE __cte_r1 (n, \
                 __cte_level) AS (SELECT 1, 0 AS __cte_level UNION ALL SELECT n + 1, CASE WHEN \
                 s.__cte_level < 5 THEN s.__cte_level + 1 ELSE CAST(s.__cte_level * 0 AS \
                 UNSIGNED) - CHAR_LENGTH('MAXRECURSION 5 exceeded: a recursion reached level 6') \
                 END AS __cte_level FROM __cte_r1 AS s WHERE n < 10), s (n) AS (SELECT n FROM \
                 __cte_r1) SELECT n FROM s",
            ),
            (
                Sqlite,
                "WITH RECURSIVE __cte_r1 (n, __cte_level) AS (SELECT 1, 0 AS __cte_level UNION \
                 ALL SELECT n + 1, CASE WHEN s.__cte_level < 5 THEN s.__cte_level + 1 ELSE \
                 json_extract('{}', 'MAXRECURSION 5 exceeded: a recursion reached level ' || \
                 (s.__cte_level + 1)) END AS __cte_level FROM __cte_r1 AS s WHERE n < 10), s (n) \
                 AS (SELECT n FROM __cte_r1) SELECT n FROM s",
            ),
            (
                MsSql,
                "WITH s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10) SELECT n \
                 FROM s OPTION (MAXRECURSION 5)",
            ),
        ],
    );
}

/// SEARCH and CYCLE as text paths on MySQL (MariaDB and SQLite run the same shapes in
/// `tests/tests/fidelity_search_cycle.rs`).
#[test]
fn search_and_cycle_on_mysql() {
    let q = select! {
        WITH RECURSIVE w(node) AS (
            SELECT 1 UNION ALL SELECT e.dst FROM edge e JOIN w ON e.src = w.node
        ) SEARCH BREADTH FIRST BY node SET ord CYCLE node SET seen TO "y" DEFAULT "n" USING trail
        SELECT node, seen FROM w ORDER BY ord
    };
    assert_renders(
        &q,
        &[(
            MySql,
            "WITH RECURSIVE w (node, ord, seen, trail) AS (SELECT 1, \
             CAST(CONCAT('10000000000000000000', CASE WHEN 1 IS NULL THEN \
             'Z0000000000000000000' WHEN CHARSET(1) <> 'binary' THEN CONCAT(HEX(CONVERT(1 \
             USING utf8mb4)), ' ') WHEN 1 <> FLOOR(1) OR 1 NOT BETWEEN -9223372036854775808 \
             AND 9223372036854775807 THEN CAST(LENGTH(1) * 0 AS UNSIGNED) - \
             CHAR_LENGTH('SEARCH BY a key that is neither an integer nor text') WHEN 1 < 0 \
             THEN CONCAT('0', LPAD(CAST(1 AS SIGNED) + 9223372036854775807 + 1, 19, '0')) \
             ELSE CONCAT('1', LPAD(CAST(1 AS SIGNED), 19, '0')) END) AS CHAR(16777216)) AS \
             ord, CAST('n' AS CHAR(16777216)) AS seen, CAST(CONCAT(',', \
             CONCAT(COALESCE(REPLACE(REPLACE(REPLACE(CAST(1 AS CHAR), '%', '%25'), ',', \
             '%2C'), ';', '%3B'), '%')), ',') AS CHAR(16777216)) AS trail UNION ALL SELECT \
             e.dst, CONCAT(CONCAT('1', LPAD(CAST(SUBSTRING(w.ord, 2, 19) AS SIGNED) + 1, 19, \
             '0')), CASE WHEN e.dst IS NULL THEN 'Z0000000000000000000' WHEN CHARSET(e.dst) \
             <> 'binary' THEN CONCAT(HEX(CONVERT(e.dst USING utf8mb4)), ' ') WHEN e.dst <> \
             FLOOR(e.dst) OR e.dst NOT BETWEEN -9223372036854775808 AND 9223372036854775807 \
             THEN CAST(LENGTH(e.dst) * 0 AS UNSIGNED) - CHAR_LENGTH('SEARCH BY a key that is \
             neither an integer nor text') WHEN e.dst < 0 THEN CONCAT('0', LPAD(CAST(e.dst AS \
             SIGNED) + 9223372036854775807 + 1, 19, '0')) ELSE CONCAT('1', LPAD(CAST(e.dst AS \
             SIGNED), 19, '0')) END) AS ord, CASE WHEN INSTR(CAST(w.trail AS BINARY), \
             CAST(CONCAT(',', CONCAT(COALESCE(REPLACE(REPLACE(REPLACE(CAST(e.dst AS CHAR), \
             '%', '%25'), ',', '%2C'), ';', '%3B'), '%')), ',') AS BINARY)) > 0 THEN 'y' ELSE \
             'n' END AS seen, CONCAT(w.trail, \
             CONCAT(COALESCE(REPLACE(REPLACE(REPLACE(CAST(e.dst AS CHAR), '%', '%25'), ',', \
             '%2C'), ';', '%3B'), '%')), ',') AS trail FROM edge AS e JOIN w ON e.src = \
             w.node WHERE w.seen <> 'y') SELECT /*+ SET_VAR(cte_max_recursion_depth = \
             4294967295) */ node, seen FROM w ORDER BY ord",
        )],
    );
    assert_refused(&q, &[MsSql], "SEARCH or CYCLE clause");
}

/// Anchor values cast to the column's type: a NULL parameter and a NULL typed by the member,
/// and a BIGINT that MariaDB's plain `CAST AS SIGNED` would make an INT.
#[test]
fn recursive_anchor_types() {
    let missing: Option<i64> = None;
    let q = select! {
        WITH RECURSIVE s(n, prev, big) AS (
            SELECT {missing}, NULL, CAST(1 AS BIGINT)
            UNION ALL
            SELECT n + 1, n || "x", big * 2 FROM s WHERE n < 3
        )
        SELECT n, prev, big FROM s
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE s (n, prev, big) AS (SELECT CAST($1 AS BIGINT), CAST(NULL AS \
                 TEXT), CAST(1 AS BIGINT) UNION ALL SELECT n + 1, n || 'x', big * 2 FROM s \
                 WHERE n < 3) SELECT n, prev, big FROM s",
            ),
            (
                MySql,
                "WITH RECURSIVE s (n, prev, big) AS (SELECT CAST(CAST(? AS DECIMAL(19, 0)) AS \
                 SIGNED), CAST(NULL AS CHAR(16777216)), CAST(CAST(1 AS DECIMAL(19, 0)) AS \
                 SIGNED) UNION ALL SELECT n + 1, CONCAT(n, 'x'), big * 2 FROM s WHERE n < 3) \
                 SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ n, prev, big FROM \
                 s",
            ),
            (
                MariaDb,
                "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE s (n, \
                 prev, big) AS (SELECT CAST(CAST(? AS DECIMAL(19, 0)) AS SIGNED), CAST(NULL AS \
                 CHAR(16777216)), CAST(CAST(1 AS DECIMAL(19, 0)) AS SIGNED) UNION ALL SELECT n \
                 + 1, CONCAT(n, 'x'), big * 2 FROM s WHERE n < 3) SELECT n, prev, big FROM s",
            ),
            (
                Sqlite,
                "WITH RECURSIVE s (n, prev, big) AS (SELECT ?, NULL, CASE WHEN typeof(1) = \
                 'real' THEN CAST(ROUND(1) AS INTEGER) ELSE CAST(1 AS INTEGER) END UNION ALL \
                 SELECT n + 1, n || 'x', big * 2 FROM s WHERE n < 3) SELECT n, prev, big FROM s",
            ),
            (
                MsSql,
                "WITH s (n, prev, big) AS (SELECT @P1, CAST(NULL AS NVARCHAR(MAX)), \
                 CAST(ROUND(1, 0) AS BIGINT) UNION ALL SELECT n + 1, CAST(n AS NVARCHAR(MAX)) \
                 + N'x', big * 2 FROM s WHERE n < 3) SELECT n, prev, big FROM s OPTION \
                 (MAXRECURSION 0)",
            ),
        ],
    );
}

/// PostgreSQL casts a parameter to the type of its Rust value where nothing else types it. In
/// generic code (bound by `IntoParam`), or for a `Value`, the value's own kind decides, and a
/// call site whose queries differ in kinds renders each kind's SQL.
#[test]
fn parameter_kinds_from_generic_code() {
    fn item<T: cte_runtime::IntoParam + Clone>(t: T) -> Query {
        select! { SELECT {t.clone()} AS v, {t} IS NULL AS missing }
    }
    fn pg(q: &Query) -> String {
        q.render(Postgres)
            .map(|r| r.sql().to_owned())
            .unwrap_or_default()
    }
    let (number, text, none) = (item(5_i64), item("x"), item(Value::Null));
    assert_eq!(
        pg(&number),
        "SELECT CAST($1 AS BIGINT) AS v, CAST($2 AS BIGINT) IS NULL AS missing"
    );
    assert_eq!(
        pg(&text),
        "SELECT $1 AS v, CAST($2 AS TEXT) IS NULL AS missing"
    );
    assert_eq!(pg(&none), "SELECT $1 AS v, $2 IS NULL AS missing");
    assert_eq!(pg(&item(7_i64)), pg(&number));
    // Where the type is known, `None` is typed too.
    let missing: Option<f64> = None;
    let q = select! { SELECT {missing} AS v };
    assert_renders(
        &q,
        &[
            (Postgres, "SELECT CAST($1 AS DOUBLE PRECISION) AS v"),
            (MySql, "SELECT ? AS v"),
        ],
    );
}

/// SQL Server takes WITH only at the start of a statement: a WITH inside a subquery, a
/// derived table or a CTE body moves there under a fresh name, before the CTE that held it.
#[test]
fn sql_server_moves_inner_withs_to_the_front() {
    let q = select! { SELECT (SELECT MAX(y) FROM (WITH c AS (SELECT y FROM b) SELECT y FROM c) s) };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT (SELECT MAX(y) FROM (WITH c AS (SELECT y FROM b) SELECT y FROM c) AS s)",
            ),
            (
                MsSql,
                "WITH __cte_h1 AS (SELECT y FROM b) SELECT (SELECT MAX(y) FROM (SELECT y FROM \
                 __cte_h1 AS c) AS s)",
            ),
        ],
    );
    // Inner names shadow outer ones where they are written, and keep doing so once moved: the
    // inner `b` of `a`, the outer `b`, and the `b` of a derived table are three CTEs.
    let q = select! {
        WITH a AS (WITH b AS (SELECT 1 AS x) SELECT x FROM b), b AS (SELECT 2 AS x)
        SELECT a.x, b.x, y.x
        FROM a, b, (
            WITH b AS (SELECT 3 AS x), c AS (SELECT x FROM b)
            SELECT x FROM (WITH d AS (SELECT x FROM c) SELECT x FROM d) z
        ) y
    };
    assert_renders(
        &q,
        &[(
            MsSql,
            "WITH __cte_h1 AS (SELECT 1 AS x), a AS (SELECT x FROM __cte_h1 AS b), b AS \
             (SELECT 2 AS x), __cte_h2 AS (SELECT 3 AS x), __cte_h3 AS (SELECT x FROM __cte_h2 \
             AS b), __cte_h4 AS (SELECT x FROM __cte_h3 AS c) SELECT a.x, b.x, y.x FROM a, b, \
             (SELECT x FROM (SELECT x FROM __cte_h4 AS d) AS z) AS y",
        )],
    );
    // A recursive CTE moves too, and the statement lifts the recursion limit.
    let q = select! {
        SELECT t.id, (
            WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < t.id)
            SELECT COUNT(*) FROM r
        ) AS c FROM t
    };
    assert_refused(
        &q,
        &[MsSql],
        "a WITH inside a subquery that reads the query around it",
    );
    let q = select! {
        UPDATE t SET c = (
            WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3)
            SELECT COUNT(*) FROM r
        )
    };
    assert_renders(
        &q,
        &[(
            MsSql,
            "WITH __cte_h1 (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM __cte_h1 AS r WHERE \
             n < 3) UPDATE t SET c = (SELECT COUNT(*) FROM __cte_h1 AS r) OPTION (MAXRECURSION 0)",
        )],
    );
}

/// MySQL and SQL Server let a CTE read only the CTEs written before it: the CTEs of a
/// recursive WITH that reads forward are written in an order where each follows those it reads,
/// and MySQL's `?` parameters follow them.
#[test]
fn a_forward_reference_in_a_recursive_with() {
    let (min_depth, root) = (1_i64, 2_i64);
    let q = select! {
        WITH RECURSIVE report(id, depth) AS (
            SELECT id, depth FROM tree WHERE depth >= {min_depth}
        ),
        tree(id, depth) AS (
            SELECT id, 0 FROM category WHERE id = {root}
            UNION ALL
            SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT id, depth FROM report ORDER BY id
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE report (id, depth) AS (SELECT id, depth FROM tree WHERE \
                 depth >= CAST($1 AS BIGINT)), tree (id, depth) AS (SELECT id, 0 FROM \
                 category WHERE id = CAST($2 AS BIGINT) UNION ALL SELECT c.id, t.depth + 1 \
                 FROM category AS c JOIN tree AS t ON c.parent_id = t.id) SELECT id, depth \
                 FROM report ORDER BY id NULLS FIRST",
            ),
            (
                MySql,
                "WITH RECURSIVE tree (id, depth) AS (SELECT id, 0 FROM category WHERE id = \
                 ? UNION ALL SELECT c.id, t.depth + 1 FROM category AS c JOIN tree AS t ON \
                 c.parent_id = t.id), report (id, depth) AS (SELECT id, depth FROM tree \
                 WHERE depth >= ?) SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) \
                 */ id, depth FROM report ORDER BY id",
            ),
            (
                MsSql,
                "WITH tree (id, depth) AS (SELECT id, 0 FROM category WHERE id = @P2 UNION \
                 ALL SELECT c.id, t.depth + 1 FROM category AS c JOIN tree AS t ON \
                 c.parent_id = t.id), report (id, depth) AS (SELECT id, depth FROM tree \
                 WHERE depth >= @P1) SELECT id, depth FROM report ORDER BY id OPTION \
                 (MAXRECURSION 0)",
            ),
        ],
    );
    let params = |d: Dialect| q.render(d).map(|r| r.into_params());
    assert_eq!(
        params(MySql),
        Ok(vec![Value::I64(root), Value::I64(min_depth)])
    );
    // Numbered placeholders keep the source order.
    for d in [Postgres, MsSql] {
        assert_eq!(
            params(d),
            Ok(vec![Value::I64(min_depth), Value::I64(root)]),
            "{d}"
        );
    }

    // Only what must move does: `seed` stays first, `total` waits for `tree`.
    let q = select! {
        WITH RECURSIVE seed(n) AS (SELECT {1}),
        total(n) AS (SELECT COUNT(*) + {2} FROM tree),
        tree(n) AS (SELECT n FROM seed UNION ALL SELECT n + {3} FROM tree WHERE n < 5)
        SELECT n FROM total
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "WITH RECURSIVE seed (n) AS (SELECT ?), tree (n) AS (SELECT n FROM seed \
                 UNION ALL SELECT n + ? FROM tree WHERE n < 5), total (n) AS (SELECT \
                 COUNT(*) + ? FROM tree) SELECT /*+ SET_VAR(cte_max_recursion_depth = \
                 4294967295) */ n FROM total",
            ),
            (
                MsSql,
                "WITH seed (n) AS (SELECT @P1), tree (n) AS (SELECT n FROM seed UNION ALL \
                 SELECT n + @P3 FROM tree WHERE n < 5), total (n) AS (SELECT COUNT(*) + @P2 \
                 FROM tree) SELECT n FROM total OPTION (MAXRECURSION 0)",
            ),
        ],
    );
    assert_eq!(
        q.render(MySql).map(|r| r.into_params()),
        Ok(vec![Value::I64(1), Value::I64(3), Value::I64(2)])
    );

    // A WITH inside a derived table, and one before INSERT (after its column list on MySQL).
    let q = select! {
        SELECT n FROM (
            WITH RECURSIVE a(n) AS (SELECT n + {10} FROM b), b(n) AS (SELECT {20})
            SELECT n FROM a
        ) d
    };
    assert_renders(
        &q,
        &[(
            MySql,
            "SELECT n FROM (WITH RECURSIVE b (n) AS (SELECT ?), a (n) AS (SELECT n + ? \
             FROM b) SELECT n FROM a) AS d",
        )],
    );
    assert_eq!(
        q.render(MySql).map(|r| r.into_params()),
        Ok(vec![Value::I64(20), Value::I64(10)])
    );
    let q = select! {
        WITH RECURSIVE a(n) AS (SELECT n FROM b), b(n) AS (SELECT 1)
        INSERT INTO t (x) SELECT n FROM a
    };
    assert_renders(
        &q,
        &[
            (
                MySql,
                "INSERT INTO t (x) WITH RECURSIVE b (n) AS (SELECT 1), a (n) AS (SELECT n \
                 FROM b) SELECT n FROM a",
            ),
            (
                MsSql,
                "WITH b (n) AS (SELECT 1), a (n) AS (SELECT n FROM b) INSERT INTO t (x) \
                 SELECT n FROM a",
            ),
        ],
    );

    // On SQL Server, moved CTEs take part: the CTE `h`, written inside `a`, reads `b`.
    let q = select! {
        WITH RECURSIVE a(x) AS (SELECT x FROM (WITH h AS (SELECT x FROM b) SELECT x FROM h) d),
        b(x) AS (SELECT 1)
        SELECT x FROM a
    };
    assert_renders(
        &q,
        &[(
            MsSql,
            "WITH b (x) AS (SELECT 1), __cte_h1 AS (SELECT x FROM b), a (x) AS (SELECT \
             x FROM (SELECT x FROM __cte_h1 AS h) AS d) SELECT x FROM a",
        )],
    );
    // And a recursive WITH written inside a subquery orders its CTEs too.
    let q = select! {
        SELECT (
            WITH RECURSIVE a(n) AS (SELECT n FROM b), b(n) AS (SELECT 1)
            SELECT MAX(n) FROM a
        )
    };
    assert_renders(
        &q,
        &[(
            MsSql,
            "WITH __cte_h2 (n) AS (SELECT 1), __cte_h1 (n) AS (SELECT n FROM __cte_h2 \
             AS b) SELECT (SELECT MAX(n) FROM __cte_h1 AS a)",
        )],
    );
}

/// Every construct some dialect cannot express, refused by name on exactly those dialects.
#[test]
fn refusals() {
    let refused = |q: &Query, construct: &str, dialects: &[Dialect]| {
        for d in Dialect::ALL {
            if dialects.contains(&d) {
                assert_refused(q, &[d], construct);
            } else if let Err(e) = q.render(d) {
                panic!("{d} refused {construct}: {e}");
            }
        }
        if let Ok(r) = q.render(MsSql) {
            assert_parses_on_mssql(r.sql());
        }
    };
    let all_but_postgres = [MySql, MariaDb, Sqlite, MsSql];

    let q = select! { SELECT a.x FROM a FULL JOIN b ON a.x = b.x };
    refused(&q, "FULL JOIN", &[MySql, MariaDb]);
    let q = select! { SELECT * FROM a, LATERAL (SELECT a.x) l };
    refused(&q, "LATERAL", &[MariaDb, Sqlite]);
    let q = select! { SELECT * FROM a RIGHT JOIN LATERAL (SELECT a.x) l ON TRUE };
    assert_refused(&q, &[MariaDb], "LATERAL");
    assert_refused(&q, &[Sqlite], "LATERAL");
    assert_refused(&q, &[MsSql], "RIGHT or FULL JOIN LATERAL");
    let q = select! { SELECT x FROM a INTERSECT ALL SELECT x FROM b };
    refused(&q, "INTERSECT ALL", &[Sqlite, MsSql]);
    let q = select! { SELECT x FROM a EXCEPT ALL SELECT x FROM b };
    refused(&q, "EXCEPT ALL", &[Sqlite, MsSql]);
    let q = select! {
        SELECT SUM(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM a
    };
    refused(&q, "GROUPS window frame", &[MySql, MariaDb, MsSql]);
    let q = select! { SELECT SUM(x) OVER (ORDER BY x RANGE 3 PRECEDING) FROM a };
    refused(&q, "RANGE frame with an offset", &[MsSql]);
    let q = select! { SELECT x FROM a ORDER BY 1 NULLS LAST };
    refused(
        &q,
        "NULLS FIRST/LAST on a column position",
        &[MySql, MariaDb, MsSql],
    );
    let q = select! { SELECT DISTINCT x FROM a ORDER BY x NULLS LAST };
    refused(&q, "NULLS FIRST/LAST with SELECT DISTINCT", &[MsSql]);
    let q = select! { SELECT x FROM a UNION SELECT x FROM b ORDER BY x NULLS LAST };
    refused(
        &q,
        "NULLS FIRST/LAST on a UNION, INTERSECT or EXCEPT",
        &[MsSql],
    );
    let n = 3;
    let q = select! { SELECT x FROM a LIMIT {n} + 1 };
    refused(
        &q,
        "an expression in LIMIT or OFFSET",
        &[MySql, MariaDb, MsSql],
    );
    let q = select! { SELECT x / 2 FROM a };
    refused(&q, "/ on operands of unknown type", &[MySql, MariaDb]);
    let q = select! { SELECT CAST(x AS INTEGER) / 2, x / 2.0, COUNT(*) / 2 FROM a };
    refused(&q, "", &[]);
    assert_renders(
        &q,
        &[(
            MariaDb,
            "SELECT CAST(x AS SIGNED) DIV 2, x / 2.0, COUNT(*) DIV 2 FROM a",
        )],
    );
    // SQL Server takes WITH only in front: a CTE that reads the query around it cannot move.
    let q = select! { SELECT t.id, (WITH c AS (SELECT t.id AS x) SELECT x FROM c) AS c FROM t };
    refused(
        &q,
        "a WITH inside a subquery that reads the query around it",
        &[MsSql],
    );

    let q = select! { SELECT CAST(x AS BOOLEAN) FROM a };
    refused(&q, "CAST AS BOOLEAN", &[MySql, MariaDb, Sqlite]);
    let q = select! { SELECT CAST(x AS CHAR(3)) FROM a };
    refused(&q, "CAST AS CHAR(n)", &[MySql, MariaDb, Sqlite]);
    let q = select! { SELECT CAST(x AS DECIMAL) FROM a };
    refused(
        &q,
        "CAST AS DECIMAL without precision",
        &[MySql, MariaDb, MsSql],
    );
    let q = select! { SELECT CAST(x AS TIMESTAMP) FROM a };
    refused(&q, "CAST AS TIMESTAMP", &[Sqlite]);
    let q = select! { SELECT CAST(x AS TIME) FROM a };
    refused(&q, "CAST AS TIME", &[Sqlite]);
    let q = select! { SELECT CAST(x AS VARCHAR(5000)) FROM a };
    refused(&q, "CAST AS VARCHAR(n)", &[MsSql]);

    // Several recursive members joined by both UNION and UNION ALL: `golden_recursive_parts.rs`.
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 3)
        SELECT n FROM t
    };
    refused(&q, "UNION (without ALL) in a recursive CTE", &[MsSql]);
    let q = select! {
        WITH RECURSIVE t(id, parent) AS (
            SELECT id, parent FROM node WHERE id = 1
            UNION ALL SELECT n.id, n.parent FROM node n JOIN t ON n.parent = t.id
        ) SEARCH DEPTH FIRST BY id SET ord
        SELECT id FROM t ORDER BY ord
    };
    refused(&q, "SEARCH or CYCLE clause", &[MsSql]);
    // The emulated columns are text paths, not PostgreSQL's arrays: only ORDER BY reads the
    // SEARCH column, nothing reads the CYCLE path, and `*` would show both.
    let q = select! {
        WITH RECURSIVE t(id, parent) AS (
            SELECT id, parent FROM node WHERE id = 1
            UNION ALL SELECT n.id, n.parent FROM node n JOIN t ON n.parent = t.id
        ) SEARCH BREADTH FIRST BY id SET ord
        SELECT id, ord FROM t
    };
    for d in [MySql, MariaDb, Sqlite] {
        assert_refused(&q, &[d], "reading the SEARCH column other than in ORDER BY");
    }
    let q = select! {
        WITH RECURSIVE t(id, parent) AS (
            SELECT id, parent FROM node WHERE id = 1
            UNION ALL SELECT n.id, n.parent FROM node n JOIN t ON n.parent = t.id
        ) CYCLE id SET is_cycle USING path
        SELECT id, is_cycle FROM t WHERE path IS NOT NULL
    };
    for d in [MySql, MariaDb, Sqlite] {
        assert_refused(&q, &[d], "reading the CYCLE path column");
    }
    let q = select! {
        WITH RECURSIVE t(id, parent) AS (
            SELECT id, parent FROM node WHERE id = 1
            UNION ALL SELECT n.id, n.parent FROM node n JOIN t ON n.parent = t.id
        ) CYCLE id SET is_cycle USING path
        SELECT * FROM t
    };
    for d in [MySql, MariaDb, Sqlite] {
        assert_refused(&q, &[d], "SELECT * from a CTE with SEARCH or CYCLE");
    }
    assert_refused(&q, &[MsSql], "SEARCH or CYCLE clause");

    // Names the renderer makes up cannot be the user's: `select!` refuses them when it is
    // compiled (ui test `names/reserved-name-prefix`). A name that only holds the prefix is one.
    let q = select! { SELECT "é__cte_x" AS éé__cte_ };
    refused(&q, "", &[]);

    // The recursion limit counts levels in an added column, which UNION would compare.
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 3)
        SELECT n FROM t
        OPTION (MAXRECURSION 10)
    };
    for d in [Postgres, MariaDb, Sqlite] {
        assert_refused(
            &q,
            &[d],
            "OPTION (MAXRECURSION n) on a recursive CTE with UNION",
        );
    }
    let q = select! {
        WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
        SELECT n FROM t
        OPTION (MAXRECURSION 40000)
    };
    refused(&q, "MAXRECURSION above 32767", &[MsSql]);
    // The anchor fixes a column's type: a NULL there needs one, an integer rounds fractions and
    // a decimal literal fixes the scale on MySQL and MariaDB.
    let q = select! {
        WITH RECURSIVE t(id, boss) AS (
            SELECT id, NULL FROM emp WHERE boss IS NULL
            UNION ALL SELECT e.id, e.boss FROM emp e JOIN t ON e.boss = t.id
        )
        SELECT id FROM t
    };
    refused(
        &q,
        "NULL in a recursive CTE's anchor for a column whose type the member does not show",
        &[Postgres, MySql, MariaDb, MsSql],
    );
    let q = select! {
        WITH RECURSIVE t(n, v) AS (SELECT 1, 1 UNION ALL SELECT n + 1, v * 1.5 FROM t WHERE n < 4)
        SELECT v FROM t
    };
    refused(
        &q,
        "an integer anchor for a column that a recursive member makes fractional",
        &[MySql, MariaDb],
    );
    let q = select! {
        WITH RECURSIVE t(n, v) AS (SELECT 1, 1.5 UNION ALL SELECT n + 1, v * 1.25 FROM t WHERE n < 4)
        SELECT v FROM t
    };
    refused(
        &q,
        "a decimal literal anchor for a column that a recursive member computes",
        &[MySql, MariaDb],
    );
    let q = select! {
        WITH gone AS (DELETE FROM account WHERE balance = 0 RETURNING id)
        SELECT id FROM gone
    };
    refused(
        &q,
        "INSERT, UPDATE or DELETE inside WITH",
        &all_but_postgres,
    );

    let q = select! { INSERT INTO vip (id) VALUES (1) RETURNING id };
    refused(&q, "RETURNING", &[MySql, MsSql]);
    let q = select! { UPDATE vip SET owner = "x" RETURNING id };
    refused(&q, "RETURNING", &[MySql, MariaDb, MsSql]);
    let q = select! { DELETE FROM vip RETURNING id };
    refused(&q, "RETURNING", &[MySql, MsSql]);
    let q = select! { DELETE FROM vip AS v WHERE v.id = 1 RETURNING v.id };
    assert_refused(&q, &[MySql], "RETURNING");
    assert_refused(&q, &[MsSql], "RETURNING");
    assert_refused(&q, &[MariaDb], "RETURNING on DELETE with a table alias");
}

#[test]
fn inline_sql_for_logs() {
    let (name, limit) = ("it's \\ x", 3);
    let q = select! { SELECT id FROM account WHERE owner = {name} LIMIT {limit} };
    let inline = |d| q.to_inline_sql(d).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        inline(Postgres),
        "SELECT id FROM account WHERE owner = E'it''s \\\\ x' LIMIT 3"
    );
    for d in [MySql, MariaDb] {
        assert_eq!(
            inline(d),
            "SELECT id FROM account WHERE owner = _utf8mb4 X'69742773205C2078' LIMIT 3"
        );
    }
    assert_eq!(
        inline(MsSql),
        "SELECT id FROM account WHERE owner = N'it''s \\ x' ORDER BY (SELECT NULL) \
         OFFSET 0 ROWS FETCH NEXT 3 ROWS ONLY"
    );
    let nan = f64::NAN;
    let q = select! { SELECT {nan} };
    assert!(q.to_inline_sql(Sqlite).is_err());
    assert!(q.render(Sqlite).is_ok());
}

/// A name the target reserves is quoted there, in the case the engine folds an unquoted name
/// to (lower case on PostgreSQL, as written elsewhere); functions, values such as
/// `CURRENT_DATE`, and names no target reserves stay as written.
#[test]
fn reserved_words_are_quoted_where_reserved() {
    let q = select! {
        WITH RECURSIVE groups(level, set, key) AS (
            SELECT 1, 0, 1
            UNION ALL
            SELECT g.level + 1, g.set, g.key FROM groups AS g WHERE g.level < 3
        )
        SELECT User, KEY, Rank, RANK() OVER (ORDER BY value) AS rank, CURRENT_DATE AS day
        FROM user JOIN groups ON groups.key = user.key
        ORDER BY rank
    };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "WITH RECURSIVE groups (level, set, key) AS (SELECT 1, 0, 1 UNION ALL \
                 SELECT g.level + 1, g.set, g.key FROM groups AS g WHERE g.level < 3) \
                 SELECT \"user\", KEY, Rank, RANK() OVER (ORDER BY value NULLS FIRST) AS rank, \
                 CURRENT_DATE AS day FROM \"user\" JOIN groups ON groups.key = \"user\".key \
                 ORDER BY rank NULLS FIRST",
            ),
            (
                Sqlite,
                "WITH RECURSIVE groups (level, `set`, key) AS (SELECT 1, 0, 1 UNION ALL \
                 SELECT g.level + 1, g.`set`, g.key FROM groups AS g WHERE g.level < 3) \
                 SELECT User, KEY, Rank, RANK() OVER (ORDER BY value) AS rank, \
                 CURRENT_DATE AS day FROM user JOIN groups ON groups.key = user.key \
                 ORDER BY rank",
            ),
            (
                MySql,
                "WITH RECURSIVE `groups` (level, `set`, `key`) AS (SELECT 1, 0, 1 UNION ALL \
                 SELECT g.level + 1, g.`set`, g.`key` FROM `groups` AS g WHERE g.level < 3) \
                 SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ User, `KEY`, \
                 `Rank`, RANK() OVER (ORDER BY value) AS `rank`, CURRENT_DATE AS day \
                 FROM user JOIN `groups` ON `groups`.`key` = user.`key` ORDER BY `rank`",
            ),
            (
                MariaDb,
                "SET STATEMENT max_recursive_iterations = 4294967295 FOR \
                 WITH RECURSIVE groups (level, `set`, `key`) AS (SELECT 1, 0, 1 UNION ALL \
                 SELECT g.level + 1, g.`set`, g.`key` FROM groups AS g WHERE g.level < 3) \
                 SELECT User, `KEY`, Rank, RANK() OVER (ORDER BY value) AS rank, \
                 CURRENT_DATE AS day FROM user JOIN groups ON groups.`key` = user.`key` \
                 ORDER BY rank",
            ),
            (
                MsSql,
                "WITH groups (level, [set], [key]) AS (SELECT 1, 0, 1 UNION ALL \
                 SELECT g.level + 1, g.[set], g.[key] FROM groups AS g WHERE g.level < 3) \
                 SELECT [User], [KEY], Rank, RANK() OVER (ORDER BY value) AS rank, \
                 CURRENT_DATE AS day FROM [user] JOIN groups ON groups.[key] = [user].[key] \
                 ORDER BY rank OPTION (MAXRECURSION 0)",
            ),
        ],
    );
}

/// A raw name is quoted with backticks on SQLite: a double-quoted name that matches no column
/// would silently be read as a string there.
#[test]
fn raw_names_on_sqlite_are_never_strings() {
    let q = select! { SELECT t.r#order AS r#Total FROM r#select AS t };
    assert_renders(
        &q,
        &[
            (Sqlite, "SELECT t.`order` AS `Total` FROM `select` AS t"),
            (
                Postgres,
                "SELECT t.\"order\" AS \"Total\" FROM \"select\" AS t",
            ),
        ],
    );
}
