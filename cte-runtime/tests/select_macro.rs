use cte_runtime::__private::tree::*;
use cte_runtime::{select, Value};

#[test]
fn smoke() {
    let root = 1;
    let q = select! {
        WITH RECURSIVE tree(id, depth) AS (
            SELECT id, 0 FROM category WHERE id = {root}
            UNION ALL
            SELECT c.id, t.depth + 1 FROM category c JOIN tree t ON c.parent_id = t.id
        )
        SELECT id, depth FROM tree ORDER BY depth
    };
    assert_eq!(q.source_params(), &[Value::I64(1)]);
    let Statement::Query(query) = q.tree() else {
        panic!()
    };
    assert!(query.with.unwrap().recursive);
}
