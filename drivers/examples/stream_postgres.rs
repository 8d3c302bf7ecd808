//! Streams a million rows of a recursive CTE from PostgreSQL in bounded memory, through
//! `tokio-postgres` (default) or sqlx (`--sqlx`); `--collect` reads them into a `Vec` instead,
//! for comparison.
//!
//! ```sh
//! export DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
//! cargo build --release -p cte-drivers --example stream_postgres
//! /usr/bin/time -v target/release/examples/stream_postgres            # streamed
//! /usr/bin/time -v target/release/examples/stream_postgres --collect  # collected into a Vec
//! ```
//!
//! A number after the flags sets the row count (default 1,000,000). It checks every row it
//! reads (the count and the sum of the series) and prints the process's peak resident memory
//! where Linux reports it.

use std::error::Error;
use std::process::ExitCode;
use std::time::Instant;

use cte_runtime::tokio_postgres::ClientExt;
use cte_runtime::{select, Dialect, Query};
use futures_util::{pin_mut, TryStreamExt};

/// What the rows add up to, checked against the arithmetic series.
#[derive(Default)]
struct Tally {
    rows: i64,
    sum: i64,
    label_bytes: usize,
}

impl Tally {
    fn add(&mut self, n: i64, total: i64, label: &str) -> Result<(), String> {
        self.rows += 1;
        self.sum += n;
        self.label_bytes += label.len();
        if total != n * (n + 1) / 2 {
            return Err(format!("row {n}: running total {total}"));
        }
        Ok(())
    }
}

/// `count` rows made by recursion: each number, its running total and a label.
fn series(count: i64) -> Query {
    select! {
        WITH RECURSIVE series(n, total) AS (
            SELECT 1, CAST(1 AS BIGINT)
            UNION ALL
            SELECT n + 1, total + n + 1 FROM series WHERE n < {count}
        )
        SELECT n, total, "row " || CAST(n AS TEXT) AS label FROM series
    }
    .into_query()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!(
            "set DATABASE_URL to a PostgreSQL server, e.g. \
             DATABASE_URL=postgres://postgres@127.0.0.1:5432/test"
        );
        return ExitCode::from(2);
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let collect = args.iter().any(|a| a == "--collect");
    let with_sqlx = args.iter().any(|a| a == "--sqlx");
    let count = match args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(|n| n.parse())
    {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("the row count must be a number: {e}");
            return ExitCode::from(2);
        }
    };

    let started = Instant::now();
    let tally = if with_sqlx {
        run_sqlx(&url, count, collect).await
    } else {
        run_tokio_postgres(&url, count, collect).await
    };
    let tally = match tally {
        Ok(tally) => tally,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if tally.rows != count || tally.sum != count * (count + 1) / 2 {
        eprintln!(
            "error: read {} rows summing to {}, expected {count}",
            tally.rows, tally.sum
        );
        return ExitCode::FAILURE;
    }
    println!(
        "{} {} rows through {} ({} bytes of labels) in {:.2} s",
        if collect { "collected" } else { "streamed" },
        tally.rows,
        if with_sqlx { "sqlx" } else { "tokio-postgres" },
        tally.label_bytes,
        started.elapsed().as_secs_f64()
    );
    if let Some(peak) = peak_rss() {
        println!("peak resident memory: {peak}");
    }
    ExitCode::SUCCESS
}

async fn run_tokio_postgres(url: &str, count: i64, collect: bool) -> Result<Tally, Box<dyn Error>> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection: {e}");
        }
    });
    let query = series(count);
    let mut tally = Tally::default();
    if collect {
        for row in client.cte_query(&query).await? {
            tally.add(
                i64::from(row.try_get::<_, i32>(0)?),
                row.try_get(1)?,
                row.try_get(2)?,
            )?;
        }
    } else {
        let rows = client.cte_query_raw(&query).await?;
        pin_mut!(rows);
        while let Some(row) = rows.try_next().await? {
            tally.add(
                i64::from(row.try_get::<_, i32>(0)?),
                row.try_get(1)?,
                row.try_get(2)?,
            )?;
        }
    }
    Ok(tally)
}

async fn run_sqlx(url: &str, count: i64, collect: bool) -> Result<Tally, Box<dyn Error>> {
    use sqlx::{Connection, Row};

    let mut conn = sqlx::PgConnection::connect(url).await?;
    let query = series(count);
    let bound = cte_runtime::sqlx::query(&query, Dialect::Postgres)?;
    let mut tally = Tally::default();
    if collect {
        for row in bound.fetch_all(&mut conn).await? {
            tally.add(
                i64::from(row.try_get::<i32, _>(0)?),
                row.try_get(1)?,
                row.try_get(2)?,
            )?;
        }
    } else {
        let mut rows = bound.fetch(&mut conn);
        while let Some(row) = rows.try_next().await? {
            tally.add(
                i64::from(row.try_get::<i32, _>(0)?),
                row.try_get(1)?,
                row.try_get(2)?,
            )?;
        }
    }
    Ok(tally)
}

/// The peak resident set size, as Linux reports it in /proc/self/status (`VmHWM`).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.trim_start_matches("VmHWM:").trim().to_owned())
}
