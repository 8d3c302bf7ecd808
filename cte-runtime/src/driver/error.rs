//! The error of running a query through a driver.

use std::error::Error;
use std::fmt;

use crate::{Dialect, RenderError};

/// Why running a [`Query`](crate::Query) through a database driver failed.
///
/// `E` is the driver's own error type; each driver module names its instance `Error`
/// (`cte_runtime::postgres::Error` is `DriverError<postgres::Error>`), and the driver's error
/// converts into it with `?`.
#[derive(Debug)]
#[non_exhaustive]
pub enum DriverError<E> {
    /// The query cannot be rendered for the dialect the driver speaks.
    Render(RenderError),
    /// The dialect asked for is not one that the driver's server speaks: SQL rendered for one
    /// engine can mean something else on another (`||` is OR on MySQL), so it is never sent.
    Dialect {
        /// The driver, as in its feature name (`"mysql"`, `"sqlx-postgres"`).
        driver: &'static str,
        /// The dialect that was asked for.
        dialect: Dialect,
    },
    /// The driver or the server failed: a connection error, an SQL error, a value that does not
    /// convert.
    Driver(E),
}

impl<E> DriverError<E> {
    /// The driver's error, if the driver failed.
    pub fn driver_error(&self) -> Option<&E> {
        match self {
            DriverError::Driver(e) => Some(e),
            _ => None,
        }
    }
}

impl<E> From<RenderError> for DriverError<E> {
    fn from(e: RenderError) -> Self {
        DriverError::Render(e)
    }
}

impl<E: fmt::Display> fmt::Display for DriverError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriverError::Render(e) => e.fmt(f),
            DriverError::Dialect { driver, dialect } => {
                write!(
                    f,
                    "the {driver} driver cannot run SQL rendered for {dialect}"
                )
            }
            DriverError::Driver(e) => e.fmt(f),
        }
    }
}

// Transparent: the message is the inner error's, so the source is the inner error's source,
// and a report that walks the chain prints each message once.
impl<E: Error + 'static> Error for DriverError<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            DriverError::Render(e) => e.source(),
            DriverError::Dialect { .. } => None,
            DriverError::Driver(e) => e.source(),
        }
    }
}

/// Refuses a dialect outside `accepted`, before anything is rendered or sent.
#[cfg(any(
    feature = "mysql",
    feature = "sqlx-postgres",
    feature = "sqlx-mysql",
    feature = "sqlx-sqlite"
))]
pub(crate) fn check_dialect<E>(
    driver: &'static str,
    dialect: Dialect,
    accepted: &[Dialect],
) -> Result<(), DriverError<E>> {
    if accepted.contains(&dialect) {
        Ok(())
    } else {
        Err(DriverError::Dialect { driver, dialect })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_the_inner_errors() {
        let render: DriverError<std::io::Error> =
            RenderError::new("FULL JOIN", Dialect::MySql, "").into();
        assert_eq!(render.to_string(), "FULL JOIN is not supported on MySQL");
        assert!(render.driver_error().is_none());

        let driver = DriverError::Driver(std::io::Error::other("connection reset"));
        assert_eq!(driver.to_string(), "connection reset");
        assert!(driver.driver_error().is_some());

        let dialect: DriverError<std::io::Error> = DriverError::Dialect {
            driver: "mysql",
            dialect: Dialect::Postgres,
        };
        assert_eq!(
            dialect.to_string(),
            "the mysql driver cannot run SQL rendered for PostgreSQL"
        );
    }
}
