//! SQLite, bundled and in memory: always runs.
//!
//! `Value` binds and reads through cte-runtime's `rusqlite` feature.

use cte_runtime::Value;
use rusqlite::{params_from_iter, Connection};

use crate::engines::{Conn, Engine};
use crate::fixture::Table;

pub(crate) struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// A fresh in-memory database with `tables` created and filled.
    pub(crate) fn open(tables: &[Table]) -> Result<Sqlite, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        let mut db = Sqlite { conn };
        db.load(Engine::Sqlite, tables)?;
        Ok(db)
    }
}

impl Conn for Sqlite {
    fn values(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let width = stmt.column_count();
        let mut rows = stmt
            .query(params_from_iter(params))
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| e.to_string())? {
            let values = (0..width)
                .map(|i| row.get::<_, Value>(i).map_err(|e| e.to_string()))
                .collect::<Result<Vec<Value>, String>>()?;
            out.push(values);
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, String> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let n = stmt
            .execute(params_from_iter(params))
            .map_err(|e| e.to_string())?;
        Ok(n as u64)
    }

    fn teardown(&mut self) -> Result<(), String> {
        Ok(())
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.conn.execute_batch(sql).map_err(|e| e.to_string())
    }
}
