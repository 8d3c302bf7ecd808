use cte_runtime::cte;

// A `cte!` item names its columns, so that the queries that splice it are checked.
cte! {
    pub hierarchy AS (SELECT id FROM category)
}

fn main() {}
