use cte_runtime::select;

fn main() {
    // The recursive member reads the CTE inside an IN subquery.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT id FROM node WHERE parent IN (SELECT id FROM tree)
        )
        SELECT id FROM tree
    };
}
