//! The tree as `select!` and `cte!` emit it: one byte string per call site, decoded on first use.
//!
//! A tree written as a `static` of nested struct literals costs rustc a type check and a
//! constant evaluation per node, tens of milliseconds of compile time per query. One byte
//! string literal costs it next to nothing, and decoding it once per call site per process
//! takes a few microseconds (BENCHMARKS.md, "Decode"). The decoded nodes are allocated once and leaked, so they
//! are `&'static` like a `static` tree: the memory is bounded by the number of call sites (and
//! `cte!` items) that run, each decoded at most once.
//!
//! This module is the one description of the format's grammar; the encoder in
//! `cte-macros-core` (`expand/encode.rs`) writes exactly what it reads. The version, the order of
//! the slabs and the byte of every choice are defined once, in `cte_shared::format` and
//! `cte_shared::tree`, which both sides match on exhaustively.
//!
//! # Format, version 3
//!
//! Primitives: `u` is an unsigned LEB128 varint; `bool` one byte, 0 or 1; `str` is `u` length
//! of the next string of `text`; `ident` is `u` of `len << 1 | raw`, its value the next `len`
//! bytes of `text`; `list<T>` is `u` count then the items; `opt<T>` is one
//! byte, 0 for none or 1 followed by `T`; `opt_u32` is `u`, 0 for none or `n + 1`. A choice is
//! one byte counting from 0 in the order listed. Fields follow in the order written.
//!
//! ```text
//! bytes        = version:3 root:byte counts:u[14] text_len:u text rest
//! text         = every string, in the order they are read, as one run of UTF-8: validated
//!                once, and decoded strings borrow it
//! rest, root 0 = select!: max_recursion:u splices:list<position:u name:str> statement*
//! rest, root 1 = cte!: cte*
//! statement    = 0 query | 1 with table:name columns:list<ident> source:query* on_conflict
//!                  returning
//!              | 2 with table:name alias:opt<ident> assignments from
//!                  where:opt<expr> returning
//!              | 3 with table:name alias:opt<ident> where:opt<expr> returning
//! returning    = list<select_item>
//! on_conflict  = 0 (none) | 1 target key (DO NOTHING)
//!              | 2 target key assignments where:opt<expr> (DO UPDATE)
//! target       = list<ident>   key = (unknown, only, not only): see `ConflictKey`
//! assignments  = list<column:ident value:expr>
//! query        = with set_expr order_by limit:opt<expr> offset:opt<expr>
//! with         = 0 (none) | 1 list<cte> (WITH) | 2 list<cte> (WITH RECURSIVE)
//! cte          = name:ident columns:list<ident> materialized:(default, yes, no)
//!                body:statement* search:opt<(depth, breadth) by:list<ident> set:ident>
//!                cycle:opt<columns:list<ident> set:ident marks:opt<to:expr default:expr>
//!                using:ident>
//! set_expr     = 0 select* | 1 rows:list<list<expr>> | 2 query*
//!              | 3 op:(union, union all, intersect, intersect all, except, except all)
//!                  left:set_expr* right:set_expr*
//! select       = distinct:bool list<select_item> from where:opt<expr> group_by:list<expr>
//!                having:opt<expr>
//! from         = list<table_factor joins:list<join>>
//! select_item  = 0 (*) | 1 name (name.*) | 2 expr | 3 expr alias:ident
//! name         = list<ident>
//! order_by     = list<expr byte(order * 3 + nulls)>   order: default, asc, desc;
//!                                                      nulls: default, first, last
//! table_factor = 0 name opt<alias> | 1 lateral:bool query* opt<alias> | 2 (table_factor
//!                joins:list<join>)* (parenthesised)
//! alias        = name:ident columns:list<ident>
//! join         = byte(kind * 3 + constraint) table_factor then expr (on) | list<ident> (using)
//!                | nothing; kind: inner, left, right, full, cross; constraint: on, using, none
//! expr         = tag fields, see `Decoder::expr`
//! ```
//!
//! Every node written `T*` (behind a reference) and every list item takes one entry of its
//! type's slab: one allocation per node type, sized from `counts`, in the order of the fields
//! of `Slabs`. Malformed bytes or another version are an error, never a panic: rendering
//! reports them as a `RenderError` (see `Query::render`).

use cte_shared::format::Root;

use super::*;
use crate::cte::SplicePoint;
use crate::render::Checked;

/// The version this decoder reads, and the first byte of every encoding.
pub(crate) use cte_shared::format::FORMAT;

/// Deeper nesting than the macro's parser accepts is corruption, not a query; the limit keeps a
/// malformed encoding from overflowing the stack.
const MAX_DEPTH: u32 = 1024;

/// The bytes are not a tree this version of the runtime can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

type Res<T> = Result<T, Corrupt>;

/// A decoded statement with what the call site says beside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decoded {
    pub tree: &'static Statement,
    pub options: Options,
    pub splices: &'static [SplicePoint],
    pub checked: Checked,
}

/// Decodes the statement of a `select!` call site.
pub(crate) fn statement(bytes: &'static [u8]) -> Res<Decoded> {
    let mut d = Decoder::new(bytes, Root::Statement)?;
    let max_recursion = d.u32()?;
    let lock = u8::try_from(d.u32()?)
        .ok()
        .and_then(cte_shared::format::lock_from_tag)
        .ok_or(Corrupt)?;
    let options = Options {
        max_recursion,
        lock,
    };
    let n = d.len()?;
    // Each splice point takes at least two bytes.
    if n > d.bytes.len() / 2 {
        return Err(Corrupt);
    }
    let mut splices = Vec::with_capacity(n);
    for _ in 0..n {
        let position = d.len()?;
        let name = d.str()?;
        splices.push(SplicePoint { position, name });
    }
    let tree = d.boxed_statement()?;
    d.finish()?;
    Ok(Decoded {
        tree,
        options,
        splices: splices.leak(),
        checked: d.checked(),
    })
}

/// Decodes the CTE of a `cte!` item.
pub(crate) fn cte(bytes: &'static [u8]) -> Res<(&'static Cte, Checked)> {
    let mut d = Decoder::new(bytes, Root::Cte)?;
    let slot = &mut d.slabs.ctes.take(1)?[0];
    *slot = d.cte()?;
    d.finish()?;
    Ok((slot, d.checked()))
}

/// The reading position in one encoding. Its methods are split by part of the format: the header
/// and primitives (`read`), statements and queries (`query`), expressions (`expr`).
struct Decoder {
    bytes: &'static [u8],
    /// The strings not yet read.
    text: &'static str,
    slabs: Slabs,
    depth: u32,
    /// A CTE decoded so far has a SEARCH or CYCLE clause.
    search_cycle: bool,
}

/// Decodes a list into a slab: the count, then each item with `item`.
macro_rules! list {
    ($d:ident, $slab:ident, $item:expr) => {{
        let n = $d.len()?;
        let out = $d.slabs.$slab.take(n)?;
        for slot in out.iter_mut() {
            *slot = $item;
        }
        let out: &'static [_] = out;
        out
    }};
}

/// One node into its slab, as a `&'static` reference.
macro_rules! boxed {
    ($d:ident, $slab:ident, $item:expr) => {{
        let slot = &mut $d.slabs.$slab.take(1)?[0];
        *slot = $item;
        let slot: &'static _ = slot;
        slot
    }};
}

mod expr;
mod query;
mod read;
mod slab;

use slab::Slabs;

#[cfg(test)]
mod tests;
