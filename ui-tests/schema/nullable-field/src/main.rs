use cte_runtime::select_as;

struct Line {
    name: String,
    title: String,
}

fn main() {
    // `title` is nullable in the schema, and NULL again where no team matches.
    let _ = select_as!(Line,
        SELECT e.name, t.title FROM employees AS e LEFT JOIN teams AS t ON t.id = e.manager_id
    );
}
