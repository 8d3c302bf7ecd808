use cte_runtime::select;

fn main() {
    // A CTE without a column list has the names of its anchor's select list.
    let _q = select! {
        WITH totals AS (
            SELECT dept, sum(salary) AS total FROM employee GROUP BY dept
        )
        SELECT t.dept, t.amount FROM totals t
    };
}
