use cte_runtime::select;

fn main() {
    // The parts of a UNION give different numbers of columns.
    let _q = select! {
        WITH people AS (
            SELECT id, name FROM employee
            UNION
            SELECT id FROM contractor
        )
        SELECT id FROM people
    };
}
