//! Rules as data: the model of a rule, loading of the embedded `rules/*.toml`
//! and of user rule files. Compiling rules into a matcher is the engine's job;
//! the lints, which run the engine over examples, live in `catalog`.
mod model;

pub use model::{
    RuleAllowlist, RuleFile, RuleSpec, Text, Texts, CHECKSUMS, IDENTIFIER_CLASSES,
    KEY_VALUE_CLASSES,
};
use std::borrow::Cow;

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The embedded rule files as (file name, TOML text).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_RULE_FILES
}

/// Parses one rule file's text; `name` is used in error messages.
pub fn parse_file(name: &str, text: &str) -> Result<Vec<RuleSpec>> {
    // Not the error's Display: it quotes the offending line, which in a rule
    // file is as likely as not an example secret.
    let file: RuleFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(String::new(), |span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: ")
        });
        Error::Rule {
            file: name.to_string(),
            rule: "?".to_string(),
            message: format!("{at}{}", crate::finding::redact_quoted(e.message())),
        }
    })?;
    Ok(file.rule)
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
/// for the full text). Parsed at build time, and the texts borrow from the
/// binary, so this costs no parsing and copies no string.
pub fn builtin() -> Result<Vec<RuleSpec>> {
    Ok(BUILTIN_RULES.to_vec())
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
            ("kebab-case", |r| r.id = "".into()),
            ("confidence 1.5 is outside", |r| r.confidence = 1.5),
            ("confidence NaN is outside", |r| r.confidence = f64::NAN),
            ("needs a regex, a key_value class or a path", |r| {
                r.regex = None
            }),
            ("takes no regex", |r| r.key_value = Some("password".into())),
            (
                "unknown checksum \"crc\" (known: github, npm, gitlab-routable, pypi-macaroon)",
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
            vec![
                "unknown key_value class \"token\" (known: password, secret, username, client-id)"
            ]
        );
    }

    /// What the build script embeds equals what the text says, every field
    /// but the examples, which are deliberately not embedded.
    fn assert_embedded_as_parsed(name: &str, text: &str, embedded: &[RuleSpec]) {
        let mut parsed = parse_file(name, text).expect("rule file parses");
        assert_eq!(parsed.len(), embedded.len(), "{name}");
        for (p, e) in parsed.iter_mut().zip(embedded) {
            p.examples = Cow::Borrowed(&[]);
            p.negative_examples = Cow::Borrowed(&[]);
            p.example_path = None;
            assert_eq!(p, e, "{name}: rule {}", p.id);
        }
    }

    /// The build script's static catalog says what the rule files say.
    #[test]
    fn static_catalog_matches_the_files() {
        let mut at = 0;
        for (name, text) in builtin_files() {
            let n = parse_file(name, text).expect("rule file parses").len();
            assert_embedded_as_parsed(name, text, &BUILTIN_RULES[at..at + n]);
            at += n;
        }
        assert_eq!(at, BUILTIN_RULES.len());
    }

    /// A rule that sets every field comes through the build script whole
    /// (issue 11: built-in allowlists were dropped, and the comparison above
    /// cannot notice a field no built-in rule uses).
    #[test]
    fn every_field_reaches_the_static_catalog() {
        let parsed = parse_file("every_field.toml", EVERY_FIELD_TEXT).expect("parses");
        // Named without `..`: a new field must be set in the test file too.
        let RuleSpec {
            id,
            name,
            keywords,
            regex,
            path,
            confidence,
            secret_match,
            entropy,
            checksum,
            window,
            context_lines,
            pairs_with,
            key_value,
            remediation,
            examples,
            negative_examples,
            example_path,
            allowlist,
        } = &parsed[0];
        let Some(RuleAllowlist {
            paths,
            regexes,
            stopwords,
            commits,
        }) = allowlist
        else {
            panic!("every_field.toml sets no allowlist");
        };
        let set = [
            !id.is_empty(),
            !name.is_empty(),
            !keywords.is_empty(),
            regex.is_some(),
            path.is_some(),
            *confidence != 0.0,
            !secret_match.is_empty(),
            entropy.is_some(),
            checksum.is_some(),
            window.is_some(),
            context_lines.is_some(),
            !pairs_with.is_empty(),
            key_value.is_some(),
            !remediation.is_empty(),
            !examples.is_empty(),
            !negative_examples.is_empty(),
            example_path.is_some(),
            !paths.is_empty(),
            !regexes.is_empty(),
            !stopwords.is_empty(),
            !commits.is_empty(),
        ];
        assert!(
            set.iter().all(|s| *s),
            "every_field.toml leaves a field unset: {set:?}"
        );
        assert_embedded_as_parsed("every_field.toml", EVERY_FIELD_TEXT, EVERY_FIELD_RULES);
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
