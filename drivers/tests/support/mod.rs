//! What the driver tests share: the engines' URLs, the org chart they query, and the rule that
//! under `CI=true` an engine that is missing or unreachable fails the test instead of skipping it.
//!
//! `CTE_TEST_POSTGRES_URL` and `CTE_TEST_MARIADB_URL` name the servers, as for the cross-engine
//! suite; each test that ran statements on an engine appends `<engine> <test>` to the file named
//! by `CTE_TEST_REPORT`, so a CI run can count what really executed.

#![allow(dead_code)] // Each test file uses its own part.

pub mod values;

use std::io::Write;

use cte_runtime::{select, Query};

/// A server the tests reach through a URL.
pub struct Engine {
    pub name: &'static str,
    pub url_var: &'static str,
}

pub const POSTGRES: Engine = Engine {
    name: "PostgreSQL",
    url_var: "CTE_TEST_POSTGRES_URL",
};

pub const MARIADB: Engine = Engine {
    name: "MariaDB",
    url_var: "CTE_TEST_MARIADB_URL",
};

pub const SQLITE: &str = "SQLite";

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The engine's URL, or `None` after printing why the test skips it; a failure under `CI=true`.
pub fn url(engine: &Engine) -> Option<String> {
    match std::env::var(engine.url_var) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            skip(engine, &format!("{} is not set", engine.url_var));
            None
        }
    }
}

/// Prints why the test does not run on `engine`; panics under `CI=true`, where it must run.
pub fn skip(engine: &Engine, reason: &str) {
    if in_ci() {
        panic!("{} must run when CI=true: {reason}", engine.name);
    }
    let _ = writeln!(std::io::stderr(), "skipped {}: {reason}", engine.name);
}

/// Notes that `test` ran its statements on `engine`.
pub fn record_run(engine: &str, test: &str) {
    let Some(path) = std::env::var_os("CTE_TEST_REPORT") else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(format!("{engine} {test}\n").as_bytes()));
    if let Err(e) = written {
        let _ = writeln!(std::io::stderr(), "cannot append to {path:?}: {e}");
    }
}

/// The org chart, as a temporary table (private to the session, gone with it) for PostgreSQL
/// and MariaDB, and as a plain one for a fresh SQLite database.
///
/// ```text
/// Ada ── Grace ── Barbara ── Ken
///    │                   └── Dennis
///    └── Edsger
/// ```
pub fn employee_ddl(temporary: &str) -> String {
    format!(
        "CREATE {temporary} TABLE employee (\
             id INTEGER NOT NULL PRIMARY KEY, \
             name VARCHAR(40) NOT NULL, \
             manager_id INTEGER)"
    )
}

pub const EMPLOYEE_ROWS: &str = "INSERT INTO employee (id, name, manager_id) VALUES \
    (1, 'Ada', NULL), (2, 'Grace', 1), (3, 'Edsger', 1), \
    (4, 'Barbara', 2), (5, 'Ken', 4), (6, 'Dennis', 4)";

/// A session with the org chart in a temporary table, or `None` when PostgreSQL is skipped.
pub fn postgres_org_chart() -> Option<postgres::Client> {
    let url = url(&POSTGRES)?;
    let mut client = match postgres::Client::connect(&url, postgres::NoTls) {
        Ok(client) => client,
        Err(e) => {
            skip(&POSTGRES, &format!("cannot connect to {url}: {e}"));
            return None;
        }
    };
    client
        .batch_execute(&format!("{}; {}", employee_ddl("TEMPORARY"), EMPLOYEE_ROWS))
        .expect("org chart fixture");
    Some(client)
}

/// A session with the org chart in a temporary table, or `None` when PostgreSQL is skipped.
pub async fn tokio_postgres_org_chart() -> Option<tokio_postgres::Client> {
    let url = url(&POSTGRES)?;
    let (client, connection) = match tokio_postgres::connect(&url, tokio_postgres::NoTls).await {
        Ok(pair) => pair,
        Err(e) => {
            skip(&POSTGRES, &format!("cannot connect to {url}: {e}"));
            return None;
        }
    };
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("PostgreSQL connection: {e}");
        }
    });
    client
        .batch_execute(&format!("{}; {}", employee_ddl("TEMPORARY"), EMPLOYEE_ROWS))
        .await
        .expect("org chart fixture");
    Some(client)
}

/// Everyone under `root` down to `max_depth` levels, as `(id, name, depth)` by depth then id.
pub fn chart(root: &str, max_depth: i64) -> Query {
    select! {
        WITH RECURSIVE chart(id, name, depth) AS (
            SELECT id, name, 0 FROM employee WHERE name = {root}
            UNION ALL
            SELECT e.id, e.name, c.depth + 1
            FROM employee e JOIN chart c ON e.manager_id = c.id
            WHERE c.depth < {max_depth}
        )
        SELECT id, name, depth FROM chart ORDER BY depth, id
    }
    .into_query()
}

/// What [`chart`]`("Grace", 10)` returns.
pub fn grace_chart() -> Vec<(i64, String, i64)> {
    [
        (2, "Grace", 0),
        (4, "Barbara", 1),
        (5, "Ken", 2),
        (6, "Dennis", 2),
    ]
    .into_iter()
    .map(|(id, name, depth)| (id, name.to_owned(), depth))
    .collect()
}

/// What [`chart`]`("Ada", 1)` returns: the depth limit stops the walk.
pub fn ada_chart_depth_1() -> Vec<(i64, String, i64)> {
    [(1, "Ada", 0), (2, "Grace", 1), (3, "Edsger", 1)]
        .into_iter()
        .map(|(id, name, depth)| (id, name.to_owned(), depth))
        .collect()
}

/// `1..=count` and each number's running total, as `(n, total)`: a recursive CTE that makes
/// `count` rows out of nothing, deeper than MariaDB's default recursion limit of 1000 when
/// `count` is larger.
pub fn series(count: i64) -> Query {
    select! {
        WITH RECURSIVE series(n, total) AS (
            SELECT 1, CAST(1 AS BIGINT)
            UNION ALL
            SELECT n + 1, total + n + 1 FROM series WHERE n < {count}
        )
        SELECT n, total FROM series ORDER BY n
    }
    .into_query()
}

/// Checks what a reader of [`series`]`(count)` saw: `count` rows, the last with the total of
/// `1..=count`.
pub fn check_series_read(count: i64, seen: i64, last_total: &cte_runtime::Value) {
    assert_eq!(seen, count);
    assert_eq!(
        *last_total,
        cte_runtime::Value::I64(count * (count + 1) / 2)
    );
}

/// A data-modifying CTE: only PostgreSQL has them, so every other dialect refuses to render it.
pub fn data_modifying(above: i64) -> Query {
    select! {
        WITH gone AS (DELETE FROM employee WHERE id > {above} RETURNING id)
        SELECT id FROM gone
    }
    .into_query()
}

/// Deletes Barbara and everyone under her (3 people of the org chart) through a recursive CTE.
pub fn delete_team() -> Query {
    select! {
        WITH RECURSIVE team(id) AS (
            SELECT id FROM employee WHERE name = {"Barbara"}
            UNION ALL
            SELECT e.id FROM employee e JOIN team t ON e.manager_id = t.id
        )
        DELETE FROM employee WHERE id IN (SELECT id FROM team)
    }
}

/// One value of each basic kind, as `every_value_binds_and_reads_back` binds them: a boolean,
/// the smallest i64, a float, text with a quote and an accent, `bytes`, and NULL.
pub fn basic_values(bytes: &[u8]) -> [cte_runtime::Value; 6] {
    use cte_runtime::Value;
    [
        Value::Bool(true),
        Value::I64(i64::MIN),
        Value::F64(-2.5),
        Value::Text("it's \u{e9}".into()),
        Value::Bytes(bytes.to_vec()),
        Value::Null,
    ]
}

/// A table that does not exist: every engine refuses the statement.
pub fn missing_table() -> Query {
    select! { SELECT id FROM no_such_table WHERE id = {1} }.into_query()
}

/// The table `ints`: an integer column of every size the engine has, as it spells them. `t` is
/// TINYINT (SMALLINT on PostgreSQL, which has nothing smaller), `s` SMALLINT, `m` MEDIUMINT on
/// MariaDB (INTEGER elsewhere), `i` INTEGER, `b` BIGINT. Its rows hold each column's extremes.
pub fn integers_ddl(engine: &str, temporary: &str) -> String {
    let (tiny, medium) = match engine {
        "PostgreSQL" => ("SMALLINT", "INTEGER"),
        "MariaDB" => ("TINYINT", "MEDIUMINT"),
        _ => ("TINYINT", "INTEGER"),
    };
    format!(
        "CREATE {temporary} TABLE ints (id INTEGER PRIMARY KEY, t {tiny}, s SMALLINT, \
         m {medium}, i INTEGER, b BIGINT)"
    )
}

pub const INTEGER_ROWS: &str = "INSERT INTO ints (id, t, s, m, i, b) VALUES \
    (1, -128, -32768, -8388608, -2147483648, -9223372036854775807 - 1), \
    (2, 127, 32767, 8388607, 2147483647, 9223372036854775807)";

/// Every integer column of `ints`, and integer expressions: a recursive anchor's `1` and the
/// `n + 1` after it, a `COUNT(*)`.
pub fn integers() -> Query {
    select! {
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 2)
        SELECT t, s, m, i, b, n, (SELECT COUNT(*) FROM ints) AS c
        FROM ints JOIN r ON r.n = ints.id
        ORDER BY n
    }
    .into_query()
}

/// Checks the rows of [`integers`], read as `Value`s, through the library's `TryFrom<Value>`:
/// each reads into `i64` exactly, and narrower Rust integers take them with a range check.
pub fn check_integer_reads(rows: &[Vec<cte_runtime::Value>]) {
    let wide: Vec<Vec<i64>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| i64::try_from(v).unwrap_or_else(|e| panic!("{v:?} as i64: {e}")))
                .collect()
        })
        .collect();
    assert_eq!(
        wide,
        [
            vec![-128, -32_768, -8_388_608, -2_147_483_648, i64::MIN, 1, 2],
            vec![127, 32_767, 8_388_607, 2_147_483_647, i64::MAX, 2, 2],
        ]
    );
    assert_eq!(i8::try_from(&rows[0][0]), Ok(i8::MIN));
    assert_eq!(i16::try_from(&rows[0][1]), Ok(i16::MIN));
    assert_eq!(i32::try_from(&rows[1][3]), Ok(i32::MAX));
    assert_eq!(u64::try_from(&rows[1][4]), Ok(i64::MAX as u64));
    assert_eq!(u8::try_from(&rows[1][5]), Ok(2));
    let e = u8::try_from(&rows[0][0]).expect_err("-128 as u8");
    assert_eq!(e.to_string(), "the i64 -128 is out of range for u8");
    let e = i32::try_from(&rows[0][4]).expect_err("i64::MIN as i32");
    assert_eq!(
        e.to_string(),
        "the i64 -9223372036854775808 is out of range for i32"
    );
}

/// A connection to the MariaDB server of the tests, or `None` after saying why not.
pub fn mariadb() -> Option<mysql::Conn> {
    let url = url(&MARIADB)?;
    match mysql::Opts::from_url(&url)
        .map_err(|e| e.to_string())
        .and_then(|opts| mysql::Conn::new(opts).map_err(|e| e.to_string()))
    {
        Ok(conn) => Some(conn),
        Err(e) => {
            skip(&MARIADB, &format!("cannot connect to {url}: {e}"));
            None
        }
    }
}
