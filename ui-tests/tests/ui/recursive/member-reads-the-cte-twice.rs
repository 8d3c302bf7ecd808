use cte_runtime::select;

fn main() {
    // A recursive member may read the CTE once.
    let _q = select! {
        WITH RECURSIVE pairs(a, b) AS (
            SELECT id, id FROM node
            UNION ALL
            SELECT x.a, y.b FROM pairs x JOIN pairs y ON x.b = y.a
        )
        SELECT a, b FROM pairs
    };
}
