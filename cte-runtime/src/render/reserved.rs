//! Which unquoted names a dialect reserves, so that the renderer quotes them.
//!
//! The DSL's keywords are contextual, so `key`, `rank` or `user` are ordinary names in a query;
//! each engine reserves its own set of words, and rejects (or, for `user` on PostgreSQL,
//! reads as something else) a reserved word written as a name. A name that the target reserves
//! is therefore written quoted, in the spelling that means what the unquoted name would mean:
//!
//! - PostgreSQL folds an unquoted name to lower case and keeps a quoted one as written
//!   (documentation, 4.1.1 "Identifiers and Key Words"), so `KEY` is written `"key"`.
//! - MySQL and MariaDB resolve a name the same way quoted or not: column names and aliases are
//!   case-insensitive, and table names follow `lower_case_table_names` (MySQL 8.0 Reference
//!   Manual, 11.2.3 "Identifier Case Sensitivity"). SQLite compares names case-insensitively,
//!   quoted or not. SQL Server compares them by the database's collation, quoted or not. So
//!   there the name is quoted as written.
//!
//! Words that are a value on their own (`CURRENT_DATE`, `CURRENT_USER`, `LOCALTIME`, MySQL's
//! `UTC_TIMESTAMP`, the `DUAL` table, `DEFAULT`, SQL Server's `IDENTITYCOL`) keep their
//! meaning: quoted, they would become column names, so they are never quoted here. `USER` is
//! not one of them: it is a value only on PostgreSQL and SQL Server, and a plain name on the
//! other three targets, so it is quoted and names the column everywhere.
//!
//! Each list is sorted, in upper case, so a lookup is a binary search that upper-cases the
//! name byte by byte, without allocating.

use std::cmp::Ordering;

use crate::Dialect;

/// Whether `name`, written without `r#`, must be quoted in `d`.
pub(super) fn needs_quotes(d: Dialect, name: &str) -> bool {
    let (list, filter) = match d {
        Dialect::Postgres => (POSTGRES, &POSTGRES_FILTER),
        Dialect::MySql => (MYSQL, &MYSQL_FILTER),
        Dialect::MariaDb => (MARIADB, &MARIADB_FILTER),
        Dialect::Sqlite => (SQLITE, &SQLITE_FILTER),
        Dialect::MsSql => (MSSQL, &MSSQL_FILTER),
    };
    filter.may_contain(name) && contains(list, name) && !contains(VALUES, name)
}

/// For each length, the first and the last letters of the list's words of that length: most
/// names miss on one of the two, so rendering every name costs a few instructions, not a
/// binary search.
struct Filter {
    first: [u32; LONGEST + 1],
    last: [u32; LONGEST + 1],
}

impl Filter {
    const fn of(list: &[&str]) -> Filter {
        let mut filter = Filter {
            first: [0; LONGEST + 1],
            last: [0; LONGEST + 1],
        };
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            filter.first[word.len()] |= letter_bit(word[0]);
            filter.last[word.len()] |= letter_bit(word[word.len() - 1]);
            i += 1;
        }
        filter
    }

    #[inline]
    fn may_contain(&self, name: &str) -> bool {
        let bytes = name.as_bytes();
        match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) if bytes.len() <= LONGEST => {
                self.first[bytes.len()] & letter_bit(first) != 0
                    && self.last[bytes.len()] & letter_bit(last) != 0
            }
            _ => false,
        }
    }
}

/// A bit per letter, either case, and one shared by every other byte (`_`, digits).
const fn letter_bit(byte: u8) -> u32 {
    match byte.to_ascii_uppercase() {
        b @ b'A'..=b'Z' => 1 << (b - b'A'),
        _ => 1 << 26,
    }
}

const POSTGRES_FILTER: Filter = Filter::of(POSTGRES);
const MYSQL_FILTER: Filter = Filter::of(MYSQL);
const MARIADB_FILTER: Filter = Filter::of(MARIADB);
const SQLITE_FILTER: Filter = Filter::of(SQLITE);
const MSSQL_FILTER: Filter = Filter::of(MSSQL);

fn contains(list: &[&str], name: &str) -> bool {
    list.binary_search_by(|word| upper_cmp(word, name)).is_ok()
}

/// `word` (upper case) against `name` upper-cased.
fn upper_cmp(word: &str, name: &str) -> Ordering {
    word.bytes()
        .cmp(name.bytes().map(|b| b.to_ascii_uppercase()))
}

/// The length of the longest word in any list: longer names need no lookup.
const LONGEST: usize = 30;

/// Words that are a value or a table on their own in some dialect: quoting them would turn them
/// into names.
#[rustfmt::skip]
const VALUES: &[&str] = &[
    "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DUAL", "IDENTITYCOL", "LOCALTIME",
    "LOCALTIMESTAMP", "ROWGUIDCOL", "SESSION_USER", "SYSTEM_USER", "UTC_DATE", "UTC_TIME",
    "UTC_TIMESTAMP",
];

/// PostgreSQL: the words Appendix C ("SQL Key Words") of the PostgreSQL 17 documentation marks
/// "reserved" or "reserved (can be function or type)"; `pg_get_keywords()` calls them
/// categories R and T. No identifier position takes them (only a column label after AS does).
/// SYSTEM_USER is reserved since PostgreSQL 16.
#[rustfmt::skip]
const POSTGRES: &[&str] = &[
    "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION",
    "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY",
    "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE",
    "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE",
    "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN",
    "FREEZE", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER",
    "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT",
    "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "ONLY",
    "OR", "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT",
    "SELECT", "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE",
    "TABLESAMPLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING",
    "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW", "WITH",
];

/// MySQL: the words marked (R) in "Keywords and Reserved Words in MySQL 8.0" (MySQL 8.0
/// Reference Manual, section 11.3), including those reserved in only some 8.0 releases (ADMIN,
/// ARRAY, PERSIST, PERSIST_ONLY), since any 8.0 release is a target.
#[rustfmt::skip]
const MYSQL: &[&str] = &[
    "ACCESSIBLE", "ADD", "ADMIN", "ALL", "ALTER", "ANALYZE", "AND", "ARRAY", "AS", "ASC",
    "ASENSITIVE", "BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE",
    "CASE", "CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT",
    "CONTINUE", "CONVERT", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR",
    "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DEFAULT",
    "DELAYED", "DELETE", "DENSE_RANK", "DESC", "DESCRIBE", "DETERMINISTIC", "DISTINCT",
    "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF", "EMPTY", "ENCLOSED",
    "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FIRST_VALUE", "FLOAT",
    "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "FUNCTION", "GENERATED",
    "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING", "HIGH_PRIORITY", "HOUR_MICROSECOND",
    "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN", "INDEX", "INFILE", "INNER", "INOUT",
    "INSENSITIVE", "INSERT", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT",
    "INTERVAL", "INTO", "IO_AFTER_GTIDS", "IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE",
    "KEY", "KEYS", "KILL", "LAG", "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT",
    "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG",
    "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY", "MASTER_BIND", "MASTER_SSL_VERIFY_SERVER_CERT",
    "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT",
    "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT",
    "NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE", "NULL", "NUMERIC", "OF", "ON", "OPTIMIZE",
    "OPTIMIZER_COSTS", "OPTION", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER",
    "PARTITION", "PERCENT_RANK", "PERSIST", "PERSIST_ONLY", "PRECISION", "PRIMARY", "PROCEDURE",
    "PURGE", "RANGE", "RANK", "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE", "REFERENCES",
    "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT",
    "RETURN", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "ROW_NUMBER", "SCHEMA", "SCHEMAS",
    "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SMALLINT",
    "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT",
    "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL", "STARTING", "STORED", "STRAIGHT_JOIN",
    "SYSTEM", "TABLE", "TERMINATED", "THEN", "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING",
    "TRIGGER", "TRUE", "UNDO", "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE",
    "USING", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR",
    "VARCHARACTER", "VARYING", "VIRTUAL", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE",
    "XOR", "YEAR_MONTH", "ZEROFILL",
];

/// MariaDB: the MariaDB Knowledge Base page "Reserved Words" for 10.11, plus CUBE, ROLLUP,
/// SYSTEM, PORTION and MASTER_DEMOTE_TO_REPLICA/SLAVE, which MariaDB 10.11 also rejects as a
/// name somewhere (a CTE name, for the first three) though the page does not list them. Every
/// word of MariaDB 10.11's INFORMATION_SCHEMA.KEYWORDS was tried as a column, a CTE and its
/// column, an alias and an ORDER BY key; these are the ones that failed, and the page's.
#[rustfmt::skip]
const MARIADB: &[&str] = &[
    "ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC", "ASENSITIVE", "BEFORE",
    "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE", "CHANGE",
    "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE",
    "CONVERT", "CREATE", "CROSS", "CUBE", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR",
    "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DEFAULT",
    "DELAYED", "DELETE", "DELETE_DOMAIN_ID", "DESC", "DESCRIBE", "DETERMINISTIC", "DISTINCT",
    "DISTINCTROW", "DIV", "DOUBLE", "DO_DOMAIN_IDS", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF",
    "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FLOAT",
    "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "GENERAL", "GRANT", "GROUP",
    "HAVING", "HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE",
    "IGNORE_DOMAIN_IDS", "IGNORE_SERVER_IDS", "IN", "INDEX", "INFILE", "INNER", "INOUT",
    "INSENSITIVE", "INSERT", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT",
    "INTERVAL", "INTO", "IS", "ITERATE", "JOIN", "KEY", "KEYS", "KILL", "LEADING", "LEAVE", "LEFT",
    "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG",
    "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY", "MASTER_DEMOTE_TO_REPLICA",
    "MASTER_DEMOTE_TO_SLAVE", "MASTER_HEARTBEAT_PERIOD", "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH",
    "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND",
    "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT", "NO_WRITE_TO_BINLOG", "NULL", "NUMERIC",
    "OFFSET", "ON", "OPTIMIZE", "OPTION", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE",
    "OVER", "PAGE_CHECKSUM", "PARSE_VCOL_EXPR", "PARTITION", "PORTION", "POSITION", "PRECISION",
    "PRIMARY", "PROCEDURE", "PURGE", "RANGE", "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE",
    "REFERENCES", "REF_SYSTEM_ID", "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE",
    "RESIGNAL", "RESTRICT", "RETURN", "RETURNING", "REVOKE", "RIGHT", "RLIKE", "ROLLUP", "ROWS",
    "ROW_NUMBER", "SCHEMA", "SCHEMAS", "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR",
    "SET", "SHOW", "SIGNAL", "SLOW", "SMALLINT", "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION",
    "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL",
    "STARTING", "STATS_AUTO_RECALC", "STATS_PERSISTENT", "STATS_SAMPLE_PAGES", "STRAIGHT_JOIN",
    "SYSTEM", "TABLE", "TERMINATED", "THEN", "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING",
    "TRIGGER", "TRUE", "UNDO", "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE",
    "USING", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR",
    "VARCHARACTER", "VARYING", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE", "XOR",
    "YEAR_MONTH", "ZEROFILL",
];

/// SQLite: of the 147 words of "SQLite Keywords" (SQLite documentation, 3.51), those that its
/// grammar does not take back as a name: the keywords without a fallback to an identifier in
/// its parser, and CAST, RAISE, RECURSIVE, which have one but fail where an expression or a
/// CTE can start. The other keywords (`key`, `first`, `rows`, `groups`, `action`...) work as
/// names wherever the renderer writes one (tried on SQLite 3.40 and on the bundled 3.51), so
/// they stay as the user wrote them.
#[rustfmt::skip]
const SQLITE: &[&str] = &[
    "ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE", "CAST", "CHECK",
    "COLLATE", "COMMIT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "DEFAULT", "DEFERRABLE", "DELETE", "DISTINCT", "DROP", "ELSE", "ESCAPE",
    "EXCEPT", "EXISTS", "FILTER", "FOREIGN", "FROM", "FULL", "GROUP", "HAVING", "IN", "INDEX",
    "INDEXED", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LEFT", "LIMIT",
    "NATURAL", "NOT", "NOTHING", "NOTNULL", "NULL", "ON", "OR", "ORDER", "OUTER", "OVER",
    "PRIMARY", "RAISE", "RECURSIVE", "REFERENCES", "RETURNING", "RIGHT", "SELECT", "SET", "TABLE",
    "THEN", "TO", "TRANSACTION", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "WHEN", "WHERE",
    "WINDOW",
];

/// SQL Server: "Reserved Keywords (Transact-SQL)", SQL Server 2019 and later, with `WITHIN
/// GROUP` as WITHIN. Its lists of ODBC and future keywords are left out: the engine accepts
/// those as names.
#[rustfmt::skip]
const MSSQL: &[&str] = &[
    "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUTHORIZATION", "BACKUP", "BEGIN",
    "BETWEEN", "BREAK", "BROWSE", "BULK", "BY", "CASCADE", "CASE", "CHECK", "CHECKPOINT", "CLOSE",
    "CLUSTERED", "COALESCE", "COLLATE", "COLUMN", "COMMIT", "COMPUTE", "CONSTRAINT", "CONTAINS",
    "CONTAINSTABLE", "CONTINUE", "CONVERT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
    "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DBCC",
    "DEALLOCATE", "DECLARE", "DEFAULT", "DELETE", "DENY", "DESC", "DISK", "DISTINCT",
    "DISTRIBUTED", "DOUBLE", "DROP", "DUMP", "ELSE", "END", "ERRLVL", "ESCAPE", "EXCEPT", "EXEC",
    "EXECUTE", "EXISTS", "EXIT", "EXTERNAL", "FETCH", "FILE", "FILLFACTOR", "FOR", "FOREIGN",
    "FREETEXT", "FREETEXTTABLE", "FROM", "FULL", "FUNCTION", "GOTO", "GRANT", "GROUP", "HAVING",
    "HOLDLOCK", "IDENTITY", "IDENTITYCOL", "IDENTITY_INSERT", "IF", "IN", "INDEX", "INNER",
    "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "KEY", "KILL", "LEFT", "LIKE", "LINENO", "LOAD",
    "MERGE", "NATIONAL", "NOCHECK", "NONCLUSTERED", "NOT", "NULL", "NULLIF", "OF", "OFF",
    "OFFSETS", "ON", "OPEN", "OPENDATASOURCE", "OPENQUERY", "OPENROWSET", "OPENXML", "OPTION",
    "OR", "ORDER", "OUTER", "OVER", "PERCENT", "PIVOT", "PLAN", "PRECISION", "PRIMARY", "PRINT",
    "PROC", "PROCEDURE", "PUBLIC", "RAISERROR", "READ", "READTEXT", "RECONFIGURE", "REFERENCES",
    "REPLICATION", "RESTORE", "RESTRICT", "RETURN", "REVERT", "REVOKE", "RIGHT", "ROLLBACK",
    "ROWCOUNT", "ROWGUIDCOL", "RULE", "SAVE", "SCHEMA", "SECURITYAUDIT", "SELECT",
    "SEMANTICKEYPHRASETABLE", "SEMANTICSIMILARITYDETAILSTABLE", "SEMANTICSIMILARITYTABLE",
    "SESSION_USER", "SET", "SETUSER", "SHUTDOWN", "SOME", "STATISTICS", "SYSTEM_USER", "TABLE",
    "TABLESAMPLE", "TEXTSIZE", "THEN", "TO", "TOP", "TRAN", "TRANSACTION", "TRIGGER", "TRUNCATE",
    "TRY_CONVERT", "TSEQUAL", "UNION", "UNIQUE", "UNPIVOT", "UPDATE", "UPDATETEXT", "USE", "USER",
    "VALUES", "VARYING", "VIEW", "WAITFOR", "WHEN", "WHERE", "WHILE", "WITH", "WITHIN",
    "WRITETEXT",
];

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [(&str, &[&str]); 6] = [
        ("POSTGRES", POSTGRES),
        ("MYSQL", MYSQL),
        ("MARIADB", MARIADB),
        ("SQLITE", SQLITE),
        ("MSSQL", MSSQL),
        ("VALUES", VALUES),
    ];

    #[test]
    fn lists_are_sorted_upper_case_and_within_the_longest() {
        for (name, list) in ALL {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {} before {}", pair[0], pair[1]);
            }
            for word in list {
                assert_eq!(word.to_ascii_uppercase(), *word, "{name}");
                assert!(word.len() <= LONGEST, "{name}: {word}");
            }
        }
        let longest = ALL
            .iter()
            .flat_map(|(_, l)| l.iter())
            .map(|w| w.len())
            .max();
        assert_eq!(longest, Some(LONGEST));
    }

    #[test]
    fn the_filter_passes_every_listed_word_and_stops_common_names() {
        for (name, list) in ALL {
            let filter = Filter::of(list);
            for word in list {
                assert!(filter.may_contain(word), "{name}: {word}");
                assert!(
                    filter.may_contain(&word.to_ascii_lowercase()),
                    "{name}: {word}"
                );
            }
        }
        for name in ["id", "parent_id", "depth", "path", "total_sales"] {
            assert!(!Filter::of(POSTGRES).may_contain(name), "{name}");
        }
        assert!(!Filter::of(MYSQL).may_contain(""));
    }

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for d in Dialect::ALL {
            let list = match d {
                Dialect::Postgres => POSTGRES,
                Dialect::MySql => MYSQL,
                Dialect::MariaDb => MARIADB,
                Dialect::Sqlite => SQLITE,
                Dialect::MsSql => MSSQL,
            };
            for word in list.iter().filter(|w| !VALUES.contains(w)) {
                let lower = word.to_ascii_lowercase();
                let mixed: String = word
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 2 == 0 {
                            c
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect();
                for name in [*word, &lower, &mixed] {
                    assert!(needs_quotes(d, name), "{d}: {name}");
                }
            }
        }
    }

    #[test]
    fn what_each_dialect_quotes() {
        let quoted = |name| {
            Dialect::ALL
                .iter()
                .filter(|d| needs_quotes(**d, name))
                .map(|d| d.name())
                .collect::<Vec<_>>()
        };
        assert_eq!(quoted("key"), ["MySQL", "MariaDB", "SQL Server"]);
        assert_eq!(quoted("Set"), ["MySQL", "MariaDB", "SQLite", "SQL Server"]);
        assert_eq!(quoted("rank"), ["MySQL"]);
        assert_eq!(quoted("row_number"), ["MySQL", "MariaDB"]);
        assert_eq!(quoted("USER"), ["PostgreSQL", "SQL Server"]);
        assert_eq!(quoted("rows"), ["MySQL", "MariaDB"]);
        assert_eq!(quoted("groups"), ["MySQL"]);
        assert_eq!(
            quoted("window"),
            ["PostgreSQL", "MySQL", "MariaDB", "SQLite"]
        );
        assert!(quoted("value").is_empty());
        assert!(quoted("level").is_empty());
        assert!(quoted("depth").is_empty());
        assert!(quoted("first").is_empty());
    }

    #[test]
    fn values_and_other_names_are_never_quoted() {
        for d in Dialect::ALL {
            for name in [
                "current_date",
                "CURRENT_TIMESTAMP",
                "Current_User",
                "dual",
                "default",
            ] {
                assert!(!needs_quotes(d, name), "{d}: {name}");
            }
            for name in ["", "id", "keys_", "ke", "kez", "selectx", "é", "__cte_r1"] {
                assert!(!needs_quotes(d, name), "{d}: {name}");
            }
        }
        assert!(!needs_quotes(Dialect::MySql, &"A".repeat(LONGEST + 1)));
    }
}
