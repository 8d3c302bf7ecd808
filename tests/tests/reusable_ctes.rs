//! `cte!` items spliced into several statements, and CTEs that nothing references.

use cte_runtime::{select, Dialect, Value};
use cte_tests::{rows, table, values, Db, Table, ALL_BUT_POSTGRES};

/// CTEs defined once, away from the queries that use them.
mod catalog {
    use cte_runtime::cte;

    cte! {
        /// Every category under the roots, with its depth.
        pub RECURSIVE hierarchy(id, name, depth) AS (
            SELECT id, name, 0 FROM category WHERE parent_id IS NULL
            UNION ALL
            SELECT c.id, c.name, h.depth + 1 FROM category c JOIN hierarchy h ON c.parent_id = h.id
        )
    }

    cte! {
        /// The categories that hold no other.
        pub leaves(id) AS (
            SELECT c.id FROM category c
            WHERE NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_id = c.id)
        )
    }

    cte! {
        /// Empties the archive: a data-modifying CTE, PostgreSQL only.
        pub purged(id) AS (DELETE FROM archive RETURNING id)
    }

    cte! {
        /// The categories under the roots, with a CYCLE clause that MySQL, MariaDB and SQLite
        /// emulate.
        pub RECURSIVE guarded(id, parent_id) AS (
            SELECT id, parent_id FROM category WHERE parent_id IS NULL
            UNION ALL
            SELECT c.id, c.parent_id FROM category c JOIN guarded g ON c.parent_id = g.id
        ) CYCLE id SET is_cycle USING path
    }
}

/// tools > saws > jigsaws; tools > drills; garden.
fn categories() -> Vec<Table> {
    vec![
        table!(category(id: Int, parent_id: Int, name: Text) key(id)).rows([
            values![1, Value::Null, "tools"],
            values![2, 1, "saws"],
            values![3, 2, "jigsaws"],
            values![4, 1, "drills"],
            values![5, Value::Null, "garden"],
        ]),
        table!(archive(id: Int) key(id)).rows([values![10], values![11]]),
    ]
}

#[test]
fn one_cte_spliced_into_two_statements() {
    use catalog::hierarchy;
    let mut db = Db::open("reusable_two_statements", &categories());
    let deep = 1;
    let below = select! {
        WITH {hierarchy}
        SELECT h.name, h.depth FROM hierarchy h WHERE h.depth >= {deep} ORDER BY h.name
    };
    db.select(&below)
        .expect(rows![["drills", 1], ["jigsaws", 2], ["saws", 1]])
        .check();
    let per_depth = select! {
        WITH {catalog::hierarchy}
        SELECT h.depth, COUNT(*) AS n FROM hierarchy AS h GROUP BY h.depth ORDER BY h.depth
    };
    db.select(&per_depth)
        .expect(rows![[0, 2], [1, 2], [2, 1]])
        .check();
}

#[test]
fn spliced_ctes_beside_written_ones_keep_the_parameter_order() {
    let mut db = Db::open("reusable_beside_written", &categories());
    let (min, max) = (1, 2);
    let name = "saws";
    let q = select! {
        WITH shallow AS (SELECT id FROM category WHERE id BETWEEN {min} AND {max}),
             {catalog::leaves},
             {catalog::hierarchy},
             picked AS (SELECT h.id FROM hierarchy h WHERE h.name <> {name})
        SELECT h.name FROM hierarchy h
        JOIN leaves l ON l.id = h.id
        WHERE h.id IN (SELECT id FROM picked) OR h.id IN (SELECT id FROM shallow)
        ORDER BY h.name
    };
    let r = q.render(Dialect::Postgres).unwrap();
    assert_eq!(
        r.params(),
        &[Value::I64(1), Value::I64(2), Value::from("saws")]
    );
    db.select(&q)
        .expect(rows![["drills"], ["garden"], ["jigsaws"]])
        .check();
}

#[test]
fn an_unreferenced_data_modifying_cte_still_runs() {
    let mut db = Db::open("reusable_independent_dml", &categories());
    let purge = select! {
        WITH {catalog::purged}
        SELECT COUNT(*) AS n FROM category
    };
    let then = select! { SELECT COUNT(*) AS n FROM archive };
    // The statement is a SELECT: PostgreSQL counts the one row it returns, not the rows its
    // CTE deletes, which the follow-up query sees.
    db.statement(&purge, &then)
        .affected(1)
        .refused_by(&ALL_BUT_POSTGRES, "only PostgreSQL has data-modifying CTEs")
        .expect(rows![[0]])
        .check();
}

#[test]
fn an_unreferenced_written_cte_is_rendered() {
    let mut db = Db::open("reusable_independent_written", &categories());
    let stmt = select! {
        WITH gone AS (DELETE FROM archive WHERE id = 10 RETURNING id)
        SELECT COUNT(*) AS n FROM category
    };
    let then = select! { SELECT id FROM archive ORDER BY id };
    // The statement is a SELECT: PostgreSQL counts the one row it returns, not the rows its
    // CTE deletes, which the follow-up query sees.
    db.statement(&stmt, &then)
        .affected(1)
        .refused_by(&ALL_BUT_POSTGRES, "only PostgreSQL has data-modifying CTEs")
        .expect(rows![[11]])
        .check();
}

#[test]
fn a_cte_bound_to_another_name_is_refused_not_misread() {
    use catalog::leaves as renamed;
    let q = select! { WITH {renamed} SELECT id FROM renamed };
    let error = q.render(Dialect::Sqlite).unwrap_err();
    assert!(error.construct().contains("spliced CTE"), "{error}");
}

// The statement has no CYCLE of its own: the renderer must learn of the item's to refuse
// reading its emulated columns with `*`.
#[test]
fn a_cycle_clause_of_a_spliced_cte_is_seen_when_rendering() {
    use catalog::guarded;
    let q = select! { WITH {guarded} SELECT * FROM guarded };
    for dialect in [Dialect::MySql, Dialect::MariaDb, Dialect::Sqlite] {
        let error = q.render(dialect).unwrap_err();
        assert!(
            error.construct().contains("SEARCH or CYCLE"),
            "{dialect}: {error}"
        );
    }
}

#[test]
fn a_spliced_query_renders_once_per_call_site_and_dialect() {
    let make =
        |n: i64| select! { WITH {catalog::leaves} SELECT l.id FROM leaves l WHERE l.id > {n} };
    let (a, b) = (make(1), make(2));
    let (ra, rb) = (
        a.render(Dialect::MySql).unwrap(),
        b.render(Dialect::MySql).unwrap(),
    );
    assert!(std::ptr::eq(ra.sql(), rb.sql()));
    assert_eq!(rb.params(), &[Value::I64(2)]);
}

#[test]
fn a_spliced_cte_never_reads_a_cte_of_the_query_in_place_of_its_table() {
    // `leaves` reads the table `category`; here `category` would be the query's own CTE.
    let q = select! {
        WITH category AS (SELECT 1 AS id), {catalog::leaves}
        SELECT l.id FROM leaves l
    };
    for dialect in Dialect::ALL {
        let error = q.render(dialect).unwrap_err();
        assert!(
            error.construct().contains("reads a table named like"),
            "{error}"
        );
    }
}

#[test]
fn an_item_read_from_from_needs_no_with() {
    let mut db = Db::open("reusable_from_splice", &categories());
    let depth = 1;
    let q = select! {
        SELECT h.name FROM {catalog::hierarchy} h WHERE h.depth = {depth} ORDER BY h.name
    };
    db.select(&q).expect(rows![["drills"], ["saws"]]).check();
    let unaliased = select! {
        SELECT hierarchy.name FROM {catalog::hierarchy}
        WHERE hierarchy.depth = 2 ORDER BY hierarchy.name
    };
    db.select(&unaliased).expect(rows![["jigsaws"]]).check();
}

#[test]
fn items_read_from_from_join_subqueries_and_written_ctes() {
    let mut db = Db::open("reusable_from_splice_joins", &categories());
    let (min_depth, skip) = (1, "drills");
    let q = select! {
        WITH deep AS (SELECT h.id, h.name FROM {catalog::hierarchy} h WHERE h.depth >= {min_depth})
        SELECT d.name, h.depth
        FROM deep d
        JOIN {catalog::hierarchy} h ON h.id = d.id
        WHERE d.id IN (SELECT l.id FROM {catalog::leaves} l) AND d.name <> {skip}
        ORDER BY d.name
    };
    let sql = q.render(Dialect::Sqlite).unwrap().sql().to_owned();
    assert_eq!(
        sql.matches("hierarchy (id, name, depth) AS").count(),
        1,
        "{sql}"
    );
    assert_eq!(
        q.render(Dialect::Postgres).unwrap().params(),
        &[Value::I64(1), Value::from("drills")]
    );
    db.select(&q).expect(rows![["jigsaws", 2]]).check();
}
