//! The database drivers applications already use, each behind a cargo feature.
//!
//! Every driver module does two things: it teaches the driver to bind a [`Value`](crate::Value)
//! as a parameter and to read a column as a `Value` (the driver's own conversion traits), and it
//! adds `cte_*` methods to the driver's connection type that render a [`Query`](crate::Query)
//! for the driver's dialect and run it with its parameters bound.
//!
//! | feature | module | dialect |
//! |---|---|---|
//! | `rusqlite` | [`rusqlite`](crate::rusqlite) | SQLite |
//! | `postgres` | [`postgres`](crate::postgres) | PostgreSQL |
//! | `tokio-postgres` | [`tokio_postgres`](crate::tokio_postgres) | PostgreSQL |
//! | `mysql` | [`mysql`](crate::mysql) | MySQL or MariaDB, chosen by the caller |
//! | `sqlx` (`sqlx-postgres`, `sqlx-mysql`, `sqlx-sqlite`) | [`sqlx`](crate::sqlx) | the backend's |

mod error;
#[cfg(any(feature = "mysql", feature = "sqlx-mysql"))]
mod mysql_server;
#[cfg(any(feature = "mysql", feature = "sqlx-mysql"))]
mod mysql_time;
#[cfg(any(
    feature = "postgres",
    feature = "tokio-postgres",
    feature = "sqlx-postgres"
))]
mod postgres_numeric;
#[cfg(any(
    feature = "postgres",
    feature = "tokio-postgres",
    feature = "sqlx-postgres"
))]
mod postgres_time;
#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
mod postgres_types;
#[cfg(any(
    feature = "postgres",
    feature = "tokio-postgres",
    feature = "sqlx-postgres"
))]
mod postgres_wire;
#[cfg(any(feature = "rusqlite", feature = "sqlx-sqlite"))]
mod sqlite_storage;
#[cfg(any(
    feature = "tokio-postgres",
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
mod typed_stream;

#[cfg(feature = "mysql")]
pub mod mysql;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "rusqlite")]
pub mod rusqlite;
#[cfg(any(
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
pub mod sqlx;
#[cfg(feature = "tokio-postgres")]
pub mod tokio_postgres;

pub use error::DriverError;
#[cfg(any(
    feature = "tokio-postgres",
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
pub use typed_stream::TypedRows;
