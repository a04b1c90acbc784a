//! The pre-commit framework end to end: a repository whose
//! `.pre-commit-config.yaml` points at this checkout blocks a commit that adds
//! a secret and lets a clean one through, with each hook that installs stanch:
//! `stanch` (`language: python`: the stanch wheel, a prebuilt binary) and
//! `stanch-cargo` (`language: rust`: the framework builds it with cargo).
//! Each test logs how long the hook's first install took, and appends it to
//! `precommit-first-install.txt` in cargo's test scratch directory (CI prints
//! it).
//!
//! Needs `pre-commit` on PATH (or `STANCH_PRECOMMIT_BIN`); the wheel hook also
//! needs `STANCH_E2E_WHEELHOUSE`, a directory holding the stanch wheel built
//! from this checkout and a setuptools wheel (for the hook's own tiny
//! project), from which pip installs with no index and no network. Without
//! them a test is skipped, unless `STANCH_REQUIRE_E2E=1`, when it fails. The
//! framework installs the hooks from this checkout's committed HEAD; to test
//! another state, point `STANCH_E2E_HOOK_REPO` at a repository holding it.
use crate::util::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The two tests take turns, so that neither's install time includes the
/// other's build.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn required() -> bool {
    std::env::var("STANCH_REQUIRE_E2E").as_deref() == Ok("1")
}

fn find_precommit() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STANCH_PRECOMMIT_BIN").map(PathBuf::from) {
        return p.exists().then_some(p);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join("pre-commit"))
        .find(|p| p.is_file())
}

fn precommit_or_skip() -> Option<PathBuf> {
    let found = find_precommit();
    if found.is_none() {
        if required() {
            panic!("STANCH_REQUIRE_E2E=1 but `pre-commit` is not on PATH (nor in STANCH_PRECOMMIT_BIN)");
        }
        eprintln!("skipping the pre-commit end-to-end test: `pre-commit` not found on PATH (pip install pre-commit, or set STANCH_PRECOMMIT_BIN)");
    }
    found
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Installs hook `hook` of this checkout into a new repository with the
/// framework (timing the first install), then commits a secret (blocked) and
/// a clean change (passes). `env` is added to every framework run.
fn blocks_a_secret_and_passes_a_clean_commit(
    precommit: &Path,
    hook: &str,
    env: &[(&str, &std::ffi::OsStr)],
) -> Duration {
    let hook_repo = std::env::var_os("STANCH_E2E_HOOK_REPO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let rev = Git::at(&hook_repo).run(&["rev-parse", "HEAD"]);
    let dir = TestDir::new();
    let g = Git::init(&dir.path().join("repo"));
    // A framework cache of this run's own, so that the first install is one.
    let home = dir.path().join("pre-commit-home");
    let with_env = |mut c: std::process::Command| {
        c.env("PRE_COMMIT_HOME", &home)
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        for (k, v) in env {
            c.env(k, v);
        }
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
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n",
            hook_repo.display()
        ),
    );
    g.commit("pre-commit config");
    let framework = |args: &[&str]| {
        let mut c = std::process::Command::new(precommit);
        c.args(args).current_dir(&g.dir);
        with_env(c)
    };
    let out = framework(&["install"]);
    assert!(out.status.success(), "pre-commit install: {}", text(&out));
    let start = Instant::now();
    let out = framework(&["install-hooks"]);
    let first_install = start.elapsed();
    assert!(
        out.status.success(),
        "pre-commit install-hooks ({hook}): {}",
        text(&out)
    );

    let run = |args: &[&str]| with_env(g.command(args));
    g.write(
        "settings.py",
        format!("DEBUG = False\nGITHUB_TOKEN = \"{}\"\n", github_pat()),
    );
    g.run(&["add", "settings.py"]);
    let out = run(&["commit", "-m", "add settings"]);
    let all = text(&out);
    assert!(
        !out.status.success(),
        "the commit adding a secret went through ({hook}):\n{all}"
    );
    assert!(
        all.contains("settings.py:2:17"),
        "no finding in the hook output ({hook}):\n{all}"
    );
    let pat = github_pat();
    let redacted = format!("ghp_…{}", &pat[pat.len() - 4..]);
    assert!(
        all.contains(&redacted),
        "no redacted secret in the hook output:\n{all}"
    );
    assert!(!all.contains(&pat), "secret printed in full:\n{all}");
    assert_eq!(g.run(&["rev-list", "--count", "HEAD"]), "1");

    g.write(
        "settings.py",
        "DEBUG = False\nGITHUB_TOKEN = os.environ[\"GITHUB_TOKEN\"]\n",
    );
    g.run(&["add", "settings.py"]);
    let out = run(&["commit", "-m", "add settings"]);
    assert!(
        out.status.success(),
        "a clean commit was blocked ({hook}):\n{}",
        text(&out)
    );
    assert_eq!(g.run(&["rev-list", "--count", "HEAD"]), "2");
    first_install
}

/// Logs a hook's first-install time and appends it to the figures file.
fn report(hook: &str, how: &str, took: Duration) {
    use std::io::Write;
    let line = format!(
        "pre-commit hook {hook} ({how}): first install {:.1} s",
        took.as_secs_f64()
    );
    eprintln!("{line}");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("precommit-first-install.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

#[test]
fn precommit_wheel_hook_blocks_a_secret_and_passes_a_clean_commit() {
    let Some(precommit) = precommit_or_skip() else {
        return;
    };
    let Some(wheelhouse) = std::env::var_os("STANCH_E2E_WHEELHOUSE").map(PathBuf::from) else {
        if required() {
            panic!("STANCH_REQUIRE_E2E=1 but STANCH_E2E_WHEELHOUSE (the stanch wheel and setuptools) is not set");
        }
        eprintln!("skipping the wheel hook's end-to-end test: STANCH_E2E_WHEELHOUSE is not set (bash .ci/run sets it)");
        return;
    };
    let has = |prefix: &str| {
        std::fs::read_dir(&wheelhouse)
            .map(|rd| {
                rd.filter_map(Result::ok).any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with(prefix) && name.ends_with(".whl")
                })
            })
            .unwrap_or(false)
    };
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        has(&format!("stanch-{version}-")) && has("setuptools-"),
        "{} lacks the stanch {version} or the setuptools wheel",
        wheelhouse.display()
    );
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // pip may use the wheelhouse and nothing else: no index, and a proxy that
    // refuses every connection, so that a download would fail the install.
    let dead_proxy = std::ffi::OsStr::new("http://127.0.0.1:9");
    let took = blocks_a_secret_and_passes_a_clean_commit(
        &precommit,
        "stanch",
        &[
            ("PIP_NO_INDEX", "1".as_ref()),
            ("PIP_FIND_LINKS", wheelhouse.as_os_str()),
            ("PIP_DISABLE_PIP_VERSION_CHECK", "1".as_ref()),
            ("HTTP_PROXY", dead_proxy),
            ("HTTPS_PROXY", dead_proxy),
            ("http_proxy", dead_proxy),
            ("https_proxy", dead_proxy),
        ],
    );
    report("stanch", "language: python, the stanch wheel", took);
}

#[test]
fn precommit_cargo_hook_blocks_a_secret_and_passes_a_clean_commit() {
    let Some(precommit) = precommit_or_skip() else {
        return;
    };
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The hook's `cargo install` builds in a target directory of its own:
    // sharing the project's would let a build from the framework's clone
    // overwrite this checkout's build-script output. It outlives the run, so
    // only a fresh clone (as in CI) measures a cold first install.
    let cargo_target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("precommit-e2e-target");
    let took = blocks_a_secret_and_passes_a_clean_commit(
        &precommit,
        "stanch-cargo",
        &[("CARGO_TARGET_DIR", cargo_target.as_os_str())],
    );
    report("stanch-cargo", "language: rust, cargo install", took);
}

/// The hook's project pins the stanch wheel of this very version, so that a
/// tag's hook installs that tag's binary.
#[test]
fn the_wheel_hook_pins_this_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |rel: &str| {
        std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let project: toml::Value = toml::from_str(&read("pyproject.toml")).expect("pyproject.toml");
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(project["project"]["version"].as_str(), Some(version));
    assert_eq!(
        project["project"]["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter_map(|d| d.as_str())
            .collect::<Vec<_>>(),
        [format!("stanch=={version}")]
    );
    let hooks: serde_json::Value =
        serde_yaml::from_str(&read(".pre-commit-hooks.yaml")).expect("hooks YAML");
    let hooks = hooks.as_array().expect("a list of hooks");
    let by_id = |id: &str| {
        hooks
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("no hook {id}"))
    };
    assert_eq!(by_id("stanch")["language"], "python");
    assert_eq!(by_id("stanch-cargo")["language"], "rust");
    assert_eq!(by_id("stanch-system")["language"], "system");
    let docker = by_id("stanch-docker");
    assert_eq!(docker["language"], "docker_image");
    assert_eq!(
        docker["entry"],
        format!("ghcr.io/stanch-scanner/stanch:{version} staged")
    );
    for h in hooks {
        assert_eq!(h["pass_filenames"], false, "{h}");
        assert!(
            h["entry"].as_str().is_some_and(|e| e.ends_with("staged")),
            "{h}"
        );
    }
}
