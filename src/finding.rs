//! Findings: what a scan reports. `Secret` keeps the plaintext out of logs and
//! errors by construction; `Fingerprint` identifies a secret without holding it;
//! `dedup` folds every occurrence of the same secret into one finding.
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// A secret value. `Debug` and `Display` always redact; only `expose` reveals it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// Wraps a plaintext secret.
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    /// The plaintext, for matching, hashing and `--show-secrets` only.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// A short prefix and (for long secrets) the last four characters.
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }
    /// SHA-256 hex of the plaintext, as stored in baselines.
    pub fn sha256(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Redacts a value: long values (24 characters or more) keep 4 leading and
/// 4 trailing characters, medium ones (12 to 23) 2 and 2, short ones
/// nothing, so that a redacted form never reveals more than a third of the
/// value (a quarter for 16 to 23 characters, and from 32 on).
pub fn redact(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let (head, tail) = match n {
        0..=11 => (0, 0),
        12..=23 => (2, 2),
        _ => (4, 4),
    };
    let mut out: String = chars[..head].iter().collect();
    out.push_str(if head == 0 { "****" } else { "…" });
    out.extend(&chars[n - tail..]);
    out
}

/// A parser's message with every quoted value longer than a short word
/// redacted: TOML and JSON errors quote the offending value, which may be
/// the very secret the file was written to hold.
pub fn redact_quoted(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message.trim();
    while let Some(a) = rest.find('"') {
        let Some(len) = rest[a + 1..].find('"') else {
            break;
        };
        let inner = &rest[a + 1..a + 1 + len];
        out.push_str(&rest[..=a]);
        out.push_str(&if inner.chars().count() > 11 {
            redact(inner)
        } else {
            inner.to_string()
        });
        out.push('"');
        rest = &rest[a + len + 2..];
    }
    out.push_str(rest);
    out.replace('\n', " ")
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// SHA-256 hex of (rule id, secret): stable across moves, edits and commits.
pub fn fingerprint(rule_id: &str, secret: &Secret) -> String {
    let mut h = Sha256::new();
    h.update(rule_id.as_bytes());
    h.update([0u8]);
    h.update(secret.expose().as_bytes());
    hex(&h.finalize())
}

pub use crate::blob::{CommitInfo, Layer};

/// Where an occurrence is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct Location {
    /// Path relative to the scan root, with forward slashes (`-` or a name for stdin).
    pub path: String,
    /// 1-based line of the secret's start.
    pub line: u32,
    /// 1-based column of the secret's start, in characters.
    pub column: u32,
    /// 1-based line of the secret's end.
    pub end_line: u32,
    /// 1-based column just past the secret's last character, in characters.
    pub end_column: u32,
    /// The commit that introduced it (history and CI scans).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<Arc<CommitInfo>>,
    /// The layers inside `path` where the secret was found (archive members,
    /// decodings), outermost first; empty when it is in the file itself.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<Layer>,
    /// The path's bytes when they are not UTF-8 (`path` then shows U+FFFD
    /// in their place): reported as `path_hex`, so that the file can still
    /// be found.
    #[serde(
        rename = "path_hex",
        skip_serializing_if = "Option::is_none",
        serialize_with = "hex_bytes"
    )]
    pub path_bytes: Option<Arc<[u8]>>,
}

fn hex_bytes<S: serde::Serializer>(b: &Option<Arc<[u8]>>, s: S) -> Result<S::Ok, S::Error> {
    match b {
        Some(b) => s.serialize_str(&hex(b)),
        None => s.serialize_none(),
    }
}

impl Location {
    /// The path with the archive members it was found in appended
    /// (`app.war!WEB-INF/lib/core.jar!application.yml`): how every format
    /// names the place, while `path` stays the file on disk or in git.
    pub fn shown_path(&self) -> String {
        match self.inner_path() {
            Some(inner) => format!("{}!{inner}", self.path),
            None => self.path.clone(),
        }
    }

    /// The archive members inside `path`, outermost first, joined by `!`.
    pub fn inner_path(&self) -> Option<String> {
        let members: Vec<&str> = self
            .layers
            .iter()
            .filter_map(|l| match l {
                Layer::Member { path } => Some(path.as_str()),
                Layer::Decoded { .. } => None,
            })
            .collect();
        (!members.is_empty()).then(|| members.join("!"))
    }

    /// The encodings undone to reach the secret, outermost first.
    pub fn decoded_from(&self) -> Vec<&str> {
        self.layers
            .iter()
            .filter_map(|l| match l {
                Layer::Decoded { encoding, .. } => Some(encoding.as_str()),
                Layer::Member { .. } => None,
            })
            .collect()
    }
}

/// Why an occurrence was suppressed.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Suppression {
    /// An inline allow comment.
    Inline,
    /// A config allowlist (paths, regexes, stopwords, commits).
    Allowlist,
    /// The baseline.
    Baseline,
}

/// One place where a rule matched: the unit sources and suppression work on.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The rule that matched.
    pub rule_id: Arc<str>,
    /// The secret.
    pub secret: Secret,
    /// Where.
    pub location: Location,
    /// Confidence in [0, 1] after scoring.
    pub confidence: f64,
    /// Shannon entropy of the secret, bits per character.
    pub entropy: f64,
    /// Whether the secret's checksum was valid (None: the format has none).
    pub checksum_valid: Option<bool>,
    /// The line, with every secret on it redacted and long lines shortened.
    pub snippet: String,
    /// The other half of a credential pair found with it (an access key id
    /// beside its secret key).
    pub paired: Option<Paired>,
}

/// The identifier half of a paired credential, reported with the secret.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Paired {
    /// The identifier's rule.
    pub rule_id: Arc<str>,
    /// The identifier, redacted like a secret.
    pub redacted: String,
    /// The identifier in full, only when secrets are shown (`--show-secrets`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Where it is.
    #[serde(flatten)]
    pub location: Location,
    /// Whether the identifier is a place of the finding too (an access key
    /// id, which a rule matches and would report alone); a username or a
    /// client id read beside the secret is not: it is named, not listed.
    #[serde(skip)]
    pub listed: bool,
}

/// A secret found, with every place it was seen (first place first).
#[derive(Debug, Clone)]
pub struct Finding {
    /// SHA-256 of (rule id, secret).
    pub fingerprint: String,
    /// The rule that matched.
    pub rule_id: Arc<str>,
    /// The secret.
    pub secret: Secret,
    /// Highest confidence over the occurrences.
    pub confidence: f64,
    /// Entropy of the secret.
    pub entropy: f64,
    /// Checksum verdict.
    pub checksum_valid: Option<bool>,
    /// Every occurrence's location, the primary (earliest) first.
    pub locations: Vec<Location>,
    /// Snippet at the primary location.
    pub snippet: String,
    /// Whether the secret is still in HEAD (history scans only).
    pub in_head: Option<bool>,
    /// The identifier half found with it, at the first place it was paired.
    pub paired: Option<Paired>,
}

/// Folds occurrences into findings by fingerprint. The input order decides which
/// location is primary (callers sort history by commit order first), and the
/// output keeps the order in which fingerprints were first seen.
pub fn dedup(occurrences: Vec<Occurrence>) -> Vec<Finding> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Finding> = Vec::new();
    // Each finding's places, to keep them distinct without a linear search
    // (a secret repeated on thousands of lines).
    let mut seen: Vec<HashSet<Location>> = Vec::new();
    for o in occurrences {
        let fp = fingerprint(&o.rule_id, &o.secret);
        match index.get(&fp) {
            Some(&i) => {
                let f = &mut out[i];
                f.confidence = f.confidence.max(o.confidence);
                if seen[i].insert(o.location.clone()) {
                    f.locations.push(o.location);
                }
                if let Some(p) = o.paired {
                    if p.listed && seen[i].insert(p.location.clone()) {
                        f.locations.push(p.location.clone());
                    }
                    f.paired.get_or_insert(p);
                }
            }
            None => {
                index.insert(fp.clone(), out.len());
                // A listed identifier is one of the finding's places, after the secret's.
                let listed = o.paired.as_ref().filter(|p| p.listed);
                seen.push(
                    std::iter::once(o.location.clone())
                        .chain(listed.map(|p| p.location.clone()))
                        .collect(),
                );
                let mut locations = vec![o.location];
                locations.extend(listed.map(|p| p.location.clone()));
                out.push(Finding {
                    fingerprint: fp,
                    rule_id: o.rule_id,
                    secret: o.secret,
                    confidence: o.confidence,
                    entropy: o.entropy,
                    checksum_valid: o.checksum_valid,
                    locations,
                    snippet: o.snippet,
                    in_head: None,
                    paired: o.paired,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_never_shows_more_than_a_quarter() {
        for s in [
            "",
            "abc",
            "hunter2pass",
            "0123456789abcdef",
            "ghp_R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5gA2eQw",
        ] {
            let r = redact(s);
            let shown = r.chars().filter(|&c| c != '…' && c != '*').count();
            assert!(shown * 4 <= s.chars().count().max(1), "{s:?} -> {r:?}");
            if !s.is_empty() {
                assert!(!r.contains(s));
            }
        }
        assert_eq!(
            redact("ghp_R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5gA2eQw"),
            "ghp_…2eQw"
        );
    }

    #[test]
    fn secret_debug_and_display_redact() {
        let s = Secret::new("sk_live_51Habcdefghijklmnopqrstuv");
        assert!(!format!("{s:?}").contains("ghijklmnop"));
        assert!(!format!("{s}").contains("ghijklmnop"));
    }

    #[test]
    fn fingerprint_depends_on_rule_and_secret_only() {
        let s = Secret::new("abc");
        assert_eq!(fingerprint("r", &s), fingerprint("r", &s.clone()));
        assert_ne!(fingerprint("r", &s), fingerprint("q", &s));
        assert_eq!(fingerprint("r", &s).len(), 64);
    }
}
