//! A log of every rendering, for checking that a change to the renderer changes no SQL: with
//! `CTE_RENDER_LOG` naming a file, each rendering appends one line to it (the dialect, whether
//! parameters were inlined, the SQL or the error, and the parameter order). Run a test suite
//! before and after the change and compare the sorted files. Without the variable it costs one
//! read of a `OnceLock` per rendering.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::sync::{Mutex, OnceLock};

use super::{ParamOrder, Template};
use crate::{Dialect, RenderError};

/// The log file, opened on the first rendering; `None` without the variable.
fn file() -> Option<&'static Mutex<File>> {
    static FILE: OnceLock<Option<Mutex<File>>> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = std::env::var_os("CTE_RENDER_LOG")?;
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()?;
        Some(Mutex::new(file))
    })
    .as_ref()
}

/// Appends the record of one rendering, when the log is on.
pub(super) fn record(dialect: Dialect, inline: bool, rendered: &Result<Template, RenderError>) {
    let Some(file) = file() else { return };
    let mode = if inline { "inline" } else { "params" };
    // `{:?}` escapes line breaks, so that a record is one line and sorted logs compare.
    let line = match rendered {
        Ok(t) => {
            let order = match &t.order {
                ParamOrder::Source => "source".to_owned(),
                ParamOrder::Indices(i) => format!("{i:?}"),
            };
            format!("{dialect}\t{mode}\tok\t{:?}\t{order}\n", t.sql)
        }
        Err(e) => format!("{dialect}\t{mode}\terr\t{:?}\n", e.to_string()),
    };
    // One write per record: processes that share the file append whole lines.
    if let Ok(mut f) = file.lock() {
        let _ = f.write_all(line.as_bytes());
    }
}
