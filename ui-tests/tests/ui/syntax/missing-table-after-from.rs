use cte_runtime::select;

fn main() {
    // FROM with nothing after it: the error is at the end of the input.
    let _q = select! {
        WITH t AS (SELECT 1 AS x)
        SELECT x FROM
    };
}
