use cte_runtime::select;

fn main() {
    // `__cte_` names are the ones the renderer makes up, in any case.
    let _q = select! {
        WITH __cte_r1(n) AS (SELECT 1)
        SELECT n AS __CTE_level FROM __cte_r1
    };
}
