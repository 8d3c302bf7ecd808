use cte_runtime::select_as;

struct Gone {
    id: i64,
}

fn main() {
    let _ = select_as!(Gone, DELETE FROM employees WHERE id = 1);
}
