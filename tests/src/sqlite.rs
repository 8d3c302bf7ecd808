//! SQLite, bundled and in memory: always runs.

use cte_runtime::Value;
use rusqlite::types::{Value as SqliteValue, ValueRef};
use rusqlite::Connection;

use crate::engines::{Conn, Engine};
use crate::fixture::Table;
use crate::rows::{Cell, Row};

pub(crate) struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// A fresh in-memory database with `tables` created and filled.
    pub(crate) fn open(tables: &[Table]) -> Result<Sqlite, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        let mut db = Sqlite { conn };
        for table in tables {
            let create = table.create_sql(Engine::Sqlite);
            db.conn
                .execute_batch(&create)
                .map_err(|e| format!("{create}: {e}"))?;
            let insert = table.insert_sql(Engine::Sqlite);
            for row in table.data() {
                db.execute(&insert, row)?;
            }
        }
        Ok(db)
    }
}

fn bind(value: &Value) -> SqliteValue {
    match value {
        Value::Null => SqliteValue::Null,
        Value::Bool(b) => SqliteValue::Integer(i64::from(*b)),
        Value::I64(i) => SqliteValue::Integer(*i),
        Value::F64(f) => SqliteValue::Real(*f),
        Value::Text(s) => SqliteValue::Text(s.clone()),
        Value::Bytes(b) => SqliteValue::Blob(b.clone()),
    }
}

fn read(value: ValueRef<'_>) -> Result<Cell, String> {
    Ok(match value {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Float(f),
        ValueRef::Text(t) => Cell::Text(
            String::from_utf8(t.to_vec()).map_err(|e| format!("text is not UTF-8: {e}"))?,
        ),
        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
    })
}

impl Conn for Sqlite {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, String> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let width = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter().map(bind)))
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| e.to_string())? {
            let cells = (0..width)
                .map(|i| row.get_ref(i).map_err(|e| e.to_string()).and_then(read))
                .collect::<Result<Row, String>>()?;
            out.push(cells);
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, String> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params.iter().map(bind)))
            .map_err(|e| e.to_string())?;
        Ok(n as u64)
    }

    fn teardown(&mut self) -> Result<(), String> {
        Ok(())
    }
}
