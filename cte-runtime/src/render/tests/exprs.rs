use super::build::*;
use super::{assert_error, assert_sql, inline, order as param_order, sql};
use crate::render::render;
use crate::tree::*;
use crate::Dialect::{self, *};
use crate::Value;

fn select_expr(e: Expr) -> Statement {
    query(select(vec![item(e)], vec![]))
}

fn where_expr(e: Expr) -> Statement {
    query(Select {
        selection: Some(e),
        ..select(vec![SelectItem::Wildcard], vec![table("t")])
    })
}

#[test]
fn raw_identifiers_are_quoted_per_dialect() {
    let stmt = query(select(
        vec![SelectItem::Expr {
            expr: Expr::Column(ObjectName(list(vec![id("t"), raw("or\"de`r]")]))),
            alias: Some(raw("x")),
        }],
        vec![],
    ));
    assert_sql(
        &stmt,
        &[
            (Postgres, r#"SELECT t."or""de`r]" AS "x""#),
            (Sqlite, r#"SELECT t.`or"de``r]` AS `x`"#),
            (MySql, r#"SELECT t.`or"de``r]` AS `x`"#),
            (MariaDb, r#"SELECT t.`or"de``r]` AS `x`"#),
            (MsSql, r#"SELECT t.[or"de`r]]] AS [x]"#),
        ],
    );
}

#[test]
fn placeholders_follow_the_dialect() {
    let stmt = select_expr(bin(param(0), BinaryOp::Plus, param(1)));
    assert_sql(
        &stmt,
        &[
            (Postgres, "SELECT $1 + $2"),
            (MySql, "SELECT ? + ?"),
            (MariaDb, "SELECT ? + ?"),
            (Sqlite, "SELECT ? + ?"),
            (MsSql, "SELECT @P1 + @P2"),
        ],
    );
    for d in Dialect::ALL {
        assert_eq!(param_order(&stmt, d), None);
    }
}

#[test]
fn question_marks_record_a_repeated_parameter() {
    // NULLS LAST is emulated on MySQL with the sort key written twice.
    let stmt = Statement::Query(QueryExpr {
        order_by: list(vec![order(param(0), SortOrder::Default, NullsOrder::Last)]),
        ..sq(select(vec![item(col("a"))], vec![table("t")]))
    });
    assert_eq!(sql(&stmt, MySql), "SELECT a FROM t ORDER BY ? IS NULL, ?");
    assert_eq!(param_order(&stmt, MySql), Some(vec![0, 0]));
    assert_eq!(param_order(&stmt, Postgres), None);
}

#[test]
fn string_literals_are_escaped() {
    // A backslash: an escape string on PostgreSQL (read alike whatever
    // standard_conforming_strings says), hex on MySQL/MariaDB (alike under every sql_mode).
    let stmt = select_expr(string("it's \\ here"));
    assert_sql(
        &stmt,
        &[
            (Postgres, r"SELECT E'it''s \\ here'"),
            (Sqlite, r"SELECT 'it''s \ here'"),
            (MySql, r"SELECT _utf8mb4 X'69742773205C2068657265'"),
            (MariaDb, r"SELECT _utf8mb4 X'69742773205C2068657265'"),
            (MsSql, r"SELECT N'it''s \ here'"),
        ],
    );
    // Printable ASCII without a backslash reads alike everywhere, so it stays readable.
    let plain = select_expr(string("it's here"));
    assert_eq!(sql(&plain, Postgres), "SELECT 'it''s here'");
    assert_eq!(sql(&plain, MariaDb), "SELECT 'it''s here'");
    // Outside ASCII, a GBK, SJIS or BIG5 connection would read the UTF-8 bytes otherwise.
    let wide = select_expr(string("丁"));
    assert_eq!(sql(&wide, Postgres), "SELECT '丁'");
    assert_eq!(sql(&wide, MySql), "SELECT _utf8mb4 X'E4B881'");
    assert_eq!(sql(&wide, MsSql), "SELECT N'丁'");
    // NUL ends SQLite's SQL text, and PostgreSQL text cannot hold it.
    let nul = select_expr(string("a\0b"));
    assert_eq!(sql(&nul, Sqlite), "SELECT CAST(X'610062' AS TEXT)");
    assert_eq!(sql(&nul, MariaDb), "SELECT _utf8mb4 X'610062'");
    assert_error(&nul, Postgres, "a string with a NUL character (U+0000)");
    // On SQL Server a `\` before a line break is a line continuation: one more after it, which
    // SQL Server drops, keeps the text's own.
    let continued = select_expr(string("a\\\nb\\\r\nc\\"));
    assert_eq!(sql(&continued, MsSql), "SELECT N'a\\\\\n\nb\\\\\n\r\nc\\'");
    assert_eq!(sql(&continued, Sqlite), "SELECT 'a\\\nb\\\r\nc\\'");
}

#[test]
fn inline_values_are_escaped_literals() {
    let stmt = select_expr(call(
        "f",
        vec![param(0), param(1), param(2), param(3), param(4), param(5)],
    ));
    let values = [
        Value::Text("a'b\\".into()),
        Value::I64(-5),
        Value::F64(0.1),
        Value::Bool(true),
        Value::Null,
        Value::Bytes(vec![0, 0xab]),
    ];
    let expect = [
        (
            Postgres,
            r"SELECT f(E'a''b\\', -5, CAST(1e-1 AS DOUBLE PRECISION), TRUE, NULL, E'\\x00AB'::bytea)",
        ),
        (
            MySql,
            r"SELECT f(_utf8mb4 X'6127625C', -5, 1e-1, TRUE, NULL, X'00AB')",
        ),
        (Sqlite, r"SELECT f('a''b\', -5, 1e-1, TRUE, NULL, X'00AB')"),
        (MsSql, r"SELECT f(N'a''b\', -5, 1e-1, 1, NULL, 0x00AB)"),
    ];
    for (d, text) in expect {
        assert_eq!(inline(&stmt, d, &values).as_deref(), Ok(text));
    }
    let nan = inline(&select_expr(param(0)), Postgres, &[Value::F64(f64::NAN)]);
    assert!(nan.is_err());
    // Lossless: the shortest text that reads back as the same value.
    let third = inline(&select_expr(param(0)), Sqlite, &[Value::F64(1.0 / 3.0)]);
    let text = third.unwrap_or_default();
    let digits = text.trim_start_matches("SELECT ");
    assert_eq!(digits.parse::<f64>().ok(), Some(1.0 / 3.0));
}

#[test]
fn inline_negative_number_after_unary_minus_is_not_a_comment() {
    let stmt = select_expr(unary(UnaryOp::Minus, param(0)));
    assert_eq!(
        inline(&stmt, Postgres, &[Value::I64(-5)]).as_deref(),
        Ok("SELECT -(-5)")
    );
    let twice = select_expr(unary(UnaryOp::Minus, unary(UnaryOp::Minus, col("a"))));
    assert_eq!(sql(&twice, Sqlite), "SELECT -(-a)");
}

#[test]
fn booleans_per_dialect() {
    let stmt = where_expr(boolean(true));
    assert_eq!(sql(&stmt, Postgres), "SELECT * FROM t WHERE TRUE");
    assert_eq!(sql(&stmt, MsSql), "SELECT * FROM t WHERE 1 = 1");
    let value = select_expr(boolean(false));
    assert_eq!(sql(&value, MySql), "SELECT FALSE");
    assert_eq!(sql(&value, MsSql), "SELECT 0");
}

#[test]
fn sql_server_turns_predicates_into_values_and_back() {
    let stmt = select_expr(eq(col("a"), col("b")));
    assert_eq!(sql(&stmt, Postgres), "SELECT a = b");
    assert_eq!(
        sql(&stmt, MsSql),
        "SELECT CASE WHEN a = b THEN 1 WHEN NOT (a = b) THEN 0 END"
    );
    let flag = where_expr(bin(
        col("flag"),
        BinaryOp::And,
        unary(UnaryOp::Not, col("done")),
    ));
    assert_eq!(
        sql(&flag, Postgres),
        "SELECT * FROM t WHERE flag AND NOT done"
    );
    assert_eq!(
        sql(&flag, MsSql),
        "SELECT * FROM t WHERE flag = 1 AND NOT (done = 1)"
    );
}

#[test]
fn precedence_is_made_explicit() {
    // a || b * c, as the tree says: a || (b * c)
    let stmt = select_expr(bin(
        col("a"),
        BinaryOp::Concat,
        bin(col("b"), BinaryOp::Multiply, col("c")),
    ));
    assert_eq!(sql(&stmt, Sqlite), "SELECT a || (b * c)");
    // Neither operand is text for certain: PostgreSQL, which has no integer || integer, gets
    // the left one cast.
    assert_eq!(sql(&stmt, Postgres), "SELECT CAST(a AS TEXT) || (b * c)");
    // a - (b - c) keeps its parentheses; (a - b) - c needs none.
    let right = select_expr(bin(
        col("a"),
        BinaryOp::Minus,
        bin(col("b"), BinaryOp::Minus, col("c")),
    ));
    assert_eq!(sql(&right, Postgres), "SELECT a - (b - c)");
    let left = select_expr(bin(
        bin(col("a"), BinaryOp::Minus, col("b")),
        BinaryOp::Minus,
        col("c"),
    ));
    assert_eq!(sql(&left, Postgres), "SELECT a - b - c");
    // a + b * c needs none; (a = b) = c does.
    let mul = select_expr(bin(
        col("a"),
        BinaryOp::Plus,
        bin(col("b"), BinaryOp::Multiply, col("c")),
    ));
    assert_eq!(sql(&mul, MySql), "SELECT a + b * c");
    let cmp = where_expr(eq(eq(col("a"), col("b")), col("c")));
    assert_eq!(sql(&cmp, MySql), "SELECT * FROM t WHERE (a = b) = c");
    let null_test = where_expr(is_null(eq(col("a"), col("b"))));
    assert_eq!(
        sql(&null_test, Sqlite),
        "SELECT * FROM t WHERE (a = b) IS NULL"
    );
    let not = where_expr(unary(UnaryOp::Not, is_null(col("a"))));
    assert_eq!(sql(&not, Postgres), "SELECT * FROM t WHERE NOT (a IS NULL)");
}

#[test]
fn concatenation_per_dialect() {
    let stmt = select_expr(bin(
        bin(col("path"), BinaryOp::Concat, string("/")),
        BinaryOp::Concat,
        col("id"),
    ));
    assert_sql(
        &stmt,
        &[
            (Postgres, "SELECT path || '/' || id"),
            (Sqlite, "SELECT path || '/' || id"),
            (MySql, "SELECT CONCAT(path, '/', id)"),
            (MariaDb, "SELECT CONCAT(path, '/', id)"),
            (
                MsSql,
                "SELECT CAST(path AS NVARCHAR(MAX)) + N'/' + CAST(id AS NVARCHAR(MAX))",
            ),
        ],
    );
    // (a + 1) || b on SQL Server must not become a + 1 + b.
    let sum = select_expr(bin(
        bin(col("a"), BinaryOp::Plus, int("1")),
        BinaryOp::Concat,
        col("b"),
    ));
    assert_eq!(
        sql(&sum, MsSql),
        "SELECT CAST(a + 1 AS NVARCHAR(MAX)) + CAST(b AS NVARCHAR(MAX))"
    );
    assert_eq!(sql(&sum, Postgres), "SELECT CAST(a + 1 AS TEXT) || b");
    assert_eq!(sql(&sum, Sqlite), "SELECT (a + 1) || b");
}

#[test]
fn casts_per_dialect() {
    let text = select_expr(cast(col("id"), DataType::Text));
    assert_sql(
        &text,
        &[
            (Postgres, "SELECT CAST(id AS TEXT)"),
            (Sqlite, "SELECT CAST(id AS TEXT)"),
            (MySql, "SELECT CAST(id AS CHAR(16777216))"),
            (MariaDb, "SELECT CAST(id AS CHAR(16777216))"),
            (MsSql, "SELECT CAST(id AS NVARCHAR(MAX))"),
        ],
    );
    let int = select_expr(cast(col("x"), DataType::Integer));
    assert_sql(
        &int,
        &[
            (Postgres, "SELECT CAST(x AS INTEGER)"),
            (MySql, "SELECT CAST(x AS SIGNED)"),
            (
                Sqlite,
                "SELECT CASE WHEN typeof(x) = 'real' THEN CAST(ROUND(x) AS INTEGER) \
                 ELSE CAST(x AS INTEGER) END",
            ),
            (MsSql, "SELECT CAST(ROUND(x, 0) AS INT)"),
        ],
    );
    let varchar = select_expr(cast(col("x"), DataType::Varchar(Some(3))));
    assert_eq!(
        sql(&varchar, Sqlite),
        "SELECT SUBSTR(CAST(x AS TEXT), 1, 3)"
    );
    assert_eq!(sql(&varchar, MariaDb), "SELECT CAST(x AS CHAR(3))");
    assert_eq!(sql(&varchar, MsSql), "SELECT CAST(x AS NVARCHAR(3))");
    let boolean = select_expr(cast(col("x"), DataType::Boolean));
    assert_error(&boolean, MySql, "CAST AS BOOLEAN");
    assert_error(&boolean, Sqlite, "CAST AS BOOLEAN");
    assert_eq!(sql(&boolean, MsSql), "SELECT CAST(x AS BIT)");
    let decimal = select_expr(cast(
        col("x"),
        DataType::Decimal {
            precision: None,
            scale: None,
        },
    ));
    assert_error(&decimal, MariaDb, "CAST AS DECIMAL without precision");
    assert_eq!(sql(&decimal, Sqlite), "SELECT CAST(x AS NUMERIC)");
    let date = select_expr(cast(col("x"), DataType::Date));
    assert_eq!(sql(&date, Sqlite), "SELECT DATE(x)");
    let ts = select_expr(cast(col("x"), DataType::Timestamp));
    assert_eq!(sql(&ts, MySql), "SELECT CAST(x AS DATETIME(6))");
    assert_error(&ts, Sqlite, "CAST AS TIMESTAMP");
}

#[test]
fn like_means_the_same_everywhere() {
    let stmt = where_expr(Expr::Like {
        expr: leak(col("name")),
        negated: false,
        pattern: leak(string("[a]\\%")),
    });
    assert_sql(
        &stmt,
        &[
            (Postgres, r"SELECT * FROM t WHERE name LIKE E'[a]\\%'"),
            (
                MySql,
                r"SELECT * FROM t WHERE name LIKE _utf8mb4 X'5B615D5C25'",
            ),
            (
                Sqlite,
                r"SELECT * FROM t WHERE name LIKE '[a]\%' ESCAPE '\'",
            ),
            (
                MsSql,
                r"SELECT * FROM t WHERE name LIKE N'[[]a]\%' ESCAPE N'\'",
            ),
        ],
    );
    let bound = where_expr(Expr::Like {
        expr: leak(col("name")),
        negated: true,
        pattern: leak(param(0)),
    });
    assert_eq!(
        sql(&bound, MsSql),
        r"SELECT * FROM t WHERE name NOT LIKE REPLACE(@P1, N'[', N'[[]') ESCAPE N'\'"
    );
}

#[test]
fn window_functions() {
    let over = |units| {
        select_expr(Expr::Function(Function {
            over: Some(WindowSpec {
                partition_by: list(vec![col("g")]),
                order_by: list(vec![order(col("x"), SortOrder::Desc, NullsOrder::First)]),
                frame: Some(WindowFrame {
                    units,
                    start: FrameBound::Preceding(None),
                    end: Some(FrameBound::CurrentRow),
                }),
            }),
            ..func("SUM", vec![col("v")])
        }))
    };
    let rows = over(FrameUnits::Rows);
    assert_sql(
        &rows,
        &[
            (
                Postgres,
                "SELECT SUM(v) OVER (PARTITION BY g ORDER BY x DESC NULLS FIRST \
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
            ),
            (
                MySql,
                "SELECT SUM(v) OVER (PARTITION BY g ORDER BY x IS NULL DESC, x DESC \
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
            ),
            (
                MsSql,
                "SELECT SUM(v) OVER (PARTITION BY g ORDER BY CASE WHEN x IS NULL THEN 0 \
                 ELSE 1 END, x DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
            ),
        ],
    );
    let groups = over(FrameUnits::Groups);
    assert!(sql(&groups, Sqlite).contains("GROUPS BETWEEN"));
    for d in [MySql, MariaDb, MsSql] {
        assert_error(&groups, d, "GROUPS window frame");
    }
}

#[test]
fn parameters_past_the_engines_cap_are_refused() {
    // SELECT a FROM t WHERE a IN (<n parameters>)
    let stmt = |n: usize| {
        let mut s = select(vec![item(col("a"))], vec![table("t")]);
        s.selection = Some(Expr::InList {
            expr: leak(col("a")),
            list: list((0..n).map(param).collect()),
            negated: false,
        });
        query(s)
    };
    for (dialect, max) in [
        (Postgres, 65_535),
        (MySql, 65_535),
        (MariaDb, 65_535),
        (Sqlite, 32_766),
        (MsSql, 2_098),
    ] {
        assert!(render(&stmt(max), dialect, None).is_ok(), "{dialect}");
        let construct = format!("a statement with more than {max} parameters");
        match render(&stmt(max + 1), dialect, None) {
            Ok(_) => panic!("{dialect}: {} parameters rendered", max + 1),
            Err(e) => assert_eq!((e.construct(), e.dialect()), (&*construct, dialect)),
        }
        // Values written inline bind nothing.
        let values: Vec<Value> = (0..=max as i64).map(Value::I64).collect();
        assert!(
            inline(&stmt(max + 1), dialect, &values).is_ok(),
            "{dialect}"
        );
    }
}
