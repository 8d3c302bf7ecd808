use cte_shared::tree::{BinaryOp, DataType};

use super::rules::Call;
use super::{binary, cast, function, literal, SqlType, Typed};
use crate::ast::LiteralKind;

const INT: Typed = Typed::not_null(SqlType::Int);
const INT_NULL: Typed = Typed::nullable(SqlType::Int);
const TEXT: Typed = Typed::not_null(SqlType::Text);
const DECIMAL: Typed = Typed::not_null(SqlType::Decimal);
const FLOAT: Typed = Typed::not_null(SqlType::Float);

#[test]
fn literals() {
    assert_eq!(literal(&LiteralKind::Integer("1".into())), INT);
    assert_eq!(literal(&LiteralKind::Decimal("1.5".into())), DECIMAL);
    assert_eq!(literal(&LiteralKind::Decimal("2e10".into())), FLOAT);
    assert_eq!(literal(&LiteralKind::String("x".into())), TEXT);
    assert_eq!(literal(&LiteralKind::Null), Typed::nullable(SqlType::Null));
}

#[test]
fn arithmetic_widens_and_null_spreads() {
    assert_eq!(binary(BinaryOp::Plus, INT, INT), INT);
    assert_eq!(binary(BinaryOp::Divide, INT, INT), INT);
    assert_eq!(binary(BinaryOp::Plus, INT, DECIMAL), DECIMAL);
    assert_eq!(binary(BinaryOp::Multiply, DECIMAL, FLOAT), FLOAT);
    assert_eq!(binary(BinaryOp::Minus, INT, INT_NULL), INT_NULL);
    assert_eq!(
        binary(BinaryOp::Plus, INT, literal(&LiteralKind::Null)),
        INT_NULL
    );
    assert_eq!(
        binary(BinaryOp::Plus, TEXT, INT),
        Typed::not_null(SqlType::Unknown)
    );
    assert_eq!(
        binary(BinaryOp::Concat, TEXT, INT_NULL),
        Typed::nullable(SqlType::Text)
    );
    assert_eq!(
        binary(BinaryOp::Lt, INT, INT),
        Typed::not_null(SqlType::Bool)
    );
}

#[test]
fn union_of_branches_and_parts() {
    let null = literal(&LiteralKind::Null);
    assert_eq!(INT.union(null), INT_NULL);
    assert_eq!(null.union(TEXT), Typed::nullable(SqlType::Text));
    assert_eq!(INT.union(DECIMAL), DECIMAL);
    assert_eq!(INT.union(FLOAT), FLOAT);
    assert_eq!(INT.union(TEXT), Typed::not_null(SqlType::Unknown));
    assert_eq!(
        Typed::not_null(SqlType::Int).union(Typed::not_null(SqlType::UnsignedBig)),
        DECIMAL
    );
    assert_eq!(
        Typed::not_null(SqlType::Date).union(Typed::not_null(SqlType::Timestamp)),
        Typed::not_null(SqlType::Timestamp)
    );
}

#[test]
fn casts_keep_nullability() {
    assert_eq!(
        cast(&DataType::Text, INT_NULL),
        Typed::nullable(SqlType::Text)
    );
    assert_eq!(cast(&DataType::BigInt, TEXT), INT);
    assert_eq!(
        cast(
            &DataType::Decimal {
                precision: Some(10),
                scale: Some(2)
            },
            INT
        ),
        DECIMAL
    );
}

#[test]
fn aggregates_are_null_over_no_rows() {
    assert_eq!(function("COUNT", &[], Call::Ungrouped), INT);
    assert_eq!(function("COUNT", &[INT_NULL], Call::Window), INT);
    assert_eq!(function("SUM", &[INT], Call::Ungrouped), INT_NULL);
    assert_eq!(function("SUM", &[INT], Call::Grouped), INT);
    assert_eq!(function("SUM", &[INT_NULL], Call::Grouped), INT_NULL);
    assert_eq!(function("SUM", &[DECIMAL], Call::Grouped), DECIMAL);
    assert_eq!(function("AVG", &[INT], Call::Grouped), FLOAT);
    assert_eq!(function("MAX", &[TEXT], Call::Grouped), TEXT);
    assert_eq!(
        function("MIN", &[TEXT], Call::Window),
        Typed::nullable(SqlType::Text)
    );
}

#[test]
fn window_and_scalar_functions() {
    assert_eq!(function("ROW_NUMBER", &[], Call::Window), INT);
    assert_eq!(function("LAG", &[INT], Call::Window), INT_NULL);
    assert_eq!(function("LENGTH", &[TEXT], Call::Ungrouped), INT);
    assert_eq!(
        function("UPPER", &[Typed::nullable(SqlType::Text)], Call::Ungrouped),
        Typed::nullable(SqlType::Text)
    );
    assert_eq!(function("ROUND", &[INT], Call::Ungrouped), FLOAT);
    assert_eq!(function("ROUND", &[DECIMAL, INT], Call::Ungrouped), DECIMAL);
    assert_eq!(function("ABS", &[INT_NULL], Call::Ungrouped), INT_NULL);
    assert_eq!(function("COALESCE", &[INT_NULL, INT], Call::Ungrouped), INT);
    assert_eq!(
        function(
            "COALESCE",
            &[INT_NULL, literal(&LiteralKind::Null)],
            Call::Ungrouped
        ),
        INT_NULL
    );
    assert_eq!(function("NULLIF", &[INT, INT], Call::Ungrouped), INT_NULL);
    assert_eq!(
        function("MY_FUNCTION", &[INT], Call::Ungrouped),
        Typed::nullable(SqlType::Unknown)
    );
}
