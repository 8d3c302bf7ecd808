//! Expressions, by PostgreSQL precedence, loosest first: OR, AND, NOT, IS, comparison,
//! BETWEEN/IN/LIKE, `||`, `+ -`, `* / %`, unary minus, then the operands (`primary`).

use proc_macro2::Delimiter;

use super::chain::Chain;
use super::cursor::{comma_separated, Parser};
use super::group::{looks_like_query, query_or, Parenthesised, QueryStart};
use super::keyword::Kw;
use super::lex::Tok;
use super::primary::{bound, paren_group, parenthesised, primary};
use super::select::query;
use crate::ast::{BinaryOp, Expr, UnaryOp};

type Result<T> = syn::Result<T>;

/// A whole expression.
pub(crate) fn expr(p: &mut Parser) -> Result<Expr> {
    let _guard = p.enter(p.span())?;
    or(p, None)
}

fn binary(left: Expr, op: BinaryOp, right: Expr) -> Expr {
    Expr::Binary {
        left: Box::new(left),
        op,
        right: Box::new(right),
    }
}

// Each level below takes `lead`: the expression's first operand when it is already parsed
// (a parenthesised group read once, see `parse::group::query_or`), to go on from instead of parsing
// a primary. A chain of binary operators is parsed in a loop: its height is measured by a
// `Chain`, and is not nesting.

/// Starts measuring a chain, before its first operand.
fn start<'s>(p: &Parser<'s>, lead: &Option<Expr>) -> Chain<'s> {
    match lead {
        Some(_) => p.chain_after_lead(),
        None => p.chain(),
    }
}

/// The rest of an expression whose first operand, a parenthesised group, is parsed.
pub(crate) fn expr_after(p: &mut Parser, lead: Expr) -> Result<Expr> {
    or(p, Some(lead))
}

fn or(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    left_assoc(p, lead, |p| p.peek_kw(Kw::Or).then_some(BinaryOp::Or), and)
}

fn and(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    left_assoc(
        p,
        lead,
        |p| p.peek_kw(Kw::And).then_some(BinaryOp::And),
        not,
    )
}

/// `NOT expr`; `NOT EXISTS (...)` becomes a negated EXISTS.
pub(super) fn not(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    if lead.is_some() {
        return is(p, lead);
    }
    let Some(token) = p.eat_kw(Kw::Not) else {
        return is(p, None);
    };
    let _guard = p.enter(token)?;
    let before_exists = p.peek_kw(Kw::Exists);
    let inner = not(p, None)?;
    Ok(match inner {
        Expr::Exists {
            exists_token,
            subquery,
            negated: false,
        } if before_exists => Expr::Exists {
            exists_token,
            subquery,
            negated: true,
        },
        inner => Expr::Unary {
            op: UnaryOp::Not,
            op_token: token,
            expr: Box::new(inner),
        },
    })
}

/// `expr IS [NOT] NULL`
fn is(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = comparison(p, lead)?;
    while let Some(is_token) = p.eat_kw(Kw::Is) {
        let negated = chain.link(p, is_token, |p| {
            let negated = p.eat_kw(Kw::Not).is_some();
            if p.eat_kw(Kw::Null).is_none() {
                return Err(p.expected(if negated {
                    "`NULL`"
                } else {
                    "`NULL` or `NOT NULL`"
                }));
            }
            Ok(negated)
        })?;
        left = Expr::IsNull {
            expr: Box::new(left),
            negated,
        };
    }
    Ok(left)
}

fn comparison_op(p: &Parser) -> Option<BinaryOp> {
    match p.peek() {
        Some(Tok::Op(o)) => match o.text {
            "=" => Some(BinaryOp::Eq),
            "<>" | "!=" => Some(BinaryOp::NotEq),
            "<" => Some(BinaryOp::Lt),
            "<=" => Some(BinaryOp::LtEq),
            ">" => Some(BinaryOp::Gt),
            ">=" => Some(BinaryOp::GtEq),
            _ => None,
        },
        _ => None,
    }
}

/// `a = b`: comparisons do not chain, as in PostgreSQL.
fn comparison(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let left = pattern(p, lead)?;
    let Some(op) = comparison_op(p) else {
        return Ok(left);
    };
    p.bump();
    let right = pattern(p, None)?;
    if comparison_op(p).is_some() {
        return Err(syn::Error::new(
            p.span(),
            "comparisons do not chain; put parentheses around one of them",
        ));
    }
    Ok(binary(left, op, right))
}

/// `[NOT] BETWEEN`, `[NOT] IN`, `[NOT] LIKE`.
fn pattern(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = other(p, lead)?;
    loop {
        let follows = |p: &Parser, n| {
            p.peek_nth_kw(n, Kw::Between) || p.peek_nth_kw(n, Kw::In) || p.peek_nth_kw(n, Kw::Like)
        };
        let negated = p.peek_kw(Kw::Not) && follows(p, 1);
        if negated {
            p.bump();
        } else if !follows(p, 0) {
            return Ok(left);
        }
        let expr = Box::new(left);
        left = chain.link(p, p.span(), |p| {
            if p.eat_kw(Kw::Between).is_some() {
                let low = Box::new(other(p, None)?);
                p.expect_kw(Kw::And)?;
                let high = Box::new(other(p, None)?);
                Ok(Expr::Between {
                    expr,
                    negated,
                    low,
                    high,
                })
            } else if p.eat_kw(Kw::Like).is_some() {
                let pattern = Box::new(other(p, None)?);
                Ok(Expr::Like {
                    expr,
                    negated,
                    pattern,
                })
            } else {
                p.expect_kw(Kw::In)?;
                in_rest(p, expr, negated)
            }
        })?;
    }
}

/// The `(list)`, `(subquery)` or `{list}` after IN.
fn in_rest(p: &mut Parser, expr: Box<Expr>, negated: bool) -> Result<Expr> {
    if p.peek_group(Delimiter::Brace).is_some() {
        return Ok(Expr::InListParam {
            expr,
            list: bound(p)?,
            negated,
        });
    }
    let group = p.expect_paren("`(` or a `{list}`")?;
    let list = match looks_like_query(group) {
        QueryStart::Yes => Parenthesised::Query(Box::new(p.in_group(group, query)?)),
        QueryStart::Maybe => query_or(p, group, paren_group, |p, guard, lead| {
            let first = expr_after(p, parenthesised(lead.group, lead.inside));
            drop(guard);
            let mut list = vec![first?];
            while p.eat_op(",").is_some() {
                list.push(self::expr(p)?);
            }
            Ok(list)
        })?,
        QueryStart::No => {
            Parenthesised::Other(p.in_group(group, |p| comma_separated(p, self::expr))?)
        }
    };
    Ok(match list {
        Parenthesised::Query(subquery) => Expr::InSubquery {
            expr,
            subquery,
            negated,
        },
        Parenthesised::Other(list) => Expr::InList {
            expr,
            list,
            negated,
        },
    })
}

/// `a || b`: the "other operators" level.
fn other(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    left_assoc(
        p,
        lead,
        |p| p.peek_op("||").then_some(BinaryOp::Concat),
        additive,
    )
}

pub(crate) fn additive(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let op = |p: &Parser| peek_op_of(p, &[("+", BinaryOp::Plus), ("-", BinaryOp::Minus)]);
    left_assoc(p, lead, op, multiplicative)
}

fn multiplicative(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let op = |p: &Parser| {
        let ops = [
            ("*", BinaryOp::Multiply),
            ("/", BinaryOp::Divide),
            ("%", BinaryOp::Modulo),
        ];
        peek_op_of(p, &ops)
    };
    left_assoc(p, lead, op, unary)
}

/// The operator of `ops` the cursor is at.
fn peek_op_of(p: &Parser, ops: &[(&str, BinaryOp)]) -> Option<BinaryOp> {
    ops.iter()
        .find_map(|&(text, op)| p.peek_op(text).then_some(op))
}

/// One level of left-associative operators, `next (op next)*`: `op` names the operator the
/// cursor is at, if any, and `next` parses the tighter level of each operand.
fn left_assoc(
    p: &mut Parser,
    lead: Option<Expr>,
    op: fn(&Parser) -> Option<BinaryOp>,
    next: fn(&mut Parser, Option<Expr>) -> Result<Expr>,
) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = next(p, lead)?;
    while let Some(op) = op(p) {
        let token = p.span();
        p.bump();
        let right = chain.link(p, token, |p| next(p, None))?;
        left = binary(left, op, right);
    }
    Ok(left)
}

fn unary(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    if let Some(lead) = lead {
        return Ok(lead);
    }
    let op = if p.peek_op("-") {
        UnaryOp::Minus
    } else if p.peek_op("+") {
        UnaryOp::Plus
    } else {
        return primary(p);
    };
    let op_token = p.span();
    p.bump();
    let _guard = p.enter(op_token)?;
    let expr = Box::new(unary(p, None)?);
    Ok(Expr::Unary { op, op_token, expr })
}
