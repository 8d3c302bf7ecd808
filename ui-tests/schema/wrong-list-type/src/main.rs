use cte_runtime::select;

fn main() {
    // Each value of the list binds as the column's type: names are no ids.
    let names = vec!["Ada", "Grace"];
    let _ = select! {
        SELECT id FROM employees WHERE id IN {&names}
    };
}
