//! Builders for test trees.

use crate::tree::*;

pub fn leak<T>(t: T) -> &'static T {
    Box::leak(Box::new(t))
}

pub fn list<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

pub fn id(s: &'static str) -> Ident {
    Ident {
        value: s,
        raw: false,
    }
}

pub fn raw(s: &'static str) -> Ident {
    Ident {
        value: s,
        raw: true,
    }
}

/// `a.b.c` split on dots.
pub fn name(s: &'static str) -> ObjectName {
    ObjectName(list(s.split('.').map(id).collect()))
}

pub fn col(s: &'static str) -> Expr {
    Expr::Column(name(s))
}

pub fn int(s: &'static str) -> Expr {
    Expr::Literal(Literal::Integer(s))
}

pub fn string(s: &'static str) -> Expr {
    Expr::Literal(Literal::String(s))
}

pub fn boolean(b: bool) -> Expr {
    Expr::Literal(Literal::Bool(b))
}

pub fn param(i: usize) -> Expr {
    Expr::Param(i)
}

pub fn bin(l: Expr, op: BinaryOp, r: Expr) -> Expr {
    Expr::Binary {
        left: leak(l),
        op,
        right: leak(r),
    }
}

pub fn eq(l: Expr, r: Expr) -> Expr {
    bin(l, BinaryOp::Eq, r)
}

pub fn unary(op: UnaryOp, e: Expr) -> Expr {
    Expr::Unary { op, expr: leak(e) }
}

pub fn is_null(e: Expr) -> Expr {
    Expr::IsNull {
        expr: leak(e),
        negated: false,
    }
}

pub fn func(n: &'static str, args: Vec<Expr>) -> Function {
    Function {
        name: name(n),
        args: FunctionArgs::List {
            distinct: false,
            args: list(args),
        },
        over: None,
    }
}

pub fn call(n: &'static str, args: Vec<Expr>) -> Expr {
    Expr::Function(func(n, args))
}

pub fn cast(e: Expr, data_type: DataType) -> Expr {
    Expr::Cast {
        expr: leak(e),
        data_type,
    }
}

pub fn item(e: Expr) -> SelectItem {
    SelectItem::Expr {
        expr: e,
        alias: None,
    }
}

pub fn aliased(e: Expr, alias: &'static str) -> SelectItem {
    SelectItem::Expr {
        expr: e,
        alias: Some(id(alias)),
    }
}

pub fn table(n: &'static str) -> TableWithJoins {
    TableWithJoins {
        relation: TableFactor::Table {
            name: name(n),
            alias: None,
        },
        joins: &[],
    }
}

pub fn table_as(n: &'static str, alias: &'static str) -> TableWithJoins {
    TableWithJoins {
        relation: TableFactor::Table {
            name: name(n),
            alias: Some(TableAlias {
                name: id(alias),
                columns: &[],
            }),
        },
        joins: &[],
    }
}

pub fn select(items: Vec<SelectItem>, from: Vec<TableWithJoins>) -> Select {
    Select {
        distinct: false,
        projection: list(items),
        from: list(from),
        selection: None,
        group_by: &[],
        having: None,
    }
}

pub fn body(s: Select) -> SetExpr {
    SetExpr::Select(leak(s))
}

pub fn qe(body: SetExpr) -> QueryExpr {
    QueryExpr {
        with: None,
        body,
        order_by: &[],
        limit: None,
        offset: None,
    }
}

pub fn sq(s: Select) -> QueryExpr {
    qe(body(s))
}

pub fn query(s: Select) -> Statement {
    Statement::Query(sq(s))
}

pub fn union_all(l: SetExpr, r: SetExpr) -> SetExpr {
    set_op(SetOperator::Union { all: true }, l, r)
}

pub fn set_op(op: SetOperator, l: SetExpr, r: SetExpr) -> SetExpr {
    SetExpr::SetOp {
        op,
        left: leak(l),
        right: leak(r),
    }
}

pub fn cte(n: &'static str, cols: Vec<&'static str>, body: QueryExpr) -> Cte {
    Cte {
        name: id(n),
        columns: list(cols.into_iter().map(id).collect()),
        materialized: Materialized::Default,
        body: leak(Statement::Query(body)),
        search: None,
        cycle: None,
    }
}

pub fn with(recursive: bool, ctes: Vec<Cte>) -> Option<With> {
    Some(With {
        recursive,
        ctes: list(ctes),
    })
}

pub fn order(e: Expr, order: SortOrder, nulls: NullsOrder) -> OrderByItem {
    OrderByItem {
        expr: e,
        order,
        nulls,
    }
}

/// The hierarchy CTE of the docs: `tree(id, depth)` over `category`.
pub fn hierarchy() -> Cte {
    let anchor = Select {
        selection: Some(eq(col("parent_id"), param(0))),
        ..select(
            vec![item(col("id")), item(int("0"))],
            vec![table("category")],
        )
    };
    let step = Select {
        from: list(vec![TableWithJoins {
            relation: table_as("category", "c").relation,
            joins: list(vec![Join {
                kind: JoinKind::Inner,
                relation: table_as("tree", "t").relation,
                constraint: JoinConstraint::On(eq(col("c.parent_id"), col("t.id"))),
            }]),
        }]),
        ..select(
            vec![
                item(col("c.id")),
                item(bin(col("t.depth"), BinaryOp::Plus, int("1"))),
            ],
            vec![],
        )
    };
    cte(
        "tree",
        vec!["id", "depth"],
        qe(union_all(body(anchor), body(step))),
    )
}
