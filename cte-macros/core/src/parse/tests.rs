//! Parser tests over token streams made with `quote!`, without a compiler, one file per area,
//! on the helpers here.

mod depth;
mod errors;
mod fuzz;
mod grammar;
mod splice;

use proc_macro2::TokenStream;
use quote::quote;

use super::chain::MAX_CHAIN;
use super::select as parse;
use crate::ast::{
    BinaryOp, CteBody, DataType, Expr, FunctionArgs, JoinConstraint, JoinKind, LiteralKind,
    Materialized, NullsOrder, Query, SearchOrder, SelectItem, SetExpr, SetOperator, SortOrder,
    Statement, TableFactor, TableWithJoins, UnaryOp,
};

fn ok(input: TokenStream) -> Statement {
    match parse(input.clone()) {
        Ok(stmt) => stmt,
        Err(e) => panic!("`{input}` did not parse: {e}"),
    }
}

fn err(input: TokenStream) -> String {
    match parse(input.clone()) {
        Ok(stmt) => panic!("`{input}` parsed: {stmt:?}"),
        Err(e) => e.to_string(),
    }
}

fn query(input: TokenStream) -> Query {
    match ok(input) {
        Statement::Query(q) => q,
        other => panic!("not a query: {other:?}"),
    }
}

fn select(input: TokenStream) -> crate::ast::Select {
    match query(input).body {
        SetExpr::Select(s) => *s,
        other => panic!("not a SELECT: {other:?}"),
    }
}

/// The first select item of `SELECT <expr>`.
fn expr(e: TokenStream) -> Expr {
    match select(quote!(SELECT #e)).projection.into_iter().next() {
        Some(SelectItem::Expr { expr, alias: None }) => expr,
        other => panic!("not one expression: {other:?}"),
    }
}

/// An expression in a compact form that shows the grouping.
fn show(e: &Expr) -> String {
    match e {
        Expr::Literal(l) => match &l.kind {
            LiteralKind::Integer(s) | LiteralKind::Decimal(s) => s.clone(),
            LiteralKind::String(s) => format!("'{s}'"),
            LiteralKind::Bool(b) => b.to_string().to_uppercase(),
            LiteralKind::Null => "NULL".into(),
        },
        Expr::Param(p) => format!("${}", p.index),
        Expr::Column(name) => name
            .parts
            .iter()
            .map(|p| {
                if p.raw {
                    format!("r#{}", p.value)
                } else {
                    p.value.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("."),
        Expr::Unary { op, expr, .. } => {
            let op = match op {
                UnaryOp::Not => "NOT ",
                UnaryOp::Minus => "-",
                UnaryOp::Plus => "+",
            };
            format!("({op}{})", show(expr))
        }
        Expr::Binary {
            left, op, right, ..
        } => {
            let op = match op {
                BinaryOp::Plus => "+",
                BinaryOp::Minus => "-",
                BinaryOp::Multiply => "*",
                BinaryOp::Divide => "/",
                BinaryOp::Modulo => "%",
                BinaryOp::Concat => "||",
                BinaryOp::Eq => "=",
                BinaryOp::NotEq => "<>",
                BinaryOp::Lt => "<",
                BinaryOp::LtEq => "<=",
                BinaryOp::Gt => ">",
                BinaryOp::GtEq => ">=",
                BinaryOp::And => "AND",
                BinaryOp::Or => "OR",
            };
            format!("({} {op} {})", show(left), show(right))
        }
        Expr::IsNull { expr, negated, .. } => {
            format!("({} IS {}NULL)", show(expr), not(*negated))
        }
        Expr::Between {
            expr,
            negated,
            low,
            high,
            ..
        } => format!(
            "({} {}BETWEEN {} AND {})",
            show(expr),
            not(*negated),
            show(low),
            show(high)
        ),
        Expr::InList {
            expr,
            list,
            negated,
            ..
        } => format!(
            "({} {}IN [{}])",
            show(expr),
            not(*negated),
            list.iter().map(show).collect::<Vec<_>>().join(", ")
        ),
        Expr::InListParam {
            expr,
            list,
            negated,
        } => format!("({} {}IN {{${}}})", show(expr), not(*negated), list.index),
        Expr::InSubquery { expr, negated, .. } => {
            format!("({} {}IN query)", show(expr), not(*negated))
        }
        Expr::Like {
            expr,
            negated,
            pattern,
            ..
        } => format!("({} {}LIKE {})", show(expr), not(*negated), show(pattern)),
        Expr::Exists { negated, .. } => format!("({}EXISTS query)", not(*negated)),
        Expr::Subquery { .. } => "(query)".into(),
        Expr::Case {
            operand,
            whens,
            else_result,
            ..
        } => {
            let mut s = "CASE".to_owned();
            if let Some(o) = operand {
                s += &format!(" {}", show(o));
            }
            for (w, t) in whens {
                s += &format!(" WHEN {} THEN {}", show(w), show(t));
            }
            if let Some(e) = else_result {
                s += &format!(" ELSE {}", show(e));
            }
            s + " END"
        }
        Expr::Cast {
            expr, data_type, ..
        } => format!("CAST({} AS {data_type:?})", show(expr)),
        Expr::Function(f) => {
            let name = show(&Expr::Column(f.name.clone()));
            let args = match &f.args {
                FunctionArgs::Star => "*".to_owned(),
                FunctionArgs::List { distinct, args } => format!(
                    "{}{}",
                    if distinct.is_some() { "DISTINCT " } else { "" },
                    args.iter().map(show).collect::<Vec<_>>().join(", ")
                ),
            };
            let over = if f.over.is_some() { " OVER" } else { "" };
            format!("{name}({args}){over}")
        }
        Expr::Nested { expr, .. } => format!("[{}]", show(expr)),
    }
}

fn not(negated: bool) -> &'static str {
    if negated {
        "NOT "
    } else {
        ""
    }
}

/// Tokens as the compiler makes them (`quote!` loses the joint spacing of `--` and `<>`).
fn ts(source: &str) -> TokenStream {
    source.parse().unwrap()
}

fn shows(e: TokenStream) -> String {
    show(&expr(e))
}

/// Inputs that must parse; also the seeds of the no-panic test.
fn accepted() -> Vec<TokenStream> {
    vec![
        quote!(SELECT 1),
        quote!(select a, b AS c, d e FROM t),
        quote!(SELECT * FROM t),
        quote!(SELECT t.*, s.x FROM t, s),
        quote!(SELECT DISTINCT a FROM public.t AS x(a, b) WHERE a > 1),
        quote!(SELECT a FROM t GROUP BY a HAVING count(*) > 1 ORDER BY a DESC NULLS LAST LIMIT 10 OFFSET 5),
        quote!(SELECT a FROM t OFFSET 5),
        quote!(SELECT a FROM t ORDER BY a ASC, b NULLS FIRST),
        quote!(VALUES(1, "a"), (2, "b")),
        quote!((SELECT 1) UNION (SELECT 2) ORDER BY 1),
        quote!(SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4),
        quote!(SELECT 1 INTERSECT ALL SELECT 2 EXCEPT ALL SELECT 3 UNION DISTINCT SELECT 4),
        quote!(
            WITH RECURSIVE tree(id, depth) AS (
                SELECT id, 0 FROM category WHERE id = {root}
                UNION ALL
                SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
            )
            SELECT id, depth FROM tree ORDER BY depth
        ),
        quote!(WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2) SELECT * FROM a, b),
        quote!(
            WITH RECURSIVE t(id, parent) AS (SELECT 1, 0 UNION ALL SELECT id + 1, id FROM t)
            SEARCH DEPTH FIRST BY id SET ord
            CYCLE id SET is_cycle TO true DEFAULT false USING path
            SELECT * FROM t
        ),
        quote!(
            WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t)
            SEARCH BREADTH FIRST BY id, x SET ord
            SELECT * FROM t
        ),
        quote!(WITH RECURSIVE t(id) AS (SELECT 1) CYCLE id SET c USING p SELECT * FROM t),
        quote!(
            WITH moved AS (DELETE FROM a WHERE x < {cutoff} RETURNING *)
            INSERT INTO b SELECT * FROM moved
        ),
        quote!(WITH n AS (SELECT 1 AS x) UPDATE t SET y = n.x FROM n WHERE t.id = n.x RETURNING t.id),
        quote!(WITH n AS (SELECT 1 AS x) DELETE FROM t WHERE id IN (SELECT x FROM n)),
        quote!(WITH n AS (INSERT INTO log (msg) VALUES ("hi") RETURNING id) SELECT id FROM n),
        quote!(WITH u AS (UPDATE t SET a = 1 RETURNING a) SELECT * FROM u),
        quote!(INSERT INTO t (a, b) VALUES (1, 2), (3, {x}) RETURNING a),
        quote!(INSERT INTO t SELECT * FROM s),
        quote!(INSERT INTO t (a) WITH s AS (SELECT 1) SELECT * FROM s),
        quote!(INSERT INTO t (a) (SELECT 1)),
        quote!(UPDATE t AS x SET a = a + 1, b = DEFAULT_B WHERE x.id = 1),
        quote!(UPDATE t x SET a = 1),
        quote!(DELETE FROM t AS x WHERE x.a = 1 RETURNING x.a, x.b AS bee),
        quote!(DELETE FROM t),
        quote!(SELECT * FROM a LEFT JOIN b ON a.id = b.id RIGHT OUTER JOIN c USING (id) FULL JOIN d ON true CROSS JOIN e INNER JOIN f ON 1 = 1 LEFT OUTER JOIN g ON 1 = 1),
        quote!(SELECT * FROM (a JOIN b ON a.id = b.id) LEFT JOIN c ON c.id = a.id),
        quote!(SELECT * FROM (SELECT 1 AS x) AS s(y), LATERAL (SELECT s.y) l),
        quote!(SELECT * FROM a CROSS JOIN LATERAL (SELECT a.x) l JOIN LATERAL (SELECT 1) m ON true),
        quote!(SELECT * FROM a JOIN LATERAL (SELECT 1) m),
        quote!(SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u),
        quote!(SELECT * FROM ((SELECT 1 AS x) s JOIN t ON s.x = t.x)),
        quote!(SELECT (WITH x AS (SELECT 1 AS y) SELECT y FROM x)),
        quote!(SELECT a FROM t WHERE EXISTS (WITH x AS (SELECT 1) SELECT * FROM x)),
        quote!(SELECT depth, path, name, key, value, first, set, cycle, search, last, rows, range FROM t),
        quote!(SELECT r#order, r#select.r#from FROM r#select),
        quote!(SELECT count(*), count(DISTINCT a), sum(ALL b), now(), pg_catalog.lower(x) FROM t),
        quote!(SELECT row_number() OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t),
        quote!(SELECT sum(x) OVER (ORDER BY c RANGE 3 PRECEDING), sum(x) OVER (), sum(x) OVER (GROUPS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM t),
        quote!(SELECT sum(x) OVER (ROWS UNBOUNDED FOLLOWING) FROM t),
        quote!(SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE a WHEN 1 THEN "x" END),
        quote!(SELECT CAST(a AS TEXT), CAST(b AS DECIMAL(10, 2)), CAST(b AS NUMERIC(5)), CAST(a AS INT), CAST(c AS double precision), CAST(d AS varchar(20)), cast(e as char)),
        quote!(SELECT a FROM t WHERE a NOT IN (1, 2) AND b IN (SELECT x FROM s) AND c NOT BETWEEN 1 AND 2 AND d NOT LIKE "a%" AND e IS NOT NULL AND NOT EXISTS (SELECT 1)),
        quote!(SELECT 1.5, .5, 2e10, -3, +4, "it's", TRUE, false, NULL, {x + 1}, {&name}),
        quote!(SELECT a || b || "c", a <> b, a != b, a <= b, a >= b, a % 2),
        quote!(SELECT left(name, 3), right(name, 2) FROM t),
        quote!(SELECT ((SELECT 1) + 1), ((SELECT 1)), ((1)) FROM t),
        quote!(SELECT a FROM t WHERE a IN ((SELECT 1) UNION (SELECT 2))),
    ]
}
