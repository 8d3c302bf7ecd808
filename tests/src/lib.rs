//! The cross-engine suite of `cte`: queries written with `select!` are rendered for each
//! dialect, run on real engines, and their rows compared.
//!
//! ```no_run
//! use cte_runtime::{select, Value};
//! use cte_tests::{rows, values, Db, Table, Type};
//!
//! let mut db = Db::open(
//!     "doc_example",
//!     &[Table::new("t").col("id", Type::Int).row(values![1]).row(values![2])],
//! );
//! let q = select! { SELECT id FROM t WHERE id > {1} ORDER BY id };
//! db.select(&q).expect(rows![[2]]).check();
//! ```
//!
//! Engines: SQLite always (bundled, in memory); PostgreSQL from `CTE_TEST_POSTGRES_URL`;
//! MariaDB from `CTE_TEST_MARIADB_URL`. An engine without a URL is skipped with a printed
//! reason, unless `CI=true`, where a missing or unreachable engine fails the test. MySQL
//! renderings are parsed with sqlparser's `MySqlDialect`, SQL Server renderings with its
//! `MsSqlDialect`. Each test prints, per engine, how many checks ran:
//! `engine-run: PostgreSQL <test> <count>`; with `CTE_TEST_REPORT` set to a file, each check
//! that runs appends `<engine> <test>` to it. `CTE_TEST_SHOW_SQL=1` prints every rendering.
//! [`Session`] runs SQL text on one engine under a session setting (`SET NAMES gbk`), as a user
//! pastes it into a client.
//!
//! A check that ran on no engine compared nothing, and Rust's test harness has no skipped
//! outcome. When an engine that could run it is skipped, the check prints
//! `skipped: <test>: <why>` (and appends `skipped <test>: <why>` to the report) instead of
//! passing silently; under `CI=true` it fails. A check that every engine refuses by design
//! always fails: it can never compare rows.

pub mod built;
mod check;
pub mod data;
mod db;
mod engines;
mod fixture;
mod mariadb;
mod mysql;
mod postgres;
mod rows;
mod schema;
mod session;
mod sqlite;
mod sqlserver;
mod typed;

pub use check::{SelectCheck, StatementCheck};
pub use db::Db;
pub use engines::{in_ci, Engine};
pub use fixture::{Table, Type};
pub use mysql::parse_mysql;
pub use rows::{same_rows, Cell, Row, NULL};
pub use session::{Session, TextRow};
pub use typed::Checked;

/// Every dialect but PostgreSQL: those that refuse what only PostgreSQL has, such as a
/// data-modifying CTE.
pub const ALL_BUT_POSTGRES: [cte_runtime::Dialect; 4] = [
    cte_runtime::Dialect::Sqlite,
    cte_runtime::Dialect::MariaDb,
    cte_runtime::Dialect::MySql,
    cte_runtime::Dialect::MsSql,
];

/// What every engine's error says when a recursion passes `OPTION (MAXRECURSION n)`: each
/// dialect's failure quotes it (see `limit.rs` in the renderer).
pub const MAXRECURSION_EXCEEDED: &str = "exceeded: a recursion reached level";
pub use sqlserver::parse_mssql;
