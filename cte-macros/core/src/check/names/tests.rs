//! The column checks that a schema turns on.

use crate::schema;

const SCHEMA: &str = "
    CREATE TABLE employees (id INT PRIMARY KEY, name TEXT NOT NULL, manager_id INT, team_id INT);
    CREATE TABLE teams (id INT PRIMARY KEY, title TEXT);
    CREATE VIEW leads (team_id, lead_id) AS SELECT team_id, MIN(id) FROM employees GROUP BY team_id;
    CREATE VIEW untyped AS SELECT id, COUNT(*) FROM teams GROUP BY id;
    CREATE VIEW starred AS SELECT * FROM teams;";

/// Each error's first line and the text of the token it points at; `schema` or none.
fn errors_with(source: &str, with_schema: bool) -> Vec<(String, String)> {
    let errors = crate::check::tests::errors_with_schema(with_schema.then_some(SCHEMA), source);
    errors
        .into_iter()
        .map(|(message, token)| (message.lines().next().unwrap_or_default().to_owned(), token))
        .collect()
}

fn errors(source: &str) -> Vec<(String, String)> {
    errors_with(source, true)
}

fn pair(message: &str, token: &str) -> (String, String) {
    (message.to_owned(), token.to_owned())
}

#[test]
fn columns_that_exist_pass() {
    for ok in [
        "SELECT id, name FROM employees",
        "SELECT e.id, t.title FROM employees AS e LEFT JOIN teams AS t ON t.id = e.team_id",
        "SELECT name, title FROM employees JOIN teams USING (id)",
        "SELECT id FROM employees JOIN teams USING (id)",
        "SELECT team_id, COUNT(*) AS n FROM employees GROUP BY team_id HAVING n > 1 ORDER BY n",
        "SELECT lead_id FROM leads WHERE team_id = 1",
        "SELECT anything FROM untyped",
        "SELECT id, title FROM starred",
        "SELECT id FROM employees e WHERE EXISTS (SELECT 1 FROM teams t WHERE t.id = team_id)",
        "SELECT name FROM employees e WHERE manager_id IN (SELECT id FROM teams)",
        "WITH RECURSIVE chain (id, depth) AS (SELECT id, 0 FROM employees WHERE manager_id IS NULL \
         UNION ALL SELECT e.id, depth + 1 FROM employees e JOIN chain c ON e.manager_id = c.id) \
         SELECT id, depth FROM chain ORDER BY depth",
        "WITH RECURSIVE t (id) AS (SELECT id FROM employees UNION ALL SELECT e.id FROM employees e \
         JOIN t ON e.manager_id = t.id) CYCLE id SET is_cycle USING path \
         SELECT id, is_cycle, t.path FROM t",
        "SELECT id AS n FROM employees UNION SELECT id FROM teams ORDER BY n",
        "SELECT s.x FROM (SELECT id AS x FROM teams) AS s WHERE s.x > 0",
        "INSERT INTO employees (id, name) SELECT id, title FROM teams RETURNING id",
        "UPDATE employees SET name = title FROM teams WHERE teams.id = employees.team_id",
        "DELETE FROM employees WHERE manager_id IS NULL RETURNING name",
    ] {
        assert_eq!(errors(ok), [], "{ok}");
    }
}

// A view's `*` stands for the columns of what it reads, as the schema knows them.
//     CREATE VIEW starred AS SELECT * FROM teams;
//     SELECT name FROM starred
#[test]
fn a_view_of_star_has_the_columns_it_reads() {
    assert_eq!(
        errors("SELECT name FROM starred"),
        [pair("no FROM item in scope has a column `name`", "name")]
    );
}

#[test]
fn a_column_no_from_item_has() {
    assert_eq!(
        errors("SELECT nam FROM employees"),
        [pair("no FROM item in scope has a column `nam`", "nam")]
    );
    assert_eq!(
        errors("SELECT e.nam FROM employees AS e"),
        [pair(
            "table `employees` (as `e`) has no column `nam`",
            "nam"
        )]
    );
    assert_eq!(
        errors("SELECT id FROM employees WHERE titel IS NULL"),
        [pair("no FROM item in scope has a column `titel`", "titel")]
    );
}

#[test]
fn an_ambiguous_column() {
    assert_eq!(
        errors("SELECT id FROM employees e JOIN teams t ON t.id = e.team_id"),
        [pair(
            "column `id` is ambiguous: several FROM items have it",
            "id"
        )]
    );
}

#[test]
fn columns_a_statement_writes() {
    assert_eq!(
        errors("INSERT INTO employees (id, nme) SELECT id, title FROM teams"),
        [pair("table `employees` has no column `nme`", "nme")]
    );
    assert_eq!(
        errors("UPDATE teams SET titel = NULL WHERE id = 1"),
        [pair("table `teams` has no column `titel`", "titel")]
    );
}

#[test]
fn without_a_schema_nothing_changes() {
    for source in [
        "SELECT nam FROM employees",
        "SELECT id FROM employees e JOIN teams t ON t.id = e.team_id",
        "INSERT INTO employees (id, nme) SELECT id, title FROM teams",
    ] {
        assert_eq!(errors_with(source, false), [], "{source}");
    }
}

/// The type of each output column of `source` with the schema, as `ty null` or `ty not null`.
fn types(source: &str) -> Vec<String> {
    let schema = schema::from_sql(TYPED_SCHEMA);
    let input: proc_macro2::TokenStream = source.parse().expect("the test's input tokenizes");
    let parsed = crate::parse::select_recovering(input);
    assert!(parsed.errors.is_empty(), "{source}: {:?}", parsed.errors);
    let stmt = parsed.stmt.expect("a statement");
    let cx = crate::check::Ctxt::default();
    let bindings = crate::check::resolve::Bindings::of(&stmt);
    let types = super::check(&cx, &bindings, Some(&schema), &stmt);
    if let Err(e) = cx.finish() {
        panic!("{source}: {e}");
    }
    types
        .columns
        .expect("known types")
        .iter()
        .map(|t| {
            format!(
                "{:?} {}",
                t.ty,
                if t.nullable { "null" } else { "not null" }
            )
        })
        .collect()
}

const TYPED_SCHEMA: &str = "
    CREATE TABLE employees (id BIGINT PRIMARY KEY, name TEXT NOT NULL, manager_id BIGINT,
                            salary NUMERIC(10, 2) NOT NULL, team_id INT);
    CREATE TABLE teams (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL);
    CREATE VIEW team_sizes AS SELECT team_id, COUNT(*) AS n FROM employees GROUP BY team_id;
    CREATE VIEW named (who, boss) AS
        SELECT e.name, m.name FROM employees e LEFT JOIN employees m ON m.id = e.manager_id;
    CREATE VIEW chain AS WITH RECURSIVE c (id, depth, note) AS (
        SELECT id, 0, 'it''s the top' FROM employees WHERE manager_id IS NULL
        UNION ALL SELECT e.id, c.depth + 1, NULL FROM employees e JOIN c ON e.manager_id = c.id
    ) SELECT id, depth, note FROM c WHERE depth <= 10;
    CREATE VIEW \"Odd\" AS SELECT id::text AS label FROM teams;";

#[test]
fn output_types_of_columns_and_expressions() {
    assert_eq!(
        types("SELECT id, name, manager_id, salary * 2 AS double, name || \"!\" AS shout FROM employees"),
        ["Int not null", "Text not null", "Int null", "Decimal not null", "Text not null"]
    );
    assert_eq!(
        types("SELECT COUNT(*) AS n, SUM(salary) AS total, AVG(id) AS mean, MAX(name) AS last FROM employees"),
        ["Int not null", "Decimal null", "Float null", "Text null"]
    );
    assert_eq!(
        types("SELECT team_id, COUNT(*) AS n, SUM(id) AS s FROM employees GROUP BY team_id"),
        ["Int null", "Int not null", "Int not null"]
    );
    assert_eq!(
        types(
            "SELECT COALESCE(manager_id, 0) AS boss, CASE WHEN id > 1 THEN name END AS big, \
               CAST(id AS TEXT) AS label, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM employees"
        ),
        ["Int not null", "Text null", "Text not null", "Int not null"]
    );
    assert_eq!(
        types("SELECT * FROM teams"),
        ["Int not null", "Text not null"]
    );
}

#[test]
fn outer_joins_make_their_nullable_side_nullable() {
    assert_eq!(
        types("SELECT e.name, t.title FROM employees e LEFT JOIN teams t ON t.id = e.team_id"),
        ["Text not null", "Text null"]
    );
    assert_eq!(
        types("SELECT e.name, t.title FROM employees e RIGHT JOIN teams t ON t.id = e.team_id"),
        ["Text null", "Text not null"]
    );
    assert_eq!(
        types("SELECT e.name, t.title FROM employees e FULL JOIN teams t ON t.id = e.team_id"),
        ["Text null", "Text null"]
    );
    assert_eq!(
        types(
            "SELECT e.name, m.name AS boss, t.title FROM employees e LEFT JOIN employees m \
               ON m.id = e.manager_id JOIN teams t ON t.id = e.team_id"
        ),
        ["Text not null", "Text null", "Text not null"]
    );
}

#[test]
fn ctes_subqueries_and_set_operations() {
    assert_eq!(
        types(
            "WITH b AS (SELECT id, name FROM employees) SELECT x.name, (SELECT title FROM teams \
               WHERE teams.id = 1) AS t FROM b AS x"
        ),
        ["Text not null", "Text null"]
    );
    assert_eq!(
        types("SELECT id FROM employees UNION SELECT NULL"),
        ["Int null"]
    );
    assert_eq!(
        types("SELECT s.n FROM (SELECT COUNT(*) AS n FROM teams) AS s"),
        ["Int not null"]
    );
}

#[test]
fn a_recursive_cte_is_typed_over_every_member() {
    // The anchor's boss is NOT NULL, the member's is not: the column is nullable.
    assert_eq!(
        types("WITH RECURSIVE chain (id, boss, depth) AS (SELECT id, 0, 0 FROM employees \
               WHERE manager_id IS NULL UNION ALL SELECT e.id, e.manager_id, c.depth + 1 \
               FROM employees e JOIN chain c ON e.manager_id = c.id) SELECT id, boss, depth FROM chain"),
        ["Int not null", "Int null", "Int not null"]
    );
    // A member's decimal widens the anchor's integer, and the widened type flows round.
    assert_eq!(
        types(
            "WITH RECURSIVE t (n, total) AS (SELECT 1, 0 UNION ALL SELECT n + 1, total + 0.5 \
               FROM t WHERE n < 3) SELECT n, total FROM t"
        ),
        ["Int not null", "Decimal not null"]
    );
    // Read inside a subquery.
    assert_eq!(
        types(
            "WITH RECURSIVE r (id) AS (SELECT id FROM employees UNION ALL SELECT e.id FROM \
               employees e JOIN r ON e.manager_id = r.id) SELECT (SELECT COUNT(*) FROM r) AS n"
        ),
        ["Int null"]
    );
}

/// The SQL type each parameter must bind as, by index, with the schema.
fn param_types(source: &str) -> Vec<(usize, String)> {
    let schema = schema::from_sql(TYPED_SCHEMA);
    let input: proc_macro2::TokenStream = source.parse().expect("the test's input tokenizes");
    let parsed = crate::parse::select_recovering(input);
    let stmt = parsed.stmt.expect("a statement");
    let cx = crate::check::Ctxt::default();
    let bindings = crate::check::resolve::Bindings::of(&stmt);
    let types = super::check(&cx, &bindings, Some(&schema), &stmt);
    let mut params: Vec<(usize, String)> = types
        .params
        .into_iter()
        .map(|(i, ty)| (i, format!("{ty:?}")))
        .collect();
    params.sort();
    params
}

#[test]
fn parameters_take_the_type_of_what_they_meet() {
    let pair = |i: usize, ty: &str| (i, ty.to_owned());
    assert_eq!(
        param_types("SELECT name FROM employees WHERE id = {a} AND {b} < salary AND name LIKE {c}"),
        [pair(0, "Int"), pair(1, "Decimal"), pair(2, "Text")]
    );
    assert_eq!(
        param_types(
            "SELECT id FROM employees WHERE team_id IN ({a}, {b}) AND id BETWEEN {c} AND ({d})"
        ),
        [
            pair(0, "Int"),
            pair(1, "Int"),
            pair(2, "Int"),
            pair(3, "Int")
        ]
    );
    assert_eq!(
        param_types("UPDATE employees SET name = {a}, salary = {b} WHERE id = {c}"),
        [pair(0, "Text"), pair(1, "Decimal"), pair(2, "Int")]
    );
    assert_eq!(
        param_types("INSERT INTO teams (title, id) VALUES ({a}, {b}), ({c}, 3)"),
        [pair(0, "Text"), pair(1, "Int"), pair(2, "Text")]
    );
    assert_eq!(
        param_types("INSERT INTO teams SELECT {a}, {b}"),
        [pair(0, "Int"), pair(1, "Text")]
    );
    // Compared with another parameter, or something of no known type: nothing to check.
    assert_eq!(
        param_types("SELECT id FROM employees WHERE {a} = {b} OR {c} = LENGTH(name) + 0.5"),
        [pair(2, "Decimal")]
    );
}

#[test]
fn views_are_typed_like_ctes() {
    assert_eq!(
        types("SELECT team_id, n FROM team_sizes"),
        ["Int null", "Int not null"]
    );
    assert_eq!(
        types("SELECT who, boss FROM named"),
        ["Text not null", "Text null"]
    );
    assert_eq!(
        types("SELECT c.id, c.depth, c.note FROM chain AS c"),
        ["Int not null", "Int not null", "Text null"]
    );
    // A view whose query the macros do not read (`::` casts) keeps unknown columns.
    let schema = schema::from_sql(TYPED_SCHEMA);
    let odd = schema
        .position(&schema::Name::new("Odd", true))
        .expect("the view exists");
    assert!(matches!(
        &schema.relations[odd].body,
        schema::Body::Query { typed: None, .. }
    ));
}
