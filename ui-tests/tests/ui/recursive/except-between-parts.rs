use cte_runtime::select;

fn main() {
    // EXCEPT between the anchor queries of a recursive CTE.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            EXCEPT SELECT id FROM hidden
            UNION ALL SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
