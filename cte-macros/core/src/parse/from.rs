//! FROM lists: tables, aliases, subqueries, LATERAL, parenthesised joins and joins.

use proc_macro2::Delimiter;

use super::cursor::{comma_separated, FromSplice, Parser};
use super::expr::expr;
use super::group::{query_or_other, Parenthesised};
use super::keyword::Kw;
use super::lex::{GroupTok, Tok};
use super::select::query;
use crate::ast::{
    Join, JoinConstraint, JoinKind, ObjectName, TableAlias, TableFactor, TableWithJoins,
};

type Result<T> = syn::Result<T>;

/// `item, item, ...` after FROM.
pub(crate) fn from_list(p: &mut Parser) -> Result<Vec<TableWithJoins>> {
    comma_separated(p, table_with_joins)
}

fn table_with_joins(p: &mut Parser) -> Result<TableWithJoins> {
    let relation = table_factor(p)?;
    table_with_joins_after(p, relation)
}

/// The joins after the first table factor.
fn table_with_joins_after(p: &mut Parser, relation: TableFactor) -> Result<TableWithJoins> {
    let mut joins = Vec::new();
    while let Some(join) = join(p)? {
        joins.push(join);
    }
    Ok(TableWithJoins { relation, joins })
}

/// `[INNER] JOIN`, `LEFT [OUTER] JOIN`, ..., `CROSS JOIN`, with what follows.
fn join(p: &mut Parser) -> Result<Option<Join>> {
    let natural = p.span();
    let kind = match p.peek_keyword() {
        Some(Kw::Join) => JoinKind::Inner,
        Some(Kw::Inner) => JoinKind::Inner,
        Some(Kw::Left) => JoinKind::Left,
        Some(Kw::Right) => JoinKind::Right,
        Some(Kw::Full) => JoinKind::Full,
        Some(Kw::Cross) => JoinKind::Cross,
        Some(Kw::Natural) => {
            return Err(syn::Error::new(
                natural,
                "NATURAL joins are not supported; write the join condition with ON or USING",
            ))
        }
        _ => return Ok(None),
    };
    if !p.peek_kw(Kw::Join) {
        p.bump();
        if matches!(kind, JoinKind::Left | JoinKind::Right | JoinKind::Full) {
            p.eat_kw(Kw::Outer);
        }
    }
    p.expect_kw(Kw::Join)?;
    let relation = table_factor(p)?;
    let constraint = if kind == JoinKind::Cross {
        JoinConstraint::None
    } else if p.eat_kw(Kw::On).is_some() {
        JoinConstraint::On(expr(p)?)
    } else if p.eat_kw(Kw::Using).is_some() {
        JoinConstraint::Using(p.paren_ident_list("a column name")?)
    } else if kind == JoinKind::Inner
        || matches!(
            relation,
            TableFactor::Derived {
                lateral: Some(_),
                ..
            }
        )
    {
        // An inner join without a condition pairs every row with every row, as MySQL and
        // SQLite read it (rendered `ON TRUE` for the engines that want a condition); an outer
        // join without one is a mistake every engine but PostgreSQL's LATERAL refuses.
        JoinConstraint::None
    } else {
        return Err(p.expected("`ON` or `USING`"));
    };
    Ok(Some(Join {
        kind,
        relation,
        constraint,
    }))
}

/// A table, `[LATERAL] (subquery) [alias]`, or `(joins)`.
fn table_factor(p: &mut Parser) -> Result<TableFactor> {
    let _guard = p.enter(p.span())?;
    if let Some(lateral) = p.eat_kw(Kw::Lateral) {
        let group = p.expect_paren("`(`")?;
        let subquery = Box::new(p.in_group(group, query)?);
        return Ok(TableFactor::Derived {
            lateral: Some(lateral),
            subquery,
            alias: table_alias(p)?,
        });
    }
    match p.peek() {
        Some(Tok::Group(g)) if g.delimiter() == Delimiter::Brace => {
            // `FROM {hierarchy} h`: read as the table `hierarchy`; the item itself joins the
            // leading WITH when the statement is complete.
            let group = g;
            p.bump();
            let (path, name) = super::with::splice_path(group)?;
            p.splice_from(FromSplice {
                path,
                name: name.clone(),
                span: group.span(),
            });
            let alias = table_alias(p)?;
            Ok(TableFactor::Table {
                name: ObjectName { parts: vec![name] },
                alias,
            })
        }
        Some(Tok::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
            p.bump();
            let inside = paren_group(p, g)?;
            parenthesised(p, inside)
        }
        Some(Tok::Word(_)) => {
            let name = p.object_name("a table name")?;
            let alias = table_alias(p)?;
            Ok(TableFactor::Table { name, alias })
        }
        _ => Err(p.expected("a table name, `(` or `LATERAL`")),
    }
}

/// The inside of `group`, taken where a table goes: a subquery or joins.
fn paren_group<'s>(
    p: &mut Parser<'s>,
    group: &'s GroupTok,
) -> Result<Parenthesised<TableWithJoins>> {
    query_or_other(p, group, table_with_joins, |p, guard, lead| {
        let relation = parenthesised(p, lead.inside);
        drop(guard);
        table_with_joins_after(p, relation?)
    })
}

/// The table factor a parenthesised group stands for, once its inside is parsed: a subquery
/// takes an alias.
fn parenthesised(p: &mut Parser, inside: Parenthesised<TableWithJoins>) -> Result<TableFactor> {
    Ok(match inside {
        Parenthesised::Query(subquery) => TableFactor::Derived {
            lateral: None,
            subquery,
            alias: table_alias(p)?,
        },
        Parenthesised::Other(inner) => TableFactor::Nested {
            inner: Box::new(inner),
        },
    })
}

/// `[AS] alias [(col, ...)]`
fn table_alias(p: &mut Parser) -> Result<Option<TableAlias>> {
    let Some(name) = p.alias()? else {
        return Ok(None);
    };
    let columns = if p.peek_paren() {
        p.paren_ident_list("a column name")?
    } else {
        Vec::new()
    };
    Ok(Some(TableAlias { name, columns }))
}
