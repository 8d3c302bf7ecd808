//! The schema of the using crate, read from the SQL files its Cargo.toml names:
//!
//! ```toml
//! [package.metadata.cte]
//! schema = "migrations"      # a .sql file, or a folder read in file-name order
//! ```
//!
//! No database is needed at build time: the files are read as text, once per compiler process
//! (read again only when a file or the folder's list changes, which matters to a long-running
//! process such as rust-analyzer), and each expansion names them with `include_bytes!` so that
//! Cargo builds the crate again when one of them changes. Without the setting there is no
//! schema and the macros check what they checked before.
//!
//! `lex` reads SQL text as tokens, `ddl` applies the statements to the [`Schema`] of `model`,
//! `column_type` reads the type names of the five dialects, and `source` finds the setting
//! and the files.

mod column_type;
mod ddl;
mod keys;
mod lex;
mod model;
mod source;
#[cfg(test)]
mod tests;
mod views;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use proc_macro2::{Span, TokenStream};
use quote::quote;

pub(crate) use column_type::ColumnType;
pub(crate) use model::{Body, Lookup, Name, Relation, Schema};

/// A schema and the files it was read from.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub schema: Schema,
    /// The absolute paths of the files, for Cargo's tracking.
    pub files: Vec<PathBuf>,
}

impl Loaded {
    /// Items that make rustc list the schema files as inputs of the crate, so that Cargo
    /// expands the macros again when one of them changes.
    pub(crate) fn tracking(&self) -> TokenStream {
        let files = self.files.iter().filter_map(|f| f.to_str());
        quote! { #(const _: &[u8] = ::core::include_bytes!(#files);)* }
    }
}

/// Why the schema could not be read: the file (as named from the crate's root), the line, and
/// what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchemaError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl SchemaError {
    pub(crate) fn to_syn(&self) -> syn::Error {
        let at = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        syn::Error::new(
            Span::call_site(),
            format!("cannot read the schema ({at}): {}", self.message),
        )
    }
}

pub(crate) type Outcome = Result<Option<Arc<Loaded>>, SchemaError>;

/// The schema read, if there is one and it could be read.
pub(crate) fn of(outcome: &Outcome) -> Option<&Schema> {
    match outcome {
        Ok(Some(loaded)) => Some(&loaded.schema),
        Ok(None) | Err(_) => None,
    }
}

/// The expression `expansion` of `select!`, with the schema's tracking or its error before it.
/// The expansion stays, so that no second error follows from a missing value.
pub(crate) fn around(schema: &Outcome, expansion: TokenStream) -> TokenStream {
    let before = beside(schema, TokenStream::new());
    if before.is_empty() {
        return expansion;
    }
    quote! {{ #before #expansion }}
}

/// The items `expansion` of `cte!`, with the schema's tracking or its error beside them.
pub(crate) fn beside(schema: &Outcome, expansion: TokenStream) -> TokenStream {
    let before = match schema {
        Ok(None) => TokenStream::new(),
        Ok(Some(loaded)) => loaded.tracking(),
        Err(error) => error.to_syn().to_compile_error(),
    };
    quote! { #before #expansion }
}

/// What the schema was read from, to tell whether it must be read again.
#[derive(PartialEq)]
struct Stamp {
    manifest_dir: PathBuf,
    files: Vec<(PathBuf, Option<SystemTime>)>,
}

/// The schema of the crate being compiled, as `CARGO_MANIFEST_DIR` names it; `None` without
/// the setting.
pub(crate) fn for_crate() -> Outcome {
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Ok(None);
    };
    cached(Path::new(&dir))
}

/// [`load`], read again only when its files changed.
pub(crate) fn cached(manifest_dir: &Path) -> Outcome {
    static CACHE: Mutex<Option<(Stamp, Outcome)>> = Mutex::new(None);
    let stamp = stamp(manifest_dir);
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((cached, outcome)) = cache.as_ref() {
        if *cached == stamp {
            return outcome.clone();
        }
    }
    let outcome = load(manifest_dir);
    *cache = Some((stamp, outcome.clone()));
    outcome
}

/// The files a load of `manifest_dir` reads, with their modification times.
fn stamp(manifest_dir: &Path) -> Stamp {
    let cargo_toml = manifest_dir.join("Cargo.toml");
    let mut files = vec![cargo_toml.clone()];
    if let Some(setting) = std::fs::read_to_string(&cargo_toml)
        .ok()
        .and_then(|text| source::setting(&text))
    {
        let path = manifest_dir.join(setting);
        files.push(path.clone());
        files.extend(source::files(&path).unwrap_or_default());
    }
    let modified = |f: &PathBuf| std::fs::metadata(f).and_then(|m| m.modified()).ok();
    Stamp {
        manifest_dir: manifest_dir.to_owned(),
        files: files
            .into_iter()
            .map(|f| {
                let m = modified(&f);
                (f, m)
            })
            .collect(),
    }
}

/// Reads the schema that the Cargo.toml in `manifest_dir` names.
pub(crate) fn load(manifest_dir: &Path) -> Outcome {
    let cargo_toml = manifest_dir.join("Cargo.toml");
    let Ok(text) = std::fs::read_to_string(&cargo_toml) else {
        return Ok(None);
    };
    let Some(setting) = source::setting(&text) else {
        return Ok(None);
    };
    let root = manifest_dir.join(&setting);
    let unreadable = |file: &Path, e: std::io::Error| SchemaError {
        file: relative(manifest_dir, file),
        line: None,
        message: format!(
            "{e} (the path comes from `schema` in [package.metadata.cte] of Cargo.toml)"
        ),
    };
    let files = source::files(&root).map_err(|e| unreadable(&root, e))?;
    let mut schema = Schema::default();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| unreadable(file, e))?;
        apply(&mut schema, &text, &relative(manifest_dir, file))?;
    }
    views::type_views(&mut schema);
    let files = files
        .iter()
        .map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))
        .collect();
    Ok(Some(Arc::new(Loaded { schema, files })))
}

/// Applies the statements of the file `name`, whose text is `text`, to `schema`.
fn apply(schema: &mut Schema, text: &str, name: &str) -> Result<(), SchemaError> {
    let at = |line, message| SchemaError {
        file: name.to_owned(),
        line: Some(line),
        message,
    };
    let tokens = lex::tokens(text).map_err(|e| at(e.line, e.message))?;
    ddl::apply(schema, name, &tokens).map_err(|e| at(e.line, e.message))
}

/// The schema that `sql`, read as the file `name`, defines.
pub(crate) fn read_sql(sql: &str, name: &str) -> Result<Schema, SchemaError> {
    let mut schema = Schema::default();
    apply(&mut schema, sql, name)?;
    views::type_views(&mut schema);
    Ok(schema)
}

/// The schema that `sql` defines, for tests of the checks that read one.
#[cfg(test)]
pub(crate) fn from_sql(sql: &str) -> Schema {
    read_sql(sql, "schema.sql").expect("the test's DDL reads")
}

/// `file` as named from the crate's root, with `/` between parts on every system.
fn relative(manifest_dir: &Path, file: &Path) -> String {
    let path = file.strip_prefix(manifest_dir).unwrap_or(file);
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
