//! SQL Server has no engine here: its rendering is checked by parsing it.
//!
//! sqlparser's MsSqlDialect does not know query hints, so a trailing
//! `OPTION (MAXRECURSION n)` (which a recursive query needs past 100 levels) is checked here
//! by hand and the statement before it is parsed. Nor does it take a parameter in
//! `OFFSET @P1 ROWS` / `FETCH NEXT @P2 ROWS ONLY`, which SQL Server does: such a parameter is
//! replaced by a number before parsing.

use sqlparser::dialect::MsSqlDialect;
use sqlparser::parser::Parser;

/// Parses `sql` as SQL Server would be given it; `Err` holds the parser's message.
pub fn parse_mssql(sql: &str) -> Result<(), String> {
    let sql = strip_maxrecursion_hint(sql)?;
    let sql = number_paging_parameters(sql);
    let statements = Parser::parse_sql(&MsSqlDialect {}, &sql).map_err(|e| e.to_string())?;
    if statements.is_empty() {
        return Err("no statement".into());
    }
    Ok(())
}

/// `sql` without a trailing `OPTION (MAXRECURSION n)` hint, after checking the hint.
fn strip_maxrecursion_hint(sql: &str) -> Result<&str, String> {
    let trimmed = sql.trim_end().trim_end_matches(';').trim_end();
    let Some(at) = trimmed.rfind(" OPTION (") else {
        return Ok(sql);
    };
    let hint = &trimmed[at + " OPTION (".len()..];
    let Some(inner) = hint.strip_suffix(')') else {
        return Ok(sql);
    };
    let limit = inner
        .strip_prefix("MAXRECURSION ")
        .ok_or_else(|| format!("unknown query hint OPTION ({inner})"))?;
    match limit.parse::<u16>() {
        Ok(n) if n <= 32767 => Ok(&trimmed[..at]),
        _ => Err(format!("MAXRECURSION takes 0 to 32767, not {limit:?}")),
    }
}

/// `sql` with each `@Pn` placeholder right after `OFFSET` or `FETCH NEXT` replaced by `1`.
fn number_paging_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("@P") {
        let (before, from) = rest.split_at(at);
        let digits = from[2..].bytes().take_while(u8::is_ascii_digit).count();
        let paging = before.ends_with("OFFSET ") || before.ends_with("FETCH NEXT ");
        out.push_str(before);
        if paging && digits > 0 {
            out.push('1');
        } else {
            out.push_str(&from[..2 + digits]);
        }
        rest = &from[2 + digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{number_paging_parameters, parse_mssql};

    #[test]
    fn parses_sql_server_syntax() {
        assert!(parse_mssql(
            "WITH t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < @P1) \
             SELECT [n] FROM t ORDER BY n OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY"
        )
        .is_ok());
        assert!(parse_mssql("SELECT FROM WHERE").is_err());
        assert!(parse_mssql("SELECT 1 AS n OPTION (MAXRECURSION 0)").is_ok());
        assert!(parse_mssql("SELECT 1 AS n OPTION (MAXRECURSION 40000)").is_err());
        assert!(parse_mssql("SELECT 1 AS n OPTION (FAST 10)").is_err());
        assert_eq!(
            number_paging_parameters("SELECT @P3 ORDER BY n OFFSET @P2 ROWS FETCH NEXT @P1 ROWS"),
            "SELECT @P3 ORDER BY n OFFSET 1 ROWS FETCH NEXT 1 ROWS"
        );
    }
}
