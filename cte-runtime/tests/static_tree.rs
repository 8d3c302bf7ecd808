use cte_runtime::__private::{tree::*, Site};
use cte_runtime::Value;

static TREE: Statement = Statement::Query(QueryExpr {
    with: None,
    body: SetExpr::Select(&Select {
        distinct: false,
        projection: &[SelectItem::Expr {
            expr: Expr::Binary {
                left: &Expr::Param(0),
                op: BinaryOp::Plus,
                right: &Expr::Literal(Literal::Integer("1")),
            },
            alias: Some(Ident {
                value: "n",
                raw: false,
            }),
        }],
        from: &[],
        selection: None,
        group_by: &[],
        having: None,
    }),
    order_by: &[],
    limit: None,
    offset: None,
});
static SITE: Site = Site::new(&TREE);

#[test]
fn a_static_tree_builds() {
    let q = cte_runtime::__private::query(&SITE, vec![Value::from(1)]);
    assert_eq!(q.source_params(), &[Value::I64(1)]);
}
