//! Expressions, by PostgreSQL precedence, loosest first: OR, AND, NOT, IS, comparison,
//! BETWEEN/IN/LIKE, `||`, `+ -`, `* / %`, unary minus, primaries.

use proc_macro2::{Delimiter, Span};

use super::chain::Chain;
use super::cursor::{comma_separated, expected, Parser};
use super::keyword::{is_reserved_name, Kw};
use super::lex::{GroupTok, Tok};
use super::select::{order_by_list, query};
use super::{Parenthesised, QueryStart};
use crate::ast::{
    BinaryOp, DataType, Expr, FrameBound, FrameUnits, Function, FunctionArgs, Literal, LiteralKind,
    ObjectName, Param, UnaryOp, WindowFrame, WindowSpec,
};

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
// (a parenthesised group read once, see `parse::query_or`), to go on from instead of parsing
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
    let mut chain = start(p, &lead);
    let mut left = and(p, lead)?;
    while let Some(token) = p.eat_kw(Kw::Or) {
        let right = chain.link(p, token, |p| and(p, None))?;
        left = binary(left, BinaryOp::Or, right);
    }
    Ok(left)
}

fn and(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = not(p, lead)?;
    while let Some(token) = p.eat_kw(Kw::And) {
        let right = chain.link(p, token, |p| not(p, None))?;
        left = binary(left, BinaryOp::And, right);
    }
    Ok(left)
}

/// `NOT expr`; `NOT EXISTS (...)` becomes a negated EXISTS.
fn not(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
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

/// The `(list)` or `(subquery)` after IN.
fn in_rest(p: &mut Parser, expr: Box<Expr>, negated: bool) -> Result<Expr> {
    let group = p.expect_paren("`(`")?;
    let list = match super::looks_like_query(group) {
        QueryStart::Yes => Parenthesised::Query(Box::new(p.in_group(group, query)?)),
        QueryStart::Maybe => super::query_or(p, group, paren_group, |p, guard, lead| {
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
    let mut chain = start(p, &lead);
    let mut left = additive(p, lead)?;
    while let Some(token) = p.eat_op("||") {
        let right = chain.link(p, token, |p| additive(p, None))?;
        left = binary(left, BinaryOp::Concat, right);
    }
    Ok(left)
}

pub(crate) fn additive(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = multiplicative(p, lead)?;
    loop {
        let op = if p.peek_op("+") {
            BinaryOp::Plus
        } else if p.peek_op("-") {
            BinaryOp::Minus
        } else {
            return Ok(left);
        };
        let token = p.span();
        p.bump();
        let right = chain.link(p, token, |p| multiplicative(p, None))?;
        left = binary(left, op, right);
    }
}

fn multiplicative(p: &mut Parser, lead: Option<Expr>) -> Result<Expr> {
    let mut chain = start(p, &lead);
    let mut left = unary(p, lead)?;
    loop {
        let op = if p.peek_op("*") {
            BinaryOp::Multiply
        } else if p.peek_op("/") {
            BinaryOp::Divide
        } else if p.peek_op("%") {
            BinaryOp::Modulo
        } else {
            return Ok(left);
        };
        let token = p.span();
        p.bump();
        let right = chain.link(p, token, |p| unary(p, None))?;
        left = binary(left, op, right);
    }
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

fn primary(p: &mut Parser) -> Result<Expr> {
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
    Ok(Expr::Param(Param {
        index: p.next_param(),
        expr,
        span: group.span(),
    }))
}

/// `(expr)` or a scalar `(subquery)`.
fn paren(p: &mut Parser) -> Result<Expr> {
    let Some(Tok::Group(group)) = p.bump() else {
        return Err(p.expected("`(`"));
    };
    Ok(parenthesised(group, paren_group(p, group)?))
}

/// The expression a parenthesised group stands for, once its inside is parsed.
fn parenthesised(group: &GroupTok, inside: Parenthesised<Expr>) -> Expr {
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
fn paren_group<'s>(p: &mut Parser<'s>, group: &'s GroupTok) -> Result<Parenthesised<Expr>> {
    match super::looks_like_query(group) {
        QueryStart::Yes => p
            .in_group(group, query)
            .map(|query| Parenthesised::Query(Box::new(query))),
        QueryStart::Maybe => super::query_or(p, group, paren_group, |p, _guard, lead| {
            expr_after(p, parenthesised(lead.group, lead.inside))
        }),
        QueryStart::No => p.in_group(group, expr).map(Parenthesised::Other),
    }
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

/// `CAST(expr AS type)`
fn cast(p: &mut Parser) -> Result<Expr> {
    let cast_token = p.expect_kw(Kw::Cast)?;
    let group = p.expect_paren("`(`")?;
    p.in_group(group, |p| {
        let expr = Box::new(expr(p)?);
        p.expect_kw(Kw::As)?;
        let data_type = data_type(p)?;
        Ok(Expr::Cast {
            cast_token,
            expr,
            data_type,
        })
    })
}

const KNOWN_TYPES: &str = "SMALLINT, INT, INTEGER, BIGINT, DECIMAL(p, s), NUMERIC(p, s), REAL, \
DOUBLE PRECISION, FLOAT, TEXT, VARCHAR(n), CHAR(n), CHARACTER(n), BOOLEAN, BOOL, DATE, TIME, \
TIMESTAMP, BLOB, BYTEA";

/// A CAST target type.
fn data_type(p: &mut Parser) -> Result<DataType> {
    let Some(Tok::Word(word)) = p.peek() else {
        return Err(p.expected(&format!("a type ({KNOWN_TYPES})")));
    };
    p.bump();
    Ok(match word.value().to_ascii_uppercase().as_str() {
        "SMALLINT" => DataType::SmallInt,
        "INT" | "INTEGER" => DataType::Integer,
        "BIGINT" => DataType::BigInt,
        "DECIMAL" | "NUMERIC" => {
            let (precision, scale) = match type_args(p, 2)?.as_slice() {
                [] => (None, None),
                [p] => (Some(*p), None),
                [p, s, ..] => (Some(*p), Some(*s)),
            };
            DataType::Decimal { precision, scale }
        }
        "REAL" => DataType::Real,
        "DOUBLE" => {
            match p.peek() {
                Some(Tok::Word(w)) if w.value().eq_ignore_ascii_case("PRECISION") => {
                    p.bump();
                }
                _ => return Err(p.expected("`PRECISION`")),
            }
            DataType::Double
        }
        "FLOAT" => DataType::Double,
        "TEXT" => DataType::Text,
        "VARCHAR" => DataType::Varchar(type_args(p, 1)?.first().copied()),
        "CHAR" | "CHARACTER" => DataType::Char(type_args(p, 1)?.first().copied()),
        "BOOLEAN" | "BOOL" => DataType::Boolean,
        "DATE" => DataType::Date,
        "TIME" => DataType::Time,
        "TIMESTAMP" => DataType::Timestamp,
        "BLOB" | "BYTEA" => DataType::Blob,
        _ => {
            return Err(syn::Error::new(
                word.ident.span(),
                format!(
                    "unknown type `{}` in CAST; the known types are {KNOWN_TYPES}",
                    word.ident
                ),
            ))
        }
    })
}

/// The optional `(n)` or `(p, s)` after a type name, at most `max` numbers.
fn type_args(p: &mut Parser, max: usize) -> Result<Vec<u32>> {
    if !p.peek_paren() {
        return Ok(Vec::new());
    }
    let group = p.expect_paren("`(`")?;
    let args = p.in_group(group, |p| {
        comma_separated(p, |p| match p.peek() {
            Some(Tok::Lit(lit)) => match syn::Lit::new(lit.clone()) {
                syn::Lit::Int(int) if int.suffix().is_empty() => {
                    let n = int
                        .base10_parse::<u32>()
                        .map_err(|_| p.expected("a type length"))?;
                    p.bump();
                    Ok((n, int.span()))
                }
                _ => Err(p.expected("a type length")),
            },
            _ => Err(p.expected("a type length")),
        })
    })?;
    if let Some((_, span)) = args.get(max) {
        return Err(syn::Error::new(
            *span,
            format!("this type takes at most {max} number(s)"),
        ));
    }
    Ok(args.into_iter().map(|(n, _)| n).collect())
}

fn column_or_function(p: &mut Parser) -> Result<Expr> {
    let name = p.object_name("an expression")?;
    if p.peek_paren() {
        function(p, name).map(Expr::Function)
    } else {
        Ok(Expr::Column(name))
    }
}

/// `name(args) [OVER (...)]`, after the name.
fn function(p: &mut Parser, name: ObjectName) -> Result<Function> {
    let group = p.expect_paren("`(`")?;
    let args = p.in_group(group, |p| {
        if p.at_end() {
            return Ok(FunctionArgs::List {
                distinct: None,
                args: Vec::new(),
            });
        }
        if p.peek_op("*") && p.peek_nth(1).is_none() {
            p.bump();
            return Ok(FunctionArgs::Star);
        }
        let distinct = p.eat_kw(Kw::Distinct);
        if distinct.is_none() {
            p.eat_kw(Kw::All);
        }
        let args = comma_separated(p, expr)?;
        Ok(FunctionArgs::List { distinct, args })
    })?;
    let over = match p.eat_kw(Kw::Over) {
        Some(_) => Some(Box::new(window(p)?)),
        None => None,
    };
    Ok(Function { name, args, over })
}

/// `(PARTITION BY ... ORDER BY ... [frame])` after OVER.
fn window(p: &mut Parser) -> Result<WindowSpec> {
    let group = p.expect_paren("`(` (named windows are not supported)")?;
    p.in_group(group, |p| {
        let partition_by = match p.eat_kw(Kw::Partition) {
            Some(_) => {
                p.expect_kw(Kw::By)?;
                comma_separated(p, expr)?
            }
            None => Vec::new(),
        };
        let order_by = match p.eat_kw(Kw::Order) {
            Some(_) => {
                p.expect_kw(Kw::By)?;
                order_by_list(p)?
            }
            None => Vec::new(),
        };
        let units = if p.peek_kw(Kw::Rows) {
            Some(FrameUnits::Rows)
        } else if p.peek_kw(Kw::Range) {
            Some(FrameUnits::Range)
        } else if p.peek_kw(Kw::Groups) {
            Some(FrameUnits::Groups)
        } else {
            None
        };
        let frame = match units {
            Some(units) => {
                p.bump();
                let (start, end) = if p.eat_kw(Kw::Between).is_some() {
                    let start = frame_bound(p)?;
                    p.expect_kw(Kw::And)?;
                    (start, Some(frame_bound(p)?))
                } else {
                    (frame_bound(p)?, None)
                };
                Some(WindowFrame { units, start, end })
            }
            None if p.at_end() => None,
            None => {
                return Err(p.expected(if order_by.is_empty() {
                    "`PARTITION BY`, `ORDER BY`, `ROWS`, `RANGE`, `GROUPS` or `)`"
                } else {
                    "`ROWS`, `RANGE`, `GROUPS` or `)`"
                }))
            }
        };
        Ok(WindowSpec {
            partition_by,
            order_by,
            frame,
        })
    })
}

fn frame_bound(p: &mut Parser) -> Result<FrameBound> {
    const WHAT: &str = "`PRECEDING` or `FOLLOWING`";
    if p.eat_kw(Kw::Unbounded).is_some() {
        return if p.eat_kw(Kw::Preceding).is_some() {
            Ok(FrameBound::Preceding(None))
        } else if p.eat_kw(Kw::Following).is_some() {
            Ok(FrameBound::Following(None))
        } else {
            Err(p.expected(WHAT))
        };
    }
    if p.eat_kw(Kw::Current).is_some() {
        p.expect_kw(Kw::Row)?;
        return Ok(FrameBound::CurrentRow);
    }
    let offset = Some(Box::new(additive(p, None)?));
    if p.eat_kw(Kw::Preceding).is_some() {
        Ok(FrameBound::Preceding(offset))
    } else if p.eat_kw(Kw::Following).is_some() {
        Ok(FrameBound::Following(offset))
    } else {
        Err(p.expected(WHAT))
    }
}
