use cte_runtime::select;

fn main() {
    // Groups are not table rows: PostgreSQL refuses to lock them, MySQL would lock what it read.
    let _q = select! {
        SELECT region, SUM(amount) AS total FROM sales GROUP BY region FOR UPDATE
    };
}
