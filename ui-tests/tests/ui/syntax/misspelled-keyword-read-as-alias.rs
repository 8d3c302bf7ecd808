use cte_runtime::select;

fn main() {
    // `FORM` is an alias of `id` written without AS, so parsing stops at `big`: the error
    // names the misspelled word and the keyword it resembles.
    let _q = select! {
        WITH big AS (SELECT 1 AS id)
        SELECT id FORM big WHERE id = 1
    };
}
