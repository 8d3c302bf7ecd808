//! One test's databases: the same tables on every engine that runs.

use std::collections::HashSet;
use std::sync::Mutex;

use cte_runtime::Dialect;

use crate::engines::{self, report, Conn, Engine};
use crate::fixture::Table;
use crate::mariadb::MariaDb;
use crate::postgres::Postgres;
use crate::schema;
use crate::sqlite::Sqlite;

/// The databases of one test: an in-memory SQLite database, a PostgreSQL schema `cte_t_<test>`
/// and a MariaDB database `cte_t_<test>`, each with the same tables. Tests run in parallel on
/// the shared servers, so every test has its own name.
///
/// On drop it removes the schema and database (kept after a failure, for a look) and prints
/// how many checks ran on each engine: `engine-run: PostgreSQL <test> 3`.
pub struct Db {
    pub(crate) test: String,
    pub(crate) engines: Vec<Running>,
    /// Engines that do not run here, each with the reason (no URL, no connection).
    pub(crate) absent: Vec<(Engine, String)>,
    /// Per dialect index, renderings parsed (MySQL, SQL Server); and renderings refused as
    /// expected.
    pub(crate) parsed: [usize; Dialect::ALL.len()],
    pub(crate) refused: usize,
}

pub(crate) struct Running {
    pub engine: Engine,
    pub conn: Box<dyn Conn>,
    pub runs: usize,
}

/// Test names in use in this process, so that two tests never share a schema.
static NAMES: Mutex<Option<HashSet<String>>> = Mutex::new(None);

impl Db {
    /// Creates `tables` on every engine that runs, for the test named `test` (`[a-z0-9_]`).
    pub fn open(test: &str, tables: &[Table]) -> Db {
        engines::check_name("test name", test);
        schema::agrees(test, tables);
        let fresh = NAMES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(HashSet::new)
            .insert(test.to_owned());
        assert!(
            fresh,
            "two tests are named {test:?}: they would share a schema"
        );

        let mut engines = Vec::new();
        let mut absent = Vec::new();
        for engine in Engine::ALL {
            let conn: Box<dyn Conn> = match engine {
                Engine::Sqlite => Box::new(loaded(test, engine, Sqlite::open(tables))),
                Engine::Postgres => match engines::connect(engine, Postgres::connect) {
                    Ok(client) => {
                        Box::new(loaded(test, engine, Postgres::open(client, test, tables)))
                    }
                    Err(why) => {
                        absent.push((engine, why));
                        continue;
                    }
                },
                Engine::MariaDb => match engines::connect(engine, MariaDb::connect) {
                    Ok(conn) => Box::new(loaded(test, engine, MariaDb::open(conn, test, tables))),
                    Err(why) => {
                        absent.push((engine, why));
                        continue;
                    }
                },
            };
            engines.push(Running {
                engine,
                conn,
                runs: 0,
            });
        }
        Db {
            test: test.to_owned(),
            engines,
            absent,
            parsed: [0; Dialect::ALL.len()],
            refused: 0,
        }
    }

    /// The engines this test runs on.
    pub fn engines(&self) -> Vec<Engine> {
        self.engines.iter().map(|r| r.engine).collect()
    }

    /// Stops running checks on `engine`, whose data no longer matches the others' (a statement
    /// was refused for its dialect).
    pub(crate) fn retire(&mut self, engine: Engine) {
        if let Some(pos) = self.engines.iter().position(|r| r.engine == engine) {
            let mut running = self.engines.remove(pos);
            let _ = running.conn.teardown();
            report_runs(&self.test, &running);
        }
    }
}

fn report_runs(test: &str, running: &Running) {
    report(&format!(
        "engine-run: {} {test} {}",
        running.engine.name(),
        running.runs
    ));
}

impl Drop for Db {
    fn drop(&mut self) {
        let failed = std::thread::panicking();
        for running in &mut self.engines {
            if !failed {
                if let Err(e) = running.conn.teardown() {
                    report(&format!(
                        "{}: dropping the {} test schema: {e}",
                        self.test,
                        running.engine.name()
                    ));
                }
            }
            report_runs(&self.test, running);
        }
        for dialect in [Dialect::MySql, Dialect::MsSql] {
            report(&format!(
                "engine-run: {dialect} (parsed) {} {}",
                self.test,
                self.parsed[dialect.index()]
            ));
        }
        if self.refused > 0 {
            report(&format!(
                "render-refused: {} {} (RenderError as expected)",
                self.test, self.refused
            ));
        }
    }
}

/// The fixture of `test` on `engine`, which must load: tests cannot run without it.
fn loaded<T>(test: &str, engine: Engine, fixture: Result<T, String>) -> T {
    fixture.unwrap_or_else(|e| panic!("{test}: {} fixture: {e}", engine.name()))
}
