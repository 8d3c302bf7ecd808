use cte_runtime::select;

fn main() {
    // Without RECURSIVE, SQLite recurses but PostgreSQL reads a table `tree`.
    let _q = select! {
        WITH tree AS (
            SELECT id FROM node WHERE parent IS NULL
            UNION ALL
            SELECT n.id FROM node n JOIN tree t ON n.parent = t.id
        )
        SELECT id FROM tree
    };
}
