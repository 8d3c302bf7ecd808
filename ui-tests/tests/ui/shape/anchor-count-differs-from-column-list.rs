use cte_runtime::select;

fn main() {
    // The anchor gives 1 column where the column list names 2.
    let _q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, t.depth + 1 FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
