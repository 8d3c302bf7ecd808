//! Compile time, measured by building crates: the clean build of `cte-runtime` (default
//! features) and of `cte-macros`; a crate that depends only on `cte-runtime` beside an empty
//! proc macro on `syn` with `full`, built clean side by side; and crates generated with 200
//! queries written five ways.
//!
//! `cargo bench -p cte-benches --bench build_time [weight|cost|generated]` (debug builds, each
//! timed with a wall clock; the generated crates go under `<target>/build-time/`, outside the
//! repository). Without `--bench` on its command line, as under `cargo test`, it does nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::{Duration, Instant};

use cte_runtime::{select, Dialect};

#[macro_use]
mod support {
    #[macro_use]
    pub mod queries;
}

/// Calls per generated crate.
const CALLS: usize = 200;
/// Timed builds of each generated crate; the median is reported.
const RUNS: usize = 5;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cte-runtime sits in the workspace")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return target.into();
    }
    // The bench runs as <target>/<profile>/deps/<name>-<hash>.
    let exe = std::env::current_exe().expect("the bench knows its path");
    exe.ancestors().nth(3).expect("a target dir").to_path_buf()
}

fn cargo(dir: &Path, target: &Path, args: &[&str], env: &[(&str, &str)]) -> (Duration, String) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(dir)
        .args(args)
        .arg("--offline")
        .arg("--target-dir")
        .arg(target)
        .env_remove("CARGO_TARGET_DIR");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let start = Instant::now();
    let output = cmd.output().expect("cargo runs");
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "cargo {args:?} in {}: {stderr}",
        dir.display()
    );
    (elapsed, stderr)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Clean debug and release builds of one package of the workspace, in a fresh target dir.
fn build_weight(work: &Path) {
    println!("\n| package | profile | crates compiled | clean build |");
    println!("|---|---|---:|---:|");
    for package in ["cte-runtime", "cte-macros"] {
        for (profile, args) in [("debug", &[][..]), ("release", &["--release"][..])] {
            let target = work.join(format!("weight-{package}-{profile}"));
            let _ = std::fs::remove_dir_all(&target);
            let mut cargo_args = vec!["build", "-p", package];
            cargo_args.extend_from_slice(args);
            let (time, stderr) = cargo(&workspace(), &target, &cargo_args, &[]);
            let crates = stderr
                .lines()
                .filter(|l| l.trim_start().starts_with("Compiling"))
                .count();
            println!("| {package} | {profile} | {crates} | {} |", secs(time));
        }
    }
}

/// Clean builds of `cost` side by side: what an application pays for depending on
/// `cte-runtime`, against the proc macro every macro crate starts from.
const COST_RUNS: usize = 3;

/// A crate of the build-cost comparison: its manifest's specific lines and its `lib.rs`.
struct CostCrate {
    name: &'static str,
    what: &'static str,
    manifest: fn() -> String,
    lib: &'static str,
}

const COST_CRATES: [CostCrate; 3] = [
    CostCrate {
        name: "app",
        what: "a library depending only on `cte-runtime` (default features)",
        manifest: || {
            format!(
                "[dependencies]\ncte-runtime = {{ path = {:?} }}\n",
                workspace().join("cte-runtime")
            )
        },
        lib: "pub use cte_runtime::Dialect;\n",
    },
    CostCrate {
        name: "syn-full",
        what: "an empty proc macro on `syn` with `full`",
        manifest: || {
            "[lib]\nproc-macro = true\n\n[dependencies]\n\
             syn = { version = \"2\", features = [\"full\"] }\n"
                .to_owned()
        },
        lib: "",
    },
    CostCrate {
        name: "syn-full-extra-traits",
        what: "an empty proc macro on `syn` with `full` and `extra-traits` (as `cte-macros-core`)",
        manifest: || {
            "[lib]\nproc-macro = true\n\n[dependencies]\n\
             syn = { version = \"2\", features = [\"full\", \"extra-traits\"] }\n"
                .to_owned()
        },
        lib: "",
    },
];

/// Each unit's compile time from the report of `cargo build --timings`, longest first.
fn unit_times(target: &Path) -> Vec<(String, f64)> {
    let dir = target.join("cargo-timings");
    let Some(report) = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("cargo-timing-"))
        })
    else {
        return Vec::new();
    };
    let html = std::fs::read_to_string(report).unwrap_or_default();
    let Some(start) = html.find("const UNIT_DATA = [") else {
        return Vec::new();
    };
    // One JSON field a line: a unit's name, then its target, then its duration.
    let field = |line: &str, key: &str| {
        line.trim()
            .strip_prefix(&format!("\"{key}\": "))
            .map(|v| v.trim_end_matches(',').trim_matches('"').trim().to_owned())
    };
    let (mut units, mut name, mut target) = (Vec::new(), String::new(), String::new());
    for line in html[start..].lines().take_while(|l| !l.starts_with("];")) {
        if let Some(v) = field(line, "name") {
            name = v;
        } else if let Some(v) = field(line, "target") {
            target = v;
        } else if let Some(v) = field(line, "duration") {
            let label = match target.as_str() {
                "" => name.clone(),
                _ => format!("{name} ({target})"),
            };
            units.push((label, v.parse::<f64>().unwrap_or(0.0)));
        }
    }
    units.sort_by(|a, b| b.1.total_cmp(&a.1));
    units
}

/// Clean debug builds of the `COST_CRATES`, interleaved so that each sees the same load, each
/// in a fresh target dir with `--timings`; the median of `COST_RUNS` and, from the last run,
/// the units that took longest.
fn build_cost(work: &Path) {
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); COST_CRATES.len()];
    let mut units = Vec::new();
    for run in 0..COST_RUNS {
        units.clear();
        for (i, krate) in COST_CRATES.iter().enumerate() {
            let dir = work.join(format!("cost-{}", krate.name));
            std::fs::create_dir_all(dir.join("src")).expect("the crate dir is writable");
            let manifest = format!(
                "[package]\nname = \"cost-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
                 publish = false\n\n{}\n[workspace]\n",
                krate.name,
                (krate.manifest)(),
            );
            std::fs::write(dir.join("Cargo.toml"), manifest).expect("writable");
            std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("a lock");
            std::fs::write(dir.join("src/lib.rs"), krate.lib).expect("writable");
            let target = work.join(format!("cost-target-{}", krate.name));
            let _ = std::fs::remove_dir_all(&target);
            let (time, _) = cargo(&dir, &target, &["build", "--timings"], &[]);
            println!("cost run {run}: {}: {}", krate.name, secs(time));
            times[i].push(time);
            units.push(unit_times(&target));
        }
    }
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    println!("\n| crate | clean debug build | over `syn-full` |");
    println!("|---|---:|---:|");
    for (krate, time) in COST_CRATES.iter().zip(&medians) {
        println!(
            "| {}: {} | {} | {:.2}x |",
            krate.name,
            krate.what,
            secs(*time),
            time.as_secs_f64() / medians[1].as_secs_f64()
        );
    }
    println!("(medians of {COST_RUNS} runs each, interleaved)");
    for (krate, units) in COST_CRATES.iter().zip(&units) {
        let top: Vec<String> = units
            .iter()
            .filter(|(_, secs)| *secs >= 0.3)
            .map(|(name, secs)| format!("{name} {secs:.2} s"))
            .collect();
        println!("{} (last run, `--timings`): {}", krate.name, top.join(", "));
    }
}

/// One way of writing the 200 queries in a generated crate.
struct Variant {
    name: &'static str,
    what: &'static str,
    profile: &'static str,
    body: fn(usize, &str) -> String,
}

/// The 30-line query of call `i`: each call site gets its own LIMIT so no two are equal.
fn query_text(i: usize) -> String {
    let text = org_chart_30_lines!(stringify, max_depth, pattern);
    text.replace("LIMIT 100", &format!("LIMIT {}", 100 + i))
}

fn select_call(i: usize, _: &str) -> String {
    format!(
        "pub fn q{i}(max_depth: i64, pattern: &str) -> Query {{\n    select! {{ {} }}\n}}\n",
        query_text(i)
    )
}

fn expanded_call(i: usize, _: &str) -> String {
    let tokens = proc_macro2::TokenStream::from_str(&query_text(i)).expect("the query lexes");
    let expansion = cte_macros_core::select(tokens);
    format!("pub fn q{i}(max_depth: i64, pattern: &str) -> Query {{\n    {expansion}\n}}\n")
}

fn literal_call(i: usize, sql: &str) -> String {
    let sql = sql.replace("LIMIT 100", &format!("LIMIT {}", 100 + i));
    format!(
        "pub fn q{i}(max_depth: i64, pattern: &str) -> (&'static str, Vec<Value>) {{\n    \
         ({sql:?}, vec![max_depth.into(), pattern.into()])\n}}\n"
    )
}

const VARIANTS: [Variant; 5] = [
    Variant {
        name: "literals",
        what: "200 SQL string literals (the PostgreSQL rendering) and a params vec",
        profile: "",
        body: literal_call,
    },
    Variant {
        name: "select",
        what: "200 `select!` calls, default dev profile",
        profile: "",
        body: select_call,
    },
    Variant {
        name: "expanded",
        what: "200 `select!` expansions pasted as source (no macro runs)",
        profile: "",
        body: expanded_call,
    },
    Variant {
        name: "select_core_opt3",
        what: "200 `select!` calls, `[profile.dev.package.cte-macros-core] opt-level = 3`",
        profile: "[profile.dev.package.cte-macros-core]\nopt-level = 3\n",
        body: select_call,
    },
    Variant {
        name: "select_build_override_opt3",
        what: "200 `select!` calls, `[profile.dev.build-override] opt-level = 3`",
        profile: "[profile.dev.build-override]\nopt-level = 3\n",
        body: select_call,
    },
];

fn generated_crates(work: &Path) {
    let max_depth = 5_i64;
    let pattern = "%";
    let query = org_chart_30_lines!(select, max_depth, pattern);
    let sql = query
        .render(Dialect::Postgres)
        .expect("the query renders")
        .sql()
        .to_owned();
    let target = work.join("generated-target");
    let mut rows = Vec::new();
    for variant in &VARIANTS {
        let dir = work.join(format!("generated-{}", variant.name));
        std::fs::create_dir_all(dir.join("src")).expect("the crate dir is writable");
        let manifest = format!(
            "[package]\nname = \"generated-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\ncte-runtime = {{ path = {:?} }}\n\n\
             [workspace]\n\n{}",
            variant.name.replace('_', "-"),
            workspace().join("cte-runtime"),
            variant.profile,
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).expect("writable");
        std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("a lock");
        let mut lib = String::from(
            "#![allow(unused_variables, clippy::all)]\n\
             use cte_runtime::{select, Query, Value};\n\n",
        );
        for i in 0..CALLS {
            lib.push_str(&(variant.body)(i, &sql));
        }
        let lib_path = dir.join("src/lib.rs");
        std::fs::write(&lib_path, &lib).expect("writable");
        // For `build` and `check`: dependencies first, untimed; then only this crate, from
        // scratch each time.
        let [build, check] = ["build", "check"].map(|command| {
            cargo(&dir, &target, &[command], &[("CARGO_INCREMENTAL", "0")]);
            let times = (0..RUNS)
                .map(|_| {
                    std::fs::write(&lib_path, &lib).expect("writable");
                    cargo(&dir, &target, &[command], &[("CARGO_INCREMENTAL", "0")]).0
                })
                .collect::<Vec<_>>();
            median(times)
        });
        println!(
            "{}: build {}, check {}",
            variant.name,
            secs(build),
            secs(check)
        );
        rows.push((variant, build, check, lib.len()));
    }
    let (literal_build, literal_check) = (rows[0].1, rows[0].2);
    let per_call = |time: Duration, base: Duration| {
        format!(
            "{:.1} ms",
            time.saturating_sub(base).as_secs_f64() * 1e3 / CALLS as f64
        )
    };
    println!(
        "\n| crate | source bytes | build | build over literals, per call \
         | check | check over literals, per call |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (variant, build, check, bytes) in &rows {
        println!(
            "| {}: {} | {bytes} | {} | {} | {} | {} |",
            variant.name,
            variant.what,
            secs(*build),
            per_call(*build, literal_build),
            secs(*check),
            per_call(*check, literal_check),
        );
    }
    println!("(medians of {RUNS} runs each; debug profile, CARGO_INCREMENTAL=0)");
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("build_time: runs only under `cargo bench`");
        return;
    }
    let work = target_dir().join("build-time");
    std::fs::create_dir_all(&work).expect("the target dir is writable");
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    if only.as_deref().map_or(true, |o| o == "weight") {
        build_weight(&work);
    }
    if only.as_deref().map_or(true, |o| o == "cost") {
        build_cost(&work);
    }
    if only.as_deref().map_or(true, |o| o == "generated") {
        generated_crates(&work);
    }
}
