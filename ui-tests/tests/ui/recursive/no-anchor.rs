use cte_runtime::select;

fn main() {
    // Every part reads the CTE: the recursion has no rows to start from.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
