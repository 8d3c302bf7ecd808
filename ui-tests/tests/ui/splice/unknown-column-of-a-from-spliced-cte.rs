use cte_runtime::select;

mod queries {
    cte_runtime::cte! {
        pub hierarchy(id, depth) AS (SELECT id, 0 FROM category)
    }
}

fn main() {
    // `dept` is not a column of the `cte!` item, defined in another module.
    let _q = select! { SELECT h.dept FROM {queries::hierarchy} h };
}
