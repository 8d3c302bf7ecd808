use cte_runtime::select;

fn main() {
    // Both sides of a FULL JOIN are nullable.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM tree t FULL JOIN node n ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
