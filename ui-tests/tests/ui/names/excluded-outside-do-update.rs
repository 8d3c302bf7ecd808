use cte_runtime::select;

fn main() {
    // `excluded` is the proposed row only in DO UPDATE and its WHERE.
    let _q = select! {
        INSERT INTO t (id, n) VALUES (1, 2)
        ON CONFLICT (id) DO UPDATE SET n = excluded.n
        RETURNING excluded.n
    };
    // A misspelled `excluded` names no table.
    let _r = select! {
        INSERT INTO t (id, n) VALUES (1, 2)
        ON CONFLICT (id) DO UPDATE SET n = exclude.n
    };
}
