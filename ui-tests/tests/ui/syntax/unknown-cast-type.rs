use cte_runtime::select;

fn main() {
    // CAST takes a portable type name; the error lists them.
    let _q = select! {
        SELECT CAST(id AS STRING) FROM t
    };
}
