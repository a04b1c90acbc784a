//! Rule lints, shared by the test suite and `stanch rules check`: every problem
//! names the file and the rule. Examples are checked through the whole engine
//! (prefilter, regex, entropy, scoring), not the regex alone.
//!
//! It sits above both `rules` (the data) and `engine` (which runs it), so
//! that `rules` stays data plus validation and the engine, which depends on
//! `rules`, never depends back on the lints (issue 11).
use crate::engine::{check_regexes, Engine, DEFAULT_MIN_CONFIDENCE};
use crate::rules::{parse_file, RuleSpec};
use crate::suppress::allowlist::Allowlist;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: String,
    /// The rule id (`?` when the file did not parse).
    pub rule: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: rule {}: {}", self.file, self.rule, self.message)
    }
}

/// Lints rule files given as (name, text). Negative examples must be found by
/// no rule of the files nor of `others` (typically the built-in catalog; rules
/// whose ids the files define again are replaced).
pub fn lint_files(files: &[(String, String)], others: Vec<RuleSpec>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut mine: Vec<(String, RuleSpec)> = Vec::new();
    for (name, text) in files {
        match parse_file(name, text) {
            Ok(rules) => mine.extend(rules.into_iter().map(|r| (name.clone(), r))),
            Err(e) => problems.push(Problem {
                file: name.clone(),
                rule: "?".into(),
                message: match e {
                    crate::error::Error::Rule { message, .. } => message,
                    e => e.to_string(),
                },
            }),
        }
    }
    let mut ids = HashSet::new();
    for (file, r) in &mine {
        if !ids.insert(r.id.clone()) {
            problems.push(problem(file, r, "duplicate rule id"));
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    let mut all: Vec<RuleSpec> = others
        .into_iter()
        .filter(|r| !ids.contains(&r.id))
        .collect();
    let known: HashSet<String> = all
        .iter()
        .map(|r| r.id.to_string())
        .chain(ids.into_iter().map(Cow::into_owned))
        .collect();
    // The engine refuses a rule with problems: such a rule is linted without
    // it, and its examples are not run.
    let mut in_engine: Vec<Option<usize>> = Vec::with_capacity(mine.len());
    for (_, r) in &mine {
        if r.problems().is_empty() {
            in_engine.push(Some(all.len()));
            all.push(r.clone());
        } else {
            in_engine.push(None);
        }
    }
    let engine = match Engine::new(all) {
        Ok(e) => e,
        Err(e) => {
            return vec![Problem {
                file: files.first().map(|f| f.0.clone()).unwrap_or_default(),
                rule: "?".into(),
                message: e.to_string(),
            }]
        }
    };
    let mut last_id: Option<(&str, &str)> = None;
    for ((file, r), slot) in mine.iter().zip(in_engine) {
        let mut p = |m: String| problems.push(problem(file, r, &m));
        if let Some((lf, lid)) = last_id {
            if lf == file && lid > &*r.id {
                p(format!(
                    "rules are not sorted by id ({lid:?} comes before it)"
                ));
            }
        }
        last_id = Some((file, &r.id));
        r.problems().into_iter().for_each(&mut p);
        static_checks(file, r, &mut p);
        for other in r.pairs_with.iter() {
            if !known.contains(other.as_ref()) {
                p(format!("pairs_with names no rule: {other:?}"));
            }
        }
        if let Some(a) = &r.allowlist {
            // A built-in allowlist that does not compile would stop every run.
            if let Err(bad) = Allowlist::new(&format!("rule {}: allowlist", r.id), a, false) {
                p(format!("allowlist.{}: {}", bad.field, bad.message));
            }
        }
        let compiled = match slot {
            Some(ri) => engine.rules()[ri].check_compiles(),
            None => check_regexes(r),
        };
        if let Err(e) = compiled {
            p(e);
            continue;
        }
        let Some(ri) = slot else { continue };
        // An identifier rule is never matched on its own: its examples are
        // read as the engine reads them beside a secret, over the whole text.
        let identified = |text: &str| {
            !engine
                .identifiers(ri, text.as_bytes(), 0..text.len())
                .is_empty()
        };
        for ex in r.examples.iter() {
            let (path, text) = example_input(r, ex);
            let found = if r.is_identifier() {
                identified(text)
            } else {
                engine
                    .scan(path, text.as_bytes())
                    .iter()
                    .any(|c| c.rule == ri && c.score.confidence >= DEFAULT_MIN_CONFIDENCE)
            };
            if !found {
                p(format!(
                    "example not found through the engine: {}",
                    shorten(ex)
                ));
            }
        }
        for ex in r.negative_examples.iter() {
            let (path, text) = example_input(r, ex);
            if r.is_identifier() && identified(text) {
                p(format!(
                    "negative example is read as an identifier: {}",
                    shorten(ex)
                ));
            }
            for c in engine.scan(path, text.as_bytes()) {
                if c.score.confidence >= DEFAULT_MIN_CONFIDENCE {
                    let by = &engine.rules()[c.rule].spec.id;
                    p(format!(
                        "negative example is found by rule {by} (confidence {:.2}): {}",
                        c.score.confidence,
                        shorten(ex)
                    ));
                }
            }
        }
        if r.is_path_only() {
            continue;
        }
        for ex in r.examples.iter() {
            let lower = ex.to_ascii_lowercase();
            if !r
                .keywords
                .iter()
                .any(|k| lower.contains(&k.to_ascii_lowercase()))
            {
                p(format!(
                    "example holds none of the keywords, so the prefilter would hide it: {}",
                    shorten(ex)
                ));
            }
        }
    }
    problems
}

fn problem(file: &str, r: &RuleSpec, message: &str) -> Problem {
    Problem {
        file: file.to_string(),
        rule: r.id.to_string(),
        message: message.to_string(),
    }
}

/// The (path, content) an example is scanned as.
fn example_input<'a>(r: &'a RuleSpec, ex: &'a str) -> (&'a str, &'a str) {
    if r.is_path_only() {
        (ex, "")
    } else {
        (r.example_path.as_deref().unwrap_or(""), ex)
    }
}

/// What a catalog rule owes beyond `RuleSpec::problems`: a family prefix, a
/// name and a remediation, keywords the prefilter can use, examples.
fn static_checks(file: &str, r: &RuleSpec, p: &mut impl FnMut(String)) {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if file.ends_with(".toml")
        && !stem.is_empty()
        && !stem.starts_with('.')
        && !r.id.starts_with(&format!("{stem}-"))
    {
        p(format!(
            "id must start with the file's family {stem:?} and a dash"
        ));
    }
    if r.name.trim().is_empty() {
        p("name is empty".into());
    }
    if r.remediation.trim().is_empty() {
        p("remediation is empty: say where and how to revoke or rotate it".into());
    }
    if r.reads_content() && r.keywords.is_empty() {
        p("a content rule needs keywords (the prefilter runs its regex only near them)".into());
    }
    for k in r.keywords.iter() {
        if k.len() < 3 || !k.is_ascii() {
            p(format!(
                "keyword {k:?} must be ASCII and at least 3 characters"
            ));
        }
    }
    if r.regex.is_some() && r.path.is_some() && r.example_path.is_none() {
        p("a path-restricted content rule needs example_path".into());
    }
    if r.examples.len() < 2 {
        p("needs at least two examples".into());
    }
    if r.negative_examples.is_empty() {
        p("needs at least one negative example".into());
    }
}

/// An example as a problem names it: redacted like a finding, since an
/// example is a secret's shape and `rules check` output lands in CI logs;
/// the prefix and suffix are enough to tell which one.
fn shorten(s: &str) -> String {
    crate::finding::redact(s).replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{builtin, builtin_files, builtin_needles};

    /// What the build script embedded is what the engine would extract now.
    #[test]
    fn embedded_path_literals_match_the_engine() {
        let specs = builtin().expect("built-in rules");
        let paths: Vec<&str> = specs.iter().filter_map(|r| r.path.as_deref()).collect();
        assert!(paths.len() >= 10);
        for src in paths {
            let embedded = builtin_needles(src)
                .unwrap_or_else(|| panic!("{src} not embedded"))
                .map(|n| n.iter().map(|l| l.to_vec()).collect::<Vec<_>>());
            assert_eq!(embedded, crate::engine::needles::needles(src), "{src}");
        }
        assert_eq!(builtin_needles("not/a/built-in$"), None);
    }

    /// Every built-in rule's examples are found by it through the whole engine,
    /// and no negative example is found by any rule (see `lint_files`).
    #[test]
    fn builtin_rules_pass_every_lint() {
        let files: Vec<(String, String)> = builtin_files()
            .iter()
            .map(|(n, t)| (format!("rules/{n}"), t.to_string()))
            .collect();
        let problems = lint_files(&files, Vec::new());
        let listed: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            problems.is_empty(),
            "{} problem(s):\n{}",
            problems.len(),
            listed.join("\n")
        );
    }

    /// A rule's allowlist is compiled by the lints: a bad one in a built-in
    /// rule would stop every run.
    #[test]
    fn lint_compiles_allowlists() {
        let text = "[[rule]]\nid='a-x'\nname='x'\nconfidence=0.5\npath='x'\n[rule.allowlist]\npaths=['bad/[']\n";
        let p = lint_files(
            &[("rules/a.toml".to_string(), text.to_string())],
            Vec::new(),
        );
        assert!(
            p.iter()
                .any(|p| p.rule == "a-x" && p.message.starts_with("allowlist.paths: bad glob")),
            "{p:?}"
        );
    }

    #[test]
    fn lint_reports_file_and_rule() {
        let bad = r#"
[[rule]]
id = "demo-broken"
name = "Broken"
keywords = ["zz"]
regex = '''(demo_[a-z'''
confidence = 1.5
remediation = ""
examples = ["nothing here"]
negative_examples = []
"#;
        let problems = lint_files(
            &[("rules/demo.toml".to_string(), bad.to_string())],
            Vec::new(),
        );
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let all = text.join("\n");
        for needle in [
            "bad regex",
            "confidence 1.5",
            "remediation is empty",
            "at least two examples",
            "negative example",
            "at least 3 characters",
        ] {
            assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
        }
        assert!(
            text.iter()
                .all(|t| t.starts_with("rules/demo.toml: rule demo-broken:")),
            "{all}"
        );
        let dup = "[[rule]]\nid='a-x'\nname='x'\nconfidence=0.5\npath='x'\n[[rule]]\nid='a-x'\nname='x'\nconfidence=0.5\npath='y'\n";
        let p = lint_files(&[("rules/a.toml".to_string(), dup.to_string())], Vec::new());
        assert!(p.iter().any(|p| p.message.contains("duplicate rule id")));
        let unknown = "[[rule]]\nid='a-x'\nname='x'\nconfidence=0.5\npath='x'\nbogus=1\n";
        let p = lint_files(
            &[("rules/a.toml".to_string(), unknown.to_string())],
            Vec::new(),
        );
        assert!(p[0].message.contains("bogus"), "{:?}", p);
    }
}
