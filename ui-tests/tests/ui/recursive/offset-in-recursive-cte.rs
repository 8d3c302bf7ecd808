use cte_runtime::select;

fn main() {
    // OFFSET on the body of a recursive CTE.
    let _q = select! {
        WITH RECURSIVE counter(n) AS (
            SELECT 1
            UNION ALL
            SELECT n + 1 FROM counter
            OFFSET 10
        )
        SELECT n FROM counter
    };
}
