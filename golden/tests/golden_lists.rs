//! The SQL of `x IN {list}` per dialect: PostgreSQL's one array parameter, the padded
//! placeholders of the others with the values they bind, the forms of an empty list and of a
//! list of only NULLs, and `to_inline_sql`. The MySQL and SQL Server texts are parsed too; the
//! engine tests (`lists.rs`) run the rest.

mod golden_support;

use cte_runtime::Dialect::{self, MariaDb, MsSql, MySql, Postgres, Sqlite};
use cte_runtime::{select, Query, Value};
use golden_support::{
    assert_parses_on_mssql, assert_parses_on_mysql, assert_refused, assert_renders,
};

fn by_ids(ids: &[i64]) -> Query {
    select! { SELECT id FROM t WHERE id IN {ids} AND id > {0} }
}

fn params(q: &Query, dialect: Dialect) -> Vec<Value> {
    q.render(dialect).expect("renders").into_params()
}

#[test]
fn three_values_are_one_array_or_four_placeholders() {
    let q = by_ids(&[7, 8, 9]);
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT id FROM t WHERE id = ANY($1) AND id > CAST($2 AS BIGINT)",
            ),
            (
                MySql,
                "SELECT id FROM t WHERE id IN (?, ?, ?, ?) AND id > ?",
            ),
            (
                MariaDb,
                "SELECT id FROM t WHERE id IN (?, ?, ?, ?) AND id > ?",
            ),
            (
                Sqlite,
                "SELECT id FROM t WHERE id IN (?, ?, ?, ?) AND id > ?",
            ),
            (
                MsSql,
                "SELECT id FROM t WHERE id IN (@P1, @P2, @P3, @P4) AND id > @P5",
            ),
        ],
    );
    let ints = |v: &[i64]| v.iter().map(|&i| Value::I64(i)).collect::<Vec<_>>();
    assert_eq!(
        params(&q, Postgres),
        vec![Value::Array(ints(&[7, 8, 9])), Value::I64(0)]
    );
    for dialect in [MySql, MariaDb, Sqlite, MsSql] {
        // The last value fills the padding.
        assert_eq!(params(&q, dialect), ints(&[7, 8, 9, 9, 0]), "{dialect}");
    }
    for dialect in [MySql, MsSql] {
        let sql = q.render(dialect).expect("renders").sql().to_owned();
        if dialect == MySql {
            assert_parses_on_mysql(&sql);
        } else {
            assert_parses_on_mssql(&sql);
        }
    }
}

/// Lengths 1 to 1,000 render as one text per power of two on each dialect, and as one text on
/// PostgreSQL: the call site caches about log2 of the longest list.
#[test]
fn a_call_site_renders_a_text_per_power_of_two() {
    for dialect in Dialect::ALL {
        let texts: std::collections::BTreeSet<String> = (1..=1000)
            .map(|n| {
                let ids: Vec<i64> = (0..n).collect();
                by_ids(&ids)
                    .render(dialect)
                    .expect("renders")
                    .sql()
                    .to_owned()
            })
            .collect();
        let expected = if dialect == Postgres { 1 } else { 11 };
        assert_eq!(texts.len(), expected, "{dialect}");
    }
}

#[test]
fn empty_lists_and_lists_of_nulls() {
    let none: Vec<i64> = Vec::new();
    let q = select! { SELECT id FROM t WHERE id IN {&none} OR id NOT IN {&none} };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT id FROM t WHERE id = ANY('{}') OR id <> ALL('{}')",
            ),
            (
                MySql,
                "SELECT id FROM t WHERE id IN (SELECT NULL FROM DUAL WHERE 1 = 0) \
                 OR id NOT IN (SELECT NULL FROM DUAL WHERE 1 = 0)",
            ),
            (
                MariaDb,
                "SELECT id FROM t WHERE id IN (SELECT NULL FROM DUAL WHERE 1 = 0) \
                 OR id NOT IN (SELECT NULL FROM DUAL WHERE 1 = 0)",
            ),
            (Sqlite, "SELECT id FROM t WHERE id IN () OR id NOT IN ()"),
            (
                MsSql,
                "SELECT id FROM t WHERE id IN (SELECT NULL WHERE 1 = 0) \
                 OR id NOT IN (SELECT NULL WHERE 1 = 0)",
            ),
        ],
    );
    for dialect in Dialect::ALL {
        assert_eq!(params(&q, dialect), vec![], "{dialect}");
    }
    assert_parses_on_mysql(q.render(MySql).expect("renders").sql());
    assert_parses_on_mssql(q.render(MsSql).expect("renders").sql());

    let nulls: Vec<Option<i64>> = vec![None, None];
    let q = select! { SELECT id FROM t WHERE id IN {&nulls} AND id > {1} };
    assert_renders(
        &q,
        &[
            (
                Postgres,
                "SELECT id FROM t WHERE id = ANY('{NULL}') AND id > CAST($1 AS BIGINT)",
            ),
            (Sqlite, "SELECT id FROM t WHERE id IN (?, ?) AND id > ?"),
            (
                MsSql,
                "SELECT id FROM t WHERE id IN (@P1, @P2) AND id > @P3",
            ),
        ],
    );
    assert_eq!(params(&q, Postgres), vec![Value::I64(1)]);
}

#[test]
fn inline_sql_writes_the_values_themselves() {
    let names = ["it's", "b"];
    let q = select! { SELECT id FROM t WHERE name NOT IN {names} };
    for (dialect, sql) in [
        (
            Postgres,
            "SELECT id FROM t WHERE name NOT IN ('it''s', 'b')",
        ),
        (Sqlite, "SELECT id FROM t WHERE name NOT IN ('it''s', 'b')"),
        (MsSql, "SELECT id FROM t WHERE name NOT IN (N'it''s', N'b')"),
    ] {
        assert_eq!(q.to_inline_sql(dialect).expect("inline"), sql, "{dialect}");
    }
    let none: [&str; 0] = [];
    let q = select! { SELECT id FROM t WHERE name IN {none} };
    assert_eq!(
        q.to_inline_sql(Postgres).expect("inline"),
        "SELECT id FROM t WHERE name = ANY('{}')"
    );
}

/// A `Value::Array` where one value goes binds only on PostgreSQL.
#[test]
fn an_array_value_binds_only_on_postgres() {
    let array = Value::Array(vec![Value::I64(1), Value::I64(2)]);
    let q = select! { SELECT id FROM t WHERE id = {&array} };
    assert_renders(&q, &[(Postgres, "SELECT id FROM t WHERE id = $1")]);
    assert_eq!(
        q.to_inline_sql(Postgres).expect("inline"),
        "SELECT id FROM t WHERE id = ARRAY[1, 2]"
    );
    assert_refused(&q, &[MySql, MariaDb, Sqlite, MsSql], "an array parameter");
}

/// Padding stops at the engine's cap on parameters, which the list itself then meets.
#[test]
fn padding_never_passes_the_parameter_cap() {
    let ids: Vec<i64> = (0..2060).collect();
    let q = by_ids(&ids);
    // 4,096 placeholders would pass SQL Server's 2,098; 2,060 and the other one do not.
    assert_eq!(params(&q, MsSql).len(), 2061);
    assert_eq!(params(&q, Sqlite).len(), 4097);
    let ids: Vec<i64> = (0..2098).collect();
    assert_refused(
        &by_ids(&ids),
        &[MsSql],
        "a statement with more than 2098 parameters",
    );
    let ids: Vec<i64> = (0..40_000).collect();
    assert_refused(
        &by_ids(&ids),
        &[Sqlite],
        "a statement with more than 32766 parameters",
    );
    assert_eq!(params(&by_ids(&ids), MariaDb).len(), 40_001);
}
