use cte_runtime::select;

fn main() {
    // EXCEPT between two recursive members (the anchor's own queries may use it).
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
            EXCEPT SELECT n.id FROM node n JOIN tree t ON n.id = t.id
        )
        SELECT id FROM tree
    };
}
