use cte_runtime::select_as;

struct Count {
    n: i64,
}

fn main() {
    let _ = select_as!(Count, SELECT COUNT(*) FROM employees);
}
