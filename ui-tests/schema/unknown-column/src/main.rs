use cte_runtime::select;

fn main() {
    let _ = select! {
        SELECT e.id, e.nme FROM employees AS e WHERE manger_id IS NULL
    };
}
