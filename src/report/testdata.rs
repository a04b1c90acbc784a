//! Sample reports for the reporters' unit tests, and the SARIF checks they
//! share: validation against the vendored SARIF 2.1.0 schema and GitHub code
//! scanning's upload constraints. The secrets are made-up shapes that no rule
//! of the catalog matches.
use super::{Report, RuleMeta, Summary};
use crate::finding::{fingerprint, CommitInfo, Finding, Location, Secret};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The commit of the history sample.
pub(crate) const COMMIT_ID: &str = "0123456789abcdef0123456789abcdef01234567";

/// A report's inputs, owned.
pub(crate) struct Sample {
    pub findings: Vec<Finding>,
    pub rules: HashMap<String, RuleMeta>,
    pub summary: Summary,
    pub show_secrets: bool,
}

pub(crate) fn loc(path: &str, line: u32, column: u32, len: u32) -> Location {
    Location {
        path: path.to_string(),
        line,
        column,
        end_line: line,
        end_column: column + len,
        commit: None,
        layers: Vec::new(),
        path_bytes: None,
    }
}

pub(crate) fn finding(
    rule: &str,
    secret: &str,
    confidence: f64,
    locations: Vec<Location>,
) -> Finding {
    let secret = Secret::new(secret);
    Finding {
        fingerprint: fingerprint(rule, &secret),
        rule_id: Arc::from(rule),
        snippet: format!("key = \"{}\"", secret.redacted()),
        secret,
        confidence,
        entropy: 4.2,
        checksum_valid: None,
        locations,
        in_head: None,
        paired: None,
    }
}

fn meta(id: &str, name: &str, confidence: f64) -> RuleMeta {
    RuleMeta {
        id: id.to_string(),
        name: name.to_string(),
        remediation: "Revoke it at the issuer, then replace it.".to_string(),
        confidence,
    }
}

/// A secret of `n` characters, different for each `seed`.
pub(crate) fn secret(seed: usize, n: usize) -> String {
    let alphabet = b"Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVbNm";
    (0..n)
        .map(|i| alphabet[(seed * 7 + i * 13 + seed / 3) % alphabet.len()] as char)
        .collect()
}

impl Sample {
    fn new(findings: Vec<Finding>) -> Sample {
        let rules = [
            meta("sample-token", "Sample token", 0.95),
            meta("sample-key", "Sample key", 0.6),
            meta("sample-file", "Sample credentials file", 0.7),
        ]
        .into_iter()
        .map(|m| (m.id.clone(), m))
        .collect();
        let summary = Summary {
            mode: super::Mode::Scan,
            rules: 3,
            ..Summary::default()
        };
        Sample {
            findings,
            rules,
            summary,
            show_secrets: false,
        }
    }

    /// Three findings over two rules in a directory scan; one has two places.
    pub fn plain() -> Sample {
        let a = secret(1, 40);
        let b = secret(2, 24);
        let c = secret(3, 40);
        let mut s = Sample::new(vec![
            finding(
                "sample-token",
                &a,
                0.95,
                vec![
                    loc("src/config.py", 3, 9, 40),
                    loc("src/other file.py", 1, 1, 40),
                ],
            ),
            finding(
                "sample-key",
                &b,
                0.6,
                vec![loc("deploy/env.sh", 12, 20, 24)],
            ),
            finding("sample-token", &c, 0.9, vec![loc("docs/ü.md", 5, 2, 40)]),
        ]);
        s.summary.stats.scanned = 4;
        s.summary.stats.bytes = 1234;
        s
    }

    /// A history finding: introduced by a commit, gone from HEAD, seen twice.
    pub fn history() -> Sample {
        let commit = Arc::new(CommitInfo {
            id: COMMIT_ID.to_string(),
            author_name: "Ada Lovelace".to_string(),
            author_email: "ada@example.com".to_string(),
            date: "2024-01-02T03:04:05Z".to_string(),
            summary: "Add deploy script".to_string(),
            order: 3,
        });
        let mut l1 = loc("deploy.sh", 2, 7, 40);
        l1.commit = Some(commit.clone());
        let mut l2 = loc("old/deploy.sh", 2, 7, 40);
        l2.commit = Some(commit);
        let mut f = finding("sample-token", &secret(4, 40), 0.95, vec![l1, l2]);
        f.in_head = Some(false);
        let mut s = Sample::new(vec![f]);
        s.summary.mode = super::Mode::History;
        s.summary.commits = Some(7);
        s.summary.warnings = vec!["history truncated at 10 commits".to_string()];
        s
    }

    /// No findings.
    pub fn empty() -> Sample {
        Sample::new(Vec::new())
    }

    /// A file that should not be committed at all (path rule: line 0).
    pub fn path_only() -> Sample {
        let mut f = finding("sample-file", "", 0.7, vec![loc(".env", 0, 0, 0)]);
        f.snippet.clear();
        Sample::new(vec![f])
    }

    /// A secret found base64-decoded inside a member of an archive: a
    /// provenance chain of two layers.
    pub fn nested() -> Sample {
        let mut l = loc("dist/app.jar", 8, 13, 40);
        l.layers = vec![
            crate::blob::Layer::Member {
                path: "BOOT-INF/classes/application.yml".to_string(),
            },
            crate::blob::Layer::Decoded {
                encoding: "base64".to_string(),
                line: 8,
                column: 13,
                end_line: 8,
                end_column: 53,
            },
        ];
        Sample::new(vec![finding("sample-token", &secret(5, 40), 0.9, vec![l])])
    }

    /// `n` distinct findings, with varying confidence.
    pub fn many(n: usize) -> Sample {
        let findings = (0..n)
            .map(|i| {
                finding(
                    "sample-token",
                    &format!("{}{i}", secret(i, 30)),
                    0.5 + (i % 5) as f64 / 10.0,
                    vec![loc("big.txt", i as u32 + 1, 1, 40)],
                )
            })
            .collect();
        Sample::new(findings)
    }

    /// The report over this sample.
    pub fn report(&self) -> Report<'_> {
        Report {
            findings: &self.findings,
            rules: &self.rules,
            summary: &self.summary,
            show_secrets: self.show_secrets,
            color: false,
            practices: None,
        }
    }

    /// The report over this sample, written in `format`.
    pub fn render(&self, format: super::Format) -> String {
        let mut out = Vec::new();
        super::write(format, &self.report(), &mut out).expect("write to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/sarif-schema-2.1.0.json"
        );
        let text = std::fs::read_to_string(path).expect("vendored SARIF schema");
        let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
        // This copy of the schema keeps the log's own definition under
        // `definitions/Root`; point the top level at it, or nothing is checked.
        schema["$ref"] = Value::from("#/definitions/Root");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles")
    })
}

/// Panics with every schema violation of `doc`.
pub(crate) fn assert_valid_sarif(doc: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF invalid against the 2.1.0 schema:\n{}",
        errors.join("\n")
    );
}

/// Whether `doc` is valid (for tests that show the validator rejects things).
pub(crate) fn is_valid_sarif(doc: &Value) -> bool {
    validator().is_valid(doc)
}

/// Panics unless `doc` meets GitHub code scanning's upload limits and the
/// conventions its alert tracking relies on.
pub(crate) fn assert_github_constraints(doc: &Value) {
    let runs = doc["runs"].as_array().expect("runs");
    assert!(
        runs.len() <= 20,
        "GitHub accepts at most 20 runs per upload"
    );
    for run in runs {
        let results = run["results"].as_array().expect("results");
        assert!(results.len() <= 25_000, "more than 25,000 results in a run");
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert!(rules.len() <= 25_000, "more than 25,000 rules in a run");
        let mut ids = HashSet::new();
        for rule in rules {
            let id = rule["id"].as_str().expect("rule id");
            assert!(ids.insert(id), "rule id {id} not unique");
            let tags = rule["properties"]["tags"].as_array().expect("tags");
            assert!(tags.len() <= 20, "more than 20 tags on {id}");
            let sev: f64 = rule["properties"]["security-severity"]
                .as_str()
                .expect("security-severity is a string")
                .parse()
                .expect("a number");
            assert!((0.0..=10.0).contains(&sev));
            assert!(rule["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.len() <= 1024));
            assert!(rule["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.len() <= 1024));
        }
        for res in results {
            let i = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(
                rules[i]["id"], res["ruleId"],
                "ruleIndex points at another rule"
            );
            assert!(
                res["message"]["text"]
                    .as_str()
                    .is_some_and(|t| !t.is_empty()),
                "result without message text"
            );
            assert!(res["partialFingerprints"]["stanch/v1"]
                .as_str()
                .is_some_and(|f| f.len() == 64));
            let locs = res["locations"].as_array().expect("locations");
            assert_eq!(locs.len(), 1, "one location per result");
            let art = &locs[0]["physicalLocation"]["artifactLocation"];
            let uri = art["uri"].as_str().expect("uri");
            assert!(
                !uri.contains("://") && !uri.starts_with('/') && !uri.contains('\\'),
                "uri {uri} is not relative"
            );
            assert_eq!(art["uriBaseId"], "%SRCROOT%");
            assert!(locs[0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .is_some_and(|l| l >= 1));
        }
    }
}
