//! Queries: set operations, SELECT, VALUES, ORDER BY, LIMIT and OFFSET.

use proc_macro2::Delimiter;

use super::chain::Chain;
use super::cursor::{comma_separated, Parser};
use super::expr::expr;
use super::from::from_list;
use super::keyword::Kw;
use super::lex::Tok;
use super::with::with;
use crate::ast::{
    Lock, LockStrength, LockWait, NullsOrder, ObjectName, OrderByItem, Query, Select, SelectItem,
    SetExpr, SetOperator, SortOrder, Values, With,
};

type Result<T> = syn::Result<T>;

/// `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET m]`
pub(crate) fn query(p: &mut Parser) -> Result<Query> {
    let _guard = p.enter(p.span())?;
    let with = if p.peek_kw(Kw::With) {
        Some(with(p)?)
    } else {
        None
    };
    query_after_with(p, with)
}

pub(crate) fn query_after_with(p: &mut Parser, with: Option<With>) -> Result<Query> {
    let body = set_expr(p)?;
    query_tail(p, with, body)
}

/// Whether the next word goes on with a query after its first part: a set operation,
/// ORDER BY, LIMIT or OFFSET.
pub(crate) fn continues_query(p: &Parser) -> bool {
    matches!(
        p.peek_keyword(),
        Some(Kw::Union | Kw::Except | Kw::Intersect | Kw::Order | Kw::Limit | Kw::Offset)
    )
}

/// The rest of a query without WITH whose first part, `lead`, is parsed.
pub(crate) fn query_after_lead(p: &mut Parser, lead: SetExpr) -> Result<Query> {
    let term = set_term_after(p, p.chain_after_lead(), lead)?;
    let body = set_expr_after(p, p.chain_after_lead(), term)?;
    query_tail(p, None, body)
}

/// `[ORDER BY ...] [LIMIT n] [OFFSET m]` after the body.
fn query_tail(p: &mut Parser, with: Option<With>, body: SetExpr) -> Result<Query> {
    let order_by = p.keyed(Kw::Order, |p| {
        p.expect_kw(Kw::By)?;
        order_by_list(p)
    })?;
    let limit = p.keyed(Kw::Limit, expr)?;
    let offset = p.keyed(Kw::Offset, |p| {
        let value = expr(p)?;
        if p.eat_kw(Kw::Rows).is_none() {
            p.eat_kw(Kw::Row);
        }
        Ok(value)
    })?;
    Ok(Query {
        with,
        body,
        order_by,
        limit,
        offset,
        lock: None,
    })
}

/// `term ((UNION | EXCEPT) [ALL | DISTINCT] term)*`: INTERSECT binds tighter.
fn set_expr(p: &mut Parser) -> Result<SetExpr> {
    let chain = p.chain();
    let first = set_term(p)?;
    set_expr_after(p, chain, first)
}

/// A chain of set operations is parsed in a loop: its height is measured by `chain`, and is
/// not nesting.
fn set_expr_after<'s>(p: &mut Parser<'s>, mut chain: Chain<'s>, first: SetExpr) -> Result<SetExpr> {
    let mut left = first;
    loop {
        let (op_token, union) = if let Some(token) = p.eat_kw(Kw::Union) {
            (token, true)
        } else if let Some(token) = p.eat_kw(Kw::Except) {
            (token, false)
        } else {
            return Ok(left);
        };
        let all = set_quantifier(p);
        let op = if union {
            SetOperator::Union { all }
        } else {
            SetOperator::Except { all }
        };
        let right = chain.link(p, op_token, set_term)?;
        left = SetExpr::SetOp {
            op,
            op_token,
            left: Box::new(left),
            right: Box::new(right),
        };
    }
}

fn set_term(p: &mut Parser) -> Result<SetExpr> {
    let chain = p.chain();
    let first = set_primary(p)?;
    set_term_after(p, chain, first)
}

fn set_term_after<'s>(p: &mut Parser<'s>, mut chain: Chain<'s>, first: SetExpr) -> Result<SetExpr> {
    let mut left = first;
    while let Some(op_token) = p.eat_kw(Kw::Intersect) {
        let all = set_quantifier(p);
        let right = chain.link(p, op_token, set_primary)?;
        left = SetExpr::SetOp {
            op: SetOperator::Intersect { all },
            op_token,
            left: Box::new(left),
            right: Box::new(right),
        };
    }
    Ok(left)
}

/// `ALL` (true), `DISTINCT` or nothing (false).
fn set_quantifier(p: &mut Parser) -> bool {
    if p.eat_kw(Kw::All).is_some() {
        true
    } else {
        p.eat_kw(Kw::Distinct);
        false
    }
}

fn set_primary(p: &mut Parser) -> Result<SetExpr> {
    if p.peek_kw(Kw::Select) {
        return select(p).map(|s| SetExpr::Select(Box::new(s)));
    }
    if let Some(values_token) = p.eat_kw(Kw::Values) {
        let rows = comma_separated(p, |p| {
            let group = p.expect_paren("`(`")?;
            p.in_group(group, |p| comma_separated(p, expr))
        })?;
        return Ok(SetExpr::Values(Values { values_token, rows }));
    }
    if let Some(group) = p.peek_group(Delimiter::Parenthesis) {
        p.bump();
        let query = Box::new(p.in_group(group, query)?);
        return Ok(SetExpr::Query {
            query,
            paren_token: group.span_open(),
        });
    }
    Err(p.expected("`SELECT`, `VALUES` or `(`"))
}

/// `SELECT [DISTINCT | ALL] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]`
fn select(p: &mut Parser) -> Result<Select> {
    let select_token = p.expect_kw(Kw::Select)?;
    let distinct = p.eat_kw(Kw::Distinct);
    if distinct.is_none() {
        p.eat_kw(Kw::All);
    }
    let projection = select_items(p)?;
    let from = p.keyed(Kw::From, from_list)?;
    let selection = p.keyed(Kw::Where, expr)?;
    let group_by = p.keyed(Kw::Group, |p| {
        p.expect_kw(Kw::By)?;
        comma_separated(p, expr)
    })?;
    let having = p.keyed(Kw::Having, expr)?;
    Ok(Select {
        select_token,
        distinct,
        projection,
        from,
        selection,
        group_by,
        having,
    })
}

/// The items of a SELECT or RETURNING list.
pub(crate) fn select_items(p: &mut Parser) -> Result<Vec<SelectItem>> {
    comma_separated(p, select_item)
}

/// `*`, `t.*` or `expr [[AS] alias]`.
fn select_item(p: &mut Parser) -> Result<SelectItem> {
    if let Some(star) = p.eat_op("*") {
        return Ok(SelectItem::Wildcard(star));
    }
    if qualified_wildcard_ahead(p) {
        let mut parts = vec![p.ident("a table name")?];
        while p.eat_op(".").is_some() {
            if p.eat_op("*").is_some() {
                return Ok(SelectItem::QualifiedWildcard(ObjectName { parts }));
            }
            parts.push(p.ident("a name")?);
        }
        return Err(p.expected("`.`"));
    }
    let expr = expr(p)?;
    let alias = p.alias()?;
    Ok(SelectItem::Expr { expr, alias })
}

/// `name (. name)* . *` ahead of the cursor.
fn qualified_wildcard_ahead(p: &Parser) -> bool {
    let mut n = 0;
    loop {
        if !matches!(p.peek_nth(n), Some(Tok::Word(_))) || !p.peek_nth_op(n + 1, ".") {
            return false;
        }
        if p.peek_nth_op(n + 2, "*") {
            return true;
        }
        n += 2;
    }
}

/// `expr [ASC | DESC] [NULLS FIRST | LAST], ...`
pub(crate) fn order_by_list(p: &mut Parser) -> Result<Vec<OrderByItem>> {
    comma_separated(p, |p| {
        let expr = expr(p)?;
        let order = if p.eat_kw(Kw::Asc).is_some() {
            SortOrder::Asc
        } else if p.eat_kw(Kw::Desc).is_some() {
            SortOrder::Desc
        } else {
            SortOrder::Default
        };
        let nulls = if p.eat_kw(Kw::Nulls).is_some() {
            if p.eat_kw(Kw::First).is_some() {
                NullsOrder::First
            } else if p.eat_kw(Kw::Last).is_some() {
                NullsOrder::Last
            } else {
                return Err(p.expected("`FIRST` or `LAST`"));
            }
        } else {
            NullsOrder::Default
        };
        Ok(OrderByItem { expr, order, nulls })
    })
}

/// `FOR {UPDATE | SHARE} [NOWAIT | SKIP LOCKED]` after a SELECT statement.
pub(super) fn lock(p: &mut Parser) -> Result<Lock> {
    let for_token = p.expect_kw(Kw::For)?;
    let strength = if p.eat_kw(Kw::Update).is_some() {
        LockStrength::Update
    } else if p.eat_kw(Kw::Share).is_some() {
        LockStrength::Share
    } else {
        return Err(p.expected("`UPDATE` or `SHARE`"));
    };
    let wait = if p.eat_kw(Kw::Nowait).is_some() {
        LockWait::NoWait
    } else if p.eat_kw(Kw::Skip).is_some() {
        p.expect_kw(Kw::Locked)?;
        LockWait::SkipLocked
    } else {
        LockWait::Wait
    };
    Ok(Lock {
        for_token,
        strength,
        wait,
    })
}
