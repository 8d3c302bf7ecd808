//! Long flat chains of operators and set operations are accepted up to the bound on the
//! height of the tree they build, and the checks and the encoder take the tallest trees on the
//! stack rustc gives a macro; a taller one is a compile error, not a stack overflow.

use std::str::FromStr;

use proc_macro2::TokenStream;

mod tall;

/// rustc runs a macro on a thread with this much stack.
const RUSTC_STACK: usize = 8 << 20;

/// The expansion of `select! { input }`, on a thread with rustc's stack.
fn expand(input: String) -> String {
    std::thread::Builder::new()
        .stack_size(RUSTC_STACK)
        .spawn(move || {
            let tokens = TokenStream::from_str(&input).expect("tokens");
            cte_macros_core::select(tokens).to_string()
        })
        .expect("a thread")
        .join()
        .expect("the macro panicked")
}

#[test]
fn the_tallest_trees_are_checked_and_encoded() {
    for (name, input) in tall::tallest() {
        let expansion = expand(input);
        assert!(
            !expansion.contains("compile_error"),
            "{name}: {}",
            &expansion[..expansion.len().min(600)]
        );
    }
}

#[test]
fn a_taller_tree_is_a_compile_error() {
    for (name, input) in tall::too_tall() {
        let expansion = expand(input);
        assert!(
            expansion.contains(&format!(
                "the query chains too many operators (more than {} binary operators",
                tall::MAX_CHAIN
            )),
            "{name}: {}",
            &expansion[..expansion.len().min(600)]
        );
    }
}
