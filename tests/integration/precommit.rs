//! The pre-commit framework end to end: a repository whose
//! `.pre-commit-config.yaml` points at this checkout (hook `stanch`, which the
//! framework builds with `cargo install`) blocks a commit that adds a secret
//! and lets a clean one through.
//!
//! Needs `pre-commit` on PATH (or `STANCH_PRECOMMIT_BIN`); without it the test
//! is skipped, unless `STANCH_REQUIRE_E2E=1`, when it fails. The framework
//! builds the hook from this checkout's committed HEAD; to test another state,
//! point `STANCH_E2E_HOOK_REPO` at a repository holding it.
use crate::util::*;
use std::path::{Path, PathBuf};

fn find_precommit() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STANCH_PRECOMMIT_BIN").map(PathBuf::from) {
        return p.exists().then_some(p);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join("pre-commit"))
        .find(|p| p.is_file())
}

#[test]
fn precommit_framework_blocks_a_secret_and_passes_a_clean_commit() {
    let Some(precommit) = find_precommit() else {
        if std::env::var("STANCH_REQUIRE_E2E").as_deref() == Ok("1") {
            panic!("STANCH_REQUIRE_E2E=1 but `pre-commit` is not on PATH (nor in STANCH_PRECOMMIT_BIN)");
        }
        eprintln!("skipping the pre-commit end-to-end test: `pre-commit` not found on PATH (pip install pre-commit, or set STANCH_PRECOMMIT_BIN)");
        return;
    };
    let hook_repo = std::env::var_os("STANCH_E2E_HOOK_REPO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let rev = Git::at(&hook_repo).run(&["rev-parse", "HEAD"]);
    let dir = TestDir::new();
    let g = Git::init(&dir.path().join("repo"));
    // One framework cache for every commit of this run. The hook's `cargo
    // install` builds in a target directory of its own that outlives the run
    // (so a second run is incremental): sharing the project's target directory
    // would let a build from the framework's clone overwrite this checkout's
    // build-script output.
    let home = dir.path().join("pre-commit-home");
    let cargo_target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("precommit-e2e-target");
    let env = |mut c: std::process::Command| {
        c.env("PRE_COMMIT_HOME", &home)
            .env("CARGO_TARGET_DIR", &cargo_target)
            .env("NO_COLOR", "1");
        if let Some(bin_dir) = precommit.parent() {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let mut dirs = vec![bin_dir.to_path_buf()];
            dirs.extend(std::env::split_paths(&path));
            c.env("PATH", std::env::join_paths(dirs).expect("PATH joins"));
        }
        c.output().expect("command runs")
    };
    g.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: stanch\n",
            hook_repo.display()
        ),
    );
    g.commit("pre-commit config");
    let run = |args: &[&str]| env(g.command(args));
    let mut install = std::process::Command::new(&precommit);
    install
        .arg("install")
        .current_dir(&g.dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    let out = env(install);
    assert!(
        out.status.success(),
        "pre-commit install: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    g.write(
        "settings.py",
        format!("DEBUG = False\nGITHUB_TOKEN = \"{}\"\n", github_pat()),
    );
    g.run(&["add", "settings.py"]);
    let out = run(&["commit", "-m", "add settings"]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.status.success(),
        "the commit adding a secret went through:\n{all}"
    );
    assert!(
        all.contains("settings.py:2:17"),
        "no finding in the hook output:\n{all}"
    );
    let pat = github_pat();
    let redacted = format!("ghp_…{}", &pat[pat.len() - 4..]);
    assert!(
        all.contains(&redacted),
        "no redacted secret in the hook output:\n{all}"
    );
    assert!(
        !all.contains(&github_pat()),
        "secret printed in full:\n{all}"
    );
    assert_eq!(g.run(&["rev-list", "--count", "HEAD"]), "1");

    g.write(
        "settings.py",
        "DEBUG = False\nGITHUB_TOKEN = os.environ[\"GITHUB_TOKEN\"]\n",
    );
    g.run(&["add", "settings.py"]);
    let out = run(&["commit", "-m", "add settings"]);
    assert!(
        out.status.success(),
        "a clean commit was blocked:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(g.run(&["rev-list", "--count", "HEAD"]), "2");
}
