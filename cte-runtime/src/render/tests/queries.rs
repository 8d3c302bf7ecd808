use super::build::*;
use super::{assert_error, assert_sql, sql};
use crate::tree::*;
use crate::Dialect::*;

fn hierarchy_query() -> Statement {
    Statement::Query(QueryExpr {
        with: with(true, vec![hierarchy()]),
        order_by: list(vec![order(
            col("depth"),
            SortOrder::Default,
            NullsOrder::Default,
        )]),
        ..sq(select(
            vec![item(col("id")), item(col("depth"))],
            vec![table("tree")],
        ))
    })
}

#[test]
fn recursive_hierarchy() {
    let stmt = hierarchy_query();
    let body = "tree (id, depth) AS (SELECT id, 0 FROM category WHERE parent_id = ? \
                UNION ALL SELECT c.id, t.depth + 1 FROM category AS c JOIN tree AS t \
                ON c.parent_id = t.id) SELECT id, depth FROM tree ORDER BY depth";
    assert_sql(
        &stmt,
        &[
            (
                Postgres,
                &format!("WITH RECURSIVE {body} NULLS FIRST").replace('?', "$1"),
            ),
            (Sqlite, &format!("WITH RECURSIVE {body}")),
            (
                MySql,
                &format!("WITH RECURSIVE {body}").replace(
                    ") SELECT id",
                    ") SELECT /*+ SET_VAR(cte_max_recursion_depth = 4294967295) */ id",
                ),
            ),
            (
                MariaDb,
                &format!(
                    "SET STATEMENT max_recursive_iterations = 4294967295 FOR WITH RECURSIVE {body}"
                ),
            ),
            (
                MsSql,
                &format!("WITH {body} OPTION (MAXRECURSION 0)").replace('?', "@P1"),
            ),
        ],
    );
}

#[test]
fn materialized_is_kept_or_dropped() {
    let stmt = Statement::Query(QueryExpr {
        with: with(
            false,
            vec![Cte {
                materialized: Materialized::No,
                ..cte("c", vec![], sq(select(vec![item(int("1"))], vec![])))
            }],
        ),
        ..sq(select(vec![SelectItem::Wildcard], vec![table("c")]))
    });
    assert_eq!(
        sql(&stmt, Postgres),
        "WITH c AS NOT MATERIALIZED (SELECT 1) SELECT * FROM c"
    );
    assert_eq!(
        sql(&stmt, Sqlite),
        "WITH c AS NOT MATERIALIZED (SELECT 1) SELECT * FROM c"
    );
    assert_eq!(sql(&stmt, MySql), "WITH c AS (SELECT 1) SELECT * FROM c");
    assert_eq!(sql(&stmt, MsSql), "WITH c AS (SELECT 1) SELECT * FROM c");
}

#[test]
fn search_and_cycle_only_on_postgres() {
    let stmt = Statement::Query(QueryExpr {
        with: with(
            true,
            vec![Cte {
                search: Some(Search {
                    order: SearchOrder::Depth,
                    by: list(vec![id("id")]),
                    set: id("ord"),
                }),
                cycle: Some(Cycle {
                    columns: list(vec![id("id")]),
                    set: id("is_cycle"),
                    marks: None,
                    using: id("path"),
                }),
                ..hierarchy()
            }],
        ),
        ..sq(select(vec![SelectItem::Wildcard], vec![table("tree")]))
    });
    assert!(sql(&stmt, Postgres).contains(
        "ON c.parent_id = t.id) SEARCH DEPTH FIRST BY id SET ord CYCLE id SET is_cycle USING path \
         SELECT"
    ));
    // Elsewhere the added columns are text, not PostgreSQL's arrays: `*` would show them.
    for d in [MySql, MariaDb, Sqlite] {
        assert_error(&stmt, d, "SELECT * from a CTE with SEARCH or CYCLE");
    }
    assert_error(&stmt, MsSql, "SEARCH or CYCLE clause");
}

#[test]
fn several_recursive_members() {
    let h = hierarchy();
    let Statement::Query(q) = h.body else {
        unreachable!()
    };
    let SetExpr::SetOp { left, right, .. } = q.body else {
        unreachable!()
    };
    let three = union_all(q.body, *right);
    let _ = left;
    let stmt = Statement::Query(QueryExpr {
        with: with(true, vec![cte("tree", vec!["id", "depth"], qe(three))]),
        ..sq(select(vec![SelectItem::Wildcard], vec![table("tree")]))
    });
    // PostgreSQL takes one recursive term: the members run LATERAL over one reference.
    assert!(sql(&stmt, Postgres).contains(
        "UNION ALL SELECT __cte_m2.* FROM tree AS __cte_w1 CROSS JOIN LATERAL (SELECT c.id, \
         t.depth + 1 FROM category AS c JOIN (SELECT __cte_w1.*) AS t ON c.parent_id = t.id \
         UNION ALL SELECT"
    ));
    for d in [MySql, MariaDb, Sqlite, MsSql] {
        assert!(sql(&stmt, d).matches("UNION ALL").count() == 2);
    }
}

#[test]
fn limit_and_offset() {
    let q = |limit, offset| {
        Statement::Query(QueryExpr {
            limit,
            offset,
            ..sq(select(vec![item(col("a"))], vec![table("t")]))
        })
    };
    let both = q(Some(param(0)), Some(int("5")));
    assert_sql(
        &both,
        &[
            (Postgres, "SELECT a FROM t LIMIT $1 OFFSET 5"),
            (Sqlite, "SELECT a FROM t LIMIT ? OFFSET 5"),
            (MySql, "SELECT a FROM t LIMIT ? OFFSET 5"),
            (
                MsSql,
                "SELECT a FROM t ORDER BY (SELECT NULL) OFFSET 5 ROWS FETCH NEXT @P1 ROWS ONLY",
            ),
        ],
    );
    let offset = q(None, Some(int("5")));
    assert_sql(
        &offset,
        &[
            (Postgres, "SELECT a FROM t OFFSET 5"),
            (Sqlite, "SELECT a FROM t LIMIT -1 OFFSET 5"),
            (
                MariaDb,
                "SELECT a FROM t LIMIT 18446744073709551615 OFFSET 5",
            ),
            (
                MsSql,
                "SELECT a FROM t ORDER BY (SELECT NULL) OFFSET 5 ROWS",
            ),
        ],
    );
    let computed = q(Some(bin(param(0), BinaryOp::Plus, int("1"))), None);
    assert_error(&computed, MySql, "an expression in LIMIT or OFFSET");
    assert_error(&computed, MsSql, "an expression in LIMIT or OFFSET");
}

#[test]
fn nulls_first_and_last() {
    let stmt = Statement::Query(QueryExpr {
        order_by: list(vec![
            order(col("d"), SortOrder::Desc, NullsOrder::Last),
            order(col("b"), SortOrder::Asc, NullsOrder::Default),
        ]),
        ..sq(select(
            vec![aliased(bin(col("a"), BinaryOp::Plus, int("1")), "d")],
            vec![table("t")],
        ))
    });
    assert_sql(
        &stmt,
        &[
            (
                Postgres,
                "SELECT a + 1 AS d FROM t ORDER BY d DESC NULLS LAST, b ASC NULLS FIRST",
            ),
            (
                Sqlite,
                "SELECT a + 1 AS d FROM t ORDER BY d DESC NULLS LAST, b ASC",
            ),
            (
                MySql,
                "SELECT a + 1 AS d FROM t ORDER BY d IS NULL, d DESC, b ASC",
            ),
            (
                MsSql,
                "SELECT a + 1 AS d FROM t ORDER BY CASE WHEN (a + 1) IS NULL THEN 1 ELSE 0 END, \
                 d DESC, b ASC",
            ),
        ],
    );
    let positional = Statement::Query(QueryExpr {
        order_by: list(vec![order(int("1"), SortOrder::Asc, NullsOrder::First)]),
        ..sq(select(vec![item(col("a"))], vec![table("t")]))
    });
    assert_error(&positional, MySql, "NULLS FIRST/LAST on a column position");
}

#[test]
fn set_operations_keep_their_grouping() {
    let a = body(select(vec![item(int("1"))], vec![]));
    let b = body(select(vec![item(int("2"))], vec![]));
    let c = body(select(vec![item(int("3"))], vec![]));
    // a UNION (b INTERSECT c), as the standard reads `a UNION b INTERSECT c`.
    let (union, intersect) = (
        SetOperator::Union { all: false },
        SetOperator::Intersect { all: false },
    );
    let stmt = Statement::Query(qe(set_op(union, a, set_op(intersect, b, c))));
    assert_eq!(
        sql(&stmt, Postgres),
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"
    );
    assert_eq!(
        sql(&stmt, Sqlite),
        "SELECT 1 UNION SELECT * FROM (SELECT 2 INTERSECT SELECT 3)"
    );
    // (a UNION b) INTERSECT c
    let grouped = Statement::Query(qe(set_op(intersect, set_op(union, a, b), c)));
    assert_eq!(
        sql(&grouped, MySql),
        "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"
    );
    assert_eq!(
        sql(&grouped, Sqlite),
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"
    );
    let all = Statement::Query(qe(set_op(SetOperator::Except { all: true }, a, b)));
    assert_eq!(sql(&all, MariaDb), "SELECT 1 EXCEPT ALL SELECT 2");
    assert_error(&all, Sqlite, "EXCEPT ALL");
    assert_error(&all, MsSql, "EXCEPT ALL");
    // A member with its own LIMIT.
    let limited = Statement::Query(qe(union_all(
        a,
        SetExpr::Query(leak(QueryExpr {
            limit: Some(int("1")),
            ..sq(select(vec![item(col("x"))], vec![table("t")]))
        })),
    )));
    assert_eq!(
        sql(&limited, Postgres),
        "SELECT 1 UNION ALL (SELECT x FROM t LIMIT 1)"
    );
    assert_eq!(
        sql(&limited, Sqlite),
        "SELECT 1 UNION ALL SELECT * FROM (SELECT x FROM t LIMIT 1)"
    );
}

#[test]
fn values_as_a_query() {
    let rows = SetExpr::Values(list(vec![
        list(vec![int("1"), string("a")]),
        list(vec![int("2"), string("b")]),
    ]));
    let stmt = Statement::Query(QueryExpr {
        with: with(false, vec![cte("v", vec!["n", "s"], qe(rows))]),
        ..sq(select(vec![SelectItem::Wildcard], vec![table("v")]))
    });
    assert_sql(
        &stmt,
        &[
            (Postgres, "WITH v (n, s) AS (VALUES (1, 'a'), (2, 'b')) SELECT * FROM v"),
            (MariaDb, "WITH v (n, s) AS (VALUES (1, 'a'), (2, 'b')) SELECT * FROM v"),
            (
                MySql,
                "WITH v (n, s) AS (VALUES ROW(1, 'a'), ROW(2, 'b')) SELECT * FROM v",
            ),
            (
                MsSql,
                "WITH v (n, s) AS (SELECT * FROM (VALUES (1, N'a'), (2, N'b')) AS __cte_v1 (n, s)) \
                 SELECT * FROM v",
            ),
        ],
    );
    let bare = Statement::Query(qe(rows));
    assert_eq!(
        sql(&bare, MsSql),
        "SELECT * FROM (VALUES (1, N'a'), (2, N'b')) AS __cte_v1 (column1, column2)"
    );
}

fn derived(lateral: bool, alias: Option<&'static str>) -> TableFactor {
    TableFactor::Derived {
        lateral,
        subquery: leak(QueryExpr {
            limit: Some(int("1")),
            order_by: list(vec![order(
                col("o.at"),
                SortOrder::Desc,
                NullsOrder::Default,
            )]),
            ..sq(Select {
                selection: Some(eq(col("o.user_id"), col("u.id"))),
                ..select(vec![item(col("o.total"))], vec![table_as("orders", "o")])
            })
        }),
        alias: alias.map(|a| TableAlias {
            name: id(a),
            columns: &[],
        }),
    }
}

#[test]
fn lateral_joins() {
    let stmt = |kind, constraint| {
        query(select(
            vec![item(col("u.id")), item(col("l.total"))],
            vec![TableWithJoins {
                relation: table_as("users", "u").relation,
                joins: list(vec![Join {
                    kind,
                    relation: derived(true, Some("l")),
                    constraint,
                }]),
            }],
        ))
    };
    let sub = "(SELECT o.total FROM orders AS o WHERE o.user_id = u.id ORDER BY o.at DESC \
               LIMIT 1) AS l";
    let left = stmt(JoinKind::Left, JoinConstraint::None);
    assert_eq!(
        sql(&left, Postgres),
        format!("SELECT u.id, l.total FROM users AS u LEFT JOIN LATERAL {sub} ON TRUE")
            .replace("DESC", "DESC NULLS LAST")
    );
    assert_eq!(
        sql(&left, MsSql),
        "SELECT u.id, l.total FROM users AS u OUTER APPLY (SELECT o.total FROM orders AS o \
         WHERE o.user_id = u.id ORDER BY o.at DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY) AS l"
    );
    assert_error(&left, MariaDb, "LATERAL");
    assert_error(&left, Sqlite, "LATERAL");
    let on = stmt(
        JoinKind::Inner,
        JoinConstraint::On(eq(col("l.total"), int("0"))),
    );
    assert_eq!(
        sql(&on, MsSql),
        "SELECT u.id, l.total FROM users AS u CROSS APPLY (SELECT * FROM (SELECT o.total \
         FROM orders AS o WHERE o.user_id = u.id ORDER BY o.at DESC OFFSET 0 ROWS FETCH NEXT \
         1 ROWS ONLY) AS l WHERE l.total = 0) AS l"
    );
    let comma = query(select(
        vec![SelectItem::Wildcard],
        vec![
            table_as("users", "u"),
            table("x"),
            TableWithJoins {
                relation: derived(true, None),
                joins: &[],
            },
        ],
    ));
    assert!(sql(&comma, MySql).contains("FROM users AS u, x, LATERAL (SELECT"));
    assert!(sql(&comma, MySql).ends_with(") AS __cte_d1"));
    assert!(sql(&comma, MsSql).contains("FROM users AS u CROSS JOIN x CROSS APPLY (SELECT"));
}

#[test]
fn full_join_and_derived_aliases() {
    // `id`, not `*`: SQLite's `*` over a USING join has other columns than PostgreSQL's.
    let stmt = query(select(
        vec![item(col("id"))],
        vec![TableWithJoins {
            relation: derived(false, None),
            joins: list(vec![Join {
                kind: JoinKind::Full,
                relation: table("b").relation,
                constraint: JoinConstraint::Using(list(vec![id("id")])),
            }]),
        }],
    ));
    assert!(sql(&stmt, Postgres).contains("LIMIT 1) AS __cte_d1 FULL JOIN b USING (id)"));
    assert!(sql(&stmt, Sqlite).contains("LIMIT 1) FULL JOIN b USING (id)"));
    assert_error(&stmt, MySql, "FULL JOIN");
    assert_error(&stmt, MariaDb, "FULL JOIN");
}

#[test]
fn with_in_a_subquery() {
    let inner = QueryExpr {
        with: with(
            false,
            vec![cte("c", vec![], sq(select(vec![item(int("1"))], vec![])))],
        ),
        ..sq(select(vec![SelectItem::Wildcard], vec![table("c")]))
    };
    let stmt = query(select(vec![item(Expr::Subquery(leak(inner)))], vec![]));
    assert_eq!(
        sql(&stmt, Postgres),
        "SELECT (WITH c AS (SELECT 1) SELECT * FROM c)"
    );
    assert_eq!(
        sql(&stmt, MsSql),
        "WITH __cte_h1 AS (SELECT 1) SELECT (SELECT * FROM __cte_h1 AS c)"
    );
}

#[test]
fn in_subquery_with_limit_on_mysql() {
    let stmt = query(Select {
        selection: Some(Expr::InSubquery {
            expr: leak(col("id")),
            subquery: leak(QueryExpr {
                limit: Some(int("3")),
                ..sq(select(vec![item(col("id"))], vec![table("u")]))
            }),
            negated: false,
        }),
        ..select(vec![SelectItem::Wildcard], vec![table("t")])
    });
    assert_eq!(
        sql(&stmt, MariaDb),
        "SELECT * FROM t WHERE id IN (SELECT * FROM (SELECT id FROM u LIMIT 3) AS __cte_d1)"
    );
    assert_eq!(
        sql(&stmt, Postgres),
        "SELECT * FROM t WHERE id IN (SELECT id FROM u LIMIT 3)"
    );
}

/// `a` reads `b` and `b` reads `a`: the macro refuses this mutual recursion, a hand-built tree
/// can still hold it.
fn mutual(recursive: bool) -> Statement {
    let reads = |n: &'static str| sq(select(vec![item(col("x"))], vec![table(n)]));
    Statement::Query(QueryExpr {
        with: with(
            recursive,
            vec![
                cte("a", vec!["x"], reads("b")),
                cte("b", vec!["x"], reads("a")),
            ],
        ),
        ..reads("a")
    })
}

#[test]
fn mutual_recursion_has_no_cte_order() {
    for d in [MySql, MsSql] {
        assert_error(&mutual(true), d, "mutual recursion between CTEs");
    }
    // Without RECURSIVE, `b` in `a` is a table: nothing to order.
    assert_sql(
        &mutual(false),
        &[(
            MySql,
            "WITH a (x) AS (SELECT x FROM b), b (x) AS (SELECT x FROM a) SELECT x FROM a",
        )],
    );
}

/// `a` reads itself through `h`, a CTE of its body that SQL Server writes before it: the macro
/// refuses a recursive reference inside a subquery, a hand-built tree can still hold it.
#[test]
fn recursion_through_a_moved_cte_has_no_order_on_sql_server() {
    let reads = |n: &'static str| sq(select(vec![item(col("x"))], vec![table(n)]));
    let inner = QueryExpr {
        with: with(false, vec![cte("h", vec![], reads("a"))]),
        ..reads("h")
    };
    let derived = TableWithJoins {
        relation: TableFactor::Derived {
            lateral: false,
            subquery: leak(inner),
            alias: Some(TableAlias {
                name: id("d"),
                columns: &[],
            }),
        },
        joins: &[],
    };
    let a = cte(
        "a",
        vec!["x"],
        sq(select(vec![item(col("x"))], vec![derived])),
    );
    let stmt = Statement::Query(QueryExpr {
        with: with(true, vec![a]),
        ..reads("a")
    });
    assert_error(&stmt, MsSql, "mutual recursion between CTEs");
}

#[test]
fn a_cte_name_that_engines_resolve_differently_is_refused() {
    // WITH "Tree" AS (SELECT 1 AS n) SELECT n FROM <reads>: PostgreSQL reads a table `tree`
    // where SQLite and MySQL read the CTE.
    let stmt = |reads: Ident| {
        Statement::Query(QueryExpr {
            with: with(
                false,
                vec![Cte {
                    name: raw("Tree"),
                    ..cte(
                        "x",
                        vec![],
                        sq(select(vec![aliased(int("1"), "n")], vec![])),
                    )
                }],
            ),
            ..sq(select(
                vec![item(col("n"))],
                vec![TableWithJoins {
                    relation: TableFactor::Table {
                        name: ObjectName(list(vec![reads])),
                        alias: None,
                    },
                    joins: &[],
                }],
            ))
        })
    };
    for d in crate::Dialect::ALL {
        assert_error(
            &stmt(id("tree")),
            d,
            "a CTE name spelled in two ways that only some engines take for one name",
        );
    }
    assert_error(
        &stmt(id("Tree")),
        Sqlite,
        "a CTE name spelled in two ways that only some engines take for one name",
    );
    assert_sql(
        &stmt(raw("Tree")),
        &[(
            Postgres,
            "WITH \"Tree\" AS (SELECT 1 AS n) SELECT n FROM \"Tree\"",
        )],
    );
}
