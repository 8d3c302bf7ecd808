//! Where the schema files are: the `[package.metadata.cte]` table of the using crate's
//! Cargo.toml, and the files of the folder it names, in file-name order.

use std::fs;
use std::path::{Path, PathBuf};

/// The setting's path, relative to the crate's root, when Cargo.toml has one:
///
/// ```toml
/// [package.metadata.cte]
/// schema = "migrations"
/// ```
///
/// Read by hand rather than with a TOML parser, which would be most of the macro crate's build
/// time: the table header form above and the dotted keys `metadata.cte.schema` (in
/// `[package]`) and `cte.schema` (in `[package.metadata]`) are understood, with a basic or a
/// literal string.
pub(crate) fn setting(cargo_toml: &str) -> Option<String> {
    let mut table = String::new();
    for line in cargo_toml.lines() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.split(']').next().unwrap_or_default();
            table = header
                .split('.')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(".");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key: Vec<&str> = key.split('.').map(|k| k.trim().trim_matches('"')).collect();
        let full = if table.is_empty() {
            key.join(".")
        } else {
            format!("{table}.{}", key.join("."))
        };
        if full == "package.metadata.cte.schema" {
            return toml_string(value.trim());
        }
    }
    None
}

/// The text of a TOML basic (`"..."`) or literal (`'...'`) string, with a trailing comment.
fn toml_string(value: &str) -> Option<String> {
    let quote = value.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let rest = &value[1..];
    let end = rest.find(quote)?;
    let text = &rest[..end];
    if quote == '"' {
        // Paths need at most escaped backslashes and quotes.
        Some(text.replace("\\\\", "\\").replace("\\\"", "\""))
    } else {
        Some(text.to_owned())
    }
}

/// The files the setting names, in the order they apply: the file itself, or the folder's
/// `.sql` files and its subfolders' `up.sql` (diesel's layout), in file-name order. sqlx's
/// `.down.sql` files and diesel's `down.sql` undo a migration and are left out. Names compare
/// with their digit runs as numbers, so refinery's `V2__` comes before `V10__`, and
/// zero-padded or timestamped names keep their plain order.
pub(crate) fn files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        // Reading it reports a missing file.
        return Ok(vec![path.to_owned()]);
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort_by(|a, b| natural_cmp(&file_name(a), &file_name(b)));
    let mut out = Vec::new();
    for entry in entries {
        let name = file_name(&entry);
        if entry.is_dir() {
            let up = entry.join("up.sql");
            if up.is_file() {
                out.push(up);
            }
        } else if name.ends_with(".sql") && !name.ends_with(".down.sql") {
            out.push(entry);
        }
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Compares names with their runs of digits as numbers.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (da, ra) = split_digits(a);
                let (db, rb) = split_digits(b);
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let order = ta
                    .len()
                    .cmp(&tb.len())
                    .then_with(|| ta.cmp(tb))
                    .then_with(|| da.len().cmp(&db.len()));
                if order.is_ne() {
                    return order;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}
