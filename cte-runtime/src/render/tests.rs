//! Unit tests on small hand-built trees. The builders leak their nodes to get the `'static`
//! references the tree is made of, which is fine in a test.

mod build;
mod dml;
mod exprs;
mod queries;
mod visit;

use super::{render, ParamOrder, Slot};
use crate::tree::Statement;
use crate::{Dialect, RenderError, Value};

/// Renders `stmt` for every dialect, in `Dialect::ALL` order.
fn all(stmt: &Statement) -> Vec<Result<String, RenderError>> {
    Dialect::ALL
        .iter()
        .map(|&d| render(stmt, d, None).map(|t| t.sql))
        .collect()
}

/// Asserts the SQL of each listed dialect.
#[track_caller]
fn assert_sql(stmt: &Statement, expected: &[(Dialect, &str)]) {
    for (d, sql) in expected {
        match render(stmt, *d, None) {
            Ok(t) => assert_eq!(t.sql, *sql, "{d}"),
            Err(e) => panic!("{d}: {e}"),
        }
    }
}

/// Asserts that `dialect` refuses `stmt`, naming `construct`.
#[track_caller]
fn assert_error(stmt: &Statement, dialect: Dialect, construct: &str) {
    match render(stmt, dialect, None) {
        Ok(t) => panic!("{dialect}: expected an error on {construct}, got {}", t.sql),
        Err(e) => {
            assert_eq!(e.construct(), construct, "{dialect}");
            assert_eq!(e.dialect(), dialect);
        }
    }
}

fn sql(stmt: &Statement, d: Dialect) -> String {
    match render(stmt, d, None) {
        Ok(t) => t.sql,
        Err(e) => panic!("{d}: {e}"),
    }
}

fn inline(stmt: &Statement, d: Dialect, values: &[Value]) -> Result<String, RenderError> {
    render(stmt, d, Some(values)).map(|t| t.sql)
}

fn order(stmt: &Statement, d: Dialect) -> Option<Vec<usize>> {
    match render(stmt, d, None).map(|t| t.order) {
        Ok(ParamOrder::Source) => None,
        Ok(ParamOrder::Slots(slots)) => Some(
            slots
                .iter()
                .map(|s| match s {
                    Slot::Whole(i) => *i,
                    Slot::Item(..) => panic!("{d}: a list in a test without one"),
                })
                .collect(),
        ),
        Err(e) => panic!("{d}: {e}"),
    }
}

#[test]
fn every_dialect_renders_a_plain_select() {
    let stmt = build::query(build::select(vec![build::item(build::col("a"))], vec![]));
    for r in all(&stmt) {
        assert_eq!(r.as_deref(), Ok("SELECT a"));
    }
}
