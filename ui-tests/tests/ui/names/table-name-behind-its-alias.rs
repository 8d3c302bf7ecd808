use cte_runtime::select;

fn main() {
    // Once aliased, a table goes by its alias.
    let _q = select! {
        WITH managers AS (SELECT boss FROM employee)
        SELECT employee.name FROM employee e JOIN managers m ON m.boss = e.id
    };
}
