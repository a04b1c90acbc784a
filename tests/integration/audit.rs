//! `stanch audit` end to end, on the fixture repositories built from the
//! guides' bad and good examples (fixtures/audit/): every bad example is
//! flagged by the right check, every good one passes; the config, inline
//! allow comments, `--fail-on`, and every output format.
use crate::util::*;
use serde_json::Value;
use std::path::Path;

/// Copies a fixture into `dir/repo`, installs its ignore file and commits it.
fn fixture(dir: &TestDir, name: &str) -> Git {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/audit")
        .join(name);
    let dst = dir.path().join("repo");
    copy(&src, &dst);
    std::fs::rename(dst.join("gitignore"), dst.join(".gitignore")).expect("rename gitignore");
    let g = Git::init(&dst);
    g.commit("fixture");
    g
}

fn copy(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).expect("mkdir");
    for e in std::fs::read_dir(src).expect("read fixture") {
        let e = e.expect("entry");
        let to = dst.join(e.file_name());
        if e.path().is_dir() {
            copy(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

fn audit(g: &Git, args: &[&str]) -> (i32, String, String) {
    run(g
        .stanch(&g.dir)
        .env("LANG", "C.UTF-8")
        .arg("audit")
        .args(args))
}

fn audit_json(g: &Git, args: &[&str]) -> (i32, Value) {
    let (code, out, err) = audit(g, &[&["-f", "json"], args].concat());
    assert!(!err.contains("panicked"), "{err}");
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}")),
    )
}

/// (item, status) of the checklist.
fn statuses(doc: &Value) -> Vec<(u64, String)> {
    doc["practices"]
        .as_array()
        .expect("practices")
        .iter()
        .map(|i| {
            (
                i["item"].as_u64().unwrap(),
                i["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (rule id, path, line) of every practice finding.
fn practice_findings(doc: &Value) -> Vec<(String, String, u64)> {
    let mut out: Vec<(String, String, u64)> = doc["practices"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["findings"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

stanch_test!(every_bad_example_of_the_guides_is_flagged, |dir, _cmd| {
    let g = fixture(&dir, "bad");
    let (code, doc) = audit_json(&g, &[]);
    assert_eq!(code, 1);
    let s = statuses(&doc);
    for item in 1..=8 {
        assert!(s.contains(&(item, "fail".into())), "item {item}: {s:?}");
    }
    assert!(s.contains(&(9, "hint".into())), "{s:?}");
    let f = practice_findings(&doc);
    let expect = [
        ("practice-secret-file-committed", ".env", 0),
        ("practice-secret-file-committed", ".env.development", 0),
        ("practice-template-real-secret", ".env.example", 3),
        ("practice-secret-in-log", "app/config.py", 13),
        ("practice-secret-in-log", "app/config.py", 14),
        ("practice-secret-in-error", "app/config.py", 19),
        ("practice-secret-in-error", "app/config.py", 24),
        ("practice-default-secret", "app/config.py", 7),
        ("practice-default-secret", "app/config.py", 8),
        ("practice-container-literal-secret", "Dockerfile", 2),
        ("practice-dockerfile-secret-arg", "Dockerfile", 3),
        (
            "practice-container-literal-secret",
            "docker-compose.prod.yml",
            5,
        ),
        (
            "practice-ci-literal-secret",
            ".github/workflows/deploy.yml",
            9,
        ),
        ("practice-k8s-secret-manifest", "k8s/secret.yaml", 2),
        (
            "practice-secret-shared-across-environments",
            ".env.development",
            2,
        ),
        (
            "practice-secret-shared-across-environments",
            ".env.production",
            2,
        ),
        ("practice-credentials-over-http", "app/sync.py", 3),
        ("practice-secret-in-query-string", "app/sync.py", 7),
        ("practice-no-precommit-scan", ".", 0),
        ("practice-no-ci-scan", ".", 0),
    ];
    for (rule, path, line) in expect {
        assert!(
            f.contains(&(rule.to_string(), path.to_string(), line)),
            "missing {rule} at {path}:{line} in {f:#?}"
        );
    }
    // Values are redacted in every message.
    let text = doc.to_string();
    for v in [
        "default-key-12345",
        "SuperSecret123!",
        "Tz8mK2qLv5Xn9Rw4",
        "Vq7Lm2Xk9Rt4Wz8Np3Hs6Jd",
        "prod-Xk29vLqW7mZt-secret",
    ] {
        assert!(!text.contains(v), "{v} in the report");
    }
});

stanch_test!(every_good_example_of_the_guides_passes, |dir, _cmd| {
    let g = fixture(&dir, "good");
    let (code, doc) = audit_json(&g, &[]);
    let s = statuses(&doc);
    assert!(
        s.iter().all(|(_, st)| st == "pass"),
        "{s:?}\n{:#?}",
        practice_findings(&doc)
    );
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0, "{doc}");
    assert_eq!(code, 0);
    // The .env beside it is ignored: present, not committed, not reported.
    assert!(g.dir.join(".env").is_file());
});

stanch_test!(
    an_unignored_env_file_is_a_warning_not_a_failure,
    |dir, _cmd| {
        let g = fixture(&dir, "good");
        std::fs::write(g.dir.join(".gitignore"), "*.pem\n").unwrap();
        g.run(&["add", ".gitignore"]);
        g.commit_staged("forget the .env rules");
        let (_, doc) = audit_json(&g, &["--fail-on", "practices"]);
        let f = practice_findings(&doc);
        assert!(
            f.contains(&("practice-secret-file-not-ignored".into(), ".env".into(), 0)),
            "{f:?}"
        );
        let s = statuses(&doc);
        assert!(s.contains(&(1, "warn".into())), "{s:?}");
    }
);

stanch_test!(the_checklist_reads_as_the_guides_do, |dir, _cmd| {
    let g = fixture(&dir, "bad");
    let (code, out, _) = audit(&g, &[]);
    assert_eq!(code, 1);
    assert!(out.contains("✘ 3. No secrets in logs or output"), "{out}");
    assert!(
        out.contains("app/config.py:13:35  `api_key` is written to a log or to output"),
        "{out}"
    );
    assert!(out.contains("0 of 9 items pass, 8 fail"), "{out}");
    // The secrets follow, as `scan` shows them.
    assert!(out.contains("Stripe live secret key"), "{out}");
    // ASCII where the locale is not UTF-8.
    let (_, out, _) = run(g
        .stanch(&g.dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .arg("audit"));
    assert!(
        out.contains("[FAIL] 3. No secrets in logs or output"),
        "{out}"
    );
    assert!(!out.contains('✘'), "{out}");
    let good = TestDir::new();
    let g = fixture(&good, "good");
    let (_, out, _) = audit(&g, &[]);
    assert!(
        out.contains("✔ 9. A secret scan runs before commits and on pull requests"),
        "{out}"
    );
    assert!(out.contains("9 of 9 items pass, 0 fail"), "{out}");
});

stanch_test!(fail_on_chooses_what_fails_the_run, |dir, _cmd| {
    // Secrets but no failed practice (the template's placeholder-only).
    let g = fixture(&dir, "good");
    g.write("app/keys.py", format!("STRIPE = \"{}\"\n", stripe_live()));
    g.commit("a key");
    assert_eq!(audit(&g, &[]).0, 1);
    assert_eq!(audit(&g, &["--fail-on", "practices"]).0, 0);
    assert_eq!(audit(&g, &["--fail-on", "secrets"]).0, 1);
    // A failed practice but no secret.
    let other = TestDir::new();
    let g = fixture(&other, "good");
    g.write(
        "app/log.py",
        "def f(api_key):\n    print(f\"key {api_key}\")\n",
    );
    g.commit("a log");
    assert_eq!(audit(&g, &[]).0, 1);
    assert_eq!(audit(&g, &["--fail-on", "secrets"]).0, 0);
    assert_eq!(audit(&g, &["--fail-on", "practices"]).0, 1);
});

stanch_test!(
    config_and_allow_comments_silence_practice_checks,
    |dir, _cmd| {
        let g = fixture(&dir, "good");
        g.write(
        "app/log.py",
        "def f(api_key, password):\n    print(f\"key {api_key}\")\n    print(f\"pw {password}\")  # stanch:allow practice-secret-in-log\n",
    );
        g.commit("logs");
        let (_, doc) = audit_json(&g, &[]);
        let f = practice_findings(&doc);
        assert_eq!(
            f,
            [(
                "practice-secret-in-log".to_string(),
                "app/log.py".to_string(),
                2
            )]
        );
        g.write(".stanch.toml", "disable = [\"practice-secret-in-log\"]\n");
        let (code, doc) = audit_json(&g, &[]);
        assert!(practice_findings(&doc).is_empty(), "{doc}");
        assert_eq!(code, 0);
        g.write(".stanch.toml", "[allowlist]\npaths = [\"app/log.py\"]\n");
        let (_, doc) = audit_json(&g, &[]);
        assert!(practice_findings(&doc).is_empty(), "{doc}");
    }
);

stanch_test!(every_format_carries_the_practices, |dir, _cmd| {
    let g = fixture(&dir, "bad");
    let (code, sarif, err) = audit(&g, &["-f", "sarif"]);
    assert_eq!(code, 1, "{err}");
    let doc = crate::sarif::check_sarif(sarif.as_bytes());
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let practice = rules
        .iter()
        .find(|r| r["id"] == "practice-secret-in-log")
        .expect("the practice rule is described");
    let secret_rule = rules
        .iter()
        .find(|r| r["id"] == "stripe-live-secret-key")
        .expect("the secret's rule");
    let sev = |r: &Value| {
        r["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert!(
        sev(practice) < sev(secret_rule),
        "a practice weighs less than a leak"
    );
    let results = run["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "practice-secret-in-log"
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "app/config.py"
            && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 13));
    let (_, junit, _) = audit(&g, &["-f", "junit"]);
    let xml = roxmltree::Document::parse(&junit).expect("JUnit XML parses");
    let suite = xml
        .descendants()
        .find(|n| n.attribute("name") == Some("stanch audit practices"))
        .expect("a practices suite");
    assert_eq!(suite.attribute("tests"), Some("9"));
    assert_eq!(suite.attribute("failures"), Some("8"));
    let (_, github, _) = audit(&g, &["-f", "github"]);
    assert!(github.contains("::warning file=app/config.py,line=13,col=35,title=Secret written to a log or to output · practice-secret-in-log::"), "{github}");
    assert!(github.contains("::notice file=.,title="), "{github}");
    for out in [&sarif, &junit, &github] {
        assert!(!out.contains("default-key-12345") && !out.contains("SuperSecret123!"));
    }
});

stanch_test!(
    staged_warns_of_practices_on_added_lines_only,
    |dir, _cmd| {
        let g = fixture(&dir, "good");
        g.write(
            "app/old.py",
            "def f(api_key):\n    print(f\"old {api_key}\")\n",
        );
        g.commit("an old log line");
        g.write(
            "app/old.py",
            "def f(api_key):\n    print(f\"old {api_key}\")\n    logger.info(f\"new {api_key}\")\n",
        );
        g.write("Dockerfile", "FROM node:20\nENV API_TOKEN=changeme-build\n");
        g.run(&["add", "-A"]);
        let (code, out, err) = run(g.stanch(&g.dir).arg("staged"));
        assert_eq!(code, 0, "practices warn, they do not block: {out}{err}");
        assert!(out.contains("app/old.py:3:"), "{out}");
        assert!(out.contains("[practice-secret-in-log]"), "{out}");
        assert!(
            !out.contains("app/old.py:2:"),
            "an unchanged line is not the commit's: {out}"
        );
        assert!(
            out.contains("Dockerfile:2:") && out.contains("[practice-container-literal-secret]"),
            "{out}"
        );
        assert!(!out.contains("changeme-build"), "{out}");
        g.write(".stanch.toml", "fail_on_practices = true\n");
        let (code, out, _) = run(g.stanch(&g.dir).arg("staged"));
        assert_eq!(code, 1, "{out}");
    }
);
