//! Parser tests over token streams made with `quote!`, without a compiler.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
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

// ---- accepted grammar ----

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

#[test]
fn the_grammar_is_accepted() {
    for input in accepted() {
        ok(input);
    }
}

#[test]
fn keywords_are_case_insensitive() {
    let s = select(quote!(sElEcT DiStInCt a FrOm t wHeRe a = 1));
    assert!(s.distinct.is_some());
    assert!(s.from.is_some() && s.selection.is_some());
}

#[test]
fn contextual_words_stay_names() {
    let s = select(quote!(SELECT depth, path, name, key, value, first, set, cycle, search FROM t));
    let names: Vec<String> = s
        .projection
        .iter()
        .map(|item| match item {
            SelectItem::Expr { expr, alias: None } => show(expr),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        ["depth", "path", "name", "key", "value", "first", "set", "cycle", "search"]
    );
}

#[test]
fn raw_identifiers_are_names() {
    let s = select(quote!(SELECT r#order AS r#from FROM r#select));
    let SelectItem::Expr { expr, alias } = &s.projection[0] else {
        panic!()
    };
    assert_eq!(show(expr), "r#order");
    let alias = alias.as_ref().unwrap();
    assert_eq!((alias.value.as_str(), alias.raw), ("from", true));
}

#[test]
fn ident_compares_like_sql() {
    use crate::ast::Ident;
    use proc_macro2::Span;
    let id = |value: &str, raw| Ident {
        value: value.into(),
        raw,
        span: Span::call_site(),
    };
    assert_eq!(id("order", true), id("order", false));
    assert_eq!(id("Tree", false), id("tree", false));
    assert_ne!(id("Tree", true), id("tree", false));
    let set: std::collections::HashSet<_> = [id("a", false), id("A", false)].into();
    assert_eq!(set.len(), 1);
}

#[test]
fn precedence_follows_postgres() {
    assert_eq!(shows(quote!(1 + 2 * 3 - 4)), "((1 + (2 * 3)) - 4)");
    assert_eq!(shows(quote!(a OR b AND NOT c)), "(a OR (b AND (NOT c)))");
    assert_eq!(shows(quote!(NOT a = b)), "(NOT (a = b))");
    assert_eq!(shows(quote!(a = b IS NULL)), "((a = b) IS NULL)");
    assert_eq!(shows(quote!(a || b = c || d)), "((a || b) = (c || d))");
    assert_eq!(shows(quote!(a + b || c)), "((a + b) || c)");
    assert_eq!(shows(quote!(-a * b)), "((-a) * b)");
    assert_eq!(shows(quote!(--a)), "(-(-a))");
    assert_eq!(
        shows(quote!(a BETWEEN 1 AND 2 AND b)),
        "((a BETWEEN 1 AND 2) AND b)"
    );
    assert_eq!(
        shows(quote!(a + 1 NOT BETWEEN b AND c || d)),
        "((a + 1) NOT BETWEEN b AND (c || d))"
    );
    assert_eq!(
        shows(quote!(a LIKE b || "%" = true)),
        "((a LIKE (b || '%')) = TRUE)"
    );
    assert_eq!(shows(quote!(a IN (1, 2) = b)), "((a IN [1, 2]) = b)");
    assert_eq!(shows(quote!((a + b) * c)), "([(a + b)] * c)");
    assert_eq!(shows(quote!(a / b % c)), "((a / b) % c)");
    assert_eq!(shows(quote!(a <> b AND c != d)), "((a <> b) AND (c <> d))");
    assert_eq!(shows(quote!(a <= b OR c >= d)), "((a <= b) OR (c >= d))");
}

#[test]
fn negated_forms() {
    assert_eq!(shows(quote!(NOT EXISTS (SELECT 1))), "(NOT EXISTS query)");
    assert_eq!(
        shows(quote!(NOT (EXISTS (SELECT 1)))),
        "(NOT [(EXISTS query)])"
    );
    assert_eq!(shows(quote!(a NOT IN (SELECT 1))), "(a NOT IN query)");
    assert_eq!(shows(quote!(a NOT LIKE "x")), "(a NOT LIKE 'x')");
    assert_eq!(shows(quote!(a IS NOT NULL)), "(a IS NOT NULL)");
    assert_eq!(shows(quote!(a = NOT b)), "(a = (NOT b))");
}

#[test]
fn literals() {
    assert_eq!(shows(quote!("it's")), "'it's'");
    assert_eq!(shows(quote!(r"raw \n")), "'raw \\n'");
    assert_eq!(shows(quote!(1_000)), "1000");
    assert_eq!(shows(quote!(1.25)), "1.25");
    assert_eq!(shows(quote!(.5)), ".5");
    assert_eq!(shows(quote!(2e10)), "2e10");
    assert_eq!(shows(quote!(-7)), "(-7)");
    assert_eq!(shows(quote!(TRUE)), "TRUE");
    assert_eq!(shows(quote!(null)), "NULL");
    let Expr::Literal(l) = expr(quote!(1.5)) else {
        panic!()
    };
    assert_eq!(l.kind, LiteralKind::Decimal("1.5".into()));
    let Expr::Literal(l) = expr(quote!(42)) else {
        panic!()
    };
    assert_eq!(l.kind, LiteralKind::Integer("42".into()));
}

#[test]
fn parameters_are_numbered_in_source_order() {
    let s = select(quote!(
        SELECT {a}, ((SELECT {b}) + {c}) FROM t WHERE x IN ((SELECT {d}) UNION (SELECT {e})) AND y = {f}
    ));
    let mut indices = Vec::new();
    struct Params<'a>(&'a mut Vec<(usize, String)>);
    impl<'ast> crate::ast::visit::Visit<'ast> for Params<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if let Expr::Param(p) = e {
                let expr = &p.expr;
                self.0.push((p.index, quote!(#expr).to_string()));
            }
            crate::ast::visit::walk_expr(self, e);
        }
    }
    crate::ast::visit::Visit::visit_select(&mut Params(&mut indices), &s);
    let expected: Vec<(usize, String)> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.to_string()))
        .collect();
    assert_eq!(indices, expected);
}

#[test]
fn case_cast_and_functions() {
    assert_eq!(
        shows(quote!(CASE x WHEN 1 THEN "a" ELSE "b" END)),
        "CASE x WHEN 1 THEN 'a' ELSE 'b' END"
    );
    assert_eq!(
        shows(quote!(CASE WHEN a > 1 THEN 2 END)),
        "CASE WHEN (a > 1) THEN 2 END"
    );
    assert_eq!(shows(quote!(CAST(a AS BIGINT))), "CAST(a AS BigInt)");
    let Expr::Cast { data_type, .. } = expr(quote!(CAST(a AS NUMERIC(10, 2)))) else {
        panic!()
    };
    assert_eq!(
        data_type,
        DataType::Decimal {
            precision: Some(10),
            scale: Some(2)
        }
    );
    let Expr::Cast { data_type, .. } = expr(quote!(CAST(a AS character(5)))) else {
        panic!()
    };
    assert_eq!(data_type, DataType::Char(Some(5)));
    assert_eq!(shows(quote!(count(*))), "count(*)");
    assert_eq!(shows(quote!(count(DISTINCT a))), "count(DISTINCT a)");
    assert_eq!(shows(quote!(coalesce(a, 0) + 1)), "(coalesce(a, 0) + 1)");
    assert_eq!(shows(quote!(rank() OVER (ORDER BY a))), "rank() OVER");
}

#[test]
fn set_operations_bind_like_the_standard() {
    let q = query(quote!(SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4));
    // ((1 UNION (2 INTERSECT 3)) EXCEPT ALL 4)
    let SetExpr::SetOp { op, left, .. } = q.body else {
        panic!()
    };
    assert_eq!(op, SetOperator::Except { all: true });
    let SetExpr::SetOp { op, right, .. } = *left else {
        panic!()
    };
    assert_eq!(op, SetOperator::Union { all: false });
    assert!(matches!(
        *right,
        SetExpr::SetOp {
            op: SetOperator::Intersect { all: false },
            ..
        }
    ));
}

#[test]
fn with_clause_parts() {
    let q = query(quote!(
        WITH RECURSIVE t(id, path) AS NOT MATERIALIZED (SELECT 1, "" UNION ALL SELECT id + 1, path FROM t)
        SEARCH DEPTH FIRST BY id SET ord
        CYCLE id SET is_cycle TO "Y" DEFAULT "N" USING path,
        u AS MATERIALIZED (VALUES (1))
        SELECT * FROM t
    ));
    let with = q.with.unwrap();
    assert!(with.recursive.is_some());
    let [t, u] = &with.ctes[..] else { panic!() };
    assert_eq!(t.name.value, "t");
    assert_eq!(t.columns.len(), 2);
    assert!(matches!(t.materialized, Materialized::No));
    assert!(matches!(u.materialized, Materialized::Yes));
    let search = t.search.as_ref().unwrap();
    assert_eq!(search.order, SearchOrder::Depth);
    assert_eq!(search.set.value, "ord");
    let cycle = t.cycle.as_ref().unwrap();
    assert_eq!(cycle.using.value, "path");
    assert!(cycle.marks.is_some());
}

#[test]
fn joins_and_derived_tables() {
    let s = select(quote!(
        SELECT * FROM a LEFT OUTER JOIN b USING (id) CROSS JOIN c, (SELECT 1) AS d(x), LATERAL (SELECT 2) e
    ));
    let from = s.from.unwrap().value;
    assert_eq!(from.len(), 3);
    let joins = &from[0].joins;
    assert_eq!(joins[0].kind, JoinKind::Left);
    assert!(matches!(joins[0].constraint, JoinConstraint::Using(_)));
    assert_eq!(joins[1].kind, JoinKind::Cross);
    assert!(matches!(joins[1].constraint, JoinConstraint::None));
    let TableFactor::Derived {
        lateral: None,
        alias: Some(alias),
        ..
    } = &from[1].relation
    else {
        panic!()
    };
    assert_eq!(alias.columns.len(), 1);
    assert!(matches!(
        from[2].relation,
        TableFactor::Derived {
            lateral: Some(_),
            ..
        }
    ));
}

#[test]
fn order_by_parts() {
    let q = query(quote!(SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC, c LIMIT 1 OFFSET 2));
    let items = q.order_by.unwrap().value;
    assert_eq!(
        (items[0].order, items[0].nulls),
        (SortOrder::Desc, NullsOrder::First)
    );
    assert_eq!(
        (items[1].order, items[1].nulls),
        (SortOrder::Asc, NullsOrder::Default)
    );
    assert_eq!(items[2].order, SortOrder::Default);
    assert!(q.limit.is_some() && q.offset.is_some());
}

#[test]
fn dml_statements() {
    let Statement::Insert(i) = ok(quote!(INSERT INTO s.t (a, b) SELECT 1, 2 RETURNING a)) else {
        panic!()
    };
    assert_eq!(i.table.parts.len(), 2);
    assert_eq!(i.columns.len(), 2);
    assert!(i.returning.is_some());
    let Statement::Update(u) = ok(quote!(UPDATE t SET set = 1, value = {v} WHERE id = 2)) else {
        panic!()
    };
    assert!(u.alias.is_none());
    assert_eq!(u.assignments[0].column.value, "set");
    let Statement::Delete(d) = ok(quote!(WITH x AS (SELECT 1) DELETE FROM t x WHERE true)) else {
        panic!()
    };
    assert!(d.with.is_some());
    assert_eq!(d.alias.unwrap().value, "x");
}

// ---- errors ----

#[test]
fn syntax_errors_say_what_was_expected() {
    let cases: Vec<(TokenStream, &str)> = vec![
        (quote!(), "expected `WITH`, `SELECT`, `VALUES`, `INSERT`, `UPDATE` or `DELETE`, found end of input"),
        (quote!(SELECT), "expected an expression, found end of input"),
        (quote!(SELECT a FROM), "expected a table name, `(` or `LATERAL`, found end of input"),
        (quote!(SELECT a, FROM t), "expected an expression, found keyword `FROM`"),
        (quote!(SELECT a FROM t WHERE), "expected an expression, found end of input"),
        (quote!(SELECT a FROM t GROUP a), "expected `BY`, found `a`"),
        (quote!(SELECT a FROM t ORDER a), "expected `BY`, found `a`"),
        (quote!(SELECT a b c FROM t), "expected end of input, found `c`"),
        (quote!(SELECT (a b c)), "expected `)`, found `b`"),
        (quote!(SELECT a FROM t JOIN u), "expected `ON` or `USING`, found end of input"),
        (quote!(WITH t AS SELECT 1), "expected `(`, found keyword `SELECT`"),
        (quote!(WITH t (SELECT 1) SELECT 1), "expected a column name, found keyword `SELECT`; write `r#SELECT` to use it as a name"),
        (quote!(WITH t AS (SELECT 1)), "expected `,`, `SELECT`, `VALUES`, `INSERT`, `UPDATE`, `DELETE` or `(`, found end of input"),
        (quote!(WITH order AS (SELECT 1) SELECT 1), "expected a CTE name, found keyword `order`; write `r#order` to use it as a name"),
        (quote!(SELECT a AS from), "expected an alias, found keyword `from`; write `r#from` to use it as a name"),
        (quote!(SELECT CASE END), "expected `WHEN`, found keyword `END`"),
        (quote!(SELECT CASE WHEN a THEN b), "expected `WHEN`, `ELSE` or `END`, found end of input"),
        (quote!(SELECT a IS TRUE), "expected `NULL` or `NOT NULL`, found `TRUE`"),
        (quote!(SELECT a NOT BETWEEN 1 OR 2), "expected `AND`, found keyword `OR`"),
        (quote!(SELECT a = b = c), "comparisons do not chain; put parentheses around one of them"),
        (quote!(SELECT 1 UNION), "expected `SELECT`, `VALUES` or `(`, found end of input"),
        (quote!(SELECT x FROM t ORDER BY x NULLS), "expected `FIRST` or `LAST`, found end of input"),
        (quote!(INSERT t VALUES (1)), "expected `INTO`, found `t`"),
        (quote!(INSERT INTO t (a)), "expected `SELECT`, `VALUES` or `WITH`, found end of input"),
        (quote!(UPDATE t WHERE a = 1), "expected `SET`, found keyword `WHERE`"),
        (quote!(UPDATE t SET a 1), "expected `=`, found `1`"),
        (quote!(DELETE t), "expected `FROM`, found `t`"),
        (quote!(SELECT sum(x) OVER w FROM t), "expected `(` (named windows are not supported), found `w`"),
        (quote!(SELECT sum(x) OVER (ROWS 1) FROM t), "expected `PRECEDING` or `FOLLOWING`, found end of input"),
        (quote!(WITH RECURSIVE t AS (SELECT 1) SEARCH FIRST BY a SET b SELECT 1), "expected `DEPTH` or `BREADTH`, found `FIRST`"),
        (quote!(WITH RECURSIVE t AS (SELECT 1) CYCLE a SET b SELECT 1), "expected `TO` or `USING`, found keyword `SELECT`"),
        (quote!(SELECT [1]), "expected an expression, found `[`"),
        (quote!(SELECT b"x"), "expected an expression, found `b\"x\"`"),
        (quote!(SELECT 1;), "expected end of input, found `;`"),
        (quote!(SELECT a FROM t NATURAL JOIN u), "NATURAL joins are not supported; write the join condition with ON or USING"),
    ];
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|(input, message)| {
            let got = err(input.clone());
            (got != message).then(|| format!("`{input}`:\n  got      {got}\n  expected {message}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn lexical_errors() {
    assert_eq!(
        err(ts("SELECT a -- comment")),
        "SQL comments are not supported; use `//` or `/* */`"
    );
    assert_eq!(
        err(ts("SELECT a::int")),
        "`::` casts are not supported; write CAST(x AS type)"
    );
    assert_eq!(
        err(quote!(SELECT 'a')),
        "SQL strings are Rust string literals here: write \"a\" instead of 'a'"
    );
    assert_eq!(
        err(quote!(SELECT 'abc)),
        "SQL strings are Rust string literals here: write \"...\" instead of '...'"
    );
    assert_eq!(
        err(quote!(SELECT 1i64)),
        "number literals take no type suffix: write `1` instead of `1i64`"
    );
    assert_eq!(
        err(quote!(SELECT 1.5f32)),
        "number literals take no type suffix: write `1.5` instead of `1.5f32`"
    );
    assert_eq!(
        err(quote!(SELECT CAST(a AS STRING))),
        "unknown type `STRING` in CAST; the known types are SMALLINT, INT, INTEGER, BIGINT, \
         DECIMAL(p, s), NUMERIC(p, s), REAL, DOUBLE PRECISION, FLOAT, TEXT, VARCHAR(n), CHAR(n), \
         CHARACTER(n), BOOLEAN, BOOL, DATE, TIME, TIMESTAMP, BLOB, BYTEA"
    );
    assert_eq!(
        err(quote!(SELECT CAST(a AS VARCHAR(1, 2)))),
        "this type takes at most 1 number(s)"
    );
    assert_eq!(
        err(quote!(SELECT {})),
        "expected a Rust expression inside `{}`"
    );
    assert!(err(quote!(SELECT {1 +})).starts_with("unexpected end of input"));
}

#[test]
fn splicing_takes_a_path() {
    let q = query(quote!(WITH a AS (SELECT 1), {queries::h} SELECT 1));
    let with = q.with.expect("a WITH");
    assert_eq!(with.ctes[1].name.value, "h");
    assert!(matches!(with.ctes[1].body, CteBody::Spliced(_)));
    assert!(err(quote!(WITH {h + 1} SELECT 1)).starts_with("expected the path of a `cte!` item"));
    assert!(err(quote!(SELECT * FROM {h + 1})).starts_with("expected the path of a `cte!` item"));
}

fn spliced_names(q: &Query) -> Vec<String> {
    q.with
        .iter()
        .flat_map(|w| &w.ctes)
        .map(|c| {
            format!(
                "{}{}",
                if c.spliced().is_some() { "{}" } else { "" },
                c.name.value
            )
        })
        .collect()
}

#[test]
fn from_splices_join_the_front_of_the_leading_with_once() {
    // No WITH written: one is made.
    let q = query(quote!(SELECT t.id FROM {catalog::tree} t JOIN {tree} u ON t.id = u.id));
    assert_eq!(spliced_names(&q), ["{}tree", "{}tree"]);
    // The same path twice, or also in the WITH, is one CTE; the written CTEs come after.
    let q = query(quote!(
        WITH {b}, a AS (SELECT x FROM {c} JOIN {b} ON TRUE)
        SELECT * FROM a, {c}, (SELECT * FROM {d}) s
    ));
    assert_eq!(spliced_names(&q), ["{}c", "{}d", "{}b", "a"]);
    let SetExpr::Select(s) = &q.body else {
        panic!("a SELECT")
    };
    let TableFactor::Table { name, alias } = &s.from.as_ref().unwrap().value[1].relation else {
        panic!("a table")
    };
    assert_eq!((name.parts[0].value.as_str(), alias.is_none()), ("c", true));
    // OPTION goes on the WITH the splice makes.
    let q = query(quote!(SELECT * FROM {tree} OPTION (MAXRECURSION 5)));
    assert_eq!(
        q.with.and_then(|w| w.max_recursion).map(|m| m.levels),
        Some(5)
    );
}

#[test]
fn from_splices_are_refused_where_they_cannot_go() {
    assert!(
        err(quote!(UPDATE t SET a = 1 FROM {tree} h WHERE h.id = t.id))
            .starts_with("a `cte!` item is spliced into a SELECT statement only")
    );
    let hidden = err(quote!(
        SELECT * FROM (WITH tree AS (SELECT 1) SELECT * FROM {tree}) s
    ));
    assert!(
        hidden.contains("a WITH inside this statement defines its own `tree`"),
        "{hidden}"
    );
}

fn nest(depth: usize, inner: TokenStream) -> TokenStream {
    let mut tokens = inner;
    for _ in 0..depth {
        tokens = TokenStream::from(TokenTree::Group(Group::new(Delimiter::Parenthesis, tokens)));
    }
    tokens
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // rustc runs a macro on a thread of 8 MiB; half of that must be enough.
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(deep_nesting)
        .and_then(|thread| thread.join().map_err(|_| std::io::Error::other("panicked")))
        .unwrap();
}

fn deep_nesting() {
    let deep = nest(10_000, quote!(1));
    assert!(err(quote!(SELECT #deep)).contains("nests too deeply"));
    let deep_query = nest(10_000, quote!(SELECT 1));
    assert!(err(quote!(SELECT * FROM #deep_query x)).contains("nests too deeply"));
    assert!(err(deep_query).contains("nests too deeply"));
    let nots = ts(&format!("SELECT {} a", "NOT ".repeat(10_000)));
    assert!(err(nots).contains("nests too deeply"));
    let minus = ts(&format!("SELECT {} a", "- ".repeat(10_000)));
    assert!(err(minus).contains("nests too deeply"));
    let cases = ts(&format!(
        "SELECT {} 1 {}",
        "CASE WHEN 1 THEN ".repeat(10_000),
        "END ".repeat(10_000)
    ));
    assert!(err(cases).contains("nests too deeply"));
    // Real nesting inside a long flat chain is still nesting.
    let chain = ts(&format!("SELECT 1{}", " + 1".repeat(300)));
    assert!(err(quote!(#chain + #deep)).contains("nests too deeply"));
    // A chain far longer than a tree may be tall is refused, not a stack overflow later.
    let chain = ts(&format!("SELECT 1{}", " + 1".repeat(100_000)));
    assert!(err(chain).contains(&too_tall()));
    let chain = ts(&format!("SELECT a{}", " AND a".repeat(100_000)));
    assert!(err(chain).contains(&too_tall()));
    let chain = ts(&format!("SELECT 1{}", " UNION SELECT 1".repeat(100_000)));
    assert!(err(chain).contains(&too_tall()));
    let chain = ts(&format!("SELECT a{}", " IS NULL".repeat(100_000)));
    assert!(err(chain).contains(&too_tall()));
    let chain = ts(&format!("SELECT a{}", " LIKE a".repeat(100_000)));
    assert!(err(chain).contains(&too_tall()));
    // Moderate nesting and long chains are fine.
    ok(ts(&format!("SELECT 1{}", " + 1".repeat(100))));
    ok(ts(&format!(
        "SELECT 1{}",
        " UNION ALL SELECT 1".repeat(100)
    )));
    let fine = nest(20, quote!(1));
    ok(quote!(SELECT #fine));
}

/// How the error for a too tall tree of chains starts.
fn too_tall() -> String {
    format!("the query chains too many operators (more than {MAX_CHAIN} binary operators")
}

/// Runs `test` on a thread with half the stack rustc gives a macro.
fn on_macro_stack(test: fn()) {
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(test)
        .and_then(|thread| thread.join().map_err(|_| std::io::Error::other("panicked")))
        .unwrap();
}

/// `levels` levels each inside the last, `wrap` making each level of the one inside it.
fn nested_levels(
    levels: usize,
    innermost: TokenStream,
    wrap: impl Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    (0..levels).fold(innermost, |inner, _| wrap(inner))
}

fn scalar_operand(inner: TokenStream) -> TokenStream {
    quote!(((SELECT #inner AS a) + 1))
}

fn in_operand(inner: TokenStream) -> TokenStream {
    quote!(e IN ((SELECT #inner AS a) + 1))
}

fn from_operand(inner: TokenStream) -> TokenStream {
    quote!(SELECT a FROM ((#inner) s JOIN t ON TRUE))
}

/// How many scalar subqueries are nested in `e`, each the first operand of the last one's
/// only select item.
fn subquery_levels(e: &Expr) -> usize {
    let mut levels = 0;
    let mut e = e;
    loop {
        e = match e {
            Expr::Nested { expr, .. } => expr,
            Expr::Binary { left, .. } => left,
            Expr::InList { list, .. } => &list[0],
            Expr::Subquery { query, .. } => {
                levels += 1;
                let SetExpr::Select(select) = &query.body else {
                    panic!("not a SELECT: {query:?}");
                };
                let Some(SelectItem::Expr { expr, .. }) = select.projection.first() else {
                    panic!("no expression: {select:?}");
                };
                expr
            }
            _ => return levels,
        };
    }
}

// Each of these groups starts with a group that holds a query, and is itself a query, an
// expression or a join only by what follows that group. Were the leading group parsed once
// for each reading, every level would double the work: 2^24 parses at 24 levels, more than
// an hour of `cargo build`.

#[test]
fn parenthesised_scalar_subqueries_as_operands_parse_in_linear_time() {
    on_macro_stack(|| {
        let deep = nested_levels(24, quote!(e), scalar_operand);
        let e = expr(deep);
        assert_eq!(subquery_levels(&e), 24);
        let Expr::Nested { expr: sum, .. } = &e else {
            panic!("not a parenthesised expression: {}", show(&e));
        };
        assert!(
            matches!(&**sum, Expr::Binary { left, op: BinaryOp::Plus, .. }
                if matches!(**left, Expr::Subquery { .. })),
            "{}",
            show(&e)
        );
        let deeper = nested_levels(40, quote!(e), scalar_operand);
        assert!(err(quote!(SELECT #deeper)).contains("nests too deeply"));
    });
}

#[test]
fn parenthesised_subqueries_in_in_lists_parse_in_linear_time() {
    on_macro_stack(|| {
        let deep = nested_levels(24, quote!(e), in_operand);
        let e = expr(deep);
        assert_eq!(subquery_levels(&e), 24);
        assert!(
            matches!(&e, Expr::InList { list, .. } if list.len() == 1),
            "{}",
            show(&e)
        );
        let deeper = nested_levels(40, quote!(e), in_operand);
        assert!(err(quote!(SELECT #deeper)).contains("nests too deeply"));
    });
}

#[test]
fn parenthesised_subqueries_in_joins_parse_in_linear_time() {
    on_macro_stack(|| {
        let deep = nested_levels(24, quote!(SELECT e AS a), from_operand);
        let from = select(deep).from.expect("a FROM clause").value;
        let [TableWithJoins { relation, joins }] = from.as_slice() else {
            panic!("not one table: {from:?}");
        };
        assert!(joins.is_empty());
        let TableFactor::Nested { inner, .. } = relation else {
            panic!("not a parenthesised join: {relation:?}");
        };
        assert!(matches!(inner.relation, TableFactor::Derived { .. }));
        assert_eq!(inner.joins.len(), 1);
        let deeper = nested_levels(40, quote!(SELECT e AS a), from_operand);
        assert!(err(deeper).contains("nests too deeply"));
    });
}

/// What the query grammar would read of a group, had it read it first, is what it reads now.
#[test]
fn a_group_is_a_query_when_all_of_it_reads_as_one() {
    let q = query(quote!(SELECT x FROM (((SELECT 1 AS x) UNION (SELECT 2)) ORDER BY x LIMIT 1) s));
    let SetExpr::Select(outer) = q.body else {
        panic!("not a SELECT");
    };
    let from = &outer.from.as_ref().expect("a FROM clause").value[0].relation;
    assert!(matches!(from, TableFactor::Derived { subquery, .. } if subquery.limit.is_some()));
    assert_eq!(
        shows(quote!(((SELECT 1) UNION ALL (SELECT 2) INTERSECT (SELECT 3)))),
        shows(quote!((((SELECT 1) UNION ALL ((SELECT 2) INTERSECT (SELECT 3))))))
            .replacen("((", "(", 1)
            .replacen("))", ")", 1)
    );
    assert_eq!(
        shows(quote!(((SELECT 1)) + 1)),
        shows(quote!((SELECT 1) + 1))
    );
    assert!(matches!(
        expr(quote!(e IN ((SELECT 1) UNION (SELECT 2)))),
        Expr::InSubquery { .. }
    ));
    assert!(matches!(
        expr(quote!(e IN ((SELECT 1), (SELECT 2) + 1))),
        Expr::InList { list, .. } if list.len() == 2
    ));
    // A group the query grammar starts on but cannot finish is read as what else it may be,
    // which stops at the word the query went on with.
    for (input, found) in [
        (
            quote!(SELECT ((SELECT 1) UNION (SELECT 2) + 1)),
            "keyword `UNION`",
        ),
        (
            quote!(SELECT e IN ((SELECT 1) ORDER BY 1 + 1 2)),
            "keyword `ORDER`",
        ),
        (
            quote!(SELECT * FROM ((SELECT 1) LIMIT 1 x)),
            "keyword `LIMIT`",
        ),
    ] {
        assert_eq!(err(input), format!("expected `)`, found {found}"));
    }
    // A group that is no query is whatever else it reads as, errors included.
    assert_eq!(
        err(quote!(SELECT ((SELECT 1) + ))),
        "expected an expression, found end of input"
    );
    assert!(matches!(
        select(quote!(SELECT * FROM ((SELECT 1) s JOIN t ON TRUE)))
            .from
            .expect("a FROM clause")
            .value[0]
            .relation,
        TableFactor::Nested { .. }
    ));
}

#[test]
fn long_flat_chains_are_no_nesting() {
    on_macro_stack(|| {
        let m = MAX_CHAIN;
        assert!(m >= 400, "{m}");
        let plus = format!("1{}", " + 1".repeat(m));
        assert!(show(&expr(ts(&plus))).starts_with("(((("));
        ok(ts(&format!("SELECT {plus}")));
        for op in ["-", "*", "/", "%", "||", "AND", "OR", "LIKE"] {
            ok(ts(&format!("SELECT a{}", format!(" {op} a").repeat(m))));
        }
        ok(ts(&format!("SELECT a{}", " IS NULL".repeat(m))));
        ok(ts(&format!(
            "SELECT a FROM t WHERE a = 1{}",
            " AND a = 1".repeat(m)
        )));
        let arms = ts(&format!("SELECT 1 AS a{}", " UNION ALL SELECT 1".repeat(m)));
        assert!(matches!(query(arms).body, SetExpr::SetOp { .. }));
        ok(ts(&format!("SELECT 1{}", " INTERSECT SELECT 1".repeat(m))));
        // Beside one another, chains do not add up.
        ok(ts(&format!(
            "SELECT {plus} AS a, {plus} AS b FROM t WHERE {plus} = {plus}"
        )));
        // On the right, an operand as tall as the chain makes it one link taller.
        let half = format!("1{}", " + 1".repeat(m / 2));
        ok(ts(&format!("SELECT {half} + (SELECT {half})")));
        ok(ts(&format!("SELECT {half} + ({half})")));
        // On the left, an operand adds its height: the tree is as tall as both.
        for tall in [
            format!("SELECT ({half}) + {half}"),
            format!("SELECT (SELECT {half}) + {half}"),
            format!(
                "SELECT {}",
                format!("1{}", " * 1".repeat(m / 2)) + &" + 1".repeat(m / 2 + 1)
            ),
            format!("(SELECT {half}){}", " UNION ALL SELECT 1".repeat(m / 2 + 1)),
            format!("SELECT 1{}", " + 1".repeat(m + 1)),
            format!("SELECT 1{}", " UNION ALL SELECT 1".repeat(m + 1)),
        ] {
            assert!(err(ts(&tall)).starts_with(&too_tall()), "{tall}");
        }
    });
}

/// Every prefix and every one-token deletion of the accepted inputs, and every token swapped
/// for a few troublemakers: parsing may fail but must never panic.
#[test]
fn never_panics_on_mangled_input() {
    let junk: Vec<TokenTree> = flat(
        quote!(( ) {} 'x . * , SELECT WITH r#x 'a' 1u8 ; NOT - | "s" 1.5 (1) (SELECT 1) ("x")),
    );
    for input in accepted() {
        let tokens = flat(input);
        for cut in 0..tokens.len() {
            let _ = parse(tokens[..cut].iter().cloned().collect());
            let mut without = tokens.clone();
            without.remove(cut);
            let _ = parse(without.into_iter().collect());
            for j in &junk {
                let mut swapped = tokens.clone();
                swapped[cut] = j.clone();
                let _ = parse(swapped.into_iter().collect());
            }
        }
    }
}

/// Random token soup from the DSL's own vocabulary: parsing may fail but must never panic.
#[test]
fn never_panics_on_random_tokens() {
    let vocab: Vec<TokenTree> = flat(quote!(
        SELECT WITH RECURSIVE AS FROM WHERE GROUP BY HAVING ORDER LIMIT OFFSET UNION ALL
        INTERSECT EXCEPT JOIN LEFT CROSS LATERAL ON USING NOT AND OR IS NULL IN BETWEEN LIKE
        EXISTS CASE WHEN THEN ELSE END CAST OVER PARTITION ROWS PRECEDING CURRENT ROW SEARCH
        DEPTH FIRST SET CYCLE TO DEFAULT INSERT INTO VALUES UPDATE DELETE RETURNING DISTINCT
        MATERIALIZED VARCHAR DECIMAL a t r#order 1 1.5 "s" 'c' 'l 1u8 b"x"
        , . * + - / % = < > <= >= != || ; ! :: --
        () (a) (1, 2) (SELECT 1) {x} {} [1]
    ));
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..20_000 {
        let len = next(24);
        let mut tokens: Vec<TokenTree> =
            (0..len).map(|_| vocab[next(vocab.len())].clone()).collect();
        if next(3) == 0 {
            let inner: TokenStream = tokens.drain(..len / 2).collect();
            tokens.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, inner)));
        }
        let _ = parse(tokens.into_iter().collect());
    }
}

fn flat(stream: TokenStream) -> Vec<TokenTree> {
    stream.into_iter().collect()
}
