//! An org chart in embedded SQLite, walked with one recursive CTE.
//!
//! Run it with `cargo run --example org_chart`. It prints everyone who reports to the person
//! named on the command line (default: Ada), as a tree, then the SQL the query renders to for
//! each dialect.

use cte_runtime::rusqlite::ConnectionExt;
use cte_runtime::{select_as, Dialect};
use rusqlite::Connection;

const STAFF: &str = "
    CREATE TABLE employee (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        manager_id INTEGER REFERENCES employee (id)
    );
    INSERT INTO employee VALUES
        (1, 'Ada', 'Chief Executive', NULL),
        (2, 'Grace', 'VP Engineering', 1),
        (3, 'Edsger', 'VP Research', 1),
        (4, 'Barbara', 'Engineering Manager', 2),
        (5, 'Ken', 'Staff Engineer', 4),
        (6, 'Dennis', 'Staff Engineer', 4),
        (7, 'Frances', 'Compiler Lead', 2),
        (8, 'John', 'Research Scientist', 3),
        (9, 'Tony', 'Research Scientist', 3),
        (10, 'Leslie', 'Intern', 8);
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "Ada".to_owned());
    let max_depth = 10;

    // Each row reads into a `Member`: rustc checks its fields against the selected columns.
    let query = select_as!(Member,
        WITH RECURSIVE chart(id, name, title, depth, path) AS (
            SELECT id, name, title, 0, CAST(name AS TEXT)
            FROM employee
            WHERE name = {&root}
            UNION ALL
            SELECT e.id, e.name, e.title, c.depth + 1, c.path || " / " || e.name
            FROM employee e
            JOIN chart c ON e.manager_id = c.id
            WHERE c.depth < {max_depth}
        )
        SELECT name, title, depth FROM chart ORDER BY path
    );

    let conn = Connection::open_in_memory()?;
    conn.execute_batch(STAFF)?;
    let rows = conn.cte_fetch_all(&query)?;

    if rows.is_empty() {
        println!("nobody named {root:?}");
    }
    for line in draw_tree(&rows) {
        println!("{line}");
    }

    for dialect in Dialect::ALL {
        println!("\n-- {dialect}");
        match query.render(dialect) {
            Ok(r) => println!("{}\n-- params: {:?}", r.sql(), r.params()),
            Err(e) => println!("-- cannot render: {e}"),
        }
    }
    Ok(())
}

struct Member {
    name: String,
    title: String,
    depth: usize,
}

/// Draws rows that come in depth-first order as a tree with box-drawing branches.
fn draw_tree(rows: &[Member]) -> Vec<String> {
    // A row is the last of its siblings when no later row at its depth comes before one that
    // is shallower.
    let is_last = |i: usize| {
        let depth = rows[i].depth;
        rows[i + 1..]
            .iter()
            .take_while(|r| r.depth >= depth)
            .all(|r| r.depth != depth)
    };
    // For each open level: whether more siblings follow, which decides `│` or blank below it.
    let mut more_below: Vec<bool> = Vec::new();
    let mut lines = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        more_below.truncate(row.depth);
        let mut line = String::new();
        for &more in more_below.iter().skip(1) {
            line.push_str(if more { "│   " } else { "    " });
        }
        let last = is_last(i);
        if row.depth > 0 {
            line.push_str(if last { "└── " } else { "├── " });
        }
        line.push_str(&format!("{} ({})", row.name, row.title));
        lines.push(line);
        more_below.push(!last);
    }
    lines
}
