use cte_runtime::select;

// The rows of `select!` are a struct with a field per column, named as the column.
fn main() {
    let _ = select! {
        SELECT manager_id, COUNT(*) FROM employees GROUP BY manager_id
    };
}
