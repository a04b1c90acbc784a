//! The JUnit XML report, for CI systems that show test results (GitLab,
//! Jenkins, Azure Pipelines, CircleCI): one failing test case per secret,
//! named by where it is and classed by rule, or a single passing case when the
//! scan is clean, so that a clean run still shows up as a green test.
use super::{level, Report};
use crate::finding::Finding;
use std::io::{self, Write};

/// Writes the JUnit document.
pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = r.summary;
    let n = r.findings.len();
    let time = format!("{:.3}", s.duration_ms as f64 / 1000.0);
    let suite = format!("stanch {}", s.mode.as_str());
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    let tests = n.max(1);
    let (p_tests, p_failed) = r.practices.map_or((0, 0), |c| (c.items.len(), c.failed()));
    writeln!(
        out,
        r#"<testsuites name="stanch" tests="{}" failures="{}" errors="0" time="{time}">"#,
        tests + p_tests,
        n + p_failed
    )?;
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{tests}" failures="{n}" errors="0" skipped="0" time="{time}">"#,
        attr(&suite)
    )?;
    writeln!(out, "    <properties>")?;
    let mut props = vec![
        ("stanch.version", env!("CARGO_PKG_VERSION").to_string()),
        ("scanned", s.stats.scanned.to_string()),
        ("bytes", s.stats.bytes.to_string()),
        ("errors", s.errors.to_string()),
    ];
    if let Some(c) = s.commits {
        props.push(("commits", c.to_string()));
    }
    for (k, v) in props {
        writeln!(out, r#"      <property name="{k}" value="{}"/>"#, attr(&v))?;
    }
    writeln!(out, "    </properties>")?;
    if n == 0 {
        writeln!(
            out,
            r#"    <testcase classname="stanch" name="no secrets found" time="{time}"/>"#
        )?;
    }
    for f in r.findings {
        case(r, f, out)?;
    }
    if !s.warnings.is_empty() {
        writeln!(
            out,
            "    <system-out>{}</system-out>",
            text(
                &s.warnings
                    .iter()
                    .map(|w| format!("warning: {w}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        )?;
    }
    writeln!(out, "  </testsuite>")?;
    if let Some(c) = r.practices {
        practices(c, out)?;
    }
    writeln!(out, "</testsuites>")
}

/// The audit's checklist: one test case per item, failing when the item fails.
fn practices(c: &super::checklist::Checklist, out: &mut dyn Write) -> io::Result<()> {
    use super::checklist::ItemStatus;
    writeln!(
        out,
        r#"  <testsuite name="stanch audit practices" tests="{}" failures="{}" errors="0" skipped="0">"#,
        c.items.len(),
        c.failed()
    )?;
    for i in &c.items {
        let name = attr(&format!("{}. {}", i.item, i.title));
        let details: Vec<String> = i
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}: {} [{}]\nfix: {}",
                    f.path, f.line, f.message, f.rule_id, f.remediation
                )
            })
            .collect();
        if i.status == ItemStatus::Pass {
            writeln!(
                out,
                r#"    <testcase classname="stanch.practices" name="{name}"/>"#
            )?;
            continue;
        }
        writeln!(
            out,
            r#"    <testcase classname="stanch.practices" name="{name}">"#
        )?;
        let details = text(&details.join("\n"));
        if i.status == ItemStatus::Fail {
            let message = attr(&format!("{} finding(s)", i.findings.len()));
            writeln!(
                out,
                r#"      <failure message="{message}" type="practice">{details}</failure>"#
            )?;
        } else {
            writeln!(out, "      <system-out>{details}</system-out>")?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")
}

fn case(r: &Report<'_>, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let meta = r.rule(&f.rule_id);
    let l = &f.locations[0];
    let name = if l.line == 0 {
        l.shown_path()
    } else {
        format!("{}:{}:{}", l.shown_path(), l.line, l.column)
    };
    let message = if l.line == 0 {
        format!("{}: this file should not be committed", meta.name)
    } else {
        format!("{}: {}", meta.name, r.shown_secret(f))
    };
    let mut body = vec![format!(
        "rule: {} ({}), confidence {:.2} ({})",
        f.rule_id,
        meta.name,
        f.confidence,
        level(f.confidence)
    )];
    body.push(format!("at: {name}"));
    if !f.snippet.is_empty() {
        body.push(format!("line: {}", f.snippet));
    }
    if let Some(c) = &l.commit {
        body.push(format!(
            "commit: {} by {} <{}> on {}: {}",
            c.id, c.author_name, c.author_email, c.date, c.summary
        ));
    }
    match f.in_head {
        Some(true) => body.push("status: still in HEAD".to_string()),
        Some(false) => body.push(
            "status: not in HEAD (history only: rewriting history does not revoke it)".to_string(),
        ),
        None => {}
    }
    if f.locations.len() > 1 {
        body.push(format!("seen in {} places", f.locations.len()));
    }
    if !meta.remediation.is_empty() {
        body.push(format!("fix: {}", meta.remediation));
    }
    body.push(format!("fingerprint: {}", f.fingerprint));
    writeln!(
        out,
        r#"    <testcase classname="stanch.{}" name="{}" file="{}" line="{}" time="0">"#,
        attr(&f.rule_id),
        attr(&name),
        attr(&l.path),
        l.line
    )?;
    writeln!(
        out,
        r#"      <failure type="{}" message="{}">{}</failure>"#,
        attr(&f.rule_id),
        attr(&message),
        text(&body.join("\n"))
    )?;
    writeln!(out, "    </testcase>")
}

/// Whether XML 1.0 allows the character at all (it has no escape for the others).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes element text; characters XML cannot carry become U+FFFD.
fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            c if allowed(c) => o.push(c),
            _ => o.push('\u{FFFD}'),
        }
    }
    o
}

/// Escapes an attribute value (quotes and line breaks too, which attribute
/// normalisation would otherwise turn into spaces).
fn attr(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\n' => o.push_str("&#10;"),
            '\r' => o.push_str("&#13;"),
            '\t' => o.push_str("&#9;"),
            c => o.push_str(&text(&c.to_string())),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata::Sample;

    fn render(s: &Sample) -> String {
        s.render(crate::report::Format::Junit)
    }

    #[test]
    fn escapes_markup_quotes_and_characters_xml_cannot_hold() {
        assert_eq!(text("a<b>&c\u{1}d"), "a&lt;b&gt;&amp;c\u{FFFD}d");
        assert_eq!(attr("x\"y'z\nw"), "x&quot;y&apos;z&#10;w");
    }

    #[test]
    fn one_failing_case_per_finding_without_the_secret() {
        let s = Sample::plain();
        let x = render(&s);
        assert_eq!(x.matches("<testcase ").count(), 3);
        assert_eq!(x.matches("<failure ").count(), 3);
        assert!(x.contains(r#"tests="3" failures="3""#), "{x}");
        assert!(x.contains(r#"classname="stanch.sample-token" name="src/config.py:3:9" file="src/config.py" line="3""#), "{x}");
        for f in &s.findings {
            assert!(!x.contains(f.secret.expose()));
            assert!(x.contains(&f.fingerprint));
        }
    }

    #[test]
    fn history_cases_name_the_commit() {
        let x = render(&Sample::history());
        assert!(
            x.contains(&format!(
                "commit: {} by Ada Lovelace &lt;ada@example.com&gt;",
                crate::report::testdata::COMMIT_ID
            )),
            "{x}"
        );
        assert!(x.contains("status: not in HEAD"));
        assert!(x.contains(r#"<property name="commits" value="7"/>"#));
        assert!(x.contains("<system-out>warning: history truncated at 10 commits</system-out>"));
    }

    #[test]
    fn a_clean_scan_is_one_passing_case() {
        let x = render(&Sample::empty());
        assert!(x.contains(r#"tests="1" failures="0""#));
        assert!(x.contains(r#"<testcase classname="stanch" name="no secrets found""#));
        assert!(!x.contains("<failure"));
    }
}
