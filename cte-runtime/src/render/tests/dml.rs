use super::build::*;
use super::{assert_error, assert_sql, sql};
use crate::tree::*;
use crate::Dialect::*;

fn recent() -> Cte {
    cte(
        "recent",
        vec!["id"],
        sq(Select {
            selection: Some(bin(col("at"), BinaryOp::Gt, param(0))),
            ..select(vec![item(col("id"))], vec![table("events")])
        }),
    )
}

fn in_recent() -> Expr {
    Expr::InSubquery {
        expr: leak(col("id")),
        subquery: leak(sq(select(vec![item(col("id"))], vec![table("recent")]))),
        negated: false,
    }
}

#[test]
fn insert_with() {
    let stmt = Statement::Insert(Insert {
        with: with(false, vec![recent()]),
        table: name("archive"),
        columns: list(vec![id("id")]),
        source: leak(sq(select(vec![item(col("id"))], vec![table("recent")]))),
        on_conflict: None,
        returning: &[],
    });
    let cte = "recent (id) AS (SELECT id FROM events WHERE at > ?)";
    assert_sql(
        &stmt,
        &[
            (
                Postgres,
                &format!("WITH {cte} INSERT INTO archive (id) SELECT id FROM recent")
                    .replace('?', "$1"),
            ),
            (
                Sqlite,
                &format!("WITH {cte} INSERT INTO archive (id) SELECT id FROM recent"),
            ),
            (
                MySql,
                &format!("INSERT INTO archive (id) WITH {cte} SELECT id FROM recent"),
            ),
            (
                MariaDb,
                &format!("INSERT INTO archive (id) WITH {cte} SELECT id FROM recent"),
            ),
            (
                MsSql,
                &format!("WITH {cte} INSERT INTO archive (id) SELECT id FROM recent")
                    .replace('?', "@P1"),
            ),
        ],
    );
}

#[test]
fn insert_values_and_returning() {
    let stmt = Statement::Insert(Insert {
        with: None,
        table: name("t"),
        columns: list(vec![id("a"), id("b")]),
        source: leak(qe(SetExpr::Values(list(vec![list(vec![
            int("1"),
            boolean(true),
        ])])))),
        on_conflict: None,
        returning: list(vec![item(col("a"))]),
    });
    assert_eq!(
        sql(&stmt, Postgres),
        "INSERT INTO t (a, b) VALUES (1, TRUE) RETURNING a"
    );
    assert_eq!(
        sql(&stmt, MariaDb),
        "INSERT INTO t (a, b) VALUES (1, TRUE) RETURNING a"
    );
    assert_error(&stmt, MySql, "RETURNING");
    assert_error(&stmt, MsSql, "RETURNING");
}

#[test]
fn delete_with() {
    let stmt = Statement::Delete(Delete {
        with: with(false, vec![recent()]),
        table: name("events"),
        alias: None,
        using: &[],
        selection: Some(in_recent()),
        returning: &[],
    });
    let cte = "recent (id) AS (SELECT id FROM events WHERE at > ?)";
    assert_sql(
        &stmt,
        &[
            (
                MySql,
                &format!("WITH {cte} DELETE FROM events WHERE id IN (SELECT id FROM recent)"),
            ),
            (
                MariaDb,
                &format!(
                    "DELETE FROM events WHERE id IN (SELECT id FROM (WITH {cte} SELECT * FROM \
                     recent) AS recent)"
                ),
            ),
        ],
    );
}

#[test]
fn update_from() {
    let stmt = Statement::Update(Update {
        with: with(false, vec![recent()]),
        table: name("users"),
        alias: Some(id("u")),
        assignments: list(vec![Assignment {
            column: id("active"),
            value: boolean(true),
        }]),
        from: list(vec![table_as("recent", "r")]),
        selection: Some(eq(col("r.id"), col("u.id"))),
        returning: &[],
    });
    let cte = "recent (id) AS (SELECT id FROM events WHERE at > ?)";
    assert_sql(
        &stmt,
        &[
            (
                Postgres,
                &format!(
                    "WITH {cte} UPDATE users AS u SET active = TRUE FROM recent AS r \
                     WHERE r.id = u.id"
                )
                .replace('?', "$1"),
            ),
            (
                Sqlite,
                &format!(
                    "WITH {cte} UPDATE users AS u SET active = TRUE FROM recent AS r \
                     WHERE r.id = u.id"
                ),
            ),
            (
                MySql,
                &format!(
                    "WITH {cte} UPDATE users AS u, recent AS r SET u.active = TRUE \
                     WHERE r.id = u.id"
                ),
            ),
            (
                MariaDb,
                &format!(
                    "UPDATE users AS u, (WITH {cte} SELECT * FROM recent) AS r \
                     SET u.active = TRUE WHERE r.id = u.id"
                ),
            ),
            (
                MsSql,
                &format!(
                    "WITH {cte} UPDATE u SET active = 1 FROM users AS u, recent AS r \
                     WHERE r.id = u.id"
                )
                .replace('?', "@P1"),
            ),
        ],
    );
}

#[test]
fn delete_with_alias() {
    let stmt = Statement::Delete(Delete {
        with: None,
        table: name("t"),
        alias: Some(id("x")),
        using: &[],
        selection: Some(eq(col("x.id"), int("1"))),
        returning: &[],
    });
    assert_eq!(sql(&stmt, Postgres), "DELETE FROM t AS x WHERE x.id = 1");
    assert_eq!(sql(&stmt, MariaDb), "DELETE x FROM t AS x WHERE x.id = 1");
    assert_eq!(sql(&stmt, MsSql), "DELETE x FROM t AS x WHERE x.id = 1");
}

#[test]
fn data_modifying_cte_only_on_postgres() {
    let moved = Cte {
        body: leak(Statement::Delete(Delete {
            with: None,
            table: name("t"),
            alias: None,
            using: &[],
            selection: None,
            returning: list(vec![SelectItem::Wildcard]),
        })),
        ..cte("gone", vec![], sq(select(vec![], vec![])))
    };
    let stmt = Statement::Insert(Insert {
        with: with(false, vec![moved]),
        table: name("archive"),
        columns: &[],
        source: leak(sq(select(vec![SelectItem::Wildcard], vec![table("gone")]))),
        on_conflict: None,
        returning: &[],
    });
    assert_eq!(
        sql(&stmt, Postgres),
        "WITH gone AS (DELETE FROM t RETURNING *) INSERT INTO archive SELECT * FROM gone"
    );
    for d in [MySql, MariaDb, Sqlite, MsSql] {
        assert_error(&stmt, d, "INSERT, UPDATE or DELETE inside WITH");
    }
}
