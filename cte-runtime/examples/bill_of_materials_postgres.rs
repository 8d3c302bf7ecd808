//! A bill of materials in PostgreSQL, exploded with one recursive CTE through the synchronous
//! `postgres` driver.
//!
//! ```sh
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!     cargo run -p cte-runtime --features postgres --example bill_of_materials_postgres -- bike 10
//! ```
//!
//! It prints every bought part needed to build that many of the product, with the quantity
//! multiplied down the assembly tree and the cost. The tables are temporary: nothing is left in
//! the database.

use std::process::ExitCode;

use cte_runtime::postgres::ClientExt;
use cte_runtime::{select, Value};
use postgres::{Client, NoTls};

const PARTS: &str = "
    CREATE TEMPORARY TABLE part (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit_cost NUMERIC(10, 2)
    );
    CREATE TEMPORARY TABLE component (
        assembly_id INTEGER NOT NULL,
        part_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL
    );
    INSERT INTO part VALUES
        (1, 'bike', NULL), (2, 'wheel', NULL), (3, 'frame', 120.00), (4, 'spoke', 0.35),
        (5, 'rim', 18.50), (6, 'hub', 24.00), (7, 'tyre', 21.90), (8, 'brake', 15.00),
        (9, 'drivetrain', NULL), (10, 'chain', 12.75), (11, 'crank', 31.00), (12, 'pedal', 9.99);
    INSERT INTO component VALUES
        (1, 2, 2), (1, 3, 1), (1, 8, 2), (1, 9, 1),
        (2, 4, 32), (2, 5, 1), (2, 6, 1), (2, 7, 1),
        (9, 10, 1), (9, 11, 1), (9, 12, 2);
";

fn main() -> ExitCode {
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!(
            "set DATABASE_URL to a PostgreSQL server, e.g. \
             DATABASE_URL=postgres://postgres@127.0.0.1:5432/test"
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
    let mut args = std::env::args().skip(1);
    let product = args.next().unwrap_or_else(|| "bike".to_owned());
    let count: i64 = args.next().map_or(Ok(1), |n| n.parse())?;

    let mut client = Client::connect(url, NoTls)?;
    client.batch_execute(PARTS)?;

    // `count` is an i64 and `quantity` an int4 column: the parameter binds as an int4.
    let query = select! {
        WITH RECURSIVE explode(part_id, quantity) AS (
            SELECT id, CAST({count} AS INTEGER) FROM part WHERE name = {&product}
            UNION ALL
            SELECT c.part_id, e.quantity * c.quantity
            FROM component c JOIN explode e ON c.assembly_id = e.part_id
        )
        SELECT p.name, SUM(e.quantity) AS needed, p.unit_cost,
               SUM(e.quantity) * p.unit_cost AS cost
        FROM explode e JOIN part p ON p.id = e.part_id
        WHERE p.unit_cost IS NOT NULL
        GROUP BY p.name, p.unit_cost
        ORDER BY cost DESC, p.name
    };

    let rows = client.cte_query(&query)?;
    if rows.is_empty() {
        println!("no product named {product:?}");
        return Ok(());
    }
    println!("to build {count} × {product}:");
    println!("{:<8} {:>7} {:>9} {:>10}", "part", "needed", "each", "cost");
    for row in rows {
        let name: String = row.try_get(0)?;
        let needed: i64 = row.try_get(1)?;
        // NUMERIC reads as a Value holding its exact decimal text.
        let each: Value = row.try_get(2)?;
        let cost: Value = row.try_get(3)?;
        println!(
            "{name:<8} {needed:>7} {:>9} {:>10}",
            decimal(&each),
            decimal(&cost)
        );
    }
    Ok(())
}

fn decimal(v: &Value) -> String {
    match v {
        Value::Text(text) => text.clone(),
        other => format!("{other:?}"),
    }
}
