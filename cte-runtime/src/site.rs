//! A `select!` call site: its tree, decoded on first use, and its rendered SQL per dialect.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::render::{Checked, Template, Width};
use crate::tree::decode::{self, Corrupt, Decoded};
use crate::tree::{Options, Statement};
use crate::Dialect;

/// The rendered SQL of one statement, once per dialect.
///
/// Only SQL is kept, never a `RenderError`: an error may come from the kinds of the parameters
/// (a NULL with no type in a recursive anchor), and a cached one would refuse the next query
/// at the call site whose kinds render fine. A refused query renders again each time.
pub(crate) type Cache = [OnceLock<Template>; Dialect::ALL.len()];

pub(crate) fn empty() -> Cache {
    [const { OnceLock::new() }; Dialect::ALL.len()]
}

/// One `select!` call site: its tree and its rendered SQL, once per dialect.
///
/// The tree is known at compile time, so each dialect is rendered once per process and every
/// later render is a lookup. A rendering that depended on the parameters' kinds (PostgreSQL
/// casts a parameter where nothing else types it) is only reused for queries with the same
/// kinds; the kinds of one call site differ only in generic code or for `Value` parameters.
///
/// The macro writes the tree as bytes (see `tree::decode`), decoded by the first render of the
/// site and shared by every dialect; trees written by hand as a `static` need no decoding.
#[doc(hidden)]
pub struct Site {
    source: Source,
    pub(crate) cache: Cache,
    /// The SQL of queries that bind lists, by dialect and how each parameter is written: a
    /// few texts per dialect, as lists are padded (see `render/list.rs`). Each lives as long
    /// as the site, which is a `static`.
    lists: OnceLock<Mutex<ListCache>>,
}

/// Per dialect, by how each parameter is written: looked up by a borrowed key, so a render
/// that finds its SQL allocates no key.
type ListCache = [HashMap<Box<[Width]>, &'static Template>; Dialect::ALL.len()];

enum Source {
    Tree(Decoded),
    /// The encoded statement, its options and splice points, and the result of decoding them.
    Encoded {
        bytes: &'static [u8],
        decoded: OnceLock<Result<Decoded, Corrupt>>,
    },
}

impl Site {
    pub const fn new(tree: &'static Statement) -> Self {
        Site::with_options(tree, Options::NONE)
    }

    /// A site whose statement carries statement-level options, such as a recursion limit.
    pub const fn with_options(tree: &'static Statement, options: Options) -> Self {
        Site::checked(tree, options, Checked::No)
    }

    /// A site of a tree whose facts are `checked`, such as a statement with `cte!` items
    /// spliced in.
    pub(crate) const fn checked(
        tree: &'static Statement,
        options: Options,
        checked: Checked,
    ) -> Self {
        Site::of(Source::Tree(Decoded {
            tree,
            options,
            splices: &[],
            checked,
        }))
    }

    /// The site of a `select!` call, with its statement, options and splice points encoded.
    pub const fn encoded(bytes: &'static [u8]) -> Self {
        Site::of(Source::Encoded {
            bytes,
            decoded: OnceLock::new(),
        })
    }

    const fn of(source: Source) -> Self {
        Site {
            source,
            cache: [const { OnceLock::new() }; Dialect::ALL.len()],
            lists: OnceLock::new(),
        }
    }

    /// The SQL for `dialect` with parameters written as `widths` say, rendered by `render` the
    /// first time. An error is returned, not kept (see [`Cache`]).
    pub(crate) fn list_template<E>(
        &'static self,
        dialect: Dialect,
        widths: &[Width],
        render: impl FnOnce(&[Width]) -> Result<Template, E>,
    ) -> Result<&'static Template, E> {
        let cache = self.lists.get_or_init(Mutex::default);
        let i = dialect.index();
        // A panic elsewhere cannot leave the map half-written: entries are inserted whole.
        if let Some(template) = cache.lock().unwrap_or_else(PoisonError::into_inner)[i].get(widths)
        {
            return Ok(template);
        }
        let template = render(widths)?;
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(*cache[i]
            .entry(widths.into())
            .or_insert_with(|| Box::leak(Box::new(template))))
    }

    /// The statement and what goes with it, decoded on the first call.
    pub(crate) fn decoded(&self) -> Result<&Decoded, Corrupt> {
        match &self.source {
            Source::Tree(decoded) => Ok(decoded),
            Source::Encoded { bytes, decoded } => decoded
                .get_or_init(|| decode::statement(bytes))
                .as_ref()
                .map_err(|&e| e),
        }
    }

    /// Decodes the site's bytes anew, as its first render does; the tree is leaked each time.
    pub(crate) fn decode_afresh(&self) -> Result<(), Corrupt> {
        match &self.source {
            Source::Tree(_) => Ok(()),
            Source::Encoded { bytes, .. } => decode::statement(bytes).map(drop),
        }
    }
}
