use cte_runtime::select;

fn main() {
    // `IN {...}` takes a list: a single id is not one.
    let id = 7_i64;
    let _q = select! {
        SELECT name FROM users WHERE id IN {id}
    };
}
