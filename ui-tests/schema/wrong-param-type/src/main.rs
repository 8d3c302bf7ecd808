use cte_runtime::select;

fn main() {
    let name = "Ada";
    let boss = 1.5_f64;
    let _ = select! {
        SELECT id FROM employees WHERE id = {name} OR manager_id = {boss}
    };
}
