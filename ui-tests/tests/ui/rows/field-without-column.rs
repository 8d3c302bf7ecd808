use cte_runtime::select_as;

struct Employee {
    id: i64,
    name: String,
}

fn main() {
    let _ = select_as!(Employee, SELECT id FROM employees);
}
