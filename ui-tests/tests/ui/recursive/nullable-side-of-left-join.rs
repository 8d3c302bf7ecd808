use cte_runtime::select;

fn main() {
    // A LEFT JOIN would pad the recursion with NULL rows.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n LEFT JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
