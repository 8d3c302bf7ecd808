use cte_runtime::select;

fn main() {
    // LIMIT on the body of a recursive CTE.
    let _q = select! {
        WITH RECURSIVE counter(n) AS (
            SELECT 1
            UNION ALL
            SELECT n + 1 FROM counter
            LIMIT 100
        )
        SELECT n FROM counter
    };
}
