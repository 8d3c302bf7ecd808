use cte_runtime::select;

fn main() {
    // The nullable side of an outer join has no row to lock where nothing matched.
    let _q = select! {
        SELECT o.id FROM orders o LEFT JOIN notes n ON n.order_id = o.id FOR UPDATE SKIP LOCKED
    };
}
