//! SQL Server has no engine here: its rendering is checked by parsing it.

use sqlparser::dialect::MsSqlDialect;
use sqlparser::parser::Parser;

/// Parses `sql` as SQL Server would be given it; `Err` holds the parser's message.
pub fn parse_mssql(sql: &str) -> Result<(), String> {
    let statements = Parser::parse_sql(&MsSqlDialect {}, sql).map_err(|e| e.to_string())?;
    if statements.is_empty() {
        return Err("no statement".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_mssql;

    #[test]
    fn parses_sql_server_syntax() {
        assert!(parse_mssql(
            "WITH t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < @P1) \
             SELECT [n] FROM t ORDER BY n OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY"
        )
        .is_ok());
        assert!(parse_mssql("SELECT FROM WHERE").is_err());
    }
}
