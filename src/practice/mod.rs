//! Practice checks, for `stanch audit`: not "is there a secret in this
//! text?" but "is this repository handling its secrets the way the teams'
//! own guides say?" — secret files ignored, templates with placeholders, no
//! secret in a log, an error or a hard-coded fallback, none in a Dockerfile,
//! a workflow or a manifest, a different secret per environment, no
//! credentials in plain-HTTP URLs or query strings, a scan before commits
//! and on pull requests.
//!
//! Like the engine, the checks see paths and bytes only: `content` judges
//! one file; `Audit` gathers what needs the whole tree (which environments
//! share a value, whether a template or a scanning hook exists), and the
//! app adds what needs git (tracked files) or the engine (real secrets in a
//! template). Names are judged with the engine's own vocabulary of secret
//! names (`engine::structured::classify_key`), so that `audit` and `scan`
//! agree on what `api_key`, `token_type` or `password_hash` are.
//!
//! The catalog of checks (ids, names, severities, remediations, examples)
//! is `rules/practice/practices.toml`, compiled in.
pub mod code;
pub mod deploy;
pub mod repo;

use crate::engine::structured::classify_key;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// How much a practice finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion (with the snippet to add); never fails the item.
    Hint,
    /// Reported; does not fail the item.
    Warn,
    /// Fails the item (and `stanch audit`, unless `--fail-on secrets`).
    Fail,
}

/// One practice check, as the catalog describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The check's id (`practice-…`), for config, allow comments and reports.
    pub id: String,
    /// The checklist item it belongs to (1 to 9).
    pub item: u8,
    /// How much a finding weighs.
    pub severity: Severity,
    /// What the finding is, in a few words.
    pub name: String,
    /// What to do about it.
    pub remediation: String,
    /// Inputs ("path: text") that must raise the check.
    pub examples: Vec<String>,
    /// Inputs that must not.
    pub negative_examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    practice: Vec<Practice>,
}

/// The catalog's text, for the lints.
pub const CATALOG_TEXT: &str = include_str!("../../rules/practice/practices.toml");

/// The practice checks, in catalog order.
pub fn catalog() -> &'static [Practice] {
    static C: OnceLock<Vec<Practice>> = OnceLock::new();
    C.get_or_init(|| {
        toml::from_str::<CatalogFile>(CATALOG_TEXT)
            .expect("rules/practice/practices.toml parses (checked by the tests)")
            .practice
    })
}

/// The check with this id.
pub fn practice(id: &str) -> Option<&'static Practice> {
    catalog().iter().find(|p| p.id == id)
}

/// The checklist's items: number and title, in the guides' own words.
pub const ITEMS: [(u8, &str); 9] = [
    (1, "Secret files are ignored, not committed"),
    (2, "Templates hold placeholders only"),
    (3, "No secrets in logs or output"),
    (4, "No secrets in error messages"),
    (5, "No hard-coded default secrets"),
    (6, "No literal secrets in CI, containers or manifests"),
    (7, "A different secret in every environment"),
    (8, "No credentials over plain HTTP or in URL query strings"),
    (9, "A secret scan runs before commits and on pull requests"),
];

/// A practice finding in one file. Messages name variables and redact
/// values: they never hold a secret in full.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// The check's id.
    pub rule: &'static str,
    /// 1-based line (0: the file as a whole).
    pub line: u32,
    /// 1-based column in characters (0: the whole line).
    pub column: u32,
    /// What was found, for people.
    pub message: String,
}

impl Hit {
    fn new(rule: &'static str, line: u32, column: u32, message: String) -> Self {
        debug_assert!(practice(rule).is_some(), "{rule} is in the catalog");
        Hit {
            rule,
            line,
            column,
            message,
        }
    }
}

/// A template's value that the engine judges a real secret (item 2); the
/// app runs the engine, since this module does not.
pub fn template_hit(line: u32, column: u32, rule_name: &str, redacted: &str) -> Hit {
    Hit::new(
        "practice-template-real-secret",
        line,
        column,
        format!("a real-looking secret in a template: {rule_name} ({redacted})"),
    )
}

/// Whether a variable or key names a secret (`API_KEY`, `dbPassword`,
/// `settings.auth_token`), by the engine's vocabulary.
pub fn secret_name(name: &str) -> bool {
    !name.is_empty() && classify_key(name.as_bytes()).is_some()
}

/// Qualifiers that make `…_token` a credential in code (`access_token`,
/// `githubToken`); a bare `token`, `keyword_token` or `creation_token` is as
/// often a lexer's or an API's non-secret token.
const CREDENTIAL_TOKENS: &[&str] = &[
    "access", "refresh", "auth", "api", "bearer", "id", "session", "oauth", "jwt", "github", "gh",
    "gitlab", "slack", "bot", "personal", "service", "deploy", "npm", "pypi", "registry",
    "webhook", "client", "app", "admin", "master", "private", "secret", "security", "sas", "vault",
    "discord", "telegram", "hf", "openai",
];
/// Qualifiers of the engine's `…_key` names that, in code, name a thing
/// more often than a credential (`root_key`, `primary_key`, `session_key`,
/// `cache`-like keys of dictionaries and databases).
const NOT_CREDENTIAL_KEYS: &[&str] = &[
    "root",
    "primary",
    "secondary",
    "dev",
    "prod",
    "live",
    "rest",
    "server",
    "write",
    "ingest",
    "ingestion",
    "sdk",
    "x",
    "basic",
    "http",
    "session",
    "cookie",
    "deploy",
    "admin",
    "mgmt",
    "management",
    "partner",
    "merchant",
    "developer",
    "shared",
    "crypt",
    "sign",
    "npm",
];

/// Whether a name in code (a variable, an attribute, a constant) names a
/// credential: a secret name whose `token` or `key` is qualified as one.
/// Stricter than `secret_name`, which judges keys of config files, where a
/// bare `token:` is a credential far more often than in a tokenizer.
pub fn code_secret_name(name: &str) -> bool {
    // Most names in code hold none of the secret words: say so without
    // splitting them into words.
    let lower = name.as_bytes().iter().map(u8::to_ascii_lowercase);
    let mut buf = [0u8; 64];
    let n = name.len().min(buf.len());
    for (slot, b) in buf.iter_mut().zip(lower) {
        *slot = b;
    }
    let short = &buf[..n];
    let has = |w: &[u8]| short.windows(w.len()).any(|x| x == w);
    if !(has(b"pass")
        || has(b"pw")
        || has(b"secret")
        || has(b"token")
        || has(b"key")
        || has(b"cred")
        || has(b"auth")
        || has(b"bearer"))
    {
        return false;
    }
    if !secret_name(name) {
        return false;
    }
    let w = crate::engine::structured::words(name.as_bytes());
    let Some(last) = w.iter().rposition(|x| {
        !matches!(
            x.as_str(),
            "value" | "str" | "string" | "b64" | "base64" | "hex" | "raw" | "bytes"
        ) && !x.bytes().all(|b| b.is_ascii_digit())
    }) else {
        return false;
    };
    let before = if last > 0 { w[last - 1].as_str() } else { "" };
    match w[last].as_str() {
        "token" | "tokens" => CREDENTIAL_TOKENS.contains(&before),
        "key" | "keys" => {
            crate::engine::structured::KEY_QUALIFIERS.contains(&before)
                && !NOT_CREDENTIAL_KEYS.contains(&before)
        }
        // `pwd` is the working directory as often as a password in code.
        "pwd" => !before.is_empty(),
        _ => true,
    }
}

/// A literal that is no value: empty, a reference (`${X}`, `$X`, `{{ x }}`,
/// `%(x)s`), `null`, or a boolean.
fn no_value(v: &str) -> bool {
    let v = v.trim();
    v.is_empty()
        || v.contains("${")
        || v.contains("{{")
        || v.starts_with('$')
        || v.contains("%(")
        || matches!(
            v.to_ascii_lowercase().as_str(),
            "null" | "~" | "none" | "nil" | "true" | "false" | "undefined"
        )
}

/// A value as a message may show it (see `finding::redact`).
fn shown(v: &str) -> String {
    crate::finding::redact(v)
}

/// 1-based column of byte `offset` in `line`, in characters.
fn column(line: &str, offset: usize) -> u32 {
    line[..offset.min(line.len())].chars().count() as u32 + 1
}

/// What one file tells the audit.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Findings in the file.
    pub hits: Vec<Hit>,
    /// Secret-named values of a file that belongs to one environment.
    pub env_values: Vec<repo::EnvValue>,
    /// Whether the code reads a secret-named environment variable.
    pub reads_secret_env: bool,
    /// Whether the file is a template of settings (`.env.example`).
    pub env_template: bool,
    /// Which protection the file provides.
    pub protection: repo::Protection,
}

/// Runs every per-file check over one file.
pub fn content(path: &str, bytes: &[u8]) -> FileReport {
    // Most files are UTF-8: validating is cheaper than the lossy walk.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let (hits, reads_secret_env) = code::check(path, &text);
    let mut r = FileReport {
        hits,
        reads_secret_env,
        ..FileReport::default()
    };
    r.hits.extend(deploy::check(path, &text));
    r.env_values = repo::env_values(path, &text);
    r.env_template = repo::is_env_template(path);
    r.protection = repo::protection(path, &text);
    r
}

/// The whole-tree part of an audit: feed it every file's `FileReport`, then
/// `finish` with what git knows.
#[derive(Debug, Default)]
pub struct Audit {
    hits: BTreeMap<String, Vec<Hit>>,
    env_values: Vec<(String, repo::EnvValue)>,
    reads_secret_env: Option<String>,
    env_template: bool,
    protection: repo::Protection,
    has_precommit_config: bool,
}

/// What git says about the tree (absent outside a repository).
#[derive(Debug, Default)]
pub struct RepoFacts {
    /// Secret files git tracks (committed or staged), with whether their
    /// content is a private key (for `*.pem`, `*.key`).
    pub tracked_secret_files: Vec<(String, bool)>,
    /// Secret files present in the work tree that git neither tracks nor ignores.
    pub unignored_secret_files: Vec<(String, bool)>,
    /// A scanning hook is installed in `.git/hooks/pre-commit`.
    pub git_hook: bool,
}

impl Audit {
    /// Takes one file's report.
    pub fn add(&mut self, path: &str, r: FileReport) {
        if !r.hits.is_empty() {
            self.hits
                .entry(path.to_string())
                .or_default()
                .extend(r.hits);
        }
        self.env_values
            .extend(r.env_values.into_iter().map(|v| (path.to_string(), v)));
        if r.reads_secret_env && self.reads_secret_env.is_none() {
            self.reads_secret_env = Some(path.to_string());
        }
        self.env_template |= r.env_template;
        self.protection.precommit |= r.protection.precommit;
        self.protection.ci |= r.protection.ci;
        self.has_precommit_config |= repo::file_name(path) == ".pre-commit-config.yaml";
    }

    /// Adds findings made elsewhere (the engine's verdict on templates).
    pub fn add_hits(&mut self, path: &str, hits: Vec<Hit>) {
        if !hits.is_empty() {
            self.hits.entry(path.to_string()).or_default().extend(hits);
        }
    }

    /// Every finding, by path (sorted), each path's by line.
    pub fn finish(mut self, facts: &RepoFacts) -> BTreeMap<String, Vec<Hit>> {
        let mut add =
            |path: &str, hit: Hit| self.hits.entry(path.to_string()).or_default().push(hit);
        for (path, key) in &facts.tracked_secret_files {
            if repo::secret_file(path).is_some_and(|needs_key| !needs_key || *key) {
                add(
                    path,
                    Hit::new(
                        "practice-secret-file-committed",
                        0,
                        0,
                        format!("{path} is committed"),
                    ),
                );
            }
        }
        for (path, key) in &facts.unignored_secret_files {
            if repo::secret_file(path).is_some_and(|needs_key| !needs_key || *key) {
                add(
                    path,
                    Hit::new(
                        "practice-secret-file-not-ignored",
                        0,
                        0,
                        format!("{path} is not in .gitignore: `git add .` would commit it"),
                    ),
                );
            }
        }
        if let (Some(reader), false) = (&self.reads_secret_env, self.env_template) {
            add(
                reader,
                Hit::new(
                    "practice-env-template-missing",
                    0,
                    0,
                    "the code reads secrets from the environment, and no .env.example lists them"
                        .into(),
                ),
            );
        }
        for (path, hit) in repo::shared_across_environments(&self.env_values) {
            add(&path, hit);
        }
        if !self.protection.precommit && !facts.git_hook {
            let at = if self.has_precommit_config {
                ".pre-commit-config.yaml"
            } else {
                "."
            };
            add(
                at,
                Hit::new(
                    "practice-no-precommit-scan",
                    0,
                    0,
                    "no secret scanner runs before commits".into(),
                ),
            );
        }
        if !self.protection.ci {
            add(
                ".",
                Hit::new(
                    "practice-no-ci-scan",
                    0,
                    0,
                    "no CI workflow scans pull requests for secrets".into(),
                ),
            );
        }
        for hits in self.hits.values_mut() {
            hits.sort();
            hits.dedup();
        }
        self.hits
    }
}

/// The ids of the catalog, for config validation.
pub fn ids() -> BTreeSet<&'static str> {
    catalog().iter().map(|p| p.id.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the checks a catalog example exercises; the repository-level
    /// ones get the git state the example's id implies.
    fn run(id: &str, example: &str) -> Vec<(String, Hit)> {
        let mut audit = Audit::default();
        let mut facts = RepoFacts::default();
        // The protection items are judged on their own examples only.
        if !id.starts_with("practice-no-") {
            audit.protection = repo::Protection {
                precommit: true,
                ci: true,
            };
        }
        for file in example.split("\n---\n") {
            let (path, text) = file.split_once(": ").expect("an example is \"path: text\"");
            let r = content(path, text.as_bytes());
            if id != "practice-env-template-missing" {
                audit.env_template = true;
            }
            if let Some(needs_key) = repo::secret_file(path) {
                let key = !needs_key || text.contains("PRIVATE KEY");
                if id == "practice-secret-file-committed" {
                    facts.tracked_secret_files.push((path.to_string(), key));
                } else {
                    facts.unignored_secret_files.push((path.to_string(), key));
                }
            }
            audit.add(path, r);
        }
        audit
            .finish(&facts)
            .into_iter()
            .flat_map(|(p, hits)| hits.into_iter().map(move |h| (p.clone(), h)))
            .collect()
    }

    /// Every example raises its check; no negative example does. (The
    /// template check needs the engine: see `app::audit`'s tests.)
    #[test]
    fn every_practice_example_and_negative_example() {
        let mut problems = Vec::new();
        for p in catalog() {
            if p.id == "practice-template-real-secret" {
                continue;
            }
            for ex in &p.examples {
                let hits = run(&p.id, ex);
                if !hits.iter().any(|(_, h)| h.rule == p.id) {
                    problems.push(format!(
                        "{}: example not found: {ex:?} (got {hits:?})",
                        p.id
                    ));
                }
            }
            for ex in &p.negative_examples {
                let hits = run(&p.id, ex);
                if let Some((_, h)) = hits.iter().find(|(_, h)| h.rule == p.id) {
                    problems.push(format!(
                        "{}: negative example found: {ex:?} ({})",
                        p.id, h.message
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_catalog_is_well_formed() {
        let mut seen = BTreeSet::new();
        for p in catalog() {
            assert!(p.id.starts_with("practice-"), "{}", p.id);
            assert!(seen.insert(p.id.clone()), "duplicate {}", p.id);
            assert!(
                ITEMS.iter().any(|(n, _)| *n == p.item),
                "{}: item {}",
                p.id,
                p.item
            );
            assert!(!p.name.is_empty() && !p.remediation.is_empty(), "{}", p.id);
            assert!(
                !p.examples.is_empty() && !p.negative_examples.is_empty(),
                "{}",
                p.id
            );
        }
        for (n, _) in ITEMS {
            assert!(
                catalog().iter().any(|p| p.item == n),
                "item {n} has no check"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Hostile code never panics a check: fragments of sinks, strings,
        /// brackets and multi-byte characters in any order, under every
        /// file kind the checks read.
        #[test]
        fn checks_never_panic(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "logger.info(", "print(", "f\"", "\"", "'", "`", "${", "{", "}", "(", ")", "[", "]", "[-4:]",
                "api_key", "password", "$TOKEN", "#{", "raise X(", "throw new Error(", "panic!(", "é", "💥",
                "\\", "\n", " ", ":", "=", "os.getenv(\"API_KEY\", ", "http://u:p@h/", "?api_key=",
                "ENV SECRET_KEY=", "kind: Secret\n", "data:\n  a: b\n", "- ", "set -x\n", "echo ",
                "\"\"\"", "#[cfg(test)]", "${X:-", "||", "??", ",",
            ]), 0..40),
            ext in proptest::sample::select(vec![
                "a.py", "a.js", "a.go", "A.java", "a.kt", "a.cs", "a.rb", "a.php", "a.rs", "a.sh",
                "Dockerfile", "docker-compose.yml", ".github/workflows/ci.yml", ".gitlab-ci.yml",
                "values.yaml", "k8s/s.yaml", ".env.production", ".pre-commit-config.yaml", "x.txt",
            ]),
        ) {
            let text: String = parts.concat();
            let r = content(ext, text.as_bytes());
            for h in &r.hits {
                proptest::prop_assert!(h.line as usize <= text.lines().count().max(1));
            }
        }
    }

    #[test]
    fn names_use_the_engines_vocabulary() {
        for n in [
            "api_key",
            "dbPassword",
            "SECRET_KEY",
            "auth_token",
            "clientSecret",
        ] {
            assert!(secret_name(n), "{n}");
        }
        for n in [
            "token_type",
            "key_name",
            "secret_name",
            "password_hash",
            "config",
            "key",
        ] {
            assert!(!secret_name(n), "{n}");
        }
    }
}
