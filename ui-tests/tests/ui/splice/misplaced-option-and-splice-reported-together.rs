use cte_runtime::{cte, select};

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

fn main() {
    // The limit belongs after the whole statement, the item in its leading WITH: both reported.
    let _q = select! {
        WITH c AS (WITH {roots} SELECT id FROM roots OPTION (MAXRECURSION 5))
        SELECT id FROM c
    };
}
