//! The input of every `select!` (or `cte!`) in the workspace's files, read as tokens.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};

/// Each `select! { ... }` input in the `.rs` files under `dirs` (relative to the workspace),
/// with the file it is in.
#[allow(dead_code)]
pub fn in_dirs(dirs: &[&str]) -> Vec<(PathBuf, TokenStream)> {
    inputs_of("select", dirs)
}

/// Each `name! { ... }` input in the `.rs` files under `dirs` (relative to the workspace), with
/// the file it is in.
pub fn inputs_of(name: &str, dirs: &[&str]) -> Vec<(PathBuf, TokenStream)> {
    // The first directory up that holds the lock file: this module is shared by the tests of
    // several workspace members.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").exists())
        .expect("the workspace root holds Cargo.lock");
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mut inputs = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(stream) = TokenStream::from_str(&text) else {
            continue;
        };
        let mut found = Vec::new();
        macro_inputs(name, stream, &mut found);
        inputs.extend(found.into_iter().map(|input| (file.clone(), input)));
    }
    inputs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `{ ... }` of every `name! { ... }` in `stream`, but for those in the body of a
/// `macro_rules!`: there they are templates, whose `$` fragments are not SQL.
fn macro_inputs(macro_name: &str, stream: TokenStream, out: &mut Vec<TokenStream>) {
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    let mut in_macro_rules = false;
    for (i, tree) in trees.iter().enumerate() {
        match (tree, trees.get(i + 1), trees.get(i + 2)) {
            (TokenTree::Ident(name), Some(TokenTree::Punct(bang)), _)
                if name == "macro_rules" && bang.as_char() == '!' =>
            {
                in_macro_rules = true;
            }
            (TokenTree::Group(_), ..) if in_macro_rules => in_macro_rules = false,
            (
                TokenTree::Ident(name),
                Some(TokenTree::Punct(bang)),
                Some(TokenTree::Group(body)),
            ) if name == macro_name && bang.as_char() == '!' => {
                out.push(body.stream());
            }
            (TokenTree::Group(g), ..) => macro_inputs(macro_name, g.stream(), out),
            _ => {}
        }
    }
}
