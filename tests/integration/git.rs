//! `stanch staged`, `stanch history` and `stanch install-hook` on small
//! repositories built at test time with a fixed author and clock.
use crate::util::*;
use serde_json::Value;

fn repo(dir: &TestDir) -> Git {
    Git::init(&dir.path().join("repo"))
}

/// Runs `stanch ARGS -f json` in `cwd`; returns (exit code, findings, whole report, stderr).
fn run_json(g: &Git, cwd: &std::path::Path, args: &[&str]) -> (i32, Vec<Value>, Value, String) {
    let out = g
        .stanch(cwd)
        .args(args)
        .args(["-f", "json"])
        .output()
        .expect("stanch runs");
    let code = out.status.code().expect("exit code");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if code == 2 && out.stdout.is_empty() {
        return (code, vec![], Value::Null, stderr);
    }
    (code, findings(&out.stdout), json(&out.stdout), stderr)
}

fn staged(g: &Git) -> (i32, Vec<Value>, Value, String) {
    run_json(g, &g.dir, &["staged"])
}

fn history(g: &Git, extra: &[&str]) -> (i32, Vec<Value>, Value, String) {
    let mut args = vec!["history"];
    args.extend_from_slice(extra);
    run_json(g, &g.dir, &args)
}

fn lines(f: &Value) -> (u64, u64) {
    (
        f["line"].as_u64().expect("line"),
        f["column"].as_u64().expect("column"),
    )
}

// ---- staged ----

stanch_test!(
    staged_reports_only_added_lines_at_new_line_numbers,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write(
            "app.py",
            format!("old = \"{}\"\na = 1\nb = 2\n", github_pat()),
        );
        g.commit("first");
        g.write(
            "app.py",
            format!(
                "old = \"{}\"\na = 1\nb = 2\n\nnew = \"{}\"\n",
                github_pat(),
                github_pat2()
            ),
        );
        g.run(&["add", "app.py"]);
        let (code, f, report, _) = staged(&g);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1, "{report:#}");
        assert_eq!(f[0]["path"], "app.py");
        assert_eq!(lines(&f[0]), (5, 8));
        assert_eq!(report["summary"]["mode"], "staged");
        assert!(f[0].get("commit").is_none());
    }
);

stanch_test!(staged_text_redacts_and_tells_how_to_proceed, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", format!("t = {}\n", github_pat()));
    g.run(&["add", "a.txt"]);
    let out = g.stanch(&g.dir).arg("staged").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains(&github_pat()),
        "secret printed in full: {text}"
    );
    assert!(text.contains("a.txt:1:5"), "{text}");
    assert!(
        text.contains("blocked")
            && text.contains("rotate")
            && text.contains("stanch:allow")
            && text.contains("baseline"),
        "{text}"
    );
});

stanch_test!(staged_scans_the_index_not_the_work_tree, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "clean\n");
    g.commit("first");
    // Staged with a secret, then the work tree cleaned: the commit would still add it.
    g.write("a.txt", format!("clean\nt = {}\n", github_pat()));
    g.run(&["add", "a.txt"]);
    g.write("a.txt", "clean\n");
    // Not staged at all: not part of the commit.
    g.write("b.txt", format!("t = {}\n", github_pat2()));
    let (code, f, _, _) = staged(&g);
    assert_eq!(code, 1);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["path"], "a.txt");
    assert_eq!(lines(&f[0]), (2, 5));
});

stanch_test!(staged_unstaged_secret_only_is_clean, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "clean\n");
    g.commit("first");
    g.write("a.txt", format!("clean\nt = {}\n", github_pat()));
    let (code, f, _, _) = staged(&g);
    assert_eq!((code, f.len()), (0, 0));
});

stanch_test!(
    staged_first_commit_scans_against_the_empty_tree,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("conf/keys.env", format!("# keys\nAWS={}\n", aws_key_id()));
        g.run(&["add", "-A"]);
        let (code, f, _, _) = staged(&g);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["path"], "conf/keys.env");
        assert_eq!(f[0]["line"], 2);
    }
);

stanch_test!(staged_rename_copy_and_delete_add_nothing, |dir, _cmd| {
    let g = repo(&dir);
    let body = format!(
        "header\nt = {}\n{}",
        github_pat(),
        "filler line\n".repeat(20)
    );
    g.write("a.txt", &body);
    g.write("gone.txt", format!("t = {}\n", github_pat2()));
    g.commit("first");
    g.run(&["mv", "a.txt", "moved.txt"]);
    g.write("copy.txt", &body);
    g.run(&["add", "copy.txt"]);
    g.run(&["rm", "-q", "gone.txt"]);
    let (code, f, report, _) = staged(&g);
    assert_eq!((code, f.len()), (0, 0), "{report:#}");
    // A rename with an edit: only the edited line is new.
    g.write("moved.txt", format!("{body}t2 = {}\n", github_pat2()));
    g.run(&["add", "moved.txt"]);
    let (code, f, _, _) = staged(&g);
    assert_eq!(code, 1);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["path"], "moved.txt");
    assert_eq!(f[0]["line"], 23);
});

stanch_test!(
    staged_edited_copy_of_an_unchanged_file_reports_only_its_new_secret,
    |dir, _cmd| {
        let g = repo(&dir);
        let body = format!(
            "header\nt = {}\n{}",
            github_pat(),
            "filler line\n".repeat(20)
        );
        g.write("a.txt", &body);
        g.commit("first");
        // A copy with an edit: git sees an added file, but its secret was
        // brought along from a.txt, which this commit leaves as it is.
        g.write("copy.txt", format!("edited header\n{body}"));
        g.run(&["add", "copy.txt"]);
        let (code, f, report, _) = staged(&g);
        assert_eq!((code, f.len()), (0, 0), "{report:#}");
        assert!(
            report["summary"]["warnings"]
                .to_string()
                .contains("already committed in HEAD"),
            "{report:#}"
        );
        // A secret the copy adds is new.
        g.write(
            "copy.txt",
            format!("edited header\n{body}k = {}\n", github_pat2()),
        );
        g.run(&["add", "copy.txt"]);
        let (code, f, _, _) = staged(&g);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["path"], "copy.txt");
        assert_eq!(f[0]["line"], 24);
    }
);

stanch_test!(staged_skips_binary_files_and_submodules, |dir, _cmd| {
    let g = repo(&dir);
    g.write("README", "x\n");
    g.commit("first");
    let mut bin = b"\x00\x01\x02binary".to_vec();
    bin.extend_from_slice(github_pat().as_bytes());
    g.write("blob.bin", bin);
    g.run(&["add", "blob.bin"]);
    let head = g.run(&["rev-parse", "HEAD"]);
    g.run(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{head},vendor/lib"),
    ]);
    let (code, f, report, _) = staged(&g);
    assert_eq!((code, f.len()), (0, 0), "{report:#}");
    assert_eq!(report["summary"]["stats"]["binary"], 1);
    let warnings = report["summary"]["warnings"].to_string();
    assert!(
        warnings.contains("vendor/lib") && warnings.contains("submodule"),
        "{warnings}"
    );
});

stanch_test!(
    staged_finds_a_secret_split_across_a_hunk_boundary,
    |dir, _cmd| {
        let g = repo(&dir);
        let key = private_key_pem(12);
        let cut: Vec<&str> = key.lines().collect();
        // The first half of the key is committed; the commit adds the rest.
        let head = cut[..7].join("\n") + "\n";
        g.write("deploy/id_rsa.txt", format!("key:\n{head}"));
        g.commit("half a key");
        g.write("deploy/id_rsa.txt", format!("key:\n{key}"));
        g.run(&["add", "-A"]);
        let (code, f, report, _) = staged(&g);
        assert_eq!(code, 1, "{report:#}");
        assert_eq!(f.len(), 1, "{report:#}");
        assert_eq!(f[0]["line"], 2);
        assert_eq!(f[0]["end_line"], 15);
        // The same key, wholly committed, and an unrelated line added: not reported.
        g.commit("whole key");
        g.write("deploy/id_rsa.txt", format!("key:\n{key}more\n"));
        g.run(&["add", "-A"]);
        let (code, f, _, _) = staged(&g);
        assert_eq!((code, f.len()), (0, 0));
    }
);

stanch_test!(staged_crlf_lines_and_columns, |dir, _cmd| {
    let g = repo(&dir);
    g.write("win.ini", "[a]\r\nx=1\r\n");
    g.commit("first");
    g.write(
        "win.ini",
        format!("[a]\r\nx=1\r\ntoken={}\r\ny=2\r\n", github_pat()),
    );
    g.run(&["add", "win.ini"]);
    let (code, f, _, _) = staged(&g);
    assert_eq!(code, 1);
    assert_eq!(lines(&f[0]), (3, 7));
    assert_eq!(f[0]["end_column"], 47);
});

stanch_test!(staged_during_a_merge_scans_the_resolution, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "base\n");
    g.commit("base");
    g.run(&["checkout", "-q", "-b", "side"]);
    g.write("a.txt", "side\n");
    g.commit("side");
    g.run(&["checkout", "-q", "main"]);
    g.write("a.txt", "main\n");
    g.commit("main");
    let merge = g.command(&["merge", "-q", "side"]).output().unwrap();
    assert!(!merge.status.success(), "expected a conflict");
    assert!(g.dir.join(".git/MERGE_HEAD").exists());
    g.write("a.txt", format!("main\nside\nt = {}\n", github_pat()));
    g.run(&["add", "a.txt"]);
    let (code, f, _, _) = staged(&g);
    assert_eq!(code, 1);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["line"], 3);
});

stanch_test!(
    staged_from_a_subdirectory_and_outside_any_repository,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write(
            "src/deep/x.rs",
            format!("const T: &str = \"{}\";\n", github_pat()),
        );
        g.run(&["add", "-A"]);
        let (code, f, _, _) = run_json(&g, &g.dir.join("src/deep"), &["staged"]);
        assert_eq!(code, 1);
        assert_eq!(f[0]["path"], "src/deep/x.rs");
        let (code, f, _, _) = run_json(&g, dir.path(), &["staged", "--repo", "repo/src"]);
        assert_eq!((code, f.len()), (1, 1));
        let elsewhere = tempfile::tempdir().unwrap();
        let out = g
            .stanch(elsewhere.path())
            .arg("staged")
            .env(
                "GIT_CEILING_DIRECTORIES",
                elsewhere.path().parent().unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("not inside a git repository"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
);

// ---- history ----

stanch_test!(
    history_attributes_to_the_introducing_commit_across_renames,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("README", "hello\n");
        g.commit("readme");
        g.write("a.txt", format!("x\nt = {}\n", github_pat()));
        let intro = g.commit("add a token");
        g.run(&["mv", "a.txt", "b.txt"]);
        g.commit("rename");
        g.write("b.txt", format!("y\nt = {}\n", github_pat()));
        g.commit("edit");
        let (code, f, report, _) = history(&g, &[]);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1, "{report:#}");
        let f = &f[0];
        assert_eq!(f["commit"]["id"], intro.as_str());
        assert_eq!(f["commit"]["summary"], "add a token");
        assert_eq!(f["commit"]["author_name"], "Ada Tester");
        assert_eq!(f["commit"]["author_email"], "ada@example.com");
        assert_eq!(f["commit"]["date"], "2024-01-01T00:02:00Z");
        assert_eq!(
            (f["path"].as_str(), f["line"].as_u64(), f["column"].as_u64()),
            (Some("a.txt"), Some(2), Some(5))
        );
        assert_eq!(f["in_head"], true);
        assert_eq!(f["occurrences"], 3);
        let paths: Vec<&str> = f["locations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["a.txt", "b.txt", "b.txt"]);
        assert_eq!(report["summary"]["commits"], 4);
        assert_eq!(report["summary"]["mode"], "history");
    }
);

stanch_test!(
    history_counts_a_secret_allowed_inline_in_head_as_still_in_head,
    |dir, _cmd| {
        let g = repo(&dir);
        let token = github_pat();
        g.write("a.txt", format!("t = {token}\n"));
        let intro = g.commit("oops");
        // Marked as accepted later: HEAD's copy is suppressed, but it is still there.
        g.write("a.txt", format!("t = {token}  # stanch:allow\n"));
        g.commit("allow it");
        let (code, f, report, _) = history(&g, &[]);
        assert_eq!(code, 1, "{report:#}");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["commit"]["id"], intro.as_str());
        assert_eq!(f[0]["in_head"], true);
    }
);

stanch_test!(
    history_finds_a_deleted_secret_that_scan_does_not,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("keep.txt", "k\n");
        g.write("leak.txt", format!("t = {}\n", github_pat()));
        let intro = g.commit("oops");
        g.run(&["rm", "-q", "leak.txt"]);
        g.commit("remove the token");
        let (code, f, _, _) = history(&g, &[]);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["in_head"], false);
        assert_eq!(f[0]["commit"]["id"], intro.as_str());
        let out = g.stanch(&g.dir).args(["scan", "."]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        // Text output puts what is still live first and says the rest is history only.
        let text = g.stanch(&g.dir).arg("history").output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("not in HEAD") && text.contains(&intro[..12]),
            "{text}"
        );
        assert!(!text.contains(&github_pat()));
    }
);

stanch_test!(
    history_dedups_a_secret_seen_in_a_hundred_commits,
    |dir, _cmd| {
        let g = repo(&dir);
        for i in 0..100 {
            g.write(
                "config.py",
                format!("TOKEN = \"{}\"\nVERSION = {i}\n", github_pat()),
            );
            g.commit(&format!("bump {i}"));
        }
        let first = g.run(&["rev-list", "--max-parents=0", "HEAD"]);
        // Packed, so that blobs are read in pack order.
        g.run(&["gc", "-q"]);
        let (code, f, report, _) = history(&g, &[]);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1, "{report:#}");
        assert_eq!(f[0]["occurrences"], 100);
        assert_eq!(f[0]["commit"]["id"], first.as_str());
        assert_eq!(f[0]["in_head"], true);
        assert_eq!(report["summary"]["stats"]["scanned"], 100);
        assert_eq!(report["summary"]["commits"], 100);
    }
);

stanch_test!(history_all_finds_a_side_branch_and_a_stash, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "a\n");
    g.commit("base");
    g.run(&["checkout", "-q", "-b", "side"]);
    g.write("side.txt", format!("t = {}\n", github_pat()));
    let side = g.commit("side secret");
    g.run(&["checkout", "-q", "main"]);
    g.write("a.txt", format!("a\nk = {}\n", aws_key_id()));
    g.run(&["stash", "-q"]);
    let (code, f, _, _) = history(&g, &[]);
    assert_eq!((code, f.len()), (0, 0));
    let (code, f, _, _) = history(&g, &["--all"]);
    assert_eq!(code, 1);
    assert_eq!(f.len(), 2);
    let by_path = |p: &str| {
        f.iter()
            .find(|x| x["path"] == p)
            .unwrap_or_else(|| panic!("no finding in {p}"))
    };
    assert_eq!(by_path("side.txt")["commit"]["id"], side.as_str());
    assert_eq!(by_path("side.txt")["in_head"], false);
    assert_eq!(by_path("a.txt")["line"], 2);
    let (code, f, _, _) = history(&g, &["--branch", "side"]);
    assert_eq!((code, f.len()), (1, 1));
});

stanch_test!(history_range_and_dates_limit_the_commits, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "a\n");
    let c1 = g.commit("one");
    g.write("b.txt", format!("t = {}\n", github_pat()));
    let c2 = g.commit("two");
    g.write("c.txt", format!("t = {}\n", github_pat2()));
    let c3 = g.commit("three");
    let count = |extra: &[&str]| {
        let (code, f, report, _) = history(&g, extra);
        assert_eq!(code, if f.is_empty() { 0 } else { 1 }, "{report:#}");
        (f.len(), report["summary"]["commits"].as_u64().unwrap())
    };
    assert_eq!(count(&["--range", &format!("{c2}..{c3}")]), (1, 1));
    assert_eq!(count(&["--range", &format!("{c1}..{c3}")]), (2, 2));
    assert_eq!(count(&["--range", &format!("{c1}..")]), (2, 2));
    assert_eq!(count(&["--range", &format!("{c3}...{c1}")]), (2, 2));
    assert_eq!(count(&["--range", &format!("{c3}..{c1}")]), (0, 0));
    // Commits are one minute apart from 00:01: c2 is at 00:02, c3 at 00:03.
    assert_eq!(count(&["--since", "2024-01-01T00:02:30Z"]), (1, 1));
    assert_eq!(count(&["--until", "2024-01-01T00:02:00Z"]), (1, 2));
    assert_eq!(count(&["--since", "2024-01-02"]), (0, 0));
    // A range that leaves the introducing commit out still knows the secret is in HEAD.
    let (_, f, _, _) = history(&g, &["--range", &format!("{c2}..{c3}")]);
    assert_eq!(f[0]["in_head"], true);
    for bad in [
        &["--range", "nope..HEAD"][..],
        &["--range", "HEAD"],
        &["--branch", "nope"],
        &["--since", "last tuesday"],
    ] {
        let (code, _, _, err) = history(&g, bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(
            err.contains("nope") || err.contains("tuesday") || err.contains("A..B"),
            "{err}"
        );
    }
});

stanch_test!(
    history_merges_attribute_to_the_branch_commit_and_evil_merges_to_the_merge,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("a.txt", "a\n");
        g.commit("base");
        g.run(&["checkout", "-q", "-b", "side"]);
        g.write("side.txt", format!("t = {}\n", github_pat()));
        let side = g.commit("side secret");
        g.run(&["checkout", "-q", "main"]);
        g.write("b.txt", "b\n");
        g.commit("main work");
        g.run(&["merge", "-q", "--no-ff", "--no-commit", "side"]);
        g.write("merge.txt", format!("k = {}\n", aws_key_id()));
        g.run(&["add", "merge.txt"]);
        let merge = g.commit_staged("merge side");
        let (code, f, report, _) = history(&g, &[]);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 2, "{report:#}");
        let by_path = |p: &str| {
            f.iter()
                .find(|x| x["path"] == p)
                .unwrap_or_else(|| panic!("no finding in {p}"))
        };
        assert_eq!(by_path("side.txt")["commit"]["id"], side.as_str());
        assert_eq!(by_path("side.txt")["occurrences"], 1);
        assert_eq!(by_path("merge.txt")["commit"]["id"], merge.as_str());
    }
);

stanch_test!(history_of_empty_bare_and_non_repositories, |dir, _cmd| {
    let g = repo(&dir);
    let (code, f, report, _) = history(&g, &[]);
    assert_eq!((code, f.len()), (0, 0));
    assert_eq!(report["summary"]["commits"], 0);
    let (code, _, _, _) = history(&g, &["--all"]);
    assert_eq!(code, 0);
    g.write("a.txt", format!("t = {}\n", github_pat()));
    g.commit("one");
    let bare = dir.path().join("bare.git");
    g.run(&["clone", "-q", "--bare", ".", bare.to_str().unwrap()]);
    let (code, f, _, _) = run_json(&g, dir.path(), &["history", "bare.git"]);
    assert_eq!((code, f.len()), (1, 1));
    assert_eq!(f[0]["in_head"], true);
    let plain = dir.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    let out = g
        .stanch(dir.path())
        .args(["history", "plain"])
        .env("GIT_CEILING_DIRECTORIES", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside a git repository"));
    let out = g
        .stanch(dir.path())
        .args(["history", "missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
});

/// Overwrites the loose object `rev` names with garbage; returns its id.
fn corrupt_object(g: &Git, rev: &str) -> String {
    let id = g.run(&["rev-parse", rev]);
    let obj = g.dir.join(".git/objects").join(&id[..2]).join(&id[2..]);
    let mut perms = std::fs::metadata(&obj).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&obj, perms).unwrap();
    std::fs::write(&obj, b"garbage, not zlib").unwrap();
    id
}

stanch_test!(history_reports_a_corrupt_object_and_goes_on, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", format!("t = {}\n", github_pat()));
    g.commit("one");
    g.write("b.txt", format!("k = {}\n", aws_key_id()));
    g.commit("two");
    let bad = corrupt_object(&g, "HEAD:b.txt");
    let (code, f, report, err) = history(&g, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["path"], "a.txt");
    assert!(err.contains(&bad), "{err}");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["stats"]["unreadable"], 1);
});

stanch_test!(
    history_reports_a_corrupt_commit_and_still_scans_its_child,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("a.txt", format!("t = {}\n", github_pat()));
        g.commit("one");
        g.write("b.txt", "b\n");
        g.commit("two");
        let bad = corrupt_object(&g, "HEAD~1");
        let (code, f, report, err) = history(&g, &[]);
        // The secret is still in "two"'s tree, which is scanned whole, as
        // its parent cannot be read.
        assert_eq!(code, 1, "{err}");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["path"], "a.txt");
        assert_eq!(f[0]["commit"]["summary"], "two");
        assert!(err.contains(&bad), "{err}");
        assert_eq!(report["summary"]["errors"], 1, "{report:#}");
    }
);

stanch_test!(
    history_of_a_shallow_clone_says_it_is_truncated,
    |dir, _cmd| {
        let g = repo(&dir);
        g.write("a.txt", format!("t = {}\n", github_pat()));
        g.commit("one");
        g.write("b.txt", "b\n");
        g.commit("two");
        let url = format!("file://{}", g.dir.display());
        g.run(&[
            "clone",
            "-q",
            "--depth",
            "1",
            &url,
            dir.path().join("shallow").to_str().unwrap(),
        ]);
        let (code, f, report, _) = run_json(&g, &dir.path().join("shallow"), &["history"]);
        assert_eq!(code, 1);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["commit"]["summary"], "two");
        assert_eq!(report["summary"]["commits"], 1);
        assert!(report["summary"]["warnings"]
            .to_string()
            .contains("shallow"));
    }
);

#[cfg(unix)]
stanch_test!(history_handles_non_utf8_paths_and_symlinks, |dir, _cmd| {
    use std::os::unix::ffi::OsStrExt;
    let g = repo(&dir);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(g.dir.join(name), format!("t = {}\n", github_pat())).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", g.dir.join("link")).unwrap();
    g.commit("latin-1 name");
    let (code, f, _, _) = history(&g, &[]);
    assert_eq!(code, 1);
    assert_eq!(f[0]["path"], "caf\u{fffd}.txt");
    assert_eq!(f[0]["in_head"], true);
});

#[cfg(unix)]
stanch_test!(history_counts_skipped_symlinks_as_scan_does, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "a\n");
    std::os::unix::fs::symlink("a.txt", g.dir.join("link")).unwrap();
    g.commit("a file and a link to it");
    let (code, _, report, _) = history(&g, &[]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["stats"]["symlinks"], 1);
    let (_, _, scanned, _) = run_json(&g, &g.dir, &["scan", "."]);
    assert_eq!(scanned["summary"]["stats"]["symlinks"], 1);
});

stanch_test!(history_runs_on_the_threads_the_config_sets, |dir, _cmd| {
    let g = repo(&dir);
    g.write(".stanch.toml", "threads = 1\n");
    g.write("a.txt", "a\n");
    g.commit("one");
    for mode in [&["history"][..], &["scan", "."], &["staged"]] {
        let (code, _, report, stderr) = run_json(&g, &g.dir, mode);
        assert_eq!(code, 0, "{mode:?}: {stderr}");
        assert_eq!(report["summary"]["threads"], 1, "{mode:?}");
    }
    let (_, _, report, _) = history(&g, &["-j", "2"]);
    assert_eq!(report["summary"]["threads"], 2);
});

stanch_test!(history_findings_carry_their_commit_order, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "a\n");
    g.commit("zero");
    g.write("a.txt", format!("t = {}\n", github_pat()));
    g.commit("one");
    g.write("b.txt", format!("t = {}\n", github_pat2()));
    g.commit("two");
    let (code, f, _, _) = history(&g, &[]);
    assert_eq!(code, 1);
    let orders: Vec<(String, u64)> = f
        .iter()
        .map(|f| {
            (
                f["commit"]["summary"].as_str().unwrap().to_string(),
                f["commit"]["order"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(orders, [("one".to_string(), 1), ("two".to_string(), 2)]);
});

// ---- install-hook ----

stanch_test!(install_hook_blocks_a_commit_with_a_secret, |dir, _cmd| {
    let g = repo(&dir);
    g.write("a.txt", "a\n");
    g.commit("base");
    g.stanch(&g.dir).arg("install-hook").assert().code(0);
    let hook = g.dir.join(".git/hooks/pre-commit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&hook).unwrap().permissions().mode() & 0o111,
            0o111
        );
    }
    // PATH without stanch: the hook falls back to the binary that installed it.
    g.write("a.txt", format!("a\nt = {}\n", github_pat()));
    g.run(&["add", "a.txt"]);
    let out = g
        .command(&["commit", "-m", "leak"])
        .env("PATH", "/usr/bin:/bin:/usr/local/bin")
        .output()
        .unwrap();
    assert!(!out.status.success(), "commit with a secret went through");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("a.txt:2:5") && !all.contains(&github_pat()),
        "{all}"
    );
    g.write("a.txt", "a\nb\n");
    g.run(&["add", "a.txt"]);
    let out = g
        .command(&["commit", "-q", "-m", "clean"])
        .env("PATH", "/usr/bin:/bin:/usr/local/bin")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Reinstalling over our own hook is fine.
    g.stanch(&g.dir).arg("install-hook").assert().code(0);
});

stanch_test!(
    install_hook_keeps_a_foreign_hook_unless_forced,
    |dir, _cmd| {
        let g = repo(&dir);
        let hook = g.dir.join(".git/hooks/pre-commit");
        std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
        std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
        let out = g.stanch(&g.dir).arg("install-hook").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
        assert_eq!(
            std::fs::read_to_string(&hook).unwrap(),
            "#!/bin/sh\necho mine\n"
        );
        g.stanch(&g.dir)
            .args(["install-hook", "--force"])
            .assert()
            .code(0);
        assert!(std::fs::read_to_string(&hook)
            .unwrap()
            .contains("stanch staged"));
    }
);
