//! The operands of an expression: literals, parameters, parenthesised expressions and
//! subqueries, EXISTS, CASE and column names.

use proc_macro2::{Delimiter, Span};

use super::cast::cast;
use super::cursor::{expected, Parser};
use super::expr::{expr, expr_after, not};
use super::function::function;
use super::group::{query_or_other, Parenthesised};
use super::keyword::{is_reserved_name, Kw};
use super::lex::{GroupTok, Tok};
use super::select::query;
use crate::ast::{Expr, Literal, LiteralKind, ObjectName, Param};

type Result<T> = syn::Result<T>;

pub(super) fn primary(p: &mut Parser) -> Result<Expr> {
    const WHAT: &str = "an expression";
    let next_is_paren = |p: &Parser| matches!(p.peek_nth(1), Some(Tok::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
    match p.peek() {
        Some(Tok::Lit(_)) => literal(p),
        Some(Tok::Group(g)) => match g.delimiter() {
            Delimiter::Brace => param(p),
            Delimiter::Parenthesis => paren(p),
            _ => Err(p.expected(WHAT)),
        },
        Some(Tok::Word(w)) => match w.keyword() {
            Some(Kw::True | Kw::False | Kw::Null) => literal(p),
            Some(Kw::Not) => not(p, None),
            Some(Kw::Case) => case(p),
            Some(Kw::Cast) if next_is_paren(p) => cast(p),
            Some(Kw::Exists) if next_is_paren(p) => exists(p),
            // `left(s, 3)` and `right(s, 3)` are functions wherever an expression goes.
            Some(Kw::Left | Kw::Right) if next_is_paren(p) => {
                let name = ObjectName {
                    parts: vec![w.to_ident()],
                };
                p.bump();
                function(p, name).map(Expr::Function)
            }
            Some(kw) if is_reserved_name(kw) => Err(p.expected(WHAT)),
            _ => column_or_function(p),
        },
        Some(Tok::Op(o)) if o.text == "." && matches!(p.peek_nth(1), Some(Tok::Lit(_))) => {
            leading_dot_decimal(p)
        }
        _ => Err(p.expected(WHAT)),
    }
}

fn literal(p: &mut Parser) -> Result<Expr> {
    let span = p.span();
    let kind = match p.bump() {
        Some(Tok::Word(w)) if w.is(Kw::True) => LiteralKind::Bool(true),
        Some(Tok::Word(w)) if w.is(Kw::False) => LiteralKind::Bool(false),
        Some(Tok::Word(w)) if w.is(Kw::Null) => LiteralKind::Null,
        Some(Tok::Lit(lit)) => match syn::Lit::new(lit.clone()) {
            syn::Lit::Str(s) if s.suffix().is_empty() => LiteralKind::String(s.value()),
            syn::Lit::Int(i) if i.suffix().is_empty() => {
                LiteralKind::Integer(i.base10_digits().to_owned())
            }
            syn::Lit::Float(f) if f.suffix().is_empty() => {
                LiteralKind::Decimal(f.base10_digits().to_owned())
            }
            syn::Lit::Int(i) => return Err(suffix_error(span, i.base10_digits(), i.suffix())),
            syn::Lit::Float(f) => return Err(suffix_error(span, f.base10_digits(), f.suffix())),
            _ => {
                return Err(expected(
                    "an expression",
                    Some(&Tok::Lit(lit.clone())),
                    span,
                ))
            }
        },
        _ => return Err(syn::Error::new(span, "expected a literal")),
    };
    Ok(Expr::Literal(Literal { kind, span }))
}

fn suffix_error(span: Span, digits: &str, suffix: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!(
            "number literals take no type suffix: write `{digits}` instead of `{digits}{suffix}`"
        ),
    )
}

/// `.5`, which Rust tokenizes as `.` and `5`.
fn leading_dot_decimal(p: &mut Parser) -> Result<Expr> {
    let span = p.span();
    p.bump();
    match p.bump() {
        Some(Tok::Lit(lit)) => match syn::Lit::new(lit.clone()) {
            syn::Lit::Int(i) if i.suffix().is_empty() && !i.to_string().starts_with("0x") => {
                Ok(Expr::Literal(Literal {
                    kind: LiteralKind::Decimal(format!(".{}", i)),
                    span,
                }))
            }
            _ => Err(syn::Error::new(span, "expected a decimal number after `.`")),
        },
        _ => Err(syn::Error::new(span, "expected a decimal number after `.`")),
    }
}

/// `{expr}`
fn param(p: &mut Parser) -> Result<Expr> {
    bound(p).map(Expr::Param)
}

/// The `{expr}` of a parameter or of a list after IN.
pub(super) fn bound(p: &mut Parser) -> Result<Param> {
    let Some(Tok::Group(group)) = p.bump() else {
        return Err(p.expected("a `{...}` parameter"));
    };
    if group.stream().is_empty() {
        return Err(syn::Error::new(
            group.span(),
            "expected a Rust expression inside `{}`",
        ));
    }
    let expr = Box::new(syn::parse2::<syn::Expr>(group.stream())?);
    Ok(Param {
        index: p.next_param(),
        expr,
        span: group.span(),
    })
}

/// `(expr)` or a scalar `(subquery)`.
fn paren(p: &mut Parser) -> Result<Expr> {
    let Some(Tok::Group(group)) = p.bump() else {
        return Err(p.expected("`(`"));
    };
    Ok(parenthesised(group, paren_group(p, group)?))
}

/// The expression a parenthesised group stands for, once its inside is parsed.
pub(super) fn parenthesised(group: &GroupTok, inside: Parenthesised<Expr>) -> Expr {
    let paren_token = group.span_open();
    match inside {
        Parenthesised::Query(query) => Expr::Subquery { paren_token, query },
        Parenthesised::Other(expr) => Expr::Nested {
            paren_token,
            expr: Box::new(expr),
        },
    }
}

/// The inside of `group`, taken where an expression goes: a subquery or an expression.
pub(super) fn paren_group<'s>(
    p: &mut Parser<'s>,
    group: &'s GroupTok,
) -> Result<Parenthesised<Expr>> {
    query_or_other(p, group, expr, |p, _guard, lead| {
        expr_after(p, parenthesised(lead.group, lead.inside))
    })
}

/// `[NOT] EXISTS (subquery)`; NOT is handled by the caller.
fn exists(p: &mut Parser) -> Result<Expr> {
    let exists_token = p.expect_kw(Kw::Exists)?;
    let group = p.expect_paren("`(`")?;
    let subquery = Box::new(p.in_group(group, query)?);
    Ok(Expr::Exists {
        exists_token,
        subquery,
        negated: false,
    })
}

/// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`
fn case(p: &mut Parser) -> Result<Expr> {
    let case_token = p.expect_kw(Kw::Case)?;
    let operand = if p.peek_kw(Kw::When) || p.peek_kw(Kw::End) {
        None
    } else {
        Some(Box::new(expr(p)?))
    };
    let mut whens = Vec::new();
    loop {
        if p.eat_kw(Kw::When).is_none() {
            if whens.is_empty() {
                return Err(p.expected("`WHEN`"));
            }
            break;
        }
        let when = expr(p)?;
        p.expect_kw(Kw::Then)?;
        let then = expr(p)?;
        whens.push((when, then));
    }
    let else_result = match p.eat_kw(Kw::Else) {
        Some(_) => Some(Box::new(expr(p)?)),
        None => None,
    };
    if p.eat_kw(Kw::End).is_none() {
        return Err(p.expected(if else_result.is_some() {
            "`END`"
        } else {
            "`WHEN`, `ELSE` or `END`"
        }));
    }
    Ok(Expr::Case {
        case_token,
        operand,
        whens,
        else_result,
    })
}

fn column_or_function(p: &mut Parser) -> Result<Expr> {
    let name = p.object_name("an expression")?;
    if p.peek_paren() {
        function(p, name).map(Expr::Function)
    } else {
        Ok(Expr::Column(name))
    }
}
