use cte_runtime::select;

fn main() {
    // DO UPDATE without the columns of the key it handles a conflict on.
    let _q = select! {
        INSERT INTO t (id, n) VALUES (1, 2)
        ON CONFLICT DO UPDATE SET n = excluded.n
    };
}
