//! `OPTION (MAXRECURSION n)` after a statement.

use super::cursor::{Parser, Tok};
use super::keyword::Kw;
use crate::ast::{MaxRecursion, Statement, With};

type Result<T> = syn::Result<T>;

/// `OPTION (MAXRECURSION n)`, kept on the leading WITH of `stmt`.
pub(crate) fn option(p: &mut Parser, stmt: &mut Statement) -> Result<()> {
    let option_token = p.expect_kw(Kw::Option)?;
    let group = p.expect_paren("`(`")?;
    let levels = p.in_group(&group, |p| {
        p.expect_kw(Kw::Maxrecursion)?;
        let span = p.span();
        match p.bump() {
            Some(Tok::Lit(lit)) => match syn::Lit::new(lit) {
                syn::Lit::Int(n) => n.base10_parse::<u32>().map_err(|_| {
                    syn::Error::new(
                        span,
                        "MAXRECURSION takes a number of levels from 0 to 4294967295",
                    )
                }),
                _ => Err(syn::Error::new(span, "expected a number of levels")),
            },
            found => Err(super::cursor::expected(
                "a number of levels",
                found.as_ref(),
                span,
            )),
        }
    })?;
    let Some(with) = leading_with(stmt) else {
        return Err(syn::Error::new(
            option_token,
            "OPTION (MAXRECURSION n) limits the recursive CTEs of the statement's WITH, and \\
             this statement does not start with one\\nhelp: move the recursive CTE to a WITH at \\
             the start of the statement",
        ));
    };
    with.max_recursion = Some(MaxRecursion {
        option_token,
        levels,
    });
    Ok(())
}

/// The WITH a statement starts with: before it, or for INSERT, on its query.
fn leading_with(stmt: &mut Statement) -> Option<&mut With> {
    match stmt {
        Statement::Query(q) => q.with.as_mut(),
        Statement::Insert(i) => match &mut i.with {
            Some(with) => Some(with),
            None => i.source.with.as_mut(),
        },
        Statement::Update(u) => u.with.as_mut(),
        Statement::Delete(d) => d.with.as_mut(),
    }
}
