//! Check tests: parsed with `quote!`, checked, and the messages compared in order.

use proc_macro2::TokenStream;
use quote::quote;

fn errors(input: TokenStream) -> Vec<String> {
    let stmt = match crate::parse::select(input.clone()) {
        Ok(stmt) => stmt,
        Err(e) => panic!("`{input}` did not parse: {e}"),
    };
    match super::statement(stmt) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_valid_query_passes() {
    assert!(errors(quote!(
        WITH RECURSIVE t(id, depth) AS (SELECT 1, 0 UNION ALL SELECT id + 1, depth + 1 FROM t)
        SELECT * FROM t
    ))
    .is_empty());
}

#[test]
fn duplicate_names_are_all_reported_in_source_order() {
    assert_eq!(
        errors(quote!(
            WITH a AS (SELECT 1), b(x, y, x) AS (SELECT 1, 2, 3), A AS (SELECT 2)
            SELECT * FROM (WITH c AS (SELECT 1), r#c AS (SELECT 2) SELECT 1) s
        )),
        [
            "column `x` appears twice in the column list of CTE `b`",
            "CTE `A` is defined twice in this WITH clause",
            "CTE `c` is defined twice in this WITH clause",
        ]
    );
}

#[test]
fn the_same_name_in_different_with_clauses_is_fine() {
    assert!(errors(quote!(
        WITH a AS (SELECT 1) SELECT * FROM a WHERE EXISTS (WITH a AS (SELECT 2) SELECT * FROM a)
    ))
    .is_empty());
}

#[test]
fn inner_errors_come_before_later_outer_ones() {
    assert_eq!(
        errors(quote!(
            WITH a AS (WITH b AS (SELECT 1), b AS (SELECT 2) SELECT 1), a AS (SELECT 3)
            SELECT 1
        )),
        [
            "CTE `b` is defined twice in this WITH clause",
            "CTE `a` is defined twice in this WITH clause",
        ]
    );
}
