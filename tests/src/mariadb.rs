//! MariaDB through the sync `mysql` crate, one database per test.
//!
//! Each test gets `cte_t_<test>` with a binary collation, so that `=` and ORDER BY on text
//! behave as on PostgreSQL (C collation) and SQLite; the session keeps the server's default
//! SQL mode, as a user's would, with a statement time limit of a minute. Statements run as
//! prepared statements (the binary protocol). `Value` binds and reads through cte-runtime's
//! `mysql` feature.

use cte_runtime::mysql::row_values;
use cte_runtime::Value;
use mysql::consts::CapabilityFlags;
use mysql::prelude::Queryable;
use mysql::{Conn as MyConn, Opts, OptsBuilder, Params, Value as MyValue};

use crate::engines::{Conn, Engine};
use crate::fixture::Table;

pub(crate) struct MariaDb {
    conn: MyConn,
    database: String,
}

impl MariaDb {
    /// Connects with affected-row counts that count matched rows, as the other engines do.
    pub(crate) fn connect(url: &str) -> Result<MyConn, String> {
        let opts = Opts::from_url(url).map_err(|e| e.to_string())?;
        let opts = OptsBuilder::from_opts(opts)
            .additional_capabilities(CapabilityFlags::CLIENT_FOUND_ROWS)
            .prefer_socket(false);
        MyConn::new(opts).map_err(|e| e.to_string())
    }

    /// Makes a fresh database `cte_t_<test>`, uses it, and loads `tables`.
    pub(crate) fn open(mut conn: MyConn, test: &str, tables: &[Table]) -> Result<Self, String> {
        let database = format!("cte_t_{test}");
        for sql in [
            format!("DROP DATABASE IF EXISTS `{database}`"),
            format!("CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"),
            format!("USE `{database}`"),
            // A statement that would run forever (a recursion that never ends) fails the test
            // instead of hanging the run.
            "SET SESSION max_statement_time = 60".to_owned(),
        ] {
            conn.query_drop(&sql).map_err(|e| format!("{sql}: {e}"))?;
        }
        let mut db = MariaDb { conn, database };
        db.load(Engine::MariaDb, tables)?;
        Ok(db)
    }
}

fn params(values: &[Value]) -> Params {
    if values.is_empty() {
        return Params::Empty;
    }
    Params::Positional(values.iter().map(MyValue::from).collect())
}

impl Conn for MariaDb {
    fn values(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let mut result = self
            .conn
            .exec_iter(sql, params(values))
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        // A statement may return several result sets (e.g. after a SET STATEMENT prefix):
        // the rows are those of the sets that have columns.
        while let Some(set) = result.iter() {
            for row in set {
                let row = row.map_err(|e| e.to_string())?;
                out.push(row_values(&row).map_err(|e| e.to_string())?);
            }
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, values: &[Value]) -> Result<u64, String> {
        self.conn
            .exec_drop(sql, params(values))
            .map_err(|e| e.to_string())?;
        Ok(self.conn.affected_rows())
    }

    fn teardown(&mut self) -> Result<(), String> {
        self.batch(&format!("DROP DATABASE IF EXISTS `{}`", self.database))
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.conn.query_drop(sql).map_err(|e| e.to_string())
    }
}
