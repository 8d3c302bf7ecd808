use cte_runtime::cte;

// A `cte!` item is checked as the CTE of a WITH is.
cte! {
    pub countdown(n) AS (SELECT 3 UNION ALL SELECT n - 1 FROM countdown WHERE n > 1)
}

fn main() {}
