use cte_runtime::select;

fn main() {
    // GROUP BY in the recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id, 0 FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, t.depth + 1 FROM node n JOIN tree t ON n.parent = t.id GROUP BY n.id, t.depth
        )
        SELECT id FROM tree
    };
}
