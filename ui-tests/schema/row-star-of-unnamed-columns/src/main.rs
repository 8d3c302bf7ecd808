use cte_runtime::select;

// `*` stands for the subquery's columns, and one of them has no name.
fn main() {
    let _ = select! {
        SELECT * FROM (SELECT manager_id, COUNT(*) FROM employees GROUP BY manager_id) AS s
    };
}
