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
