use cte_runtime::select;

fn main() {
    // A window function in the recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id, rank) AS (
            SELECT id, 1 FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, row_number() OVER (ORDER BY n.id) FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
