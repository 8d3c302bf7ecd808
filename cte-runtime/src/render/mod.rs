//! Rendering a tree into SQL text for one dialect.
//!
//! First `plan` checks the whole statement and decides what moves (`hoist`), and `planner`
//! what each recursive CTE, VALUES list and `*` needs; then one [`Renderer`] walks the tree and
//! writes into one buffer, reading those answers. The files split the grammar:
//! `query` (WITH, set operations, SELECT, ORDER BY, LIMIT), `values`, `from`, `expr` (with
//! `concat` for `||`), `dml`; `literal` writes identifiers, strings, numbers and parameters;
//! `facts` holds every per-dialect fact that is plain data (the grammar files ask it, through
//! `Renderer::support`, instead of testing the dialect), and `reserved` the words each
//! dialect reserves; `mssql`, `mysql` and `sqlite` hold the structural rewrites of their
//! dialect, `moved` the CTEs moved to where they are read, `star` what `*` stands for, and
//! `order` the order of a WITH's CTEs where a CTE sees only those before it; `members` the
//! anchor and recursive members of a recursive CTE and how each dialect takes them; `recursive`
//! widens text that grows in a recursive CTE; `visit` is the one walk over the whole tree that the
//! analyses are built on (`walk` gives its events as one type), `scope` answers which CTEs a
//! part of the tree names, and `binding` the WITHs around what is being written and what a
//! table name means there (a CTE, renamed where MySQL and MariaDB need shadowing CTEs renamed,
//! moved or carried), the one analysis left to the writer (it says why); `log` records every rendering when `CTE_RENDER_LOG` names a file.

mod binding;
mod concat;
mod dml;
mod expr;
mod facts;
mod from;
mod hoist;
mod limit;
mod list;
mod literal;
mod log;
mod members;
mod moved;
mod mssql;
mod mysql;
mod order;
mod plan;
mod planner;
mod query;
mod recursive;
mod reserved;
mod rewrite;
mod scope;
mod search_cycle;
mod set_op;
mod sqlite;
mod star;
#[cfg(test)]
mod tests;
mod typing;
mod upsert;
mod values;
mod visit;
mod walk;
mod window;

use std::cell::Cell;
use std::rc::Rc;

use crate::param::ParamKind;
use crate::tree::{Cte, Ident, Options, Statement};

use crate::{Dialect, RenderError, Value};
pub(crate) use list::{binds_arrays, widths, Width};

/// The SQL of one statement for one dialect, with how to order the parameters.
#[derive(Debug)]
pub(crate) struct Template {
    pub sql: String,
    pub order: ParamOrder,
    /// The parameter kinds the SQL was written for, when it depends on them.
    pub kinds: Option<Box<[ParamKind]>>,
}

impl Template {
    /// Whether this SQL is right for parameters of these kinds.
    pub(crate) fn fits(&self, kinds: &[ParamKind]) -> bool {
        self.kinds.as_deref().map_or(true, |k| k == kinds)
    }
}

/// What is known of a whole tree before rendering it, which the renderer otherwise walks the
/// tree to learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checked {
    /// A tree built by hand: its names may be the renderer's own (`__cte_...`).
    No,
    /// A tree a macro made, whose names the macro's checks kept clear of the renderer's own;
    /// `search_cycle` when one of its CTEs has a SEARCH or CYCLE clause.
    Yes { search_cycle: bool },
}

impl Checked {
    /// The facts of a tree made of parts with these facts.
    pub(crate) fn and(self, other: Checked) -> Checked {
        match (self, other) {
            (Checked::Yes { search_cycle: a }, Checked::Yes { search_cycle: b }) => Checked::Yes {
                search_cycle: a || b,
            },
            _ => Checked::No,
        }
    }
}

/// What rendering needs besides the tree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    /// The kind of each parameter, by source index; missing ones are unknown.
    pub kinds: &'a [ParamKind],
    pub options: &'a Options,
    pub checked: Checked,
    /// How each parameter is written, when the query binds a list (see `list.rs`).
    pub widths: Option<&'a [Width]>,
}

#[cfg(test)]
impl Context<'_> {
    const NONE: Context<'static> = Context {
        kinds: &[],
        options: &Options::NONE,
        checked: Checked::No,
        widths: None,
    };
}

/// Which source parameters the placeholders take, in placeholder order.
#[derive(Debug)]
pub(crate) enum ParamOrder {
    /// Exactly the source parameters, in source order (always so for numbered placeholders).
    Source,
    /// The value of each placeholder, in order: a parameter may be repeated or moved when the
    /// dialect needs the SQL rearranged, and a list spreads over several placeholders.
    Slots(Box<[Slot]>),
}

/// Where a placeholder's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The source parameter with this index.
    Whole(usize),
    /// The value at this place of the list that the source parameter holds; past the list's
    /// end, its last value (see `list.rs`).
    Item(usize, usize),
}

impl Slot {
    /// The value this placeholder binds, from the parameters in source order.
    pub(crate) fn value(self, params: &[Value]) -> Value {
        match self {
            Slot::Whole(i) => params.get(i).cloned().unwrap_or(Value::Null),
            Slot::Item(i, j) => match params.get(i) {
                Some(Value::Array(values)) => values
                    .get(j)
                    .or(values.last())
                    .cloned()
                    .unwrap_or(Value::Null),
                other => other.cloned().unwrap_or(Value::Null),
            },
        }
    }
}

/// Renders `stmt` for `dialect`, with no statement options and parameters of unknown kinds.
/// With `inline` set, parameters are written as escaped literals instead of placeholders.
#[cfg(test)]
pub(crate) fn render(
    stmt: &Statement,
    dialect: Dialect,
    inline: Option<&[Value]>,
) -> Result<Template, RenderError> {
    render_in(stmt, dialect, inline, &Context::NONE)
}

/// Renders `stmt` for `dialect` in `context`.
pub(crate) fn render_in(
    stmt: &Statement,
    dialect: Dialect,
    inline: Option<&[Value]>,
    context: &Context<'_>,
) -> Result<Template, RenderError> {
    let rendered = plan::plan(stmt, dialect, context).and_then(|plan| {
        let rendered = Renderer::new(dialect, inline, context, &plan).render(stmt);
        match (rendered, plan.limit) {
            // The default cap needs MariaDB's level column, which some recursive CTEs cannot
            // carry (a UNION recursion): those keep no cap, as without a LIMIT (see `limit.rs`).
            (Err(_), limit::Limit::Default) => {
                let plan = plan.with_limit(stmt, dialect, context, limit::Limit::None);
                Renderer::new(dialect, inline, context, &plan).render(stmt)
            }
            (rendered, _) => rendered,
        }
    });
    log::record(dialect, inline.is_some(), &rendered);
    rendered
}

/// Whether the body of `cte` reads a relation called `name`.
pub(crate) fn cte_reads(cte: &Cte, name: &Ident) -> bool {
    scope::statement_mentions(cte.body, name)
}

/// What every rendering method returns.
type Res = Result<(), RenderError>;

/// The body of a recursive CTE being written: what the plan decided for the CTE, and where its
/// members stand.
struct RecursiveBody {
    /// The query depth of the body's members.
    depth: u32,
    /// `scopes_len()` when the body starts: a WITH entered since may shadow the CTE's name.
    scope_len: usize,
    /// The anchor columns to widen (see `recursive.rs`).
    widen: Option<Rc<recursive::Widen>>,
    /// The columns added (see `rewrite.rs`), taken out while they are written.
    rewrite: Option<Rc<rewrite::Rewrite>>,
    /// The fresh name the CTE is written under when an added column is hidden.
    internal: Option<Rc<str>>,
    /// The depth of the anchor VALUES being written.
    in_values: Option<u32>,
    /// The CTE's name, and the name it is written under where that differs.
    name: Ident,
    written: Option<Rc<str>>,
    /// The anchor written as one derived table (see `members.rs`), by address.
    anchor: Option<*const crate::tree::SetExpr>,
    /// The members written as one, LATERAL over one reference to the CTE (see `members.rs`).
    lateral: Option<Rc<members::Lateral>>,
    /// While those members are written: the alias of that reference.
    working: Option<Rc<str>>,
}

/// The one renderer: a buffer, the source index of each placeholder written, and the context
/// that some dialects need while walking down the tree.
struct Renderer<'v> {
    dialect: Dialect,
    inline: Option<&'v [Value]>,
    /// The kind of each parameter, by source index; read through `param_kind`.
    kinds: &'v [ParamKind],
    /// A parameter's kind was read, so the SQL written (or the error) may depend on it. A cell,
    /// so that every reader, `&self` ones included, records it.
    kinds_used: Cell<bool>,
    /// How the parameter being written gets its type from where it stands (see `typing.rs`).
    typing: typing::Typing,
    sql: String,
    /// The value of each `?` in text order, once they left source order; empty while the
    /// first `in_order` placeholders took the first `in_order` parameters.
    params: Vec<Slot>,
    in_order: usize,
    /// How many values the placeholders written so far bind: the highest number written, or
    /// the number of `?` (see `facts::param_limit`).
    bound_params: usize,
    /// How each parameter is written, when the query binds a list, and for numbered
    /// placeholders the number before each parameter's first.
    widths: Option<(&'v [Width], Vec<usize>)>,
    /// Counter for generated aliases (`__cte_d1`, ...).
    generated: u32,
    /// How many queries deep we are: 0 for the statement itself.
    depth: u32,
    /// The WITHs around what is being written, and what a name means there (see
    /// `binding.rs`).
    scopes: binding::Scopes,
    /// The recursive CTE whose body is being written.
    recursive_body: Option<RecursiveBody>,
    /// A recursive WITH was written: its recursion limit (see `limit.rs`).
    recursive_seen: bool,
    /// Where the statement's first keyword ends, for MySQL's optimizer hint.
    hint_at: Option<usize>,
    /// What was decided before writing (see `plan.rs`).
    plan: &'v plan::Plan,
    /// Writing MySQL's `ON DUPLICATE KEY UPDATE`, where the row proposed for insertion,
    /// `excluded.c`, is read as `VALUES(c)` (see `mysql.rs`).
    excluded_as_values: bool,
}

impl<'v> Renderer<'v> {
    fn new(
        dialect: Dialect,
        inline: Option<&'v [Value]>,
        context: &Context<'v>,
        plan: &'v plan::Plan,
    ) -> Self {
        Renderer {
            dialect,
            inline,
            kinds: context.kinds,
            kinds_used: Cell::new(false),
            typing: typing::Typing::Value,
            // Room for most statements with a CTE, recursion hint included: growing the buffer
            // copies it.
            sql: String::with_capacity(512),
            params: Vec::new(),
            in_order: 0,
            bound_params: 0,
            widths: context.widths.map(|widths| {
                let offsets = widths
                    .iter()
                    .scan(0, |before, w| {
                        let at = *before;
                        *before += w.placeholders();
                        Some(at)
                    })
                    .collect();
                (widths, offsets)
            }),
            generated: plan.generated,
            depth: 0,
            scopes: binding::Scopes::default(),
            recursive_body: None,
            recursive_seen: false,
            hint_at: None,
            plan,
            excluded_as_values: false,
        }
    }

    fn render(mut self, stmt: &Statement) -> Result<Template, RenderError> {
        self.statement(stmt)?;
        self.finish()
    }

    fn finish(mut self) -> Result<Template, RenderError> {
        self.write_recursion_limit()?;
        let limit = facts::param_limit(self.dialect);
        if self.bound_params > limit.max {
            return Err(self.unsupported(limit.construct, limit.help));
        }
        let order = match (&self.widths, facts::numbered_placeholders(self.dialect)) {
            // Numbered placeholders take the parameters in source order, lists spread.
            (Some((widths, _)), true) => ParamOrder::Slots(
                widths
                    .iter()
                    .enumerate()
                    .flat_map(|(i, w)| match w {
                        Width::Spread(n) => (0..*n as usize).map(|j| Slot::Item(i, j)).collect(),
                        w => vec![Slot::Whole(i); w.placeholders()],
                    })
                    .collect(),
            ),
            (None, true) => ParamOrder::Source,
            (None, false) if self.params.is_empty() => ParamOrder::Source,
            // An empty list takes no placeholder, so source order may bind too many.
            (Some(_), false) if self.params.is_empty() => {
                ParamOrder::Slots((0..self.in_order).map(Slot::Whole).collect())
            }
            (_, false) => ParamOrder::Slots(self.params.into_boxed_slice()),
        };
        let kinds = self.kinds_used.get().then(|| self.kinds.into());
        Ok(Template {
            sql: self.sql,
            order,
            kinds,
        })
    }

    fn statement(&mut self, stmt: &Statement) -> Res {
        // CTEs moved out of a statement without a WITH of its own make one.
        if self.depth == 0 && hoist::leading_with(stmt).is_none() && self.hoists_after() {
            self.with_hoisted(false)?;
            self.write(" ");
        }
        match stmt {
            Statement::Query(q) => {
                self.query(q)?;
                self.lock_clause()
            }
            Statement::Insert(i) => self.insert(i),
            Statement::Update(u) => self.update(u),
            Statement::Delete(d) => self.delete(d),
        }
    }

    /// How the parameter with source index `i` is written.
    fn width(&self, i: usize) -> Width {
        self.widths
            .as_ref()
            .and_then(|(widths, _)| widths.get(i).copied())
            .unwrap_or(Width::One)
    }

    /// ` FOR UPDATE ...` after a SELECT statement, as the dialect spells it.
    fn lock_clause(&mut self) -> Res {
        let Some((strength, wait)) = self.plan.lock else {
            return Ok(());
        };
        match facts::lock_clause(self.dialect, strength, wait) {
            Ok((clause, wait)) => {
                self.write(clause);
                self.write(wait);
                Ok(())
            }
            Err(help) => Err(self.unsupported("FOR UPDATE or FOR SHARE", help)),
        }
    }

    /// The kind of the parameter with source index `i`; the SQL now depends on the kinds.
    fn param_kind(&self, i: usize) -> ParamKind {
        self.kinds_used.set(true);
        self.kinds.get(i).copied().unwrap_or(ParamKind::Unknown)
    }

    fn write(&mut self, s: &str) {
        self.sql.push_str(s);
    }

    /// Writes `items` separated by `, `.
    fn comma_separated<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut each: impl FnMut(&mut Self, T) -> Res,
    ) -> Res {
        self.separated(", ", items, |r, item| each(r, item))
    }

    /// Writes `items` separated by `separator`.
    fn separated<T>(
        &mut self,
        separator: &str,
        items: impl IntoIterator<Item = T>,
        mut each: impl FnMut(&mut Self, T) -> Res,
    ) -> Res {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.write(separator);
            }
            each(self, item)?;
        }
        Ok(())
    }

    /// What this dialect supports and how it writes it.
    fn support(&self) -> &'static facts::Support {
        facts::support(self.dialect)
    }

    /// The error for `construct`, which this dialect cannot express.
    fn unsupported(&self, construct: &'static str, help: &'static str) -> RenderError {
        RenderError::new(construct, self.dialect, help)
    }

    /// A fresh alias that cannot clash with a name the user wrote.
    fn generated_alias(&mut self, kind: &str) {
        let name = self.fresh_name(kind);
        self.write(&name);
    }

    /// A fresh name: `__cte_<kind><n>`.
    fn fresh_name(&mut self, kind: &str) -> String {
        fresh_name(&mut self.generated, kind)
    }
}

/// A fresh name, `__cte_<kind><n>`, counting in `generated` the names made for one rendering.
fn fresh_name(generated: &mut u32, kind: &str) -> String {
    *generated += 1;
    format!("{}{kind}{}", cte_shared::RESERVED_PREFIX, generated)
}
