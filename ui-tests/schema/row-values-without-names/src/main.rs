use cte_runtime::select;

// A VALUES list names none of its columns.
fn main() {
    let _ = select! { VALUES (1, "one"), (2, "two") };
}
