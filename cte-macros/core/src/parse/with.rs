//! WITH clauses: CTEs, column lists, MATERIALIZED hints, SEARCH and CYCLE.

use proc_macro2::Delimiter;

use super::cursor::{comma_separated, Parser};
use super::expr::expr;
use super::keyword::Kw;
use super::lex::GroupTok;
use super::statement;
use crate::ast::{
    Cte, CteBody, Cycle, CycleMarks, Ident, Materialized, Search, SearchOrder, Splice, With,
};

type Result<T> = syn::Result<T>;

/// `WITH [RECURSIVE] cte, ...`
pub(crate) fn with(p: &mut Parser) -> Result<With> {
    p.expect_kw(Kw::With)?;
    let recursive = p.eat_kw(Kw::Recursive);
    let ctes = comma_separated(p, cte)?;
    Ok(With {
        recursive,
        ctes,
        max_recursion: None,
    })
}

/// `name [(col, ...)] AS [[NOT] MATERIALIZED] (body) [SEARCH ...] [CYCLE ...]`
pub(crate) fn cte(p: &mut Parser) -> Result<Cte> {
    if let Some(g) = p.peek_group(Delimiter::Brace) {
        p.bump();
        return splice(g);
    }
    let name = p.ident("a CTE name")?;
    let columns = if p.peek_paren() {
        p.paren_ident_list("a column name")?
    } else {
        Vec::new()
    };
    p.expect_kw(Kw::As)?;
    let materialized = if p.eat_kw(Kw::Not).is_some() {
        p.expect_kw(Kw::Materialized)?;
        Materialized::No
    } else if p.eat_kw(Kw::Materialized).is_some() {
        Materialized::Yes
    } else {
        Materialized::Default
    };
    let group = p.expect_paren("`(`")?;
    // A syntax error in the body is recorded and the body skipped: it is one group, so parsing
    // goes on with the next CTE and the checks still run on everything else.
    let body = match p.in_group(group, statement) {
        Ok(body) => CteBody::Written(Box::new(body)),
        Err(error) => {
            p.recover(error);
            CteBody::Broken
        }
    };
    let search = match p.eat_kw(Kw::Search) {
        Some(search_token) => Some(search(p, search_token)?),
        None => None,
    };
    let cycle = match p.eat_kw(Kw::Cycle) {
        Some(cycle_token) => Some(cycle(p, cycle_token)?),
        None => None,
    };
    Ok(Cte {
        name,
        columns,
        materialized,
        body,
        search,
        cycle,
    })
}

/// `{path}`: a `cte!` item, named by its path so that its name and columns are known here.
fn splice(group: &GroupTok) -> Result<Cte> {
    let (path, name) = splice_path(group)?;
    Ok(spliced_cte(path, name))
}

/// The WITH-list entry of a `cte!` item spliced as `{path}`.
pub(crate) fn spliced_cte(path: syn::Path, name: Ident) -> Cte {
    Cte {
        name,
        columns: Vec::new(),
        materialized: Materialized::Default,
        body: CteBody::Spliced(Splice {
            path,
            used: Default::default(),
        }),
        search: None,
        cycle: None,
    }
}

/// The path inside `{...}` that names a `cte!` item, and the name queries read the item by:
/// the path's last segment.
pub(crate) fn splice_path(group: &GroupTok) -> Result<(syn::Path, Ident)> {
    let path: syn::Path = syn::parse2(group.stream()).map_err(|_| {
        syn::Error::new(
            group.span(),
            "expected the path of a `cte!` item, such as `{hierarchy}` or `{queries::hierarchy}`",
        )
    })?;
    let Some(last) = path.segments.last() else {
        return Err(syn::Error::new(
            group.span(),
            "expected the path of a `cte!` item",
        ));
    };
    let written = last.ident.to_string();
    let value = written.strip_prefix("r#").unwrap_or(&written).to_owned();
    let name = Ident {
        raw: value.len() != written.len(),
        value,
        span: last.ident.span(),
    };
    Ok((path, name))
}

/// `SEARCH {DEPTH|BREADTH} FIRST BY col, ... SET col`, after SEARCH.
fn search(p: &mut Parser, search_token: proc_macro2::Span) -> Result<Search> {
    let order = if p.eat_kw(Kw::Depth).is_some() {
        SearchOrder::Depth
    } else if p.eat_kw(Kw::Breadth).is_some() {
        SearchOrder::Breadth
    } else {
        return Err(p.expected("`DEPTH` or `BREADTH`"));
    };
    p.expect_kw(Kw::First)?;
    p.expect_kw(Kw::By)?;
    let by = p.ident_list("a column name")?;
    p.expect_kw(Kw::Set)?;
    let set = p.ident("a column name")?;
    Ok(Search {
        search_token,
        order,
        by,
        set,
    })
}

/// `CYCLE col, ... SET col [TO v DEFAULT v] USING col`, after CYCLE.
fn cycle(p: &mut Parser, cycle_token: proc_macro2::Span) -> Result<Cycle> {
    let columns = p.ident_list("a column name")?;
    p.expect_kw(Kw::Set)?;
    let set = p.ident("a column name")?;
    let marks = match p.eat_kw(Kw::To) {
        Some(_) => {
            let value = expr(p)?;
            p.expect_kw(Kw::Default)?;
            let default = expr(p)?;
            Some(CycleMarks { value, default })
        }
        None => None,
    };
    if p.eat_kw(Kw::Using).is_none() {
        return Err(p.expected(if marks.is_some() {
            "`USING`"
        } else {
            "`TO` or `USING`"
        }));
    }
    let using = p.ident("a column name")?;
    Ok(Cycle {
        cycle_token,
        columns,
        set,
        marks,
        using,
    })
}
