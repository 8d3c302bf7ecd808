//! The checked tree lowered to the bytes that `cte_runtime` decodes into its tree.
//!
//! The format is described once, in `cte-runtime/src/tree/decode.rs`; this file writes exactly
//! what the decoder there reads, field by field in the same order, with the version, slabs and
//! tags of `cte_shared::format`. Lowering also collects what
//! the expansion emits as tokens beside the bytes: the parameter values and the spliced items.

use proc_macro2::TokenStream;

use cte_shared::format::{Root, Slab, FORMAT, SLABS};

use crate::ast::{self, Statement};

/// Lowers ast nodes to bytes and collects the parameter values.
pub(crate) struct Lower {
    out: Vec<u8>,
    /// The bytes of every string, in the order the decoder reads them: one region it
    /// validates as UTF-8 at once instead of string by string.
    text: String,
    counts: [usize; SLABS],
    pub(crate) params: Vec<(usize, TokenStream)>,
    /// The marker type (`cte_runtime::__private::sql::Date`) each parameter must bind as, by
    /// its index, where a schema says.
    pub(crate) param_types: std::collections::HashMap<usize, TokenStream>,
    /// The spliced items, in order, and where each goes among the written CTEs, under what
    /// name. The checks let them into the statement's leading WITH only.
    pub(crate) splices: Vec<ast::Splice>,
    splice_points: Vec<(usize, String)>,
    /// What the schema says of the unique keys of each upsert's table, by the address of its
    /// ON CONFLICT clause (see `cte_shared::tree::ConflictKey`); unknown where missing.
    pub(crate) conflict_keys:
        std::collections::HashMap<*const ast::OnConflict, cte_shared::tree::ConflictKey>,
}

impl Default for Lower {
    fn default() -> Self {
        Lower {
            out: Vec::with_capacity(256),
            text: String::with_capacity(128),
            counts: [0; SLABS],
            params: Vec::new(),
            param_types: std::collections::HashMap::new(),
            splices: Vec::new(),
            splice_points: Vec::new(),
            conflict_keys: std::collections::HashMap::new(),
        }
    }
}

impl Lower {
    /// The whole encoding of a `select!` statement: header, options, splice points, statement.
    pub(crate) fn select(
        mut self,
        stmt: &Statement,
        max_recursion: u32,
        lock: u8,
    ) -> (Vec<u8>, Self) {
        self.count(Slab::Statements, 1);
        self.statement(stmt);
        let body = std::mem::take(&mut self.out);
        // The splice names come first in the text, as the decoder reads them before the body.
        let mut text = String::new();
        let mut head = Vec::with_capacity(16);
        put_u(&mut head, u64::from(max_recursion));
        put_u(&mut head, u64::from(lock));
        put_u(&mut head, self.splice_points.len() as u64);
        for (position, name) in &self.splice_points {
            put_u(&mut head, *position as u64);
            put_u(&mut head, name.len() as u64);
            text.push_str(name);
        }
        text.push_str(&self.text);
        let mut out = self.header(Root::Statement, &text, head.len() + body.len());
        out.extend_from_slice(&head);
        out.extend_from_slice(&body);
        (out, self)
    }

    /// The whole encoding of a `cte!` item.
    pub(crate) fn cte_item(mut self, cte: &ast::Cte, body: &Statement) -> (Vec<u8>, Self) {
        self.count(Slab::Ctes, 1);
        self.cte(cte, body);
        let body = std::mem::take(&mut self.out);
        let mut out = self.header(Root::Cte, &self.text, body.len());
        out.extend_from_slice(&body);
        (out, self)
    }

    fn header(&self, root: Root, text: &str, body: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + SLABS * 2 + 4 + text.len() + body);
        out.push(FORMAT);
        out.push(root.tag());
        for &count in &self.counts {
            put_u(&mut out, count as u64);
        }
        put_u(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        out
    }

    pub(super) fn count(&mut self, slab: Slab, n: usize) {
        // Each node written behind a reference or in a list counts one entry of its slab.
        self.counts[usize::from(slab.tag())] += n;
    }

    // ---- primitives ----

    /// The tag of a choice (`cte_shared::format`, `cte_shared::tree`).
    pub(super) fn tag(&mut self, tag: u8) {
        self.out.push(tag);
    }

    pub(super) fn bool(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    pub(super) fn len(&mut self, n: usize) {
        put_u(&mut self.out, n as u64);
    }

    pub(super) fn opt_u32(&mut self, n: Option<u32>) {
        put_u(&mut self.out, n.map_or(0, |n| u64::from(n) + 1));
    }

    pub(super) fn str(&mut self, s: &str) {
        put_u(&mut self.out, s.len() as u64);
        self.text.push_str(s);
    }

    pub(super) fn ident(&mut self, ident: &ast::Ident) {
        put_u(
            &mut self.out,
            (ident.value.len() as u64) << 1 | u64::from(ident.raw),
        );
        self.text.push_str(&ident.value);
    }

    pub(super) fn idents(&mut self, idents: &[ast::Ident]) {
        self.count(Slab::Idents, idents.len());
        self.len(idents.len());
        for ident in idents {
            self.ident(ident);
        }
    }

    pub(super) fn name(&mut self, name: &ast::ObjectName) {
        self.idents(&name.parts);
    }

    pub(super) fn opt_ident(&mut self, ident: Option<&ast::Ident>) {
        self.bool(ident.is_some());
        if let Some(ident) = ident {
            self.ident(ident);
        }
    }

    /// A list of `items` into `slab`, each written by `f`.
    pub(super) fn list<T>(&mut self, slab: Slab, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.count(slab, items.len());
        self.len(items.len());
        for item in items {
            f(self, item);
        }
    }
}

fn put_u(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

mod expr;
mod query;
