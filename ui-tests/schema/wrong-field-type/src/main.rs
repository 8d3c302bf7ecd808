use cte_runtime::select_as;

struct Line {
    id: String,
    reports: i64,
}

fn main() {
    let _ = select_as!(Line,
        SELECT m.id, COUNT(*) AS reports FROM employees AS m GROUP BY m.id
    );
}
