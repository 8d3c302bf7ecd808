use cte_runtime::select;

fn main() {
    // A RIGHT JOIN pads its left side, here the recursive reference, with NULL rows.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM tree t RIGHT JOIN node n ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
