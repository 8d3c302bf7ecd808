//! A log of every rendering, for checking that a change to the renderer changes no SQL: with
//! `CTE_RENDER_LOG` naming a file, each rendering appends one line to it (the dialect, whether
//! parameters were inlined, the SQL or the error, and the parameter order). Run a test suite
//! before and after the change and compare the sorted files. Without the variable it costs one
//! read of a `OnceLock` per rendering.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::sync::{Mutex, OnceLock};

use super::{ParamOrder, Slot, Template};
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
    let line = line(dialect, inline, rendered);
    // One write per record: processes that share the file append whole lines.
    if let Ok(mut f) = file.lock() {
        let _ = f.write_all(line.as_bytes());
    }
}

/// The record of one rendering: one line, as `{:?}` escapes line breaks, so that sorted logs
/// compare.
fn line(dialect: Dialect, inline: bool, rendered: &Result<Template, RenderError>) -> String {
    let mode = if inline { "inline" } else { "params" };
    match rendered {
        Ok(t) => {
            let order = match &t.order {
                ParamOrder::Source => "source".to_owned(),
                // `[0, 2, 1.3]`: a parameter by its source index, a list's value as `i.j`.
                ParamOrder::Slots(slots) => {
                    let slots: Vec<String> = slots
                        .iter()
                        .map(|s| match s {
                            Slot::Whole(i) => i.to_string(),
                            Slot::Item(i, j) => format!("{i}.{j}"),
                        })
                        .collect();
                    format!("[{}]", slots.join(", "))
                }
            };
            format!("{dialect}\t{mode}\tok\t{:?}\t{order}\n", t.sql)
        }
        Err(e) => format!("{dialect}\t{mode}\terr\t{:?}\n", e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ParamOrder, Slot, Template};
    use crate::{Dialect, RenderError};

    #[test]
    fn a_record_is_one_line() {
        let t = Template {
            sql: "SELECT ?\nFROM t WHERE a = ?".to_owned(),
            order: ParamOrder::Slots(vec![Slot::Whole(1), Slot::Whole(0)].into()),
            kinds: None,
        };
        assert_eq!(
            super::line(Dialect::MySql, false, &Ok(t)),
            "MySQL\tparams\tok\t\"SELECT ?\\nFROM t WHERE a = ?\"\t[1, 0]\n"
        );
        let e = RenderError::new("FULL JOIN", Dialect::MariaDb, "use a UNION");
        let line = super::line(Dialect::MariaDb, true, &Err(e));
        assert!(line.starts_with("MariaDB\tinline\terr\t\""), "{line}");
        assert_eq!(line.matches('\n').count(), 1, "{line}");
    }
}
