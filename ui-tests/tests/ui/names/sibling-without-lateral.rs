use cte_runtime::select;

fn main() {
    // A subquery in FROM sees the tables before it only with LATERAL.
    let _q = select! {
        WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 3)
        SELECT s.n, x.double FROM seq s, (SELECT s.n * 2 AS double) x
    };
}
