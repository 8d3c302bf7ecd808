use cte_runtime::select_as;

struct Employee {
    id: i64,
    tags: Vec<String>,
}

fn main() {
    let _ = select_as!(Employee, SELECT id, tags FROM employees);
}
