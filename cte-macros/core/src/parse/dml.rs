//! INSERT, UPDATE and DELETE, as statements or as the bodies of data-modifying CTEs.

use super::cursor::{comma_separated, Parser};
use super::expr::expr;
use super::from::from_list;
use super::group::{looks_like_query, QueryStart};
use super::keyword::Kw;
use super::select::{query, select_items};
use crate::ast::{
    Assignment, ConflictAction, Delete, Ident, Insert, Keyed, OnConflict, SelectItem, Update, With,
};

type Result<T> = syn::Result<T>;

/// `INSERT INTO table [(cols)] query [ON CONFLICT ...] [RETURNING ...]`
pub(crate) fn insert(p: &mut Parser, with: Option<With>) -> Result<Insert> {
    p.expect_kw(Kw::Insert)?;
    p.expect_kw(Kw::Into)?;
    let table = p.object_name("a table name")?;
    let column_list = match p.peek_group(proc_macro2::Delimiter::Parenthesis) {
        Some(g) => looks_like_query(g) == QueryStart::No,
        None => false,
    };
    let columns = if column_list {
        p.paren_ident_list("a column name")?
    } else {
        Vec::new()
    };
    if !(p.peek_kw(Kw::Select) || p.peek_kw(Kw::Values) || p.peek_kw(Kw::With) || p.peek_paren()) {
        return Err(p.expected(if columns.is_empty() {
            "`(`, `SELECT`, `VALUES` or `WITH`"
        } else {
            "`SELECT`, `VALUES` or `WITH`"
        }));
    }
    let source = Box::new(query(p)?);
    let on_conflict = on_conflict(p)?;
    let returning = returning(p)?;
    Ok(Insert {
        with,
        table,
        columns,
        source,
        on_conflict,
        returning,
    })
}

/// `ON CONFLICT [(cols)] DO NOTHING | DO UPDATE SET col = expr, ... [WHERE ...]`
fn on_conflict(p: &mut Parser) -> Result<Option<Box<OnConflict>>> {
    if p.eat_kw(Kw::On).is_none() {
        return Ok(None);
    }
    let conflict = p.expect_kw(Kw::Conflict)?;
    let columns = if p.peek_paren() {
        p.paren_ident_list("a column name")?
    } else {
        Vec::new()
    };
    p.expect_kw(Kw::Do)?;
    let action = if p.eat_kw(Kw::Nothing).is_some() {
        ConflictAction::Nothing
    } else if let Some(update) = p.eat_kw(Kw::Update) {
        if columns.is_empty() {
            // INSERT INTO t VALUES (1, 2) ON CONFLICT DO UPDATE SET b = excluded.b
            // -- PostgreSQL refuses it; SQLite would update on a conflict on any unique key.
            return Err(syn::Error::new(
                update,
                "DO UPDATE needs the columns of the unique key whose conflict it handles\n\
                 help: name them: `ON CONFLICT (id) DO UPDATE SET ...`",
            ));
        }
        p.expect_kw(Kw::Set)?;
        let assignments = comma_separated(p, assignment)?;
        let selection = where_clause(p)?;
        ConflictAction::Update {
            assignments,
            selection,
        }
    } else {
        return Err(p.expected("`NOTHING` or `UPDATE`"));
    };
    Ok(Some(Box::new(OnConflict {
        columns,
        action,
        excluded: Ident {
            value: "excluded".to_owned(),
            raw: false,
            span: conflict,
        },
    })))
}

/// `column = value`
fn assignment(p: &mut Parser) -> Result<Assignment> {
    let column = p.ident("a column name")?;
    p.expect_op("=")?;
    let value = expr(p)?;
    Ok(Assignment { column, value })
}

/// `UPDATE table [[AS] alias] SET col = expr, ... [FROM ...] [WHERE ...] [RETURNING ...]`
pub(crate) fn update(p: &mut Parser, with: Option<With>) -> Result<Update> {
    p.expect_kw(Kw::Update)?;
    let table = p.object_name("a table name")?;
    let alias = p.alias()?;
    p.expect_kw(Kw::Set)?;
    let assignments = comma_separated(p, assignment)?;
    let from = p.keyed(Kw::From, from_list)?;
    let selection = where_clause(p)?;
    let returning = returning(p)?;
    Ok(Update {
        with,
        table,
        alias,
        assignments,
        from,
        selection,
        returning,
    })
}

/// `DELETE FROM table [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...]`
pub(crate) fn delete(p: &mut Parser, with: Option<With>) -> Result<Delete> {
    p.expect_kw(Kw::Delete)?;
    p.expect_kw(Kw::From)?;
    let table = p.object_name("a table name")?;
    let alias = p.alias()?;
    let using = p.keyed(Kw::Using, from_list)?;
    let selection = where_clause(p)?;
    let returning = returning(p)?;
    Ok(Delete {
        with,
        table,
        alias,
        using,
        selection,
        returning,
    })
}

fn where_clause(p: &mut Parser) -> Result<Option<Keyed<crate::ast::Expr>>> {
    p.keyed(Kw::Where, expr)
}

fn returning(p: &mut Parser) -> Result<Option<Keyed<Vec<SelectItem>>>> {
    p.keyed(Kw::Returning, select_items)
}
