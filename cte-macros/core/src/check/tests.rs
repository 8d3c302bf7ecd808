//! Check tests: the input is parsed from text (so spans have real positions), checked, and
//! the first line of each message compared, in order.

use proc_macro2::TokenStream;

fn run(source: &str) -> Vec<(String, usize, usize)> {
    let input: TokenStream = match source.parse() {
        Ok(input) => input,
        Err(e) => panic!("`{source}` does not tokenize: {e}"),
    };
    match super::statement(crate::parse::select_recovering(input), None) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .into_iter()
            .map(|e| {
                let at = e.span().start();
                let message = e.to_string();
                let first = message.lines().next().unwrap_or_default().to_owned();
                (first, at.line, at.column)
            })
            .collect(),
    }
}

/// The first line of every message, in order.
fn errors(source: &str) -> Vec<String> {
    run(source).into_iter().map(|(m, ..)| m).collect()
}

/// The one error of `source`: its first line and the text of the token it points at.
fn error(source: &str) -> (String, String) {
    let found = run(source);
    let [(message, line, column)] = found.as_slice() else {
        panic!("expected one error for `{source}`, found {found:?}");
    };
    let text = source.lines().nth(line - 1).unwrap_or_default();
    let token: String = text
        .chars()
        .skip(*column)
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '#')
        .collect();
    (message.clone(), token)
}

fn ok(source: &str) {
    let found = errors(source);
    assert!(found.is_empty(), "`{source}`: {found:?}");
}

/// The whole message of the first error.
fn message(source: &str) -> String {
    let input: TokenStream = source.parse().unwrap_or_default();
    match super::statement(crate::parse::select_recovering(input), None) {
        Ok(_) => panic!("`{source}` passed"),
        Err(e) => e.to_string(),
    }
}

// ---- valid input ----

#[test]
fn valid_queries_pass() {
    for source in [
        "WITH RECURSIVE t(id, depth) AS (SELECT 1, 0 UNION ALL SELECT id + 1, depth + 1 FROM t) SELECT * FROM t",
        // RECURSIVE on a CTE that does not read itself.
        "WITH RECURSIVE a AS (SELECT 1 AS x) SELECT a.x FROM a",
        // The same name in separate scopes, and an inner CTE shadowing an outer one.
        "WITH a AS (SELECT 1 AS x) SELECT a.x FROM a WHERE EXISTS (WITH a AS (SELECT 2 AS y) SELECT a.y FROM a)",
        // A CTE named like a table it does not read.
        "WITH employee AS (SELECT id FROM staff) SELECT employee.id FROM employee",
        // Forward references are fine with RECURSIVE.
        "WITH RECURSIVE a AS (SELECT b.x FROM b), b AS (SELECT 1 AS x) SELECT a.x FROM a",
        // Contextual keywords as columns, raw identifiers.
        "WITH RECURSIVE t(depth, path, r#order) AS (SELECT 0, \"a\", 1 UNION ALL SELECT t.depth + 1, t.path, t.r#order FROM t WHERE t.depth < 3) SELECT t.depth, t.path, t.r#order FROM t",
        // Several anchors and several recursive members.
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 5 UNION ALL SELECT n + 2 FROM t WHERE n < 5) SELECT n FROM t",
        // An anchor made of several queries joined by any set operation.
        "WITH RECURSIVE t(n) AS (VALUES (1) INTERSECT VALUES (1) UNION SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t",
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT 2 EXCEPT SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t",
        "WITH RECURSIVE t(n) AS ((SELECT 1 INTERSECT SELECT 1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t",
        // Aggregates, DISTINCT and ORDER BY in the anchor, and in a subquery of a member.
        "WITH RECURSIVE t(n) AS (SELECT DISTINCT max(id) FROM a GROUP BY k UNION ALL SELECT (SELECT count(*) FROM b) + n FROM t WHERE n < 5) SELECT n FROM t ORDER BY n LIMIT 3",
        // SQLite's scalar max, a LEFT JOIN with the CTE on the left.
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT max(t.n, a.v) FROM t LEFT JOIN a ON a.id = t.n WHERE t.n < 5) SELECT n FROM t",
        // Qualifiers: tables, aliases, correlated subqueries, LATERAL, UPDATE and DELETE.
        "SELECT t.a, s.b FROM t JOIN u AS s ON s.id = t.id WHERE EXISTS (SELECT 1 FROM v WHERE v.x = t.a)",
        "SELECT l.y FROM a, LATERAL (SELECT a.x AS y) l",
        "UPDATE t AS x SET a = x.a + s.b FROM s WHERE s.id = x.id RETURNING x.a",
        "DELETE FROM t WHERE t.id IN (SELECT o.id FROM o) RETURNING t.id",
        "INSERT INTO t (a, b) SELECT s.a, s.b FROM s RETURNING t.a",
        // Unknown columns of a table, and of a CTE whose columns are unknown.
        "WITH c AS (SELECT * FROM t) SELECT c.anything, t2.whatever FROM c, t2",
        "WITH c AS (SELECT count(*) FROM t) SELECT c.count FROM c",
        // Alias column lists rename the first columns.
        "WITH h(id, depth) AS (SELECT 1, 2) SELECT x.a, x.depth FROM h AS x(a)",
        "SELECT s.y FROM (SELECT 1 AS x) AS s(y)",
        // SEARCH and CYCLE on known columns.
        "WITH RECURSIVE t(id, parent) AS (SELECT 1, 0 UNION ALL SELECT id + 1, id FROM t) SEARCH DEPTH FIRST BY id SET ord CYCLE id SET is_cycle USING path SELECT * FROM t",
    ] {
        ok(source);
    }
}

// ---- WITH structure ----

#[test]
fn duplicate_names_point_at_the_repeat_then_the_first() {
    assert_eq!(
        run("WITH a AS (SELECT 1), b(x, y, x) AS (SELECT 1, 2, 3), A AS (SELECT 2) SELECT 1"),
        [
            (
                "column `x` appears twice in the column list of CTE `b`".to_owned(),
                1,
                30
            ),
            ("column `x` is first named here".to_owned(), 1, 24),
            (
                "CTE `A` is defined twice in this WITH clause".to_owned(),
                1,
                54
            ),
            ("CTE `a` is first defined here".to_owned(), 1, 5),
        ]
    );
}

#[test]
fn raw_and_unquoted_names_compare_like_sql() {
    // `r#C` is `"C"`: another name on PostgreSQL, the same one on SQLite and MySQL.
    assert_eq!(
        errors("WITH c AS (SELECT 1), r#c AS (SELECT 2), r#C AS (SELECT 3) SELECT 1"),
        [
            "CTE `c` is defined twice in this WITH clause",
            "CTE `c` is first defined here",
            "`r#C` and the CTE `c` are one name on SQLite, MySQL, MariaDB and SQL Server but \
             two on PostgreSQL",
            "CTE `c` is defined here",
        ]
    );
}

#[test]
fn spellings_that_engines_resolve_differently_are_refused() {
    // One name everywhere: PostgreSQL folds TREE to tree, which "tree" is.
    ok(
        "WITH RECURSIVE r#tree(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM TREE WHERE n < 3) \
        SELECT n FROM Tree",
    );
    // "Tree" is not tree on PostgreSQL, which would read a table there.
    assert_eq!(
        errors(
            "WITH RECURSIVE r#Tree(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM tree WHERE n < 3) \
             SELECT n FROM r#Tree"
        ),
        [
            "`tree` and the CTE `r#Tree` are one name on SQLite, MySQL, MariaDB and SQL Server \
             but two on PostgreSQL",
            "CTE `r#Tree` is defined here",
        ]
    );
    assert!(
        message("WITH r#TREE AS (SELECT 1 AS n) SELECT n FROM r#tree")
            .contains("spell the name the same way")
    );
    // Non-ASCII letters: MySQL and MariaDB fold their case, PostgreSQL and SQLite do not.
    assert_eq!(
        errors("WITH Ä AS (SELECT 1 AS n) SELECT n FROM ä")
            .first()
            .map(String::as_str),
        Some(
            "`ä` and the CTE `Ä` are one name on MySQL, MariaDB and SQL Server but two on \
             PostgreSQL and SQLite"
        )
    );
    // An inner CTE spelled alike decides, as on every engine; an ambiguous outer one does not
    // matter once an inner WITH defines the name.
    ok("WITH r#T AS (SELECT 1 AS n) SELECT n FROM (WITH t AS (SELECT 2 AS n) SELECT n FROM t) s");
}

#[test]
fn self_and_forward_references_need_recursive() {
    let (m, at) = error(
        "WITH tree AS (SELECT 1 AS id UNION ALL SELECT id + 1 FROM tree) SELECT id FROM tree",
    );
    assert_eq!(
        (m.as_str(), at.as_str()),
        (
            "CTE `tree` reads itself, but its WITH clause is not RECURSIVE",
            "tree"
        )
    );
    let full = message("WITH tree AS (SELECT id FROM tree) SELECT 1");
    assert!(
        full.contains("SQLite runs `tree` as a recursive query"),
        "{full}"
    );
    assert!(full.contains("write `WITH RECURSIVE`"), "{full}");
    assert!(full.contains("rename the CTE"), "{full}");

    let (m, at) = error("WITH a AS (SELECT b.x FROM b), b AS (SELECT 1 AS x) SELECT 1");
    assert_eq!(
        (m.as_str(), at.as_str()),
        (
            "CTE `b` is defined after `a`, and this WITH clause is not RECURSIVE",
            "b"
        )
    );
    // An inner CTE of the same name is what the body reads: no error.
    ok("WITH t AS (WITH t AS (SELECT 1 AS x) SELECT x FROM t) SELECT x FROM t");
}

#[test]
fn mutual_recursion_is_reported_where_the_cycle_closes() {
    assert_eq!(
        run("WITH RECURSIVE a AS (SELECT x FROM b), b AS (SELECT x FROM c), c AS (SELECT x FROM a) SELECT 1"),
        [(
            "CTEs `a`, `b` and `c` read each other: `a` reads `b`, `b` reads `c`, `c` reads `a`"
                .to_owned(),
            1,
            83
        )]
    );
    // Through a subquery of a body too.
    assert_eq!(
        errors("WITH RECURSIVE a AS (SELECT 1 AS x WHERE EXISTS (SELECT 1 FROM b)), b AS (SELECT x FROM a) SELECT 1"),
        ["CTEs `a` and `b` read each other: `a` reads `b`, `b` reads `a`"]
    );
}

// ---- recursive CTEs ----

#[test]
fn recursive_structure() {
    let cases = [
        ("WITH RECURSIVE t(n) AS (SELECT n + 1 FROM t) SELECT 1", "CTE `t` reads itself, but its body has no anchor", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT 1", "the anchor of recursive CTE `t` reads `t`", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n FROM t) SELECT 1", "INTERSECT joins the parts of recursive CTE `t`", "INTERSECT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t EXCEPT SELECT n + 2 FROM t) SELECT 1", "EXCEPT joins the parts of recursive CTE `t`", "EXCEPT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT 2 UNION ALL SELECT n + 1 FROM t INTERSECT SELECT n + 2 FROM t) SELECT 1", "INTERSECT joins the parts of recursive CTE `t`", "INTERSECT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n FROM t UNION ALL SELECT 2) SELECT 1", "this part of recursive CTE `t` does not read `t`, but comes after a recursive member", "SELECT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.n FROM t a JOIN t b ON a.n = b.n) SELECT 1", "this recursive member reads `t` a second time", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT x FROM a WHERE x IN (SELECT n FROM t)) SELECT 1", "recursive CTE `t` is read inside a subquery of its recursive member", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT s.n FROM (SELECT n FROM t) s) SELECT 1", "recursive CTE `t` is read inside a subquery of its recursive member", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.x FROM a LEFT JOIN t ON t.n = a.x) SELECT 1", "recursive CTE `t` is on the nullable side of a LEFT JOIN", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.x FROM t RIGHT JOIN a ON t.n = a.x) SELECT 1", "recursive CTE `t` is on the nullable side of a RIGHT JOIN", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.x FROM (a FULL JOIN t ON t.n = a.x)) SELECT 1", "recursive CTE `t` is on the nullable side of a FULL JOIN", "t"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT count(*) FROM t) SELECT 1", "aggregate `count` in the recursive member of `t`", "count"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n FROM t GROUP BY n) SELECT 1", "GROUP BY in the recursive member of `t`", "GROUP"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n FROM t WHERE n < 3 HAVING n < 2) SELECT 1", "HAVING in the recursive member of `t`", "HAVING"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT row_number() OVER (ORDER BY n) FROM t) SELECT 1", "window function `row_number` in the recursive member of `t`", "row_number"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT DISTINCT n + 1 FROM t) SELECT 1", "DISTINCT in the recursive member of `t`", "DISTINCT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t ORDER BY n) SELECT 1", "ORDER BY in recursive CTE `t`", "ORDER"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t LIMIT 5) SELECT 1", "LIMIT in recursive CTE `t`", "LIMIT"),
        ("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t OFFSET 5)) SELECT 1", "OFFSET in recursive CTE `t`", "OFFSET"),
        ("WITH RECURSIVE t(n) AS (SELECT 1) SEARCH DEPTH FIRST BY n SET o SELECT 1", "SEARCH needs a recursive CTE, and `t` does not read itself", "SEARCH"),
        ("WITH t(n) AS (SELECT 1) CYCLE n SET c USING p SELECT 1", "CYCLE needs a recursive CTE, and this WITH clause is not RECURSIVE", "CYCLE"),
    ];
    for (source, expected, token) in cases {
        let (m, at) = error(source);
        assert_eq!((m.as_str(), at.as_str()), (expected, token), "{source}");
    }
}

#[test]
fn shadowed_names_are_not_recursive_reads() {
    ok("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t WHERE t.n < (WITH t AS (SELECT 3 AS n) SELECT max(n) FROM t)) SELECT n FROM t");
}

// ---- shape ----

#[test]
fn column_counts() {
    let cases = [
        (
            "WITH RECURSIVE t(n, d) AS (SELECT 1 UNION ALL SELECT n + 1, d FROM t) SELECT 1",
            "this SELECT gives 1 column, but CTE `t` declares 2 columns: `n` and `d`",
            "SELECT",
        ),
        (
            "WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1, 2 FROM t) SELECT 1",
            "this SELECT gives 2 columns, but the first SELECT gives 1",
            "SELECT",
        ),
        (
            "SELECT 1, 2 UNION SELECT 3",
            "this SELECT gives 1 column, but the first SELECT gives 2",
            "SELECT",
        ),
        (
            "INSERT INTO t (a, b, c) SELECT 1, 2",
            "this SELECT gives 2 columns, but the INSERT names 3 columns: `a`, `b` and `c`",
            "SELECT",
        ),
        (
            "INSERT INTO t (a, b) VALUES (1, 2), (3)",
            "this VALUES row has 1 value, but the INSERT names 2 columns: `a` and `b`",
            "3",
        ),
        (
            "WITH d(a, b) AS (DELETE FROM t RETURNING a) SELECT 1",
            "RETURNING gives 1 column, but CTE `d` declares 2 columns: `a` and `b`",
            "RETURNING",
        ),
    ];
    for (source, expected, token) in cases {
        let (m, at) = error(source);
        assert_eq!((m.as_str(), at.as_str()), (expected, token), "{source}");
    }
    // A `*` makes the count unknown.
    ok("WITH t(a, b) AS (SELECT * FROM s) SELECT 1");
    ok("SELECT * FROM a UNION SELECT 1, 2 FROM b");
}

// ---- names ----

#[test]
fn qualifiers_and_cte_columns() {
    let cases = [
        ("SELECT h.depth FROM hierarchy", "`h` names no table or alias in scope", "h"),
        ("SELECT employee.id FROM employee e", "`employee` names no table or alias in scope", "employee"),
        ("SELECT 1 FROM a, (SELECT a.x) s", "`a` names no table or alias in scope", "a"),
        ("WITH h(id, depth) AS (SELECT 1, 2) SELECT h.dept FROM h", "CTE `h` has no column `dept`", "dept"),
        ("WITH h AS (SELECT 1 AS id, 2 AS depth) SELECT x.dept FROM h x", "CTE `h` (as `x`) has no column `dept`", "dept"),
        ("SELECT s.z FROM (SELECT 1 AS x) s", "subquery `s` has no column `z`", "z"),
        ("UPDATE t AS x SET a = t.a", "`t` names no table or alias in scope", "t"),
        ("SELECT q.* FROM t", "`q` names no table or alias in scope", "q"),
        ("WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t) SEARCH DEPTH FIRST BY parent SET ord SELECT 1", "CTE `t` has no column `parent` to search by", "parent"),
        ("WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t) CYCLE ids SET c USING p SELECT 1", "CTE `t` has no column `ids` to detect cycles on", "ids"),
        ("WITH RECURSIVE t(id, ord) AS (SELECT 1, 2 UNION ALL SELECT id + 1, ord FROM t) SEARCH DEPTH FIRST BY id SET ord SELECT 1", "`ord` is already a column of CTE `t`", "ord"),
        ("WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t) CYCLE id SET c USING c SELECT 1", "the SEARCH and CYCLE clauses of `t` add two columns named `c`", "c"),
    ];
    for (source, expected, token) in cases {
        let (m, at) = error(source);
        assert_eq!((m.as_str(), at.as_str()), (expected, token), "{source}");
    }
    let full = message("WITH h(id, depth) AS (SELECT 1, 2) SELECT h.dept FROM h");
    assert!(full.ends_with("help: did you mean `depth`?"), "{full}");
    let full = message("WITH h(id, depth) AS (SELECT 1, 2) SELECT h.zzzzzz FROM h");
    assert!(
        full.ends_with("note: the columns of `h` are `id` and `depth`"),
        "{full}"
    );
    let full = message("SELECT employee.id FROM employee e");
    assert!(full.ends_with("help: write `e.id`"), "{full}");
    let full = message("SELECT 1 FROM a, (SELECT a.x) s");
    assert!(full.contains("write LATERAL"), "{full}");
    let full = message("SELECT hierarhcy.id FROM hierarchy");
    assert!(full.ends_with("help: did you mean `hierarchy`?"), "{full}");
    let full = message("WITH h AS (SELECT 1 AS id) SELECT h.id FROM t");
    assert!(full.contains("CTE `h` is not in the FROM clause"), "{full}");
}

// ---- several errors, recovery ----

#[test]
fn errors_of_all_checks_come_in_source_order() {
    assert_eq!(
        errors(
            "WITH RECURSIVE t(n, m) AS (SELECT x.n, 1 FROM a UNION ALL SELECT n + 1 FROM t GROUP BY n), \
             t AS (SELECT 1) \
             SELECT t.k FROM t"
        ),
        [
            "`x` names no table or alias in scope",
            "this SELECT gives 1 column, but CTE `t` declares 2 columns: `n` and `m`",
            "GROUP BY in the recursive member of `t`",
            "CTE `t` is defined twice in this WITH clause",
            "CTE `t` is first defined here",
            "CTE `t` has no column `k`",
        ]
    );
}

#[test]
fn a_syntax_error_in_one_cte_body_hides_no_other_check() {
    assert_eq!(
        errors(
            "WITH a AS (SELECT FROM), b(x, x) AS (SELECT 1, 2), c AS (SELECT c.z FROM q) \
             SELECT a.anything, zz.y FROM a"
        ),
        [
            "expected an expression, found keyword `FROM`",
            "column `x` appears twice in the column list of CTE `b`",
            "column `x` is first named here",
            "`c` names no table or alias in scope",
            "`zz` names no table or alias in scope",
        ]
    );
    // Syntax errors in several bodies are all reported; one outside the bodies stops parsing.
    assert_eq!(
        errors("WITH a AS (SELECT FROM), b AS (SELECT 1 +) SELECT * FROM"),
        [
            "expected an expression, found keyword `FROM`",
            "expected an expression, found end of input",
            "expected a table name, `(` or `LATERAL`, found end of input",
        ]
    );
}

// ---- depth ----

#[test]
fn the_deepest_accepted_input_is_checked_without_overflow() {
    // rustc runs a macro on a thread of 8 MiB; half of that must be enough.
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(|| {
            let parens = 58;
            let expr = format!("{}n{}", "(".repeat(parens), ")".repeat(parens));
            let mut query = "SELECT t.n FROM t".to_owned();
            for _ in 0..38 {
                query = format!("SELECT s.n FROM ({query}) s");
            }
            errors(&format!(
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT {expr} + 1 FROM t WHERE n < 5) \
                 {query}"
            ))
        })
        .and_then(|thread| thread.join().map_err(|_| std::io::Error::other("panicked")))
        .map(|found| assert!(found.is_empty(), "{found:?}"))
        .unwrap();
}

/// Every error of `source` checked with the schema `schema` defines (or none): its full
/// message, and the text of the token it points at.
pub(super) fn errors_with_schema(schema: Option<&str>, source: &str) -> Vec<(String, String)> {
    let schema = schema.map(crate::schema::from_sql);
    let input: TokenStream = source.parse().expect("the test's input tokenizes");
    let Err(errors) = super::statement(crate::parse::select_recovering(input), schema.as_ref())
    else {
        return Vec::new();
    };
    errors
        .into_iter()
        .map(|e| {
            let at = e.span().start();
            let token: String = source
                .chars()
                .skip(at.column)
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '#')
                .collect();
            (e.to_string(), token)
        })
        .collect()
}
