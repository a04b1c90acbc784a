//! The text report, for people: one block per secret, redacted, with where it
//! is, how sure we are, and how to revoke it; then a one-paragraph summary.
use super::{level, Mode, Report, Severity};
use crate::finding::Finding;
use std::io::{self, Write};

pub(super) struct Style {
    pub(super) on: bool,
}

impl Style {
    /// `s` in the ANSI style `code` when colour is on.
    pub(super) fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// `s` with control characters escaped: a file or archive member name is
/// attacker-chosen, and an escape sequence in it must not reach the terminal.
pub(super) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

fn where_(l: &crate::finding::Location) -> String {
    // Line 0 marks a finding about the file itself (path rules).
    let mut s = if l.line == 0 {
        printable(&l.shown_path()).into_owned()
    } else {
        format!("{}:{}:{}", printable(&l.shown_path()), l.line, l.column)
    };
    let decoded = l.decoded_from();
    if !decoded.is_empty() {
        s.push_str(&format!(" (decoded: {})", decoded.join(" → ")));
    }
    if let Some(c) = &l.commit {
        s.push_str(&format!(" in commit {}", &c.id[..c.id.len().min(12)]));
    }
    s
}

fn block(r: &Report<'_>, st: &Style, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let meta = r.rule(&f.rule_id);
    let sev = level(f.confidence);
    let sev_col = match sev {
        Severity::High => "1;31",
        Severity::Medium => "1;33",
        Severity::Low => "1;36",
    };
    let first = &f.locations[0];
    writeln!(
        out,
        "{} {}  {}",
        st.paint(sev_col, &format!("[{sev}]")),
        st.paint("1", &meta.name),
        st.paint(
            "2",
            &format!("{} · confidence {:.2}", f.rule_id, f.confidence)
        )
    )?;
    writeln!(out, "  {}", st.paint("4", &where_(first)))?;
    if !f.snippet.is_empty() {
        writeln!(out, "  {:>5} │ {}", first.line, f.snippet)?;
    }
    if let Some(c) = &first.commit {
        writeln!(
            out,
            "  commit   {} by {} <{}> on {}",
            &c.id[..c.id.len().min(12)],
            c.author_name,
            c.author_email,
            c.date
        )?;
        writeln!(out, "           {}", c.summary)?;
    }
    if let Some(h) = f.in_head {
        let s = if h {
            st.paint("1;31", "still in HEAD")
        } else {
            "not in HEAD (history only: rewriting history does not revoke it)".to_string()
        };
        writeln!(out, "  status   {s}")?;
    }
    if f.snippet.is_empty() && first.line == 0 {
        writeln!(out, "  this file should not be committed")?;
    } else {
        writeln!(out, "  secret   {}", r.shown_secret(f))?;
    }
    match f.checksum_valid {
        Some(true) => writeln!(
            out,
            "  checksum valid: a well-formed token of a live format"
        )?,
        Some(false) => writeln!(
            out,
            "  checksum does not match: probably a test or made-up value"
        )?,
        None => {}
    }
    if let Some(p) = &f.paired {
        writeln!(
            out,
            "  paired   {} {} at {}",
            p.rule_id,
            p.redacted,
            where_(&p.location)
        )?;
    }
    let others: Vec<&crate::finding::Location> = f.locations[1..]
        .iter()
        .filter(|l| f.paired.as_ref().is_none_or(|p| p.location != **l))
        .collect();
    if !others.is_empty() {
        let more: Vec<String> = others.iter().take(5).map(|l| where_(l)).collect();
        let extra = others.len().saturating_sub(5);
        let tail = if extra > 0 {
            format!(" and {extra} more")
        } else {
            String::new()
        };
        writeln!(out, "  also at  {}{tail}", more.join(", "))?;
    }
    if !meta.remediation.is_empty() {
        writeln!(out, "  fix      {}", meta.remediation)?;
    }
    writeln!(out, "  id       {}", &f.fingerprint[..16])?;
    writeln!(out)
}

fn human_bytes(b: u64) -> String {
    match b {
        0..=1023 => format!("{b} B"),
        1024..=1_048_575 => format!("{:.1} KiB", b as f64 / 1024.0),
        _ => format!("{:.1} MiB", b as f64 / 1_048_576.0),
    }
}

/// Writes the text report.
pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let st = Style { on: r.color };
    if let Some(c) = r.practices {
        super::checklist::write_text(c, &st, out)?;
    }
    // History: what is still live in HEAD first, since that is what a responder fixes first.
    let mut order: Vec<&Finding> = r.findings.iter().collect();
    order.sort_by_key(|f| !f.in_head.unwrap_or(false));
    for f in &order {
        block(r, &st, f, out)?;
    }
    let s = r.summary;
    let n = r.findings.len();
    let (high, medium) = (
        r.findings
            .iter()
            .filter(|f| level(f.confidence) == Severity::High)
            .count(),
        r.findings
            .iter()
            .filter(|f| level(f.confidence) == Severity::Medium)
            .count(),
    );
    let headline = if n == 0 {
        st.paint("1;32", "no secrets found")
    } else {
        st.paint(
            "1;31",
            &format!(
                "{n} secret{} found ({high} high, {medium} medium, {} low)",
                if n == 1 { "" } else { "s" },
                n - high - medium
            ),
        )
    };
    let what = match (s.mode == Mode::History, s.stats.scanned == 1) {
        (true, true) => "blob",
        (true, false) => "blobs",
        (false, true) => "file",
        (false, false) => "files",
    };
    let mut line = format!(
        "{headline} · {} {what}, {} scanned",
        s.stats.scanned,
        human_bytes(s.stats.bytes)
    );
    if let Some(c) = s.commits {
        line.push_str(&format!(" in {c} commit{}", if c == 1 { "" } else { "s" }));
    }
    line.push_str(&format!(" in {:.2} s", s.duration_ms as f64 / 1000.0));
    writeln!(out, "{line}")?;
    if s.stats.archives > 0 {
        writeln!(
            out,
            "archives: {} expanded, {} member{} inside",
            s.stats.archives,
            s.stats.members,
            if s.stats.members == 1 { "" } else { "s" }
        )?;
    }
    let skipped: Vec<String> = [
        (s.stats.binary, "binary"),
        (s.stats.too_large, "too large"),
        (s.stats.symlinks, "symlinks"),
        (s.stats.unreadable, "unreadable"),
        (s.stats.archive_skips, "in archives (see the warnings)"),
    ]
    .iter()
    .filter(|(c, _)| *c > 0)
    .map(|(c, w)| format!("{c} {w}"))
    .collect();
    if !skipped.is_empty() {
        writeln!(out, "skipped: {}", skipped.join(", "))?;
    }
    if s.invalid_checksum > 0 {
        let n = s.invalid_checksum;
        writeln!(
            out,
            "{n} {} not reported (made-up or test values; --min-confidence 0.2 shows them)",
            if n == 1 {
                "token with an invalid checksum"
            } else {
                "tokens with invalid checksums"
            }
        )?;
    }
    if !s.suppressed.is_empty() {
        let parts: Vec<String> = s
            .suppressed
            .iter()
            .map(|(k, v)| {
                format!(
                    "{v} by {}",
                    serde_json::to_value(k)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                )
            })
            .collect();
        writeln!(out, "suppressed: {}", parts.join(", "))?;
    }
    for u in &s.unused {
        writeln!(out, "{} {u}", st.paint("33", "unused:"))?;
    }
    for w in &s.warnings {
        writeln!(out, "{} {}", st.paint("33", "warning:"), printable(w))?;
    }
    if s.mode == Mode::Staged && n > 0 {
        staged_advice(&st, out)?;
    }
    Ok(())
}

/// What a committer whose commit was blocked can do next.
fn staged_advice(st: &Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        st.paint(
            "1",
            "This commit was blocked because it adds the secrets above. To go on, either:"
        )
    )?;
    writeln!(out, "  - remove each secret from the file, `git add` it again and commit; then rotate the secret (treat it as leaked);")?;
    writeln!(
        out,
        "  - or, if it is a false positive, add a `stanch:allow` comment on its line;"
    )?;
    writeln!(
        out,
        "  - or accept it in the baseline (see \"Suppressing findings\" in the README)."
    )?;
    Ok(())
}
