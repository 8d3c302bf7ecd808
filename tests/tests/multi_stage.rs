//! Non-recursive CTEs in stages: chains, a CTE read twice, column lists, VALUES bodies,
//! nested WITH with shadowing, set operations and window functions over CTE output.

use cte_runtime::{select, Dialect};
use cte_tests::{rows, table, values, Db, Table, NULL};

/// Regional totals: north 300, south 160, east 325.50. Monthly: 230, 470, 85.50.
fn sales() -> Vec<Table> {
    vec![
        table!(sales(id: Int, region: Text, rep: Text, month: Int, amount: Decimal(10, 2)) key(id))
            .rows([
                values![1, "north", "ann", 1, "100.00"],
                values![2, "north", "ann", 2, "150.00"],
                values![3, "north", "bo", 1, "50.00"],
                values![4, "south", "cid", 1, "80.00"],
                values![5, "south", "cid", 2, "20.00"],
                values![6, "east", "dan", 2, "300.00"],
                values![7, "east", "eli", 3, "25.50"],
                values![8, "south", "cid", 3, "60.00"],
            ]),
    ]
}

#[test]
fn three_stages_regions_above_the_average() {
    let mut db = Db::open("multi_three_stages", &sales());
    let q = select! {
        WITH totals AS (
            SELECT region, SUM(amount) AS total FROM sales GROUP BY region
        ),
        average AS (
            SELECT AVG(total) AS a FROM totals
        ),
        above AS (
            SELECT t.region, t.total FROM totals t JOIN average v ON t.total > v.a
        )
        SELECT region, total FROM above ORDER BY region
    };
    db.select(&q)
        .expect(rows![["east", 325.5], ["north", 300]])
        .check();
}

#[test]
fn one_cte_read_twice_month_over_month() {
    let mut db = Db::open("multi_read_twice", &sales());
    let q = select! {
        WITH monthly AS (
            SELECT month, SUM(amount) AS total FROM sales GROUP BY month
        )
        SELECT cur.month, cur.total, prev.total AS prev_total
        FROM monthly cur LEFT JOIN monthly prev ON prev.month = cur.month - 1
        ORDER BY cur.month
    };
    db.select(&q)
        .expect(rows![[1, 230, NULL], [2, 470, 230], [3, 85.5, 470]])
        .check();
}

#[test]
fn nested_with_shadows_the_outer_cte() {
    let mut db = Db::open("multi_shadowing", &sales());
    let q = select! {
        WITH totals AS (
            SELECT region, SUM(amount) AS total FROM sales GROUP BY region
        )
        SELECT t.region, t.total, x.reps
        FROM totals t
        JOIN (
            WITH totals AS (
                SELECT region, COUNT(DISTINCT rep) AS reps FROM sales GROUP BY region
            )
            SELECT region, reps FROM totals
        ) AS x ON x.region = t.region
        ORDER BY t.region
    };
    db.select(&q)
        .expect(rows![
            ["east", 325.5, 2],
            ["north", 300, 2],
            ["south", 160, 1]
        ])
        .check();
}

#[test]
fn with_inside_a_scalar_subquery() {
    let mut db = Db::open("multi_scalar_with", &sales());
    let q = select! {
        SELECT id, amount FROM sales
        WHERE amount > (
            WITH stats AS (SELECT AVG(amount) AS mean FROM sales)
            SELECT mean FROM stats
        )
        ORDER BY id
    };
    // The mean is 785.50 / 8 = 98.1875.
    db.select(&q)
        .expect(rows![[1, 100], [2, 150], [6, 300]])
        .check();
}

#[test]
fn cte_column_lists_rename_the_output() {
    let mut db = Db::open("multi_column_list", &sales());
    let q = select! {
        WITH r(region_name, n, total) AS (
            SELECT region, COUNT(*), SUM(amount) FROM sales GROUP BY region
        )
        SELECT region_name, n, total FROM r WHERE n >= 2 ORDER BY region_name
    };
    db.select(&q)
        .expect(rows![
            ["east", 2, 325.5],
            ["north", 3, 300],
            ["south", 3, 160]
        ])
        .check();
}

#[test]
fn materialized_hints() {
    let mut db = Db::open("multi_materialized", &sales());
    let q = select! {
        WITH big AS MATERIALIZED (
            SELECT id, amount FROM sales WHERE amount >= 100
        ),
        small AS NOT MATERIALIZED (
            SELECT id FROM sales WHERE amount < 30
        )
        SELECT (SELECT COUNT(*) FROM big) AS big_n, (SELECT COUNT(*) FROM small) AS small_n
    };
    db.select(&q).expect(rows![[3, 2]]).check();
}

#[test]
fn values_as_a_cte_body() {
    let mut db = Db::open("multi_values_body", &sales());
    let q = select! {
        WITH goal(region, target) AS (
            VALUES ("north", 250), ("south", 200), ("east", 300)
        ),
        actual AS (
            SELECT region, SUM(amount) AS total FROM sales GROUP BY region
        )
        SELECT g.region, g.target, a.total,
               CASE WHEN a.total >= g.target THEN "met" ELSE "missed" END AS status
        FROM goal g JOIN actual a ON a.region = g.region
        ORDER BY g.region
    };
    db.select(&q)
        .expect(rows![
            ["east", 300, 325.5, "met"],
            ["north", 250, 300, "met"],
            ["south", 200, 160, "missed"],
        ])
        .check();
}

#[test]
fn intersect_and_except_of_two_ctes() {
    let mut db = Db::open("multi_set_ops", &sales());
    let both = select! {
        WITH m1 AS (SELECT rep FROM sales WHERE month = 1),
             m2 AS (SELECT rep FROM sales WHERE month = 2)
        SELECT rep FROM m1 INTERSECT SELECT rep FROM m2
        ORDER BY rep
    };
    db.select(&both).expect(rows![["ann"], ["cid"]]).check();

    let only_first = select! {
        WITH m1 AS (SELECT rep FROM sales WHERE month = 1),
             m2 AS (SELECT rep FROM sales WHERE month = 2)
        SELECT rep FROM m1 EXCEPT SELECT rep FROM m2
        ORDER BY rep
    };
    db.select(&only_first).expect(rows![["bo"]]).check();
}

#[test]
fn window_functions_over_cte_output() {
    let mut db = Db::open("multi_window", &sales());
    let q = select! {
        WITH ranked AS (
            SELECT region, rep, amount,
                   ROW_NUMBER() OVER (PARTITION BY region ORDER BY amount DESC, id) AS rn,
                   SUM(amount) OVER (
                       PARTITION BY region ORDER BY id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                   ) AS running
            FROM sales
        )
        SELECT region, rep, amount, rn, running FROM ranked WHERE rn <= 2
        ORDER BY region, rn
    };
    db.select(&q)
        .expect(rows![
            ["east", "dan", 300, 1, 300],
            ["east", "eli", 25.5, 2, 325.5],
            ["north", "ann", 150, 1, 250],
            ["north", "ann", 100, 2, 100],
            ["south", "cid", 80, 1, 80],
            ["south", "cid", 60, 2, 160],
        ])
        .check();
}

/// A GROUPS frame: PostgreSQL and SQLite have it; MariaDB, MySQL and SQL Server do not.
#[test]
fn groups_window_frame() {
    let mut db = Db::open("multi_groups_frame", &sales());
    let q = select! {
        WITH m AS (SELECT month, amount FROM sales)
        SELECT DISTINCT month,
               SUM(amount) OVER (ORDER BY month GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS two_months
        FROM m
        ORDER BY month
    };
    db.select(&q)
        .expect(rows![[1, 230], [2, 700], [3, 555.5]])
        .refused_by(
            &[Dialect::MariaDb, Dialect::MySql, Dialect::MsSql],
            "GROUPS",
        )
        .check();
}
