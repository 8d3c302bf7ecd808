use cte_runtime::select;

fn main() {
    // FOR takes UPDATE or SHARE.
    let _q = select! {
        SELECT id FROM job WHERE state = "ready" FOR NOWAIT
    };
}
