use cte_runtime::select;

fn main() {
    // The anchor, before UNION ALL, reads the CTE it starts.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM tree WHERE id = 1
            UNION ALL
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
