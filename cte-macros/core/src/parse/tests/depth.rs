//! Nesting: deep and tall trees are errors, not stack overflows, and parse in linear time.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

use super::*;

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

/// The expression of 24 levels that `wrap` makes, each holding a scalar subquery; 40 levels
/// nest too deeply.
fn operand_levels(wrap: fn(TokenStream) -> TokenStream) -> Expr {
    let deeper = nested_levels(40, quote!(e), wrap);
    assert!(err(quote!(SELECT #deeper)).contains("nests too deeply"));
    let e = expr(nested_levels(24, quote!(e), wrap));
    assert_eq!(subquery_levels(&e), 24);
    e
}

#[test]
fn parenthesised_scalar_subqueries_as_operands_parse_in_linear_time() {
    on_macro_stack(|| {
        let e = operand_levels(scalar_operand);
        let Expr::Nested { expr: sum, .. } = &e else {
            panic!("not a parenthesised expression: {}", show(&e));
        };
        assert!(
            matches!(&**sum, Expr::Binary { left, op: BinaryOp::Plus, .. }
                if matches!(**left, Expr::Subquery { .. })),
            "{}",
            show(&e)
        );
    });
}

#[test]
fn parenthesised_subqueries_in_in_lists_parse_in_linear_time() {
    on_macro_stack(|| {
        let e = operand_levels(in_operand);
        assert!(
            matches!(&e, Expr::InList { list, .. } if list.len() == 1),
            "{}",
            show(&e)
        );
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
