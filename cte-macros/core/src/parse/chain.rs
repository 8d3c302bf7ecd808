//! The height of the tree that chains of binary operators and set operations build.

use std::cell::Cell;

use proc_macro2::Span;

use super::cursor::Parser;

/// How tall the tree of operator and set operation chains (`a + b + c`, `SELECT .. UNION ALL
/// SELECT ..`) may grow, in links: a chain is parsed in a loop, but the tree it builds is as
/// tall as the chain is long, plus the height of its operands, and the checks, the encoder and
/// the runtime's decoder and renderer walk that height recursively. The runtime renders on the
/// user's thread: unoptimised, it takes 3 to 4 KiB of stack per link, and 400 links render
/// within three quarters of a spawned thread's 2 MiB. The engines have limits of their own
/// (SQLite: an expression 1000 deep, 500 compound SELECT arms).
pub(crate) const MAX_CHAIN: usize = 400;

/// Measures the height of the tree a chain builds: each link is one node above the taller of
/// its operands. A long flat chain is no deep nesting: parsing it takes no stack, but a bound
/// on its height keeps what walks the tree afterwards inside the stack.
pub(crate) struct Chain<'s> {
    height: &'s Cell<usize>,
    /// The height measured around the chain before it started, given back when it ends.
    outer: usize,
    /// The height of the chain so far, once it has a link.
    own: Option<usize>,
}

impl<'s> Chain<'s> {
    /// Parses the right operand of the link at `token` with `right`.
    pub(crate) fn link<T>(
        &mut self,
        p: &mut Parser<'s>,
        token: Span,
        right: impl FnOnce(&mut Parser<'s>) -> syn::Result<T>,
    ) -> syn::Result<T> {
        let left = self.own.unwrap_or_else(|| self.height.get());
        self.height.set(0);
        let value = right(p)?;
        let height = left.max(self.height.get()) + 1;
        if height > MAX_CHAIN {
            return Err(syn::Error::new(
                token,
                format!(
                    "the query chains too many operators (more than {MAX_CHAIN} binary \
                     operators and set operations built on one another); split it, or move \
                     parts into CTEs"
                ),
            ));
        }
        self.own = Some(height);
        Ok(value)
    }
}

impl Drop for Chain<'_> {
    fn drop(&mut self) {
        let own = self.own.unwrap_or_else(|| self.height.get());
        self.height.set(self.outer.max(own));
    }
}

impl<'s> Parser<'s> {
    /// Starts a chain of binary operators or set operations, before its first operand.
    pub(crate) fn chain(&self) -> Chain<'s> {
        Chain {
            height: self.height(),
            outer: self.height().replace(0),
            own: None,
        }
    }

    /// Starts a chain whose first operand is the lead of `parse::group::query_or`, parsed already:
    /// nothing was parsed before it that the chain must not count.
    pub(crate) fn chain_after_lead(&self) -> Chain<'s> {
        Chain {
            height: self.height(),
            outer: 0,
            own: None,
        }
    }
}
