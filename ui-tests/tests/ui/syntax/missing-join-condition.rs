use cte_runtime::select;

fn main() {
    // An outer JOIN without ON or USING.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n LEFT JOIN tree t WHERE n.parent = t.id
        )
        SELECT id FROM tree
    };
}
