//! The baseline: known findings that a scan does not report again. An entry
//! is keyed by rule id, path and a hash of the secret (SHA-256; SHA-1 for
//! entries imported from detect-secrets), never the plaintext; line and
//! commit are information only, so moving a secret within its file keeps it
//! suppressed while the same secret in another file is new.
//!
//! This module parses and renders the JSON document (deterministic: sorted,
//! stable formatting, a `version`), matches occurrences, merges runs
//! (`update`) and converts other tools' files. Reading and writing files, and
//! looking at scanned content, is `app`'s job.
use crate::finding::{fingerprint, hex, Secret};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};

/// The baseline format version this build reads and writes.
pub const VERSION: u32 = 1;

/// What a person decided about an entry.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    Serialize,
    Deserialize,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum AuditState {
    /// Nobody looked yet.
    #[default]
    Unaudited,
    /// Not a secret.
    FalsePositive,
    /// A real secret, kept knowingly.
    AcceptedRisk,
    /// A real secret that has been revoked.
    Revoked,
}

impl AuditState {
    /// The kebab-case name, as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditState::Unaudited => "unaudited",
            AuditState::FalsePositive => "false-positive",
            AuditState::AcceptedRisk => "accepted-risk",
            AuditState::Revoked => "revoked",
        }
    }

    /// Parses a kebab-case name.
    pub fn parse(s: &str) -> Option<AuditState> {
        [
            AuditState::Unaudited,
            AuditState::FalsePositive,
            AuditState::AcceptedRisk,
            AuditState::Revoked,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// One known finding at one path.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding's fingerprint (SHA-256 of rule id and secret); for entries
    /// imported without a rule, a SHA-256 of their secret hash. Audit by it.
    pub fingerprint: String,
    /// The rule; absent for imported entries, which then match any rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
    /// Path relative to the repository (or scan) root, forward slashes.
    pub path: String,
    /// SHA-256 (hex) of the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_sha256: Option<String>,
    /// SHA-1 (hex) of the secret, as detect-secrets stores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_sha1: Option<String>,
    /// The redacted form (never more than a quarter of the secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_redacted: Option<String>,
    /// Line where it was seen (information only: matching ignores it).
    #[serde(default)]
    pub line: u32,
    /// Commit where it was seen (history scans; information only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// The audit decision.
    #[serde(default)]
    pub state: AuditState,
    /// Where an imported entry came from (`detect-secrets: Secret Keyword`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Entry {
    /// An entry for a found secret at `path`.
    pub fn new(
        rule_id: &str,
        path: &str,
        secret: &Secret,
        line: u32,
        commit: Option<&str>,
    ) -> Entry {
        Entry {
            fingerprint: fingerprint(rule_id, secret),
            rule_id: Some(rule_id.to_string()),
            path: path.to_string(),
            secret_sha256: Some(secret.sha256()),
            secret_sha1: None,
            secret_redacted: Some(secret.redacted()),
            line,
            commit: commit.map(str::to_string),
            state: AuditState::Unaudited,
            source: None,
        }
    }

    fn sort_key(&self) -> (&str, u32, &str, &str, Option<&str>) {
        (
            &self.path,
            self.line,
            self.rule_id.as_deref().unwrap_or(""),
            &self.fingerprint,
            self.secret_sha1.as_deref(),
        )
    }

    /// Whether two entries stand for the same (rule, path, secret).
    fn same_key(&self, o: &Entry) -> bool {
        self.path == o.path
            && self.rule_id == o.rule_id
            && self.secret_sha256 == o.secret_sha256
            && self.secret_sha1 == o.secret_sha1
    }
}

/// The baseline document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Format version.
    pub version: u32,
    /// The entries, sorted by path, line, rule and fingerprint.
    pub entries: Vec<Entry>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: VERSION,
            entries: Vec::new(),
        }
    }
}

impl Document {
    /// Parses a baseline; the error says what is wrong and where (line).
    pub fn parse(text: &str) -> Result<Document, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "line {}: not valid JSON: {}",
                e.line(),
                strip_position(&e.to_string())
            )
        })?;
        match value.get("version").map(|v| v.as_u64()) {
            None => return Err("not a stanch baseline (no \"version\" field)".into()),
            Some(None) => return Err("\"version\" must be a number".into()),
            Some(Some(v)) if v > u64::from(VERSION) => {
                return Err(format!("baseline version {v} is newer than this stanch understands (version {VERSION}); upgrade stanch"));
            }
            Some(Some(0)) => return Err("baseline version 0 does not exist".into()),
            _ => {}
        }
        let doc: Document = serde_json::from_str(text)
            .map_err(|e| format!("line {}: {}", e.line(), strip_position(&e.to_string())))?;
        for e in &doc.entries {
            if e.secret_sha256.is_none() && e.secret_sha1.is_none() {
                return Err(format!(
                    "entry {} ({}) has neither secret_sha256 nor secret_sha1",
                    short(&e.fingerprint),
                    e.path
                ));
            }
        }
        Ok(doc)
    }

    /// Sorts the entries and folds duplicates (keeping the first's state).
    pub fn normalize(&mut self) {
        self.version = VERSION;
        self.entries.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut out: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            if !out
                .iter()
                .rev()
                .take_while(|o| o.path == e.path)
                .any(|o| o.same_key(&e))
            {
                out.push(e);
            }
        }
        self.entries = out;
    }

    /// The JSON text: sorted, two-space indented, ending with a newline.
    pub fn render(&self) -> String {
        let mut d = self.clone();
        d.normalize();
        let mut s = serde_json::to_string_pretty(&d).expect("a baseline always serializes");
        s.push('\n');
        s
    }

    /// A new document for this run's entries, keeping the audit state of
    /// entries that were already known; entries that matched nothing are dropped.
    /// Imported (SHA-1, rule-less) entries that this run matched become native.
    pub fn updated(&self, found: Vec<Entry>) -> Document {
        let mut out = Document {
            version: VERSION,
            entries: Vec::with_capacity(found.len()),
        };
        for mut f in found {
            let sha1 = f.secret_sha1.clone();
            let old = self.entries.iter().find(|o| {
                o.path == f.path
                    && o.rule_id
                        .as_ref()
                        .is_none_or(|r| Some(r) == f.rule_id.as_ref())
                    && ((o.secret_sha256.is_some() && o.secret_sha256 == f.secret_sha256)
                        || (o.secret_sha1.is_some() && o.secret_sha1 == sha1))
            });
            if let Some(o) = old {
                f.state = o.state;
            }
            f.secret_sha1 = None;
            out.entries.push(f);
        }
        out.normalize();
        out
    }

    /// Sets the state of every entry whose fingerprint starts with `prefix`
    /// (at least 8 hex digits); returns how many changed hands.
    pub fn set_state(&mut self, prefix: &str, state: AuditState) -> Result<usize, String> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.len() < 8 || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "{prefix:?} is not a fingerprint (give at least 8 hex digits)"
            ));
        }
        let hits: Vec<&mut Entry> = self
            .entries
            .iter_mut()
            .filter(|e| e.fingerprint.starts_with(&p))
            .collect();
        if hits.is_empty() {
            return Err(format!("no baseline entry has the fingerprint {p}"));
        }
        let fps: std::collections::HashSet<&str> =
            hits.iter().map(|e| e.fingerprint.as_str()).collect();
        if fps.len() > 1 {
            return Err(format!(
                "{p} is ambiguous: it starts {} different fingerprints; give more digits",
                fps.len()
            ));
        }
        let n = hits.len();
        for e in hits {
            e.state = state;
        }
        Ok(n)
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The first 16 hex digits of a fingerprint, as reports show it.
pub fn short(fp: &str) -> &str {
    &fp[..fp.len().min(16)]
}

/// SHA-1 hex of a secret (detect-secrets' `hashed_secret`).
pub fn sha1_hex(secret: &Secret) -> String {
    use sha1::Digest as _;
    hex(&sha1::Sha1::digest(secret.expose().as_bytes()))
}

/// A loaded baseline, indexed for matching, counting which entries matched.
#[derive(Debug)]
pub struct Baseline {
    /// The document as read.
    pub doc: Document,
    by_sha256: HashMap<(String, String), Vec<usize>>,
    by_sha1: HashMap<(String, String), Vec<usize>>,
    used: Vec<AtomicU64>,
}

impl Baseline {
    /// Indexes a document.
    pub fn new(doc: Document) -> Baseline {
        let (mut by_sha256, mut by_sha1): (HashMap<_, Vec<usize>>, HashMap<_, Vec<usize>>) =
            (HashMap::new(), HashMap::new());
        for (i, e) in doc.entries.iter().enumerate() {
            if let Some(h) = &e.secret_sha256 {
                by_sha256
                    .entry((e.path.clone(), h.clone()))
                    .or_default()
                    .push(i);
            }
            if let Some(h) = &e.secret_sha1 {
                by_sha1
                    .entry((e.path.clone(), h.to_ascii_lowercase()))
                    .or_default()
                    .push(i);
            }
        }
        let used = doc.entries.iter().map(|_| AtomicU64::new(0)).collect();
        Baseline {
            doc,
            by_sha256,
            by_sha1,
            used,
        }
    }

    /// Whether an occurrence of `rule_id` with `secret` at one of `paths` is known.
    pub fn matches(&self, rule_id: &str, paths: &[&str], secret: &Secret) -> bool {
        let rule_ok = |i: &usize| {
            self.doc.entries[*i]
                .rule_id
                .as_deref()
                .is_none_or(|r| r == rule_id)
        };
        let sha256 = secret.sha256();
        let sha1 = if self.by_sha1.is_empty() {
            None
        } else {
            Some(sha1_hex(secret))
        };
        for p in paths {
            let key = (p.to_string(), sha256.clone());
            let mut hit = self
                .by_sha256
                .get(&key)
                .and_then(|v| v.iter().find(|i| rule_ok(i)));
            if hit.is_none() {
                if let Some(h) = &sha1 {
                    hit = self
                        .by_sha1
                        .get(&(p.to_string(), h.clone()))
                        .and_then(|v| v.iter().find(|i| rule_ok(i)));
                }
            }
            if let Some(&i) = hit {
                self.used[i].fetch_add(1, Ordering::Relaxed);
                return true;
            }
        }
        false
    }

    /// Entries that matched nothing in this run.
    pub fn unused(&self) -> Vec<String> {
        self.doc
            .entries
            .iter()
            .zip(&self.used)
            .filter(|(_, u)| u.load(Ordering::Relaxed) == 0)
            .map(|(e, _)| {
                format!(
                    "baseline entry {} ({}, {}:{}) matched nothing",
                    short(&e.fingerprint),
                    e.rule_id.as_deref().unwrap_or("any rule"),
                    e.path,
                    e.line
                )
            })
            .collect()
    }
}

/// Converts a detect-secrets baseline (`results` of `hashed_secret` SHA-1s by
/// file). `is_secret: false` becomes false-positive, `true` accepted-risk.
pub fn from_detect_secrets(text: &str) -> Result<Vec<Entry>, String> {
    #[derive(Deserialize)]
    struct Ds {
        results: BTreeMap<String, Vec<DsResult>>,
    }
    #[derive(Deserialize)]
    struct DsResult {
        #[serde(rename = "type", default)]
        kind: String,
        hashed_secret: String,
        #[serde(default)]
        line_number: u32,
        #[serde(default)]
        is_secret: Option<bool>,
    }
    let ds: Ds = serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}: not a detect-secrets baseline: {}",
            e.line(),
            strip_position(&e.to_string())
        )
    })?;
    let mut out = Vec::new();
    for (file, results) in ds.results {
        for r in results {
            let h = r.hashed_secret.trim().to_ascii_lowercase();
            if h.len() != 40 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "{file}:{}: hashed_secret is not a SHA-1",
                    r.line_number
                ));
            }
            out.push(Entry {
                fingerprint: hex(&Sha256::digest(format!("sha1\0{h}").as_bytes())),
                rule_id: None,
                path: file.replace('\\', "/"),
                secret_sha256: None,
                secret_sha1: Some(h),
                secret_redacted: None,
                line: r.line_number,
                commit: None,
                state: match r.is_secret {
                    Some(false) => AuditState::FalsePositive,
                    Some(true) => AuditState::AcceptedRisk,
                    None => AuditState::Unaudited,
                },
                source: Some(format!("detect-secrets: {}", r.kind)),
            });
        }
    }
    Ok(out)
}

/// One line of a `.gitleaksignore`: `[commit:]path:rule:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitleaksFingerprint {
    /// 1-based line in the ignore file.
    pub at: usize,
    /// The commit, for history fingerprints.
    pub commit: Option<String>,
    /// The path.
    pub path: String,
    /// The gitleaks rule id.
    pub rule: String,
    /// The line of the secret.
    pub line: u32,
}

/// Parses a `.gitleaksignore`: fingerprints, and (line, text) of lines that are not one.
pub fn parse_gitleaksignore(text: &str) -> (Vec<GitleaksFingerprint>, Vec<(usize, String)>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        // The path may itself hold colons, so split the fixed fields off the ends.
        let mut parts: Vec<&str> = l.rsplitn(3, ':').collect();
        parts.reverse();
        let parsed = match parts.as_slice() {
            [head, rule, line] if !rule.is_empty() => line.parse::<u32>().ok().map(|n| {
                let (commit, path) = match head.split_once(':') {
                    Some((c, p)) if c.len() >= 7 && c.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        (Some(c.to_ascii_lowercase()), p)
                    }
                    _ => (None, *head),
                };
                GitleaksFingerprint {
                    at: i + 1,
                    commit,
                    path: path.to_string(),
                    rule: rule.to_string(),
                    line: n,
                }
            }),
            _ => None,
        };
        match parsed {
            Some(f) if !f.path.is_empty() => ok.push(f),
            _ => bad.push((i + 1, l.chars().take(120).collect())),
        }
    }
    (ok, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, secret: &str, line: u32) -> Entry {
        Entry::new("a-rule", path, &Secret::new(secret), line, None)
    }

    #[test]
    fn render_is_sorted_and_parses_back() {
        let doc = Document {
            version: VERSION,
            entries: vec![
                entry("b.txt", "s2", 3),
                entry("a.txt", "s1", 9),
                entry("a.txt", "s1", 9),
            ],
        };
        let text = doc.render();
        let back = Document::parse(&text).unwrap();
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[0].path, "a.txt");
        assert_eq!(back.render(), text);
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn matching_ignores_lines_but_not_paths() {
        let b = Baseline::new(Document {
            version: VERSION,
            entries: vec![entry("a.txt", "secret-one", 1)],
        });
        assert!(b.matches("a-rule", &["a.txt"], &Secret::new("secret-one")));
        assert!(!b.matches("a-rule", &["b.txt"], &Secret::new("secret-one")));
        assert!(!b.matches("other-rule", &["a.txt"], &Secret::new("secret-one")));
        assert!(!b.matches("a-rule", &["a.txt"], &Secret::new("secret-two")));
    }

    #[test]
    fn sha1_entries_match_any_rule() {
        let s = Secret::new("hunter2hunter2");
        let text = format!(
            r#"{{"version":"1.4.0","results":{{"x.py":[{{"type":"Secret Keyword","filename":"x.py","hashed_secret":"{}","line_number":4,"is_secret":false}}]}}}}"#,
            sha1_hex(&s)
        );
        let entries = from_detect_secrets(&text).unwrap();
        assert_eq!(entries[0].state, AuditState::FalsePositive);
        let b = Baseline::new(Document {
            version: VERSION,
            entries,
        });
        assert!(b.matches("any-rule", &["x.py"], &s));
        assert!(!b.matches("any-rule", &["y.py"], &s));
    }

    #[test]
    fn versions_and_garbage() {
        assert!(Document::parse("{\"version\": 2, \"entries\": []}")
            .unwrap_err()
            .contains("newer"));
        assert!(Document::parse("{\"entries\": []}")
            .unwrap_err()
            .contains("version"));
        assert!(Document::parse("{\"version\": 1, \"entries\": [")
            .unwrap_err()
            .starts_with("line 1"));
    }

    #[test]
    fn update_keeps_states() {
        let mut old = Document {
            version: VERSION,
            entries: vec![entry("a.txt", "s1", 1), entry("gone.txt", "s9", 1)],
        };
        let fp = old.entries[0].fingerprint.clone();
        old.set_state(&fp[..10], AuditState::Revoked).unwrap();
        let new = old.updated(vec![entry("a.txt", "s1", 7), entry("c.txt", "s3", 2)]);
        assert_eq!(new.entries.len(), 2);
        assert_eq!(new.entries[0].state, AuditState::Revoked);
        assert_eq!(new.entries[0].line, 7);
        assert_eq!(new.entries[1].state, AuditState::Unaudited);
    }

    #[test]
    fn gitleaksignore_lines() {
        let (ok, bad) = parse_gitleaksignore(
            "# c\nabc1234def:src/a:b.py:generic-api-key:12\nconfig.py:github-pat:3\nnonsense\n",
        );
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].commit.as_deref(), Some("abc1234def"));
        assert_eq!(ok[0].path, "src/a:b.py");
        assert_eq!(ok[1].commit, None);
        assert_eq!(ok[1].line, 3);
        assert_eq!(bad, vec![(4, "nonsense".to_string())]);
    }
}
