use cte_runtime::select;

fn main() {
    // CYCLE adds its SET and USING columns; they need two names.
    let _q = select! {
        WITH RECURSIVE walk(src, dst) AS (
            SELECT src, dst FROM edge WHERE src = 1
            UNION ALL SELECT e.src, e.dst FROM edge e JOIN walk w ON e.src = w.dst
        ) CYCLE dst SET seen USING seen
        SELECT src, dst FROM walk
    };
}
