use cte_runtime::{cte, select};

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

fn main() {
    // Only a SELECT statement takes `cte!` items.
    let _q = select! {
        UPDATE category SET name = "root" FROM {roots} r WHERE r.id = category.id
    };
}
