//! Compile-time checks on the parsed tree. Each check pushes its errors into a [`Ctxt`] and
//! returns nothing, so every independent error of one macro call is reported, in source order.

mod scope;

use proc_macro2::Span;

use crate::ast::Statement;

/// Runs every check on `stmt`; returns it when no check failed.
pub(crate) fn statement(stmt: Statement) -> syn::Result<Statement> {
    let cx = Ctxt::default();
    scope::check(&cx, &stmt);
    cx.finish().map(|()| stmt)
}

/// The error collector the checks share.
#[derive(Default)]
pub(crate) struct Ctxt {
    errors: std::cell::RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// Records an error on `span`.
    pub(crate) fn error(&self, span: Span, message: impl std::fmt::Display) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new(span, message));
    }

    /// All the errors, combined into one, or `Ok` when there were none.
    pub(crate) fn finish(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

#[cfg(test)]
mod tests;
