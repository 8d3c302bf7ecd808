use cte_runtime::select;

fn main() {
    // SEARCH ... SET adds a column; `depth` is one `tree` already has.
    let _q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id, 0 FROM node WHERE parent IS NULL
            UNION ALL SELECT n.id, t.depth + 1 FROM node n JOIN tree t ON n.parent = t.id
        ) SEARCH DEPTH FIRST BY id SET depth
        SELECT id FROM tree
    };
}
