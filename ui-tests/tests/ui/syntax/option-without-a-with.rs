use cte_runtime::select;

fn main() {
    // OPTION (MAXRECURSION n) limits the CTEs of the statement's own WITH.
    let _q = select! {
        SELECT t.id FROM (WITH RECURSIVE n(i) AS (SELECT 1) SELECT i AS id FROM n) t
        OPTION (MAXRECURSION 10)
    };
}
