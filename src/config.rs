//! `.stanch.toml`: discovery (the git work tree root, else the scanned
//! directory), parsing with every unknown key rejected, validation of user
//! rules and allowlists, and merging with the built-in catalog. Errors name
//! the file, the line and the key. It knows nothing of scanning or reports;
//! command-line flags are merged over it by `app`.
use crate::error::{one_line, Error, Result};
use crate::finding::redact_quoted;
use crate::rules::{RuleAllowlist, RuleSpec};
use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};

/// The name of the configuration file.
pub const FILE_NAME: &str = ".stanch.toml";

/// A parsed, validated `.stanch.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Add the user's rules to the built-in catalog (true) or replace it (false).
    #[serde(default = "yes")]
    pub extend_default: bool,
    /// User rules; one with a built-in id overrides the built-in rule.
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    /// Rule ids to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Report only findings at least this confident.
    #[serde(default)]
    pub min_confidence: Option<f64>,
    /// Skip files larger than this (bytes, or a string such as "25M").
    #[serde(default, deserialize_with = "size")]
    pub max_file_size: Option<u64>,
    /// Archive nesting levels expanded (0: archives are not expanded).
    #[serde(default)]
    pub archive_depth: Option<u32>,
    /// Decompressed bytes per archive (bytes, or a string such as "256M").
    #[serde(default, deserialize_with = "size")]
    pub max_archive_size: Option<u64>,
    /// Globs (gitignore syntax) that `scan` does not read.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Worker threads.
    #[serde(default)]
    pub threads: Option<usize>,
    /// Baseline file, relative to the config file's directory.
    #[serde(default)]
    pub baseline: Option<PathBuf>,
    /// What every rule lets through.
    #[serde(default)]
    pub allowlist: RuleAllowlist,
    /// `stanch staged` blocks a commit on a failed practice check (a secret
    /// logged, a literal in a Dockerfile…), not only on secrets.
    #[serde(default)]
    pub fail_on_practices: bool,
}

fn yes() -> bool {
    true
}

fn size<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<u64>, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a number of bytes or a size such as \"25M\"")
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            u64::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("a size cannot be negative"))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            crate::cli::parse_size(v).map(Some).map_err(E::custom)
        }
    }
    d.deserialize_any(V)
}

/// A config file as found: where it is and what it says.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// Its contents, parsed and validated.
    pub config: Config,
}

/// The git work tree holding `dir` (the nearest ancestor with a `.git`
/// directory or file), found without running git.
pub fn git_root(dir: &Path) -> Option<PathBuf> {
    let start = dir.canonicalize().ok()?;
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The config file that applies to a scan of `root`: `.stanch.toml` at the
/// git work tree root, else in `root` itself.
pub fn discover(root: &Path) -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(g) = git_root(root) {
        candidates.push(g.join(FILE_NAME));
    }
    candidates.push(root.join(FILE_NAME));
    candidates.into_iter().find(|p| p.is_file())
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Loaded> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let shown = path.display().to_string();
    let config = parse(shown.strip_prefix("./").unwrap_or(&shown), &text)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        config,
    })
}

/// Parses and validates config text; `name` is the file named in errors.
pub fn parse(name: &str, text: &str) -> Result<Config> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, key) = match e.span() {
            Some(span) => locate(text, span.start),
            None => (0, String::new()),
        };
        config_error(name, line, &key, &redact_quoted(e.message()))
    })?;
    validate(name, text, &config)?;
    Ok(config)
}

fn config_error(name: &str, line: usize, key: &str, message: &str) -> Error {
    let file = if line > 0 {
        format!("{name}:{line}")
    } else {
        name.to_string()
    };
    let message = if key.is_empty() {
        message.to_string()
    } else {
        format!("key `{key}`: {message}")
    };
    Error::Config { file, message }
}

/// Redacts long quoted values in a parser message: a wrongly typed value may be a secret.
/// The 1-based line holding byte `offset`, and the dotted key there
/// (`allowlist.paths`, `rule.regex`), from the nearest table header above.
fn locate(text: &str, offset: usize) -> (usize, String) {
    let offset = offset.min(text.len());
    let line = text[..offset].matches('\n').count() + 1;
    let mut table = String::new();
    for l in text.lines().take(line - 1) {
        if let Some(h) = header(l) {
            table = h;
        }
    }
    let this = text.lines().nth(line - 1).unwrap_or("");
    let key = if let Some(h) = header(this) {
        h
    } else {
        let k = this
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_string();
        let k = if this.contains('=') && !k.is_empty() {
            k
        } else {
            String::new()
        };
        match (table.is_empty(), k.is_empty()) {
            (true, _) => k,
            (false, true) => table,
            (false, false) => format!("{table}.{k}"),
        }
    };
    (line, key)
}

fn header(line: &str) -> Option<String> {
    let t = line.trim();
    let t = t.split('#').next().unwrap_or("").trim();
    if t.starts_with('[') && t.ends_with(']') {
        Some(t.trim_matches(|c| c == '[' || c == ']').trim().to_string())
    } else {
        None
    }
}

/// The first line holding `needle` as a quoted value, else the first holding it at all.
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    let quoted = [
        format!("\"{needle}\""),
        format!("'{needle}'"),
        format!("'''{needle}'''"),
    ];
    let find = |pred: &dyn Fn(&str) -> bool| text.lines().position(pred).map(|i| i + 1);
    find(&|l: &str| quoted.iter().any(|q| l.contains(q.as_str())))
        .or_else(|| find(&|l: &str| l.contains(needle)))
        .unwrap_or(0)
}

/// Checks what serde cannot: ranges, rule shapes, regexes and globs.
fn validate(name: &str, text: &str, c: &Config) -> Result<()> {
    if let Some(v) = c.min_confidence {
        if !(0.0..=1.0).contains(&v) {
            return Err(config_error(
                name,
                line_of_key(text, "min_confidence"),
                "min_confidence",
                &format!("{v} is not between 0 and 1"),
            ));
        }
    }
    if c.threads == Some(0) {
        return Err(config_error(
            name,
            line_of_key(text, "threads"),
            "threads",
            "must be at least 1",
        ));
    }
    check_allowlist(name, text, "allowlist", &c.allowlist)?;
    let mut seen = std::collections::HashSet::new();
    for r in &c.rule {
        let at = |message: String| Error::Rule {
            file: located(name, line_of(text, &r.id)),
            rule: r.id.to_string(),
            message,
        };
        if !seen.insert(&*r.id) {
            return Err(at("defined twice in this file".into()));
        }
        if let Some(problem) = r.problems().into_iter().next() {
            return Err(at(problem));
        }
        // Compile now: a bad user regex is an error naming the rule, not a
        // silent no-op at scan time.
        if let Err(problem) = crate::engine::check_regexes(r) {
            return Err(at(one_line(&problem)));
        }
        if let Some(a) = &r.allowlist {
            check_allowlist(name, text, &format!("rule {}: allowlist", r.id), a)?;
        }
    }
    Ok(())
}

fn located(name: &str, line: usize) -> String {
    if line > 0 {
        format!("{name}:{line}")
    } else {
        name.to_string()
    }
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key) && l.contains('='))
        .map_or(0, |i| i + 1)
}

fn check_allowlist(name: &str, text: &str, key: &str, a: &RuleAllowlist) -> Result<()> {
    crate::suppress::allowlist::Allowlist::new(key, a, false)
        .map(|_| ())
        .map_err(|bad| {
            let line = line_of(text, &bad.value);
            config_error(name, line, &format!("{key}.{}", bad.field), &bad.message)
        })
}

/// The built-in catalog merged with the config: user rules override built-ins
/// of the same id (or replace the catalog), then `disable` removes rules.
pub fn merge_rules(builtin: Vec<RuleSpec>, loaded: Option<&Loaded>) -> Result<Vec<RuleSpec>> {
    let Some(l) = loaded else { return Ok(builtin) };
    let c = &l.config;
    let user_ids: std::collections::HashSet<&str> = c.rule.iter().map(|r| &*r.id).collect();
    let mut rules: Vec<RuleSpec> = if c.extend_default {
        builtin
            .into_iter()
            .filter(|r| !user_ids.contains(&*r.id))
            .collect()
    } else {
        Vec::new()
    };
    rules.extend(c.rule.iter().cloned());
    for id in &c.disable {
        // Practice checks (`stanch audit`) are turned off by the audit itself.
        if crate::practice::practice(id).is_some() {
            continue;
        }
        let before = rules.len();
        rules.retain(|r| &r.id != id);
        if rules.len() == before {
            let text = std::fs::read_to_string(&l.path).unwrap_or_default();
            let shown = l.path.display().to_string();
            let name = shown.strip_prefix("./").unwrap_or(&shown);
            return Err(config_error(
                name,
                line_of(&text, id),
                "disable",
                &format!("no rule has the id {id:?} (see `stanch rules`)"),
            ));
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = parse("c", "").unwrap();
        assert!(c.extend_default);
        assert!(c.rule.is_empty() && c.max_file_size.is_none());
    }

    #[test]
    fn sizes() {
        assert_eq!(
            parse("c", "max_file_size = 1000").unwrap().max_file_size,
            Some(1000)
        );
        assert_eq!(
            parse("c", "max_file_size = \"2K\"").unwrap().max_file_size,
            Some(2048)
        );
        assert!(parse("c", "max_file_size = -1").is_err());
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = parse(
            "c.toml",
            "min_confidence = 0.5\n\n[allowlist]\npaths = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("c.toml:4: key `allowlist.paths`"), "{e}");
        let e = parse("c.toml", "bogus = 1\n").unwrap_err().to_string();
        assert!(e.starts_with("c.toml:1:") && e.contains("bogus"), "{e}");
    }

    /// A user rule is held to the same `RuleSpec::problems` as the catalog.
    #[test]
    fn user_rules_get_the_catalog_validation() {
        let rule = |extra: &str| {
            format!("[[rule]]\nid = \"acme-key\"\nname = \"Acme\"\nkeywords = [\"acme_\"]\nconfidence = 0.5\n{extra}")
        };
        let e = parse(
            "c.toml",
            &rule("regex = '(acme_\\w+)'\nkey_value = \"secret\"\n"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("c.toml:2: rule acme-key:") && e.contains("takes no regex"),
            "{e}"
        );
        let e = parse("c.toml", &rule("key_value = \"token\"\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown key_value class \"token\""), "{e}");
        assert!(parse("c.toml", &rule("key_value = \"secret\"\n")).is_ok());
    }

    #[test]
    fn sanitize_redacts_long_values() {
        let m = redact_quoted("invalid type: string \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\", expected a sequence");
        assert!(!m.contains("abcdefghijklmnop"), "{m}");
        assert!(redact_quoted("invalid type: string \"yes\"").contains("\"yes\""));
    }
}
