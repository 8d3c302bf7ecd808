//! Every query of the engine test suites and examples passes the checks: a check that rejects
//! one of them rejects valid SQL.

mod queries;

#[test]
fn the_queries_of_the_test_suites_pass_the_checks() {
    let inputs = queries::in_dirs(&["tests/tests", "cte-runtime/examples", "drivers/examples"]);
    assert!(
        inputs.len() > 80,
        "found only {} select! inputs",
        inputs.len()
    );
    let mut rejected = Vec::new();
    for (file, input) in &inputs {
        let expansion = cte_macros_core::select(input.clone()).to_string();
        if expansion.contains("compile_error") {
            rejected.push(format!("{}: {input}\n  {expansion:.400}", file.display()));
        }
    }
    assert!(rejected.is_empty(), "rejected:\n{}", rejected.join("\n"));
}
