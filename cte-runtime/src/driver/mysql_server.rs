//! MySQL and MariaDB speak one protocol but differ in SQL: which one a server is.

use crate::Dialect;

/// The dialects a server that speaks the MySQL protocol can run.
pub(crate) const DIALECTS: [Dialect; 2] = [Dialect::MySql, Dialect::MariaDb];

/// What `SELECT VERSION()` asks the server.
pub(crate) const VERSION_QUERY: &str = "SELECT VERSION()";

/// The dialect of a server from its `VERSION()`: MariaDB names itself there
/// (`10.11.6-MariaDB-0+deb12u1`, `11.4.2-MariaDB`); MySQL does not (`8.0.36`). The version
/// number alone cannot tell them apart: MariaDB 10 used to report `5.5.5-10.x` in its handshake.
pub(crate) fn dialect_of_version(version: &str) -> Dialect {
    if version.to_ascii_lowercase().contains("mariadb") {
        Dialect::MariaDb
    } else {
        Dialect::MySql
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mariadb_says_so_in_its_version() {
        assert_eq!(
            dialect_of_version("10.11.6-MariaDB-0+deb12u1"),
            Dialect::MariaDb
        );
        assert_eq!(dialect_of_version("11.4.2-MariaDB-log"), Dialect::MariaDb);
        assert_eq!(dialect_of_version("8.0.36"), Dialect::MySql);
        assert_eq!(dialect_of_version("8.4.0-commercial"), Dialect::MySql);
    }
}
