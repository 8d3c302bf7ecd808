//! Joins between CTEs: USING, RIGHT, FULL and LATERAL, which not every engine has.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, NULL};

/// Teams 1..3 and members; team 3 has nobody, member "zed" has no team.
fn teams() -> Vec<Table> {
    vec![
        table!(team(id: Int, title: Text) key(id)).rows([
            values![1, "core"],
            values![2, "docs"],
            values![3, "ops"],
        ]),
        table!(member(id: Int, name: Text, team_id: Int, score: Int) key(id)).rows([
            values![1, "ann", 1, 7],
            values![2, "bo", 1, 9],
            values![3, "cid", 2, 4],
            values![4, "zed", 9, 5],
        ]),
    ]
}

#[test]
fn join_using_between_ctes() {
    let mut db = Db::open("join_using", &teams());
    let q = select! {
        WITH t(team_id, title) AS (SELECT id, title FROM team),
             m AS (SELECT name, team_id FROM member)
        SELECT title, name FROM t JOIN m USING (team_id) ORDER BY title, name
    };
    db.select(&q)
        .expect(rows![["core", "ann"], ["core", "bo"], ["docs", "cid"]])
        .refused(Dialect::MsSql, "JOIN ... USING")
        .check();
}

#[test]
fn left_and_right_joins() {
    let mut db = Db::open("join_left_right", &teams());
    let q = select! {
        WITH counts AS (SELECT team_id, COUNT(*) AS n FROM member GROUP BY team_id)
        SELECT t.title, COALESCE(c.n, 0) AS n
        FROM counts c RIGHT JOIN team t ON t.id = c.team_id
        ORDER BY t.title
    };
    db.select(&q)
        .expect(rows![["core", 2], ["docs", 1], ["ops", 0]])
        .check();
}

/// MariaDB has no FULL JOIN.
#[test]
fn full_join_of_two_ctes() {
    let mut db = Db::open("join_full", &teams());
    let q = select! {
        WITH t AS (SELECT id, title FROM team),
             m AS (SELECT name, team_id FROM member)
        SELECT t.id, m.name FROM t FULL JOIN m ON m.team_id = t.id
        ORDER BY COALESCE(t.id, m.team_id), m.name
    };
    db.select(&q)
        .expect(rows![
            [1, "ann"],
            [1, "bo"],
            [2, "cid"],
            [3, NULL],
            [NULL, "zed"]
        ])
        .refused_by(&[Dialect::MariaDb, Dialect::MySql], "FULL JOIN")
        .check();
}

/// The best member per team: LATERAL on PostgreSQL and MySQL; SQLite and MariaDB have none.
#[test]
fn lateral_best_member_per_team() {
    let mut db = Db::open("join_lateral", &teams());
    let q = select! {
        WITH t AS (SELECT id, title FROM team)
        SELECT t.title, best.name
        FROM t JOIN LATERAL (
            SELECT m.name FROM member m WHERE m.team_id = t.id ORDER BY m.score DESC LIMIT 1
        ) AS best ON TRUE
        ORDER BY t.title
    };
    db.select(&q)
        .expect(rows![["core", "bo"], ["docs", "cid"]])
        .refused_by(&[Dialect::Sqlite, Dialect::MariaDb], "LATERAL")
        .check();
}

/// `JOIN` without a condition pairs every row with every row, as MySQL and SQLite read it; the
/// engines that want a condition get `ON TRUE`. The WHERE filters the pairs, as an ON would.
#[test]
fn join_without_a_condition_is_every_pair() {
    let mut db = Db::open("join_without_on", &teams());
    let q = select! {
        WITH RECURSIVE ranks(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM ranks r JOIN team t WHERE t.id = 1 AND r.n < 3)
        SELECT t.title, r.n FROM team t INNER JOIN ranks r WHERE r.n <= t.id ORDER BY t.title, r.n
    };
    db.select(&q)
        .expect(rows![
            ["core", 1],
            ["docs", 1],
            ["docs", 2],
            ["ops", 1],
            ["ops", 2],
            ["ops", 3],
        ])
        .check();
}
