use cte_runtime::select;

fn main() {
    // `h.dept` where `h` is `hierarchy(id, depth)`: did you mean `depth`?
    let _q = select! {
        WITH RECURSIVE hierarchy(id, depth) AS (
            SELECT id, 0 FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id, h.depth + 1 FROM node n JOIN hierarchy h ON n.parent = h.id
        )
        SELECT h.id, h.dept FROM hierarchy h
    };
}
