//! Compile-time checks on the parsed tree. Each check pushes its errors into a [`Ctxt`] and
//! returns nothing, so every independent error of one macro call is reported, in source order.
//!
//! One file per check area: [`scope`] (which names a WITH clause brings into scope, and who
//! reads them), [`recursive`] (the structure of recursive CTEs), [`shape`] (column counts),
//! [`names`] (qualifiers and the columns of CTEs), [`reserved`] (the `__cte_` prefix),
//! [`placement`] (where options and spliced items may go) and [`item`] (what a `cte!` item must
//! be). [`resolve`] binds table names to CTEs once, for all of them.

mod item;
mod names;
mod placement;
mod recursive;
mod reserved;
mod resolve;
mod scope;
mod shape;
mod tables;

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{LineColumn, Span};

use crate::ast::Statement;
use crate::parse::{Item, Parsed};
use crate::schema::Schema;
pub(crate) use names::Stars;
use resolve::Bindings;

/// A statement that passed every check, and what the checks learned of its types.
pub(crate) struct Checked {
    pub(crate) stmt: Statement,
    pub(crate) types: names::Types,
}

/// Runs every check on what parsing made of the input, and returns the tree when neither
/// parsing nor any check found an error. A CTE whose body had a syntax error is still checked
/// as far as its name and column list go.
pub(crate) fn statement(parsed: Parsed, schema: Option<&Schema>) -> syn::Result<Checked> {
    statement_or_tree(parsed, schema).map_err(|failed| failed.error)
}

/// A statement that did not pass: the errors, and the tree when parsing made one, with what
/// the checks learned of its types.
pub(crate) struct Failed {
    pub(crate) error: syn::Error,
    pub(crate) tree: Option<Box<Checked>>,
}

/// [`statement`], keeping the tree when a check fails: `select!` with a schema writes its row
/// type from it, so that the code reading the rows sees no second error.
pub(crate) fn statement_or_tree(
    parsed: Parsed,
    schema: Option<&Schema>,
) -> Result<Checked, Failed> {
    let cx = Ctxt::default();
    let (stmt, types) = checked(&cx, parsed, schema);
    let tree = stmt.map(|stmt| Checked { stmt, types });
    match (cx.finish(), tree) {
        (Ok(()), Some(checked)) => Ok(checked),
        (Ok(()), None) => Err(Failed {
            error: syn::Error::new(Span::call_site(), "expected a statement"),
            tree: None,
        }),
        (Err(error), tree) => Err(Failed {
            error,
            tree: tree.map(Box::new),
        }),
    }
}

/// [`statement`] for a `cte!` item, which parsing made the only CTE of a statement, with the
/// checks of an item.
pub(crate) fn item(
    (item, parsed): (Option<Item>, Parsed),
    schema: Option<&Schema>,
) -> syn::Result<Item> {
    let cx = Ctxt::default();
    checked(&cx, parsed, schema);
    if let Some(item) = &item {
        item::check(&cx, &item.cte);
    }
    cx.finish()?;
    item.ok_or_else(|| syn::Error::new(Span::call_site(), "expected a CTE"))
}

/// Records the syntax errors and runs every check of a statement; returns it with what the
/// checks learned of its types.
fn checked(
    cx: &Ctxt,
    parsed: Parsed,
    schema: Option<&Schema>,
) -> (Option<Statement>, names::Types) {
    let mut types = names::Types::default();
    for error in parsed.errors {
        cx.syntax(error);
    }
    if let Some(stmt) = &parsed.stmt {
        let bindings = Bindings::of(stmt);
        scope::check(cx, &bindings, stmt);
        recursive::check(cx, &bindings, stmt);
        shape::check(cx, stmt);
        types = names::check(cx, &bindings, schema, stmt);
        reserved::check(cx, stmt);
        placement::check(cx, stmt);
        if let Some(schema) = schema {
            tables::check(cx, &bindings, schema, stmt);
        }
    }
    (parsed.stmt, types)
}

/// The error collector the checks share.
#[derive(Default)]
pub(crate) struct Ctxt {
    errors: RefCell<Vec<Report>>,
}

/// One error, with the notes that go right after it.
struct Report {
    /// Where the error points, for the source order; line 0 where the compiler does not say.
    at: LineColumn,
    errors: syn::Error,
}

impl Ctxt {
    /// Records an error on `span`. `message` is rustc-style: lowercase, no trailing period, and
    /// `\nnote: ...` or `\nhelp: ...` lines where they help.
    pub(crate) fn error(&self, span: Span, message: impl Display) {
        self.push(span, syn::Error::new(span, message));
    }

    /// Records an error on `span` followed by a note on a second span, such as where a
    /// duplicated name is first defined. A proc macro on stable Rust cannot attach a labelled
    /// second span to an error, so the note is its own message, reported right after.
    pub(crate) fn error_with_note(
        &self,
        span: Span,
        message: impl Display,
        note_span: Span,
        note: impl Display,
    ) {
        let mut error = syn::Error::new(span, message);
        error.combine(syn::Error::new(note_span, note));
        self.push(span, error);
    }

    /// Records a syntax error (or several, combined).
    fn syntax(&self, error: syn::Error) {
        for error in error {
            self.push(error.span(), error);
        }
    }

    fn push(&self, span: Span, errors: syn::Error) {
        self.errors.borrow_mut().push(Report {
            at: span.start(),
            errors,
        });
    }

    /// All the errors in source order, combined into one, or `Ok` when there were none.
    ///
    /// The checks run one after the other, so their errors are sorted by where they point.
    /// Where the compiler gives no locations (before Rust 1.88) every error is at line 0 and
    /// the stable sort keeps the order the checks found them in.
    pub(crate) fn finish(self) -> syn::Result<()> {
        let mut reports = self.errors.into_inner();
        reports.sort_by_key(|report| (report.at.line, report.at.column));
        let mut errors = reports.into_iter().map(|report| report.errors);
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        combined.extend(errors);
        Err(combined)
    }
}

/// `1 column`, `2 columns`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `` `a`, `b` and `c` ``.
fn listing<T: Display>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
fn did_you_mean<'a, T: Display + 'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a T>,
) -> Option<String> {
    let name = name.to_ascii_lowercase();
    // As rustc: a third of the letters may differ, so one- and two-letter names match nothing.
    let limit = name.chars().count() / 3;
    candidates
        .into_iter()
        .map(|c| c.to_string())
        .map(|c| {
            (
                strsim::damerau_levenshtein(&name, &c.to_ascii_lowercase()),
                c,
            )
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
