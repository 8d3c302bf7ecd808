use cte_runtime::select_as;

struct Pair {
    name: String,
}

// Two columns of one name would fill one field twice.
fn main() {
    let _ = select_as!(Pair,
        SELECT e.name, m.name FROM employees AS e JOIN employees AS m ON m.id = e.manager_id
    );
}
