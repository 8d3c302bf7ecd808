use cte_runtime::select_as;

struct Employee {
    id: i64,
}

fn main() {
    let _ = select_as!(Employee, SELECT id, name FROM employees);
}
