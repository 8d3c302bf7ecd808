//! One connection to one engine under a session setting (`SET NAMES gbk`,
//! `SET standard_conforming_strings = off`), for tests that run SQL text the way a user pastes
//! it into a client: the text protocol (PostgreSQL's simple query protocol), no parameters,
//! several statements allowed.
//!
//! Each session has its own database or schema holding one table, `victim`, which
//! [`Session::victim_survives`] looks for: a literal that breaks out of its quotes and drops it
//! shows there even when the statement's own result looked right.
//!
//! URLs, skips under `CI=true` and the `CTE_TEST_REPORT` log work as for [`crate::Db`]; a
//! session logs one run per [`Session::record`] call, with the number of checks it stands for.

use ::postgres::{Client, SimpleQueryMessage};
use mysql::prelude::Queryable;
use mysql::Value as MyValue;
use rusqlite::types::ValueRef;

use crate::engines::{self, record_run, report, Engine};
use crate::mariadb::MariaDb;
use crate::postgres::Postgres;

/// A row of text cells; `None` is NULL.
pub type TextRow = Vec<Option<String>>;

/// A connection to `engine` with its session settings applied.
pub struct Session {
    engine: Engine,
    /// `<test>_<setting>`: names the schema or database, and the session in the run log.
    label: String,
    conn: Raw,
}

enum Raw {
    Sqlite(rusqlite::Connection),
    Postgres(Client, String),
    MariaDb(mysql::Conn, String),
}

impl Session {
    /// Connects to `engine`, makes a fresh schema or database `cte_t_<label>` with a `victim`
    /// table, and runs `setup`. `None` after printing why the engine is skipped
    /// (`skipped: <label>: ...`, as a check that ran on no engine); under `CI=true` a missing
    /// or unreachable engine panics instead.
    pub fn open(engine: Engine, label: &str, setup: &[&str]) -> Option<Session> {
        engines::check_name("session label", label);
        let space = format!("cte_t_{label}");
        let conn = match engine {
            Engine::Sqlite => {
                let conn = rusqlite::Connection::open_in_memory()
                    .unwrap_or_else(|e| panic!("{label}: SQLite: {e}"));
                Raw::Sqlite(conn)
            }
            Engine::Postgres => match engines::connect(engine, Postgres::connect) {
                Ok(client) => Raw::Postgres(client, space.clone()),
                Err(why) => return not_run(label, engine, &why),
            },
            Engine::MariaDb => match engines::connect(engine, MariaDb::connect) {
                Ok(conn) => Raw::MariaDb(conn, space.clone()),
                Err(why) => return not_run(label, engine, &why),
            },
        };
        let mut session = Session {
            engine,
            label: label.to_owned(),
            conn,
        };
        let prepare = match engine {
            Engine::Sqlite => vec!["CREATE TABLE victim (id INTEGER)".to_owned()],
            Engine::Postgres => vec![
                "SET client_min_messages = warning".to_owned(),
                format!("DROP SCHEMA IF EXISTS {space} CASCADE"),
                format!("CREATE SCHEMA {space}"),
                format!("SET search_path TO {space}"),
                "CREATE TABLE victim (id INTEGER)".to_owned(),
            ],
            Engine::MariaDb => vec![
                format!("DROP DATABASE IF EXISTS `{space}`"),
                format!("CREATE DATABASE `{space}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"),
                format!("USE `{space}`"),
                "CREATE TABLE victim (id INTEGER)".to_owned(),
            ],
        };
        let setup = setup.iter().map(|s| (*s).to_owned());
        for sql in prepare.into_iter().chain(setup) {
            if let Err(e) = session.rows(&sql) {
                panic!("{label}: {} setup `{sql}`: {e}", engine.name());
            }
        }
        Some(session)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Runs `sql` as text, every statement in it, and returns the rows of those that return
    /// rows, each cell as the engine's text for it.
    pub fn rows(&mut self, sql: &str) -> Result<Vec<TextRow>, String> {
        match &mut self.conn {
            Raw::Sqlite(conn) => sqlite_rows(conn, sql),
            Raw::Postgres(client, _) => {
                let messages = client
                    .simple_query(sql)
                    .map_err(|e| match e.as_db_error() {
                        Some(db) => format!("{}: {}", db.code().code(), db.message()),
                        None => e.to_string(),
                    })?;
                Ok(messages
                    .iter()
                    .filter_map(|m| match m {
                        SimpleQueryMessage::Row(row) => Some(
                            (0..row.len())
                                .map(|i| row.get(i).map(str::to_owned))
                                .collect(),
                        ),
                        _ => None,
                    })
                    .collect())
            }
            Raw::MariaDb(conn, _) => {
                let mut result = conn.query_iter(sql).map_err(|e| e.to_string())?;
                let mut out = Vec::new();
                while let Some(set) = result.iter() {
                    for row in set {
                        let row = row.map_err(|e| e.to_string())?;
                        out.push(row.unwrap().into_iter().map(mysql_text).collect());
                    }
                }
                Ok(out)
            }
        }
    }

    /// Whether the `victim` table is still there.
    pub fn victim_survives(&mut self) -> bool {
        self.rows("SELECT COUNT(*) FROM victim").is_ok()
    }

    /// Records that `checks` checks of one part of the test ran: one line
    /// `<engine> <label>_<part>` in the `CTE_TEST_REPORT` log, and the count on stderr.
    pub fn record(&mut self, part: &str, checks: usize) {
        let test = format!("{}_{part}", self.label);
        record_run(self.engine.name(), &test);
        report(&format!(
            "engine-run: {} {test} {checks}",
            self.engine.name()
        ));
    }
}

fn sqlite_rows(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<TextRow>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let width = stmt.column_count();
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let mut cells = Vec::with_capacity(width);
        for i in 0..width {
            let cell = match row.get_ref(i).map_err(|e| e.to_string())? {
                ValueRef::Null => None,
                ValueRef::Integer(n) => Some(n.to_string()),
                ValueRef::Real(f) => Some(f.to_string()),
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    Some(String::from_utf8_lossy(t).into_owned())
                }
            };
            cells.push(cell);
        }
        out.push(cells);
    }
    Ok(out)
}

fn mysql_text(value: MyValue) -> Option<String> {
    match value {
        MyValue::NULL => None,
        MyValue::Bytes(b) => Some(String::from_utf8_lossy(&b).into_owned()),
        other => Some(other.as_sql(true)),
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let failed = std::thread::panicking();
        let drop = match &self.conn {
            Raw::Sqlite(_) => None,
            Raw::Postgres(_, space) => Some(format!("DROP SCHEMA IF EXISTS {space} CASCADE")),
            Raw::MariaDb(_, space) => Some(format!("DROP DATABASE IF EXISTS `{space}`")),
        };
        if let (Some(sql), false) = (drop, failed) {
            if let Err(e) = self.rows(&sql) {
                report(&format!("{}: {sql}: {e}", self.label));
            }
        }
    }
}

/// A session that does not open: says so, as a check that ran on no engine.
fn not_run(label: &str, engine: Engine, why: &str) -> Option<Session> {
    engines::record_skip(
        label,
        &format!("{} does not run here: {why}", engine.name()),
    );
    None
}
