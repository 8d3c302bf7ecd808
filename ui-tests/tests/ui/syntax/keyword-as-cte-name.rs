use cte_runtime::select;

fn main() {
    // A keyword used as a name must be written as a raw identifier.
    let _q = select! {
        WITH order AS (SELECT 1 AS id)
        SELECT id FROM order
    };
}
