//! The error of running a query through a driver.

use std::error::Error;
use std::fmt;

use crate::{Dialect, RenderError, RowError};

/// Why running a [`Query`](crate::Query) through a database driver failed.
///
/// `E` is the driver's own error type; each driver module names its instance `Error`
/// (`cte_runtime::postgres::Error` is `DriverError<postgres::Error>`), and the driver's error
/// converts into it with `?`.
///
/// Its message is the whole story on one line: for a driver error, the driver's message and then
/// each cause in its chain (`error serializing parameter 0: 2147483648 is out of range for a
/// PostgreSQL int4 parameter`, `db error: ERROR: relation "x" does not exist`), so it has no
/// [`source`](Error::source) to print again. The driver's own error is
/// [`driver_error`](DriverError::driver_error) (for PostgreSQL, `as_db_error()` has the SQLSTATE).
///
/// ```
/// use std::error::Error;
/// use std::fmt;
///
/// use cte_runtime::DriverError;
///
/// /// A driver error that says what failed, and why only in its source.
/// #[derive(Debug)]
/// struct Serializing(std::num::TryFromIntError);
///
/// impl fmt::Display for Serializing {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("error serializing parameter 0")
///     }
/// }
///
/// impl Error for Serializing {
///     fn source(&self) -> Option<&(dyn Error + 'static)> {
///         Some(&self.0)
///     }
/// }
///
/// let why = i32::try_from(1_i64 << 40).unwrap_err();
/// let e = DriverError::Driver(Serializing(why));
/// assert_eq!(
///     e.to_string(),
///     "error serializing parameter 0: out of range integral type conversion attempted",
/// );
/// ```
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
    /// A row did not read into the row type of a [`TypedQuery`](crate::TypedQuery).
    Row(RowError),
    /// `cte_fetch_one` found no row.
    NoRows,
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

impl<E> From<RowError> for DriverError<E> {
    fn from(e: RowError) -> Self {
        DriverError::Row(e)
    }
}

impl<E> From<RenderError> for DriverError<E> {
    fn from(e: RenderError) -> Self {
        DriverError::Render(e)
    }
}

/// The driver's message, then each cause in its chain: `postgres::Error` alone says "db error"
/// or "error serializing parameter 2", and why is only in its source.
impl<E: Error> fmt::Display for DriverError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriverError::Render(e) => e.fmt(f),
            DriverError::Row(e) => e.fmt(f),
            DriverError::NoRows => f.write_str("the query returned no row, where one was expected"),
            DriverError::Dialect { driver, dialect } => {
                write!(
                    f,
                    "the {driver} driver cannot run SQL rendered for {dialect}"
                )
            }
            DriverError::Driver(e) => {
                let mut shown = e.to_string();
                f.write_str(&shown)?;
                let mut cause = e.source();
                while let Some(c) = cause {
                    let message = c.to_string();
                    // Some errors already write their source into their own message.
                    if !message.is_empty() && !shown.contains(&message) {
                        write!(f, ": {message}")?;
                        shown = message;
                    }
                    cause = c.source();
                }
                Ok(())
            }
        }
    }
}

// The message already holds the whole chain of causes, so there is no source to print again;
// the driver's own error, with its details, is `driver_error()`.
impl<E: Error + 'static> Error for DriverError<E> {}

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

    /// An error that says only what failed, with why in its source.
    #[derive(Debug)]
    struct Outer(&'static str, Option<Box<dyn Error + Send + Sync>>);

    impl fmt::Display for Outer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl Error for Outer {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn a_driver_error_shows_its_causes() {
        let why = Outer(
            "9999999999 is out of range for a PostgreSQL int4 parameter",
            None,
        );
        let e = DriverError::Driver(Outer("error serializing parameter 2", Some(Box::new(why))));
        assert_eq!(
            e.to_string(),
            "error serializing parameter 2: 9999999999 is out of range for a PostgreSQL int4 \
             parameter"
        );
        // A cause that the message already holds is not written twice.
        let io = std::io::Error::other("reset");
        let e = DriverError::Driver(Outer("read failed: reset", Some(Box::new(io))));
        assert_eq!(e.to_string(), "read failed: reset");
    }

    #[test]
    fn messages_are_the_inner_errors() {
        let render: DriverError<std::io::Error> =
            RenderError::new("FULL JOIN", Dialect::MySql, "").into();
        assert_eq!(render.to_string(), "FULL JOIN is not supported on MySQL");
        assert!(render.driver_error().is_none());

        let driver = DriverError::Driver(std::io::Error::other("connection reset"));
        assert_eq!(driver.to_string(), "connection reset");
        assert!(driver.driver_error().is_some());
        assert!(driver.source().is_none());

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
