//! Render time: `select!` queries against the same queries built and rendered by sea-query,
//! and against the floor of returning a precomputed `&'static str` and cloning the parameters.
//!
//! `cargo bench -p cte-benches --bench render`; prints a table of medians and ratios at the end,
//! and the time to decode each query's tree, which a call site does once, before its first
//! render.

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use criterion::Criterion;
use cte_runtime::{select, Dialect, Query, Value};
use sea_query::{
    CommonTableExpression, Expr, ExprTrait, Func, JoinType, MysqlQueryBuilder, Order,
    PostgresQueryBuilder, SelectStatement, SqliteQueryBuilder, UnionType, WithClause, WithQuery,
};

#[macro_use]
mod support {
    #[macro_use]
    pub mod queries;
    pub mod medians;
}

use support::medians::{format_ns, median_ns, run};

const DIALECTS: [(Dialect, &str); 3] = [
    (Dialect::Postgres, "postgres"),
    (Dialect::MySql, "mysql"),
    (Dialect::Sqlite, "sqlite"),
];

const MAX_DEPTH: i64 = 12;

fn hierarchy(max_depth: i64) -> Query {
    hierarchy!(select, max_depth)
}

fn regional_sales() -> Query {
    regional_sales!(select)
}

/// The hierarchy query as a sea-query user writes it. sea-query has no portable `||`, so the
/// path is built with CONCAT, and it binds every literal as a parameter.
fn sea_hierarchy(max_depth: i64) -> WithQuery {
    let mut anchor = SelectStatement::new()
        .column("id")
        .column("parent_id")
        .expr(Expr::val(0))
        .expr(Func::cast_as(Expr::col("name"), "TEXT"))
        .from("nodes")
        .and_where(Expr::col("parent_id").is_null())
        .to_owned();
    let recursive = SelectStatement::new()
        .column(("n", "id"))
        .column(("n", "parent_id"))
        .expr(Expr::col(("h", "depth")).add(1))
        .expr(
            Func::cust("CONCAT")
                .arg(Expr::col(("h", "path")))
                .arg("/")
                .arg(Expr::col(("n", "name"))),
        )
        .from_as("nodes", "n")
        .join_as(
            JoinType::InnerJoin,
            "hierarchy",
            "h",
            Expr::col(("n", "parent_id")).equals(("h", "id")),
        )
        .and_where(Expr::col(("h", "depth")).lt(max_depth))
        .to_owned();
    let cte = CommonTableExpression::new()
        .query(anchor.union(UnionType::All, recursive).to_owned())
        .columns(["id", "parent_id", "depth", "path"])
        .table_name("hierarchy")
        .to_owned();
    SelectStatement::new()
        .columns(["id", "parent_id", "depth", "path"])
        .from("hierarchy")
        .order_by("path", Order::Asc)
        .to_owned()
        .with(WithClause::new().recursive(true).cte(cte).to_owned())
}

fn sea_regional_sales() -> WithQuery {
    let regional_sales = CommonTableExpression::new()
        .query(
            SelectStatement::new()
                .column("region")
                .expr_as(Func::sum(Expr::col("amount")), "total_sales")
                .from("orders")
                .group_by_col("region")
                .to_owned(),
        )
        .table_name("regional_sales")
        .to_owned();
    let average_share = SelectStatement::new()
        .expr(Expr::from(Func::sum(Expr::col("total_sales"))).div(10.0))
        .from("regional_sales")
        .to_owned();
    let top_regions = CommonTableExpression::new()
        .query(
            SelectStatement::new()
                .column("region")
                .from("regional_sales")
                .and_where(Expr::col("total_sales").gt(average_share))
                .to_owned(),
        )
        .table_name("top_regions")
        .to_owned();
    let regions = SelectStatement::new()
        .column("region")
        .from("top_regions")
        .to_owned();
    SelectStatement::new()
        .columns(["region", "product"])
        .expr_as(Func::sum(Expr::col("quantity")), "product_units")
        .expr_as(Func::sum(Expr::col("amount")), "product_sales")
        .from("orders")
        .and_where(Expr::col("region").in_subquery(regions))
        .group_by_columns(["region", "product"])
        .to_owned()
        .with(
            WithClause::new()
                .cte(regional_sales)
                .cte(top_regions)
                .to_owned(),
        )
}

fn sea_render(query: &WithQuery, dialect: Dialect) -> (String, sea_query::Values) {
    match dialect {
        Dialect::Postgres => query.build(PostgresQueryBuilder),
        Dialect::MySql => query.build(MysqlQueryBuilder),
        // sea-query has no MariaDB or SQL Server builder; only the dialects in `DIALECTS` are
        // benchmarked.
        Dialect::Sqlite | Dialect::MariaDb | Dialect::MsSql => query.build(SqliteQueryBuilder),
    }
}

/// One query of the comparison: how each side builds it.
struct Case {
    name: &'static str,
    cte: fn() -> Query,
    sea: fn() -> WithQuery,
}

const CASES: [Case; 2] = [
    Case {
        name: "hierarchy",
        cte: || hierarchy(black_box(MAX_DEPTH)),
        sea: || sea_hierarchy(black_box(MAX_DEPTH)),
    },
    Case {
        name: "regional_sales",
        cte: regional_sales,
        sea: sea_regional_sales,
    },
];

/// The functions of each group, in table order.
const FUNCTIONS: [&str; 7] = [
    "floor",
    "cte_render",
    "cte_render_owned_params",
    "cte_select_and_render",
    "cte_first_render",
    "seaquery_render",
    "seaquery_build_and_render",
];

fn bench(c: &mut Criterion) {
    for case in &CASES {
        for (dialect, dialect_name) in DIALECTS {
            let mut group = c.benchmark_group(format!("render_{}_{dialect_name}", case.name));
            let query = (case.cte)();
            let rendered = query.render(dialect).expect("the query renders");
            let sql: &'static str = rendered.sql().to_owned().leak();
            let params: Vec<Value> = rendered.params().to_vec();

            group.bench_function("floor", |b| {
                b.iter(|| (black_box(sql), black_box(&params).clone()))
            });
            group.bench_function("cte_render", |b| {
                b.iter(|| {
                    let r = black_box(&query).render(black_box(dialect)).unwrap();
                    black_box((r.sql(), r.params()));
                })
            });
            group.bench_function("cte_render_owned_params", |b| {
                b.iter(|| {
                    let r = black_box(&query).render(black_box(dialect)).unwrap();
                    (r.sql(), r.into_params())
                })
            });
            group.bench_function("cte_select_and_render", |b| {
                b.iter(|| {
                    let query = (case.cte)();
                    let r = query.render(black_box(dialect)).unwrap();
                    (r.sql().len(), r.into_params())
                })
            });
            group.bench_function("cte_first_render", |b| {
                b.iter(|| {
                    cte_runtime::__private::render_uncached(black_box(&query), black_box(dialect))
                        .unwrap()
                })
            });
            let sea = (case.sea)();
            group.bench_function("seaquery_render", |b| {
                b.iter(|| sea_render(black_box(&sea), black_box(dialect)))
            });
            group.bench_function("seaquery_build_and_render", |b| {
                b.iter(|| sea_render(&(case.sea)(), black_box(dialect)))
            });
            group.finish();
        }
    }
}

/// Decoding a call site's tree, as its first render does: the median over batches, in
/// nanoseconds per decode. Not a criterion function: each decode leaks the tree it makes (in a
/// program that happens once per call site), so the number of decodes is fixed to bound the
/// memory, at about 30 MB per query.
fn decode_ns(query: &Query) -> f64 {
    const BATCH: u32 = 500;
    const BATCHES: usize = 15;
    let mut times: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..BATCH {
                assert!(cte_runtime::__private::decode_uncached(black_box(query)));
            }
            start.elapsed().as_nanos() as f64 / f64::from(BATCH)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[BATCHES / 2]
}

/// Medians of this run, and the ratios the targets speak of.
fn summary(since: SystemTime) {
    let cell = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), format_ns);
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => format!("{:.1}x", a / b),
        _ => "-".to_owned(),
    };
    println!("\nMedians");
    println!("| query | dialect | {} |", FUNCTIONS.join(" | "));
    println!("|---|---|{}", "---:|".repeat(FUNCTIONS.len()));
    let mut ratios = Vec::new();
    for case in &CASES {
        for (_, dialect_name) in DIALECTS {
            let group = format!("render_{}_{dialect_name}", case.name);
            let m: Vec<Option<f64>> = FUNCTIONS
                .iter()
                .map(|f| median_ns(&group, f, since))
                .collect();
            let cells: Vec<String> = m.iter().map(|&v| cell(v)).collect();
            println!("| {} | {dialect_name} | {} |", case.name, cells.join(" | "));
            let [floor, render, owned, select_render, first, sea_render, sea_build] = m[..] else {
                unreachable!("one median per function")
            };
            ratios.push(format!(
                "| {} | {dialect_name} | {} | {} | {} | {} | {} | {} |",
                case.name,
                ratio(render, floor),
                ratio(owned, floor),
                ratio(sea_build, render),
                ratio(sea_build, select_render),
                ratio(sea_render, render),
                ratio(sea_render, first),
            ));
        }
    }
    println!("\nRatios");
    println!(
        "| query | dialect | cte_render / floor | cte_render_owned_params / floor \
         | seaquery_build_and_render / cte_render \
         | seaquery_build_and_render / cte_select_and_render \
         | seaquery_render / cte_render | seaquery_render / cte_first_render |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for line in ratios {
        println!("{line}");
    }
    println!("\nDecode, once per call site before its first render (median of batches)");
    println!("| query | decode | cte_first_render, postgres | decode / first render |");
    println!("|---|---:|---:|---:|");
    for case in &CASES {
        let decode = decode_ns(&(case.cte)());
        let first = median_ns(
            &format!("render_{}_postgres", case.name),
            "cte_first_render",
            since,
        );
        println!(
            "| {} | {} | {} | {} |",
            case.name,
            format_ns(decode),
            cell(first),
            ratio(Some(decode), first),
        );
    }
}

fn main() {
    run(Duration::from_secs(2), bench, summary);
}
