//! Queries built as trees, for sizes that a `select!` could only reach at a great cost of
//! compile time (tens of thousands of parameters). Each leaks its tree, as the macro's trees
//! are `'static` too.

use cte_runtime::__private::{self, tree::*, Site};
use cte_runtime::{Query, Value};

/// `SELECT id FROM t WHERE id IN (<n parameters, 0 to n - 1>) ORDER BY id`.
pub fn in_list(n: usize) -> Query {
    fn leak<T>(t: T) -> &'static T {
        Box::leak(Box::new(t))
    }
    let id = || {
        ObjectName(Box::leak(Box::new([Ident {
            value: "id",
            raw: false,
        }])))
    };
    let list: Vec<Expr> = (0..n).map(Expr::Param).collect();
    let select = Select {
        distinct: false,
        projection: Box::leak(Box::new([SelectItem::Expr {
            expr: Expr::Column(id()),
            alias: None,
        }])),
        from: Box::leak(Box::new([TableWithJoins {
            relation: TableFactor::Table {
                name: ObjectName(Box::leak(Box::new([Ident {
                    value: "t",
                    raw: false,
                }]))),
                alias: None,
            },
            joins: &[],
        }])),
        selection: Some(Expr::InList {
            expr: leak(Expr::Column(id())),
            list: Box::leak(list.into_boxed_slice()),
            negated: false,
        }),
        group_by: &[],
        having: None,
    };
    let stmt = leak(Statement::Query(QueryExpr {
        with: None,
        body: SetExpr::Select(leak(select)),
        order_by: Box::leak(Box::new([OrderByItem {
            expr: Expr::Column(id()),
            order: SortOrder::Default,
            nulls: NullsOrder::Default,
        }])),
        limit: None,
        offset: None,
    }));
    let site = leak(Site::new(stmt));
    __private::query(site, (0..n as i64).map(Value::I64).collect())
}
