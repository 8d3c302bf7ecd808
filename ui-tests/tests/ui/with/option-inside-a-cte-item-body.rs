use cte_runtime::cte;

cte! {
    // The limit belongs after the statement that splices the item, not inside its body.
    pub deep(n) AS (
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3)
        SELECT n FROM s OPTION (MAXRECURSION 5)
    )
}

fn main() {}
