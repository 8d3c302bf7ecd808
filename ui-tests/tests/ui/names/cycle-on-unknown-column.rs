use cte_runtime::select;

fn main() {
    // CYCLE watches a column the CTE does not have.
    let _q = select! {
        WITH RECURSIVE walk(src, dst) AS (
            SELECT src, dst FROM edge WHERE src = 1
            UNION ALL SELECT e.src, e.dst FROM edge e JOIN walk w ON e.src = w.dst
        ) CYCLE node SET looped USING path
        SELECT src, dst FROM walk
    };
}
