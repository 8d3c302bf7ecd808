use cte_runtime::select;

fn main() {
    // The recursive member gives one column more than the anchor.
    let _q = select! {
        WITH RECURSIVE tree AS (
            SELECT id, 0 AS depth FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, t.depth + 1, n.name FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
