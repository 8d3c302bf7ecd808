use cte_runtime::select;

struct UserId(i64);

fn main() {
    // A parameter must convert into a Value: the error points at the expression.
    let user = UserId(1);
    let _q = select! {
        SELECT name FROM users WHERE id = {user}
    };
}
