//! Typed rows through each driver's `cte_fetch_*` methods, on real engines: `select_as!` rows
//! read into the same structs on SQLite, PostgreSQL and MariaDB, where the engines send
//! different column types (an int4 or a BIGINT, a NUMERIC, DECIMAL or REAL average), and the
//! rows `select!` generates from the crate's schema.

mod support;

use cte_runtime::{select, select_as, Dialect, DriverError, TypedQuery};
use support::{MARIADB, POSTGRES, SQLITE};

#[derive(Debug, PartialEq)]
struct Chart {
    id: i64,
    name: String,
    depth: i64,
}

#[derive(Debug, PartialEq)]
struct Team {
    manager_id: Option<i64>,
    reports: i64,
    total: i64,
    mean: f64,
}

#[derive(Debug, PartialEq)]
struct Pair {
    name: String,
    boss: Option<String>,
}

#[derive(Debug, PartialEq)]
struct Narrow {
    id: u8,
    manager_id: i16,
}

/// A row whose types come from the schema's inference: each `Option` is a column that can be
/// NULL, each plain type one that cannot (the crate names its schema in Cargo.toml).
#[derive(Debug, PartialEq)]
struct Walk {
    id: i64,
    /// The anchor's `0` is NOT NULL, the recursive member's `manager_id` is not.
    boss: Option<i64>,
    depth: i64,
    /// `a + b` of NOT NULL columns.
    above: i64,
    /// A `COUNT(*)` behind a LEFT JOIN: NULL where nobody reports.
    reports: Option<i64>,
    /// A NOT NULL name behind a second LEFT JOIN.
    peer: Option<String>,
}

fn walk() -> TypedQuery<Walk> {
    select_as!(Walk,
        WITH RECURSIVE walk (id, boss, depth) AS (
            SELECT id, 0, 0 FROM employee WHERE manager_id IS NULL
            UNION ALL
            SELECT e.id, e.manager_id, w.depth + 1 FROM employee AS e JOIN walk AS w ON e.manager_id = w.id
        ),
        counts (manager_id, n) AS (SELECT manager_id, COUNT(*) FROM employee GROUP BY manager_id)
        SELECT w.id, w.boss, w.depth, w.id + w.depth AS above, c.n AS reports, p.name AS peer
        FROM walk AS w
        LEFT JOIN counts AS c ON c.manager_id = w.id
        LEFT JOIN employee AS p ON p.id = w.id + 1 AND p.manager_id = w.boss
        WHERE (SELECT COUNT(*) FROM walk) > 0
        ORDER BY w.id
    )
}

fn expected_walk() -> Vec<Walk> {
    let rows = [
        (1, Some(0), 0, 1, Some(2), None),
        (2, Some(1), 1, 3, Some(1), Some("Edsger")),
        (3, Some(1), 1, 4, None, None),
        (4, Some(2), 2, 6, Some(2), None),
        (5, Some(4), 3, 8, None, Some("Dennis")),
        (6, Some(4), 3, 9, None, None),
    ];
    rows.into_iter()
        .map(|(id, boss, depth, above, reports, peer)| Walk {
            id,
            boss,
            depth,
            above,
            reports,
            peer: peer.map(str::to_owned),
        })
        .collect()
}

/// [`walk`] written with `select!`: the crate has a schema, so its rows are a struct the macro
/// generates, one field per output column, typed by the inference. (A macro, since the
/// generated struct has no name a function could return.)
macro_rules! generated_walk {
    () => {
        select! {
            WITH RECURSIVE walk (id, boss, depth) AS (
                SELECT id, 0, 0 FROM employee WHERE manager_id IS NULL
                UNION ALL
                SELECT e.id, e.manager_id, w.depth + 1 FROM employee AS e JOIN walk AS w ON e.manager_id = w.id
            ),
            counts (manager_id, n) AS (SELECT manager_id, COUNT(*) FROM employee GROUP BY manager_id)
            SELECT w.id, w.boss, w.depth, w.id + w.depth AS above, c.n AS reports, p.name AS peer
            FROM walk AS w
            LEFT JOIN counts AS c ON c.manager_id = w.id
            LEFT JOIN employee AS p ON p.id = w.id + 1 AND p.manager_id = w.boss
            WHERE (SELECT COUNT(*) FROM walk) > 0
            ORDER BY w.id
        }
    };
}

/// The generated rows of [`generated_walk`] as [`Walk`]s. Each field moves into a field of
/// the type the schema must give it, so a generated field of another type (a `boss` that is
/// not an `Option`) does not compile.
macro_rules! as_walks {
    ($rows:expr) => {{
        let rows = $rows;
        assert_eq!(rows.clone(), rows, "generated rows are Clone and PartialEq");
        rows.into_iter()
            .map(|r| Walk {
                id: r.id,
                boss: r.boss,
                depth: r.depth,
                above: r.above,
                reports: r.reports,
                peer: r.peer,
            })
            .collect::<Vec<Walk>>()
    }};
}

/// Ken's chain of managers upward: `boss` is NOT NULL in the anchor (a COALESCE) and nullable
/// in the recursive member (a table's nullable column), so its field is an `Option`, and the
/// member really reads a NULL: Ada has no manager.
macro_rules! generated_bosses {
    () => {
        select! {
            WITH RECURSIVE up (id, boss) AS (
                SELECT id, COALESCE(manager_id, 0) FROM employee WHERE id = 5
                UNION ALL
                SELECT e.id, e.manager_id FROM employee AS e JOIN up ON e.id = up.boss
            )
            SELECT id, boss FROM up ORDER BY id DESC
        }
    };
}

macro_rules! check_bosses {
    ($rows:expr) => {{
        let bosses: Vec<(i64, Option<i64>)> = $rows.into_iter().map(|r| (r.id, r.boss)).collect();
        assert_eq!(
            bosses,
            [(5, Some(4)), (4, Some(2)), (2, Some(1)), (1, None)]
        );
    }};
}

/// Every employee through `*`: the generated row has the table's columns, `manager_id` an
/// `Option` (Ada's is NULL).
macro_rules! generated_staff {
    () => {
        select! { SELECT * FROM employee WHERE id <= 2 ORDER BY id }
    };
}

macro_rules! check_staff {
    ($rows:expr) => {{
        let rows = $rows;
        assert_eq!(
            format!("{:?}", rows[0]),
            r#"Row { id: 1, name: "Ada", manager_id: None }"#
        );
        let staff: Vec<(i64, String, Option<i64>)> = rows
            .into_iter()
            .map(|r| (r.id, r.name, r.manager_id))
            .collect();
        assert_eq!(
            staff,
            [
                (1, "Ada".to_owned(), None),
                (2, "Grace".to_owned(), Some(1))
            ]
        );
    }};
}

fn chart() -> TypedQuery<Chart> {
    select_as!(Chart,
        WITH RECURSIVE chart (id, name, depth) AS (
            SELECT id, name, 0 FROM employee WHERE manager_id IS NULL
            UNION ALL
            SELECT e.id, e.name, c.depth + 1 FROM employee AS e JOIN chart AS c ON e.manager_id = c.id
        )
        SELECT id, name, depth FROM chart ORDER BY depth, id
    )
}

fn teams() -> TypedQuery<Team> {
    select_as!(Team,
        SELECT manager_id, COUNT(*) AS reports, SUM(id) AS total, AVG(id) AS mean
        FROM employee WHERE manager_id IS NOT NULL GROUP BY manager_id ORDER BY manager_id
    )
}

fn pairs() -> TypedQuery<Pair> {
    select_as!(Pair,
        SELECT e.name, m.name AS boss FROM employee AS e LEFT JOIN employee AS m ON m.id = e.manager_id
        WHERE e.id <= 2 ORDER BY e.id
    )
}

/// Lists bound as parameters: one array on PostgreSQL, a placeholder per value elsewhere, each
/// value checked against the schema's column type.
fn listed(ids: &[Option<i64>], names: &[&str]) -> TypedQuery<Chart> {
    select_as!(Chart,
        SELECT id, name, 0 AS depth FROM employee
        WHERE id IN {ids} AND name NOT IN {names} ORDER BY id
    )
}

/// The ids of `listed`'s rows.
fn ids(rows: Vec<Chart>) -> Vec<i64> {
    rows.into_iter().map(|c| c.id).collect()
}

fn by_id(id: i64) -> TypedQuery<Chart> {
    select_as!(Chart, SELECT id, name, 0 AS depth FROM employee WHERE id = {id})
}

/// A NULL where the row type has an `i16`. The schema makes `manager_id` nullable, so reading
/// it into an `i16` does not compile; a parameter's type is not known to the macros, so a NULL
/// one reaches the row and fails there.
fn narrow() -> TypedQuery<Narrow> {
    let nothing: Option<i64> = None;
    select_as!(Narrow, SELECT id, {nothing} AS manager_id FROM employee ORDER BY id)
}

fn expected_chart() -> Vec<Chart> {
    [
        (1, "Ada", 0),
        (2, "Grace", 1),
        (3, "Edsger", 1),
        (4, "Barbara", 2),
        (5, "Ken", 3),
        (6, "Dennis", 3),
    ]
    .into_iter()
    .map(|(id, name, depth)| Chart {
        id,
        name: name.to_owned(),
        depth,
    })
    .collect()
}

fn expected_teams() -> Vec<Team> {
    vec![
        Team {
            manager_id: Some(1),
            reports: 2,
            total: 5,
            mean: 2.5,
        },
        Team {
            manager_id: Some(2),
            reports: 1,
            total: 4,
            mean: 4.0,
        },
        Team {
            manager_id: Some(4),
            reports: 2,
            total: 11,
            mean: 5.5,
        },
    ]
}

fn expected_pairs() -> Vec<Pair> {
    vec![
        Pair {
            name: "Ada".into(),
            boss: None,
        },
        Pair {
            name: "Grace".into(),
            boss: Some("Ada".into()),
        },
    ]
}

/// The checks every driver passes, each `fetch_*` given as an expression of `q`.
macro_rules! check_typed_rows {
    (
        all: |$all_q:ident| $all:expr,
        one: |$one_q:ident| $one:expr,
        optional: |$opt_q:ident| $opt:expr $(,)?
    ) => {{
        let fetched = {
            let $all_q = &chart();
            $all
        }
        .expect("chart");
        assert_eq!(fetched, expected_chart());
        let fetched = {
            let $all_q = &teams();
            $all
        }
        .expect("teams");
        assert_eq!(fetched, expected_teams());
        let fetched = {
            let $all_q = &pairs();
            $all
        }
        .expect("pairs");
        assert_eq!(fetched, expected_pairs());
        let fetched = {
            let $all_q = &walk();
            $all
        }
        .expect("walk");
        assert_eq!(fetched, expected_walk());
        // The same query through `select!`, into the struct it generates.
        let fetched = {
            let $all_q = &generated_walk!();
            $all
        }
        .expect("generated walk");
        assert_eq!(as_walks!(fetched), expected_walk());
        let fetched = {
            let $all_q = &generated_staff!();
            $all
        }
        .expect("generated staff");
        check_staff!(fetched);
        let fetched = {
            let $all_q = &generated_bosses!();
            $all
        }
        .expect("generated bosses");
        check_bosses!(fetched);

        // Lists: with values, with a NULL, of only NULLs, and empty.
        for (list, names, expected) in [
            (
                &[Some(1), Some(3), Some(4), Some(9)][..],
                &["Edsger"][..],
                vec![1, 4],
            ),
            (&[Some(6), None][..], &[][..], vec![6]),
            (&[None, None][..], &[][..], vec![]),
            (&[][..], &["Ada"][..], vec![]),
        ] {
            let fetched = {
                let $all_q = &listed(list, names);
                $all
            }
            .expect("listed");
            assert_eq!(ids(fetched), expected, "{list:?} {names:?}");
        }

        let one = {
            let $one_q = &by_id(3);
            $one
        }
        .expect("Edsger");
        assert_eq!(one.name, "Edsger");
        let none = {
            let $one_q = &by_id(99);
            $one
        }
        .unwrap_err();
        assert!(matches!(none, DriverError::NoRows), "{none}");
        assert_eq!(
            none.to_string(),
            "the query returned no row, where one was expected"
        );
        let some = {
            let $opt_q = &by_id(4);
            $opt
        }
        .expect("Barbara");
        assert_eq!(some.map(|c| c.name).as_deref(), Some("Barbara"));
        let none = {
            let $opt_q = &by_id(99);
            $opt
        }
        .expect("nobody");
        assert_eq!(none, None);

        // A NULL where the row type has no Option is an error naming the column.
        let e = {
            let $all_q = &narrow();
            $all
        }
        .unwrap_err();
        let DriverError::Row(row) = &e else {
            panic!("not a row error: {e}");
        };
        assert_eq!(row.column(), Some(("manager_id", 1)));
        assert_eq!(
            e.to_string(),
            "column 1 (`manager_id`): NULL Value cannot be read as i16: it is not an integer"
        );
    }};
}

#[test]
fn rusqlite_reads_typed_rows() {
    use cte_runtime::rusqlite::ConnectionExt;

    let conn = rusqlite::Connection::open_in_memory().expect("SQLite in memory");
    conn.execute_batch(&format!(
        "{}; {}",
        support::employee_ddl(""),
        support::EMPLOYEE_ROWS
    ))
    .expect("org chart fixture");
    check_typed_rows!(
        all: |q| conn.cte_fetch_all(q),
        one: |q| conn.cte_fetch_one(q),
        optional: |q| conn.cte_fetch_optional(q),
    );
    // Rows read as SQLite steps to them.
    let q = chart();
    let streamed: Vec<Chart> = conn.cte_fetch(&q, |rows| rows.collect()).expect("chart");
    assert_eq!(streamed, expected_chart());
    let q = chart();
    let first_two = conn
        .cte_fetch(&q, |rows| {
            rows.take(2)
                .map(|c| Ok(c?.name))
                .collect::<Result<Vec<_>, _>>()
        })
        .expect("chart");
    assert_eq!(first_two, ["Ada", "Grace"]);
    // Generated rows read one at a time, and those of a statement's RETURNING.
    let q = generated_walk!();
    let streamed = conn
        .cte_fetch(&q, |rows| rows.collect::<Result<Vec<_>, _>>())
        .expect("generated walk");
    assert_eq!(as_walks!(streamed), expected_walk());
    let q =
        select! { INSERT INTO employee (id, name) VALUES (7, "Frances") RETURNING id, manager_id };
    let inserted = conn.cte_fetch_one(&q).expect("Frances");
    let _: Option<i64> = inserted.manager_id;
    assert_eq!((inserted.id, inserted.manager_id), (7, None));
    support::record_run(SQLITE, "rusqlite_reads_typed_rows");
}

#[test]
fn postgres_reads_typed_rows() {
    use cte_runtime::postgres::ClientExt;

    let Some(mut client) = support::postgres_org_chart() else {
        return;
    };
    check_typed_rows!(
        all: |q| client.cte_fetch_all(q),
        one: |q| client.cte_fetch_one(q),
        optional: |q| client.cte_fetch_optional(q),
    );
    // Rows read as they arrive.
    let q = chart();
    let streamed: Vec<Chart> = client
        .cte_fetch(&q)
        .expect("chart")
        .collect::<Result<_, _>>()
        .expect("every row");
    assert_eq!(streamed, expected_chart());
    support::record_run(POSTGRES.name, "postgres_reads_typed_rows");
}

#[test]
fn mysql_reads_typed_rows_on_mariadb() {
    use cte_runtime::mysql::QueryableExt;
    use mysql::prelude::Queryable;

    let Some(mut conn) = support::mariadb() else {
        return;
    };
    conn.query_drop(support::employee_ddl("TEMPORARY"))
        .expect("org chart table");
    conn.query_drop(support::EMPLOYEE_ROWS)
        .expect("org chart rows");
    let dialect = Dialect::MariaDb;
    check_typed_rows!(
        all: |q| conn.cte_fetch_all(q, dialect),
        one: |q| conn.cte_fetch_one(q, dialect),
        optional: |q| conn.cte_fetch_optional(q, dialect),
    );
    // Rows read as they come from the connection, and the connection free again after an
    // iterator dropped half-way.
    let q = chart();
    let streamed: Vec<Chart> = conn
        .cte_fetch(&q, dialect)
        .expect("chart")
        .collect::<Result<_, _>>()
        .expect("every row");
    assert_eq!(streamed, expected_chart());
    let first = conn.cte_fetch(&q, dialect).expect("chart").next();
    assert_eq!(first.map(|c| c.expect("Ada").name).as_deref(), Some("Ada"));
    let again = conn.cte_fetch_all(&q, dialect).expect("chart again");
    assert_eq!(again, expected_chart());
    support::record_run(MARIADB.name, "mysql_reads_typed_rows_on_mariadb");
}

#[tokio::test]
async fn tokio_postgres_reads_typed_rows() {
    use cte_runtime::tokio_postgres::ClientExt;
    use futures_util::TryStreamExt;

    let Some(client) = support::tokio_postgres_org_chart().await else {
        return;
    };
    check_typed_rows!(
        all: |q| client.cte_fetch_all(q).await,
        one: |q| client.cte_fetch_one(q).await,
        optional: |q| client.cte_fetch_optional(q).await,
    );
    let q = chart();
    let streamed: Vec<Chart> = client
        .cte_fetch(&q)
        .await
        .expect("chart")
        .try_collect()
        .await
        .expect("every row");
    assert_eq!(streamed, expected_chart());
    support::record_run(POSTGRES.name, "tokio_postgres_reads_typed_rows");
}

/// A sqlx connection to `url` with the org chart, its table `temporary` or not.
async fn sqlx_org_chart<C: sqlx::Connection>(url: &str, temporary: &str) -> Result<C, sqlx::Error>
where
    for<'c> &'c mut C: sqlx::Executor<'c>,
{
    use sqlx::Executor;

    let mut conn = C::connect(url).await?;
    conn.execute(sqlx::AssertSqlSafe(support::employee_ddl(temporary)))
        .await?;
    conn.execute(support::EMPLOYEE_ROWS).await?;
    Ok(conn)
}

/// The typed-row checks on one sqlx connection, for `dialect`.
macro_rules! check_sqlx {
    ($conn:ident, $dialect:expr) => {{
        use cte_runtime::sqlx::ExecutorExt;
        use futures_util::TryStreamExt;

        let dialect = $dialect;
        check_typed_rows!(
            all: |q| $conn.cte_fetch_all(q, dialect).await,
            one: |q| $conn.cte_fetch_one(q, dialect).await,
            optional: |q| $conn.cte_fetch_optional(q, dialect).await,
        );
        let q = chart();
        let streamed: Vec<Chart> = $conn
            .cte_fetch(&q, dialect)
            .expect("chart")
            .try_collect()
            .await
            .expect("every row");
        assert_eq!(streamed, expected_chart());
    }};
}

#[tokio::test]
async fn sqlx_reads_typed_rows_on_every_backend() {
    let test = "sqlx_reads_typed_rows_on_every_backend";
    let mut sqlite: sqlx::SqliteConnection = sqlx_org_chart("sqlite::memory:", "")
        .await
        .expect("SQLite in memory");
    check_sqlx!(sqlite, Dialect::Sqlite);
    support::record_run(SQLITE, test);

    if let Some(url) = support::url(&POSTGRES) {
        match sqlx_org_chart::<sqlx::PgConnection>(&url, "TEMPORARY").await {
            Ok(mut postgres) => {
                check_sqlx!(postgres, Dialect::Postgres);
                support::record_run(POSTGRES.name, test);
            }
            Err(e) => support::skip(&POSTGRES, &format!("cannot connect to {url}: {e}")),
        }
    }
    if let Some(url) = support::url(&MARIADB) {
        match sqlx_org_chart::<sqlx::MySqlConnection>(&url, "TEMPORARY").await {
            Ok(mut mariadb) => {
                check_sqlx!(mariadb, Dialect::MariaDb);
                support::record_run(MARIADB.name, test);
            }
            Err(e) => support::skip(&MARIADB, &format!("cannot connect to {url}: {e}")),
        }
    }
}
