use cte_runtime::select;

fn main() {
    // "Tree" keeps its case on PostgreSQL, which reads a table `tree` here; SQLite and MySQL
    // read the CTE.
    let _q = select! {
        WITH RECURSIVE r#Tree(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM tree WHERE n < 5)
        SELECT n FROM r#Tree
    };
}
