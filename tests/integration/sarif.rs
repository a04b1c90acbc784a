//! `--format sarif|junit|github` end to end: every SARIF log the tests produce
//! is validated against the vendored SARIF 2.1.0 schema and checked against
//! GitHub code scanning's upload constraints; outputs are compared with
//! snapshots in tests/expected/ with the volatile parts (version, durations,
//! and the catalog's rule texts, which the rules' authors edit) made stable.
use crate::util::*;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/sarif-schema-2.1.0.json"
        );
        let mut schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("vendored schema"))
                .expect("schema is JSON");
        // The vendored copy keeps the log's definition under `definitions/Root`;
        // without this reference the top level would accept anything.
        schema["$ref"] = Value::from("#/definitions/Root");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles")
    })
}

/// Parses a SARIF log and panics unless it is valid SARIF 2.1.0 that GitHub
/// code scanning accepts.
pub fn check_sarif(bytes: &[u8]) -> Value {
    let doc: Value = serde_json::from_slice(bytes).unwrap_or_else(|e| {
        panic!(
            "SARIF is not JSON ({e}): {}",
            String::from_utf8_lossy(bytes)
        )
    });
    let errors: Vec<String> = validator()
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
    // GitHub's limits: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
    // The upload limit is 10 MB gzip-compressed; checking the raw size is stricter.
    assert!(
        bytes.len() < 10 << 20,
        "SARIF larger than GitHub's 10 MB upload limit"
    );
    let runs = doc["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1, "one run");
    let run = &runs[0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(results.len() <= 25_000 && rules.len() <= 25_000);
    let mut ids = HashSet::new();
    for rule in rules {
        let id = rule["id"].as_str().expect("rule id");
        assert!(ids.insert(id), "rule id {id} twice");
        let tags: Vec<&str> = rule["properties"]["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            tags.contains(&"security") && tags.contains(&"secret") && tags.len() <= 20,
            "{tags:?}"
        );
        let sev: f64 = rule["properties"]["security-severity"]
            .as_str()
            .expect("security-severity string")
            .parse()
            .expect("number");
        assert!((0.0..=10.0).contains(&sev));
        assert!(
            rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty())
                && rule["help"]["markdown"].is_string()
        );
    }
    let used: HashSet<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert_eq!(
        used, ids,
        "the rules array holds exactly the rules that produced results"
    );
    for res in results {
        let i = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        assert!(res["partialFingerprints"]["stanch/v1"]
            .as_str()
            .is_some_and(|f| f.len() == 64));
        let art = &res["locations"][0]["physicalLocation"]["artifactLocation"];
        let uri = art["uri"].as_str().expect("uri");
        assert!(
            !uri.contains("://")
                && !uri.starts_with('/')
                && !uri.contains('\\')
                && !uri.contains(' '),
            "uri {uri:?} not relative and encoded"
        );
        assert_eq!(art["uriBaseId"], "%SRCROOT%");
    }
    doc
}

/// Replaces what changes without the format changing: the version, durations,
/// and each catalog rule's name and remediation (taken from `stanch rules`).
pub fn stable(dir: &TestDir, text: &str) -> String {
    let listing = dir
        .cmd()
        .args(["rules", "--format", "json"])
        .output()
        .expect("run stanch rules");
    let rules = json(&listing.stdout);
    let mut pairs: Vec<(String, String)> = Vec::new();
    for r in rules.as_array().expect("rule list") {
        let id = r["id"].as_str().expect("id");
        for field in ["remediation", "name"] {
            if let Some(v) = r[field].as_str().filter(|v| !v.is_empty()) {
                let placeholder = format!("<{field} of {id}>");
                // As written raw (text, GitHub), in XML and in JSON.
                let xml = v
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&apos;");
                let js = serde_json::to_string(v).expect("string serializes");
                pairs.push((v.to_string(), placeholder.clone()));
                pairs.push((xml, placeholder.clone()));
                pairs.push((js[1..js.len() - 1].to_string(), placeholder));
            }
        }
    }
    // Longest first: one rule's name may be part of another's.
    pairs.sort_by_key(|(v, _)| std::cmp::Reverse(v.len()));
    let mut s = text.replace(env!("CARGO_PKG_VERSION"), "VERSION");
    for (v, placeholder) in pairs {
        s = s.replace(&v, &placeholder);
    }
    let time = regex::Regex::new(r#"time="[0-9.]+""#).expect("regex");
    time.replace_all(&s, r#"time="T""#).into_owned()
}

fn tree(dir: &TestDir) {
    dir.write(
        "src/app config.py",
        format!("import os\n\nTOKEN = \"{}\"\n", github_pat()),
    );
    dir.write(
        "tools/ü.sh",
        format!("export A={}\nexport B={}\n", github_pat2(), github_pat()),
    );
}

stanch_test!(sarif_is_valid_and_matches_the_snapshot, |dir, cmd| {
    tree(&dir);
    let out = output_with(cmd.args(["scan", ".", "--format", "sarif"]), 1);
    let doc = check_sarif(&out.stdout);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    // Two secrets; the first is in two files.
    assert_eq!(results.len(), 2);
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"src/app%20config.py") && uris.contains(&"tools/%C3%BC.sh"),
        "{uris:?}"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains(&github_pat()) && !text.contains(&github_pat2()),
        "secret in SARIF"
    );
    expect_file("sarif/scan.sarif", &stable(&dir, &text));
});

stanch_test!(sarif_region_is_one_based_in_characters, |dir, cmd| {
    // Two non-ASCII characters before the token: columns count characters.
    dir.write("é.txt", format!("ééx = {}\n", github_pat()));
    let out = cmd
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    let doc = check_sarif(&out.stdout);
    let region = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    let len = github_pat().chars().count() as u64;
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], 7);
    assert_eq!(region["endColumn"].as_u64(), Some(7 + len));
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
});

stanch_test!(sarif_of_a_clean_tree_is_valid_and_empty, |dir, cmd| {
    dir.write("main.rs", "fn main() {}\n");
    let out = cmd.args(["scan", ".", "-f", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = check_sarif(&out.stdout);
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        doc["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );
});

stanch_test!(sarif_to_a_file_with_output, |dir, cmd| {
    tree(&dir);
    let out = cmd
        .args(["scan", "src", "tools", "-f", "sarif", "-o", "out.sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let doc = check_sarif(&std::fs::read(dir.path().join("out.sarif")).unwrap());
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 2);
});

stanch_test!(
    sarif_show_secrets_is_the_only_way_to_the_plaintext,
    |dir, cmd| {
        tree(&dir);
        let out = cmd
            .args(["scan", ".", "-f", "sarif", "--show-secrets"])
            .output()
            .unwrap();
        check_sarif(&out.stdout);
        assert!(String::from_utf8_lossy(&out.stdout).contains(&github_pat()));
    }
);

#[test]
fn the_schema_check_rejects_invalid_sarif() {
    // The validator must have teeth: a wrong version, a bad level and a
    // zero column each fail.
    let good = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "level": "error", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 1, "startColumn": 1}}}]}
    ]}]});
    assert!(validator().is_valid(&good));
    let mut bad = good.clone();
    bad["version"] = "2.0.0".into();
    assert!(!validator().is_valid(&bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = "critical".into();
    assert!(!validator().is_valid(&bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        0.into();
    assert!(!validator().is_valid(&bad));
    assert!(!validator().is_valid(&serde_json::json!({"runs": []})));
}

stanch_test!(junit_matches_the_snapshot, |dir, cmd| {
    tree(&dir);
    let out = cmd
        .args(["scan", ".", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(&github_pat()));
    assert_eq!(text.matches("<testcase ").count(), 2);
    expect_file("sarif/scan.junit.xml", &stable(&dir, &text));
});

stanch_test!(junit_of_a_clean_tree_has_one_passing_case, |dir, cmd| {
    dir.write("main.rs", "fn main() {}\n");
    let out = cmd
        .args(["scan", ".", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(r#"tests="1" failures="0""#) && !text.contains("<failure"),
        "{text}"
    );
});

stanch_test!(github_annotations_match_the_snapshot, |dir, cmd| {
    tree(&dir);
    let out = cmd
        .args(["scan", ".", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(&github_pat()));
    let commands: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 2, "{text}");
    // Tokens with a valid checksum score "high": errors.
    assert!(
        commands.iter().all(|c| c.starts_with("::error file=")),
        "{text}"
    );
    expect_file("sarif/scan.github.txt", &stable(&dir, &text));
});

stanch_test!(report_writes_more_formats_from_one_scan, |dir, cmd| {
    tree(&dir);
    let out = cmd
        .args([
            "scan",
            ".",
            "-f",
            "github",
            "--report",
            "sarif=out/x.sarif",
            "--report",
            "JSON=r.json",
        ])
        .output()
        .unwrap();
    // out/ does not exist: the error names the file and the run fails.
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("out/x.sarif"));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = dir
        .cmd()
        .args([
            "scan",
            "src",
            "tools",
            "-f",
            "github",
            "--report",
            "sarif=out/x.sarif",
            "--report",
            "JSON=r.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("::error file="));
    let doc = check_sarif(&std::fs::read(dir.path().join("out/x.sarif")).unwrap());
    let report = json(&std::fs::read(dir.path().join("r.json")).unwrap());
    assert_eq!(
        doc["runs"][0]["results"].as_array().unwrap().len(),
        report["findings"].as_array().unwrap().len()
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
});

stanch_test!(report_rejects_a_malformed_value, |dir, cmd| {
    dir.write("a.txt", "nothing\n");
    for bad in ["sarif", "yaml=x.yaml", "sarif="] {
        let out = dir
            .cmd()
            .args(["scan", ".", "--report", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--report"),
            "{bad}"
        );
    }
    cmd.args(["scan", ".", "--report", "junit=j.xml"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(dir.path().join("j.xml"))
        .unwrap()
        .contains("no secrets found"));
});

/// A history: `one` adds a token, `two` deletes it, `three` adds another.
fn history_repo(dir: &TestDir) -> std::path::PathBuf {
    use crate::action::{commit, git};
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    commit(
        &repo,
        "config/app.env",
        &format!("GH_TOKEN={}\n", github_pat()),
        "Add app config",
    );
    git(&repo, &["rm", "-q", "config/app.env"]);
    git(&repo, &["commit", "-q", "-m", "Remove app config"]);
    commit(
        &repo,
        "ci/deploy.sh",
        &format!("#!/bin/sh\nexport T={}\n", github_pat2()),
        "Add deploy script",
    );
    repo
}

stanch_test!(
    history_sarif_carries_commits_and_matches_the_snapshot,
    |dir, cmd| {
        let repo = history_repo(&dir);
        let out = output_with(cmd.args(["history", "repo", "--format", "sarif"]), 1);
        let doc = check_sarif(&out.stdout);
        let results = doc["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        let first = crate::action::git(&repo, &["rev-list", "--max-parents=0", "HEAD"]);
        let removed = results
            .iter()
            .find(|r| r["properties"]["commit"]["id"] == first.as_str())
            .expect("the first commit's token");
        assert_eq!(removed["properties"]["inHead"], false);
        assert_eq!(removed["properties"]["commit"]["author"], "Ada Lovelace");
        assert_eq!(
            removed["properties"]["commit"]["date"],
            "2024-01-02T03:04:05Z"
        );
        assert!(removed["message"]["text"]
            .as_str()
            .unwrap()
            .contains("No longer in HEAD"));
        assert_eq!(doc["runs"][0]["properties"]["commits"], 3);
        let text = String::from_utf8(out.stdout).unwrap();
        expect_file("sarif/history.sarif", &stable(&dir, &text));
    }
);

stanch_test!(history_annotations_match_the_snapshot, |dir, cmd| {
    history_repo(&dir);
    let out = cmd
        .args(["history", "repo", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    expect_file("sarif/history.github.txt", &stable(&dir, &text));
    let out = dir
        .cmd()
        .args(["history", "repo", "--format", "junit"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("status: not in HEAD"), "{text}");
    expect_file("sarif/history.junit.xml", &stable(&dir, &text));
});

stanch_test!(baseline_audit_rejects_report_formats, |dir, cmd| {
    dir.write("a.py", format!("T = \"{}\"\n", github_pat()));
    cmd.args(["baseline", "create"]).assert().code(0);
    for f in ["sarif", "junit", "github"] {
        let out = dir
            .cmd()
            .args(["baseline", "audit", "--list", "--format", f])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{f}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("text or json"),
            "{f}"
        );
    }
});
