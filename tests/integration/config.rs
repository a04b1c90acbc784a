//! `.stanch.toml` (discovery, every key, overrides, disables, errors) and the
//! inline allow comments, end to end.
use crate::util::*;

/// Runs `stanch scan . -f json` in `dir` with extra args; (code, JSON, stderr).
fn scan_json(dir: &TestDir, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let mut c = dir.cmd();
    c.args(["scan", ".", "-f", "json"]).args(extra);
    let (code, out, err) = run(&mut c);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    (code, json(out.as_bytes()), err)
}

fn paths(doc: &serde_json::Value) -> Vec<String> {
    let mut v: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn suppressed(doc: &serde_json::Value, kind: &str) -> u64 {
    doc["summary"]["suppressed"][kind].as_u64().unwrap_or(0)
}

// ---- discovery ----

stanch_test!(config_in_scanned_directory_is_used, |dir, _cmd| {
    dir.write("app.py", format!("t = \"{}\"\n", github_pat()));
    dir.write("fixtures/fake.py", format!("t = \"{}\"\n", github_pat2()));
    dir.write(".stanch.toml", "[allowlist]\npaths = [\"fixtures/**\"]\n");
    let (code, doc, _) = scan_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(paths(&doc), vec!["app.py"]);
    assert_eq!(suppressed(&doc, "allowlist"), 1);
});

stanch_test!(
    config_at_git_root_applies_to_a_subdirectory_scan,
    |dir, _cmd| {
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        dir.write(
            ".stanch.toml",
            "[allowlist]\npaths = [\"sub/fixtures/**\"]\n",
        );
        dir.write("sub/fixtures/a.py", format!("t = \"{}\"\n", github_pat()));
        dir.write("sub/real.py", format!("t = \"{}\"\n", github_pat2()));
        let mut c = dir.cmd();
        let (code, out, err) = run(c.args(["scan", "sub", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        assert_eq!(paths(&json(out.as_bytes())), vec!["sub/real.py"]);
        // The same from inside the subdirectory: paths are matched relative to the repository root.
        let mut c = dir.cmd();
        c.current_dir(dir.path().join("sub"));
        let (code, out, _) = run(c.args(["scan", ".", "-f", "json"]));
        assert_eq!(code, 1);
        assert_eq!(paths(&json(out.as_bytes())), vec!["real.py"]);
    }
);

stanch_test!(no_config_ignores_the_file, |dir, _cmd| {
    dir.write("fixtures/fake.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "[allowlist]\npaths = [\"fixtures/**\"]\n");
    assert_eq!(scan_json(&dir, &[]).0, 0);
    assert_eq!(scan_json(&dir, &["--no-config"]).0, 1);
});

stanch_test!(explicit_config_file, |dir, _cmd| {
    dir.write("fixtures/fake.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(
        "conf/other.toml",
        "[allowlist]\npaths = [\"fixtures/**\"]\n",
    );
    assert_eq!(scan_json(&dir, &[]).0, 1);
    assert_eq!(scan_json(&dir, &["--config", "conf/other.toml"]).0, 0);
    let mut c = dir.cmd();
    let (code, _, err) = run(c.args(["scan", ".", "--config", "conf/missing.toml"]));
    assert_eq!(code, 2);
    assert!(err.contains("conf/missing.toml"), "{err}");
});

// ---- allowlist keys ----

stanch_test!(allowlist_regexes_match_the_secret, |dir, _cmd| {
    dir.write(
        "a.py",
        format!("t = \"{}\"\nu = \"{}\"\n", github_pat(), github_pat2()),
    );
    let tail = &github_pat()[30..];
    dir.write(
        ".stanch.toml",
        format!("[allowlist]\nregexes = ['''{tail}$''']\n"),
    );
    let (code, doc, _) = scan_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
    assert_eq!(doc["findings"][0]["line"], 2);
    assert_eq!(suppressed(&doc, "allowlist"), 1);
});

stanch_test!(
    allowlist_stopwords_are_case_insensitive_substrings,
    |dir, _cmd| {
        dir.write(
            "a.py",
            format!("t = \"{}\"\nu = \"{}\"\n", github_pat(), github_pat2()),
        );
        let word = github_pat2()[10..16].to_ascii_uppercase();
        dir.write(
            ".stanch.toml",
            format!("[allowlist]\nstopwords = [\"{word}\"]\n"),
        );
        let (_, doc, _) = scan_json(&dir, &[]);
        assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
        assert_eq!(doc["findings"][0]["line"], 1);
    }
);

stanch_test!(
    allowlist_glob_without_slash_matches_at_any_depth,
    |dir, _cmd| {
        dir.write("deep/er/x.lock", format!("t = \"{}\"\n", github_pat()));
        dir.write("deep/er/x.py", format!("t = \"{}\"\n", github_pat2()));
        dir.write(".stanch.toml", "[allowlist]\npaths = [\"*.lock\"]\n");
        let (_, doc, _) = scan_json(&dir, &[]);
        assert_eq!(paths(&doc), vec!["deep/er/x.py"]);
    }
);

stanch_test!(per_rule_allowlist_applies_to_its_rule_only, |dir, _cmd| {
    dir.write(
        "a.py",
        format!(
            "t = \"{}\"\nacme = \"acme_k3j9x8q2m7v4n1p6z5w0\"\n",
            github_pat()
        ),
    );
    dir.write(
        ".stanch.toml",
        r#"
[[rule]]
id = "acme-api-key"
name = "Acme API key"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{20})\b'''
confidence = 0.9
[rule.allowlist]
paths = ["a.py"]
"#,
    );
    let (_, doc, _) = scan_json(&dir, &[]);
    let ids: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["github-classic-pat"]);
    assert_eq!(suppressed(&doc, "allowlist"), 1);
});

// ---- rules: add, override, replace, disable ----

const ACME: &str = r#"
[[rule]]
id = "acme-api-key"
name = "Acme API key"
keywords = ["acme_"]
regex = '''\b(acme_[a-z0-9]{20})\b'''
confidence = 0.9
remediation = "Rotate it in the Acme console."
"#;

stanch_test!(user_rules_extend_the_catalog, |dir, _cmd| {
    dir.write(
        "a.py",
        format!(
            "t = \"{}\"\nacme = \"acme_k3j9x8q2m7v4n1p6z5w0\"\n",
            github_pat()
        ),
    );
    dir.write(".stanch.toml", ACME);
    let (_, doc, _) = scan_json(&dir, &[]);
    let mut ids: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["acme-api-key", "github-classic-pat"]);
    assert_eq!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule_id"] == "acme-api-key")
            .unwrap()["remediation"],
        "Rotate it in the Acme console."
    );
});

stanch_test!(extend_default_false_replaces_the_catalog, |dir, _cmd| {
    dir.write(
        "a.py",
        format!(
            "t = \"{}\"\nacme = \"acme_k3j9x8q2m7v4n1p6z5w0\"\n",
            github_pat()
        ),
    );
    dir.write(".stanch.toml", format!("extend_default = false\n{ACME}"));
    let (_, doc, _) = scan_json(&dir, &[]);
    let ids: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["acme-api-key"]);
    assert_eq!(doc["summary"]["rules"], 1);
});

stanch_test!(user_rule_with_a_builtin_id_overrides_it, |dir, _cmd| {
    dir.write("a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(
        ".stanch.toml",
        r#"
[[rule]]
id = "github-classic-pat"
name = "Our own GitHub rule"
keywords = ["ghp_"]
regex = '''(ghp_[A-Za-z0-9]{36})'''
confidence = 0.42
"#,
    );
    let (_, doc, _) = scan_json(&dir, &[]);
    let f = &doc["findings"][0];
    assert_eq!(f["rule_name"], "Our own GitHub rule");
    assert_eq!(f["confidence"].as_f64().unwrap(), 0.42);
    let ids = doc["findings"].as_array().unwrap().len();
    assert_eq!(ids, 1);
});

stanch_test!(disable_turns_rules_off, |dir, _cmd| {
    dir.write("a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "disable = [\"github-classic-pat\"]\n");
    let (code, doc, _) = scan_json(&dir, &[]);
    assert_eq!(code, 0, "{doc}");
});

// ---- scan settings, and flags winning over them ----

stanch_test!(min_confidence_from_config_and_flag_wins, |dir, _cmd| {
    dir.write("a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "min_confidence = 1.0\n");
    let (code, doc, _) = scan_json(&dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["summary"]["below_threshold"], 1);
    assert_eq!(scan_json(&dir, &["--min-confidence", "0.3"]).0, 1);
});

stanch_test!(max_file_size_from_config_and_flag_wins, |dir, _cmd| {
    dir.write("a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "max_file_size = \"10\"\n");
    let (code, doc, _) = scan_json(&dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        doc["summary"]["stats"]["too_large"], 2,
        "a.py and .stanch.toml itself"
    );
    assert_eq!(scan_json(&dir, &["--max-file-size", "1M"]).0, 1);
});

stanch_test!(exclude_and_threads_from_config, |dir, _cmd| {
    dir.write("vendor/a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write("b.py", format!("t = \"{}\"\n", github_pat2()));
    dir.write(".stanch.toml", "exclude = [\"vendor/\"]\nthreads = 1\n");
    let (_, doc, _) = scan_json(&dir, &[]);
    assert_eq!(paths(&doc), vec!["b.py"]);
});

// ---- errors: file, line and key named; exit 2; no secret echoed ----

fn config_error(dir: &TestDir, toml: &str) -> String {
    dir.write("a.py", "x = 1\n");
    dir.write(".stanch.toml", toml);
    let mut c = dir.cmd();
    let (code, out, err) = run(c.args(["scan", "."]));
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

stanch_test!(unknown_key_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "min_confidence = 0.5\nmin_confidense = 0.5\n");
    assert!(err.contains(".stanch.toml:2:"), "{err}");
    assert!(err.contains("min_confidense"), "{err}");
});

stanch_test!(unknown_key_in_a_table_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "[allowlist]\npaths = []\npath = [\"x\"]\n");
    assert!(err.contains(".stanch.toml:3:"), "{err}");
    assert!(
        err.contains("`path`") || err.contains("allowlist.path"),
        "{err}"
    );
});

stanch_test!(wrong_type_is_an_error_naming_the_key, |dir, _cmd| {
    let err = config_error(&dir, "\nextend_default = \"yes\"\n");
    assert!(
        err.contains(".stanch.toml:2: key `extend_default`"),
        "{err}"
    );
});

stanch_test!(wrong_type_error_does_not_echo_a_secret, |dir, _cmd| {
    let err = config_error(
        &dir,
        &format!("[allowlist]\nstopwords = \"{}\"\n", github_pat()),
    );
    assert!(
        err.contains(".stanch.toml:2: key `allowlist.stopwords`"),
        "{err}"
    );
    assert_no_plaintext("the error", &err);
});

stanch_test!(bad_glob_is_an_error, |dir, _cmd| {
    let err = config_error(
        &dir,
        "[allowlist]\npaths = [\n  \"ok/**\",\n  \"bad/[\",\n]\n",
    );
    assert!(
        err.contains(".stanch.toml:4: key `allowlist.paths`"),
        "{err}"
    );
    assert!(err.contains("bad glob"), "{err}");
});

stanch_test!(bad_allowlist_regex_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "[allowlist]\nregexes = ['''(unclosed''']\n");
    assert!(
        err.contains(".stanch.toml:2: key `allowlist.regexes`"),
        "{err}"
    );
    assert!(err.contains("bad regex"), "{err}");
});

stanch_test!(bad_user_rule_regex_names_the_rule, |dir, _cmd| {
    let err = config_error(&dir, "[[rule]]\nid = \"acme-key\"\nname = \"Acme\"\nkeywords = [\"acme_\"]\nregex = '''(acme_'''\nconfidence = 0.5\n");
    assert!(err.contains(".stanch.toml:2: rule acme-key:"), "{err}");
    assert!(err.contains("regex"), "{err}");
});

stanch_test!(user_rule_missing_a_field_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "[[rule]]\nid = \"acme-key\"\nkeywords = [\"acme_\"]\nregex = '''(acme_\\w+)'''\nconfidence = 0.5\n");
    assert!(err.contains(".stanch.toml:"), "{err}");
    assert!(err.contains("name"), "{err}");
});

stanch_test!(
    user_rule_out_of_range_confidence_is_an_error,
    |dir, _cmd| {
        let err = config_error(&dir, "[[rule]]\nid = \"acme-key\"\nname = \"Acme\"\nkeywords = [\"acme_\"]\nregex = '''(acme_\\w+)'''\nconfidence = 5.0\n");
        assert!(
            err.contains("rule acme-key: confidence 5 is outside [0, 1]"),
            "{err}"
        );
    }
);

stanch_test!(disable_of_an_unknown_rule_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "disable = [\n  \"no-such-rule\",\n]\n");
    assert!(err.contains(".stanch.toml:2: key `disable`"), "{err}");
    assert!(err.contains("no-such-rule"), "{err}");
});

stanch_test!(min_confidence_out_of_range_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "# settings\nmin_confidence = 2\n");
    assert!(
        err.contains(".stanch.toml:2: key `min_confidence`: 2 is not between 0 and 1"),
        "{err}"
    );
});

stanch_test!(malformed_toml_is_an_error, |dir, _cmd| {
    let err = config_error(&dir, "min_confidence = 0.5\n[allowlist\n");
    assert!(err.contains(".stanch.toml:2"), "{err}");
});

// ---- --report-unused ----

stanch_test!(report_unused_lists_stale_allowlist_entries, |dir, _cmd| {
    dir.write("fixtures/a.py", format!("t = \"{}\"\n", github_pat()));
    dir.write(".stanch.toml", "[allowlist]\npaths = [\"fixtures/**\", \"gone/**\"]\nstopwords = [\"nothing-like-this\"]\n");
    let (code, doc, _) = scan_json(&dir, &["--report-unused"]);
    assert_eq!(code, 0, "exit status unchanged by unused entries");
    let unused: Vec<&str> = doc["summary"]["unused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        unused,
        vec![
            "allowlist.paths \"gone/**\" matched nothing",
            "allowlist.stopwords \"nothing-like-this\" matched nothing"
        ]
    );
    let mut c = dir.cmd();
    let (_, out, _) = run(c.args(["scan", ".", "--report-unused"]));
    assert!(
        out.contains("unused: allowlist.paths \"gone/**\" matched nothing"),
        "{out}"
    );
    let (_, doc, _) = scan_json(&dir, &[]);
    assert!(doc["summary"].get("unused").is_none());
});

// ---- inline allow comments ----

/// Scans `text` as one file; the lines of the reported findings and the inline count.
fn inline_case(dir: &TestDir, text: &str, extra: &[&str]) -> (Vec<u64>, u64, serde_json::Value) {
    dir.write("f.txt", text);
    let (_, doc, _) = scan_json(dir, extra);
    let mut lines: Vec<u64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    lines.sort();
    let n = suppressed(&doc, "inline");
    (lines, n, doc)
}

stanch_test!(same_line_markers_of_every_tool, |dir, _cmd| {
    let markers = [
        "# stanch:allow",
        "// gitleaks:allow",
        "# pragma: allowlist secret",
        "/* betterleaks:allow */",
        "<!-- kingfisher:allow -->",
        "# trufflehog:ignore",
    ];
    let mut text = String::new();
    for (i, m) in markers.iter().enumerate() {
        text.push_str(&format!("t{i} = \"{}\" {m}\n", github_pat_n(i)));
    }
    text.push_str(&format!("bare = \"{}\"\n", github_pat_n(20)));
    let (lines, n, _) = inline_case(&dir, &text, &[]);
    assert_eq!(lines, vec![markers.len() as u64 + 1]);
    assert_eq!(n, markers.len() as u64);
});

stanch_test!(next_line_markers, |dir, _cmd| {
    let text = format!(
        "# pragma: allowlist nextline secret\na = \"{}\"\n// stanch:allow-next-line\nb = \"{}\"\n# stanch:allow-next-line\n\nc = \"{}\"\n",
        github_pat_n(1),
        github_pat_n(2),
        github_pat_n(3)
    );
    let (lines, n, _) = inline_case(&dir, &text, &[]);
    assert_eq!(
        lines,
        vec![7],
        "a blank line between marker and secret breaks the link"
    );
    assert_eq!(n, 2);
});

stanch_test!(allow_blocks_cover_multi_line_values, |dir, _cmd| {
    let text = format!(
        "```sh\n# stanch:allow-start\nexport A={}\nexport B={}\n# stanch:allow-end\n```\nC={}\n",
        github_pat_n(1),
        github_pat_n(2),
        github_pat_n(3)
    );
    let (lines, n, _) = inline_case(&dir, &text, &[]);
    assert_eq!(lines, vec![7]);
    assert_eq!(n, 2);
});

stanch_test!(directives_naming_rules_allow_only_those, |dir, _cmd| {
    let text = format!(
        "a = \"{}\" # stanch:allow github-classic-pat\nb = \"{}\" # stanch:allow some-other-rule\n",
        github_pat_n(1),
        github_pat_n(2)
    );
    let (lines, n, _) = inline_case(&dir, &text, &[]);
    assert_eq!(lines, vec![2]);
    assert_eq!(n, 1);
});

stanch_test!(a_comment_elsewhere_suppresses_nothing, |dir, _cmd| {
    let text = format!("# stanch:allow\n\nimport os\na = \"{}\"\n", github_pat());
    let (lines, n, _) = inline_case(&dir, &text, &[]);
    assert_eq!(lines, vec![4]);
    assert_eq!(n, 0);
});

stanch_test!(
    unterminated_block_warns_and_suppresses_nothing,
    |dir, _cmd| {
        let text = format!("x = 1\n# stanch:allow-start\na = \"{}\"\n", github_pat());
        let (lines, n, doc) = inline_case(&dir, &text, &[]);
        assert_eq!(lines, vec![3]);
        assert_eq!(n, 0);
        let warnings = doc["summary"]["warnings"].to_string();
        assert!(
            warnings.contains("f.txt:2: stanch:allow-start has no stanch:allow-end"),
            "{warnings}"
        );
    }
);

stanch_test!(no_inline_allow_ignores_comments, |dir, _cmd| {
    let text = format!("a = \"{}\" # stanch:allow\n", github_pat());
    let (lines, _, _) = inline_case(&dir, &text, &[]);
    assert!(lines.is_empty());
    let (lines, n, _) = inline_case(&dir, &text, &["--no-inline-allow"]);
    assert_eq!((lines, n), (vec![1], 0));
});

stanch_test!(summary_counts_each_kind_of_suppression, |dir, _cmd| {
    dir.write("fixtures/a.py", format!("t = \"{}\"\n", github_pat_n(1)));
    dir.write(
        "b.py",
        format!(
            "t = \"{}\" # stanch:allow\nu = \"{}\"\n",
            github_pat_n(2),
            github_pat_n(3)
        ),
    );
    dir.write(".stanch.toml", "[allowlist]\npaths = [\"fixtures/**\"]\n");
    let mut c = dir.cmd();
    let (code, out, _) = run(c.args(["scan", "."]));
    assert_eq!(code, 1);
    assert!(
        out.contains("suppressed: 1 by inline, 1 by allowlist"),
        "{out}"
    );
});
