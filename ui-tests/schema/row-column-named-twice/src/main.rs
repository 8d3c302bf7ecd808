use cte_runtime::select;

// Two columns of one name would be two fields of one name.
fn main() {
    let _ = select! {
        SELECT e.name, m.name FROM employees AS e JOIN employees AS m ON m.id = e.manager_id
    };
}
