//! The baseline end to end: create, scan with it, update, audit, import from
//! detect-secrets and gitleaks, errors, atomic writes, and no plaintext.
use crate::util::*;
use std::path::Path;

fn read(dir: &TestDir, rel: &str) -> String {
    std::fs::read_to_string(dir.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn create(dir: &TestDir, extra: &[&str]) {
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args(["baseline", "create"]).args(extra));
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
}

/// `scan . --baseline .stanch-baseline.json -f json`: (code, doc).
fn scan_with_baseline(dir: &TestDir) -> (i32, serde_json::Value) {
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args([
        "scan",
        ".",
        "-f",
        "json",
        "--baseline",
        ".stanch-baseline.json",
    ]));
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    (code, json(out.as_bytes()))
}

fn baseline_doc(dir: &TestDir) -> serde_json::Value {
    serde_json::from_str(&read(dir, ".stanch-baseline.json")).expect("baseline is JSON")
}

stanch_test!(create_records_findings_without_plaintext, |dir, _cmd| {
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), aws_key_id()),
    );
    dir.write("more/b.py", format!("s = \"{}\"\n", stripe_live()));
    create(&dir, &[]);
    let text = read(&dir, ".stanch-baseline.json");
    assert_no_plaintext("the baseline", &text);
    let doc = baseline_doc(&dir);
    assert_eq!(doc["version"], 1);
    let entries = doc["entries"].as_array().unwrap();
    assert!(entries.len() >= 3, "{text}");
    let gh = entries
        .iter()
        .find(|e| e["rule_id"] == "github-classic-pat")
        .unwrap();
    assert_eq!(gh["path"], "app.py");
    assert_eq!(gh["line"], 1);
    assert_eq!(gh["state"], "unaudited");
    assert_eq!(gh["secret_sha256"].as_str().unwrap().len(), 64);
    let paths: Vec<&str> = entries
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "entries are sorted by path");
    // Deterministic: a second create writes the same bytes.
    create(&dir, &[]);
    assert_eq!(read(&dir, ".stanch-baseline.json"), text);
    let (code, doc) = scan_with_baseline(&dir);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(
        doc["summary"]["suppressed"]["baseline"].as_u64(),
        Some(entries.len() as u64)
    );
});

stanch_test!(
    moving_a_secret_within_its_file_keeps_it_suppressed,
    |dir, _cmd| {
        dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
        create(&dir, &[]);
        dir.write(
            "app.py",
            format!(
                "import os\n\n\ndef f():\n    return \"{}\"  # moved\n",
                github_pat()
            ),
        );
        let (code, doc) = scan_with_baseline(&dir);
        assert_eq!(code, 0, "{doc}");
    }
);

stanch_test!(only_new_secrets_are_reported, |dir, _cmd| {
    dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
    create(&dir, &[]);
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), github_pat2()),
    );
    let (code, doc) = scan_with_baseline(&dir);
    assert_eq!(code, 1);
    let f = doc["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["line"], 2);
    assert_eq!(doc["summary"]["suppressed"]["baseline"], 1);
});

stanch_test!(the_same_secret_in_another_file_is_new, |dir, _cmd| {
    dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
    create(&dir, &[]);
    dir.write("copy.py", format!("a = \"{}\"\n", github_pat()));
    let (code, doc) = scan_with_baseline(&dir);
    assert_eq!(code, 1);
    assert_eq!(doc["findings"][0]["path"], "copy.py");
    assert_eq!(doc["findings"][0]["occurrences"], 1);
});

stanch_test!(baseline_from_config_and_custom_output, |dir, _cmd| {
    dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "baseline = \"security/known.json\"\n");
    std::fs::create_dir_all(dir.path().join("security")).unwrap();
    create(&dir, &[]);
    assert!(dir.path().join("security/known.json").is_file());
    dir.cmd().args(["scan", "."]).assert().code(0);
    dir.cmd()
        .args(["scan", ".", "--no-config"])
        .assert()
        .code(1);
    create(&dir, &["--output", "elsewhere.json"]);
    assert!(dir.path().join("elsewhere.json").is_file());
});

stanch_test!(
    scanning_from_another_directory_matches_the_same_entries,
    |dir, _cmd| {
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        dir.write("src/app.py", format!("a = \"{}\"\n", github_pat()));
        create(&dir, &[]);
        assert_eq!(baseline_doc(&dir)["entries"][0]["path"], "src/app.py");
        let base = dir.path().join(".stanch-baseline.json");
        let mut c = dir.cmd();
        c.current_dir(dir.path().join("src"));
        let (code, _, err) = run(c.args(["scan", ".", "--baseline"]).arg(&base));
        assert_eq!(code, 0, "{err}");
        let mut c = dir.cmd();
        c.current_dir(std::env::temp_dir());
        let (code, _, err) = run(c
            .args(["scan"])
            .arg(dir.path())
            .arg("--baseline")
            .arg(&base));
        assert_eq!(code, 0, "{err}");
    }
);

stanch_test!(update_keeps_audit_states_adds_and_drops, |dir, _cmd| {
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), github_pat2()),
    );
    create(&dir, &[]);
    let doc = baseline_doc(&dir);
    let fp = |doc: &serde_json::Value, line: u64| {
        doc["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["line"] == line)
            .map(|e| e["fingerprint"].as_str().unwrap().to_string())
    };
    let first = fp(&doc, 1).unwrap();
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args([
        "baseline",
        "audit",
        "--set",
        &format!("{}=false-positive", &first[..12]),
    ]));
    assert_eq!(code, 0, "{out}{err}");
    // The first secret moves down, the second goes away, a new one comes.
    dir.write(
        "app.py",
        format!(
            "# header\n\na = \"{}\"\nc = \"{}\"\n",
            github_pat(),
            github_pat_n(5)
        ),
    );
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args(["baseline", "update"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("(1 new, 1 dropped)"), "{out}");
    let doc = baseline_doc(&dir);
    let entries = doc["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let moved = entries
        .iter()
        .find(|e| e["fingerprint"] == first.as_str())
        .unwrap();
    assert_eq!(moved["state"], "false-positive");
    assert_eq!(moved["line"], 3);
    assert_eq!(
        entries.iter().find(|e| e["line"] == 4).unwrap()["state"],
        "unaudited"
    );
    assert_no_plaintext("the updated baseline", &read(&dir, ".stanch-baseline.json"));
});

stanch_test!(update_without_a_baseline_is_an_error, |dir, _cmd| {
    dir.write("app.py", "x = 1\n");
    let mut c = dir.cmd();
    let (code, _, err) = run(c.args(["baseline", "update"]));
    assert_eq!(code, 2);
    assert!(
        err.contains(".stanch-baseline.json: no baseline to update"),
        "{err}"
    );
});

stanch_test!(audit_lists_and_sets_states, |dir, _cmd| {
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), github_pat2()),
    );
    create(&dir, &[]);
    let mut c = dir.cmd();
    let (code, out, _) = run(c.args(["baseline", "audit"]));
    assert_eq!(code, 0);
    assert!(out.contains("2 entries: 2 unaudited"), "{out}");
    assert!(out.contains("app.py:1"), "{out}");
    assert_no_plaintext("the audit listing", &out);
    let fp = baseline_doc(&dir)["entries"][1]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    dir.cmd()
        .args(["baseline", "audit", "--set", &format!("{fp}=revoked")])
        .assert()
        .code(0);
    let mut c = dir.cmd();
    let (_, out, _) = run(c.args(["baseline", "audit", "-f", "json"]));
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(listed[1]["state"], "revoked");
    let mut c = dir.cmd();
    let (_, out, _) = run(c.args(["baseline", "audit"]));
    assert!(out.contains("2 entries: 1 unaudited, 1 revoked"), "{out}");
});

stanch_test!(audit_set_errors, |dir, _cmd| {
    dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
    create(&dir, &[]);
    let before = read(&dir, ".stanch-baseline.json");
    let fp = baseline_doc(&dir)["entries"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    for (arg, want) in [
        (format!("{fp}=maybe"), "unknown state \"maybe\""),
        (
            "0123456789abcdef=revoked".to_string(),
            "no baseline entry has the fingerprint 0123456789abcdef",
        ),
        ("abc=revoked".to_string(), "is not a fingerprint"),
        (fp.clone(), "expected FINGERPRINT=STATE"),
    ] {
        let mut c = dir.cmd();
        let (code, _, err) = run(c.args(["baseline", "audit", "--set", &arg]));
        assert_eq!(code, 2, "{arg}");
        assert!(err.contains(want), "{arg}: {err}");
    }
    assert_eq!(
        read(&dir, ".stanch-baseline.json"),
        before,
        "a failed --set writes nothing"
    );
});

stanch_test!(malformed_and_future_baselines_are_errors, |dir, _cmd| {
    dir.write("app.py", "x = 1\n");
    for (content, want) in [
        (
            "{\n  \"version\": 1,\n  \"entries\": [\n",
            "bad.json: line 4: not valid JSON",
        ),
        (
            "{\"version\": 9, \"entries\": []}",
            "bad.json: baseline version 9 is newer than this stanch understands",
        ),
        ("[]", "bad.json: not a stanch baseline"),
        (
            "{\"version\": 1, \"entries\": [{\"path\": \"a\"}]}",
            "bad.json: line 1: missing field `fingerprint`",
        ),
    ] {
        dir.write("bad.json", content);
        let mut c = dir.cmd();
        let (code, _, err) = run(c.args(["scan", ".", "--baseline", "bad.json"]));
        assert_eq!(code, 2, "{content}");
        assert!(err.contains(want), "{content}: {err}");
    }
    let mut c = dir.cmd();
    let (code, _, err) = run(c.args(["scan", ".", "--baseline", "missing.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("missing.json"), "{err}");
});

stanch_test!(report_unused_lists_stale_baseline_entries, |dir, _cmd| {
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), github_pat2()),
    );
    create(&dir, &[]);
    dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
    let mut c = dir.cmd();
    let (code, out, _) = run(c.args([
        "scan",
        ".",
        "--baseline",
        ".stanch-baseline.json",
        "--report-unused",
    ]));
    assert_eq!(code, 0);
    assert!(out.contains("unused: baseline entry "), "{out}");
    assert!(
        out.contains("(github-classic-pat, app.py:2) matched nothing"),
        "{out}"
    );
});

fn sha1_hex(s: &str) -> String {
    use sha1::Digest;
    sha1::Sha1::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

stanch_test!(import_from_detect_secrets, |dir, _cmd| {
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), github_pat2()),
    );
    let ds = serde_json::json!({
        "version": "1.5.0",
        "plugins_used": [{"name": "GitHubTokenDetector"}],
        "filters_used": [],
        "results": {
            "app.py": [
                {"type": "GitHub Token", "filename": "app.py", "hashed_secret": sha1_hex(&github_pat()), "is_verified": false, "line_number": 1, "is_secret": false}
            ]
        },
        "generated_at": "2024-01-01T00:00:00Z"
    });
    dir.write(
        ".secrets.baseline",
        serde_json::to_string_pretty(&ds).unwrap(),
    );
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args([
        "baseline",
        "import",
        "--from",
        "detect-secrets",
        ".secrets.baseline",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 entry imported"), "{out}");
    let doc = baseline_doc(&dir);
    assert_eq!(
        doc["entries"][0]["secret_sha1"].as_str().unwrap(),
        sha1_hex(&github_pat())
    );
    assert_eq!(doc["entries"][0]["state"], "false-positive");
    let (code, doc) = scan_with_baseline(&dir);
    assert_eq!(code, 1);
    // (Only app.py: a generic rule may also flag the hashes in .secrets.baseline.)
    let lines: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == "app.py")
        .map(|f| &f["line"])
        .collect();
    assert_eq!(lines, vec![2]);
    // update turns the imported entry into a native one and keeps its state.
    dir.cmd().args(["baseline", "update"]).assert().code(0);
    let doc = baseline_doc(&dir);
    let e = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "app.py" && e["line"] == 1)
        .unwrap()
        .clone();
    assert_eq!(e["rule_id"], "github-classic-pat");
    assert_eq!(e["state"], "false-positive");
    assert!(e.get("secret_sha1").is_none());
});

stanch_test!(import_from_detect_secrets_rejects_garbage, |dir, _cmd| {
    dir.write(
        ".secrets.baseline",
        "{\"results\": {\"a.py\": [{\"hashed_secret\": \"nothex\", \"line_number\": 3}]}}",
    );
    let mut c = dir.cmd();
    let (code, _, err) = run(c.args([
        "baseline",
        "import",
        "--from",
        "detect-secrets",
        ".secrets.baseline",
    ]));
    assert_eq!(code, 2);
    assert!(
        err.contains(".secrets.baseline: a.py:3: hashed_secret is not a SHA-1"),
        "{err}"
    );
    assert!(!dir.path().join(".stanch-baseline.json").exists());
});

/// A repository with one commit adding `path` with `content`; returns the commit id.
fn git_commit(root: &Path, path: &str, content: &str) -> String {
    let repo = git2::Repository::init(root).unwrap();
    std::fs::write(root.join(path), content).unwrap();
    let mut index = repo.index().unwrap();
    index.add_path(Path::new(path)).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::new(
        "Test",
        "test@example.com",
        &git2::Time::new(1_700_000_000, 0),
    )
    .unwrap();
    repo.commit(Some("HEAD"), &sig, &sig, "add", &tree, &[])
        .unwrap()
        .to_string()
}

stanch_test!(import_from_gitleaks, |dir, _cmd| {
    let commit = git_commit(
        dir.path(),
        "old.py",
        &format!("x = 1\nt = \"{}\"\n", github_pat2()),
    );
    // The secret is gone from the working tree but still in the commit.
    std::fs::write(dir.path().join("old.py"), "x = 1\n").unwrap();
    dir.write(
        "app.py",
        format!("a = \"{}\"\nb = \"{}\"\n", github_pat(), aws_key_id()),
    );
    dir.write(
        ".gitleaksignore",
        format!("# reviewed\napp.py:github-pat:1\n{commit}:old.py:github-pat:2\nmissing.py:github-pat:1\napp.py:generic-api-key:9\nnot a fingerprint\n{}:old.py:github-pat:2\n", "f".repeat(40)),
    );
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args([
        "baseline",
        "import",
        "--from",
        "gitleaks",
        ".gitleaksignore",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 entries imported"), "{out}");
    assert!(
        out.contains(
            "not imported: .gitleaksignore:4: missing.py:1 (github-pat): cannot read the file"
        ),
        "{out}"
    );
    assert!(out.contains("not imported: .gitleaksignore:5: app.py:9 (generic-api-key): stanch finds no secret on that line"), "{out}");
    assert!(
        out.contains("not imported: .gitleaksignore:6: not a gitleaks fingerprint"),
        "{out}"
    );
    assert!(out.contains(&format!("not imported: .gitleaksignore:7: old.py:2 (github-pat): commit {} is not in the repository", "f".repeat(40))), "{out}");
    let text = read(&dir, ".stanch-baseline.json");
    assert_no_plaintext("the imported baseline", &text);
    let doc = baseline_doc(&dir);
    let old = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "old.py")
        .unwrap()
        .clone();
    assert_eq!(old["commit"], commit.as_str());
    assert_eq!(old["source"], "gitleaks: github-pat");
    // The imported working-tree entry suppresses the token; the AWS key on line 2 was not imported.
    let (code, doc) = scan_with_baseline(&dir);
    assert_eq!(code, 1);
    let lines: Vec<u64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2]);
});

#[cfg(unix)]
stanch_test!(
    an_interrupted_write_leaves_the_old_baseline_whole,
    |dir, _cmd| {
        dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
        create(&dir, &[]);
        let before = read(&dir, ".stanch-baseline.json");
        // Many new findings make the new baseline larger than the file-size limit
        // below, so the write dies half way (SIGXFSZ), as a crash would.
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(&format!("t{i} = \"{}\"\n", github_pat_n(i)));
        }
        dir.write("app.py", text);
        let bin = assert_cmd::cargo::cargo_bin("stanch");
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["-c", "ulimit -f 2; exec \"$0\" baseline update"])
            .arg(&bin)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(!status.success(), "the write should have failed");
        assert_eq!(
            read(&dir, ".stanch-baseline.json"),
            before,
            "the old baseline is intact"
        );
        // Without the limit the update goes through.
        dir.cmd().args(["baseline", "update"]).assert().code(0);
        assert!(read(&dir, ".stanch-baseline.json").len() > before.len());
    }
);

stanch_test!(
    a_failed_write_names_the_file_and_leaves_no_temporary_file,
    |dir, _cmd| {
        dir.write("app.py", format!("a = \"{}\"\n", github_pat()));
        dir.write("out/known.json", "{\"version\": 1, \"entries\": []}\n");
        // A directory where the file should go: the rename fails.
        std::fs::create_dir_all(dir.path().join("out/dir.json")).unwrap();
        let mut c = dir.cmd();
        let (code, _, err) = run(c.args(["baseline", "create", "--output", "out/dir.json"]));
        assert_eq!(code, 2);
        assert!(err.contains("out/dir.json"), "{err}");
        let left: Vec<String> = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 2, "no temporary file left behind: {left:?}");
    }
);

stanch_test!(no_report_or_baseline_holds_a_planted_secret, |dir, _cmd| {
    dir.write(
        "a.py",
        format!(
            "g = \"{}\"\naws = \"{}\"\nst = \"{}\"\n",
            github_pat(),
            aws_key_id(),
            stripe_live()
        ),
    );
    dir.write("b.env", format!("TOKEN={}\n", github_pat2()));
    create(&dir, &[]);
    assert_no_plaintext("the baseline", &read(&dir, ".stanch-baseline.json"));
    for format in ["text", "json"] {
        let mut c = dir.cmd();
        let (code, out, err) = run(c.args(["scan", ".", "-f", format, "--output", "report.out"]));
        assert_eq!(code, 1, "{err}");
        assert_no_plaintext("stdout", &out);
        assert_no_plaintext(&format!("the {format} report"), &read(&dir, "report.out"));
        std::fs::remove_file(dir.path().join("report.out")).unwrap();
    }
    let mut c = dir.cmd();
    let (_, out, err) = run(c.args(["baseline", "audit"]));
    assert_no_plaintext("the audit listing", &format!("{out}{err}"));
});
