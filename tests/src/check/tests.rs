//! The checks' own rules: what makes a check fail or count as skipped rather than pass.

use cte_runtime::{select, Dialect};

use super::{skip_or_fail, Outcome};
use crate::db::Db;
use crate::engines::{in_ci, Engine};
use crate::fixture::{Table, Type};
use crate::rows;

fn table() -> Vec<Table> {
    vec![Table::new("t").col("id", Type::Int).key(&["id"])]
}

#[test]
#[should_panic(expected = "no engine can run this check")]
fn a_check_every_engine_refuses_fails() {
    let mut db = Db::open("harness_all_refused", &table());
    let q = select! {
        WITH RECURSIVE s(n) AS (SELECT 1 UNION SELECT n + 1 FROM s WHERE n < 3)
        SELECT n FROM s
        OPTION (MAXRECURSION 10)
    };
    db.select(&q)
        .expect(rows![[1], [2], [3]])
        .refused_by(
            &[Dialect::Postgres, Dialect::MariaDb, Dialect::Sqlite],
            "MAXRECURSION",
        )
        .refused(Dialect::MsSql, "UNION")
        .check();
}

#[test]
#[should_panic(expected = "no expected rows")]
fn a_query_check_without_expected_rows_fails() {
    let mut db = Db::open("harness_no_rows", &table());
    db.select(&select! { SELECT id FROM t }).check();
}

#[test]
#[should_panic(expected = "no expected affected-row count")]
fn a_statement_check_without_a_count_fails() {
    let mut db = Db::open("harness_no_count", &table());
    let insert = select! { INSERT INTO t (id) VALUES (1) };
    db.statement(&insert, &select! { SELECT id FROM t })
        .expect(rows![[1]])
        .check();
}

#[test]
#[should_panic(expected = "affected rows differ from 2")]
fn a_statement_check_with_another_count_fails() {
    let mut db = Db::open("harness_wrong_count", &table());
    let insert = select! { INSERT INTO t (id) VALUES (1) };
    db.statement(&insert, &select! { SELECT id FROM t })
        .affected(2)
        .expect(rows![[1]])
        .check();
}

/// PostgreSQL absent, SQLite and MariaDB refusing: nothing was compared, so the check is
/// skipped (and says so), or fails under CI=true; it never passes silently.
#[test]
fn a_check_only_an_absent_engine_could_run_is_skipped() {
    let mut db = Db {
        test: "harness_absent".to_owned(),
        engines: Vec::new(),
        absent: vec![(
            Engine::Postgres,
            "CTE_TEST_POSTGRES_URL is not set".to_owned(),
        )],
        parsed: [0; Dialect::ALL.len()],
        refused: 0,
    };
    let outcomes: Vec<Option<Outcome>> = Dialect::ALL
        .iter()
        .map(|d| match d {
            Dialect::Postgres | Dialect::MySql | Dialect::MsSql => None,
            Dialect::MariaDb | Dialect::Sqlite => Some(Outcome::Refused),
        })
        .collect();
    let verdict = skip_or_fail(&db, &outcomes);
    if in_ci() {
        assert!(
            verdict.as_ref().is_err_and(|f| f.contains("under CI=true")),
            "{verdict:?}"
        );
    } else {
        assert!(
            verdict
                .as_ref()
                .is_ok_and(|w| w.contains("PostgreSQL does not run here")),
            "{verdict:?}"
        );
    }

    db.absent.clear();
    let verdict = skip_or_fail(&db, &outcomes);
    assert!(
        verdict
            .as_ref()
            .is_err_and(|f| f.contains("no engine can run")),
        "{verdict:?}"
    );
}
