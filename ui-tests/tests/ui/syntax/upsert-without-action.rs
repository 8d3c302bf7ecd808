use cte_runtime::select;

fn main() {
    // DO takes NOTHING or UPDATE.
    let _q = select! {
        INSERT INTO t (id, n) VALUES (1, 2) ON CONFLICT (id) DO SKIP
    };
}
