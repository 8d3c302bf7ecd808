use cte_runtime::select;

fn main() {
    // `evens` and `odds` read each other: the error is on the read that closes the cycle.
    let _q = select! {
        WITH RECURSIVE evens(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM odds WHERE n < 10),
                       odds(n) AS (SELECT n + 1 FROM evens)
        SELECT n FROM evens
    };
}
