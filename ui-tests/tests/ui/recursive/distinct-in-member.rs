use cte_runtime::select;

fn main() {
    // DISTINCT in the recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT DISTINCT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
