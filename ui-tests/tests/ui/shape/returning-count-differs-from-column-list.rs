use cte_runtime::select;

fn main() {
    // A data-modifying CTE returns 1 column where its list names 2.
    let _q = select! {
        WITH gone(id, name) AS (
            DELETE FROM employee WHERE active = false RETURNING id
        )
        SELECT id FROM gone
    };
}
