//! What the grammar accepts, and the tree it makes of it.

use quote::quote;

use super::*;

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
    assert_eq!(
        shows(quote!(a + 1 NOT IN {ids} AND b IN {&[1, 2]})),
        "(((a + 1) NOT IN {$0}) AND (b IN {$1}))"
    );
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
