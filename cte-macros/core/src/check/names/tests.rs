//! The column checks that a schema turns on.

use crate::schema;

const SCHEMA: &str = "
    CREATE TABLE employees (id INT PRIMARY KEY, name TEXT NOT NULL, manager_id INT, team_id INT);
    CREATE TABLE teams (id INT PRIMARY KEY, title TEXT);
    CREATE VIEW leads (team_id, lead_id) AS SELECT team_id, MIN(id) FROM employees GROUP BY team_id;
    CREATE VIEW untyped AS SELECT * FROM teams;";

/// Each error's first line and the text of the token it points at; `schema` or none.
fn errors_with(source: &str, with_schema: bool) -> Vec<(String, String)> {
    let schema = schema::from_sql(SCHEMA);
    let input: proc_macro2::TokenStream = source.parse().expect("the test's input tokenizes");
    let parsed = crate::parse::select_recovering(input);
    let Err(errors) = crate::check::statement(parsed, with_schema.then_some(&schema)) else {
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
            let message = e.to_string();
            (message.lines().next().unwrap_or_default().to_owned(), token)
        })
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
