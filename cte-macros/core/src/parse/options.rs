//! `OPTION (MAXRECURSION n)` after a statement.

use super::cursor::Parser;
use super::keyword::Kw;
use super::lex::Tok;
use crate::ast::{MaxRecursion, Statement, With};

type Result<T> = syn::Result<T>;

/// `OPTION (MAXRECURSION n)`, kept on the leading WITH of `stmt`.
pub(crate) fn option(p: &mut Parser, stmt: &mut Statement) -> Result<()> {
    let option_token = p.expect_kw(Kw::Option)?;
    let group = p.expect_paren("`(`")?;
    let levels = p.in_group(group, |p| {
        p.expect_kw(Kw::Maxrecursion)?;
        let span = p.span();
        match p.bump() {
            Some(Tok::Lit(lit)) => match syn::Lit::new(lit.clone()) {
                syn::Lit::Int(n) => n.base10_parse::<u32>().map_err(|_| {
                    syn::Error::new(
                        span,
                        "MAXRECURSION takes a number of levels from 0 to 4294967295",
                    )
                }),
                _ => Err(syn::Error::new(span, "expected a number of levels")),
            },
            found => Err(super::cursor::expected("a number of levels", found, span)),
        }
    })?;
    if p.has_from_splices() {
        if let Statement::Query(q) = stmt {
            // SELECT ... FROM {tree} OPTION (...): the spliced item will start a WITH here.
            q.with.get_or_insert_with(|| With {
                recursive: None,
                ctes: Vec::new(),
                max_recursion: None,
            });
        }
    }
    let Some(with) = leading_with(stmt) else {
        // The statement is whole: the checks go on with it.
        p.recover(syn::Error::new(
            option_token,
            "OPTION (MAXRECURSION n) limits the recursive CTEs of the statement's WITH, and \
             this statement does not start with one\n\
             help: move the recursive CTE to a WITH at the start of the statement",
        ));
        return Ok(());
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

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::super::select as parse;
    use crate::ast::Statement;

    fn levels(stmt: &Statement) -> Option<u32> {
        stmt.leading_with()
            .and_then(|w| w.max_recursion.as_ref())
            .map(|m| m.levels)
    }

    #[test]
    fn the_limit_is_kept_on_the_leading_with() {
        let stmt = parse(quote! {
            WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 9)
            SELECT n FROM s ORDER BY n option (maxrecursion 5)
        });
        assert_eq!(stmt.as_ref().ok().and_then(levels), Some(5));
        // INSERT keeps it on the WITH of its query.
        let stmt = parse(quote! {
            INSERT INTO t (n)
            WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 9)
            SELECT n FROM s
            OPTION (MAXRECURSION 0)
        });
        assert_eq!(stmt.as_ref().ok().and_then(levels), Some(0));
        // `option` stays a name elsewhere.
        assert!(parse(quote! { SELECT option FROM t AS option }).is_ok());
    }

    #[test]
    fn malformed_options_are_syntax_errors() {
        let message = |input| match parse(input) {
            Ok(stmt) => panic!("parsed: {stmt:?}"),
            Err(e) => e.to_string(),
        };
        assert!(
            message(quote!(SELECT 1 OPTION (MAXRECURSION 5))).contains("does not start with one")
        );
        assert!(
            message(quote!(WITH c AS (SELECT 1) SELECT 1 OPTION (FAST 5)))
                .contains("expected `MAXRECURSION`")
        );
        assert!(
            message(quote!(WITH c AS (SELECT 1) SELECT 1 OPTION (MAXRECURSION x)))
                .contains("expected a number of levels")
        );
        assert!(
            message(quote!(WITH c AS (SELECT 1) SELECT 1 OPTION (MAXRECURSION 99999999999)))
                .contains("from 0 to 4294967295")
        );
    }

    #[test]
    fn an_option_inside_a_cte_body_is_refused_by_the_checks() {
        let parsed = super::super::select_recovering(quote! {
            WITH c AS (WITH d AS (SELECT 1) SELECT 1 OPTION (MAXRECURSION 5)) SELECT 1
        });
        let error = crate::check::statement(parsed, None)
            .map(|_| ())
            .unwrap_err();
        assert!(
            error.to_string().contains("goes after the whole statement"),
            "{error}"
        );
    }
}
