use cte_runtime::cte;

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

cte! {
    // The item would be written without the CTE its inner WITH splices.
    root_ids(id) AS (WITH {roots} SELECT id FROM roots)
}

fn main() {}
