//! `stanch scan` end to end: findings, exit codes, redaction, stdin, skips.
use crate::util::*;

stanch_test!(finds_a_github_token_and_exits_1, |dir, cmd| {
    dir.write("config.py", format!("TOKEN = \"{}\"\n", github_pat()));
    let out = cmd.args(["scan", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config.py:1:10"), "{text}");
    assert!(text.contains("github-classic-pat"), "{text}");
    assert!(
        !text.contains(&github_pat()),
        "secret printed in full: {text}"
    );
});

stanch_test!(clean_tree_exits_0, |dir, cmd| {
    dir.write("main.rs", "fn main() { println!(\"hello\"); }\n");
    cmd.args(["scan", "."]).assert().code(0);
});

stanch_test!(json_output_is_redacted_unless_asked, |dir, cmd| {
    dir.write(
        "a/.env.production.sample.txt",
        format!("TOKEN={}\n", github_pat()),
    );
    let out = cmd
        .args(["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains(&github_pat()), "{stdout}");
    let doc = json(&out.stdout);
    assert_eq!(doc["version"], 1);
    let f = &doc["findings"][0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["path"], "a/.env.production.sample.txt");
    assert_eq!(f["line"], 1);
    assert_eq!(f["column"], 7);
    assert_eq!(f["end_column"], 47);
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 64);
    assert!(f.get("secret").is_none());
    let shown = dir
        .cmd()
        .args(["scan", ".", "--format", "json", "--show-secrets"])
        .output()
        .unwrap();
    assert_eq!(
        json(&shown.stdout)["findings"][0]["secret"],
        github_pat().as_str()
    );
});

stanch_test!(stdin_is_scanned_with_a_name, |dir, cmd| {
    let out = cmd
        .args(["scan", "-", "--stdin-name", "pasted.txt"])
        .write_stdin(format!("x\ny = {}\n", github_pat()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pasted.txt:2:5"));
    let _ = dir;
});

stanch_test!(gitignored_files_are_skipped_unless_no_ignore, |dir, cmd| {
    dir.write(".gitignore", "secret.txt\n");
    dir.write("secret.txt", format!("{}\n", github_pat()));
    cmd.args(["scan", "."]).assert().code(0);
    dir.cmd()
        .args(["scan", ".", "--no-ignore"])
        .assert()
        .code(1);
});

stanch_test!(small_and_large_trees_are_walked_alike, |_dir, _cmd| {
    // A tree of a few files is walked on one thread, a larger one (by
    // entries or by bytes) in parallel: the same ignore files, excludes,
    // `.git` and symlinks apply either way.
    for (name, pad_files, pad_bytes) in [("small", 3, 10), ("many", 120, 10), ("big", 3, 600_000)] {
        let dir = TestDir::new();
        dir.write(".gitignore", "ignored/\n*.log\n");
        dir.write("a.py", format!("token = \"{}\"\n", github_pat()));
        dir.write("d/e.py", format!("token = \"{}\"\n", github_pat2()));
        dir.write("ignored/b.py", format!("token = \"{}\"\n", github_pat_n(1)));
        dir.write("c.log", format!("token = \"{}\"\n", github_pat_n(2)));
        dir.write(
            "fixtures/x.py",
            format!("token = \"{}\"\n", github_pat_n(3)),
        );
        dir.write(".git/config", format!("token = \"{}\"\n", github_pat_n(4)));
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("a.py"), dir.path().join("link.py")).unwrap();
        for i in 0..pad_files {
            dir.write(&format!("pad/f{i}.txt"), "x = 1\n".repeat(pad_bytes));
        }
        let out = dir
            .cmd()
            .args(["scan", ".", "--no-config", "--format", "json"])
            .args(["--exclude", "fixtures/**"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let doc = json(&out.stdout);
        let mut paths: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["locations"][0]["path"].as_str().unwrap().to_string())
            .collect();
        paths.sort();
        assert_eq!(paths, ["a.py", "d/e.py"], "{name}");
        #[cfg(unix)]
        assert_eq!(doc["summary"]["stats"]["symlinks"], 1, "{name}");
    }
});

stanch_test!(exclude_glob_skips_files, |dir, cmd| {
    dir.write("fixtures/a.txt", format!("{}\n", github_pat()));
    cmd.args(["scan", ".", "--exclude", "fixtures/**"])
        .assert()
        .code(0);
});

stanch_test!(
    binary_oversized_and_symlinks_are_skipped_and_counted,
    |dir, cmd| {
        let mut bin = vec![0u8, 1, 2, 3];
        bin.extend_from_slice(github_pat().as_bytes());
        dir.write("blob.bin", bin);
        dir.write("big.txt", format!("{}\n{}", github_pat(), "x".repeat(2000)));
        dir.write("ok.txt", format!("{}\n", github_pat2()));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("ok.txt"), dir.path().join("link.txt"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path().join("missing"), dir.path().join("broken.txt"))
                .unwrap();
        }
        let out = output_with(
            cmd.args(["scan", ".", "--max-file-size", "1K", "--format", "json"]),
            1,
        );
        let doc = json(&out.stdout);
        assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
        assert_eq!(doc["findings"][0]["path"], "ok.txt");
        let stats = &doc["summary"]["stats"];
        assert_eq!(stats["binary"], 1);
        assert_eq!(stats["too_large"], 1);
        #[cfg(unix)]
        assert_eq!(stats["symlinks"], 2);
    }
);

stanch_test!(crlf_and_invalid_utf8_report_correct_lines, |dir, cmd| {
    let mut bytes = b"first\r\n\xff\xfe bad bytes\r\n".to_vec();
    bytes.extend_from_slice(format!("key: {}\r\n", github_pat()).as_bytes());
    dir.write("mixed.yaml", bytes);
    let out = cmd
        .args(["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    let doc = json(&out.stdout);
    let f = &doc["findings"][0];
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 6);
    assert_eq!(f["end_line"], 3);
    assert!(!f["snippet"].as_str().unwrap().contains('\r'));
});

stanch_test!(minified_single_line_file_is_scanned, |dir, cmd| {
    let mut s = String::with_capacity(5 << 20);
    while s.len() < (5 << 20) {
        s.push_str("function t(e){var n=e.token||e.key;return n?t(n):null};");
    }
    s.push_str(&format!("var k=\"{}\";", github_pat()));
    s.push_str(&"var a=1;".repeat(1000));
    dir.write("bundle.min.js", s);
    let out = cmd
        .args(["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out.stdout);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
    assert_eq!(doc["findings"][0]["line"], 1);
    assert!(
        doc["findings"][0]["snippet"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            < 200
    );
});

stanch_test!(
    same_secret_in_two_files_is_one_finding_with_two_locations,
    |dir, cmd| {
        dir.write("a.txt", format!("{}\n", github_pat()));
        dir.write("b/c.txt", format!("\n\n{}\n", github_pat()));
        let out = cmd
            .args(["scan", ".", "--format", "json"])
            .output()
            .unwrap();
        let doc = json(&out.stdout);
        assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
        assert_eq!(doc["findings"][0]["occurrences"], 2);
        assert_eq!(doc["findings"][0]["locations"][1]["path"], "b/c.txt");
        assert_eq!(doc["findings"][0]["locations"][1]["line"], 3);
    }
);

#[cfg(unix)]
stanch_test!(
    unreadable_file_is_reported_and_neighbours_still_found,
    |dir, cmd| {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.write("locked.txt", "nothing\n");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&p).is_ok() {
            // Running as root: permissions do not stop reads, nothing to test here.
            return;
        }
        dir.write("open.txt", format!("{}\n", github_pat()));
        let out = cmd.args(["scan", "."]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("locked.txt"));
        assert!(String::from_utf8_lossy(&out.stdout).contains("open.txt"));
    }
);

stanch_test!(missing_path_is_an_error_with_exit_2, |dir, cmd| {
    let out = cmd.args(["scan", "does-not-exist"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist"));
    let _ = dir;
});

stanch_test!(placeholders_are_not_reported, |dir, cmd| {
    dir.write(
        "README.md",
        "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nexport GITHUB_TOKEN=<your-token>\nGITHUB_TOKEN=${GITHUB_TOKEN}\n",
    );
    cmd.args(["scan", "."]).assert().code(0);
});

stanch_test!(inline_allow_suppresses_and_is_counted, |dir, cmd| {
    dir.write(
        "a.py",
        format!("t = \"{}\"  # stanch:allow\n", github_pat()),
    );
    let out = cmd
        .args(["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out.stdout)["summary"]["suppressed"]["inline"], 1);
    dir.cmd()
        .args(["scan", ".", "--no-inline-allow"])
        .assert()
        .code(1);
});

stanch_test!(rules_list_and_check, |dir, cmd| {
    let out = cmd.args(["rules", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rules = json(&out.stdout);
    assert!(rules
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "github-classic-pat"));
    dir.write("mine.toml", "[[rule]]\nid = \"mine-x\"\nname = \"x\"\nkeywords = [\"zz\"]\nregex = '''(zz'''\nconfidence = 0.5\n");
    let out = dir
        .cmd()
        .args(["rules", "check", "mine.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mine.toml: rule mine-x: bad regex"), "{text}");
});

stanch_test!(rules_lists_configured_rules_too, |dir, cmd| {
    dir.write(
        ".stanch.toml",
        "disable = [\"github-classic-pat\"]\n[[rule]]\nid = \"acme-key\"\nname = \"Acme key\"\nkeywords = [\"acme_\"]\nregex = '''(acme_[a-z0-9]{16})'''\nconfidence = 0.9\n",
    );
    let listed = |out: &[u8]| -> Vec<String> {
        json(out)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let ids = listed(&cmd.args(["rules", "-f", "json"]).output().unwrap().stdout);
    assert!(ids.contains(&"acme-key".to_string()));
    assert!(!ids.contains(&"github-classic-pat".to_string()));
    let ids = listed(
        &dir.cmd()
            .args(["rules", "-f", "json", "--no-config"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(!ids.contains(&"acme-key".to_string()));
    assert!(ids.contains(&"github-classic-pat".to_string()));
});

stanch_test!(invalid_checksum_is_counted_not_reported, |dir, cmd| {
    dir.write(
        "config.py",
        format!("TOKEN = \"{}\"\n", github_pat_bad_checksum()),
    );
    let out = cmd.args(["scan", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1 token with an invalid checksum not reported"),
        "{text}"
    );
    // Not reported as a generic secret either: the provider rule claims it.
    assert!(!text.contains("generic-"), "{text}");
    let mut again = dir.cmd();
    let out = again
        .args(["scan", ".", "--min-confidence", "0.2", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out.stdout);
    assert_eq!(doc["findings"][0]["rule_id"], "github-classic-pat");
    assert_eq!(doc["findings"][0]["checksum_valid"], false);
});

stanch_test!(
    structured_keys_are_found_and_placeholders_are_not,
    |dir, cmd| {
        let pw = join(&["Kq9v", "L2xW7mZt"]);
        let key = join(&["K3vQx9", "Lm2Wp7Zr4TbN8c"]);
        dir.write(
        "appsettings.json",
        format!("{{\n  \"Smtp\": {{ \"adminPassword\": \"{pw}\" }},\n  \"apiKey\": \"<REDACTED>\"\n}}\n"),
    );
        dir.write(
        "web.config",
        format!("<appSettings>\n  <add key=\"PartnerApiKey\" value=\"{key}\"/>\n  <add key=\"DbPassword\" value=\"${{DB_PASSWORD}}\"/>\n</appSettings>\n"),
    );
        dir.write(
        "bot.py",
        format!("import os\nDISCORD_TOKEN = (\n    \"{key}\"\n)\npassword = os.environ[\"DB_PASSWORD\"]\nlog.info('--password ****')\n"),
    );
        let out = cmd
            .args(["scan", ".", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let mut found: Vec<(String, u64)> = findings(&out.stdout)
            .iter()
            .flat_map(|f| {
                f["locations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| {
                        (
                            l["path"].as_str().unwrap().to_string(),
                            l["line"].as_u64().unwrap(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("appsettings.json".to_string(), 2),
                ("bot.py".to_string(), 3),
                ("web.config".to_string(), 2)
            ]
        );
    }
);

stanch_test!(
    an_access_key_id_beside_its_secret_is_one_finding,
    |dir, cmd| {
        let id = aws_key_id();
        let secret = join(&["Kq9vL2xW7mZt4Rn8YbXy", "H3cJdP5sF1gA6hE0uTiO"]);
        dir.write(
            "creds.ini",
            format!("[default]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n"),
        );
        dir.write(
            "far.ini",
            format!(
                "aws_access_key_id = {id}\n{}aws_secret_access_key = {secret}\n",
                "#\n".repeat(8)
            ),
        );
        let out = cmd
            .args(["scan", ".", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains(&secret) && !stdout.contains(&id),
            "{stdout}"
        );
        let found = findings(&out.stdout);
        let secret_finding = found
            .iter()
            .find(|f| f["rule_id"] == "aws-secret-access-key")
            .expect("the secret key is reported");
        // The secret's own location first, the id beside it.
        assert_eq!(secret_finding["path"], "creds.ini");
        assert_eq!(secret_finding["line"], 3);
        let paired = &secret_finding["paired_with"];
        assert_eq!(paired["rule_id"], "aws-access-key-id");
        assert_eq!(
            (paired["path"].as_str(), paired["line"].as_u64()),
            (Some("creds.ini"), Some(2))
        );
        // One finding with both locations, the secret's first.
        let locs: Vec<u64> = secret_finding["locations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["path"] == "creds.ini")
            .map(|l| l["line"].as_u64().unwrap())
            .collect();
        assert_eq!(locs, [3, 2]);
        // The id in creds.ini is not reported again; the one in far.ini is too far to pair.
        let ids: Vec<(String, u64)> = found
            .iter()
            .filter(|f| f["rule_id"] == "aws-access-key-id")
            .flat_map(|f| f["locations"].as_array().unwrap().clone())
            .map(|l| {
                (
                    l["path"].as_str().unwrap().to_string(),
                    l["line"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(ids, [("far.ini".to_string(), 1)]);
    }
);

stanch_test!(
    a_username_or_client_id_beside_its_secret_is_read_with_it,
    |dir, cmd| {
        let password = join(&["Hq5nR8v", "Lt2Zk"]);
        let client_secret = join(&["Kq9vL2xW7mZt", "R8kq2LmZ7vN4"]);
        dir.write(
            "my.cnf",
            format!("[client]\nuser = backup\npassword = {password}\n"),
        );
        dir.write(
            "app.json",
            format!(
                "{{\n  \"clientId\": \"8f3b2c71-5d4e-4a8b-9c0d-1e2f3a4b5c6d\",\n  \"clientSecret\": \"{client_secret}\"\n}}\n"
            ),
        );
        // Too far from its password: no pair, and never a finding of its own.
        dir.write(
            "far.yml",
            format!(
                "username: alone\n{}password: {password}x\n",
                "# -\n".repeat(8)
            ),
        );
        // A username alone is not a finding.
        dir.write("users.yml", "username: deploy\nlogin: ops@acme.io\n");
        let out = cmd
            .args(["scan", ".", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains("backup") && !stdout.contains(&password),
            "{stdout}"
        );
        let found = findings(&out.stdout);
        let pair_of = |path: &str| {
            let f = found
                .iter()
                .find(|f| f["locations"][0]["path"] == path)
                .unwrap_or_else(|| panic!("{path} is reported: {stdout}"));
            let p = &f["paired_with"];
            (
                p["rule_id"].as_str().map(str::to_string),
                p["line"].as_u64(),
            )
        };
        assert_eq!(
            pair_of("my.cnf"),
            (Some("generic-username".to_string()), Some(2))
        );
        assert_eq!(
            pair_of("app.json"),
            (Some("generic-client-id".to_string()), Some(2))
        );
        assert_eq!(pair_of("far.yml"), (None, None));
        assert_eq!(found.len(), 3, "{stdout}");
        assert!(found
            .iter()
            .all(|f| f["rule_id"] != "generic-username" && f["rule_id"] != "generic-client-id"));
    }
);
