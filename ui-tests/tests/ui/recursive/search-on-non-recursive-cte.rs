use cte_runtime::select;

fn main() {
    // SEARCH orders a recursion; this CTE does not read itself.
    let _q = select! {
        WITH RECURSIVE roots(id) AS (
            SELECT id FROM node WHERE parent IS NULL
        ) SEARCH DEPTH FIRST BY id SET ord
        SELECT id FROM roots ORDER BY ord
    };
}
