use cte_runtime::select;

fn main() {
    // Only UNION [ALL] joins the anchor and the recursive member.
    let _q = select! {
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM node WHERE parent IS NULL
            INTERSECT
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
