//! Reusable CTEs: the value a `cte!` item defines, and the statements that splice it.
//!
//! A spliced statement is the call site's tree with the spliced CTEs put into its leading WITH.
//! Both trees are static and fixed per call site, so each combination is built once per
//! process and kept, with its own per-dialect cache: the renderer then sees one ordinary tree,
//! and every dialect rule applies to the spliced CTEs as to the written ones.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::render::Checked;
use crate::site::Site;
use crate::tree::decode::{self, Corrupt};
use crate::tree::{self, QueryExpr, Statement, With};

/// A common table expression defined once with `cte!` and spliced into `select!` queries as
/// `WITH {name}` or `FROM {name}`.
///
/// ```
/// use cte_runtime::{cte, select, Dialect};
///
/// cte! {
///     pub RECURSIVE countdown(n) AS (
///         SELECT 3 UNION ALL SELECT c.n - 1 FROM countdown c WHERE c.n > 1
///     )
/// }
///
/// let q = select! { WITH {countdown} SELECT c.n FROM countdown c ORDER BY c.n };
/// let sql = q.render(Dialect::Sqlite).unwrap().sql().to_owned();
/// assert!(sql.starts_with("WITH RECURSIVE countdown (n) AS ("));
/// ```
///
/// The item is a `static`: queries splice it by reference, and its tree is decoded once, the
/// first time a query that splices it is rendered.
pub struct Cte {
    name: &'static str,
    recursive: bool,
    source: Source,
}

enum Source {
    Tree(&'static tree::Cte),
    /// The CTE as `cte!` encodes it (see `tree::decode`), and the result of decoding it.
    Encoded {
        bytes: &'static [u8],
        decoded: OnceLock<Result<(&'static tree::Cte, Checked), Corrupt>>,
    },
}

impl Cte {
    /// A CTE written as a tree; `recursive` when it was written `RECURSIVE`.
    #[doc(hidden)]
    pub const fn new(recursive: bool, tree: &'static tree::Cte) -> Self {
        Cte {
            name: tree.name.value,
            recursive,
            source: Source::Tree(tree),
        }
    }

    /// The CTE of a `cte!` item, named `name`, encoded as `bytes`.
    #[doc(hidden)]
    pub const fn encoded(name: &'static str, recursive: bool, bytes: &'static [u8]) -> Self {
        Cte {
            name,
            recursive,
            source: Source::Encoded {
                bytes,
                decoded: OnceLock::new(),
            },
        }
    }

    /// The name that queries read it by.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether it is recursive.
    pub fn is_recursive(&self) -> bool {
        self.recursive
    }

    /// The CTE as a tree.
    ///
    /// # Panics
    ///
    /// If the item's tree does not decode, which only a `cte-macros` of another version than
    /// `cte-runtime` can cause; rendering a query that splices it returns that as an error.
    pub fn tree(&self) -> &'static tree::Cte {
        match self.decoded() {
            Ok((tree, _)) => tree,
            Err(Corrupt) => panic!(
                "the tree of `cte!` item `{}` is corrupt: cte-macros and cte-runtime versions differ?",
                self.name
            ),
        }
    }

    /// The tree, and what the renderer knows of it without walking it.
    fn decoded(&self) -> Result<(&'static tree::Cte, Checked), Corrupt> {
        match &self.source {
            Source::Tree(tree) => Ok((tree, Checked::No)),
            Source::Encoded { bytes, decoded } => *decoded.get_or_init(|| decode::cte(bytes)),
        }
    }
}

impl std::fmt::Debug for Cte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cte")
            .field("name", &self.name)
            .field("recursive", &self.recursive)
            .field("tree", &self.decoded().map(|(tree, _)| tree))
            .finish()
    }
}

/// Where a statement splices a CTE: its place among the written CTEs of the leading WITH, and
/// the name the query reads it by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SplicePoint {
    pub position: usize,
    pub name: &'static str,
}

/// Why a statement cannot take the CTEs it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpliceError {
    /// A CTE whose name is not the one the query reads, such as a `cte!` item bound to a
    /// variable of another name: the query would read a table that is not there.
    Name,
    /// Not one CTE per splice point, or no leading WITH to put them in.
    Shape,
    /// A spliced CTE reads a table that has the name of another CTE of the statement: there it
    /// would read the CTE instead.
    Capture,
    /// The tree of the statement or of a spliced CTE does not decode.
    Corrupt,
}

type Key = (usize, Vec<usize>);

/// The site of `site` with `ctes` spliced in, made once per combination.
pub(crate) fn site(
    site: &'static Site,
    ctes: &[&'static Cte],
) -> Result<&'static Site, SpliceError> {
    static SITES: OnceLock<Mutex<HashMap<Key, &'static Site>>> = OnceLock::new();
    let key = (
        site as *const Site as usize,
        ctes.iter().map(|&c| c as *const Cte as usize).collect(),
    );
    let sites = SITES.get_or_init(Default::default);
    // A poisoned map still holds only complete entries: each is inserted whole.
    let mut sites = sites.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&spliced) = sites.get(&key) {
        return Ok(spliced);
    }
    let decoded = site.decoded().map_err(|Corrupt| SpliceError::Corrupt)?;
    let mut checked = decoded.checked;
    let trees = ctes
        .iter()
        .map(|c| {
            let (tree, facts) = c.decoded()?;
            checked = checked.and(facts);
            Ok((c.name, c.recursive, tree))
        })
        .collect::<Result<Vec<_>, Corrupt>>()
        .map_err(|Corrupt| SpliceError::Corrupt)?;
    let tree = spliced_tree(decoded.tree, decoded.splices, &trees)?;
    // Bounded by the number of (call site, spliced item) combinations in the program.
    let spliced: &'static Site = Box::leak(Box::new(Site::checked(tree, decoded.options, checked)));
    sites.insert(key, spliced);
    Ok(spliced)
}

/// A spliced CTE: its name, whether it is recursive, and its tree.
type Spliced = (&'static str, bool, &'static tree::Cte);

fn spliced_tree(
    stmt: &'static Statement,
    points: &[SplicePoint],
    ctes: &[Spliced],
) -> Result<&'static Statement, SpliceError> {
    let Statement::Query(query) = stmt else {
        return Err(SpliceError::Shape);
    };
    let Some(with) = &query.with else {
        return Err(SpliceError::Shape);
    };
    if points.len() != ctes.len() {
        return Err(SpliceError::Shape);
    }
    let mut list: Vec<tree::Cte> = Vec::with_capacity(with.ctes.len() + ctes.len());
    let mut written = with.ctes.iter();
    let mut taken = 0;
    for (point, &(name, _, cte)) in points.iter().zip(ctes) {
        if name != point.name {
            return Err(SpliceError::Name);
        }
        let before = point.position.saturating_sub(taken);
        list.extend(written.by_ref().take(before).copied());
        taken += before;
        list.push(*cte);
    }
    list.extend(written.copied());
    for &(_, _, cte) in ctes {
        let captured = list
            .iter()
            .filter(|other| {
                !cte_shared::same_name(
                    (other.name.value, other.name.raw),
                    (cte.name.value, cte.name.raw),
                )
            })
            .any(|other| crate::render::cte_reads(cte, &other.name));
        if captured {
            return Err(SpliceError::Capture);
        }
    }
    let recursive = with.recursive || ctes.iter().any(|&(_, recursive, _)| recursive);
    let ctes: &'static [tree::Cte] = Box::leak(list.into_boxed_slice());
    let query = QueryExpr {
        with: Some(With { recursive, ctes }),
        ..*query
    };
    Ok(Box::leak(Box::new(Statement::Query(query))))
}
