//! The error of rendering a query for a dialect that cannot express it.

use std::fmt;

use crate::{Dialect, ValueError};

/// A construct that the target dialect cannot express with the same meaning.
///
/// Rendering returns this instead of SQL that would run differently on that engine. It names
/// the construct and the dialect, and says what to write instead:
///
/// ```
/// use cte_runtime::{select, Dialect};
///
/// let q = select! { SELECT a.x, b.y FROM a FULL JOIN b ON a.x = b.x };
/// assert!(q.render(Dialect::Postgres).is_ok());
/// let e = q.render(Dialect::MySql).unwrap_err();
/// assert_eq!((e.construct(), e.dialect()), ("FULL JOIN", Dialect::MySql));
/// println!("{e}"); // FULL JOIN is not supported on MySQL: ...
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    construct: &'static str,
    dialect: Dialect,
    help: &'static str,
    /// A fault of cte itself rather than of the query, such as an undecodable tree.
    internal: bool,
    /// A parameter that has no value to bind (1-based, in source order), and why.
    param: Option<Box<(usize, ValueError)>>,
}

impl RenderError {
    /// `construct` names what was written (`"FULL JOIN"`); `help` says what to do instead, or is
    /// empty.
    pub const fn new(construct: &'static str, dialect: Dialect, help: &'static str) -> Self {
        RenderError {
            construct,
            dialect,
            help,
            internal: false,
            param: None,
        }
    }

    /// Parameter `index` (0-based, in source order) did not convert into a [`Value`](crate::Value):
    /// an integer beyond `i64`. The query holds the error from its construction on, and every
    /// render returns it, so nothing is sent with a wrapped or missing value.
    pub(crate) fn param(index: usize, error: ValueError, dialect: Dialect) -> Self {
        RenderError {
            construct: "an integer parameter outside the range of i64",
            dialect,
            help: "check it first (`i64::try_from(x)?`) or bind it as text",
            internal: false,
            param: Some(Box::new((index + 1, error))),
        }
    }

    /// The tree of a call site or `cte!` item does not decode: the bytes the macro wrote are not
    /// in the format this runtime reads.
    pub(crate) const fn corrupt_tree(dialect: Dialect) -> Self {
        RenderError {
            construct: "internal: the query tree of this call site is corrupt",
            dialect,
            help: "cte-macros and cte-runtime versions differ? Build both from the same release",
            internal: true,
            param: None,
        }
    }

    /// The SQL construct that cannot be rendered, as written in the query.
    ///
    /// ```
    /// use cte_runtime::{select, Dialect};
    ///
    /// let q = select! { SELECT a.x, b.y FROM a FULL JOIN b ON a.id = b.id };
    /// let e = q.render(Dialect::MySql).unwrap_err();
    /// assert_eq!(e.construct(), "FULL JOIN");
    /// assert_eq!(e.dialect(), Dialect::MySql);
    /// assert!(e.help().contains("UNION"));
    /// assert!(e.param_error().is_none());
    /// // The same query renders where the engine has the construct.
    /// assert!(q.render(Dialect::Postgres).is_ok());
    /// ```
    pub fn construct(&self) -> &'static str {
        self.construct
    }

    /// The dialect that cannot express it.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// For a parameter that did not convert: its position (1-based, in source order) and why.
    ///
    /// ```
    /// use cte_runtime::{select, Dialect};
    ///
    /// let (low, huge) = (1, u64::MAX);
    /// let e = select! { SELECT id FROM t WHERE id BETWEEN {low} AND {huge} }
    ///     .render(Dialect::Sqlite)
    ///     .unwrap_err();
    /// let (position, why) = e.param_error().expect("a parameter error");
    /// assert_eq!(position, 2);
    /// assert!(why.is_out_of_range());
    /// ```
    pub fn param_error(&self) -> Option<(usize, &ValueError)> {
        self.param.as_deref().map(|(n, e)| (*n, e))
    }

    /// What to write instead, if anything.
    pub fn help(&self) -> &'static str {
        self.help
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((n, error)) = self.param_error() {
            // Not a limit of the dialect: no engine binds the value, so it is not named.
            write!(
                f,
                "parameter {n} of the query: {error}, the widest integer every engine binds"
            )?;
        } else if self.internal {
            write!(f, "{} (rendering for {})", self.construct, self.dialect)?;
        } else {
            write!(f, "{} is not supported on {}", self.construct, self.dialect)?;
        }
        if !self.help.is_empty() {
            write!(f, ": {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for RenderError {}
