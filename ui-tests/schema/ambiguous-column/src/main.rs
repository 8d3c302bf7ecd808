use cte_runtime::select;

fn main() {
    let _ = select! {
        SELECT id, title FROM employees AS e JOIN teams AS t ON t.id = e.manager_id
    };
}
