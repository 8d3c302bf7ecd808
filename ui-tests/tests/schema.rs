//! The diagnostics of crates that name a schema in their Cargo.toml.
//!
//! trybuild builds each case in a crate it generates, whose Cargo.toml carries no
//! `[package.metadata.cte]`, so these cases are crates of their own, in the workspace
//! `schema/`: each is checked with cargo, and its errors compared with the case's
//! `expected.stderr`, or, without that file, it must compile. `TRYBUILD=overwrite` writes the
//! files anew, as for the other ui tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The case crates: the members of the `schema/` workspace.
fn cases(root: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("the schema cases are readable")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    cases.sort();
    cases
}

/// What cargo printed on `stderr`, without what changes from run to run: cargo's progress,
/// the workspace's place on this machine, and rustc's quotes of the runtime's source (which
/// impls exist, which bound required one), whose lines move as the runtime changes.
fn normalize(stderr: &str, workspace: &str) -> String {
    let mut out = String::new();
    let mut quoting = false;
    for line in stderr.lines() {
        let line = line.trim_end().replace(workspace, "$WORKSPACE");
        let line = line.as_str();
        let trimmed = line.trim_start();
        if line.starts_with("help: the following other types implement")
            || line.starts_with("note: required by a bound")
            || trimmed.starts_with("--> $WORKSPACE/")
            || trimmed.starts_with("::: $WORKSPACE/")
        {
            quoting = true;
            continue;
        }
        if quoting {
            // Source lines (`121 | ...`), their markers, and `...` between them.
            let numbered = line
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(" |");
            let indented = line.starts_with(' ') || line.starts_with('|') || numbered;
            if indented || line.starts_with("...") {
                continue;
            }
            quoting = false;
        }
        let noise = [
            "Compiling ",
            "Checking ",
            "Finished ",
            "Locking ",
            "Adding ",
            "Blocking ",
        ];
        if noise.iter().any(|n| line.trim_start().starts_with(n))
            || line.starts_with("error: could not compile")
        {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn schema_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("ui-tests is in the workspace")
        .display()
        .to_string();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema-cases");
    let overwrite = std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    let mut failures = Vec::new();
    let cases = cases(&root);
    assert!(!cases.is_empty(), "no schema cases in {}", root.display());
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let output = Command::new(env!("CARGO"))
            .args(["check", "--quiet", "--color", "never", "-p"])
            .arg(format!("schema-{name}"))
            .current_dir(&root)
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo runs");
        let stderr = normalize(&String::from_utf8_lossy(&output.stderr), &workspace);
        let expected_path = case.join("expected.stderr");
        match std::fs::read_to_string(&expected_path) {
            Err(_) if output.status.success() => println!("ok: {name} compiles"),
            Err(_) => failures.push(format!("{name}: expected to compile, but:\n{stderr}")),
            Ok(_) if overwrite => {
                std::fs::write(&expected_path, &stderr).expect("the snapshot is writable");
                println!("wrote: {}", expected_path.display());
            }
            Ok(_) if output.status.success() => {
                failures.push(format!("{name}: compiled, but errors were expected"));
            }
            Ok(expected) if expected == stderr => println!("ok: {name}"),
            Ok(expected) => failures.push(format!(
                "{name}: the errors differ\n--- expected\n{expected}--- found\n{stderr}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
