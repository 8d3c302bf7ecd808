use cte_runtime::select;

fn main() {
    // `--` is not a comment in Rust tokens: it would read as two minus signs.
    let _q = select! {
        SELECT id -- the primary key
        FROM t
    };
}
