use cte_runtime::cte;

const ROOT: i64 = 1;

// The value belongs in the query that splices the CTE.
cte! {
    pub roots(id) AS (SELECT id FROM category WHERE id = {ROOT})
}

fn main() {}
