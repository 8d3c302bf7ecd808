//! What `select!` builds for each grammar form: the decoded tree and the parameters.

use cte_runtime::__private::tree::*;
use cte_runtime::{select, Query, Value};

const fn id(value: &'static str) -> Ident {
    Ident { value, raw: false }
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn list<T: Clone>(items: &[T]) -> &'static [T] {
    Box::leak(items.to_vec().into_boxed_slice())
}

fn name(parts: &[&'static str]) -> ObjectName {
    ObjectName(list(&parts.iter().map(|p| id(p)).collect::<Vec<_>>()))
}

fn col(column: &'static str) -> Expr {
    Expr::Column(name(&[column]))
}

fn int(digits: &'static str) -> Expr {
    Expr::Literal(Literal::Integer(digits))
}

fn query_of(q: &Query) -> &'static QueryExpr {
    match q.tree() {
        Statement::Query(query) => query,
        other => panic!("not a query: {other:?}"),
    }
}

fn select_of(q: &Query) -> &'static Select {
    match query_of(q).body {
        SetExpr::Select(select) => select,
        other => panic!("not a SELECT: {other:?}"),
    }
}

/// The expression of the `n`th select item.
fn item(q: &Query, n: usize) -> Expr {
    match select_of(q).projection[n] {
        SelectItem::Expr { expr, .. } => expr,
        other => panic!("not an expression: {other:?}"),
    }
}

#[test]
fn a_simple_select_is_the_whole_tree() {
    let q = select! { SELECT a, b AS c FROM t WHERE a > 1 };
    static EXPECTED: Statement = Statement::Query(QueryExpr {
        with: None,
        body: SetExpr::Select(&Select {
            distinct: false,
            projection: &[
                SelectItem::Expr {
                    expr: Expr::Column(ObjectName(&[id("a")])),
                    alias: None,
                },
                SelectItem::Expr {
                    expr: Expr::Column(ObjectName(&[id("b")])),
                    alias: Some(id("c")),
                },
            ],
            from: &[TableWithJoins {
                relation: TableFactor::Table {
                    name: ObjectName(&[id("t")]),
                    alias: None,
                },
                joins: &[],
            }],
            selection: Some(Expr::Binary {
                left: &Expr::Column(ObjectName(&[id("a")])),
                op: BinaryOp::Gt,
                right: &Expr::Literal(Literal::Integer("1")),
            }),
            group_by: &[],
            having: None,
        }),
        order_by: &[],
        limit: None,
        offset: None,
    });
    assert_eq!(q.tree(), &EXPECTED);
    assert!(q.source_params().is_empty());
}

#[test]
fn the_recursive_cte_of_the_docs() {
    let root = 1;
    let q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id, 0 FROM category WHERE id = {root}
            UNION ALL
            SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT id, depth FROM tree ORDER BY depth
    };
    assert_eq!(q.source_params(), &[Value::I64(1)]);
    let query = query_of(&q);
    let with = query.with.unwrap();
    assert!(with.recursive);
    let [cte] = with.ctes else { panic!() };
    assert_eq!(cte.name, id("tree"));
    assert_eq!(cte.columns, &[id("id"), id("depth")]);
    assert_eq!(cte.materialized, Materialized::Default);
    let Statement::Query(QueryExpr {
        body: SetExpr::SetOp { op, left, right },
        ..
    }) = cte.body
    else {
        panic!()
    };
    assert_eq!(*op, SetOperator::Union { all: true });
    let SetExpr::Select(anchor) = left else {
        panic!()
    };
    assert_eq!(
        anchor.selection,
        Some(Expr::Binary {
            left: leak(col("id")),
            op: BinaryOp::Eq,
            right: &Expr::Param(0),
        })
    );
    let SetExpr::Select(member) = right else {
        panic!()
    };
    let join = &member.from[0].joins[0];
    assert_eq!(join.kind, JoinKind::Inner);
    assert_eq!(
        join.relation,
        TableFactor::Table {
            name: name(&["tree"]),
            alias: Some(TableAlias {
                name: id("t"),
                columns: &[]
            }),
        }
    );
    assert_eq!(
        member.projection[0],
        SelectItem::Expr {
            expr: Expr::Column(name(&["c", "id"])),
            alias: None
        }
    );
    assert_eq!(query.order_by.len(), 1);
}

#[test]
fn parameters_in_source_order_with_any_rust_expression() {
    let name = String::from("ann");
    let limit = 10_i64;
    let maybe: Option<i32> = None;
    let q = select! {
        SELECT {1 + 1}, ({name.as_str()}) FROM t
        WHERE n IN ({limit}, {limit * 2}) AND m = {maybe} AND o = {&name}
        LIMIT {limit}
    };
    assert_eq!(
        q.source_params(),
        &[
            Value::I64(2),
            Value::Text("ann".into()),
            Value::I64(10),
            Value::I64(20),
            Value::Null,
            Value::Text("ann".into()),
            Value::I64(10),
        ]
    );
    assert_eq!(item(&q, 0), Expr::Param(0));
    assert_eq!(item(&q, 1), Expr::Nested(&Expr::Param(1)));
    assert_eq!(query_of(&q).limit, Some(Expr::Param(6)));
}

#[test]
fn one_call_site_per_invocation() {
    let make = |n: i64| select! { SELECT {n} };
    let (a, b) = (make(1), make(2));
    assert!(std::ptr::eq(a.tree(), b.tree()));
    assert_eq!(b.source_params(), &[Value::I64(2)]);
    let other = select! { SELECT {3} };
    assert!(!std::ptr::eq(a.tree(), other.tree()));
}

#[test]
fn literals_and_raw_identifiers() {
    let q = select! { SELECT 42, 1.5, "it's", TRUE, false, NULL, r#order, Mixed, -1 FROM r#select };
    assert_eq!(item(&q, 0), int("42"));
    assert_eq!(item(&q, 1), Expr::Literal(Literal::Decimal("1.5")));
    assert_eq!(item(&q, 2), Expr::Literal(Literal::String("it's")));
    assert_eq!(item(&q, 3), Expr::Literal(Literal::Bool(true)));
    assert_eq!(item(&q, 4), Expr::Literal(Literal::Bool(false)));
    assert_eq!(item(&q, 5), Expr::Literal(Literal::Null));
    assert_eq!(
        item(&q, 6),
        Expr::Column(ObjectName(&[Ident {
            value: "order",
            raw: true
        }]))
    );
    assert_eq!(item(&q, 7), col("Mixed"));
    assert_eq!(
        item(&q, 8),
        Expr::Unary {
            op: UnaryOp::Minus,
            expr: leak(int("1"))
        }
    );
    assert_eq!(
        select_of(&q).from[0].relation,
        TableFactor::Table {
            name: ObjectName(&[Ident {
                value: "select",
                raw: true
            }]),
            alias: None
        }
    );
}

#[test]
fn contextual_keywords_are_columns() {
    let q = select! { SELECT depth, path, name, key, value, first, set, cycle, search FROM t };
    let names = [
        "depth", "path", "name", "key", "value", "first", "set", "cycle", "search",
    ];
    for (n, name) in names.into_iter().enumerate() {
        assert_eq!(item(&q, n), col(name));
    }
}

#[test]
fn operators_and_predicates() {
    let q = select! {
        SELECT a || b, a + b * c, (a + b) * c, a % 2, a <> b, a != b, a <= b, a >= b,
            a IS NULL, a IS NOT NULL, a NOT BETWEEN 1 AND 2, a IN (1, 2), a NOT LIKE "x%",
            NOT a, a OR b AND c
        FROM t
    };
    let (a, b, c) = (leak(col("a")), leak(col("b")), leak(col("c")));
    let bin = |left, op, right| Expr::Binary { left, op, right };
    assert_eq!(item(&q, 0), bin(a, BinaryOp::Concat, b));
    assert_eq!(
        item(&q, 1),
        bin(a, BinaryOp::Plus, leak(bin(b, BinaryOp::Multiply, c)))
    );
    assert_eq!(
        item(&q, 2),
        bin(
            leak(Expr::Nested(leak(bin(a, BinaryOp::Plus, b)))),
            BinaryOp::Multiply,
            c
        )
    );
    assert_eq!(item(&q, 3), bin(a, BinaryOp::Modulo, leak(int("2"))));
    assert_eq!(item(&q, 4), bin(a, BinaryOp::NotEq, b));
    assert_eq!(item(&q, 5), bin(a, BinaryOp::NotEq, b));
    assert_eq!(item(&q, 6), bin(a, BinaryOp::LtEq, b));
    assert_eq!(item(&q, 7), bin(a, BinaryOp::GtEq, b));
    assert_eq!(
        item(&q, 8),
        Expr::IsNull {
            expr: a,
            negated: false
        }
    );
    assert_eq!(
        item(&q, 9),
        Expr::IsNull {
            expr: a,
            negated: true
        }
    );
    assert_eq!(
        item(&q, 10),
        Expr::Between {
            expr: a,
            negated: true,
            low: leak(int("1")),
            high: leak(int("2"))
        }
    );
    assert_eq!(
        item(&q, 11),
        Expr::InList {
            expr: a,
            list: list(&[int("1"), int("2")]),
            negated: false
        }
    );
    assert_eq!(
        item(&q, 12),
        Expr::Like {
            expr: a,
            negated: true,
            pattern: &Expr::Literal(Literal::String("x%"))
        }
    );
    assert_eq!(
        item(&q, 13),
        Expr::Unary {
            op: UnaryOp::Not,
            expr: a
        }
    );
    assert_eq!(
        item(&q, 14),
        bin(a, BinaryOp::Or, leak(bin(b, BinaryOp::And, c)))
    );
}

#[test]
fn subqueries_in_expressions() {
    let q = select! {
        SELECT (SELECT max(x) FROM s) FROM t
        WHERE a IN (SELECT x FROM s) AND NOT EXISTS (SELECT 1 FROM u) AND EXISTS (SELECT 2)
    };
    assert!(matches!(item(&q, 0), Expr::Subquery(_)));
    let Some(Expr::Binary { left, right, .. }) = select_of(&q).selection else {
        panic!()
    };
    assert!(matches!(right, Expr::Exists { negated: false, .. }));
    let Expr::Binary { left, right, .. } = left else {
        panic!()
    };
    assert!(matches!(left, Expr::InSubquery { negated: false, .. }));
    assert!(matches!(right, Expr::Exists { negated: true, .. }));
}

#[test]
fn case_cast_functions_and_windows() {
    let q = select! {
        SELECT CASE WHEN a > 0 THEN "pos" ELSE "neg" END,
            CASE a WHEN 1 THEN "one" END,
            CAST(a AS VARCHAR(10)), CAST(b AS DOUBLE PRECISION), CAST(c AS NUMERIC(10, 2)),
            count(*), count(DISTINCT a), coalesce(a, 0),
            sum(a) OVER (PARTITION BY b ORDER BY c DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
            rank() OVER (ORDER BY a RANGE 2 PRECEDING)
        FROM t
    };
    assert_eq!(
        item(&q, 0),
        Expr::Case {
            operand: None,
            whens: list(&[(
                Expr::Binary {
                    left: leak(col("a")),
                    op: BinaryOp::Gt,
                    right: leak(int("0"))
                },
                Expr::Literal(Literal::String("pos"))
            )]),
            else_result: Some(&Expr::Literal(Literal::String("neg"))),
        }
    );
    assert!(matches!(
        item(&q, 1),
        Expr::Case {
            operand: Some(_),
            else_result: None,
            ..
        }
    ));
    assert_eq!(
        item(&q, 2),
        Expr::Cast {
            expr: leak(col("a")),
            data_type: DataType::Varchar(Some(10))
        }
    );
    assert!(matches!(
        item(&q, 3),
        Expr::Cast {
            data_type: DataType::Double,
            ..
        }
    ));
    assert!(matches!(
        item(&q, 4),
        Expr::Cast {
            data_type: DataType::Decimal {
                precision: Some(10),
                scale: Some(2)
            },
            ..
        }
    ));
    assert_eq!(
        item(&q, 5),
        Expr::Function(Function {
            name: name(&["count"]),
            args: FunctionArgs::Star,
            over: None
        })
    );
    assert!(matches!(
        item(&q, 6),
        Expr::Function(Function {
            args: FunctionArgs::List { distinct: true, .. },
            ..
        })
    ));
    assert!(matches!(
        item(&q, 7),
        Expr::Function(Function {
            args: FunctionArgs::List {
                distinct: false,
                args: [_, _]
            },
            ..
        })
    ));
    let Expr::Function(Function {
        over: Some(window), ..
    }) = item(&q, 8)
    else {
        panic!()
    };
    assert_eq!(window.partition_by, &[col("b")]);
    assert_eq!(window.order_by[0].order, SortOrder::Desc);
    assert_eq!(
        window.frame,
        Some(WindowFrame {
            units: FrameUnits::Rows,
            start: FrameBound::Preceding(None),
            end: Some(FrameBound::CurrentRow),
        })
    );
    let Expr::Function(Function {
        over: Some(window), ..
    }) = item(&q, 9)
    else {
        panic!()
    };
    assert_eq!(
        window.frame,
        Some(WindowFrame {
            units: FrameUnits::Range,
            start: FrameBound::Preceding(Some(leak(int("2")))),
            end: None,
        })
    );
}

#[test]
fn from_clauses_and_joins() {
    let q = select! {
        SELECT * FROM s.a AS x(p, q)
            LEFT JOIN b ON b.id = x.p
            RIGHT OUTER JOIN c USING (id)
            FULL JOIN d ON TRUE
            CROSS JOIN e,
            (SELECT 1 AS one) sub,
            LATERAL (SELECT x.p) lat,
            (f JOIN g ON f.id = g.id)
    };
    let from = select_of(&q).from;
    assert_eq!(select_of(&q).projection, &[SelectItem::Wildcard]);
    assert_eq!(
        from[0].relation,
        TableFactor::Table {
            name: name(&["s", "a"]),
            alias: Some(TableAlias {
                name: id("x"),
                columns: list(&[id("p"), id("q")])
            }),
        }
    );
    let kinds: Vec<_> = from[0].joins.iter().map(|j| j.kind).collect();
    assert_eq!(
        kinds,
        [
            JoinKind::Left,
            JoinKind::Right,
            JoinKind::Full,
            JoinKind::Cross
        ]
    );
    assert_eq!(
        from[0].joins[1].constraint,
        JoinConstraint::Using(list(&[id("id")]))
    );
    assert_eq!(from[0].joins[3].constraint, JoinConstraint::None);
    assert!(matches!(
        from[1].relation,
        TableFactor::Derived {
            lateral: false,
            alias: Some(TableAlias {
                name: Ident { value: "sub", .. },
                ..
            }),
            ..
        }
    ));
    assert!(matches!(
        from[2].relation,
        TableFactor::Derived { lateral: true, .. }
    ));
    let TableFactor::Nested(inner) = from[3].relation else {
        panic!()
    };
    assert_eq!(inner.joins.len(), 1);
}

#[test]
fn qualified_wildcards_group_by_having_order_limit_offset() {
    let q = select! {
        SELECT DISTINCT t.*, count(*) AS n FROM t
        GROUP BY t.a HAVING count(*) > 1
        ORDER BY n DESC NULLS LAST, t.a
        LIMIT 10 OFFSET {5}
    };
    let s = select_of(&q);
    assert!(s.distinct);
    assert_eq!(s.projection[0], SelectItem::QualifiedWildcard(name(&["t"])));
    assert_eq!(s.group_by.len(), 1);
    assert!(s.having.is_some());
    let query = query_of(&q);
    assert_eq!(
        query.order_by[0],
        OrderByItem {
            expr: col("n"),
            order: SortOrder::Desc,
            nulls: NullsOrder::Last
        }
    );
    assert_eq!(query.order_by[1].order, SortOrder::Default);
    assert_eq!(query.limit, Some(int("10")));
    assert_eq!(query.offset, Some(Expr::Param(0)));
    assert_eq!(q.source_params(), &[Value::I64(5)]);
}

#[test]
fn set_operations_and_values() {
    let q = select! { SELECT 1 UNION SELECT 2 INTERSECT ALL SELECT 3 EXCEPT VALUES (4), (5) };
    let SetExpr::SetOp { op, left, right } = query_of(&q).body else {
        panic!()
    };
    assert_eq!(op, SetOperator::Except { all: false });
    assert_eq!(
        *right,
        SetExpr::Values(list(&[list(&[int("4")]), list(&[int("5")])]))
    );
    let SetExpr::SetOp { op, right, .. } = left else {
        panic!()
    };
    assert_eq!(*op, SetOperator::Union { all: false });
    assert!(matches!(
        right,
        SetExpr::SetOp {
            op: SetOperator::Intersect { all: true },
            ..
        }
    ));

    let q = select! { (SELECT 1 LIMIT 1) UNION ALL (SELECT 2) ORDER BY 1 };
    let SetExpr::SetOp {
        left: SetExpr::Query(first),
        ..
    } = query_of(&q).body
    else {
        panic!()
    };
    assert_eq!(first.limit, Some(int("1")));
}

#[test]
fn materialized_search_and_cycle() {
    let q = select! {
        WITH RECURSIVE
            a AS MATERIALIZED (SELECT 1 AS x),
            b AS NOT MATERIALIZED (SELECT 2 AS x),
            walk(id, parent) AS (
                SELECT id, parent FROM node UNION ALL SELECT n.id, n.parent FROM node n JOIN walk w ON n.parent = w.id
            ) SEARCH BREADTH FIRST BY id SET ord
              CYCLE id SET is_cycle TO "Y" DEFAULT "N" USING path
        SELECT * FROM walk
    };
    let ctes = query_of(&q).with.unwrap().ctes;
    assert_eq!(ctes[0].materialized, Materialized::Yes);
    assert_eq!(ctes[1].materialized, Materialized::No);
    assert_eq!(
        ctes[2].search,
        Some(Search {
            order: SearchOrder::Breadth,
            by: list(&[id("id")]),
            set: id("ord")
        })
    );
    assert_eq!(
        ctes[2].cycle,
        Some(Cycle {
            columns: list(&[id("id")]),
            set: id("is_cycle"),
            marks: Some(CycleMarks {
                value: Expr::Literal(Literal::String("Y")),
                default: Expr::Literal(Literal::String("N")),
            }),
            using: id("path"),
        })
    );
}

#[test]
fn with_inside_subqueries() {
    let q = select! {
        SELECT * FROM (WITH x AS (SELECT 1 AS y) SELECT y FROM x) AS sub
        WHERE EXISTS (WITH z AS (SELECT 2) SELECT * FROM z)
    };
    let TableFactor::Derived { subquery, .. } = select_of(&q).from[0].relation else {
        panic!()
    };
    assert_eq!(subquery.with.unwrap().ctes[0].name, id("x"));
}

#[test]
fn insert_update_delete() {
    let x = 3;
    let q = select! { INSERT INTO s.t (a, b) VALUES (1, {x}) RETURNING a };
    let Statement::Insert(insert) = q.tree() else {
        panic!()
    };
    assert_eq!(insert.table, name(&["s", "t"]));
    assert_eq!(insert.columns, &[id("a"), id("b")]);
    assert_eq!(
        insert.source.body,
        SetExpr::Values(list(&[list(&[int("1"), Expr::Param(0)])]))
    );
    assert_eq!(
        insert.returning,
        &[SelectItem::Expr {
            expr: col("a"),
            alias: None
        }]
    );
    assert_eq!(q.source_params(), &[Value::I64(3)]);

    let q = select! {
        WITH n AS (SELECT id FROM new_rows)
        UPDATE t AS x SET a = {x}, set = x.set + 1 FROM n WHERE x.id = n.id RETURNING x.a
    };
    let Statement::Update(update) = q.tree() else {
        panic!()
    };
    assert!(update.with.is_some());
    assert_eq!(update.alias, Some(id("x")));
    assert_eq!(
        update.assignments[0],
        Assignment {
            column: id("a"),
            value: Expr::Param(0)
        }
    );
    assert_eq!(update.assignments[1].column, id("set"));
    assert_eq!(update.from.len(), 1);
    assert!(update.selection.is_some());

    let q = select! { DELETE FROM t WHERE id = {x} };
    let Statement::Delete(delete) = q.tree() else {
        panic!()
    };
    assert_eq!(delete.alias, None);
    assert!(delete.returning.is_empty());
}

#[test]
fn data_modifying_ctes() {
    let cutoff = 100;
    let q = select! {
        WITH moved AS (DELETE FROM live WHERE ts < {cutoff} RETURNING *)
        INSERT INTO archive SELECT * FROM moved
    };
    let Statement::Insert(insert) = q.tree() else {
        panic!()
    };
    let cte = insert.with.unwrap().ctes[0];
    let Statement::Delete(delete) = cte.body else {
        panic!()
    };
    assert_eq!(delete.returning, &[SelectItem::Wildcard]);
    assert_eq!(q.source_params(), &[Value::I64(100)]);
}
