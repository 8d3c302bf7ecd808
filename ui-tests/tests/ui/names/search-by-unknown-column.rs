use cte_runtime::select;

fn main() {
    // SEARCH orders by a column the CTE does not have.
    let _q = select! {
        WITH RECURSIVE tree(id, parent_id) AS (
            SELECT id, parent FROM node WHERE parent IS NULL
            UNION ALL SELECT n.id, n.parent FROM node n JOIN tree t ON n.parent = t.id
        ) SEARCH BREADTH FIRST BY parent SET ord
        SELECT id FROM tree ORDER BY ord
    };
}
