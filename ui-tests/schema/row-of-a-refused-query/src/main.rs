use cte_runtime::{select, Value};

// A query the checks refuse still has its row type, so the code that reads its rows reports
// nothing more: `name` is a `String`, the misspelled `nme` a `Value`.
fn main() {
    let q = select! { SELECT id, name, nme FROM employees };
    if let Ok(row) = q.decode_row(Vec::new()) {
        let _: (i64, usize, Value) = (row.id, row.name.len(), row.nme);
    }
}
