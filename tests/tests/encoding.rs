//! Every query of the workspace, encoded as `select!` and `cte!` encode it, decodes in the
//! runtime and renders for every dialect, or fails with a `RenderError` of the query's own,
//! never one that says the tree did not decode.

use cte_runtime::__private::{query, Site};
use cte_runtime::{Dialect, Value};

#[path = "../../cte-macros/core/tests/queries/mod.rs"]
mod queries;

const DIRS: &[&str] = &[
    "tests/tests",
    "golden/tests",
    "cte-runtime/examples",
    "cte-runtime/tests",
    "drivers/examples",
    "drivers/tests",
    "benches/benches",
    "cte-macros/core/tests",
];

#[test]
fn every_select_of_the_workspace_decodes_and_renders() {
    let inputs = queries::inputs_of("select", DIRS);
    assert!(inputs.len() > 150, "found only {} inputs", inputs.len());
    let mut failures = Vec::new();
    let mut encoded = 0;
    for (file, input) in &inputs {
        // Some inputs are meant not to compile (the fuzzer's seeds, compile-fail cases).
        let Some((bytes, params)) = cte_macros_core::encoded_select(input.clone()) else {
            continue;
        };
        encoded += 1;
        let site: &'static Site = Box::leak(Box::new(Site::encoded(bytes.leak())));
        let q = query(site, vec![Value::Null; params]);
        let _ = q.tree();
        for dialect in Dialect::ALL {
            if let Err(e) = q.render(dialect) {
                if e.construct().starts_with("internal") {
                    failures.push(format!("{}: {input}\n  {e}", file.display()));
                }
            }
        }
    }
    assert!(encoded > 150, "only {encoded} inputs compile");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_cte_item_of_the_workspace_decodes() {
    let inputs = queries::inputs_of("cte", DIRS);
    assert!(inputs.len() >= 3, "found only {} inputs", inputs.len());
    for (file, input) in &inputs {
        let bytes = cte_macros_core::encoded_cte(input.clone())
            .unwrap_or_else(|| panic!("{}: {input} does not compile", file.display()));
        let name = cte_runtime::Cte::encoded("", false, bytes.leak())
            .tree()
            .name
            .value;
        assert!(input.to_string().contains(name), "{name} in {input}");
    }
}

#[test]
fn a_corrupt_tree_is_a_render_error() {
    static CORRUPT: Site = Site::encoded(b"\x01\x00\x05");
    let q = query(&CORRUPT, Vec::new());
    for dialect in Dialect::ALL {
        let e = q.render(dialect).unwrap_err();
        assert!(e.construct().starts_with("internal"), "{e}");
        assert!(e.to_string().contains("versions differ"), "{e}");
    }
}
