use cte_runtime::select;

fn main() {
    // A CTE's column list names `depth` twice.
    let _q = select! {
        WITH RECURSIVE tree(id, depth, depth) AS (
            SELECT id, 0, 0 FROM node WHERE parent IS NULL
        )
        SELECT id FROM tree
    };
}
