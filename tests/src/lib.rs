//! Engine tests live under `tests/`.
