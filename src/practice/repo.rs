//! Practice checks that need the whole tree: which files are secret files
//! (item 1) and templates (items 1 and 2), which values one environment
//! shares with another (item 7), and whether a secret scan runs before
//! commits and on pull requests (item 9).
use super::{column, no_value, secret_name, Hit};
use std::collections::BTreeMap;

/// The last component of a path.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Suffixes that make a settings file a template.
const TEMPLATE_WORDS: &[&str] = &[
    "example", "sample", "template", "dist", "tmpl", "tpl", "defaults",
];

/// Whether a secret file's name says it is one, and whether that needs its
/// content to be a private key (`*.pem` may be a certificate): `None` for
/// any other file.
pub fn secret_file(path: &str) -> Option<bool> {
    let name = file_name(path).to_ascii_lowercase();
    if name == ".env" {
        return Some(false);
    }
    if let Some(rest) = name.strip_prefix(".env.") {
        let template = rest.split('.').any(|w| TEMPLATE_WORDS.contains(&w));
        return (!template).then_some(false);
    }
    if name.ends_with(".pem") || name.ends_with(".key") {
        return Some(true);
    }
    let base = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"];
    if base.iter().any(|b| {
        name == *b
            || name.starts_with(&format!("{b}_"))
            || name.starts_with(&format!("{b}.")) && !name.ends_with(".pub")
    }) {
        return Some(false);
    }
    let named = matches!(
        name.as_str(),
        "credentials.json" | "secrets.json" | ".netrc" | ".pgpass" | "secrets.yml" | "secrets.yaml"
    );
    let ext = [
        ".p12",
        ".pfx",
        ".tfstate",
        ".tfstate.backup",
        ".keystore",
        ".jks",
    ]
    .iter()
    .any(|e| name.ends_with(e));
    (named || ext).then_some(false)
}

/// Whether the file is a template of settings: `.env.example`,
/// `config.sample.json`, `values.example.yaml`, `settings.py.template`.
pub fn is_env_template(path: &str) -> bool {
    template_target(path).is_some()
}

/// The path a template stands for (`.env.example` → `.env`), under which the
/// engine judges its values as it would the real file's: a template's path
/// alone must not excuse a real secret in it.
pub fn template_target(path: &str) -> Option<String> {
    let name = file_name(path);
    let dir = &path[..path.len() - name.len()];
    let parts: Vec<&str> = name.split('.').collect();
    let keep: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !(TEMPLATE_WORDS.contains(&p.to_ascii_lowercase().as_str())
                && (*i > 0 || parts.len() > 1))
        })
        .map(|(_, p)| *p)
        .collect();
    if keep.len() == parts.len() || keep.iter().all(|p| p.is_empty()) {
        return None;
    }
    let mut target = keep.join(".");
    if target.is_empty() || !target.contains('.') && name.starts_with('.') {
        target = format!(".{}", target.trim_start_matches('.'));
    }
    // `example.env`: the settings file it stands for is `.env`.
    if target == "env" {
        target = ".env".into();
    }
    Some(format!("{dir}{target}"))
}

/// Which environment a path's file belongs to, from its name or folders.
pub fn environment(path: &str) -> Option<&'static str> {
    let lower = path.to_ascii_lowercase();
    let words = |s: &str| -> Option<&'static str> {
        s.split(['/', '.', '_', '-']).find_map(|w| match w {
            "dev" | "development" | "local" => Some("development"),
            "staging" | "stage" | "stg" | "preprod" | "uat" | "qa" => Some("staging"),
            "prod" | "production" | "prd" | "live" => Some("production"),
            _ => None,
        })
    };
    words(file_name(&lower)).or_else(|| words(&lower))
}

/// A secret-named value of a file that belongs to an environment.
#[derive(Debug, Clone)]
pub struct EnvValue {
    /// The environment.
    pub env: &'static str,
    /// The key.
    pub key: String,
    /// SHA-256 of the value (the value itself is not kept).
    pub hash: String,
    /// Where it is.
    pub line: u32,
    /// Its column.
    pub column: u32,
}

/// The secret-named values of a settings file that belongs to one
/// environment (`.env.production`, `settings/dev.py`, `values-prod.yaml`).
pub fn env_values(path: &str, text: &str) -> Vec<EnvValue> {
    use sha2::{Digest, Sha256};
    let Some(env) = environment(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let t = t.strip_prefix("export ").unwrap_or(t);
        let Some(sep) = t.find(['=', ':']) else {
            continue;
        };
        let key = t[..sep].trim().trim_matches(['"', '\'']);
        if key.is_empty() || key.contains(' ') || !secret_name(key) {
            continue;
        }
        let raw = t[sep + 1..].trim().trim_end_matches(',');
        let value = match raw.chars().next() {
            Some(q @ ('"' | '\'')) => raw[1..].split(q).next().unwrap_or(""),
            _ => raw.split(" #").next().unwrap_or(raw).trim(),
        };
        if value.chars().count() < 8
            || no_value(value)
            || crate::engine::score::placeholder_factor(value.as_bytes()) <= 0.2
        {
            continue;
        }
        out.push(EnvValue {
            env,
            key: key.to_string(),
            hash: crate::finding::hex(&Sha256::digest(value.as_bytes())),
            line: n as u32 + 1,
            column: column(line, line.find(key).unwrap_or(0)),
        });
    }
    out
}

/// Values found in more than one environment: a finding at each place.
pub fn shared_across_environments(values: &[(String, EnvValue)]) -> Vec<(String, Hit)> {
    let mut by_value: BTreeMap<&str, Vec<&(String, EnvValue)>> = BTreeMap::new();
    for v in values {
        by_value.entry(v.1.hash.as_str()).or_default().push(v);
    }
    let mut out = Vec::new();
    for places in by_value.values() {
        let envs: std::collections::BTreeSet<&str> = places.iter().map(|(_, v)| v.env).collect();
        if envs.len() < 2 {
            continue;
        }
        for (path, v) in places {
            let others: Vec<String> = places
                .iter()
                .filter(|(p, o)| o.env != v.env && p != path)
                .map(|(p, o)| format!("{p} ({})", o.env))
                .collect();
            out.push((
                path.clone(),
                Hit::new(
                    "practice-secret-shared-across-environments",
                    v.line,
                    v.column,
                    format!(
                        "`{}` ({}) holds the same secret as {}",
                        v.key,
                        v.env,
                        others.join(", ")
                    ),
                ),
            ));
        }
    }
    out
}

/// Secret scanners whose hooks and CI steps count as protection.
const SCANNERS: &[&str] = &[
    "stanch",
    "gitleaks",
    "betterleaks",
    "detect-secrets",
    "trufflehog",
    "ggshield",
    "kingfisher",
    "noseyparker",
    "nosey-parker",
    "secretlint",
    "talisman",
    "git-secrets",
    "ripsecrets",
    "whispers",
    "secret_detection",
    "secret-detection",
];

/// Which protection a file provides.
#[derive(Debug, Clone, Copy, Default)]
pub struct Protection {
    /// A scan before commits (a pre-commit hook).
    pub precommit: bool,
    /// A scan of pull requests in CI.
    pub ci: bool,
}

/// The protection a file provides: a scanner in the pre-commit config (or a
/// husky/lefthook hook), or in a CI workflow that runs on pull requests
/// (GitLab's pipelines run on merge requests by default).
pub fn protection(path: &str, text: &str) -> Protection {
    let name = file_name(path);
    let hook = name == ".pre-commit-config.yaml"
        || path.ends_with(".husky/pre-commit")
        || matches!(name, "lefthook.yml" | ".lefthook.yml" | "lefthook.yaml");
    let workflow = path.contains(".github/workflows/");
    let other_ci = name == ".gitlab-ci.yml"
        || name == "Jenkinsfile"
        || name == "azure-pipelines.yml"
        || name == "bitbucket-pipelines.yml"
        || path.ends_with(".circleci/config.yml");
    if !(hook || workflow || other_ci) {
        return Protection::default();
    }
    let lower = text.to_ascii_lowercase();
    let scanner = SCANNERS.iter().any(|s| lower.contains(s));
    let workflow = workflow && lower.contains("pull_request");
    Protection {
        precommit: hook && scanner,
        ci: (workflow || other_ci) && scanner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_their_targets() {
        for (t, target) in [
            (".env.example", ".env"),
            ("app/.env.sample", "app/.env"),
            ("config.sample.json", "config.json"),
            ("charts/values.example.yaml", "charts/values.yaml"),
            ("settings.py.template", "settings.py"),
            ("example.env", ".env"),
        ] {
            assert_eq!(template_target(t).as_deref(), Some(target), "{t}");
        }
        for p in [".env", "src/app.py", "examples/run.py", "default.conf"] {
            assert_eq!(template_target(p), None, "{p}");
        }
    }

    #[test]
    fn secret_files() {
        for p in [
            ".env",
            ".env.local",
            ".env.production.local",
            "id_rsa",
            "deploy/id_ed25519",
            "a/credentials.json",
            "x.tfstate",
            "k.p12",
        ] {
            assert_eq!(secret_file(p), Some(false), "{p}");
        }
        assert_eq!(secret_file("tls/server.pem"), Some(true));
        for p in [
            ".env.example",
            ".env.sample",
            "id_rsa.pub",
            "README.md",
            "environment.py",
        ] {
            assert_eq!(secret_file(p), None, "{p}");
        }
    }

    #[test]
    fn environments() {
        assert_eq!(environment(".env.production"), Some("production"));
        assert_eq!(environment("settings/dev.py"), Some("development"));
        assert_eq!(environment("charts/values-staging.yaml"), Some("staging"));
        assert_eq!(
            environment("appsettings.Development.json"),
            Some("development")
        );
        assert_eq!(environment("src/main.py"), None);
    }
}
