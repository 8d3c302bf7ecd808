use cte_runtime::select;

fn main() {
    // A char is not a parameter: the message says what converts and how.
    let initial = 'a';
    let _q = select! {
        SELECT name FROM users WHERE name > {initial}
    };
}
