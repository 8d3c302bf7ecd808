use cte_runtime::select;

fn main() {
    // The items of a list are parameters: a char is not one.
    let initials = vec!['a', 'b'];
    let _q = select! {
        SELECT name FROM users WHERE initial IN {initials}
    };
}
