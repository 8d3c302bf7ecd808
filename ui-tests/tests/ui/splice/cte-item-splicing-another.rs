use cte_runtime::cte;

cte! {
    roots(id) AS (SELECT id FROM category WHERE parent_id IS NULL)
}

cte! {
    // An item is spliced as written: it cannot bring another along.
    root_names(name) AS (SELECT c.name FROM category c JOIN {roots} r ON r.id = c.id)
}

fn main() {}
