//! The upsert with a schema: `ON CONFLICT (id)` on a table whose only unique key is `id` is
//! written as MariaDB's and MySQL's `ON DUPLICATE KEY UPDATE`, and leaves the same rows on
//! SQLite, PostgreSQL and MariaDB. On a table with another unique key it is refused there.

mod support;

use cte_runtime::mysql::QueryableExt;
use cte_runtime::postgres::ClientExt;
use cte_runtime::rusqlite::ConnectionExt;
use cte_runtime::{select, Dialect, Query};
use mysql::prelude::Queryable;
use support::{MARIADB, POSTGRES, SQLITE};

const STOCK: &str = "CREATE TEMPORARY TABLE stock (id INTEGER NOT NULL PRIMARY KEY, \
                     name VARCHAR(40) NOT NULL, qty INTEGER NOT NULL)";
const STOCK_ROWS: &str = "INSERT INTO stock VALUES (1, 'bolt', 10), (2, 'nut', 0)";
const READ: &str = "SELECT id, name, qty FROM stock ORDER BY id";

type Rows = Vec<(i64, String, i64)>;

/// Adds to the stock, and names each item as delivered.
fn delivery() -> Query {
    let five = 5;
    select! {
        INSERT INTO stock (id, name, qty) VALUES (1, "bolt", {five}), (3, "cog", 4)
        ON CONFLICT (id) DO UPDATE SET qty = stock.qty + excluded.qty, name = excluded.name
    }
}

/// New items only: a known one keeps its row.
fn new_items() -> Query {
    select! {
        WITH incoming(id, name, qty) AS (SELECT 2, "washer", 9 UNION ALL SELECT 4, "gear", 1)
        INSERT INTO stock (id, name, qty) SELECT id, name, qty FROM incoming
        ON CONFLICT (id) DO NOTHING
    }
}

const EXPECTED: [(i64, &str, i64); 4] = [
    (1, "bolt", 15),
    (2, "nut", 0),
    (3, "cog", 4),
    (4, "gear", 1),
];

fn expected() -> Rows {
    EXPECTED
        .iter()
        .map(|&(id, name, qty)| (id, name.to_owned(), qty))
        .collect()
}

#[test]
fn upsert_on_sqlite() {
    let conn = rusqlite::Connection::open_in_memory().expect("SQLite");
    conn.execute_batch(&format!("{STOCK}; {STOCK_ROWS}"))
        .expect("stock");
    conn.cte_execute(&delivery()).expect("delivery");
    conn.cte_execute(&new_items()).expect("new items");
    let mut read = conn.prepare(READ).expect("read");
    let rows: Rows = read
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(rows, expected());
    support::record_run(SQLITE, "driver_upsert");
}

#[test]
fn upsert_on_postgres() {
    let Some(url) = support::url(&POSTGRES) else {
        return;
    };
    let mut client = match postgres::Client::connect(&url, postgres::NoTls) {
        Ok(client) => client,
        Err(e) => return support::skip(&POSTGRES, &format!("cannot connect to {url}: {e}")),
    };
    client
        .batch_execute(&format!("{STOCK}; {STOCK_ROWS}"))
        .expect("stock");
    assert_eq!(client.cte_execute(&delivery()).expect("delivery"), 2);
    assert_eq!(client.cte_execute(&new_items()).expect("new items"), 1);
    let rows: Rows = client
        .query(READ, &[])
        .expect("rows")
        .iter()
        .map(|r| {
            let (id, name, qty): (i32, String, i32) = (r.get(0), r.get(1), r.get(2));
            (i64::from(id), name, i64::from(qty))
        })
        .collect();
    assert_eq!(rows, expected());
    support::record_run(POSTGRES.name, "driver_upsert");
}

#[test]
fn upsert_on_mariadb_as_on_duplicate_key_update() {
    let Some(url) = support::url(&MARIADB) else {
        return;
    };
    let opts = mysql::Opts::from_url(&url).expect("a MySQL URL");
    let mut conn = match mysql::Conn::new(opts) {
        Ok(conn) => conn,
        Err(e) => return support::skip(&MARIADB, &format!("cannot connect to {url}: {e}")),
    };
    conn.query_drop(STOCK).expect("stock");
    conn.query_drop(STOCK_ROWS).expect("stock rows");
    conn.cte_exec_drop(&delivery(), Dialect::MariaDb)
        .expect("delivery");
    conn.cte_exec_drop(&new_items(), Dialect::MariaDb)
        .expect("new items");
    let rows: Rows = conn.query(READ).expect("rows");
    assert_eq!(rows, expected());
    support::record_run(MARIADB.name, "driver_upsert");
}

#[test]
fn mysql_and_mariadb_text() {
    let sql = |q: &Query, d| q.render(d).expect("renders").sql().to_owned();
    let delivery_sql = "INSERT INTO stock (id, name, qty) VALUES (1, 'bolt', ?), (3, 'cog', 4) \
                        ON DUPLICATE KEY UPDATE stock.qty = stock.qty + VALUES(qty), stock.name = VALUES(name)";
    assert_eq!(sql(&delivery(), Dialect::MySql), delivery_sql);
    assert_eq!(sql(&delivery(), Dialect::MariaDb), delivery_sql);
    let new_items_sql = "INSERT INTO stock (id, name, qty) WITH incoming (id, name, qty) AS \
                         (SELECT 2, 'washer', 9 UNION ALL SELECT 4, 'gear', 1) \
                         SELECT id, name, qty FROM incoming ON DUPLICATE KEY UPDATE stock.id = stock.id";
    assert_eq!(sql(&new_items(), Dialect::MySql), new_items_sql);
    for text in [delivery_sql, new_items_sql] {
        let dialect = sqlparser::dialect::MySqlDialect {};
        if let Err(e) = sqlparser::parser::Parser::parse_sql(&dialect, text) {
            panic!("MySQL rendering does not parse: {e}\n{text}");
        }
    }
}

/// Where ON DUPLICATE KEY UPDATE would mean something else, MySQL and MariaDB refuse.
#[test]
fn refused_where_the_meaning_would_change() {
    let refused = |q: &Query, says: &str| {
        for d in [Dialect::MySql, Dialect::MariaDb] {
            match q.render(d) {
                Ok(r) => panic!("{d}: expected a refusal, got {}", r.sql()),
                Err(e) => assert!(e.to_string().contains(says), "{d}: {e}"),
            }
        }
    };
    // `tag` is a second unique key: a conflict on it would update the row too.
    refused(
        &select! {
            INSERT INTO tagged (id, tag) VALUES (1, "a")
            ON CONFLICT (id) DO UPDATE SET tag = excluded.tag
        },
        "another unique key",
    );
    refused(
        &select! {
            INSERT INTO stock (id, name, qty) VALUES (1, "bolt", 1)
            ON CONFLICT (id) DO UPDATE SET qty = excluded.qty WHERE stock.qty = 0
        },
        "ON CONFLICT DO UPDATE ... WHERE",
    );
    // MySQL assigns left to right: `name` would read the new `qty`.
    refused(
        &select! {
            INSERT INTO stock (id, name, qty) VALUES (1, "bolt", 1)
            ON CONFLICT (id) DO UPDATE SET qty = excluded.qty, name = CAST(stock.qty AS TEXT)
        },
        "reads a column set before it",
    );
    // The WITH goes on the INSERT's query there, out of ON DUPLICATE KEY UPDATE's sight.
    refused(
        &select! {
            WITH n(x) AS (SELECT 1)
            INSERT INTO stock (id, name, qty) SELECT x, "a", x FROM n
            ON CONFLICT (id) DO UPDATE SET qty = (SELECT x FROM n)
        },
        "a subquery in DO UPDATE SET after a WITH",
    );
    let none = select! {
        INSERT INTO stock (id, name, qty) VALUES (1, "bolt", 1)
        ON CONFLICT (id) DO UPDATE SET qty = excluded.qty RETURNING id
    };
    match none.render(Dialect::MariaDb) {
        Ok(r) => panic!("expected a refusal, got {}", r.sql()),
        Err(e) => assert!(e.to_string().contains("RETURNING"), "{e}"),
    }
}
