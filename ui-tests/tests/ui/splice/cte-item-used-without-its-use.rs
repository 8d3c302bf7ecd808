use cte_runtime::select;

mod queries {
    cte_runtime::cte! {
        pub hierarchy(id, depth) AS (SELECT id, 0 FROM category)
    }
}

fn main() {
    // `hierarchy` is defined in `queries` and not imported: one error, naming the import.
    let _q = select! { SELECT h.depth FROM {hierarchy} h };
}
