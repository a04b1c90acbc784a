//! SECURITY.md's promises, end to end: no secret in any output unless asked,
//! no absolute checkout path in reports bound for another machine, Ctrl-C
//! exits at once with 130 leaving no half-written file, and no command opens
//! a network socket (checked with `strace`, which `.ci/run` installs).
use crate::util::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FORMATS: [&str; 5] = ["text", "json", "sarif", "junit", "github"];

/// A repository whose history, index and work tree each hold planted secrets
/// (in plain text, base64, a nested file), plus a config and a baseline.
fn planted_repo(root: &Path) -> Git {
    let g = Git::init(&root.join("repo"));
    g.write(
        "old.py",
        format!(
            "GITHUB_TOKEN = \"{}\"\nAWS = \"{}\"\n",
            github_pat(),
            aws_key_id()
        ),
    );
    g.commit("history");
    g.write("old.py", "GITHUB_TOKEN = os.environ[\"GITHUB_TOKEN\"]\n");
    g.write(
        "k8s/secret.yaml",
        format!(
            "kind: Secret\ndata:\n  token: {}\n",
            b64(github_pat_n(3).as_bytes())
        ),
    );
    g.commit("moved to the environment");
    g.write("pay.rb", format!("STRIPE = '{}'\n", stripe_live()));
    g.run(&["add", "pay.rb"]);
    g.write("work/.env", format!("TOKEN={}\n", github_pat2()));
    g
}

/// Every file under `dir` (outside `.git`), as text.
fn written_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let text = String::from_utf8_lossy(&std::fs::read(&p).expect("read")).into_owned();
                out.push((p, text));
            }
        }
    }
    out
}

fn stanch_in(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("stanch").expect("binary built");
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .env_remove("STANCH_CONFIG");
    c
}

/// Every command, in every format, to stdout and through `--report`, with
/// errors forced, prints no planted secret; only `--show-secrets` does.
#[test]
fn no_command_format_or_error_prints_a_planted_secret() {
    let tmp = TestDir::new();
    let g = planted_repo(tmp.path());
    let repo = g.dir.clone();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let reports = |tag: &str| -> Vec<String> {
        FORMATS
            .iter()
            .map(|f| format!("{f}={}", out.join(format!("{tag}.{f}")).display()))
            .flat_map(|r| ["--report".to_string(), r])
            .collect()
    };
    let mut runs: Vec<(String, Vec<String>)> = Vec::new();
    for format in FORMATS {
        for (cmd, extra) in [
            ("scan", vec!["."]),
            ("staged", vec![]),
            ("history", vec!["--all"]),
        ] {
            let mut args: Vec<String> = vec![cmd.into(), "-f".into(), format.into()];
            args.extend(extra.iter().map(|s| s.to_string()));
            args.extend(reports(&format!("{cmd}-{format}")));
            runs.push((format!("{cmd} -f {format}"), args));
        }
    }
    let baseline = out.join("baseline.json");
    let b = baseline.display().to_string();
    runs.push((
        "baseline create".into(),
        vec![
            "baseline".into(),
            "create".into(),
            "--output".into(),
            b.clone(),
        ],
    ));
    runs.push((
        "baseline update".into(),
        vec![
            "baseline".into(),
            "update".into(),
            "--baseline".into(),
            b.clone(),
        ],
    ));
    runs.push((
        "baseline audit".into(),
        vec![
            "baseline".into(),
            "audit".into(),
            "--baseline".into(),
            b.clone(),
        ],
    ));
    runs.push((
        "scan --baseline".into(),
        vec!["scan".into(), ".".into(), "--baseline".into(), b.clone()],
    ));
    // A rule file whose examples are the planted secrets, one of them broken.
    let rules = out.join("mine.toml");
    std::fs::write(
        &rules,
        format!(
            "[[rule]]\nid = \"mine-token\"\nname = \"Mine\"\nconfidence = 0.9\nregex = 'zzq_[0-9]{{8}}'\nkeywords = [\"zzq_\"]\nexamples = [\"{}\", \"{}\"]\nnegative_examples = [\"{}\"]\n",
            github_pat(),
            stripe_live(),
            github_pat2()
        ),
    )
    .unwrap();
    runs.push((
        "rules check".into(),
        vec!["rules".into(), "check".into(), rules.display().to_string()],
    ));
    let broken = out.join("broken.toml");
    std::fs::write(
        &broken,
        format!(
            "[[rule]]\nid = \"broken-x\"\nexamples = [\"{}\n",
            github_pat()
        ),
    )
    .unwrap();
    runs.push((
        "rules check (unparsable)".into(),
        vec!["rules".into(), "check".into(), broken.display().to_string()],
    ));
    // Errors forced: a config naming the secret on the offending line, a
    // config of the wrong type holding it, a baseline that is not one.
    let bad_config = out.join("bad-config.toml");
    std::fs::write(
        &bad_config,
        format!("[allowlist]\nstopwords = [\n  {}\n]\n", github_pat()),
    )
    .unwrap();
    let typed_config = out.join("typed-config.toml");
    std::fs::write(
        &typed_config,
        format!("[allowlist]\nstopwords = \"{}\"\n", github_pat()),
    )
    .unwrap();
    let bad_baseline = out.join("bad-baseline.json");
    std::fs::write(
        &bad_baseline,
        format!("{{\"version\": 1, \"entries\": [\"{}\"", github_pat()),
    )
    .unwrap();
    for (what, flag, file) in [
        ("unparsable config", "--config", &bad_config),
        ("mistyped config", "--config", &typed_config),
        ("bad baseline", "--baseline", &bad_baseline),
    ] {
        for cmd in ["scan", "staged", "history"] {
            let mut args = vec![cmd.to_string()];
            if cmd == "scan" {
                args.push(".".into());
            }
            args.extend([flag.to_string(), file.display().to_string()]);
            runs.push((format!("{cmd} with a {what}"), args));
        }
    }
    // An unreadable file beside the secrets (where permissions bind).
    let locked = repo.join("locked.env");
    std::fs::write(&locked, format!("TOKEN={}\n", github_pat_n(5))).unwrap();
    set_mode(&locked, 0o000);
    // The files every run may read back, not its own output.
    let planted: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();

    let mut codes = Vec::new();
    for (what, args) in &runs {
        let (code, stdout, stderr) = run(stanch_in(&repo).args(args));
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert_no_plaintext(&format!("{what}: stdout"), &stdout);
        assert_no_plaintext(&format!("{what}: stderr"), &stderr);
        for (path, text) in written_files(&out) {
            if !planted.contains(&path) {
                assert_no_plaintext(&format!("{what}: {}", path.display()), &text);
            }
        }
        codes.push((what.clone(), code));
    }
    // The runs did what they say: findings, failed checks, errors. (The
    // baseline commands' codes depend on whether the locked file binds.)
    for (what, code) in &codes {
        let expected = if what.contains(" with a ") {
            2
        } else if what.starts_with("baseline") || what == "scan --baseline" {
            continue;
        } else {
            1
        };
        assert_eq!(*code, expected, "{what}");
    }
    for format in FORMATS {
        for cmd in ["scan", "staged", "history"] {
            let p = out.join(format!("{cmd}-{format}.{format}"));
            assert!(p.is_file(), "{} not written", p.display());
        }
    }
    assert!(baseline.is_file());

    // Teeth: asked to, stanch prints the secrets, in every format.
    for format in FORMATS {
        let (code, stdout, _) =
            run(stanch_in(&repo).args(["scan", ".", "--show-secrets", "-f", format]));
        assert_eq!(code, 1);
        assert!(
            stdout.contains(&stripe_live()),
            "--show-secrets -f {format} hides the secret"
        );
    }
    set_mode(&locked, 0o644);
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// `stanch scan /absolute/path -f sarif|github` writes paths relative to the
/// repository (or the scanned directory), never the absolute checkout path.
#[test]
fn reports_for_other_machines_hold_no_absolute_path() {
    let tmp = TestDir::new();
    let g = planted_repo(tmp.path());
    let abs = g.dir.canonicalize().unwrap();
    let plain = tmp.path().join("plain");
    std::fs::create_dir_all(plain.join("sub")).unwrap();
    std::fs::write(
        plain.join("sub/a.py"),
        format!("K = \"{}\"\n", stripe_live()),
    )
    .unwrap();
    let plain = plain.canonicalize().unwrap();
    for (target, expect) in [
        (abs.join("work"), "work/.env"),
        (abs.clone(), "pay.rb"),
        (plain.join("sub"), "a.py"),
        (plain.join("sub/a.py"), "a.py"),
    ] {
        // Run from elsewhere, so that nothing is relative to the working directory.
        let mut c = stanch_in(Path::new("/"));
        let out = output_with(
            c.args(["scan", "--no-config", "-f", "sarif"]).arg(&target),
            1,
        );
        let sarif = crate::sarif::check_sarif(&out.stdout);
        let text = String::from_utf8_lossy(&out.stdout);
        for leak in [
            abs.to_string_lossy(),
            plain.to_string_lossy(),
            tmp.path().to_string_lossy(),
        ] {
            assert!(
                !text.contains(leak.as_ref()),
                "SARIF of {} holds {leak}",
                target.display()
            );
        }
        let uris: Vec<&str> = sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert!(uris.contains(&expect), "{} → {uris:?}", target.display());
        let mut c = stanch_in(Path::new("/"));
        let out = output_with(
            c.args(["scan", "--no-config", "-f", "github"]).arg(&target),
            1,
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!("file={expect},")), "{text}");
        assert!(
            !text.contains(tmp.path().to_string_lossy().as_ref()),
            "{text}"
        );
    }
}

/// Ctrl-C stops a run at once with 130 (here one blocked reading stdin) and
/// leaves neither the report nor a temporary file behind.
#[test]
fn ctrl_c_exits_130_at_once_and_leaves_no_partial_report() {
    let dir = TestDir::new();
    let bin = assert_cmd::cargo::cargo_bin("stanch");
    let mut child = Command::new(bin)
        .args(["scan", "-", "-f", "json", "--output", "report.json"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        // Generous: the promise is one second; a loaded CI machine gets five.
        assert!(
            sent.elapsed() < Duration::from_secs(5),
            "still running after SIGINT"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

/// No command opens a socket: each runs under `strace -e trace=network`,
/// whose log must stay empty (and, for teeth, is not when bash connects).
#[test]
fn no_command_touches_the_network() {
    let Some(strace) = which("strace") else {
        assert!(
            std::env::var("STANCH_REQUIRE_E2E").as_deref() != Ok("1"),
            "strace is not installed (.ci/run installs it)"
        );
        eprintln!("skipped: strace is not installed");
        return;
    };
    let tmp = TestDir::new();
    let g = planted_repo(tmp.path());
    let log = tmp.path().join("strace.log");
    let traced = |args: &[&str]| -> String {
        let _ = std::fs::remove_file(&log);
        let status = Command::new(&strace)
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&log)
            .args(args)
            .current_dir(&g.dir)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("strace runs");
        assert!(status.code().is_some(), "{args:?} died of a signal");
        std::fs::read_to_string(&log).unwrap_or_default()
    };
    let teeth = traced(&["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true"]);
    if !teeth.contains("connect(") {
        // ptrace may be denied in some sandboxes: then nothing can be shown.
        assert!(
            std::env::var("STANCH_REQUIRE_E2E").as_deref() != Ok("1"),
            "strace records no network call here: {teeth}"
        );
        eprintln!("skipped: strace cannot trace here");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("stanch");
    let bin = bin.to_str().unwrap();
    let baseline = tmp.path().join("b.json");
    let b = baseline.to_str().unwrap();
    for args in [
        vec![bin, "scan", "."],
        vec![bin, "scan", ".", "-f", "sarif"],
        vec![bin, "staged"],
        vec![bin, "history", "--all"],
        vec![bin, "baseline", "create", "--output", b],
        vec![bin, "rules"],
        vec![bin, "install-hook", "--help"],
    ] {
        let trace = traced(&args);
        assert!(
            trace.trim().is_empty(),
            "{:?} made network calls:\n{trace}",
            &args[1..]
        );
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}
