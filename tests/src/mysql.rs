//! MySQL has no engine here: its rendering is checked by parsing it, as SQL Server's is.
//!
//! Only `Dialect::MySql` output is parsed: MariaDB's runs on a real MariaDB, and it uses
//! MariaDB-only syntax (`SET STATEMENT ... FOR`) that MySqlDialect rightly does not take.
//! Optimizer hints (`/*+ SET_VAR(..) */`) are comments to the parser.
//!
//! sqlparser's UPDATE takes one table with its joins, not MySQL's multi-table
//! `UPDATE a AS x, b AS y SET ...`, which the renderer writes for a CTE read by an UPDATE. In
//! MySQL a comma in that table list is a cross join, so those commas (outside parentheses,
//! between the statement's `UPDATE` and its `SET`) are parsed as `CROSS JOIN`; nothing else is
//! changed.
//!
//! Nor does it take a table value constructor as a subquery, `(VALUES ROW(1), ROW(2))`, which
//! MySQL's grammar does (a subquery is a parenthesised query expression, and `VALUES` is one):
//! such a subquery is parsed as `(SELECT * FROM (VALUES ...) AS v)`, which reads the same.
//!
//! The golden tests (`golden/tests/golden_support/mod.rs`) include this file too, so both parse alike.

use sqlparser::dialect::MySqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer, Whitespace};

/// Parses `sql` as MySQL would be given it; `Err` holds the parser's message.
pub fn parse_mysql(sql: &str) -> Result<(), String> {
    let dialect = MySqlDialect {};
    let tokens = Tokenizer::new(&dialect, sql)
        .tokenize_with_location()
        .map_err(|e| e.to_string())?;
    let statements = Parser::new(&dialect)
        .with_tokens_with_locations(values_subqueries_as_selects(multi_table_update_as_joins(
            tokens,
        )))
        .parse_statements()
        .map_err(|e| e.to_string())?;
    if statements.is_empty() {
        return Err("no statement".into());
    }
    Ok(())
}

/// `tokens` with each comma of a multi-table UPDATE's table list made a `CROSS JOIN`.
fn multi_table_update_as_joins(tokens: Vec<TokenWithSpan>) -> Vec<TokenWithSpan> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut depth = 0_usize;
    // Where the statement's UPDATE began its table list, until its SET.
    let mut in_update_tables = false;
    let mut previous_word = None;
    // A comma right after UPDATE or after another comma names no table: left to fail.
    let mut table_expected = false;
    for t in tokens {
        let was_table_expected = table_expected;
        if !matches!(t.token, Token::Whitespace(_)) {
            table_expected = false;
        }
        match &t.token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::Word(w) if depth == 0 => {
                match w.keyword {
                    // `ON DUPLICATE KEY UPDATE a = 1, b = 2` lists assignments, not tables.
                    Keyword::UPDATE if previous_word != Some(Keyword::KEY) => {
                        in_update_tables = true;
                        table_expected = true;
                    }
                    Keyword::SET => in_update_tables = false,
                    _ => {}
                }
                previous_word = Some(w.keyword);
            }
            Token::Comma if depth == 0 && in_update_tables && !was_table_expected => {
                table_expected = true;
                for token in [
                    Token::Whitespace(Whitespace::Space),
                    Token::make_keyword("CROSS"),
                    Token::Whitespace(Whitespace::Space),
                    Token::make_keyword("JOIN"),
                ] {
                    out.push(TokenWithSpan {
                        token,
                        span: t.span,
                    });
                }
                continue;
            }
            _ => {}
        }
        out.push(t);
    }
    out
}

/// `tokens` with each `(VALUES ...)` subquery written `(SELECT * FROM (VALUES ...) AS v)`.
fn values_subqueries_as_selects(tokens: Vec<TokenWithSpan>) -> Vec<TokenWithSpan> {
    let mut out = Vec::with_capacity(tokens.len());
    // For each open parenthesis: whether it opened a VALUES subquery.
    let mut open = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let span = t.span;
        let word = |token: Token| TokenWithSpan { token, span };
        match &t.token {
            Token::LParen => {
                let next = tokens[i + 1..]
                    .iter()
                    .find(|n| !matches!(n.token, Token::Whitespace(_)));
                let values = next.is_some_and(
                    |n| matches!(&n.token, Token::Word(w) if w.keyword == Keyword::VALUES),
                );
                open.push(values);
                out.push(t.clone());
                if values {
                    for token in ["SELECT", "*", "FROM", "("] {
                        let token = match token {
                            "*" => Token::Mul,
                            "(" => Token::LParen,
                            keyword => Token::make_keyword(keyword),
                        };
                        out.push(word(token));
                        out.push(word(Token::Whitespace(Whitespace::Space)));
                    }
                }
                continue;
            }
            Token::RParen if open.pop() == Some(true) => {
                for token in [
                    Token::RParen,
                    Token::Whitespace(Whitespace::Space),
                    Token::make_keyword("AS"),
                    Token::Whitespace(Whitespace::Space),
                    Token::make_word("v", None),
                ] {
                    out.push(word(token));
                }
            }
            _ => {}
        }
        out.push(t.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_mysql;

    #[test]
    fn parses_mysql_syntax() {
        assert!(parse_mysql(
            "WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < ?) \
             SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ `n` FROM t \
             ORDER BY n LIMIT 5"
        )
        .is_ok());
        assert!(parse_mysql("SELECT FROM WHERE").is_err());
        assert!(parse_mysql("").is_err());
    }

    #[test]
    fn parses_values_as_a_subquery() {
        let sql = "SELECT n, (VALUES ROW(n * 10)) AS tens FROM num \
                   WHERE n IN (VALUES ROW(n), ROW(3)) AND (n + 1) > 1";
        assert!(parse_mysql(sql).is_ok(), "{:?}", parse_mysql(sql));
        assert!(parse_mysql("SELECT (VALUES ROW(1)").is_err());
    }

    #[test]
    fn parses_a_multi_table_update() {
        let update = "WITH t AS (SELECT id, SUM(x) AS s FROM p GROUP BY id) \
                      UPDATE account AS a, t SET a.balance = t.s, a.n = 'a, b' WHERE t.id = a.id";
        assert!(parse_mysql(update).is_ok(), "{:?}", parse_mysql(update));
        // Only the table list: a comma elsewhere still has to be where MySQL takes one.
        assert!(parse_mysql("UPDATE a, b SET a.x = 1,, a.y = 2").is_err());
        assert!(parse_mysql("UPDATE a, , b SET a.x = 1").is_err());
        assert!(parse_mysql("UPDATE , a SET a.x = 1").is_err());
    }
}
