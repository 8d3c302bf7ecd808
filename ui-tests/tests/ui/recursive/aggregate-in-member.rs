use cte_runtime::select;

fn main() {
    // An aggregate in the recursive member: the error is on the function name.
    let _q = select! {
        WITH RECURSIVE total(n, s) AS (
            SELECT 1, 0
            UNION ALL
            SELECT n + 1, sum(s) FROM total WHERE n < 10
        )
        SELECT s FROM total
    };
}
