use cte_runtime::select;

fn main() {
    let _ = select! { SELECT id FROM employees };
}
