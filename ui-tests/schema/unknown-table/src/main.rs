use cte_runtime::select;

fn main() {
    let _ = select! { SELECT id, name FROM employes WHERE manager_id IS NULL };
}
