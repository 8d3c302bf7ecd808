//! `cte_fetch` of rusqlite and mysql reads rows one at a time: 200,000 rows made by a recursive
//! CTE, read through it with the heap counted, hold a few kilobytes at once where the rows
//! collected take megabytes. (A file of its own: the counting allocator is the whole test
//! binary's.)

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use cte_runtime::{select_as, Dialect, TypedQuery};
use support::{MARIADB, SQLITE};

/// The heap, counted per thread, so a test can tell how much a fetch held at once while other
/// tests run on other threads.
struct Counting;

#[global_allocator]
static HEAP: Counting = Counting;

thread_local! {
    /// The bytes this thread holds, and the most it held since `peak_during` started.
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(bytes: isize) {
    // `try_with`: the allocator also runs while a thread's locals are torn down.
    let _ = HELD.try_with(|held| {
        let now = held.get() + bytes;
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call goes to `System` unchanged; the counting touches only `Cell`s.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// What `f` returns, and the most heap the thread held at once while it ran, above what it
/// held before.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = HELD.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    let out = f();
    let peak = PEAK.with(Cell::get) - start;
    (out, usize::try_from(peak).unwrap_or(0))
}

/// How many rows the bounded-memory checks read: collected, their labels alone would take
/// megabytes.
const MANY: i64 = 200_000;

/// The most heap a fetch of [`MANY`] rows may hold at once: a few rows and the driver's
/// buffers, far below the rows collected.
const BOUND: usize = 1 << 20;

#[derive(Debug, PartialEq)]
struct Numbered {
    n: i64,
    label: String,
}

fn numbered() -> TypedQuery<Numbered> {
    select_as!(Numbered,
        WITH RECURSIVE series (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < {MANY})
        SELECT n, "row " || n AS label FROM series
    )
}

/// What reading [`numbered`] adds up: the count of rows, the sum of `n`, and the bytes of the
/// labels, each row checked as it comes.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    rows: i64,
    sum: i64,
    label_bytes: usize,
}

impl Tally {
    fn add(&mut self, row: Numbered) {
        assert_eq!(row.label, format!("row {}", row.n));
        self.rows += 1;
        self.sum += row.n;
        self.label_bytes += row.label.len();
    }

    fn expected() -> Tally {
        Tally {
            rows: MANY,
            sum: MANY * (MANY + 1) / 2,
            label_bytes: (1..=MANY).map(|n| format!("row {n}").len()).sum(),
        }
    }
}

/// Checks a bounded-memory read of [`numbered`]: every row arrived, and the heap held at once
/// stayed under [`BOUND`], where the rows collected take several times that.
fn check_bounded(engine: &str, (tally, peak): (Tally, usize)) {
    assert_eq!(tally, Tally::expected(), "{engine}");
    let collected = MANY as usize * std::mem::size_of::<Numbered>() + tally.label_bytes;
    assert!(collected > 4 * BOUND, "the check must be able to fail");
    assert!(
        peak < BOUND,
        "{engine}: reading {MANY} rows held {peak} bytes at once (collected: {collected})"
    );
    eprintln!("{engine}: {MANY} rows read with at most {peak} bytes of heap held at once");
}

#[test]
fn rusqlite_fetch_reads_rows_in_bounded_memory() {
    use cte_runtime::rusqlite::ConnectionExt;

    let conn = rusqlite::Connection::open_in_memory().expect("SQLite in memory");
    let q = numbered();
    let read = peak_during(|| {
        conn.cte_fetch(&q, |rows| {
            let mut tally = Tally::default();
            for row in rows {
                tally.add(row?);
            }
            Ok(tally)
        })
        .expect("numbered rows")
    });
    check_bounded(SQLITE, read);
    support::record_run(SQLITE, "rusqlite_fetch_reads_rows_in_bounded_memory");
}

#[test]
fn mysql_fetch_reads_rows_in_bounded_memory_on_mariadb() {
    use cte_runtime::mysql::QueryableExt;

    let Some(mut conn) = support::mariadb() else {
        return;
    };
    let q = numbered();
    let read = peak_during(|| {
        let mut tally = Tally::default();
        for row in conn.cte_fetch(&q, Dialect::MariaDb).expect("numbered rows") {
            tally.add(row.expect("a row"));
        }
        tally
    });
    check_bounded(MARIADB.name, read);
    support::record_run(
        MARIADB.name,
        "mysql_fetch_reads_rows_in_bounded_memory_on_mariadb",
    );
}
