//! Execution: walking a 100,000-node tree with one recursive CTE (written with `select!` and
//! rendered), with one query per node, and with one query per level, on SQLite in process and
//! on PostgreSQL over loopback.
//!
//! `cargo bench -p cte-benches --bench execution`. PostgreSQL runs when
//! `CTE_BENCH_POSTGRES_URL` (or `CTE_TEST_POSTGRES_URL`) is set, in a schema `cte_bench` of
//! its own; without a URL it is skipped with a message.

use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkGroup, Criterion, SamplingMode};
use cte_runtime::{select, Dialect, Query, Value};

#[macro_use]
mod support {
    pub mod medians;
}

use support::medians::{format_ns, median_ns};

const NODES: i64 = 100_000;
/// The first nodes form a chain, so the tree is deep from the top.
const CHAIN: i64 = 120;
/// Every later node hangs under one of the `WINDOW` nodes made just before it.
const WINDOW: i64 = 1_000;

/// The parent of every node, from a fixed linear congruential generator: the same tree on
/// every run and every engine. `parents[i]` is the parent of node `i + 1`; the root has none.
fn tree() -> Vec<Option<i64>> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (1..=NODES)
        .map(|id| match id {
            1 => None,
            _ if id <= CHAIN => Some(id - 1),
            _ => {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let back = (state >> 33) as i64 % (id - 1).min(WINDOW);
                Some(id - 1 - back)
            }
        })
        .collect()
}

/// What every strategy returns for a subtree: its size, the sum of ids and the sum of depths,
/// so the strategies can be checked against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Walk {
    nodes: i64,
    id_sum: i64,
    depth_sum: i64,
}

impl Walk {
    fn add(&mut self, id: i64, depth: i64) {
        self.nodes += 1;
        self.id_sum += id;
        self.depth_sum += depth;
    }
}

/// Size, depth and a checksum of the subtree of `root`, computed in memory.
fn expected(parents: &[Option<i64>], root: i64) -> (Walk, i64) {
    let mut children = vec![Vec::new(); parents.len() + 1];
    for (i, parent) in parents.iter().enumerate() {
        if let Some(p) = parent {
            children[*p as usize].push(i as i64 + 1);
        }
    }
    let mut walk = Walk::default();
    let mut max_depth = 0;
    let mut queue = VecDeque::from([(root, 0)]);
    while let Some((id, depth)) = queue.pop_front() {
        walk.add(id, depth);
        max_depth = max_depth.max(depth);
        queue.extend(children[id as usize].iter().map(|&c| (c, depth + 1)));
    }
    (walk, max_depth)
}

/// A root with about a thousand descendants, for the smaller walk.
fn mid_root(parents: &[Option<i64>]) -> i64 {
    let mut size = vec![1_i64; parents.len() + 1];
    for (i, parent) in parents.iter().enumerate().rev() {
        if let Some(p) = parent {
            size[*p as usize] += size[i + 1];
        }
    }
    (1..=NODES)
        .find(|&id| (800..=1_200).contains(&size[id as usize]))
        .expect("the tree has a subtree of about a thousand nodes")
}

fn subtree(root: i64) -> Query {
    select! {
        WITH RECURSIVE subtree(id, depth) AS (
            SELECT id, CAST(0 AS BIGINT) FROM nodes WHERE id = {root}
            UNION ALL
            SELECT n.id, s.depth + 1
            FROM nodes n
            JOIN subtree s ON n.parent_id = s.id
        )
        SELECT id, depth FROM subtree
    }
}

/// The three ways an application walks a tree, for one engine.
trait Engine {
    fn cte(&mut self, root: i64) -> Walk;
    fn per_node(&mut self, root: i64) -> Walk;
    fn per_level(&mut self, root: i64) -> Walk;
}

struct Sqlite(rusqlite::Connection);

impl Sqlite {
    fn new(parents: &[Option<i64>]) -> Self {
        let mut conn = rusqlite::Connection::open_in_memory().expect("SQLite opens");
        conn.execute_batch(
            "CREATE TABLE nodes (id INTEGER PRIMARY KEY, parent_id INTEGER);
             CREATE INDEX nodes_parent ON nodes (parent_id);",
        )
        .expect("the table is created");
        let tx = conn.transaction().expect("a transaction");
        {
            let mut insert = tx
                .prepare("INSERT INTO nodes (id, parent_id) VALUES (?1, ?2)")
                .expect("the insert prepares");
            for (i, parent) in parents.iter().enumerate() {
                insert
                    .execute(rusqlite::params![i as i64 + 1, parent])
                    .expect("a node is inserted");
            }
        }
        tx.commit().expect("the tree is stored");
        conn.execute_batch("ANALYZE").expect("statistics");
        let version: String = conn
            .query_row("SELECT sqlite_version()", [], |row| row.get(0))
            .expect("a version");
        println!("sqlite: {version}, in memory, in process");
        Sqlite(conn)
    }
}

fn sqlite_value(value: &Value) -> rusqlite::types::Value {
    match value {
        Value::Null => rusqlite::types::Value::Null,
        Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
        Value::I64(i) => rusqlite::types::Value::Integer(*i),
        Value::F64(f) => rusqlite::types::Value::Real(*f),
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
        Value::Bytes(b) => rusqlite::types::Value::Blob(b.clone()),
        other => unimplemented!("the benchmarks bind no {other:?}"),
    }
}

impl Engine for Sqlite {
    fn cte(&mut self, root: i64) -> Walk {
        let query = subtree(root);
        let rendered = query.render(Dialect::Sqlite).expect("the CTE renders");
        let params: Vec<_> = rendered.params().iter().map(sqlite_value).collect();
        let mut stmt = self.0.prepare_cached(rendered.sql()).expect("prepares");
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .expect("runs");
        let mut walk = Walk::default();
        while let Some(row) = rows.next().expect("a row") {
            walk.add(row.get(0).expect("id"), row.get(1).expect("depth"));
        }
        walk
    }

    fn per_node(&mut self, root: i64) -> Walk {
        let mut stmt = self
            .0
            .prepare_cached("SELECT id FROM nodes WHERE parent_id = ?1")
            .expect("prepares");
        let mut walk = Walk::default();
        let mut queue = VecDeque::from([(root, 0)]);
        while let Some((id, depth)) = queue.pop_front() {
            walk.add(id, depth);
            let mut rows = stmt.query([id]).expect("runs");
            while let Some(row) = rows.next().expect("a row") {
                queue.push_back((row.get(0).expect("id"), depth + 1));
            }
        }
        walk
    }

    fn per_level(&mut self, root: i64) -> Walk {
        // SQLite binds at most 32766 values per statement.
        const CHUNK: usize = 30_000;
        let mut walk = Walk::default();
        let mut level = vec![root];
        let mut depth = 0;
        while !level.is_empty() {
            let mut next = Vec::new();
            for &id in &level {
                walk.add(id, depth);
            }
            for chunk in level.chunks(CHUNK) {
                let placeholders = vec!["?"; chunk.len()].join(", ");
                let sql = format!("SELECT id FROM nodes WHERE parent_id IN ({placeholders})");
                let mut stmt = self.0.prepare(&sql).expect("prepares");
                let mut rows = stmt.query(rusqlite::params_from_iter(chunk)).expect("runs");
                while let Some(row) = rows.next().expect("a row") {
                    next.push(row.get(0).expect("id"));
                }
            }
            level = next;
            depth += 1;
        }
        walk
    }
}

struct Postgres {
    client: postgres::Client,
    children: postgres::Statement,
    level: postgres::Statement,
}

impl Postgres {
    fn new(url: &str, parents: &[Option<i64>]) -> Self {
        use std::io::Write;
        let mut client = postgres::Client::connect(url, postgres::NoTls).expect("PostgreSQL");
        client
            .batch_execute(
                "DROP SCHEMA IF EXISTS cte_bench CASCADE;
                 CREATE SCHEMA cte_bench;
                 SET search_path TO cte_bench;
                 CREATE TABLE nodes (id BIGINT PRIMARY KEY, parent_id BIGINT);",
            )
            .expect("the table is created");
        let mut copy = client
            .copy_in("COPY nodes (id, parent_id) FROM STDIN")
            .expect("COPY starts");
        let mut text = String::new();
        for (i, parent) in parents.iter().enumerate() {
            match parent {
                Some(p) => text.push_str(&format!("{}\t{p}\n", i + 1)),
                None => text.push_str(&format!("{}\t\\N\n", i + 1)),
            }
        }
        copy.write_all(text.as_bytes()).expect("rows are sent");
        copy.finish().expect("COPY ends");
        client
            .batch_execute("CREATE INDEX nodes_parent ON nodes (parent_id); ANALYZE nodes;")
            .expect("index and statistics");
        let version: String = client
            .query_one("SHOW server_version", &[])
            .expect("a version")
            .get(0);
        println!("postgres: {version}, over {url}");
        let children = client
            .prepare("SELECT id FROM nodes WHERE parent_id = $1")
            .expect("prepares");
        let level = client
            .prepare("SELECT id FROM nodes WHERE parent_id = ANY($1)")
            .expect("prepares");
        Postgres {
            client,
            children,
            level,
        }
    }
}

impl Engine for Postgres {
    fn cte(&mut self, root: i64) -> Walk {
        let query = subtree(root);
        let rendered = query.render(Dialect::Postgres).expect("the CTE renders");
        let params: Vec<i64> = rendered
            .params()
            .iter()
            .map(|v| match v {
                Value::I64(i) => *i,
                other => unreachable!("the walk binds one integer, not {other:?}"),
            })
            .collect();
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let mut walk = Walk::default();
        for row in self.client.query(rendered.sql(), &params).expect("runs") {
            walk.add(row.get(0), row.get(1));
        }
        walk
    }

    fn per_node(&mut self, root: i64) -> Walk {
        let mut walk = Walk::default();
        let mut queue = VecDeque::from([(root, 0)]);
        while let Some((id, depth)) = queue.pop_front() {
            walk.add(id, depth);
            for row in self.client.query(&self.children, &[&id]).expect("runs") {
                queue.push_back((row.get(0), depth + 1));
            }
        }
        walk
    }

    fn per_level(&mut self, root: i64) -> Walk {
        let mut walk = Walk::default();
        let mut level = vec![root];
        let mut depth = 0;
        while !level.is_empty() {
            for &id in &level {
                walk.add(id, depth);
            }
            level = self
                .client
                .query(&self.level, &[&level])
                .expect("runs")
                .iter()
                .map(|row| row.get(0))
                .collect();
            depth += 1;
        }
        walk
    }
}

const STRATEGIES: [&str; 3] = ["recursive_cte", "query_per_level", "query_per_node"];

fn run(engine: &mut dyn Engine, strategy: &str, root: i64) -> Walk {
    match strategy {
        "recursive_cte" => engine.cte(root),
        "query_per_level" => engine.per_level(root),
        _ => engine.per_node(root),
    }
}

fn bench_engine(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    engine: &mut dyn Engine,
    root: i64,
    expect: Walk,
) {
    for strategy in STRATEGIES {
        assert_eq!(
            run(engine, strategy, root),
            expect,
            "{strategy} walks the whole subtree"
        );
        group.bench_function(strategy, |b| b.iter(|| run(engine, strategy, root)));
    }
}

fn postgres_url() -> Option<String> {
    std::env::var("CTE_BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("CTE_TEST_POSTGRES_URL"))
        .ok()
}

fn main() {
    let since = SystemTime::now();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();

    let parents = tree();
    let mid = mid_root(&parents);
    let walks = [("tree", 1), ("subtree", mid)].map(|(name, root)| {
        let (walk, depth) = expected(&parents, root);
        println!(
            "{name}: root {root}, {} nodes, {depth} levels below the root",
            walk.nodes
        );
        (name, root, walk)
    });

    let mut engines: Vec<(&str, Box<dyn Engine>)> =
        vec![("sqlite", Box::new(Sqlite::new(&parents)))];
    match postgres_url() {
        Some(url) => engines.push(("postgres", Box::new(Postgres::new(&url, &parents)))),
        None => println!("postgres: skipped, set CTE_BENCH_POSTGRES_URL to run it"),
    }
    for (engine_name, engine) in &mut engines {
        for (walk_name, root, expect) in walks {
            let mut group = c.benchmark_group(format!("execution_{engine_name}_{walk_name}"));
            group.sampling_mode(SamplingMode::Flat);
            bench_engine(&mut group, engine.as_mut(), root, expect);
            group.finish();
        }
    }
    c.final_summary();

    println!(
        "\n| engine | walk | nodes | {} | per node / CTE | per level / CTE |",
        STRATEGIES.join(" | ")
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (engine_name, _) in &engines {
        for (walk_name, _, expect) in walks {
            let group = format!("execution_{engine_name}_{walk_name}");
            let m: Vec<Option<f64>> = STRATEGIES
                .iter()
                .map(|s| median_ns(&group, s, since))
                .collect();
            let cells: Vec<String> = m
                .iter()
                .map(|v| v.map_or_else(|| "-".into(), format_ns))
                .collect();
            let ratio = |a: Option<f64>| match (a, m[0]) {
                (Some(a), Some(cte)) => format!("{:.1}x", a / cte),
                _ => "-".into(),
            };
            println!(
                "| {engine_name} | {walk_name} | {} | {} | {} | {} |",
                expect.nodes,
                cells.join(" | "),
                ratio(m[2]),
                ratio(m[1]),
            );
        }
    }
}
