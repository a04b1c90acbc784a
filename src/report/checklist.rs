//! The checklist of `stanch audit`: one line per practice item, pass or
//! fail, with the findings under each failed item. Data only; each format
//! renders it (text here, the others in their own modules).
use super::text::{printable, Style};
use serde::Serialize;
use std::io::{self, Write};

/// The practice checklist of an audit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Checklist {
    /// The items, in order.
    pub items: Vec<ChecklistItem>,
}

/// One item of the checklist.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistItem {
    /// Its number (1 to 9).
    pub item: u8,
    /// What holds when it passes.
    pub title: String,
    /// Whether it does.
    pub status: ItemStatus,
    /// The findings that decide it.
    pub findings: Vec<PracticeFinding>,
}

/// How an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemStatus {
    /// Nothing to say.
    Pass,
    /// A finding fails it.
    Fail,
    /// Findings worth a look that do not fail it.
    Warn,
    /// A suggestion.
    Hint,
}

/// A practice finding as reports show it: the value in its message is redacted.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeFinding {
    /// The check's id.
    pub rule_id: String,
    /// The check's name.
    pub name: String,
    /// `fail`, `warn` or `hint`.
    pub severity: &'static str,
    /// The file (`.` for the repository as a whole).
    pub path: String,
    /// 1-based line; 0 for the file as a whole.
    pub line: u32,
    /// 1-based column; 0 for the whole line.
    pub column: u32,
    /// What was found.
    pub message: String,
    /// What to do.
    pub remediation: String,
}

impl Checklist {
    /// Items that fail.
    pub fn failed(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.status == ItemStatus::Fail)
            .count()
    }

    /// Every finding, item by item.
    pub fn findings(&self) -> impl Iterator<Item = &PracticeFinding> {
        self.items.iter().flat_map(|i| i.findings.iter())
    }
}

/// Whether ✔/✘ can be printed: a UTF-8 locale.
fn unicode() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("utf-8") || s.contains("utf8")
        })
}

/// Writes the checklist as text, then a blank line.
pub(super) fn write_text(c: &Checklist, st: &Style, out: &mut dyn Write) -> io::Result<()> {
    let u = unicode();
    let mark = |s: ItemStatus| match (s, u) {
        (ItemStatus::Pass, true) => st.paint("32", "✔"),
        (ItemStatus::Pass, false) => st.paint("32", "[ok]  "),
        (ItemStatus::Fail, true) => st.paint("1;31", "✘"),
        (ItemStatus::Fail, false) => st.paint("1;31", "[FAIL]"),
        (ItemStatus::Warn | ItemStatus::Hint, true) => st.paint("33", "!"),
        (ItemStatus::Warn | ItemStatus::Hint, false) => st.paint("33", "[warn]"),
    };
    writeln!(out, "{}", st.paint("1", "Secret-handling practices"))?;
    for i in &c.items {
        let n = i.findings.len();
        let count = if n == 0 {
            String::new()
        } else {
            format!("  ({n})")
        };
        writeln!(out, "  {} {}. {}{count}", mark(i.status), i.item, i.title)?;
        if i.status == ItemStatus::Pass {
            continue;
        }
        for f in &i.findings {
            let at = match (f.line, f.column) {
                (0, _) => f.path.clone(),
                (l, 0) => format!("{}:{l}", f.path),
                (l, c) => format!("{}:{l}:{c}", f.path),
            };
            writeln!(
                out,
                "      {}  {}  [{}]",
                st.paint("36", &printable(&at)),
                printable(&f.message),
                f.rule_id
            )?;
        }
        // Each check's fix once; a hint's in full, since it is the snippet to add.
        let mut seen: Vec<&str> = Vec::new();
        for f in &i.findings {
            if seen.contains(&f.rule_id.as_str()) {
                continue;
            }
            seen.push(&f.rule_id);
            let lines: Vec<&str> = if f.severity == "hint" {
                f.remediation.lines().collect()
            } else {
                f.remediation.lines().take(1).collect()
            };
            for (k, line) in lines.iter().enumerate() {
                let lead = if k == 0 { "fix:" } else { "    " };
                writeln!(out, "      {} {line}", st.paint("2", lead))?;
            }
        }
    }
    let pass = c
        .items
        .iter()
        .filter(|i| i.status == ItemStatus::Pass)
        .count();
    let line = format!(
        "{pass} of {} items pass, {} fail",
        c.items.len(),
        c.failed()
    );
    let line = if c.failed() == 0 {
        st.paint("1;32", &line)
    } else {
        st.paint("1;31", &line)
    };
    writeln!(out, "{line}")?;
    writeln!(out)
}
