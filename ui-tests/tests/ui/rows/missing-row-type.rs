use cte_runtime::select_as;

fn main() {
    let _ = select_as!(SELECT id FROM employees);
}
