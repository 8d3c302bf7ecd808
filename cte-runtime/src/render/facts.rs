//! Every per-dialect fact that is plain data, in one place: what each engine supports and how
//! it writes it ([`Support`]), quoting, placeholders and literals (`spelling`) and type names
//! (`cast`). Structural rewrites live in the dialect files (`mssql.rs`, `mysql.rs`,
//! `sqlite.rs`), reached from one exhaustive match each.
//!
//! Generic rendering asks these facts and never compares dialects itself, and every match on
//! `Dialect` is exhaustive, without `_` arms: a new dialect does not compile until each of
//! its decisions is made (its `Support` profile names every field).

mod cast;
mod spelling;

pub(super) use cast::{cast, Cast, MYSQL_TEXT_WIDTH};
pub(super) use spelling::{
    bool_literal, bytes_literal, folds_to_lower, fraction_digits, identifier_quotes,
    like_needs_escape_clause, list_form, lock_clause, numbered_placeholders, param_limit,
    placeholder, string_form, timestamp_text, typed_text, uuid_as_bytes, ListForm, StringForm,
    TypedText,
};

use crate::tree::JoinKind;
use crate::Dialect;

/// What an engine can express natively. A `false` means the renderer emulates the construct
/// or returns a `RenderError`.
pub(super) struct Support {
    /// `WITH RECURSIVE` is spelled with the keyword (SQL Server has none).
    pub recursive_keyword: bool,
    /// `AS [NOT] MATERIALIZED (...)`; dropped elsewhere, as it is only a hint.
    pub materialized: bool,
    /// SQL-standard `SEARCH` and `CYCLE` clauses (PostgreSQL 14+).
    pub search_cycle: bool,
    /// INSERT/UPDATE/DELETE ... RETURNING as a CTE body.
    pub data_modifying_cte: bool,
    /// `anchor UNION ALL r1 UNION ALL r2` with several members that reference the CTE.
    pub several_recursive_members: bool,
    /// `NULLS FIRST` / `NULLS LAST` in ORDER BY.
    pub nulls_order: bool,
    /// Without NULLS FIRST/LAST, NULL sorts below every value (first ascending). PostgreSQL
    /// sorts it above, so it gets the clause that says the DSL's order.
    pub nulls_sort_low: bool,
    pub full_join: bool,
    /// `LATERAL (subquery)`; SQL Server has CROSS/OUTER APPLY instead (see `mssql.rs`).
    pub lateral: bool,
    /// `INTERSECT ALL` and `EXCEPT ALL`.
    pub set_op_all: bool,
    /// `GROUPS` window frames.
    pub groups_frame: bool,
    /// A subquery in FROM must have an alias.
    pub derived_needs_alias: bool,
    /// `alias(col, ...)` on a derived table.
    pub derived_column_aliases: bool,
    /// `alias(col, ...)` on a table or CTE name.
    pub table_column_aliases: bool,
    pub returning_insert: bool,
    pub returning_update: bool,
    pub returning_delete: bool,
    /// `DELETE FROM t AS a`; otherwise the multi-table `DELETE a FROM t AS a`.
    pub delete_alias: bool,
    /// `JOIN ... USING (cols)`.
    pub join_using: bool,
    /// A CTE of a WITH inside a subquery reads a CTE of an enclosing WITH. MariaDB 10.11 looks
    /// such a name up as a table ("Table 'x' doesn't exist").
    pub nested_cte_reads_outer: bool,
    /// A bare `*` after other select items (`SELECT x AS a, *`); MySQL and MariaDB take it only
    /// first, so it is written there as each FROM item's `t.*` (see `mysql.rs`).
    pub star_after_items: bool,
    /// A WITH inside a subquery. SQL Server has none: those CTEs move to the statement's
    /// WITH (see `hoist.rs`).
    pub nested_with: bool,
    /// A predicate is a value and a value a predicate. SQL Server has no boolean type: a
    /// predicate as a value is `CASE WHEN p THEN 1 ELSE 0 END`, a value as a predicate `v = 1`
    /// (see `mssql.rs`).
    pub boolean_values: bool,
    /// A LATERAL subquery is written as `CROSS APPLY`/`OUTER APPLY` (see `mssql.rs`).
    pub apply: bool,
    /// `[...]` is a character class in a LIKE pattern, so a `[` of the pattern is escaped
    /// (see `mssql.rs`).
    pub like_bracket_classes: bool,
    /// `RANGE` window frames with an offset (`RANGE 2 PRECEDING`); SQL Server's take only
    /// UNBOUNDED and CURRENT ROW.
    pub range_offset: Takes,
    /// `/` of two integers divides to an integer; MySQL and MariaDB divide to a DECIMAL, so
    /// they get `DIV` for it (see `expr.rs`).
    pub integer_division: bool,
    /// LIMIT in a subquery under IN; MySQL and MariaDB take it only in a derived table inside
    /// it (see `mysql.rs`).
    pub limit_in_in_subquery: bool,
    /// `||` needs a text operand: PostgreSQL has no `||` for two numbers, so one is cast to
    /// text (see `concat.rs`).
    pub concat_needs_text: bool,
    /// A literal with an exponent (`1e3`) is a NUMERIC, not a double precision float, so a
    /// float literal is written as a CAST.
    pub exponent_literal_is_numeric: bool,
    /// A placeholder takes its type from where it stands, and is cast where that type would be
    /// wrong (see `typing.rs`).
    pub param_casts: bool,
    /// INTERSECT binds tighter than UNION and EXCEPT; SQLite reads every chain of set
    /// operations left to right.
    pub intersect_binds_tighter: bool,
    /// A parenthesised query as the operand of a set operation; SQLite takes
    /// `SELECT * FROM (...)` there instead.
    pub parenthesised_set_operands: bool,
    /// UNION (without ALL) between the parts of a recursive CTE; SQL Server recursion only
    /// takes UNION ALL.
    pub recursive_union_distinct: Takes,
    /// UNION and UNION ALL mixed between the parts of a recursive CTE; MariaDB takes one of
    /// them throughout.
    pub recursive_mixed_unions: Takes,
    /// Recursive members joined to the CTE by both UNION and UNION ALL (`anchor UNION ALL r1
    /// UNION r2`), where the anchor may mix them; SQLite calls it a "circular reference".
    pub recursive_members_mixed_unions: Takes,
    /// A recursive CTE's reference to itself with a column list on its alias (`FROM t AS
    /// w(m)`), where a table name takes no such list: it is written as a derived table that
    /// reads the CTE, which MariaDB takes. SQLite calls it a "circular reference"; MySQL and
    /// SQL Server take the reference only directly in the member's FROM, not in a subquery.
    pub recursive_reference_renamed: Takes,
    /// In WITH RECURSIVE a CTE reads a CTE written after it; MySQL and SQL Server see only
    /// those before it, so the CTEs are reordered there (see `order.rs`).
    pub ctes_read_later_ctes: bool,
    /// A recursive CTE is computed whole before it is read, so a LIMIT or EXISTS does not end
    /// a recursion: such a statement gets a default recursion cap (see `limit.rs`).
    pub recursion_computed_whole: bool,
    /// A recursion limit is kept by a level column the recursive CTE counts, which fails past
    /// the limit (see `limit.rs`).
    pub level_column_limit: bool,
    /// SEARCH and CYCLE are emulated with path and sequence columns, where not native
    /// (see `search_cycle.rs`). SQL Server has no function the emulation needs.
    pub search_cycle_emulated: bool,
    /// Built text is written with MySQL's functions: CONCAT() (`||` is OR there), LPAD,
    /// SUBSTRING, CAST AS SIGNED, CHARSET() and INSTR on BINARY; otherwise with `||`,
    /// printf, substr and instr (see `search_cycle.rs`).
    pub mysql_text_functions: bool,
    /// WITH before UPDATE and DELETE; MariaDB has none, so the CTEs move to where they are
    /// read (see `moved.rs`).
    pub with_before_update_delete: bool,
    /// RETURNING on a DELETE with a table alias; MariaDB's aliased DELETE is the multi-table
    /// form, which has no RETURNING.
    pub returning_aliased_delete: Takes,
    /// A CTE named like a CTE of an enclosing WITH is written under a fresh name: MariaDB
    /// reads the outer one (see `binding.rs`).
    pub renames_shadowing_ctes: bool,
    /// Where the WITH of an INSERT goes.
    pub insert_with: InsertWith,
    /// How the columns of a recursive CTE get their types (see `recursive.rs`).
    pub recursive_typing: RecursiveTyping,
    /// How `INSERT ... ON CONFLICT` is written (see `upsert.rs`).
    pub upsert: Upsert,
}

/// Whether an engine takes a construct, or the help of the error that refuses it: the help
/// names the engine's own limits, so it is part of the engine's profile.
#[derive(Debug, Clone, Copy)]
pub(super) enum Takes {
    Yes,
    No { help: &'static str },
}

/// Where the WITH of an INSERT goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InsertWith {
    /// Where it was written, before INSERT or on its query, or both.
    AsWritten,
    /// Before INSERT, wherever it was written: its query has no outer scope to lose.
    InFront,
    /// On the query, after the column list: MySQL and MariaDB have no WITH before INSERT.
    AfterColumns,
}

/// How an engine writes `INSERT ... ON CONFLICT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Upsert {
    /// As written. `select_needs_where`: SQLite may read the `ON` of `INSERT ... SELECT ...
    /// FROM t ON CONFLICT` as a join condition, so a SELECT source needs a WHERE before it.
    Native { select_needs_where: bool },
    /// `ON DUPLICATE KEY UPDATE`, where it means the same (see `mysql.rs`).
    DuplicateKey,
    /// No statement of the same meaning.
    No { help: &'static str },
}

/// How the columns of a recursive CTE get their types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RecursiveTyping {
    /// No column types: nothing is cast (SQLite).
    Dynamic,
    /// The anchor's type must hold every value a member makes: text that grows is widened
    /// (PostgreSQL, SQL Server). `decimal_without_precision`: a DECIMAL without a precision
    /// takes any scale, so a NULL anchor can be cast to it (PostgreSQL's NUMERIC).
    AnchorMustHold { decimal_without_precision: bool },
    /// The anchor's values fix each column's type, length and scale, and the members' values
    /// are converted to it (MySQL, MariaDB); a boolean column is an integer there.
    AnchorFixes,
}

const POSTGRES: Support = Support {
    recursive_keyword: true,
    materialized: true,
    search_cycle: true,
    data_modifying_cte: true,
    several_recursive_members: false,
    nulls_order: true,
    nulls_sort_low: false,
    full_join: true,
    lateral: true,
    set_op_all: true,
    groups_frame: true,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: true,
    returning_insert: true,
    returning_update: true,
    returning_delete: true,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: true,
    nested_with: true,
    boolean_values: true,
    apply: false,
    like_bracket_classes: false,
    range_offset: Takes::Yes,
    integer_division: true,
    limit_in_in_subquery: true,
    concat_needs_text: true,
    exponent_literal_is_numeric: true,
    param_casts: true,
    intersect_binds_tighter: true,
    parenthesised_set_operands: true,
    recursive_union_distinct: Takes::Yes,
    recursive_mixed_unions: Takes::Yes,
    // Written as one LATERAL term (`members.rs`), which refuses the mix itself.
    recursive_members_mixed_unions: Takes::Yes,
    recursive_reference_renamed: Takes::Yes,
    ctes_read_later_ctes: true,
    recursion_computed_whole: false,
    level_column_limit: true,
    search_cycle_emulated: false,
    mysql_text_functions: false,
    with_before_update_delete: true,
    returning_aliased_delete: Takes::Yes,
    renames_shadowing_ctes: false,
    insert_with: InsertWith::AsWritten,
    recursive_typing: RecursiveTyping::AnchorMustHold {
        decimal_without_precision: true,
    },
    upsert: Upsert::Native {
        select_needs_where: false,
    },
};

const MYSQL: Support = Support {
    recursive_keyword: true,
    materialized: false,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: false,
    nulls_sort_low: true,
    full_join: false,
    lateral: true,
    set_op_all: true,
    groups_frame: false,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: false,
    returning_insert: false,
    returning_update: false,
    returning_delete: false,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: false,
    nested_with: true,
    boolean_values: true,
    apply: false,
    like_bracket_classes: false,
    range_offset: Takes::Yes,
    integer_division: false,
    limit_in_in_subquery: false,
    concat_needs_text: false,
    exponent_literal_is_numeric: false,
    param_casts: false,
    intersect_binds_tighter: true,
    parenthesised_set_operands: true,
    recursive_union_distinct: Takes::Yes,
    recursive_mixed_unions: Takes::Yes,
    recursive_members_mixed_unions: Takes::Yes,
    recursive_reference_renamed: Takes::No {
        help: "alias the CTE without a column list (`FROM t AS w`) and read its own column \
                names, or name them in the CTE's column list",
    },
    ctes_read_later_ctes: false,
    recursion_computed_whole: true,
    level_column_limit: false,
    search_cycle_emulated: true,
    mysql_text_functions: true,
    with_before_update_delete: true,
    returning_aliased_delete: Takes::Yes,
    renames_shadowing_ctes: true,
    insert_with: InsertWith::AfterColumns,
    recursive_typing: RecursiveTyping::AnchorFixes,
    upsert: Upsert::DuplicateKey,
};

const MARIADB: Support = Support {
    lateral: false,
    nested_cte_reads_outer: false,
    derived_column_aliases: false,
    returning_insert: true,
    returning_delete: true,
    delete_alias: false,
    recursive_mixed_unions: Takes::No {
        help: "MariaDB takes either UNION or UNION ALL between all the parts of a \
                recursive CTE; use one of them throughout",
    },
    recursive_members_mixed_unions: Takes::Yes,
    recursive_reference_renamed: Takes::Yes,
    ctes_read_later_ctes: true,
    level_column_limit: true,
    with_before_update_delete: false,
    returning_aliased_delete: Takes::No {
        help: "MariaDB's aliased DELETE is the multi-table form, which has no RETURNING; \
                drop the alias",
    },
    ..MYSQL
};

const SQLITE: Support = Support {
    recursive_keyword: true,
    materialized: true,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: true,
    nulls_sort_low: true,
    full_join: true,
    lateral: false,
    set_op_all: false,
    groups_frame: true,
    derived_needs_alias: false,
    derived_column_aliases: false,
    table_column_aliases: false,
    returning_insert: true,
    returning_update: true,
    returning_delete: true,
    delete_alias: true,
    join_using: true,
    nested_cte_reads_outer: true,
    star_after_items: true,
    nested_with: true,
    boolean_values: true,
    apply: false,
    like_bracket_classes: false,
    range_offset: Takes::Yes,
    integer_division: true,
    limit_in_in_subquery: true,
    concat_needs_text: false,
    exponent_literal_is_numeric: false,
    param_casts: false,
    intersect_binds_tighter: false,
    parenthesised_set_operands: false,
    recursive_union_distinct: Takes::Yes,
    recursive_mixed_unions: Takes::Yes,
    recursive_members_mixed_unions: Takes::No {
        help: "SQLite joins its recursive members by one kind of UNION: use UNION or UNION ALL \
               before every recursive member",
    },
    recursive_reference_renamed: Takes::No {
        help: "alias the CTE without a column list (`FROM t AS w`) and read its own column \
                names, or name them in the CTE's column list",
    },
    ctes_read_later_ctes: true,
    recursion_computed_whole: false,
    level_column_limit: true,
    search_cycle_emulated: true,
    mysql_text_functions: false,
    with_before_update_delete: true,
    returning_aliased_delete: Takes::Yes,
    renames_shadowing_ctes: false,
    insert_with: InsertWith::AsWritten,
    recursive_typing: RecursiveTyping::Dynamic,
    upsert: Upsert::Native {
        select_needs_where: true,
    },
};

const MSSQL: Support = Support {
    recursive_keyword: false,
    materialized: false,
    search_cycle: false,
    data_modifying_cte: false,
    several_recursive_members: true,
    nulls_order: false,
    nulls_sort_low: true,
    full_join: true,
    lateral: false,
    set_op_all: false,
    groups_frame: false,
    derived_needs_alias: true,
    derived_column_aliases: true,
    table_column_aliases: false,
    returning_insert: false,
    returning_update: false,
    returning_delete: false,
    delete_alias: false,
    join_using: false,
    nested_cte_reads_outer: true,
    star_after_items: true,
    nested_with: false,
    boolean_values: false,
    apply: true,
    like_bracket_classes: true,
    range_offset: Takes::No {
        help: "SQL Server's RANGE frames only take UNBOUNDED and CURRENT ROW",
    },
    integer_division: true,
    limit_in_in_subquery: true,
    concat_needs_text: false,
    exponent_literal_is_numeric: false,
    param_casts: false,
    intersect_binds_tighter: true,
    parenthesised_set_operands: true,
    recursive_union_distinct: Takes::No {
        help: "SQL Server recursion only takes UNION ALL",
    },
    recursive_mixed_unions: Takes::Yes,
    // UNION without ALL is refused there already.
    recursive_members_mixed_unions: Takes::Yes,
    recursive_reference_renamed: Takes::No {
        help: "alias the CTE without a column list (`FROM t AS w`) and read its own column \
                names, or name them in the CTE's column list",
    },
    ctes_read_later_ctes: false,
    recursion_computed_whole: false,
    level_column_limit: false,
    search_cycle_emulated: false,
    mysql_text_functions: false,
    with_before_update_delete: true,
    returning_aliased_delete: Takes::Yes,
    renames_shadowing_ctes: false,
    insert_with: InsertWith::InFront,
    recursive_typing: RecursiveTyping::AnchorMustHold {
        decimal_without_precision: false,
    },
    upsert: Upsert::No {
        help: "MERGE is not the same statement: under concurrent inserts it can fail with a \
               duplicate key where ON CONFLICT waits and updates; run an UPDATE and then an \
               INSERT ... WHERE NOT EXISTS in one serializable transaction",
    },
};

pub(super) const fn support(d: Dialect) -> &'static Support {
    match d {
        Dialect::Postgres => &POSTGRES,
        Dialect::MySql => &MYSQL,
        Dialect::MariaDb => &MARIADB,
        Dialect::Sqlite => &SQLITE,
        Dialect::MsSql => &MSSQL,
    }
}

/// Whether `SELECT *` over `a <kind> JOIN b USING (cols)` returns PostgreSQL's columns: the
/// USING columns once, first, in the list's order, then the other columns of `a`, then `b`'s.
pub(super) const fn star_over_using(d: Dialect, kind: JoinKind, using_columns: usize) -> bool {
    match d {
        Dialect::Postgres => true,
        // The USING columns come first in the order the left side has them, not the list's;
        // a RIGHT JOIN is read as a LEFT JOIN with the sides swapped, its columns first.
        Dialect::MySql | Dialect::MariaDb => {
            using_columns == 1 && matches!(kind, JoinKind::Inner | JoinKind::Left)
        }
        // The USING columns stay where the left side has them.
        Dialect::Sqlite => false,
        // No USING at all: the join itself is refused.
        Dialect::MsSql => false,
    }
}

/// Whether `t.*` over `a <kind> JOIN b USING (cols)` returns `t`'s own columns, as on
/// PostgreSQL.
pub(super) const fn qualified_star_over_using(d: Dialect, kind: JoinKind) -> bool {
    match (d, kind) {
        // `a.*` under a RIGHT or FULL JOIN shows `b`'s value in a USING column where `a` has
        // no row.
        (Dialect::Sqlite, JoinKind::Right | JoinKind::Full) => false,
        (Dialect::Sqlite, JoinKind::Inner | JoinKind::Left | JoinKind::Cross) => true,
        (Dialect::Postgres | Dialect::MySql | Dialect::MariaDb | Dialect::MsSql, _) => true,
    }
}

/// A value whose text, as `||` concatenates it, may differ from PostgreSQL's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextOf {
    /// PostgreSQL writes `true`/`false`; the others have no boolean type and write `1`/`0`.
    Boolean,
    /// A DECIMAL literal, a DECIMAL cast, and sums and products of them: PostgreSQL keeps the
    /// scale (`1.50`, `3.00`).
    ExactNumber,
    /// A double, an average, a quotient: the number of digits and the exponent form differ
    /// (`2` or `2.0`, `1e+20` or `1e20`, 20 or 4 digits of an average).
    ComputedNumber,
}

/// Whether `d` writes a value of this kind as text the way PostgreSQL does.
pub(super) const fn same_text_as_postgres(d: Dialect, of: TextOf) -> bool {
    match (d, of) {
        (Dialect::Postgres, _) => true,
        // MySQL, MariaDB and SQL Server keep a DECIMAL's scale as PostgreSQL's NUMERIC does;
        // SQLite has no fixed point (`1.50` is the REAL `1.5`).
        (Dialect::MySql | Dialect::MariaDb | Dialect::MsSql, TextOf::ExactNumber) => true,
        (Dialect::Sqlite, TextOf::ExactNumber) => false,
        (
            Dialect::MySql | Dialect::MariaDb | Dialect::MsSql | Dialect::Sqlite,
            TextOf::Boolean | TextOf::ComputedNumber,
        ) => false,
    }
}

/// How `a || b` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ConcatForm {
    /// `a || b`.
    Operator,
    /// `CONCAT(a, b)`: `||` is OR on MySQL and MariaDB.
    Function,
    /// `a + b`, each operand cast to NVARCHAR: SQL Server's `+` on text.
    Plus,
}

pub(super) const fn concat_form(d: Dialect) -> ConcatForm {
    match d {
        Dialect::Postgres | Dialect::Sqlite => ConcatForm::Operator,
        Dialect::MySql | Dialect::MariaDb => ConcatForm::Function,
        Dialect::MsSql => ConcatForm::Plus,
    }
}
