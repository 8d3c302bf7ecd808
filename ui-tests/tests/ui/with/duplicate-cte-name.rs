use cte_runtime::select;

fn main() {
    // Both errors are reported, in source order, each on the repeated name.
    let _q = select! {
        WITH totals(id, id) AS (SELECT 1, 2),
             totals AS (SELECT 3 AS id)
        SELECT id FROM totals
    };
}
