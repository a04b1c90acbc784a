//! Config allowlists: path globs (globset), regexes and stopwords matched
//! against the secret, and commit ids. One global list and one per rule. It
//! sees an occurrence's rule, paths, secret and commit id; never file
//! contents or git. Each entry counts its hits so that `--report-unused` can
//! name the stale ones.
use crate::finding::Secret;
use crate::rules::RuleAllowlist;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use regex::Regex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Compiled-size ceiling of an allowlist regex.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// An allowlist entry that does not compile.
#[derive(Debug, Clone)]
pub struct BadEntry {
    /// `paths` or `regexes`.
    pub field: &'static str,
    /// The entry as written (a glob or a regex, never a secret).
    pub value: String,
    /// What is wrong.
    pub message: String,
}

/// One compiled allowlist.
#[derive(Debug)]
pub struct Allowlist {
    /// Where it was written, for `--report-unused` (`allowlist`, `rule x: allowlist`).
    name: String,
    /// Whether the user wrote it (only those are reported as unused).
    user: bool,
    paths: GlobSet,
    path_src: Vec<String>,
    regexes: Vec<Regex>,
    stopwords: Vec<String>,
    commits: Vec<String>,
    /// Hits per entry: paths, then regexes, stopwords, commits.
    hits: Vec<AtomicU64>,
}

/// A path glob as users mean it: a pattern without `/` matches the name at any
/// depth (as in .gitignore); `*` does not cross `/`, `**` does.
fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    let p = pattern.trim_start_matches("./");
    let p = if p.contains('/') {
        p.trim_start_matches('/').to_string()
    } else {
        format!("**/{p}")
    };
    GlobBuilder::new(&p).literal_separator(true).build()
}

impl Allowlist {
    /// Compiles an allowlist; the first bad glob or regex is the error.
    pub fn new(name: &str, spec: &RuleAllowlist, user: bool) -> Result<Allowlist, BadEntry> {
        let mut set = GlobSetBuilder::new();
        for p in spec.paths.iter() {
            let g = glob(p).map_err(|e| BadEntry {
                field: "paths",
                value: p.to_string(),
                message: format!("bad glob {p:?}: {}", e.kind()),
            })?;
            set.add(g);
        }
        let paths = set.build().map_err(|e| BadEntry {
            field: "paths",
            value: String::new(),
            message: e.to_string(),
        })?;
        let mut regexes = Vec::new();
        for r in spec.regexes.iter() {
            let re = regex::RegexBuilder::new(r)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| BadEntry {
                    field: "regexes",
                    value: r.to_string(),
                    message: format!(
                        "bad regex {r:?}: {}",
                        crate::error::one_line(&e.to_string())
                    ),
                })?;
            regexes.push(re);
        }
        let n = spec.paths.len() + spec.regexes.len() + spec.stopwords.len() + spec.commits.len();
        Ok(Allowlist {
            name: name.to_string(),
            user,
            paths,
            path_src: spec.paths.iter().map(|p| p.to_string()).collect(),
            regexes,
            stopwords: spec.stopwords.iter().map(|s| s.to_lowercase()).collect(),
            commits: spec
                .commits
                .iter()
                .map(|c| c.trim().to_ascii_lowercase())
                .collect(),
            hits: (0..n).map(|_| AtomicU64::new(0)).collect(),
        })
    }

    fn hit(&self, i: usize) -> bool {
        self.hits[i].fetch_add(1, Ordering::Relaxed);
        true
    }

    /// Whether the list lets an occurrence through (drops it); `paths` are
    /// the forms of its path to try (as reported, and relative to the repository).
    pub fn allows(&self, paths: &[&str], secret: &Secret, commit: Option<&str>) -> bool {
        let mut base = 0;
        for p in paths {
            if let Some(&i) = self.paths.matches(p).first() {
                return self.hit(base + i);
            }
        }
        base += self.path_src.len();
        let plain = secret.expose();
        if let Some(i) = self.regexes.iter().position(|r| r.is_match(plain)) {
            return self.hit(base + i);
        }
        base += self.regexes.len();
        if !self.stopwords.is_empty() {
            let lower = plain.to_lowercase();
            if let Some(i) = self
                .stopwords
                .iter()
                .position(|s| lower.contains(s.as_str()))
            {
                return self.hit(base + i);
            }
        }
        base += self.stopwords.len();
        if let Some(c) = commit {
            let c = c.to_ascii_lowercase();
            if let Some(i) = self
                .commits
                .iter()
                .position(|p| !p.is_empty() && c.starts_with(p.as_str()))
            {
                return self.hit(base + i);
            }
        }
        false
    }

    /// Entries the user wrote that matched nothing; commit entries only when
    /// the run saw commits (a plain scan cannot use them).
    pub fn unused(&self, saw_commits: bool) -> Vec<String> {
        if !self.user {
            return Vec::new();
        }
        let regex_src = self.regexes.iter().map(|r| r.as_str().to_string());
        let entries: Vec<(&str, String)> = self
            .path_src
            .iter()
            .map(|p| ("paths", p.clone()))
            .chain(regex_src.map(|r| ("regexes", r)))
            .chain(self.stopwords.iter().map(|s| ("stopwords", s.clone())))
            .chain(self.commits.iter().map(|c| ("commits", c.clone())))
            .collect();
        entries
            .into_iter()
            .enumerate()
            .filter(|(i, (field, _))| {
                self.hits[*i].load(Ordering::Relaxed) == 0 && (saw_commits || *field != "commits")
            })
            .map(|(_, (field, v))| format!("{}.{field} {v:?} matched nothing", self.name))
            .collect()
    }
}

/// The global allowlist and the per-rule ones.
#[derive(Debug, Default)]
pub struct Allowlists {
    global: Option<Allowlist>,
    per_rule: HashMap<String, Allowlist>,
}

impl Allowlists {
    /// Builds the set from the global list and (rule id, list) pairs.
    pub fn new(global: Option<Allowlist>, per_rule: Vec<(String, Allowlist)>) -> Self {
        Allowlists {
            global,
            per_rule: per_rule.into_iter().collect(),
        }
    }

    /// Whether any list is present.
    pub fn is_empty(&self) -> bool {
        self.global.is_none() && self.per_rule.is_empty()
    }

    /// Whether the global list or the rule's own list drops the occurrence.
    pub fn allows(
        &self,
        rule_id: &str,
        paths: &[&str],
        secret: &Secret,
        commit: Option<&str>,
    ) -> bool {
        self.global
            .as_ref()
            .is_some_and(|g| g.allows(paths, secret, commit))
            || self
                .per_rule
                .get(rule_id)
                .is_some_and(|a| a.allows(paths, secret, commit))
    }

    /// Every user entry that matched nothing, sorted.
    pub fn unused(&self, saw_commits: bool) -> Vec<String> {
        let mut out: Vec<String> = self
            .global
            .iter()
            .chain(self.per_rule.values())
            .flat_map(|a| a.unused(saw_commits))
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(paths: &[&str], regexes: &[&str], stop: &[&str], commits: &[&str]) -> Allowlist {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string().into()).collect();
        Allowlist::new(
            "allowlist",
            &RuleAllowlist {
                paths: s(paths),
                regexes: s(regexes),
                stopwords: s(stop),
                commits: s(commits),
            },
            true,
        )
        .unwrap()
    }

    #[test]
    fn paths_use_gitignore_like_globs() {
        let a = list(&["fixtures/**", "*.lock", "src/*.rs"], &[], &[], &[]);
        let s = Secret::new("x");
        assert!(a.allows(&["fixtures/a/b.txt"], &s, None));
        assert!(a.allows(&["deep/dir/Cargo.lock"], &s, None));
        assert!(a.allows(&["src/a.rs"], &s, None));
        assert!(!a.allows(&["src/sub/a.rs"], &s, None));
        assert!(!a.allows(&["other/fixtures/x"], &s, None));
        assert!(a.unused(false).is_empty());
    }

    #[test]
    fn regexes_stopwords_commits() {
        let a = list(&[], &["^AKIA.*EXAMPLE$"], &["dummy"], &["abc1234"]);
        assert!(a.allows(&["f"], &Secret::new("AKIAIOSFODNN7EXAMPLE"), None));
        assert!(a.allows(&["f"], &Secret::new("tok_DuMmY_123"), None));
        assert!(!a.allows(&["f"], &Secret::new("tok_real_123"), None));
        assert!(a.allows(&["f"], &Secret::new("tok_real_123"), Some("ABC1234def")));
        assert!(!a.allows(&["f"], &Secret::new("tok_real_123"), Some("fff")));
    }

    #[test]
    fn unused_entries() {
        let a = list(&["a/**", "b/**"], &[], &["zzz"], &["abc"]);
        assert!(a.allows(&["a/x"], &Secret::new("s"), None));
        assert_eq!(
            a.unused(false),
            vec![
                "allowlist.paths \"b/**\" matched nothing".to_string(),
                "allowlist.stopwords \"zzz\" matched nothing".to_string()
            ]
        );
        assert_eq!(a.unused(true).len(), 3);
    }

    #[test]
    fn bad_entries_are_errors() {
        let bad = Allowlist::new(
            "allowlist",
            &RuleAllowlist {
                regexes: vec!["(".into()].into(),
                ..Default::default()
            },
            true,
        )
        .unwrap_err();
        assert_eq!(bad.field, "regexes");
        let bad = Allowlist::new(
            "allowlist",
            &RuleAllowlist {
                paths: vec!["a/[".into()].into(),
                ..Default::default()
            },
            true,
        )
        .unwrap_err();
        assert_eq!(bad.field, "paths");
    }
}
