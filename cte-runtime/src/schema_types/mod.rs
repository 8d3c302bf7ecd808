//! The types the macros infer from a schema, as Rust types, so that rustc checks the Rust side
//! against them where the user wrote it: a field of a `select_as!` row against its column
//! (`reads`), a `{param}` against the column it is compared with, assigned to or inserted
//! into (`binds`). See `cte-macros-core`'s `typing` for the inference and `docs/typing.md`.

/// `impl Trait<sql::S> for T {}` for each type `T` listed after each `S`.
macro_rules! for_types {
    ($trait:ident: $($sql:ident: $($t:ty),*;)*) => {$($(
        impl $trait<sql::$sql> for $t {}
    )*)*};
}

mod binds;
mod reads;

pub use binds::{list_param, param, BindsAs};
pub use reads::{column, Holds, HoldsNull};

/// The SQL value types of the macros' inference, and nullability, as types.
pub mod sql {
    macro_rules! markers {
        ($($(#[$doc:meta])* $name:ident),*) => {$(
            $(#[$doc])*
            pub enum $name {}
        )*};
    }

    cte_shared::sql_value_types!(markers);

    markers!(
        /// The column can be NULL.
        Nullable,
        /// The column is never NULL.
        NotNull
    );
}
