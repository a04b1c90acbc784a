//! Properties that need the built binary (issue "hardening"): scanning a
//! file whole and as the added lines of a diff gives the same findings, and
//! the report in every format round-trips through its parser (JSON, SARIF
//! against the 2.1.0 schema, JUnit XML) to the same findings. Few cases:
//! each one runs git and stanch several times. Planted secrets are random
//! and built at run time.
use crate::sarif::check_sarif;
use crate::util::*;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// A random token of a distinctive shape: a GitHub classic PAT with a valid
/// checksum, or a Stripe live secret key. Draws a scorer would rightly call
/// a placeholder (a run, a sequence, a word like `fake`) are avoided by
/// keeping to letters and digits that spell none.
fn token() -> impl Strategy<Value = String> {
    let body = |n: std::ops::RangeInclusive<usize>| {
        proptest::collection::vec(
            proptest::sample::select(b"2345789BCDFGHJKLMNPQRSTVWXZbcdfghjkmnpqrstvwz".to_vec()),
            n,
        )
        .prop_map(|v| String::from_utf8(v).expect("ASCII"))
        .prop_filter("no run of equal characters", |s| {
            s.as_bytes()
                .windows(3)
                .all(|w| w[0] != w[1] || w[1] != w[2])
        })
    };
    prop_oneof![
        body(30..=30).prop_map(|b| with_checksum(&join(&["gh", "p_"]), &b)),
        body(24..=60).prop_map(|b| join(&["sk_", "live_", &b])),
    ]
}

/// Lines that no rule reports, to surround the planted ones.
fn plain_line() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "fn main() {}",
        "let x = 1;",
        "",
        "# a comment",
        "    indented text, with punctuation: (a) [b] {c}",
        "name = \"widget\"",
        "çà et là",
    ])
    .prop_map(str::to_string)
}

/// A line holding `token` after some harmless text.
fn secret_line(token: String) -> impl Strategy<Value = String> {
    proptest::sample::select(vec!["", "t = ", "  key: \"", "export A=", "x ("])
        .prop_map(move |pre| format!("{pre}{token}"))
}

/// Old content (no secret), and new content: the old lines with lines
/// holding secrets inserted at random places; each line ends in LF or CRLF.
#[derive(Debug, Clone)]
struct Change {
    old: Vec<String>,
    new: Vec<String>,
    tokens: BTreeSet<String>,
    crlf: bool,
}

fn change() -> impl Strategy<Value = Change> {
    (
        proptest::collection::vec(plain_line(), 0..15),
        proptest::collection::vec(
            token().prop_flat_map(|t| (Just(t.clone()), secret_line(t))),
            1..4,
        ),
        proptest::collection::vec(any::<prop::sample::Index>(), 3),
        any::<bool>(),
    )
        .prop_map(|(old, secrets, places, crlf)| {
            let mut new = old.clone();
            let mut tokens = BTreeSet::new();
            for ((t, s), at) in secrets.into_iter().zip(places) {
                let i = at.index(new.len() + 1);
                new.insert(i, s);
                tokens.insert(t);
            }
            Change {
                old,
                new,
                tokens,
                crlf,
            }
        })
}

fn text(lines: &[String], crlf: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    lines.iter().map(|l| format!("{l}{end}")).collect()
}

/// What identifies a finding's primary place: rule, line, columns, fingerprint.
type Place = (String, u64, u64, u64, String);

fn places(report: &Value) -> BTreeSet<Place> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().expect("rule").to_string(),
                f["line"].as_u64().expect("line"),
                f["column"].as_u64().expect("column"),
                f["end_column"].as_u64().expect("end column"),
                f["fingerprint"].as_str().expect("fingerprint").to_string(),
            )
        })
        .collect()
}

/// Runs stanch with `args` in `dir`, expecting findings (exit 1).
fn stanch_json(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut cmd = assert_cmd::Command::cargo_bin("stanch").expect("binary built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("STANCH_CONFIG")
        .args(args);
    let out = output_with(&mut cmd, 1);
    json(&out.stdout)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_file_scanned_whole_and_as_the_added_lines_of_a_diff_gives_the_same_findings(
        c in change()
    ) {
        let dir = TestDir::new();
        let g = Git::init(&dir.path().join("repo"));
        g.write("app/settings.conf", text(&c.old, c.crlf));
        g.commit("old");
        g.write("app/settings.conf", text(&c.new, c.crlf));
        g.run(&["add", "app/settings.conf"]);
        let staged = stanch_json(&g.dir, &["staged", "-f", "json"]);
        let whole = stanch_json(&g.dir, &["scan", "app/settings.conf", "-f", "json"]);
        let (s, w) = (places(&staged), places(&whole));
        prop_assert!(!w.is_empty());
        prop_assert_eq!(&s, &w);
        // And where each secret was planted.
        let at: BTreeSet<(u64, u64)> = c
            .new
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let col = l
                    .find(&join(&["gh", "p_"]))
                    .or_else(|| l.find(&join(&["sk_", "live_"])))?;
                Some((i as u64 + 1, l[..col].chars().count() as u64 + 1))
            })
            .collect();
        let found: BTreeSet<(u64, u64)> = w.iter().map(|p| (p.1, p.2)).collect();
        // The same secret planted twice is one finding, at its first place.
        prop_assert!(found.is_subset(&at), "{:?} not within {:?}", found, at);
        prop_assert_eq!(w.len(), c.tokens.len());
        prop_assert_eq!(staged["summary"]["mode"].as_str(), Some("staged"));
    }

    #[test]
    fn every_format_round_trips_through_its_parser(
        files in proptest::collection::vec(
            ("f[a-z0-9 &<>'\"é_-]{0,10}", proptest::collection::vec(plain_line(), 0..6), token()),
            1..4,
        )
    ) {
        let dir = TestDir::new();
        let mut planted = BTreeSet::new();
        for (i, (name, lines, tok)) in files.iter().enumerate() {
            let mut lines = lines.clone();
            let at = lines.len() / 2;
            lines.insert(at, format!("value = {tok}"));
            dir.write(&format!("tree/d{i}/{name}.txt"), text(&lines, false));
            planted.insert(tok.clone());
        }
        let out = output_with(
            dir.cmd().args([
                "scan", "tree", "-f", "json", "--report", "sarif=r.sarif",
                "--report", "junit=r.xml",
            ]),
            1,
        );
        let report = json(&out.stdout);
        let findings = report["findings"].as_array().expect("findings").clone();
        prop_assert_eq!(findings.len(), planted.len());
        let stdout = String::from_utf8_lossy(&out.stdout);
        for t in &planted {
            prop_assert!(!stdout.contains(t.as_str()), "a secret in the JSON report");
        }

        // SARIF: valid 2.1.0, one result per finding, same fingerprint and region.
        let sarif_bytes = std::fs::read(dir.path().join("r.sarif")).expect("SARIF written");
        let sarif = check_sarif(&sarif_bytes);
        let results = sarif["runs"][0]["results"].as_array().expect("results").clone();
        prop_assert_eq!(results.len(), findings.len());
        for f in &findings {
            let fp = f["fingerprint"].as_str().expect("fingerprint");
            let r = results
                .iter()
                .find(|r| r["partialFingerprints"]["stanch/v1"] == fp);
            prop_assert!(r.is_some(), "no SARIF result for {}", fp);
            let r = r.expect("checked");
            prop_assert_eq!(&r["ruleId"], &f["rule_id"]);
            let loc = &r["locations"][0]["physicalLocation"];
            prop_assert_eq!(
                percent_decoded(loc["artifactLocation"]["uri"].as_str().expect("uri")),
                f["path"].as_str().expect("path")
            );
            prop_assert_eq!(&loc["region"]["startLine"], &f["line"]);
            prop_assert_eq!(&loc["region"]["startColumn"], &f["column"]);
            prop_assert_eq!(&loc["region"]["endColumn"], &f["end_column"]);
        }
        let sarif_text = String::from_utf8_lossy(&sarif_bytes);
        for t in &planted {
            prop_assert!(!sarif_text.contains(t.as_str()), "a secret in the SARIF report");
        }

        // JUnit: well-formed XML, one failing test case per finding.
        let xml = std::fs::read_to_string(dir.path().join("r.xml")).expect("JUnit written");
        let doc = roxmltree::Document::parse(&xml);
        prop_assert!(doc.is_ok(), "JUnit is not XML: {:?}\n{}", doc.err(), xml);
        let doc = doc.expect("checked");
        let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
        let failures: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("failure")).collect();
        prop_assert_eq!(cases.len(), findings.len());
        prop_assert_eq!(failures.len(), findings.len());
        let suite = doc.descendants().find(|n| n.has_tag_name("testsuite")).expect("suite");
        prop_assert_eq!(suite.attribute("failures").map(str::to_string), Some(findings.len().to_string()));
        for f in &findings {
            let fp = f["fingerprint"].as_str().expect("fingerprint");
            let case = cases.iter().find(|c| {
                c.descendants()
                    .any(|n| n.text().is_some_and(|t| t.contains(&format!("fingerprint: {fp}"))))
            });
            prop_assert!(case.is_some(), "no test case for {}", fp);
            let case = case.expect("checked");
            prop_assert_eq!(case.attribute("file"), f["path"].as_str());
            prop_assert_eq!(case.attribute("line").map(str::to_string), Some(f["line"].to_string()));
            prop_assert_eq!(
                case.attribute("classname").map(str::to_string),
                Some(format!("stanch.{}", f["rule_id"].as_str().expect("rule")))
            );
        }
        for t in &planted {
            prop_assert!(!xml.contains(t.as_str()), "a secret in the JUnit report");
        }
    }
}

/// Undoes the percent-encoding of a SARIF artifact URI.
fn percent_decoded(uri: &str) -> String {
    let b = uri.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("ASCII");
            out.push(u8::from_str_radix(hex, 16).expect("a percent escape"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 path")
}
