use cte_runtime::select;

fn main() {
    let hierarchy = 1;
    // `{hierarchy}` in WITH splices a `cte!` item; this is an integer.
    let _q = select! { WITH {hierarchy} SELECT id FROM hierarchy };
}
