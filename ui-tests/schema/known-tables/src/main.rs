use cte_runtime::{cte, select, Dialect};

cte! {
    RECURSIVE chain (id, depth) AS (
        SELECT id, 0 FROM employees WHERE manager_id IS NULL
        UNION ALL
        SELECT e.id, c.depth + 1 FROM employees AS e JOIN chain AS c ON e.manager_id = c.id
    )
}

fn main() {
    let q = select! {
        SELECT c.id, c.depth FROM {chain} AS c
        WHERE c.id IN (SELECT id FROM managers) OR c.id IN (SELECT lead FROM TEAMS)
    };
    println!("{}", q.render(Dialect::Postgres).unwrap().sql());
}

/// A row of the schema's types, NULL where the schema or a join allows it.
#[allow(dead_code)]
struct Chain {
    id: i64,
    depth: i32,
    team: Option<i64>,
}

#[allow(dead_code)]
fn typed() -> cte_runtime::TypedQuery<Chain> {
    cte_runtime::select_as!(Chain,
        WITH RECURSIVE c (id, depth, team) AS (
            SELECT id, 0, CAST(NULL AS INTEGER) FROM employees WHERE manager_id IS NULL
            UNION ALL
            SELECT e.id, c.depth + 1, t.id FROM employees AS e JOIN c ON e.manager_id = c.id
            LEFT JOIN teams AS t ON t.lead = e.id
        )
        SELECT id, depth, team FROM c
    )
}

/// Parameters of the types their columns take; the query without its generated row type, for
/// a function that names its type.
#[allow(dead_code)]
fn parameters(id: i64, name: &str, boss: Option<i32>) -> cte_runtime::Query {
    cte_runtime::select! {
        SELECT id FROM employees WHERE id = {id} OR name = {name} OR manager_id = {boss}
    }
    .into_query()
}

/// The rows `select!` generates: a field per output column, named as the column, of the type
/// the schema gives it (`Option` where it can be NULL); `*` and `t.*` stand for the columns the
/// schema knows, and a column of unknown type is a `Value`.
#[allow(dead_code)]
fn generated_rows() -> Result<(), cte_runtime::RowError> {
    use cte_runtime::Value;

    let walk = cte_runtime::select! {
        WITH RECURSIVE c (id, depth, boss) AS (
            SELECT id, 0, manager_id FROM employees WHERE manager_id IS NULL
            UNION ALL
            SELECT e.id, c.depth + 1, e.manager_id FROM employees AS e JOIN c ON e.manager_id = c.id
        )
        SELECT c.depth, c.boss, e.name AS r#type, {7} AS seven, t.*
        FROM c JOIN employees AS e ON e.id = c.id LEFT JOIN teams AS t ON t.lead = c.id
    };
    let row = walk.decode_row(vec![
        Value::I64(1),
        Value::I64(1),
        Value::Text("Grace".into()),
        Value::I64(7),
        Value::Null,
        Value::Null,
    ])?;
    let _: (i64, Option<i64>, String, Value) = (row.depth, row.boss, row.r#type, row.seven);
    // The nullable side of the LEFT JOIN.
    let _: (Option<i64>, Option<i64>) = (row.id, row.lead);
    Ok(())
}
