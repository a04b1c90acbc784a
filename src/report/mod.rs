//! Reporters: findings and a summary in, bytes out. They see only findings,
//! never files, rules' regexes or git. The plaintext of a secret is written only
//! when the user asked for it (`show_secrets`).
pub mod checklist;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
#[cfg(test)]
pub(crate) mod testdata;
pub mod text;

use crate::finding::{Finding, Suppression};
use crate::sources::StatsSnapshot;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: redacted, coloured on a terminal, with a summary.
    Text,
    /// Versioned JSON document (schema version 1).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one failing test case per finding, for CI test reports.
    Junit,
    /// GitHub Actions workflow commands: annotations on the pull request's diff.
    Github,
}

/// What reporters know of a rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    /// Rule id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// How to revoke or rotate.
    pub remediation: String,
    /// Base confidence.
    pub confidence: f64,
}

/// Which command produced a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Files, directories and stdin.
    #[default]
    Scan,
    /// What the next commit adds.
    Staged,
    /// What commits introduced.
    History,
    /// A tree's secrets and its secret-handling practices.
    Audit,
}

impl Mode {
    /// The command's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Scan => "scan",
            Mode::Staged => "staged",
            Mode::History => "history",
            Mode::Audit => "audit",
        }
    }
}

/// What a run did besides finding things.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// The command that ran.
    pub mode: Mode,
    /// Source counters.
    pub stats: StatsSnapshot,
    /// Worker threads the source ran on.
    pub threads: usize,
    /// Occurrences dropped, by suppression kind.
    pub suppressed: BTreeMap<Suppression, u64>,
    /// Occurrences below the confidence threshold.
    pub below_threshold: u64,
    /// Of those, tokens whose checksum fails (never issued by their provider).
    pub invalid_checksum: u64,
    /// Rules in the catalog.
    pub rules: usize,
    /// Errors reported on stderr (unreadable files, bad objects).
    pub errors: u64,
    /// Wall time in milliseconds.
    pub duration_ms: u64,
    /// Warnings (unterminated allow blocks, truncated history, …).
    pub warnings: Vec<String>,
    /// Baseline and allowlist entries that matched nothing (`--report-unused`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unused: Vec<String>,
    /// Commits walked (history and CI scans).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commits: Option<u64>,
    /// The directory that absolute paths are written relative to in SARIF and
    /// GitHub annotations, so that a report never carries the checkout's or
    /// the user's absolute path (never serialised itself).
    #[serde(skip)]
    pub base: Option<PathBuf>,
}

/// Everything a reporter needs.
#[derive(Debug)]
pub struct Report<'a> {
    /// The findings, deduplicated.
    pub findings: &'a [Finding],
    /// Rule metadata by id.
    pub rules: &'a HashMap<String, RuleMeta>,
    /// The summary.
    pub summary: &'a Summary,
    /// Print secrets in full.
    pub show_secrets: bool,
    /// Use ANSI colours (text only).
    pub color: bool,
    /// The practice checklist (`stanch audit` only).
    pub practices: Option<&'a checklist::Checklist>,
}

impl Report<'_> {
    /// The rule's metadata, or a stand-in naming just the id.
    pub fn rule(&self, id: &str) -> RuleMeta {
        self.rules.get(id).cloned().unwrap_or_else(|| RuleMeta {
            id: id.to_string(),
            name: id.to_string(),
            remediation: String::new(),
            confidence: 0.0,
        })
    }

    /// `path` as a report bound for another machine writes it: relative
    /// paths as they are; absolute ones relative to `summary.base` (or, were
    /// one ever outside it, to the filesystem root), never absolute.
    pub fn portable_path(&self, path: &str) -> String {
        let p = Path::new(path);
        if !p.is_absolute() {
            return path.to_string();
        }
        let rel = self
            .summary
            .base
            .as_deref()
            .and_then(|b| p.strip_prefix(b).ok())
            .filter(|r| !r.as_os_str().is_empty())
            .unwrap_or_else(|| p.strip_prefix("/").unwrap_or(p));
        rel.to_string_lossy().into_owned()
    }

    /// The secret as it may be shown.
    pub fn shown_secret(&self, f: &Finding) -> String {
        let s = if self.show_secrets {
            f.secret.expose().to_string()
        } else {
            f.secret.redacted()
        };
        // A secret may span lines (a key block); a one-line field must not.
        if s.chars().any(char::is_control) {
            s.chars()
                .map(|c| match c.is_control() {
                    true => c.escape_default().to_string(),
                    false => c.to_string(),
                })
                .collect()
        } else {
            s
        }
    }
}

/// Writes `report` in `format`.
pub fn write(format: Format, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, out),
        Format::Json => json::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Junit => junit::write(report, out),
        Format::Github => github::write(report, out),
    }
}

/// Severity band of a confidence, shared by every format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Confidence 0.8 and above.
    High,
    /// Confidence 0.5 to 0.8.
    Medium,
    /// Below 0.5.
    Low,
}

impl Severity {
    /// Every band, most severe first.
    pub const ALL: [Severity; 3] = [Severity::High, Severity::Medium, Severity::Low];

    /// The band's name, as every format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The severity band of a confidence.
pub fn level(confidence: f64) -> Severity {
    if confidence >= 0.8 {
        Severity::High
    } else if confidence >= 0.5 {
        Severity::Medium
    } else {
        Severity::Low
    }
}

#[cfg(test)]
mod tests {
    use super::testdata::{assert_valid_sarif, Sample};
    use super::Format;

    /// Every format names the archive member and the decoding a secret was
    /// found through, while the location stays the file on disk.
    #[test]
    fn every_format_shows_the_provenance_chain() {
        let s = Sample::nested();
        let text = s.render(Format::Text);
        assert!(
            text.contains("dist/app.jar!BOOT-INF/classes/application.yml:8:13 (decoded: base64)"),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&s.render(Format::Json)).unwrap();
        let f = &json["findings"][0];
        assert_eq!(f["path"], "dist/app.jar");
        assert_eq!(f["inner_path"], "BOOT-INF/classes/application.yml");
        assert_eq!(f["decoded_from"], serde_json::json!(["base64"]));
        assert_eq!(f["layers"][0]["kind"], "member");
        assert_eq!(f["layers"][1]["kind"], "decoded");
        assert_eq!(f["line"], 8);
        let sarif: serde_json::Value = serde_json::from_str(&s.render(Format::Sarif)).unwrap();
        assert_valid_sarif(&sarif);
        let r = &sarif["runs"][0]["results"][0];
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "dist/app.jar"
        );
        assert_eq!(
            r["properties"]["innerPath"],
            "BOOT-INF/classes/application.yml"
        );
        assert_eq!(
            r["properties"]["decodedFrom"],
            serde_json::json!(["base64"])
        );
        let msg = r["message"]["text"].as_str().unwrap();
        assert!(
            msg.contains("Inside BOOT-INF/classes/application.yml. Decoded from base64."),
            "{msg}"
        );
        let junit = s.render(Format::Junit);
        assert!(
            junit.contains("dist/app.jar!BOOT-INF/classes/application.yml:8:13"),
            "{junit}"
        );
        let gh = s.render(Format::Github);
        assert!(gh.starts_with("::error file=dist/app.jar,line=8,"), "{gh}");
        assert!(
            gh.contains("Inside BOOT-INF/classes/application.yml."),
            "{gh}"
        );
        // Without layers, nothing of this appears.
        let plain: serde_json::Value =
            serde_json::from_str(&Sample::plain().render(Format::Json)).unwrap();
        let f = &plain["findings"][0];
        assert!(f.get("layers").is_none() && f.get("inner_path").is_none());
    }
}
