use cte_runtime::select;

fn main() {
    // INSERT names 3 columns; its SELECT gives 2.
    let _q = select! {
        WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 5)
        INSERT INTO slot (id, label, size)
        SELECT n, "slot" FROM seq
    };
}
