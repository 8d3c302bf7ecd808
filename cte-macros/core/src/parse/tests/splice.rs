//! Spliced `cte!` items: in a WITH list and in FROM.

use quote::quote;

use super::*;

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
