use cte_runtime::select;

fn main() {
    // Independent errors of one call are all reported, in source order.
    let _q = select! {
        WITH RECURSIVE org(id, depth) AS (
            SELECT id, 0, name FROM employee WHERE boss IS NULL
            UNION ALL
            SELECT e.id, o.depth + 1 FROM employee e LEFT JOIN org o ON e.boss = o.id
        )
        SELECT o.dept, x.id FROM org o
    };
}
