use cte_runtime::select;

fn main() {
    // The conflict columns, the columns set and those of `excluded` are the table's.
    let _ = select! {
        INSERT INTO stock (id, name, qty) VALUES (1, "bolt", 5)
        ON CONFLICT (ident) DO UPDATE SET qtty = excluded.qty, name = excluded.nme
    };
    // A column of both the existing row and `excluded` must say which.
    let _ = select! {
        INSERT INTO stock (id, name, qty) VALUES (1, "bolt", 5)
        ON CONFLICT (id) DO UPDATE SET qty = qty + excluded.qty
    };
}
