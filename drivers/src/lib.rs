//! The driver tests (`tests/driver_*.rs`) and the async examples of `cte-runtime` live in this
//! package; it has no library of its own.
//!
//! ```sh
//! cargo test -p cte-drivers
//! cargo run -p cte-drivers --example org_chart_sqlx
//! ```
