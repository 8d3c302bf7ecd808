use cte_runtime::select;

fn main() {
    // `managers` reads `staff`, which a plain WITH defines later.
    let _q = select! {
        WITH managers AS (SELECT id FROM staff WHERE is_manager),
             staff AS (SELECT id, is_manager FROM employee WHERE active)
        SELECT id FROM managers
    };
}
