use cte_runtime::select;

fn main() {
    // An anchor part after a recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
            UNION ALL SELECT id FROM orphan
        )
        SELECT id FROM tree
    };
}
