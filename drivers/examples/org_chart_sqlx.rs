//! One recursive query run through sqlx on each of its backends: SQLite in memory always, and
//! the PostgreSQL, MySQL or MariaDB server named by `DATABASE_URL` when it is set.
//!
//! ```sh
//! cargo run -p cte-drivers --example org_chart_sqlx
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!     cargo run -p cte-drivers --example org_chart_sqlx
//! DATABASE_URL=mysql://root@127.0.0.1:3306/test \
//!     cargo run -p cte-drivers --example org_chart_sqlx
//! ```
//!
//! Each run prints who reports to Grace, at any depth, with the reporting line, read row by row
//! from sqlx's stream. The tables are temporary: nothing is left in the database.

use std::error::Error;

use cte_runtime::{select, Dialect, Query, Value};
use futures_util::TryStreamExt;
use sqlx::{Connection, Executor, MySqlConnection, PgConnection, Row, SqliteConnection};

const STAFF: &str = "INSERT INTO employee (id, name, manager_id) VALUES
    (1, 'Ada', NULL), (2, 'Grace', 1), (3, 'Edsger', 1), (4, 'Barbara', 2),
    (5, 'Ken', 4), (6, 'Dennis', 4), (7, 'Frances', 2), (8, 'John', 3)";

fn chart(root: &str) -> Query {
    select! {
        WITH RECURSIVE chart(id, name, depth, line) AS (
            SELECT id, name, 0, CAST(name AS TEXT) FROM employee WHERE name = {root}
            UNION ALL
            SELECT e.id, e.name, c.depth + 1, c.line || " > " || e.name
            FROM employee e JOIN chart c ON e.manager_id = c.id
        )
        SELECT name, depth, line FROM chart ORDER BY line
    }
    .into_query()
}

/// Streams the chart's rows and prints each: every column read as a `Value`.
macro_rules! print_chart {
    ($conn:expr, $dialect:expr) => {{
        println!("-- {} through sqlx", $dialect);
        let mut rows = cte_runtime::sqlx::query(&chart("Grace"), $dialect)?.fetch(&mut *$conn);
        while let Some(row) = rows.try_next().await? {
            let name: Value = row.try_get(0)?;
            let depth: Value = row.try_get(1)?;
            let line: Value = row.try_get(2)?;
            println!("{depth:?} {name:?}: {line:?}");
        }
        println!();
    }};
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut sqlite = SqliteConnection::connect("sqlite::memory:").await?;
    sqlite
        .execute("CREATE TABLE employee (id INTEGER PRIMARY KEY, name TEXT, manager_id INTEGER)")
        .await?;
    sqlite.execute(STAFF).await?;
    print_chart!(&mut sqlite, Dialect::Sqlite);

    let Ok(url) = std::env::var("DATABASE_URL") else {
        println!("set DATABASE_URL to a postgres:// or mysql:// server to run it there too");
        return Ok(());
    };
    let create = "CREATE TEMPORARY TABLE employee \
                  (id INTEGER PRIMARY KEY, name VARCHAR(40), manager_id INTEGER)";
    if url.starts_with("postgres") {
        let mut pg = PgConnection::connect(&url).await?;
        pg.execute(create).await?;
        pg.execute(STAFF).await?;
        print_chart!(&mut pg, Dialect::Postgres);
    } else if url.starts_with("mysql") || url.starts_with("mariadb") {
        let mut my = MySqlConnection::connect(&url).await?;
        my.execute(create).await?;
        my.execute(STAFF).await?;
        // MySQL and MariaDB differ in SQL; the server says which one it is.
        let dialect = cte_runtime::sqlx::server_dialect(&mut my).await?;
        print_chart!(&mut my, dialect);
    } else {
        return Err(format!("DATABASE_URL {url:?} is neither postgres:// nor mysql://").into());
    }
    Ok(())
}
