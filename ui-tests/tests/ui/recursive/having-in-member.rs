use cte_runtime::select;

fn main() {
    // HAVING in the recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id HAVING n.id > 0
        )
        SELECT id FROM tree
    };
}
