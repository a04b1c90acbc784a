//! GitHub Actions workflow commands (`::error file=…,line=…::…`): each secret
//! becomes an annotation on the pull request's diff and in the run's log,
//! without code scanning. Levels follow confidence (error, warning, notice).
//! A last plain line sums the run up. Values are escaped as the runner expects,
//! so a path or message can never end a command early or start another.
use super::{level, Mode, Report, Severity};
use crate::finding::Finding;
use std::io::{self, Write};

/// GitHub shows at most this many annotations of each level per step.
const SHOWN_PER_LEVEL: usize = 10;

/// Writes one workflow command per finding, then a summary line.
pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in r.findings {
        writeln!(out, "{}", command(r, f))?;
    }
    for f in r.practices.iter().flat_map(|c| c.findings()) {
        let kind = if f.severity == "fail" {
            "warning"
        } else {
            "notice"
        };
        let mut props = place(r, &f.path, f.line, f.column);
        props.push(format!(
            "title={}",
            property(&format!("{} · {}", f.name, f.rule_id))
        ));
        writeln!(
            out,
            "::{kind} {}::{}",
            props.join(","),
            data(&format!("{} — {}", f.message, f.remediation))
        )?;
    }
    let s = r.summary;
    let n = r.findings.len();
    let what = if s.mode == Mode::History {
        "blobs"
    } else {
        "files"
    };
    let mut line = if n == 0 {
        "stanch: no secrets found".to_string()
    } else {
        format!("stanch: {n} secret{} found", if n == 1 { "" } else { "s" })
    };
    line.push_str(&format!(
        " · {} {what}, {} bytes scanned",
        s.stats.scanned, s.stats.bytes
    ));
    if let Some(c) = s.commits {
        line.push_str(&format!(" in {c} commits"));
    }
    writeln!(out, "{line}")?;
    for w in &s.warnings {
        writeln!(out, "::warning title=stanch::{}", data(w))?;
    }
    let most = Severity::ALL
        .iter()
        .map(|l| {
            r.findings
                .iter()
                .filter(|f| level(f.confidence) == *l)
                .count()
        })
        .max()
        .unwrap_or(0);
    if most > SHOWN_PER_LEVEL {
        writeln!(out, "stanch: GitHub shows only {SHOWN_PER_LEVEL} annotations of each level per step; every finding is listed above, in the job summary and in code scanning.")?;
    }
    Ok(())
}

/// The `file=`, `line=` and `col=` properties of an annotation (a line of
/// 0 is the file as a whole).
fn place(r: &Report<'_>, path: &str, line: u32, column: u32) -> Vec<String> {
    let mut props = vec![format!("file={}", property(&r.portable_path(path)))];
    if line > 0 {
        props.push(format!("line={line}"));
        if column > 0 {
            props.push(format!("col={column}"));
        }
    }
    props
}

/// The workflow command for one finding.
pub(crate) fn command(r: &Report<'_>, f: &Finding) -> String {
    let meta = r.rule(&f.rule_id);
    let kind = match level(f.confidence) {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    };
    let l = &f.locations[0];
    let mut props = place(r, &l.path, l.line, l.column);
    if l.line > 0 && l.end_line >= l.line {
        props.push(format!("endLine={}", l.end_line));
        if l.end_column > 0 {
            props.push(format!("endColumn={}", l.end_column));
        }
    }
    props.push(format!(
        "title={}",
        property(&format!("{} · {}", meta.name, f.rule_id))
    ));
    let mut msg = super::sarif::message(r, f);
    if !meta.remediation.is_empty() {
        msg.push_str(&format!("\nFix: {}", meta.remediation));
    }
    msg.push_str(&format!("\nFingerprint: {}", f.fingerprint));
    format!("::{kind} {}::{}", props.join(","), data(&msg))
}

/// Escapes a command's message, as the runner's `escapeData` does.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property, as the runner's `escapeProperty` does.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata::{self, Sample};

    fn render(s: &Sample) -> String {
        s.render(crate::report::Format::Github)
    }

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(
            property("a:b,c\n::error::x"),
            "a%3Ab%2Cc%0A%3A%3Aerror%3A%3Ax"
        );
    }

    #[test]
    fn one_command_per_finding_at_its_level() {
        let s = Sample::plain();
        let x = render(&s);
        let lines: Vec<&str> = x.lines().collect();
        assert_eq!(lines.len(), 4, "{x}");
        assert!(lines[0].starts_with("::error file=src/config.py,line=3,col=9,endLine=3,endColumn=49,title=Sample token · sample-token::Sample token found: "), "{}", lines[0]);
        assert!(
            lines[1].starts_with("::warning file=deploy/env.sh,line=12,col=20,"),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[3],
            "stanch: 3 secrets found · 4 files, 1234 bytes scanned"
        );
        for f in &s.findings {
            assert!(!x.contains(f.secret.expose()));
        }
        // A message with a line break stays one command.
        assert!(lines[0].contains("%0AFix: Revoke it at the issuer"));
    }

    #[test]
    fn path_only_findings_have_no_line() {
        let x = render(&Sample::path_only());
        assert!(
            x.starts_with("::warning file=.env,title=Sample credentials file · sample-file::"),
            "{x}"
        );
    }

    #[test]
    fn history_warnings_and_the_annotation_limit_are_reported() {
        let x = render(&Sample::history());
        assert!(x.contains(&testdata::COMMIT_ID[..12]));
        assert!(x.contains("in 7 commits"));
        assert!(x.contains("::warning title=stanch::history truncated at 10 commits"));
        let many = render(&Sample::many(11));
        assert!(!many.contains("annotations of each level"));
        let many = render(&Sample::many(60));
        assert!(many.contains("GitHub shows only 10 annotations"));
    }
}
