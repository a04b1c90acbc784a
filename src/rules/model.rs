//! The rule model, as written in `rules/*.toml` and in `.stanch.toml`, and
//! the one validation of a rule (`RuleSpec::problems`) that config, the
//! lints and the engine all apply. The build script compiles this file too
//! (it deserialises the built-in rules into these types), so it depends on
//! serde alone: nothing of the crate.
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A rule's text: borrowed from the binary for a built-in rule, so that
/// start-up copies none of the catalog, and owned when read from a file.
pub type Text = Cow<'static, str>;
/// A list of texts, borrowed or owned like `Text`.
pub type Texts = Cow<'static, [Text]>;

fn is_empty(texts: &Texts) -> bool {
    texts.is_empty()
}

/// The checksum validators a rule may name; the engine implements each.
pub const CHECKSUMS: &[&str] = &["github", "npm", "gitlab-routable", "pypi-macaroon"];

/// The classes a structured `key_value` rule may name; the engine implements each.
pub const KEY_VALUE_CLASSES: &[&str] = &["password", "secret", "username", "client-id"];

/// The `key_value` classes that read an identifier, not a secret: such a rule
/// is searched for only beside a secret whose rule `pairs_with` it, and is
/// never reported on its own.
pub const IDENTIFIER_CLASSES: &[&str] = &["username", "client-id"];

/// A rule file: a list of `[[rule]]` tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules.
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

/// One detection rule.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable kebab-case id, prefixed with the family (file stem).
    pub id: Text,
    /// Human name of the credential.
    pub name: Text,
    /// Prefilter literals (ASCII case-insensitive); required unless path-only.
    #[serde(default)]
    pub keywords: Texts,
    /// Content regex; the secret is group `secret`, else group 1, else the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<Text>,
    /// Path regex: alone, the file must not be committed; with `regex`, restricts it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Text>,
    /// Base confidence in [0, 1].
    pub confidence: f64,
    /// Regexes the secret itself must all match (e.g. "holds a digit"): shape
    /// tests kept out of `regex` so that it stays small and fast.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub secret_match: Texts,
    /// Minimum Shannon entropy (bits per char) of the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entropy: Option<f64>,
    /// Checksum validator name (`github`, `npm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<Text>,
    /// Bytes either side of a keyword that the regex sees, for multi-line secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<u32>,
    /// Lines either side of a keyword's line that the regex sees: a token
    /// whose provider is named a few lines away (in a comment, a section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_lines: Option<u32>,
    /// Rules whose match is the identifier half of this secret (an access key
    /// id for a secret key): one found within `PAIR_LINES` lines is reported
    /// with this finding instead of on its own.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub pairs_with: Texts,
    /// A structured generic rule (`password` or `secret`): instead of a regex,
    /// the key a keyword belongs to and its value are read and judged (see
    /// `engine::structured`). An identifier class (`username`, `client-id`)
    /// is read only as the partner of a secret (see `pairs_with`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_value: Option<Text>,
    /// How to revoke or rotate the credential.
    #[serde(default)]
    pub remediation: Text,
    /// Texts the rule must find (paths, for path-only rules).
    #[serde(default)]
    pub examples: Texts,
    /// Texts no rule may find.
    #[serde(default)]
    pub negative_examples: Texts,
    /// Path under which examples of a path-restricted content rule are tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example_path: Option<Text>,
    /// Per-rule allowlist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowlist: Option<RuleAllowlist>,
}

impl RuleSpec {
    /// Whether the rule flags files by path alone.
    pub fn is_path_only(&self) -> bool {
        self.regex.is_none() && self.key_value.is_none() && self.path.is_some()
    }

    /// Whether the rule reads an identifier to pair with a secret, and so is
    /// never matched or reported on its own.
    pub fn is_identifier(&self) -> bool {
        self.key_value
            .as_deref()
            .is_some_and(|k| IDENTIFIER_CLASSES.contains(&k))
    }

    /// Whether the rule reads content (a regex or a structured key/value rule).
    pub fn reads_content(&self) -> bool {
        self.regex.is_some() || self.key_value.is_some()
    }

    /// What makes the rule unusable, whoever wrote it (empty when it is
    /// valid). Regexes are compiled by the engine and allowlists by
    /// `suppress`; what only a catalog rule owes (examples, a remediation,
    /// the family prefix) is a lint.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let id = &self.id;
        let kebab = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !kebab {
            out.push("id must be kebab-case (a-z, 0-9, -)".to_string());
        }
        if !(0.0..=1.0).contains(&self.confidence) {
            out.push(format!("confidence {} is outside [0, 1]", self.confidence));
        }
        if self.regex.is_none() && self.path.is_none() && self.key_value.is_none() {
            out.push("a rule needs a regex, a key_value class or a path".to_string());
        }
        if self.regex.is_some() && self.key_value.is_some() {
            out.push(
                "a key_value rule reads keys and values itself: it takes no regex".to_string(),
            );
        }
        if let Some(name) = &self.checksum {
            if !CHECKSUMS.contains(&name.as_ref()) {
                out.push(format!(
                    "unknown checksum {name:?} (known: {})",
                    CHECKSUMS.join(", ")
                ));
            }
        }
        if let Some(name) = &self.key_value {
            if !KEY_VALUE_CLASSES.contains(&name.as_ref()) {
                out.push(format!(
                    "unknown key_value class {name:?} (known: {})",
                    KEY_VALUE_CLASSES.join(", ")
                ));
            }
        }
        out
    }
}

/// What a rule (or the whole config) lets through.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleAllowlist {
    /// Path globs whose findings are dropped.
    #[serde(default)]
    pub paths: Texts,
    /// Regexes matched against the secret.
    #[serde(default)]
    pub regexes: Texts,
    /// Substrings: a secret containing one is dropped (case-insensitive).
    #[serde(default)]
    pub stopwords: Texts,
    /// Commit ids whose findings history scans drop.
    #[serde(default)]
    pub commits: Texts,
}
