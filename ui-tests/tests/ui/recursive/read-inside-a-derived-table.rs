use cte_runtime::select;

fn main() {
    // The recursive member reads the CTE inside a derived table.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n JOIN (SELECT id FROM tree) t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
