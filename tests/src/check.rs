//! The checks: render a query for every dialect, run it on every engine, compare the rows.

use std::fmt::Write as _;

use cte_runtime::{Dialect, Query, RenderError, Value};

use crate::db::{Db, Running};
use crate::engines::{in_ci, record_run, record_skip, report, Engine};
use crate::mysql::parse_mysql;
use crate::rows::{same_rows, show_rows, Row};
use crate::sqlserver::parse_mssql;
use crate::typed::{self, Checked};

/// A dialect that is expected to refuse the query with a [`RenderError`].
#[derive(Debug, Clone, Copy)]
struct Refusal {
    dialect: Dialect,
    /// Text the error's message must contain, such as the construct it names.
    says: &'static str,
}

/// The outcome of rendering for one dialect.
enum Outcome {
    Sql { sql: String, params: Vec<Value> },
    Refused,
}

impl Db {
    /// Checks a query: `db.select(&q).expect(rows![...]).check()`.
    ///
    /// Renders it for every dialect; runs it on SQLite, PostgreSQL and MariaDB (those that
    /// run) and compares every engine's rows to SQLite's and to the expected rows; renders it
    /// for MySQL and SQL Server, which have no engine here, and parses those with sqlparser's
    /// MySqlDialect and MsSqlDialect. A dialect named in [`SelectCheck::refused`] must instead return
    /// that `RenderError`. Each engine also runs [`Query::to_inline_sql`]'s SQL, which must
    /// return the same rows as the bound query (see [`SelectCheck::once`]). The rows of a
    /// [`TypedQuery`](cte_runtime::TypedQuery) must also read into its row type on every
    /// engine (see [`Checked`]).
    #[must_use = "a check runs when .check() is called"]
    pub fn select<'d, 'q>(&'d mut self, query: &'q impl Checked) -> SelectCheck<'d, 'q> {
        SelectCheck {
            db: self,
            query: query.as_query(),
            typed: query,
            expected: None,
            refusals: Vec::new(),
            inline: true,
            errors: Vec::new(),
        }
    }

    /// Checks a statement (INSERT, UPDATE, DELETE): runs it on every engine, then runs `then`
    /// and compares its rows as [`Db::select`] does, and compares each engine's affected row
    /// count with [`StatementCheck::affected`]. Both the count and the rows must be written:
    /// compared only with another engine's, they prove nothing when one engine runs.
    /// An engine whose dialect refuses the statement takes no further part in this test.
    #[must_use = "a check runs when .check() is called"]
    pub fn statement<'d, 'q>(
        &'d mut self,
        stmt: &'q impl Checked,
        then: &'q impl Checked,
    ) -> StatementCheck<'d, 'q> {
        StatementCheck {
            db: self,
            stmt: stmt.as_query(),
            then: then.as_query(),
            then_typed: then,
            expected: None,
            affected: None,
            affected_on: Vec::new(),
            refusals: Vec::new(),
        }
    }
}

/// A query check; see [`Db::select`].
#[must_use = "a check runs when .check() is called"]
pub struct SelectCheck<'d, 'q> {
    db: &'d mut Db,
    query: &'q Query,
    /// The query again, to read its rows into its row type if it has one.
    typed: &'q dyn Checked,
    expected: Option<Vec<Row>>,
    refusals: Vec<Refusal>,
    inline: bool,
    /// Engines on which running the query must fail, with text the error must contain.
    errors: Vec<(Engine, &'static str)>,
}

impl SelectCheck<'_, '_> {
    /// Skips running [`Query::to_inline_sql`] too, for a query that changes data (RETURNING),
    /// which must run once.
    pub fn once(mut self) -> Self {
        self.inline = false;
        self
    }

    /// The rows every engine must return, in order. Required unless every engine that runs
    /// the query must fail ([`SelectCheck::fails`]).
    pub fn expect(mut self, rows: Vec<Row>) -> Self {
        self.expected = Some(rows);
        self
    }

    /// Rendering for `dialect` must fail with a `RenderError` whose message contains `says`.
    pub fn refused(mut self, dialect: Dialect, says: &'static str) -> Self {
        self.refusals.push(Refusal { dialect, says });
        self
    }

    /// [`SelectCheck::refused`] for each of `dialects`, with the same text.
    pub fn refused_by(mut self, dialects: &[Dialect], says: &'static str) -> Self {
        self.refusals
            .extend(dialects.iter().map(|&dialect| Refusal { dialect, says }));
        self
    }

    /// [`SelectCheck::fails`] on every engine.
    pub fn fails_everywhere(mut self, says: &'static str) -> Self {
        self.errors.extend(Engine::ALL.map(|engine| (engine, says)));
        self
    }

    /// Running the query on `engine` must fail with an error whose message contains `says`
    /// (a statement that means "fail" everywhere, such as a recursion past its limit). The
    /// engine's rows take no part in the comparison.
    pub fn fails(mut self, engine: Engine, says: &'static str) -> Self {
        self.errors.push((engine, says));
        self
    }

    /// Runs the check; panics with every failure found, each with its SQL and rows.
    pub fn check(self) {
        let mut failures = Vec::new();
        let outcomes = render_all(self.db, self.query, &self.refusals, &mut failures);
        if self.inline {
            parse_inline(self.db, self.query, &outcomes, &mut failures);
        }
        let mut results = Vec::new();
        let mut failed_as_expected = 0;
        for running in &mut self.db.engines {
            let Some(Outcome::Sql { sql, params }) = &outcomes[running.engine.dialect().index()]
            else {
                continue;
            };
            let must_fail = self.errors.iter().find(|(e, _)| *e == running.engine);
            let rows = running
                .conn
                .values(sql, params)
                .map(|rows| typed::read(self.typed, running.engine, sql, rows, &mut failures));
            match (rows, must_fail) {
                (Err(e), Some((_, says))) if e.contains(says) => {
                    failed_as_expected += 1;
                    running.runs += 1;
                    record_run(running.engine.name(), &self.db.test);
                }
                (Err(e), Some((_, says))) => failures.push(format!(
                    "{} failed, but not with {says:?}: {e}\n  SQL: {sql}",
                    running.engine.name()
                )),
                (Ok(rows), Some((_, says))) => failures.push(format!(
                    "{} returned rows where it must fail with {says:?}\n  SQL: {sql}\n  got:\n{}",
                    running.engine.name(),
                    show_rows(&rows)
                )),
                (Ok(rows), None) => {
                    running.runs += 1;
                    record_run(running.engine.name(), &self.db.test);
                    if self.inline {
                        check_inline(self.query, running, &rows, &mut failures);
                    }
                    results.push((running.engine, sql.clone(), params.clone(), rows));
                }
                (Err(e), None) => failures.push(engine_error(running.engine, sql, params, &e)),
            }
        }
        if self.expected.is_none() && !results.is_empty() {
            failures.push(NO_EXPECTED_ROWS.to_owned());
        }
        compare(&results, self.expected.as_deref(), &mut failures);
        if results.len() + failed_as_expected == 0 && failures.is_empty() {
            no_engine_ran(self.db, &outcomes, &mut failures);
        }
        finish(&self.db.test, self.query, failures);
    }
}

/// Without written rows, each engine's rows are only compared with the first engine's, which
/// compares them with themselves when one engine runs.
const NO_EXPECTED_ROWS: &str =
    "no expected rows: write them with .expect(rows![..]), so that one engine alone is checked";

/// A statement check; see [`Db::statement`].
#[must_use = "a check runs when .check() is called"]
pub struct StatementCheck<'d, 'q> {
    db: &'d mut Db,
    stmt: &'q Query,
    then: &'q Query,
    then_typed: &'q dyn Checked,
    expected: Option<Vec<Row>>,
    affected: Option<u64>,
    /// Engines that count the affected rows of this statement their own way, and their count.
    affected_on: Vec<(Engine, u64)>,
    refusals: Vec<Refusal>,
}

impl StatementCheck<'_, '_> {
    /// The rows the follow-up query must return on every engine, in order (required).
    pub fn expect(mut self, rows: Vec<Row>) -> Self {
        self.expected = Some(rows);
        self
    }

    /// The number of rows the statement must affect (for UPDATE: match) on every engine
    /// (required).
    pub fn affected(mut self, n: u64) -> Self {
        self.affected = Some(n);
        self
    }

    /// Rendering the statement for each of `dialects` must fail with a `RenderError` whose
    /// message contains `says`.
    pub fn refused_by(mut self, dialects: &[Dialect], says: &'static str) -> Self {
        self.refusals
            .extend(dialects.iter().map(|&dialect| Refusal { dialect, says }));
        self
    }

    /// The affected-row count of `engine`, where it counts differently from the others for the
    /// same rows changed (MariaDB counts a row ON DUPLICATE KEY UPDATE found as well).
    pub fn affected_on(mut self, engine: Engine, n: u64) -> Self {
        self.affected_on.push((engine, n));
        self
    }

    /// Runs the check; panics with every failure found.
    pub fn check(self) {
        let mut failures = Vec::new();
        let outcomes = render_all(self.db, self.stmt, &self.refusals, &mut failures);
        let follow = render_all(self.db, self.then, &[], &mut failures);
        let refused_engines: Vec<Engine> = self
            .db
            .engines
            .iter()
            .map(|r| r.engine)
            .filter(|e| matches!(outcomes[e.dialect().index()], Some(Outcome::Refused)))
            .collect();
        for engine in refused_engines {
            self.db.retire(engine);
        }

        let mut counts = Vec::new();
        let mut results = Vec::new();
        for running in &mut self.db.engines {
            let i = running.engine.dialect().index();
            let Some(Outcome::Sql { sql, params }) = &outcomes[i] else {
                continue;
            };
            match running.conn.execute(sql, params) {
                Ok(n) => counts.push((running.engine, n)),
                Err(e) => {
                    failures.push(engine_error(running.engine, sql, params, &e));
                    continue;
                }
            }
            let Some(Outcome::Sql { sql, params }) = &follow[i] else {
                continue;
            };
            let rows = running
                .conn
                .values(sql, params)
                .map(|rows| typed::read(self.then_typed, running.engine, sql, rows, &mut failures));
            match rows {
                Ok(rows) => {
                    running.runs += 1;
                    record_run(running.engine.name(), &self.db.test);
                    results.push((running.engine, sql.clone(), params.clone(), rows));
                }
                Err(e) => failures.push(engine_error(running.engine, sql, params, &e)),
            }
        }

        let want_on = |engine: Engine, want: u64| {
            self.affected_on
                .iter()
                .find(|(e, _)| *e == engine)
                .map_or(want, |&(_, n)| n)
        };
        match self.affected {
            Some(want) if counts.iter().any(|&(e, n)| n != want_on(e, want)) => {
                let mut msg = format!("affected rows differ from {want}:");
                for (engine, n) in &counts {
                    let _ = write!(msg, " {} {n};", engine.name());
                }
                failures.push(msg);
            }
            Some(_) => {}
            None => failures.push(
                "no expected affected-row count: write it with .affected(n), so that one \
                 engine alone is checked"
                    .to_owned(),
            ),
        }
        if self.expected.is_none() {
            failures.push(NO_EXPECTED_ROWS.to_owned());
        }
        compare(&results, self.expected.as_deref(), &mut failures);
        if results.is_empty() && failures.is_empty() {
            no_engine_ran(self.db, &outcomes, &mut failures);
        }
        if !failures.is_empty() {
            if let Ok(r) = self.then.render(Dialect::Postgres) {
                failures.push(format!("(follow-up query on PostgreSQL: {})", r.sql()));
            }
        }
        finish(&self.db.test, self.stmt, failures);
    }
}

/// Runs the query again as [`Query::to_inline_sql`] renders it (values written as literals) and
/// requires the same rows: the escaping of values for logs must be as exact as binding.
fn check_inline(query: &Query, running: &mut Running, bound: &[Row], failures: &mut Vec<String>) {
    let dialect = running.engine.dialect();
    let sql = match query.to_inline_sql(dialect) {
        Ok(sql) => sql,
        Err(e) => {
            failures.push(format!(
                "{dialect}: to_inline_sql failed where render worked: {e}"
            ));
            return;
        }
    };
    match running.conn.query(&sql, &[]) {
        Ok(rows) if same_rows(&rows, bound) => {}
        Ok(rows) => failures.push(format!(
            "{}: to_inline_sql returned other rows than the bound query\n  SQL: {sql}\n  got:\n{}  with parameters bound:\n{}",
            running.engine.name(),
            show_rows(&rows),
            show_rows(bound)
        )),
        Err(e) => failures.push(format!(
            "{} failed on to_inline_sql: {e}\n  SQL: {sql}",
            running.engine.name()
        )),
    }
}

/// Renders `query` for every dialect. Checks the SQL Server rendering by parsing it and the
/// expected refusals; returns, per dialect index, the SQL to run (or `None` after a failure).
fn render_all(
    db: &mut Db,
    query: &Query,
    refusals: &[Refusal],
    failures: &mut Vec<String>,
) -> Vec<Option<Outcome>> {
    Dialect::ALL
        .iter()
        .map(|&dialect| {
            let refusal = refusals.iter().find(|r| r.dialect == dialect);
            let outcome = render_one(query, dialect, refusal, failures)?;
            if std::env::var_os("CTE_TEST_SHOW_SQL").is_some() {
                let shown = match &outcome {
                    Outcome::Sql { sql, params } => format!("{sql}  -- {params:?}"),
                    Outcome::Refused => "(refused as expected)".to_owned(),
                };
                report(&format!("sql: {} {dialect}: {shown}", db.test));
            }
            match &outcome {
                Outcome::Refused => db.refused += 1,
                Outcome::Sql { sql, .. } => parse_rendering(db, dialect, sql, failures),
            }
            Some(outcome)
        })
        .collect()
}

/// Parses [`Query::to_inline_sql`]'s SQL for the dialects that have no engine here, where it
/// renders (its literals are written in forms the bound query does not use).
fn parse_inline(
    db: &mut Db,
    query: &Query,
    outcomes: &[Option<Outcome>],
    failures: &mut Vec<String>,
) {
    for dialect in [Dialect::MySql, Dialect::MsSql] {
        if let Some(Outcome::Sql { .. }) = outcomes[dialect.index()] {
            match query.to_inline_sql(dialect) {
                Ok(sql) => parse_rendering(db, dialect, &sql, failures),
                Err(e) => failures.push(format!(
                    "{dialect}: to_inline_sql failed where render worked: {e}"
                )),
            }
        }
    }
}

/// Parses the rendering of a dialect that has no engine here (MySQL, SQL Server).
fn parse_rendering(db: &mut Db, dialect: Dialect, sql: &str, failures: &mut Vec<String>) {
    let parsed = match dialect {
        Dialect::MySql => parse_mysql(sql),
        Dialect::MsSql => parse_mssql(sql),
        // These run on their engine, which is the real parser.
        Dialect::Postgres | Dialect::MariaDb | Dialect::Sqlite => return,
    };
    match parsed {
        Ok(()) => {
            db.parsed[dialect.index()] += 1;
            record_run(&format!("{dialect} (parsed)"), &db.test);
        }
        Err(e) => failures.push(format!(
            "{dialect} rendering does not parse: {e}\n  SQL: {sql}"
        )),
    }
}

fn render_one(
    query: &Query,
    dialect: Dialect,
    refusal: Option<&Refusal>,
    failures: &mut Vec<String>,
) -> Option<Outcome> {
    match (query.render(dialect), refusal) {
        (Ok(r), None) => Some(Outcome::Sql {
            sql: r.sql().to_owned(),
            params: r.params().to_vec(),
        }),
        (Ok(r), Some(refusal)) => {
            failures.push(format!(
                "{dialect}: expected a RenderError saying {:?}, got SQL: {}",
                refusal.says,
                r.sql()
            ));
            None
        }
        (Err(e), Some(refusal)) if refused_as_expected(&e, refusal) => Some(Outcome::Refused),
        (Err(e), Some(refusal)) => {
            failures.push(format!(
                "{dialect}: expected a RenderError saying {:?}, got: {e}",
                refusal.says
            ));
            None
        }
        (Err(e), None) => {
            failures.push(format!("{dialect}: render failed: {e}"));
            None
        }
    }
}

fn refused_as_expected(e: &RenderError, refusal: &Refusal) -> bool {
    e.dialect() == refusal.dialect && e.to_string().contains(refusal.says)
}

fn engine_error(engine: Engine, sql: &str, params: &[Value], error: &str) -> String {
    format!(
        "{} failed: {error}\n  SQL: {sql}\n  params: {params:?}",
        engine.name()
    )
}

/// Compares each engine's rows to the first engine's (SQLite's) and to `expected`.
fn compare(
    results: &[(Engine, String, Vec<Value>, Vec<Row>)],
    expected: Option<&[Row]>,
    failures: &mut Vec<String>,
) {
    let reference = results.first();
    for (i, (engine, sql, params, rows)) in results.iter().enumerate() {
        let wrong_expected = expected.is_some_and(|want| !same_rows(want, rows));
        let wrong_reference = i > 0 && reference.is_some_and(|r| !same_rows(&r.3, rows));
        if !(wrong_expected || wrong_reference) {
            continue;
        }
        let mut msg = format!(
            "{} returned different rows\n  SQL: {sql}\n  params: {params:?}\n  got:\n{}",
            engine.name(),
            show_rows(rows)
        );
        if let Some(want) = expected {
            let _ = write!(msg, "  expected:\n{}", show_rows(want));
        }
        if let (true, Some((first, _, _, first_rows))) = (wrong_reference, reference) {
            let _ = write!(
                msg,
                "  {} returned:\n{}",
                first.name(),
                show_rows(first_rows)
            );
        }
        failures.push(msg);
    }
}

/// A check that ran on no engine compared nothing: reports it as skipped or fails it, as
/// [`skip_or_fail`] decides.
fn no_engine_ran(db: &Db, outcomes: &[Option<Outcome>], failures: &mut Vec<String>) {
    match skip_or_fail(db, outcomes) {
        Ok(skipped) => record_skip(&db.test, &skipped),
        Err(failure) => failures.push(failure),
    }
}

/// For a check that ran on no engine: `Ok(why)` to report it as skipped, when some engine that
/// could run it is not here (no URL, no connection) and `CI` is not set; `Err(failure)` under
/// `CI=true`, or when every engine refuses it by design (it can never compare rows).
fn skip_or_fail(db: &Db, outcomes: &[Option<Outcome>]) -> Result<String, String> {
    let mut absent = Vec::new();
    let mut refused = Vec::new();
    for engine in Engine::ALL {
        if let Some(Outcome::Refused) = outcomes[engine.dialect().index()] {
            refused.push(format!("{} refuses it as expected", engine.name()));
        } else if let Some((_, why)) = db.absent.iter().find(|(e, _)| *e == engine) {
            absent.push(format!("{} does not run here ({why})", engine.name()));
        } else {
            // Retired by an earlier statement of this test that its dialect refused.
            refused.push(format!(
                "{} left the test when it refused an earlier statement",
                engine.name()
            ));
        }
    }
    let why = absent
        .iter()
        .chain(&refused)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("; ");
    if absent.is_empty() {
        Err(format!(
            "no engine can run this check, nothing was compared: {why}"
        ))
    } else if in_ci() {
        Err(format!("no engine ran this check under CI=true: {why}"))
    } else {
        Ok(format!(
            "no engine ran a check, nothing was compared: {why}"
        ))
    }
}

fn finish(test: &str, query: &Query, failures: Vec<String>) {
    if failures.is_empty() {
        return;
    }
    let mut msg = format!("{test}: {} failure(s)\n", failures.len());
    for f in &failures {
        let _ = writeln!(msg, "- {f}");
    }
    if let Ok(sql) = query.render(Dialect::Postgres) {
        let _ = writeln!(msg, "(PostgreSQL rendering: {})", sql.sql());
    }
    panic!("{msg}");
}

#[cfg(test)]
mod tests;
