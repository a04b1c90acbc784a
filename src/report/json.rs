//! The JSON report, schema version 1 (documented in README, "JSON output").
//! Fields are only ever added within a version.
use super::Report;
use crate::finding::{Finding, Location, Paired};
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON document's schema.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    tool: Tool,
    findings: Vec<JsonFinding<'a>>,
    /// `stanch audit`'s checklist.
    #[serde(skip_serializing_if = "Option::is_none")]
    practices: Option<&'a [super::checklist::ChecklistItem]>,
    summary: &'a super::Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    fingerprint: &'a str,
    rule_id: &'a str,
    rule_name: String,
    confidence: f64,
    severity: super::Severity,
    entropy: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    checksum_valid: Option<bool>,
    secret_redacted: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<&'a str>,
    secret_sha256: String,
    #[serde(flatten)]
    location: &'a Location,
    /// The archive members inside `path`, joined by `!` (see `Location::layers`).
    #[serde(skip_serializing_if = "Option::is_none")]
    inner_path: Option<String>,
    /// The encodings undone to reach the secret, outermost first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    decoded_from: Vec<&'a str>,
    snippet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_head: Option<bool>,
    occurrences: usize,
    locations: &'a [Location],
    /// The identifier half of a credential pair, when one was found with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    paired_with: Option<&'a Paired>,
    remediation: String,
}

fn finding<'a>(r: &Report<'_>, f: &'a Finding) -> JsonFinding<'a> {
    let meta = r.rule(&f.rule_id);
    JsonFinding {
        fingerprint: &f.fingerprint,
        rule_id: &f.rule_id,
        rule_name: meta.name,
        confidence: (f.confidence * 1000.0).round() / 1000.0,
        severity: super::level(f.confidence),
        entropy: (f.entropy * 1000.0).round() / 1000.0,
        checksum_valid: f.checksum_valid,
        secret_redacted: f.secret.redacted(),
        secret: r.show_secrets.then(|| f.secret.expose()),
        secret_sha256: f.secret.sha256(),
        location: &f.locations[0],
        inner_path: f.locations[0].inner_path(),
        decoded_from: f.locations[0].decoded_from(),
        snippet: &f.snippet,
        in_head: f.in_head,
        occurrences: f.locations.len(),
        locations: &f.locations,
        paired_with: f.paired.as_ref(),
        remediation: meta.remediation,
    }
}

/// Writes the JSON document.
pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "stanch",
            version: env!("CARGO_PKG_VERSION"),
        },
        findings: r.findings.iter().map(|f| finding(r, f)).collect(),
        practices: r.practices.map(|c| c.items.as_slice()),
        summary: r.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
