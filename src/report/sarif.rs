//! The SARIF 2.1.0 report (built with `serde-sarif`), shaped for GitHub code
//! scanning: one run, a `rules` array holding only the rules that produced a
//! result, one result per secret with a relative `%SRCROOT%` location and
//! stanch's fingerprint under `partialFingerprints`, so that an alert follows a
//! secret across commits and moves. Like every reporter it sees only the
//! `Report`: never files, regexes or git.
//!
//! Columns: `Location` counts columns in Unicode characters (code points), and
//! the reporter cannot recount them in UTF-16 code units because it never sees
//! the line. So the run declares `columnKind: unicodeCodePoints`, which is
//! exact; the two units differ only on lines holding characters outside the
//! Basic Multilingual Plane (emoji, some CJK) before or inside the secret, where
//! a viewer that assumes UTF-16 highlights one column early per such character.
use super::{level, Report, RuleMeta, Severity};
use crate::finding::{Finding, Location};
use serde_json::{json, Value};
use serde_sarif::sarif;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

/// GitHub code scanning rejects runs with more results than this.
pub const MAX_RESULTS: usize = 25_000;

/// Key of stanch's fingerprint in `partialFingerprints`; the suffix versions
/// the fingerprint's definition (SHA-256 of rule id and secret).
pub const FINGERPRINT_KEY: &str = "stanch/v1";

/// The base every relative artifact URI is resolved against (the checkout's root).
pub const SRCROOT: &str = "%SRCROOT%";

/// The `$schema` written into every document.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// CWE-798, "Use of Hard-coded Credentials": GitHub shows CWE tags on alerts.
const CWE_TAG: &str = "external/cwe/cwe-798";

/// Writes the SARIF log.
pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &build(r, MAX_RESULTS))?;
    writeln!(out)
}

/// Builds the SARIF log, keeping at most `limit` results (the most confident
/// ones, in report order) and saying so in a notification when some are cut.
pub(crate) fn build(r: &Report<'_>, limit: usize) -> sarif::Sarif {
    let kept = keep(r.findings, limit);
    let ids: BTreeSet<&str> = kept.iter().map(|f| &*f.rule_id).collect();
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut rules: Vec<sarif::ReportingDescriptor> =
        ids.iter().map(|id| descriptor(&r.rule(id))).collect();
    let mut results: Vec<sarif::Result> = kept
        .iter()
        .map(|f| result(r, f, index[&*f.rule_id]))
        .collect();
    if let Some(c) = r.practices {
        practices(r, c, &mut rules, &mut results);
    }

    let mut notes: Vec<sarif::Notification> = r
        .summary
        .warnings
        .iter()
        .map(|w| notification("warning", w))
        .collect();
    let dropped = r.findings.len() - kept.len();
    if dropped > 0 {
        notes.push(notification(
            "warning",
            &format!(
                "{} secrets found; this log holds the {} most confident, the limit GitHub code scanning accepts in one run. \
                 Run stanch with --format json for the full list.",
                r.findings.len(),
                kept.len()
            ),
        ));
    }
    let invocation = sarif::Invocation::builder().execution_successful(r.summary.errors == 0);
    let invocation = if notes.is_empty() {
        invocation.build()
    } else {
        invocation.tool_execution_notifications(notes).build()
    };

    let s = r.summary;
    let mut props = BTreeMap::new();
    props.insert("mode".to_string(), json!(s.mode));
    props.insert("scanned".to_string(), json!(s.stats.scanned));
    props.insert("bytes".to_string(), json!(s.stats.bytes));
    if let Some(c) = s.commits {
        props.insert("commits".to_string(), json!(c));
    }
    props.insert("findings".to_string(), json!(r.findings.len()));
    props.insert("truncated".to_string(), json!(dropped > 0));

    let driver = sarif::ToolComponent::builder()
        .name("stanch")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(rules)
        .build();
    // No `uri`: the root's absolute path would expose the checkout (and the
    // user's home); GitHub resolves `%SRCROOT%` to the repository itself.
    let root = sarif::ArtifactLocation::builder()
        .description(sarif::Message::from(
            "The root the paths are relative to: the working directory; for a path given as absolute, the repository holding it, else the directory scanned.",
        ))
        .build();
    let run = sarif::Run::builder()
        .tool(driver)
        .original_uri_base_ids(BTreeMap::from([(SRCROOT.to_string(), root)]))
        .results(results)
        .column_kind(json!("unicodeCodePoints"))
        .invocations(vec![invocation])
        .properties(bag(None, props))
        .build();
    sarif::Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// The findings that fit in `limit`: the most confident first, ties and the
/// output in report order.
fn keep(findings: &[Finding], limit: usize) -> Vec<&Finding> {
    if findings.len() <= limit {
        return findings.iter().collect();
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| {
        findings[b]
            .confidence
            .total_cmp(&findings[a].confidence)
            .then(a.cmp(&b))
    });
    order.truncate(limit);
    order.sort_unstable();
    order.into_iter().map(|i| &findings[i]).collect()
}

fn notification(level: &str, text: &str) -> sarif::Notification {
    sarif::Notification::builder()
        .level(json!(level))
        .message(sarif::Message::from(text))
        .build()
}

fn bag(tags: Option<Vec<String>>, props: BTreeMap<String, Value>) -> sarif::PropertyBag {
    match tags {
        Some(t) => sarif::PropertyBag::builder()
            .tags(t)
            .additional_properties(props)
            .build(),
        None => sarif::PropertyBag::builder()
            .additional_properties(props)
            .build(),
    }
}

/// SARIF level of a confidence: the same bands as every other format.
pub fn sarif_level(confidence: f64) -> &'static str {
    match level(confidence) {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's `security-severity` (0.0 to 10.0, as a string): ten times the
/// rule's confidence, so a 0.95 rule is "critical" (9.0 and up) and a 0.6 one
/// "medium" (4.0 to 6.9).
pub fn security_severity(confidence: f64) -> String {
    format!("{:.1}", (confidence * 10.0).clamp(0.0, 10.0))
}

/// `stanch audit`'s practice findings: their own rules, at a lower
/// `security-severity` than any secret (a practice is a risk, not a leak).
fn practices(
    r: &Report<'_>,
    c: &super::checklist::Checklist,
    rules: &mut Vec<sarif::ReportingDescriptor>,
    results: &mut Vec<sarif::Result>,
) {
    let mut index: HashMap<String, usize> = HashMap::new();
    for f in c.findings() {
        let (level, severity) = match f.severity {
            "fail" => ("warning", "4.0"),
            "warn" => ("note", "2.0"),
            _ => ("note", "1.0"),
        };
        let rule_index = *index.entry(f.rule_id.clone()).or_insert_with(|| {
            let mut props = BTreeMap::new();
            props.insert("security-severity".to_string(), json!(severity));
            props.insert("precision".to_string(), json!("medium"));
            rules.push(
                sarif::ReportingDescriptor::builder()
                    .id(f.rule_id.clone())
                    .name(f.name.clone())
                    .short_description(
                        sarif::MultiformatMessageString::builder()
                            .text(f.name.clone())
                            .build(),
                    )
                    .full_description(
                        sarif::MultiformatMessageString::builder()
                            .text(format!(
                                "A secret-handling practice check of stanch audit: {} ({}).",
                                f.name, f.rule_id
                            ))
                            .build(),
                    )
                    .help(
                        sarif::MultiformatMessageString::builder()
                            .text(f.remediation.clone())
                            .markdown(format!(
                                "**{}** (`{}`)\n\n{}",
                                f.name, f.rule_id, f.remediation
                            ))
                            .build(),
                    )
                    .default_configuration(
                        sarif::ReportingConfiguration::builder()
                            .level(json!(level))
                            .build(),
                    )
                    .properties(bag(
                        Some(vec![
                            "security".to_string(),
                            "secret".to_string(),
                            "practice".to_string(),
                        ]),
                        props,
                    ))
                    .build(),
            );
            rules.len() - 1
        });
        let region = if f.line == 0 {
            sarif::Region::builder().start_line(1).build()
        } else {
            sarif::Region::builder()
                .start_line(i64::from(f.line))
                .start_column(i64::from(f.column.max(1)))
                .build()
        };
        let location = sarif::Location::builder()
            .physical_location(
                sarif::PhysicalLocation::builder()
                    .artifact_location(
                        sarif::ArtifactLocation::builder()
                            .uri(artifact_uri(&r.portable_path(&f.path)))
                            .uri_base_id(SRCROOT)
                            .build(),
                    )
                    .region(region)
                    .build(),
            )
            .build();
        let fingerprint = crate::finding::fingerprint(
            &f.rule_id,
            &crate::finding::Secret::new(format!("{}\n{}\n{}", f.path, f.line, f.message)),
        );
        results.push(
            sarif::Result::builder()
                .rule_id(f.rule_id.clone())
                .rule_index(rule_index as i64)
                .level(json!(level))
                .message(sarif::Message::from(
                    format!(
                        "{} {}",
                        f.message,
                        f.remediation.lines().next().unwrap_or("")
                    )
                    .as_str(),
                ))
                .locations(vec![location])
                .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_string(), fingerprint)]))
                .build(),
        );
    }
}

/// SARIF `precision` of a rule's confidence.
pub fn precision(confidence: f64) -> &'static str {
    if confidence >= 0.9 {
        "very-high"
    } else if confidence >= 0.7 {
        "high"
    } else if confidence >= 0.5 {
        "medium"
    } else {
        "low"
    }
}

const REVOKE: &str = "A secret that reached a repository must be revoked or rotated: deleting it, or rewriting history, does not undo the leak.";
const SUPPRESS: &str = "If this is not a real secret, add a `stanch:allow` comment on the line, an allowlist entry in `.stanch.toml`, or record it in the baseline.";

fn descriptor(m: &RuleMeta) -> sarif::ReportingDescriptor {
    let remediation = if m.remediation.is_empty() {
        "Revoke the credential with its issuer and replace it.".to_string()
    } else {
        m.remediation.clone()
    };
    let text = format!(
        "{}\n\n{REVOKE}\n\n{}",
        remediation,
        SUPPRESS.replace('`', "")
    );
    let markdown = format!(
        "**{}** (`{}`)\n\n{}\n\n{REVOKE}\n\n{SUPPRESS}",
        m.name, m.id, remediation
    );
    let mut props = BTreeMap::new();
    props.insert("precision".to_string(), json!(precision(m.confidence)));
    props.insert(
        "security-severity".to_string(),
        json!(security_severity(m.confidence)),
    );
    sarif::ReportingDescriptor::builder()
        .id(m.id.clone())
        .name(m.name.clone())
        .short_description(sarif::MultiformatMessageString::builder().text(m.name.clone()).build())
        .full_description(
            sarif::MultiformatMessageString::builder()
                .text(format!("A credential committed to source code: {} (stanch rule {}, base confidence {:.2}).", m.name, m.id, m.confidence))
                .build(),
        )
        .help(sarif::MultiformatMessageString::builder().text(text).markdown(markdown).build())
        .default_configuration(sarif::ReportingConfiguration::builder().level(json!(sarif_level(m.confidence))).build())
        .properties(bag(Some(vec!["security".to_string(), "secret".to_string(), CWE_TAG.to_string()]), props))
        .build()
}

/// The message: the kind of secret, its shown (normally redacted) form, and
/// for history results where it came from. Never the plaintext unless asked.
pub(crate) fn message(r: &Report<'_>, f: &Finding) -> String {
    let name = r.rule(&f.rule_id).name;
    let first = &f.locations[0];
    let mut m = if first.line == 0 {
        format!("{name}: this file should not be committed.")
    } else {
        format!("{name} found: {}.", r.shown_secret(f))
    };
    if let Some(inner) = first.inner_path() {
        m.push_str(&format!(" Inside {inner}."));
    }
    let decoded = first.decoded_from();
    if !decoded.is_empty() {
        m.push_str(&format!(" Decoded from {}.", decoded.join(", then ")));
    }
    if let Some(c) = &first.commit {
        m.push_str(&format!(
            " Introduced in commit {} by {} on {}.",
            short(&c.id),
            c.author_name,
            c.date
        ));
    }
    match f.in_head {
        Some(true) => m.push_str(" Still in HEAD."),
        Some(false) => m.push_str(" No longer in HEAD, but still in history: revoke it."),
        None => {}
    }
    if f.locations.len() > 1 {
        m.push_str(&format!(" Seen in {} places.", f.locations.len()));
    }
    m
}

/// The first twelve characters of a commit id.
pub(crate) fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

fn result(r: &Report<'_>, f: &Finding, rule_index: usize) -> sarif::Result {
    let first = &f.locations[0];
    let mut props = BTreeMap::new();
    props.insert(
        "confidence".to_string(),
        json!((f.confidence * 1000.0).round() / 1000.0),
    );
    props.insert("occurrences".to_string(), json!(f.locations.len()));
    if let Some(v) = f.checksum_valid {
        props.insert("checksumValid".to_string(), json!(v));
    }
    if let Some(h) = f.in_head {
        props.insert("inHead".to_string(), json!(h));
    }
    if let Some(inner) = first.inner_path() {
        props.insert("innerPath".to_string(), json!(inner));
    }
    let decoded = first.decoded_from();
    if !decoded.is_empty() {
        props.insert("decodedFrom".to_string(), json!(decoded));
    }
    if let Some(c) = &first.commit {
        props.insert(
            "commit".to_string(),
            json!({"id": c.id, "author": c.author_name, "email": c.author_email, "date": c.date, "summary": c.summary}),
        );
    }
    if let Some(p) = &f.paired {
        props.insert(
            "pairedWith".to_string(),
            json!({"ruleId": p.rule_id.as_ref(), "redacted": p.redacted}),
        );
    }
    let mut fps = BTreeMap::new();
    fps.insert(FINGERPRINT_KEY.to_string(), f.fingerprint.clone());
    let mut result = sarif::Result::builder()
        .rule_id(f.rule_id.to_string())
        .rule_index(rule_index as i64)
        .level(json!(sarif_level(f.confidence)))
        .message(sarif::Message::builder().text(message(r, f)).build())
        .locations(vec![location(r, first)])
        .partial_fingerprints(fps)
        .occurrence_count(f.locations.len() as i64)
        .properties(bag(None, props))
        .build();
    if let Some(p) = &f.paired {
        let mut related = location(r, &p.location);
        related.id = Some(1);
        related.message = Some(
            sarif::Message::builder()
                .text(format!("the paired {} ({})", p.rule_id, p.redacted))
                .build(),
        );
        result.related_locations = Some(vec![related]);
    }
    result
}

fn location(r: &Report<'_>, l: &Location) -> sarif::Location {
    let artifact = sarif::ArtifactLocation::builder()
        .uri(artifact_uri(&r.portable_path(&l.path)))
        .uri_base_id(SRCROOT)
        .build();
    let physical = sarif::PhysicalLocation::builder()
        .artifact_location(artifact)
        .region(region(l))
        .build();
    sarif::Location::builder()
        .physical_location(physical)
        .build()
}

/// The region of a location. A path-only finding (line 0: the whole file
/// should not be committed) points at line 1, since GitHub needs a line.
fn region(l: &Location) -> sarif::Region {
    if l.line == 0 {
        return sarif::Region::builder().start_line(1).build();
    }
    let start_col = l.column.max(1);
    let end_line = l.end_line.max(l.line);
    let end_col = if end_line == l.line {
        l.end_column.max(start_col)
    } else {
        l.end_column.max(1)
    };
    sarif::Region::builder()
        .start_line(i64::from(l.line))
        .start_column(i64::from(start_col))
        .end_line(i64::from(end_line))
        .end_column(i64::from(end_col))
        .build()
}

/// The artifact URI of a relative path (see `Report::portable_path`), to be
/// resolved against `%SRCROOT%`: percent-encoded segment by segment with
/// forward slashes kept.
pub fn artifact_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    encode(p.trim_start_matches('/'))
}

/// Percent-encodes every byte but RFC 3986's unreserved characters and `/`
/// (so `:` in a first segment can never read as a scheme).
fn encode(p: &str) -> String {
    let mut s = String::with_capacity(p.len());
    for &b in p.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata::{self, Sample};

    fn doc(s: &Sample, limit: usize) -> Value {
        serde_json::to_value(build(&s.report(), limit)).expect("SARIF serializes")
    }

    #[test]
    fn uris_are_relative_percent_encoded_and_use_forward_slashes() {
        assert_eq!(artifact_uri("src/config.py"), "src/config.py");
        assert_eq!(artifact_uri("./a b/ü.txt"), "a%20b/%C3%BC.txt");
        assert_eq!(artifact_uri("dir\\file#1?.env"), "dir/file%231%3F.env");
        assert_eq!(artifact_uri("c:d/x"), "c%3Ad/x");
        assert_eq!(artifact_uri("100%.txt"), "100%25.txt");
        assert_eq!(artifact_uri("C:/x"), "C%3A/x");
    }

    /// A scan of an absolute path writes no absolute path: URIs relative to
    /// the base, declared in `originalUriBaseIds` without a machine path.
    #[test]
    fn absolute_paths_become_relative_to_the_base() {
        let mut s = Sample::plain();
        for f in &mut s.findings {
            f.locations[0].path = format!("/home/someone/checkout/{}", f.locations[0].path);
        }
        s.summary.base = Some(std::path::PathBuf::from("/home/someone/checkout"));
        let v = doc(&s, MAX_RESULTS);
        testdata::assert_valid_sarif(&v);
        testdata::assert_github_constraints(&v);
        let text = v.to_string();
        assert!(!text.contains("/home/someone"), "{text}");
        let loc =
            &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "src/config.py");
        assert_eq!(loc["uriBaseId"], SRCROOT);
        let base = &v["runs"][0]["originalUriBaseIds"][SRCROOT];
        assert!(
            base.get("uri").is_none() && base["description"]["text"].is_string(),
            "{base}"
        );
        // Outside the base (never made so), still no leading slash.
        s.summary.base = Some(std::path::PathBuf::from("/elsewhere"));
        let v = doc(&s, MAX_RESULTS);
        let loc =
            &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "home/someone/checkout/src/config.py");
    }

    #[test]
    fn levels_severity_and_precision_follow_confidence() {
        assert_eq!(
            (sarif_level(0.95), sarif_level(0.6), sarif_level(0.3)),
            ("error", "warning", "note")
        );
        assert_eq!(security_severity(0.95), "9.5");
        assert_eq!(security_severity(1.7), "10.0");
        assert_eq!(security_severity(0.0), "0.0");
        assert_eq!(
            (
                precision(0.95),
                precision(0.75),
                precision(0.5),
                precision(0.2)
            ),
            ("very-high", "high", "medium", "low")
        );
    }

    #[test]
    fn every_document_is_valid_against_the_sarif_schema() {
        for s in [
            Sample::plain(),
            Sample::history(),
            Sample::empty(),
            Sample::path_only(),
        ] {
            let d = doc(&s, MAX_RESULTS);
            testdata::assert_valid_sarif(&d);
            testdata::assert_github_constraints(&d);
        }
    }

    #[test]
    fn the_schema_check_has_teeth() {
        let mut d = doc(&Sample::plain(), MAX_RESULTS);
        assert!(testdata::is_valid_sarif(&d));
        d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
            json!(0);
        assert!(!testdata::is_valid_sarif(&d));
        let mut d = doc(&Sample::plain(), MAX_RESULTS);
        d["runs"][0]["results"][0]["level"] = json!("critical");
        assert!(!testdata::is_valid_sarif(&d));
    }

    #[test]
    fn results_reference_their_rule_and_never_hold_the_secret() {
        let s = Sample::plain();
        let d = doc(&s, MAX_RESULTS);
        let text = d.to_string();
        for f in &s.findings {
            assert!(!text.contains(f.secret.expose()), "secret in SARIF");
        }
        let rules = d["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        let results = d["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), s.findings.len());
        // Two findings share a rule: one descriptor for it.
        assert_eq!(rules.len(), 2);
        for res in results {
            let i = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(rules[i]["id"], res["ruleId"]);
        }
        let first = &results[0];
        assert_eq!(first["level"], "error");
        assert_eq!(
            first["partialFingerprints"][FINGERPRINT_KEY],
            s.findings[0].fingerprint.as_str()
        );
        assert_eq!(
            first["message"]["text"],
            format!(
                "Sample token found: {}. Seen in 2 places.",
                s.findings[0].secret.redacted()
            )
        );
        let region = &first["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            region,
            &json!({"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 49})
        );
        assert_eq!(d["runs"][0]["columnKind"], "unicodeCodePoints");
        let token = &rules[first["ruleIndex"].as_u64().expect("index") as usize];
        assert_eq!(token["id"], "sample-token");
        let tags = token["properties"]["tags"].as_array().expect("tags");
        assert!(tags.contains(&json!("security")) && tags.contains(&json!("secret")));
        assert_eq!(token["properties"]["security-severity"], "9.5");
        assert!(token["help"]["markdown"]
            .as_str()
            .expect("markdown")
            .contains("Revoke it at the issuer"));
    }

    #[test]
    fn show_secrets_puts_the_plaintext_in_the_message() {
        let mut s = Sample::plain();
        s.show_secrets = true;
        let d = doc(&s, MAX_RESULTS);
        assert!(d["runs"][0]["results"][0]["message"]["text"]
            .as_str()
            .expect("text")
            .contains(s.findings[0].secret.expose()));
    }

    #[test]
    fn history_results_carry_the_commit_and_head_status() {
        let s = Sample::history();
        let d = doc(&s, MAX_RESULTS);
        let res = &d["runs"][0]["results"][0];
        let c = &res["properties"]["commit"];
        assert_eq!(c["id"], testdata::COMMIT_ID);
        assert_eq!(c["author"], "Ada Lovelace");
        assert_eq!(c["date"], "2024-01-02T03:04:05Z");
        assert_eq!(res["properties"]["inHead"], false);
        let text = res["message"]["text"].as_str().expect("text");
        assert!(
            text.contains(&testdata::COMMIT_ID[..12]) && text.contains("No longer in HEAD"),
            "{text}"
        );
        assert_eq!(res["occurrenceCount"], 2);
        assert_eq!(d["runs"][0]["properties"]["commits"], 7);
    }

    #[test]
    fn path_only_findings_point_at_line_one() {
        let d = doc(&Sample::path_only(), MAX_RESULTS);
        let res = &d["runs"][0]["results"][0];
        assert_eq!(
            res["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 1})
        );
        assert!(res["message"]["text"]
            .as_str()
            .expect("text")
            .contains("should not be committed"));
    }

    #[test]
    fn truncation_keeps_the_most_confident_and_says_so() {
        let s = Sample::plain();
        let d = doc(&s, 2);
        let results = d["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), 2);
        // The 0.6 finding is the one dropped; the others keep their order.
        assert!(results.iter().all(|r| r["level"] == "error"));
        let notes = d["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .expect("notifications");
        assert!(notes.iter().any(|n| n["message"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("3 secrets found") && t.contains("2 most confident"))));
        assert_eq!(d["runs"][0]["properties"]["truncated"], true);
        testdata::assert_valid_sarif(&d);
    }

    #[test]
    fn truncates_at_githubs_limit() {
        let s = Sample::many(MAX_RESULTS + 3);
        let d = doc(&s, MAX_RESULTS);
        assert_eq!(
            d["runs"][0]["results"].as_array().expect("results").len(),
            MAX_RESULTS
        );
        assert_eq!(d["runs"][0]["properties"]["findings"], MAX_RESULTS + 3);
        testdata::assert_github_constraints(&d);
    }
}
