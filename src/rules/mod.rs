//! Rules as data: the model of a rule, loading of the embedded `rules/*.toml`
//! and of user rule files. Compiling rules into a matcher is the engine's job;
//! the lints, which run the engine over examples, live in `catalog`.
mod model;

pub use model::{RuleAllowlist, RuleFile, RuleSpec, CHECKSUMS, KEY_VALUE_CLASSES};

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The embedded rule files as (file name, TOML text).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_RULE_FILES
}

/// Parses one rule file's text; `name` is used in error messages.
pub fn parse_file(name: &str, text: &str) -> Result<Vec<RuleSpec>> {
    let file: RuleFile = toml::from_str(text).map_err(|e| Error::Rule {
        file: name.to_string(),
        rule: "?".to_string(),
        message: e.to_string().trim_end().replace('\n', " "),
    })?;
    Ok(file.rule)
}

/// A built-in rule as the build script lays it out (examples are left in the
/// embedded text: only the lints need them).
pub(crate) struct StaticRule {
    id: &'static str,
    name: &'static str,
    keywords: &'static [&'static str],
    regex: Option<&'static str>,
    path: Option<&'static str>,
    confidence: f64,
    entropy: Option<f64>,
    checksum: Option<&'static str>,
    window: Option<u32>,
    context_lines: Option<u32>,
    key_value: Option<&'static str>,
    pairs_with: &'static [&'static str],
    remediation: &'static str,
    secret_match: &'static [&'static str],
}

impl StaticRule {
    fn spec(&self) -> RuleSpec {
        let strings = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
        RuleSpec {
            id: self.id.to_string(),
            name: self.name.to_string(),
            keywords: strings(self.keywords),
            regex: self.regex.map(str::to_string),
            path: self.path.map(str::to_string),
            confidence: self.confidence,
            secret_match: strings(self.secret_match),
            entropy: self.entropy,
            checksum: self.checksum.map(str::to_string),
            window: self.window,
            context_lines: self.context_lines,
            key_value: self.key_value.map(str::to_string),
            pairs_with: strings(self.pairs_with),
            remediation: self.remediation.to_string(),
            examples: Vec::new(),
            negative_examples: Vec::new(),
            example_path: None,
            allowlist: None,
        }
    }
}

/// The literals the build script extracted from a built-in path regex:
/// `None` when `src` is not one, `Some(None)` when it has no usable literals.
pub(crate) fn builtin_needles(src: &str) -> Option<Option<&'static [&'static [u8]]>> {
    BUILTIN_PATH_NEEDLES
        .iter()
        .find(|(s, _)| *s == src)
        .map(|(_, n)| *n)
}

/// Every built-in rule, in file order, without examples (see `builtin_files`
/// for the full text). Parsed at build time, so this costs no TOML parsing.
pub fn builtin() -> Result<Vec<RuleSpec>> {
    Ok(BUILTIN_RULES.iter().map(StaticRule::spec).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each fault `problems` knows is told on its own, and a sound rule has none.
    #[test]
    fn problems_name_each_fault() {
        let ok: RuleSpec = toml::from_str(
            "id = 'acme-key'\nname = 'Acme'\nkeywords = ['acme_']\nregex = '(acme_[a-z]{8})'\nconfidence = 0.5\nchecksum = 'github'\n",
        )
        .expect("rule");
        assert_eq!(ok.problems(), Vec::<String>::new());
        type Spoil = fn(&mut RuleSpec);
        let faults: [(&str, Spoil); 9] = [
            ("kebab-case", |r| r.id = "Acme-key".into()),
            ("kebab-case", |r| r.id = "-acme".into()),
            ("kebab-case", |r| r.id = "acme-".into()),
            ("kebab-case", |r| r.id.clear()),
            ("confidence 1.5 is outside", |r| r.confidence = 1.5),
            ("confidence NaN is outside", |r| r.confidence = f64::NAN),
            ("needs a regex, a key_value class or a path", |r| {
                r.regex = None
            }),
            ("takes no regex", |r| r.key_value = Some("password".into())),
            (
                "unknown checksum \"crc\" (known: github, npm, gitlab-routable)",
                |r| r.checksum = Some("crc".into()),
            ),
        ];
        for (want, spoil) in faults {
            let mut r = ok.clone();
            spoil(&mut r);
            let got = r.problems();
            assert!(got.len() == 1 && got[0].contains(want), "{want}: {got:?}");
        }
        let mut r = ok.clone();
        (r.regex, r.key_value) = (None, Some("token".into()));
        assert_eq!(
            r.problems(),
            vec!["unknown key_value class \"token\" (known: password, secret)"]
        );
    }

    /// The build script's static catalog says what the rule files say.
    #[test]
    fn static_catalog_matches_the_files() {
        let mut parsed = Vec::new();
        for (name, text) in builtin_files() {
            parsed.extend(parse_file(name, text).expect("built-in rule file parses"));
        }
        let fast = builtin().expect("static rules");
        assert_eq!(parsed.len(), fast.len());
        for (p, f) in parsed.iter_mut().zip(&fast) {
            p.examples.clear();
            p.negative_examples.clear();
            p.example_path = None;
            p.allowlist = None;
            assert_eq!(p, f, "rule {}", p.id);
        }
    }

    #[test]
    fn catalog_is_broad_enough() {
        let rules = builtin().expect("built-in rules parse");
        let families: std::collections::HashSet<&str> = builtin_files()
            .iter()
            .map(|(n, _)| n.trim_end_matches(".toml"))
            .collect();
        assert!(rules.len() >= 450, "only {} rules", rules.len());
        assert!(
            families.len() >= 280,
            "only {} provider families",
            families.len()
        );
    }
}
