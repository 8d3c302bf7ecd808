//! Function calls and their window: `name(args) [OVER (...)]`.

use super::cursor::{comma_separated, Parser};
use super::expr::{additive, expr};
use super::keyword::Kw;
use super::select::order_by_list;
use crate::ast::{
    FrameBound, FrameUnits, Function, FunctionArgs, ObjectName, WindowFrame, WindowSpec,
};

type Result<T> = syn::Result<T>;

/// `name(args) [OVER (...)]`, after the name.
pub(super) fn function(p: &mut Parser, name: ObjectName) -> Result<Function> {
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
