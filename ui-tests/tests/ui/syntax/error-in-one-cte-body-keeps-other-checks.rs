use cte_runtime::select;

fn main() {
    // A syntax error in one CTE body is reported, and the other CTEs are still checked.
    let _q = select! {
        WITH broken AS (SELECT id, FROM node),
             fine(a, a) AS (SELECT 1, 2)
        SELECT b.id FROM broken
    };
}
