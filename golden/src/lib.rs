//! No library: the golden tests are under `tests/`.
