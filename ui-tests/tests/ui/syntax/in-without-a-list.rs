use cte_runtime::select;

fn main() {
    // IN takes `(a, b)`, `(SELECT ...)` or a Rust list in braces.
    let _q = select! {
        SELECT name FROM users WHERE id IN 1, 2
    };
}
