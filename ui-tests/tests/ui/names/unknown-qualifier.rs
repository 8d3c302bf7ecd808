use cte_runtime::select;

fn main() {
    // `h` is not a table or alias of this query.
    let _q = select! {
        WITH RECURSIVE hierarchy(id, depth) AS (
            SELECT id, 0 FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, h.depth + 1 FROM node n JOIN hierarchy ON n.parent = hierarchy.id
        )
        SELECT id FROM hierarchy
    };
}
