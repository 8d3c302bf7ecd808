use cte_runtime::select;

fn main() {
    // SQL strings are Rust string literals: 'x' is a char literal.
    let _q = select! {
        SELECT id FROM t WHERE kind = 'x'
    };
}
