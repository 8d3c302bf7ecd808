use cte_runtime::select;

fn main() {
    // An aggregate makes one row of many: nothing to lock.
    let _q = select! {
        SELECT COUNT(*) AS n FROM sales WHERE region = "north" FOR SHARE NOWAIT
    };
}
