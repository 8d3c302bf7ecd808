//! The engines the suite runs on, and whether each one is there.
//!
//! SQLite always runs, in memory. PostgreSQL and MariaDB run when their URL is set:
//! `CTE_TEST_POSTGRES_URL` (`postgres://postgres@127.0.0.1:5432/test`) and
//! `CTE_TEST_MARIADB_URL` (`mysql://root@127.0.0.1:3306/test`). Without a URL, or when the
//! engine cannot be reached, the engine is skipped with a printed reason; with `CI=true` either
//! fails the test instead.
//!
//! When `CTE_TEST_REPORT` names a file, every check that runs on an engine appends a line
//! `<engine> <test>` to it (`PostgreSQL hierarchy_org_chart`), so a CI run can count what
//! really executed, and a check that ran on no engine appends `skipped <test>: <why>`.

use std::io::Write;
use std::sync::Mutex;

use cte_runtime::{Dialect, Value};

use crate::fixture::Table;
use crate::rows::{Cell, Row};

/// An engine the suite runs queries on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    Sqlite,
    Postgres,
    MariaDb,
}

impl Engine {
    /// In the order queries run; SQLite first, as the reference the others are compared to.
    pub const ALL: [Engine; 3] = [Engine::Sqlite, Engine::Postgres, Engine::MariaDb];

    /// The dialect the engine's SQL is rendered for.
    pub fn dialect(self) -> Dialect {
        match self {
            Engine::Sqlite => Dialect::Sqlite,
            Engine::Postgres => Dialect::Postgres,
            Engine::MariaDb => Dialect::MariaDb,
        }
    }

    pub fn name(self) -> &'static str {
        self.dialect().name()
    }

    /// The environment variable that holds the engine's URL; SQLite needs none.
    pub fn url_var(self) -> Option<&'static str> {
        match self {
            Engine::Sqlite => None,
            Engine::Postgres => Some("CTE_TEST_POSTGRES_URL"),
            Engine::MariaDb => Some("CTE_TEST_MARIADB_URL"),
        }
    }
}

/// A row of values as cells.
pub(crate) fn cells(row: Vec<Value>) -> Row {
    row.into_iter().map(Cell::from).collect()
}

/// A connection to one engine, set up for one test: its own schema or database, fixture loaded.
pub(crate) trait Conn {
    /// Runs a query and reads its rows, each column as a [`Value`] the way cte-runtime's
    /// driver feature for the engine reads it, so that a typed query's rows decode here exactly
    /// as they decode in an application.
    fn values(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, String>;

    /// Runs a query and reads its rows as cells, which compare across engines.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, String> {
        let rows = self.values(sql, params)?;
        Ok(rows.into_iter().map(cells).collect())
    }
    /// Runs a statement and returns the number of rows it affected (matched, for UPDATE).
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, String>;
    /// Drops the test's schema or database.
    fn teardown(&mut self) -> Result<(), String>;
    /// Runs SQL text that takes no parameters, such as a `CREATE TABLE`.
    fn batch(&mut self, sql: &str) -> Result<(), String>;

    /// Creates `tables`, spelled for `engine`, and fills them.
    fn load(&mut self, engine: Engine, tables: &[Table]) -> Result<(), String> {
        for table in tables {
            let create = table.create_sql(engine);
            self.batch(&create).map_err(|e| format!("{create}: {e}"))?;
            let insert = table.insert_sql(engine);
            for row in table.data() {
                self.execute(&insert, row)?;
            }
        }
        Ok(())
    }
}

/// Whether `CI=true`: then an engine that cannot run fails the test instead of being skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Engines that were skipped in this process, with the reason, so each is printed once.
static SKIPPED: Mutex<Vec<(Engine, String)>> = Mutex::new(Vec::new());

/// The URL of `engine`, or why it does not run here (after printing that once).
/// Panics when `CI=true` and the URL is missing.
pub(crate) fn url(engine: Engine) -> Result<String, String> {
    let Some(var) = engine.url_var() else {
        return Err(format!("{} needs no URL", engine.name()));
    };
    match std::env::var(var) {
        Ok(url) if !url.trim().is_empty() => match skipped_for(engine) {
            Some(why) => Err(why),
            None => Ok(url),
        },
        _ => Err(skip_with(engine, format!("{var} is not set"))),
    }
}

fn skipped_for(engine: Engine) -> Option<String> {
    SKIPPED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(e, _)| *e == engine)
        .map(|(_, why)| why.clone())
}

/// Connects to `engine` with `connect` at its URL, or says why it does not run here: it has no
/// URL, or the URL does not reach it (then it is skipped for the rest of the process).
pub(crate) fn connect<C>(
    engine: Engine,
    connect: fn(&str) -> Result<C, String>,
) -> Result<C, String> {
    let url = url(engine)?;
    connect(&url).map_err(|e| skip(engine, &url, &e))
}

/// Panics unless `name` is 1 to 48 characters of `[a-z0-9_]`: it names a schema or database.
pub(crate) fn check_name(what: &str, name: &str) {
    assert!(
        !name.is_empty()
            && name.len() <= 48
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "{what} {name:?} must be 1 to 48 characters of [a-z0-9_]"
    );
}

/// Skips `engine`, which `url` does not reach, for the rest of the process; returns the
/// reason. Panics when `CI=true`.
pub(crate) fn skip(engine: Engine, url: &str, error: &str) -> String {
    skip_with(engine, format!("cannot connect to {url}: {error}"))
}

fn skip_with(engine: Engine, reason: String) -> String {
    if in_ci() {
        panic!("{} must run when CI=true: {reason}", engine.name());
    }
    let mut skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    if !skipped.iter().any(|(e, _)| *e == engine) {
        skipped.push((engine, reason.clone()));
        report(&format!("skipped {}: {reason}", engine.name()));
    }
    reason
}

/// Appends `<engine> <test>` to the `CTE_TEST_REPORT` file, if one is named.
pub(crate) fn record_run(engine: &str, test: &str) {
    record(&format!("{engine} {test}"));
}

/// Says that a check of `test` ran on no engine: prints `skipped: <test>: <why>` and appends
/// `skipped <test>: <why>` to the `CTE_TEST_REPORT` file. Rust's test harness has no skipped
/// outcome, so the test passes; this line is what tells it from a check that compared rows.
pub(crate) fn record_skip(test: &str, why: &str) {
    report(&format!("skipped: {test}: {why}"));
    record(&format!("skipped {test}: {why}"));
}

fn record(line: &str) {
    let Some(path) = std::env::var_os("CTE_TEST_REPORT") else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| writeln!(f, "{line}"));
    if let Err(e) = written {
        report(&format!("cannot append to CTE_TEST_REPORT {path:?}: {e}"));
    }
}

/// Writes a line to the process's stderr, past the test harness's output capture, so that
/// skips and counts show in the log of a passing run.
pub(crate) fn report(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}
