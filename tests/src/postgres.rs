//! PostgreSQL through the sync `postgres` crate, one schema per test.
//!
//! `Value` binds and reads through cte-runtime's `postgres` feature: a parameter binds to the
//! type PostgreSQL infers for its placeholder (an `I64` to an int4, a numeric or text, with a
//! range check), and a NUMERIC column reads as an exact `Decimal`.

use ::postgres::types::ToSql;
use ::postgres::{Client, NoTls};
use cte_runtime::Value;

use crate::engines::{Conn, Engine};
use crate::fixture::Table;

pub(crate) struct Postgres {
    client: Client,
    schema: String,
}

impl Postgres {
    /// Connects, makes a fresh schema `cte_t_<test>` the search path, and loads `tables`.
    pub(crate) fn connect(url: &str) -> Result<Client, String> {
        Client::connect(url, NoTls).map_err(|e| e.to_string())
    }

    pub(crate) fn open(mut client: Client, test: &str, tables: &[Table]) -> Result<Self, String> {
        let schema = format!("cte_t_{test}");
        client
            .batch_execute(&format!(
                "SET client_min_messages = warning; \
                 DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; \
                 SET search_path TO {schema}"
            ))
            .map_err(|e| format!("creating schema {schema}: {}", describe(&e)))?;
        let mut db = Postgres { client, schema };
        db.load(Engine::Postgres, tables)?;
        Ok(db)
    }
}

/// The server's message with its detail and hint, not just "db error".
fn describe(e: &::postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut s = format!("{}: {}", db.code().code(), db.message());
            if let Some(detail) = db.detail() {
                s.push_str(&format!(" (detail: {detail})"));
            }
            if let Some(hint) = db.hint() {
                s.push_str(&format!(" (hint: {hint})"));
            }
            if let Some(pos) = db.position() {
                s.push_str(&format!(" (at {pos:?})"));
            }
            s
        }
        None => e.to_string(),
    }
}

impl Conn for Postgres {
    fn values(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let rows = self
            .client
            .query(sql, &refs(params))
            .map_err(|e| describe(&e))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| row.try_get::<_, Value>(i).map_err(|e| format!("{e:?}")))
                    .collect()
            })
            .collect()
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, String> {
        self.client
            .execute(sql, &refs(params))
            .map_err(|e| describe(&e))
    }

    fn teardown(&mut self) -> Result<(), String> {
        self.batch(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema))
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(|e| describe(&e))
    }
}

fn refs(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}
