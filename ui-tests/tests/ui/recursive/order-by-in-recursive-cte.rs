use cte_runtime::select;

fn main() {
    // ORDER BY on the body of a recursive CTE.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
            ORDER BY id
        )
        SELECT id FROM tree
    };
}
