//! The decoder against the encoder of `cte-macros-core`: round trips to trees written by hand,
//! and malformed bytes, which must be an error and never a panic.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

fn encode(input: TokenStream) -> &'static [u8] {
    let (bytes, _) = cte_macros_core::encoded_select(input).expect("the query compiles");
    bytes.leak()
}

const fn id(value: &'static str) -> Ident {
    Ident { value, raw: false }
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn list<T: Clone>(items: &[T]) -> &'static [T] {
    items.to_vec().leak()
}

/// An unqualified column.
fn col(name: &'static str) -> Expr {
    Expr::Column(ObjectName(list(&[id(name)])))
}

#[test]
fn a_select_decodes_to_the_tree_written_by_hand() {
    let bytes = encode(quote!(SELECT a, r#b AS c FROM t x WHERE a > 1 AND {p} IS NOT NULL));
    static EXPECTED: Statement = Statement::Query(QueryExpr {
        with: None,
        body: SetExpr::Select(&Select {
            distinct: false,
            projection: &[
                SelectItem::Expr {
                    expr: Expr::Column(ObjectName(&[id("a")])),
                    alias: None,
                },
                SelectItem::Expr {
                    expr: Expr::Column(ObjectName(&[Ident {
                        value: "b",
                        raw: true,
                    }])),
                    alias: Some(id("c")),
                },
            ],
            from: &[TableWithJoins {
                relation: TableFactor::Table {
                    name: ObjectName(&[id("t")]),
                    alias: Some(TableAlias {
                        name: id("x"),
                        columns: &[],
                    }),
                },
                joins: &[],
            }],
            selection: Some(Expr::Binary {
                left: &Expr::Binary {
                    left: &Expr::Column(ObjectName(&[id("a")])),
                    op: BinaryOp::Gt,
                    right: &Expr::Literal(Literal::Integer("1")),
                },
                op: BinaryOp::And,
                right: &Expr::IsNull {
                    expr: &Expr::Param(0),
                    negated: true,
                },
            }),
            group_by: &[],
            having: None,
        }),
        order_by: &[],
        limit: None,
        offset: None,
    });
    let decoded = statement(bytes).unwrap();
    assert_eq!(decoded.tree, &EXPECTED);
    assert_eq!(decoded.options, Options::NONE);
    assert!(decoded.splices.is_empty());
    assert_eq!(
        decoded.checked,
        Checked::Yes {
            search_cycle: false
        }
    );
}

#[test]
fn a_recursive_cte_with_search_cycle_and_options_decodes() {
    let bytes = encode(quote! {
        WITH RECURSIVE t(id, depth) AS MATERIALIZED (
            SELECT 1, 0 UNION ALL SELECT id + 1, depth + 1 FROM t WHERE id < 5
        ) SEARCH DEPTH FIRST BY id SET ord
          CYCLE id SET seen TO TRUE DEFAULT FALSE USING trail
        SELECT CAST(id AS VARCHAR(10)), COUNT(*) OVER (PARTITION BY depth ORDER BY id DESC NULLS LAST
            ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
        FROM t ORDER BY ord LIMIT 10 OFFSET {skip}
        OPTION (MAXRECURSION 50)
    });
    let decoded = statement(bytes).unwrap();
    assert_eq!(decoded.options.max_recursion, 50);
    assert_eq!(decoded.checked, Checked::Yes { search_cycle: true });
    let Statement::Query(query) = decoded.tree else {
        panic!("not a query")
    };
    let with = query.with.unwrap();
    assert!(with.recursive);
    let [cte] = with.ctes else { panic!() };
    assert_eq!(cte.columns, &[id("id"), id("depth")]);
    assert_eq!(cte.materialized, Materialized::Yes);
    assert_eq!(
        cte.search,
        Some(Search {
            order: SearchOrder::Depth,
            by: list(&[id("id")]),
            set: id("ord"),
        })
    );
    assert_eq!(
        cte.cycle,
        Some(Cycle {
            columns: list(&[id("id")]),
            set: id("seen"),
            marks: Some(CycleMarks {
                value: Expr::Literal(Literal::Bool(true)),
                default: Expr::Literal(Literal::Bool(false)),
            }),
            using: id("trail"),
        })
    );
    let SetExpr::Select(select) = query.body else {
        panic!()
    };
    assert_eq!(
        select.projection[0],
        SelectItem::Expr {
            expr: Expr::Cast {
                expr: leak(col("id")),
                data_type: DataType::Varchar(Some(10)),
            },
            alias: None,
        }
    );
    let SelectItem::Expr {
        expr: Expr::Function(count),
        ..
    } = select.projection[1]
    else {
        panic!()
    };
    assert_eq!(count.args, FunctionArgs::Star);
    assert_eq!(
        count.over,
        Some(WindowSpec {
            partition_by: list(&[col("depth")]),
            order_by: list(&[OrderByItem {
                expr: col("id"),
                order: SortOrder::Desc,
                nulls: NullsOrder::Last,
            }]),
            frame: Some(WindowFrame {
                units: FrameUnits::Rows,
                start: FrameBound::Preceding(Some(&Expr::Literal(Literal::Integer("2")))),
                end: Some(FrameBound::CurrentRow),
            }),
        })
    );
    assert_eq!(query.limit, Some(Expr::Literal(Literal::Integer("10"))));
    assert_eq!(query.offset, Some(Expr::Param(0)));
}

#[test]
fn dml_and_splice_points_decode() {
    let bytes = encode(quote! {
        WITH gone AS (DELETE FROM t WHERE id IN (1, 2) RETURNING id)
        UPDATE u AS x SET n = n + 1, m = "it's" FROM gone g WHERE x.id = g.id RETURNING *
    });
    let Statement::Update(update) = statement(bytes).unwrap().tree else {
        panic!("not an UPDATE")
    };
    assert_eq!(update.alias, Some(id("x")));
    assert_eq!(
        update.assignments[1].value,
        Expr::Literal(Literal::String("it's"))
    );
    assert_eq!(update.returning, &[SelectItem::Wildcard]);
    let Statement::Delete(delete) = update.with.unwrap().ctes[0].body else {
        panic!("not a DELETE")
    };
    assert_eq!(
        delete.selection,
        Some(Expr::InList {
            expr: leak(col("id")),
            list: list(&[
                Expr::Literal(Literal::Integer("1")),
                Expr::Literal(Literal::Integer("2"))
            ]),
            negated: false,
        })
    );

    let bytes = encode(quote!(WITH a AS (SELECT 1), {h}, b AS (VALUES (1, 2), (3, 4)) SELECT 1));
    let decoded = statement(bytes).unwrap();
    let [point] = decoded.splices else { panic!() };
    assert_eq!((point.position, point.name), (1, "h"));
}

#[test]
fn a_search_clause_in_a_subquery_is_noted() {
    let bytes = encode(quote! {
        SELECT * FROM (
            WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
                SEARCH BREADTH FIRST BY n SET ord
            SELECT n FROM t
        ) AS s
    });
    assert_eq!(
        statement(bytes).unwrap().checked,
        Checked::Yes { search_cycle: true }
    );
}

#[test]
fn a_cte_item_decodes() {
    let bytes = cte_macros_core::encoded_cte(quote! {
        pub RECURSIVE countdown(n) AS (SELECT 3 UNION ALL SELECT c.n - 1 FROM countdown c WHERE c.n > 1)
    })
    .expect("the item compiles")
    .leak();
    let (cte, checked) = cte(bytes).unwrap();
    assert_eq!(
        checked,
        Checked::Yes {
            search_cycle: false
        }
    );
    assert_eq!(cte.name, id("countdown"));
    assert_eq!(cte.columns, &[id("n")]);
    // A CTE is not a statement, nor the other way round.
    assert_eq!(statement(bytes).unwrap_err(), Corrupt);
    assert_eq!(super::cte(encode(quote!(SELECT 1))).unwrap_err(), Corrupt);
}

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn samples() -> Vec<&'static [u8]> {
    vec![
        encode(quote!(SELECT 1)),
        encode(quote! {
            WITH RECURSIVE h(id, depth, path) AS (
                SELECT id, 0, CAST(name AS TEXT) FROM nodes WHERE parent_id IS NULL
                UNION ALL
                SELECT n.id, h.depth + 1, h.path || "/" || n.name
                FROM nodes n JOIN h ON n.parent_id = h.id WHERE h.depth < {max}
            )
            SELECT id, CASE WHEN depth > 1 THEN "deep" ELSE "top" END FROM h
            WHERE path LIKE {p} AND id NOT BETWEEN 3 AND 4 AND EXISTS (SELECT 1 FROM t)
            ORDER BY path
        }),
        encode(quote! {
            INSERT INTO t (a, b) SELECT x.a, SUM(DISTINCT x.b) FROM (SELECT a, b FROM s) x
            LEFT JOIN LATERAL (SELECT 1 AS one) y ON TRUE CROSS JOIN (u JOIN v USING (k))
            GROUP BY x.a HAVING COUNT(*) > 1 RETURNING a
        }),
    ]
}

#[test]
fn every_truncation_is_an_error() {
    for bytes in samples() {
        assert!(statement(bytes).is_ok());
        for len in 0..bytes.len() {
            assert_eq!(statement(&bytes[..len]).unwrap_err(), Corrupt, "{len}");
        }
    }
}

#[test]
fn another_version_is_an_error() {
    for bytes in samples() {
        let mut other = bytes.to_vec();
        other[0] = FORMAT + 1;
        assert_eq!(statement(other.leak()).unwrap_err(), Corrupt);
    }
}

#[test]
fn mutated_and_random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let samples = samples();
    for round in 0..20_000 {
        let mut bytes = samples[round % samples.len()].to_vec();
        match round % 4 {
            // One byte changed anywhere, the version kept most of the time.
            0 | 1 => {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
            // Several bytes changed past the header.
            2 => {
                for _ in 0..1 + rng.below(4) {
                    let at = 2 + rng.below(bytes.len() - 2);
                    bytes[at] = rng.next() as u8;
                }
            }
            // Random bytes behind a valid version and root.
            _ => {
                let len = rng.below(64);
                bytes.truncate(2);
                bytes.extend((0..len).map(|_| rng.next() as u8));
            }
        }
        let bytes: &'static [u8] = bytes.leak();
        let _ = statement(bytes);
        let _ = cte(bytes);
    }
}

#[test]
fn counts_larger_than_the_input_allocate_nothing() {
    // 14 counts of u64::MAX >> 1 would ask for more memory than there is.
    let mut bytes = vec![FORMAT, 0];
    for _ in 0..14 {
        bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f]);
    }
    assert_eq!(statement(bytes.leak()).unwrap_err(), Corrupt);
}

#[test]
fn the_deepest_queries_the_parser_accepts_decode() {
    let nest: [fn(TokenStream) -> TokenStream; 3] = [
        |inner| quote!((#inner)),
        |inner| quote!((SELECT #inner)),
        |inner| quote!(-#inner + 1),
    ];
    for wrap in nest {
        let mut expr = quote!(1);
        let mut deepest = None;
        while let Some((bytes, _)) = cte_macros_core::encoded_select(quote!(SELECT #expr)) {
            deepest = Some(bytes);
            expr = wrap(expr);
        }
        let bytes = deepest.expect("a shallow query compiles").leak();
        assert!(statement(bytes).is_ok());
    }
}

#[test]
fn text_that_is_not_utf8_or_splits_a_character_is_an_error() {
    let bytes = encode(quote!(SELECT "é" AS abc));
    // The text region is the only place the two bytes of `é` appear.
    let at = bytes
        .windows(2)
        .position(|w| w == "é".as_bytes())
        .expect("the string is in the text");
    let mut invalid = bytes.to_vec();
    invalid[at] = 0xff;
    assert_eq!(statement(invalid.leak()).unwrap_err(), Corrupt);
    // Swapping the string's byte length for 1 would end it inside `é`.
    let mut split = bytes.to_vec();
    let len = split
        .iter()
        .rposition(|&b| b == 2)
        .expect("the length byte");
    split[len] = 1;
    assert_eq!(statement(split.leak()).unwrap_err(), Corrupt);
}
