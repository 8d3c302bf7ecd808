//! A category tree on MySQL or MariaDB, walked with one recursive CTE through the `mysql`
//! driver, with the dialect taken from the server.
//!
//! ```sh
//! DATABASE_URL=mysql://root@127.0.0.1:3306/test \
//!     cargo run -p cte-runtime --features mysql --example category_paths_mysql -- Books
//! ```
//!
//! It prints the full path of every category under the one named (default: Shop), then the SQL
//! the query renders to for the server, where `||` became CONCAT. The table is temporary:
//! nothing is left in the database.

use std::process::ExitCode;

use cte_runtime::mysql::{server_dialect, QueryableExt};
use cte_runtime::select;
use mysql::prelude::Queryable;
use mysql::{Conn, Opts};

const CATEGORIES: [&str; 2] = [
    "CREATE TEMPORARY TABLE category (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER,
        name VARCHAR(40) NOT NULL
    )",
    "INSERT INTO category VALUES
        (1, NULL, 'Shop'), (2, 1, 'Books'), (3, 1, 'Music'), (4, 2, 'Fiction'),
        (5, 2, 'Science'), (6, 4, 'Fantasy'), (7, 4, 'Crime'), (8, 3, 'Jazz'),
        (9, 3, 'Classical'), (10, 9, 'Baroque')",
];

fn main() -> ExitCode {
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!(
            "set DATABASE_URL to a MySQL or MariaDB server, e.g. \
             DATABASE_URL=mysql://root@127.0.0.1:3306/test"
        );
        return ExitCode::from(2);
    };
    match run(&url) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "Shop".to_owned());
    let max_depth = 10;

    let mut conn = Conn::new(Opts::from_url(url)?)?;
    for statement in CATEGORIES {
        conn.query_drop(statement)?;
    }
    // MySQL and MariaDB differ in SQL; ask once which one this is.
    let dialect = server_dialect(&mut conn)?;

    let query = select! {
        WITH RECURSIVE tree(id, path, depth) AS (
            SELECT id, CAST(name AS TEXT), 0 FROM category WHERE name = {&root}
            UNION ALL
            SELECT c.id, t.path || " > " || c.name, t.depth + 1
            FROM category c JOIN tree t ON c.parent_id = t.id
            WHERE t.depth < {max_depth}
        )
        SELECT path, depth FROM tree ORDER BY path
    };

    let rows: Vec<(String, i64)> = conn.cte_exec(&query, dialect)?;
    if rows.is_empty() {
        println!("no category named {root:?}");
    }
    for (path, depth) in rows {
        println!("{:indent$}{path}", "", indent = 2 * usize::try_from(depth)?);
    }

    println!("\n-- {dialect}\n{}", query.render(dialect)?.sql());
    Ok(())
}
