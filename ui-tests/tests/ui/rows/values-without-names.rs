use cte_runtime::select_as;

struct Pair {
    a: i64,
    b: i64,
}

fn main() {
    let _ = select_as!(Pair, VALUES (1, 2), (3, 4));
}
