//! Tables that several test files read, written once so that their expected rows agree.

use cte_runtime::Value;

use crate::{values, Table, Type};

/// `category(id, parent_id, name)`: root > books > fiction > fantasy, books > science,
/// root > music > jazz.
pub fn categories() -> Vec<Table> {
    vec![named_tree(
        "category",
        [
            values![1, Value::Null, "root"],
            values![2, 1, "books"],
            values![3, 1, "music"],
            values![4, 2, "fiction"],
            values![5, 2, "science"],
            values![6, 4, "fantasy"],
            values![7, 3, "jazz"],
        ],
    )]
}

/// `table(id, parent_id, name)`, keyed by `id`: a tree whose nodes have names.
pub fn named_tree(table: &'static str, rows: impl IntoIterator<Item = Vec<Value>>) -> Table {
    Table::new(table)
        .col("id", Type::Int)
        .col("parent_id", Type::Int)
        .col("name", Type::Text)
        .key(&["id"])
        .rows(rows)
}
