//! The benchmarks of `cte` live in this package (`benches/`); it has no library of its own.
//! BENCHMARKS.md gives each command and its latest figures, for example:
//!
//! ```sh
//! cargo bench -p cte-benches --bench render
//! ```
