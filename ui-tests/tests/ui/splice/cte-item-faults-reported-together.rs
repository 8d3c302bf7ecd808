use cte_runtime::cte;

const ROOT: i64 = 1;

// Two independent faults of one item: no column list, and a parameter.
cte! {
    pub roots AS (SELECT id FROM category WHERE id = {ROOT})
}

fn main() {}
