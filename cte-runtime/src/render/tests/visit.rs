//! The whole-tree walk reaches every node: each tree below has one of every kind of node, every
//! column, table and defined name numbered in the order the SQL is written (`x1`, `x2`, ...),
//! and the walk must report exactly those, in that order.

use std::ops::ControlFlow;

use super::super::visit::{Flow, Scope, Visit};
use super::build::*;
use crate::tree::*;

/// Records the names the walk reports, and the scopes it enters and leaves.
#[derive(Default)]
struct Seen {
    names: Vec<&'static str>,
    scopes: Vec<String>,
    /// Whether to walk the parts of the tree where a WITH's names are in scope.
    enter: bool,
}

impl Visit<'static> for Seen {
    type Break = ();

    fn enter_scope(&mut self, with: &'static With, scope: Scope) -> Flow<(), bool> {
        self.scopes
            .push(format!("enter {} {scope:?}", with.ctes[0].name.value));
        ControlFlow::Continue(self.enter)
    }
    fn leave_scope(&mut self, with: &'static With, scope: Scope) -> Flow<()> {
        self.scopes
            .push(format!("leave {} {scope:?}", with.ctes[0].name.value));
        ControlFlow::Continue(())
    }
    fn visit_relation(
        &mut self,
        name: Option<&'static ObjectName>,
        alias: Option<&'static TableAlias>,
    ) -> Flow<()> {
        self.names
            .extend(name.iter().flat_map(|n| n.0).map(|i| i.value));
        if let Some(a) = alias {
            self.names.push(a.name.value);
            self.names.extend(a.columns.iter().map(|c| c.value));
        }
        ControlFlow::Continue(())
    }
    fn visit_column(&mut self, name: &'static ObjectName) -> Flow<()> {
        self.names.extend(name.0.iter().map(|i| i.value));
        ControlFlow::Continue(())
    }
    fn visit_name(&mut self, name: &'static Ident) -> Flow<()> {
        self.names.push(name.value);
        ControlFlow::Continue(())
    }
}

fn walked(stmt: &'static Statement, enter: bool) -> Seen {
    let mut seen = Seen {
        enter,
        ..Seen::default()
    };
    let _ = seen.visit_statement(stmt);
    seen
}

fn numbered(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("x{i}")).collect()
}

fn alias(n: &'static str, cols: Vec<&'static str>) -> Option<TableAlias> {
    Some(TableAlias {
        name: id(n),
        columns: list(cols.into_iter().map(id).collect()),
    })
}

fn factor(n: &'static str, a: Option<TableAlias>) -> TableFactor {
    TableFactor::Table {
        name: name(n),
        alias: a,
    }
}

fn join(kind: JoinKind, relation: TableFactor, constraint: JoinConstraint) -> Join {
    Join {
        kind,
        relation,
        constraint,
    }
}

fn one(e: Expr) -> &'static QueryExpr {
    leak(sq(select(vec![item(e)], vec![])))
}

/// `WITH RECURSIVE x1 (x2) AS (DELETE ...) SEARCH ... CYCLE ... SELECT <every expression>
/// FROM <every FROM item> WHERE .. GROUP BY .. HAVING .. UNION ALL (VALUES ...) ORDER BY ..
/// LIMIT .. OFFSET ..`
fn every_node() -> &'static Statement {
    let delete = Statement::Delete(Delete {
        with: None,
        table: name("x3"),
        alias: Some(id("x4")),
        using: &[],
        selection: Some(col("x5")),
        returning: list(vec![aliased(col("x6"), "x7")]),
    });
    let cte = Cte {
        name: id("x1"),
        columns: list(vec![id("x2")]),
        materialized: Materialized::Default,
        body: leak(delete),
        search: Some(Search {
            order: SearchOrder::Depth,
            by: list(vec![id("x8")]),
            set: id("x9"),
        }),
        cycle: Some(Cycle {
            columns: list(vec![id("x10")]),
            set: id("x11"),
            marks: Some(CycleMarks {
                value: col("x12"),
                default: col("x13"),
            }),
            using: id("x14"),
        }),
    };
    let window = Function {
        name: name("f"),
        args: FunctionArgs::List {
            distinct: false,
            args: list(vec![col("x38")]),
        },
        over: Some(WindowSpec {
            partition_by: list(vec![col("x39")]),
            order_by: list(vec![order(col("x40"), SortOrder::Asc, NullsOrder::Default)]),
            frame: Some(WindowFrame {
                units: FrameUnits::Rows,
                start: FrameBound::Preceding(Some(leak(col("x41")))),
                end: Some(FrameBound::Following(Some(leak(col("x42"))))),
            }),
        }),
    };
    let projection = vec![
        SelectItem::Wildcard,
        SelectItem::QualifiedWildcard(name("w")),
        aliased(unary(UnaryOp::Minus, col("x15")), "x16"),
        item(is_null(col("x17"))),
        item(cast(col("x18"), DataType::Integer)),
        item(Expr::Nested(leak(col("x19")))),
        item(bin(col("x20"), BinaryOp::Plus, col("x21"))),
        item(Expr::Between {
            expr: leak(col("x22")),
            negated: false,
            low: leak(col("x23")),
            high: leak(col("x24")),
        }),
        item(Expr::InList {
            expr: leak(col("x25")),
            list: list(vec![col("x26"), col("x27")]),
            negated: false,
        }),
        item(Expr::InSubquery {
            expr: leak(col("x28")),
            subquery: one(col("x29")),
            negated: false,
        }),
        item(Expr::Like {
            expr: leak(col("x30")),
            negated: false,
            pattern: leak(col("x31")),
        }),
        item(Expr::Exists {
            subquery: one(col("x32")),
            negated: false,
        }),
        item(Expr::Subquery(one(col("x33")))),
        item(Expr::Case {
            operand: Some(leak(col("x34"))),
            whens: list(vec![(col("x35"), col("x36"))]),
            else_result: Some(leak(col("x37"))),
        }),
        item(Expr::Function(window)),
        item(Expr::Function(Function {
            name: name("count"),
            args: FunctionArgs::Star,
            over: None,
        })),
        item(int("1")),
        item(param(0)),
    ];
    let first = TableWithJoins {
        relation: factor("x43", alias("x44", vec!["x45"])),
        joins: list(vec![join(
            JoinKind::Inner,
            TableFactor::Derived {
                lateral: true,
                subquery: one(col("x46")),
                alias: alias("x47", vec!["x48"]),
            },
            JoinConstraint::On(col("x49")),
        )]),
    };
    let nested = TableWithJoins {
        relation: TableFactor::Nested(leak(TableWithJoins {
            relation: factor("x50", None),
            joins: list(vec![
                join(JoinKind::Cross, factor("x51", None), JoinConstraint::None),
                join(
                    JoinKind::Left,
                    factor("x52", None),
                    JoinConstraint::Using(list(vec![id("u")])),
                ),
            ]),
        })),
        joins: &[],
    };
    let left = Select {
        distinct: true,
        projection: list(projection),
        from: list(vec![first, nested]),
        selection: Some(col("x53")),
        group_by: list(vec![col("x54")]),
        having: Some(col("x55")),
    };
    let values = QueryExpr {
        with: None,
        body: SetExpr::Values(list(vec![list(vec![col("x56"), col("x57")])])),
        order_by: list(vec![order(col("x58"), SortOrder::Desc, NullsOrder::First)]),
        limit: Some(col("x59")),
        offset: Some(col("x60")),
    };
    leak(Statement::Query(QueryExpr {
        with: with(true, vec![cte]),
        body: SetExpr::SetOp {
            op: SetOperator::Union { all: true },
            left: leak(SetExpr::Select(leak(left))),
            right: leak(SetExpr::Query(leak(values))),
        },
        order_by: list(vec![order(
            col("x61"),
            SortOrder::Default,
            NullsOrder::Default,
        )]),
        limit: Some(col("x62")),
        offset: Some(col("x63")),
    }))
}

#[test]
fn the_walk_reaches_every_node_of_a_query_in_written_order() {
    let seen = walked(every_node(), true);
    assert_eq!(seen.names, numbered(63));
    assert_eq!(
        seen.scopes,
        [
            "enter x1 Cte(0)",
            "leave x1 Cte(0)",
            "enter x1 Rest",
            "leave x1 Rest"
        ]
    );
}

#[test]
fn the_walk_reaches_every_part_of_insert_and_update() {
    let cte = || {
        with(
            false,
            vec![cte("x1", vec![], sq(select(vec![item(col("x2"))], vec![])))],
        )
    };
    let insert = leak(Statement::Insert(Insert {
        with: cte(),
        table: name("x3"),
        columns: list(vec![id("x4")]),
        source: one(col("x5")),
        on_conflict: Some(OnConflict {
            columns: list(vec![id("x6")]),
            action: ConflictAction::Update {
                assignments: list(vec![Assignment {
                    column: id("x7"),
                    value: col("x8"),
                }]),
                selection: Some(col("x9")),
            },
            key: ConflictKey::Unknown,
        }),
        returning: list(vec![item(col("x10"))]),
    }));
    assert_eq!(walked(insert, true).names, numbered(10));
    let update = leak(Statement::Update(Update {
        with: cte(),
        table: name("x3"),
        alias: Some(id("x4")),
        assignments: list(vec![Assignment {
            column: id("x5"),
            value: col("x6"),
        }]),
        from: list(vec![table("x7")]),
        selection: Some(col("x8")),
        returning: list(vec![item(col("x9"))]),
    }));
    assert_eq!(walked(update, true).names, numbered(9));
}

#[test]
fn a_scope_not_entered_is_skipped_and_not_left() {
    let seen = walked(every_node(), false);
    // The CTE's name and columns are outside its body's scope; SEARCH and CYCLE follow it.
    let outside: Vec<String> = [1, 2, 8, 9, 10, 11, 12, 13, 14]
        .iter()
        .map(|i| format!("x{i}"))
        .collect();
    assert_eq!(seen.names, outside);
    assert_eq!(seen.scopes, ["enter x1 Cte(0)", "enter x1 Rest"]);
}
