use cte_runtime::{cte, select};

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

fn main() {
    // Only the statement's leading WITH takes `cte!` items.
    let _q = select! {
        SELECT s.id FROM (WITH {roots} SELECT id FROM roots) s
    };
}
