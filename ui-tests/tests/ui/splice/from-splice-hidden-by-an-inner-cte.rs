use cte_runtime::{cte, select};

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

fn main() {
    // Inside the subquery, the name `roots` is its own CTE, not the item.
    let _q = select! {
        SELECT s.id FROM (
            WITH roots AS (SELECT 1 AS id)
            SELECT r.id FROM {roots} r
        ) s
    };
}
