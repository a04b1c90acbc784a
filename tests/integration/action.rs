//! The GitHub Action's script (scripts/action.sh) run against fixture
//! repositories built at test time, with simulated `GITHUB_*` variables and
//! event payloads: which commits it scans, the job summary, the step outputs,
//! the SARIF log and the exit status. Also the structure of action.yml.
use crate::sarif::check_sarif;
use crate::util::*;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ZERO: &str = "0000000000000000000000000000000000000000";

/// Runs git in `dir` with a fixed identity and clock, so commit ids are stable.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
        .env("GIT_AUTHOR_DATE", "2024-01-02T03:04:05Z")
        .env("GIT_COMMITTER_DATE", "2024-01-02T03:04:05Z")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_PROTOCOL_FROM_USER", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A third GitHub token.
fn pat_c() -> String {
    with_checksum(&join(&["gh", "p_"]), "Mn3Bv6Cx9Zl2Kj5Hg8Fd1Sa4Qw7Er0")
}

/// A repository whose history is: `old` adds a token (before the pull
/// request), `base` is clean, then `pr1` adds a second token and `pr2` a clean
/// file. Returns the repository and the commit ids.
struct Fixture {
    repo: PathBuf,
    old: String,
    base: String,
    pr1: String,
    pr2: String,
}

/// Writes `file` and commits it; returns the commit id.
pub fn commit(repo: &Path, file: &str, content: &str, message: &str) -> String {
    let p = repo.join(file);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(&p, content).expect("write");
    git(repo, &["add", file]);
    git(repo, &["commit", "-q", "-m", message]);
    git(repo, &["rev-parse", "HEAD"])
}

fn fixture(dir: &TestDir) -> Fixture {
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    let old = commit(
        &repo,
        "old/settings.py",
        &format!("TOKEN = \"{}\"\n", github_pat()),
        "Add settings",
    );
    let base = commit(&repo, "README.md", "# demo\n", "Add a README");
    git(&repo, &["checkout", "-q", "-b", "feature"]);
    let pr1 = commit(
        &repo,
        "src/deploy.sh",
        &format!("export GH={}\n", github_pat2()),
        "Add deploy script",
    );
    let pr2 = commit(&repo, "src/main.rs", "fn main() {}\n", "Add main");
    Fixture {
        repo,
        old,
        base,
        pr1,
        pr2,
    }
}

/// The script's run: exit status, log, summary and outputs.
struct Run {
    out: Output,
    summary: String,
    outputs: String,
    sarif: PathBuf,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.out.status.code()
    }
    fn log(&self) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&self.out.stdout),
            String::from_utf8_lossy(&self.out.stderr)
        )
    }
    fn output(&self, name: &str) -> Option<String> {
        self.outputs
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")).map(str::to_string))
    }
}

/// Runs scripts/action.sh on `repo` for `event` with `payload`, plus `env`.
fn action(
    dir: &TestDir,
    repo: &Path,
    event: &str,
    payload: serde_json::Value,
    env: &[(&str, &str)],
) -> Run {
    let event_path = dir.path().join("event.json");
    std::fs::write(&event_path, payload.to_string()).expect("write event");
    let summary = dir.path().join("summary.md");
    let outputs = dir.path().join("outputs.txt");
    let sarif = dir.path().join("out/stanch.sarif");
    for f in [&summary, &outputs] {
        let _ = std::fs::remove_file(f);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action.sh");
    let mut cmd = Command::new("bash");
    cmd.arg(script)
        .current_dir(dir.path())
        .env("GITHUB_EVENT_NAME", event)
        .env("GITHUB_EVENT_PATH", &event_path)
        .env("GITHUB_WORKSPACE", repo)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &outputs)
        .env("INPUT_SARIF", &sarif)
        .env("STANCH_BIN", assert_cmd::cargo::cargo_bin("stanch"))
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("INPUT_ARGS")
        .env_remove("INPUT_FAIL_ON_FINDINGS")
        .env_remove("STANCH_CONFIG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash runs");
    Run {
        out,
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        outputs: std::fs::read_to_string(&outputs).unwrap_or_default(),
        sarif,
    }
}

fn pr_payload(base: &str, head: &str) -> serde_json::Value {
    json!({"action": "synchronize", "number": 7, "pull_request": {"number": 7, "base": {"sha": base, "ref": "main"}, "head": {"sha": head, "ref": "feature"}}})
}

fn push_payload(before: &str, after: &str) -> serde_json::Value {
    json!({"ref": "refs/heads/feature", "before": before, "after": after, "created": before == ZERO, "forced": false})
}

#[test]
fn pull_request_scans_only_its_commits() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[],
    );
    let log = run.log();
    assert_eq!(run.code(), Some(1), "{log}");
    // The token added by the pull request is reported, on its file and commit;
    // the older one, outside base..head, is not.
    assert!(log.contains("file=src/deploy.sh,line=1"), "{log}");
    assert!(!log.contains("old/settings.py"), "{log}");
    assert!(log.contains("scanned 2 commits"), "{log}");
    assert!(log.contains(" bytes)"), "{log}");
    assert!(
        !log.contains(&github_pat2()) && !run.summary.contains(&github_pat2()),
        "secret printed in full"
    );
    assert_eq!(run.output("findings").as_deref(), Some("1"));
    assert_eq!(
        run.output("sarif").as_deref(),
        Some(run.sarif.to_str().unwrap())
    );
    // The summary: a table with the rule, file, line, commit and redacted secret.
    assert!(
        run.summary.contains("## stanch: 1 secret found"),
        "{}",
        run.summary
    );
    assert!(
        run.summary
            .contains("| Rule | File | Line | Commit | Secret |"),
        "{}",
        run.summary
    );
    let row = format!(
        "| `github-classic-pat` | `src/deploy.sh` | 1 | `{}` | `ghp_…JtOT` |",
        &f.pr1[..12]
    );
    assert!(run.summary.contains(&row), "{}\nwanted {row}", run.summary);
    let doc = check_sarif(&std::fs::read(&run.sarif).expect("SARIF written"));
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["properties"]["commit"]["id"], f.pr1.as_str());
    assert!(
        log.contains("::error title=stanch::1 secret(s) found"),
        "{log}"
    );
}

#[test]
fn fail_on_findings_false_reports_and_passes() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[("INPUT_FAIL_ON_FINDINGS", "false")],
    );
    assert_eq!(run.code(), Some(0), "{}", run.log());
    assert_eq!(run.output("findings").as_deref(), Some("1"));
    assert!(run.summary.contains("src/deploy.sh"));
}

#[test]
fn a_clean_pull_request_passes_though_history_has_a_secret() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    // Only pr2 (a clean file): base..head is pr1..pr2.
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.pr1, &f.pr2),
        &[],
    );
    assert_eq!(run.code(), Some(0), "{}", run.log());
    assert_eq!(run.output("findings").as_deref(), Some("0"));
    assert!(
        run.summary.contains("## stanch: no secrets found"),
        "{}",
        run.summary
    );
    assert!(run.summary.contains("Scanned 1 commits"), "{}", run.summary);
    let doc = check_sarif(&std::fs::read(&run.sarif).unwrap());
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn push_scans_before_to_after() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(&dir, &f.repo, "push", push_payload(&f.old, &f.pr1), &[]);
    assert_eq!(run.code(), Some(1), "{}", run.log());
    assert!(run.log().contains("scanned 2 commits"), "{}", run.log());
    assert!(
        run.summary.contains("src/deploy.sh") && !run.summary.contains("old/settings.py"),
        "{}",
        run.summary
    );
}

#[test]
fn push_of_a_new_branch_scans_all_its_history() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(&dir, &f.repo, "push", push_payload(ZERO, &f.pr2), &[]);
    assert_eq!(run.code(), Some(1), "{}", run.log());
    assert!(run.log().contains("a new branch"), "{}", run.log());
    assert!(run.log().contains("scanned 4 commits"), "{}", run.log());
    assert_eq!(run.output("findings").as_deref(), Some("2"));
    assert!(
        run.summary.contains("old/settings.py") && run.summary.contains("src/deploy.sh"),
        "{}",
        run.summary
    );
}

#[test]
fn push_of_a_new_branch_not_checked_out_scans_that_commit() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    // HEAD is pr2; the push says the new branch is at `base`: only old and base.
    let run = action(&dir, &f.repo, "push", push_payload(ZERO, &f.base), &[]);
    assert_eq!(run.code(), Some(1), "{}", run.log());
    assert!(run.log().contains("scanned 2 commits"), "{}", run.log());
    assert!(
        run.summary.contains("old/settings.py") && !run.summary.contains("src/deploy.sh"),
        "{}",
        run.summary
    );
    // The temporary ref that named the commit is gone.
    assert_eq!(git(&f.repo, &["for-each-ref", "refs/stanch-action"]), "");
}

#[test]
fn force_push_whose_before_vanished_scans_all_history_and_says_so() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let gone = "1111111111111111111111111111111111111111";
    let run = action(&dir, &f.repo, "push", push_payload(gone, &f.pr2), &[]);
    let log = run.log();
    assert_eq!(run.code(), Some(1), "{log}");
    assert!(
        log.contains(
            "::warning title=stanch::The commit before the push (111111111111) no longer exists"
        ),
        "{log}"
    );
    assert!(log.contains("scanned 4 commits"), "{log}");
}

#[test]
fn base_equal_to_head_fails_and_says_nothing_was_scanned() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.pr2, &f.pr2),
        &[],
    );
    assert_eq!(run.code(), Some(2), "{}", run.log());
    assert!(run.log().contains("are the same commit"), "{}", run.log());
    assert!(run.log().contains("nothing was scanned"), "{}", run.log());
    assert!(run.summary.contains("## stanch: not scanned"));
    assert_eq!(run.output("findings"), None);
}

#[test]
fn a_base_that_cannot_be_found_fails_naming_the_range() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let gone = "2222222222222222222222222222222222222222";
    let run = action(&dir, &f.repo, "pull_request", pr_payload(gone, &f.pr2), &[]);
    assert_eq!(run.code(), Some(2), "{}", run.log());
    assert!(
        run.log().contains(&format!(
            "the commits 222222222222..{} were not scanned",
            &f.pr2[..12]
        )),
        "{}",
        run.log()
    );
}

/// A bare copy of the fixture to clone from, as GitHub's remote.
fn origin(dir: &TestDir, f: &Fixture) -> String {
    let bare = dir.path().join("origin.git");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--bare",
            f.repo.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    format!("file://{}", bare.display())
}

#[test]
fn a_shallow_checkout_is_deepened_then_scanned() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let url = origin(&dir, &f);
    let work = dir.path().join("work");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--branch",
            "feature",
            &url,
            work.to_str().unwrap(),
        ],
    );
    assert_eq!(
        git(&work, &["rev-parse", "--is-shallow-repository"]),
        "true"
    );
    let run = action(
        &dir,
        &work,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[],
    );
    let log = run.log();
    assert_eq!(run.code(), Some(1), "{log}");
    assert!(log.contains("the checkout is shallow; fetching"), "{log}");
    assert!(log.contains("scanned 2 commits"), "{log}");
    assert_eq!(run.output("findings").as_deref(), Some("1"));
}

#[test]
fn a_shallow_checkout_that_cannot_be_deepened_fails_clearly() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let url = origin(&dir, &f);
    let work = dir.path().join("work");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "2",
            "--branch",
            "feature",
            &url,
            work.to_str().unwrap(),
        ],
    );
    git(&work, &["remote", "remove", "origin"]);
    // pr1 and pr2 are here, base is not: the range cannot be resolved.
    let run = action(
        &dir,
        &work,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[],
    );
    assert_eq!(run.code(), Some(2), "{}", run.log());
    assert!(
        run.log().contains("were not scanned") && run.log().contains("fetch-depth: 0"),
        "{}",
        run.log()
    );
    // Depth 3 holds base too, but not its parent: the history is cut inside
    // a push range that reaches back to `old`.
    let work3 = dir.path().join("work3");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "3",
            "--branch",
            "feature",
            &url,
            work3.to_str().unwrap(),
        ],
    );
    git(&work3, &["remote", "remove", "origin"]);
    let run = action(&dir, &work3, "push", push_payload(ZERO, &f.pr2), &[]);
    assert_eq!(run.code(), Some(2), "{}", run.log());
    assert!(
        run.log()
            .contains("The checkout is shallow and the history of"),
        "{}",
        run.log()
    );
}

#[test]
fn a_schedule_scans_every_ref() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    git(&f.repo, &["checkout", "-q", "main"]);
    // A third token on another branch, not reachable from HEAD.
    git(&f.repo, &["checkout", "-q", "-b", "other"]);
    commit(&f.repo, "other.txt", &format!("t={}\n", pat_c()), "Other");
    git(&f.repo, &["checkout", "-q", "main"]);
    let run = action(
        &dir,
        &f.repo,
        "schedule",
        json!({"schedule": "0 3 * * 1"}),
        &[],
    );
    assert_eq!(run.code(), Some(1), "{}", run.log());
    assert!(
        run.log().contains("every commit of every ref"),
        "{}",
        run.log()
    );
    assert_eq!(run.output("findings").as_deref(), Some("3"));
}

#[test]
fn a_deleted_branch_has_nothing_to_scan_and_says_so() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(&dir, &f.repo, "push", push_payload(&f.pr2, ZERO), &[]);
    assert_eq!(run.code(), Some(0), "{}", run.log());
    assert!(run.summary.contains("nothing to scan"), "{}", run.summary);
    assert_eq!(run.output("findings").as_deref(), Some("0"));
}

#[test]
fn extra_args_reach_stanch() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    // No finding reaches confidence 1 (a valid checksum gives 0.99): filtered out.
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[("INPUT_ARGS", "--min-confidence 1")],
    );
    assert_eq!(run.code(), Some(0), "{}", run.log());
    assert_eq!(run.output("findings").as_deref(), Some("0"));
}

#[test]
fn a_bad_payload_fails_before_scanning() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        json!({"action": "opened"}),
        &[],
    );
    assert_eq!(run.code(), Some(2), "{}", run.log());
    assert!(
        run.log()
            .contains("has no base and head commits; nothing was scanned"),
        "{}",
        run.log()
    );
    let run = action(&dir, &f.repo, "pull_request", json!("not an object"), &[]);
    assert_eq!(run.code(), Some(2));
    assert!(run.log().contains("is not a JSON object"), "{}", run.log());
}

#[test]
fn the_script_is_shellcheck_clean() {
    // shellcheck is a development tool, not a build dependency: skip where it
    // is missing, but say so; CI (STANCH_REQUIRE_E2E=1, shellcheck installed by
    // .ci/run) fails instead of skipping.
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action.sh");
    match Command::new("shellcheck").arg(&script).output() {
        Ok(out) => assert!(
            out.status.success(),
            "shellcheck:\n{}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) if std::env::var_os("STANCH_REQUIRE_E2E").is_some_and(|v| v == "1") => {
            panic!("shellcheck not installed and STANCH_REQUIRE_E2E=1")
        }
        Err(_) => eprintln!("shellcheck not installed: scripts/action.sh not linted"),
    }
}

fn yaml(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `inputs.NAME` and `steps.ID` that `${{ }}` expressions in `text` use.
fn references(text: &str, what: &str) -> Vec<String> {
    let re = regex::Regex::new(&format!(r"\b{what}\.([A-Za-z0-9_-]+)")).expect("regex");
    let expr = regex::Regex::new(r"\$\{\{(.*?)\}\}").expect("regex");
    let mut found = Vec::new();
    for e in expr.captures_iter(text) {
        found.extend(re.captures_iter(&e[1]).map(|c| c[1].to_string()));
    }
    // Bare `if:` conditions are expressions without the braces.
    for line in text.lines().filter_map(|l| l.trim().strip_prefix("if:")) {
        found.extend(re.captures_iter(line).map(|c| c[1].to_string()));
    }
    found
}

#[test]
fn action_yml_has_the_documented_structure() {
    let text = read("action.yml");
    let a = yaml(&text);
    assert!(a["name"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(a["description"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(a["runs"]["using"], "composite");
    // Inputs: the documented set, each described, defaults as strings.
    let inputs = a["inputs"].as_object().expect("inputs");
    let mut names: Vec<&str> = inputs.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "args",
            "baseline",
            "config",
            "fail-on-findings",
            "sarif",
            "upload-sarif",
            "version"
        ]
    );
    for (name, i) in inputs {
        assert!(
            i["description"].as_str().is_some_and(|s| !s.is_empty()),
            "input {name} undocumented"
        );
        assert!(
            i["default"].is_string(),
            "input {name}: default must be a string"
        );
    }
    for (name, default) in [
        ("sarif", "stanch.sarif"),
        ("upload-sarif", "true"),
        ("fail-on-findings", "true"),
        // The release of the action's own version.
        ("version", ""),
    ] {
        assert_eq!(inputs[name]["default"], default, "default of {name}");
    }
    // Outputs come from the scan step.
    let outputs = a["outputs"].as_object().expect("outputs");
    assert_eq!(outputs.len(), 2);
    for name in ["findings", "sarif"] {
        assert!(outputs[name]["description"].is_string());
        assert_eq!(
            outputs[name]["value"],
            format!("${{{{ steps.scan.outputs.{name} }}}}")
        );
    }
    // Steps: each runs a shell command or uses an action; ids are unique and
    // known before they are referenced; inputs are passed through env, never
    // pasted into a script (where a crafted value would run as code).
    let steps = a["runs"]["steps"].as_array().expect("steps");
    let mut ids: Vec<String> = Vec::new();
    let script = read("scripts/action.sh");
    for s in steps {
        let step_text = serde_yaml::to_string(s).expect("re-serialize");
        for id in references(&step_text, "steps") {
            assert!(ids.contains(&id), "step {id} used before it is defined");
        }
        if let Some(run) = s["run"].as_str() {
            assert!(s["uses"].is_null(), "a step both runs and uses");
            assert_eq!(s["shell"], "bash", "composite run steps need a shell");
            assert!(
                !run.contains("${{"),
                "expression inside a run script: {run}"
            );
        } else {
            assert!(
                s["uses"].as_str().is_some_and(|u| u.contains('@')),
                "a step must run or use a pinned action"
            );
        }
        if let Some(id) = s["id"].as_str() {
            assert!(!ids.contains(&id.to_string()), "duplicate id {id}");
            ids.push(id.to_string());
        }
    }
    for name in references(&text, "inputs") {
        assert!(inputs.contains_key(&name), "inputs.{name} is not declared");
    }
    let scan = steps
        .iter()
        .find(|s| s["id"] == "scan")
        .expect("a scan step");
    assert_eq!(
        scan["run"],
        "bash \"$GITHUB_ACTION_PATH/scripts/action.sh\""
    );
    for (var, _) in scan["env"].as_object().expect("scan env") {
        assert!(
            script.contains(var.as_str()),
            "the script does not read {var}"
        );
    }
    // Installing is the script's too, with the same inputs-through-env rule;
    // the binary's cache is keyed by runner and version.
    let install = steps
        .iter()
        .find(|s| s["id"] == "install")
        .expect("an install step");
    assert_eq!(
        install["run"],
        "bash \"$GITHUB_ACTION_PATH/scripts/action.sh\" install"
    );
    for (var, _) in install["env"].as_object().expect("install env") {
        assert!(
            var == "CARGO_TARGET_DIR" || script.contains(var.as_str()),
            "the script does not read {var}"
        );
    }
    let cached = steps
        .iter()
        .find(|s| s["name"] == "Cache the stanch binary")
        .expect("a cache step for the binary");
    assert_eq!(cached["with"]["path"], "${{ runner.tool_cache }}/stanch");
    assert_eq!(
        install["env"]["STANCH_CACHE_DIR"],
        "${{ runner.tool_cache }}/stanch"
    );
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload step");
    let cond = upload["if"].as_str().expect("upload condition");
    assert!(
        cond.contains("always()") && cond.contains("inputs.upload-sarif == 'true'"),
        "{cond}"
    );
    assert_eq!(
        upload["with"]["sarif_file"],
        "${{ steps.scan.outputs.sarif }}"
    );
}

#[test]
fn the_documented_workflows_are_well_formed() {
    let doc = read("docs/ci.md");
    let action = yaml(&read("action.yml"));
    let blocks: Vec<&str> = doc
        .split("```yaml\n")
        .skip(1)
        .map(|b| b.split("\n```").next().expect("closed block"))
        .collect();
    assert_eq!(
        blocks.len(),
        2,
        "a pull-request workflow and a scheduled one"
    );
    let mut events = Vec::new();
    for b in blocks {
        let w = yaml(b);
        assert_eq!(w["permissions"]["security-events"], "write", "{b}");
        let on = w["on"].as_object().expect("on: is a map");
        events.extend(on.keys().cloned());
        for (_, job) in w["jobs"].as_object().expect("jobs") {
            assert!(job["runs-on"].is_string());
            let steps = job["steps"].as_array().expect("steps");
            let checkout = steps
                .iter()
                .find(|s| {
                    s["uses"]
                        .as_str()
                        .is_some_and(|u| u.starts_with("actions/checkout@"))
                })
                .expect("checkout");
            assert_eq!(
                checkout["with"]["fetch-depth"], 0,
                "full history needed: {b}"
            );
            let stanch = steps
                .iter()
                .find(|s| {
                    s["uses"]
                        .as_str()
                        .is_some_and(|u| u.starts_with("stanch-scanner/stanch@"))
                })
                .expect("the action");
            if let Some(with) = stanch["with"].as_object() {
                for (k, v) in with {
                    assert!(action["inputs"].get(k).is_some(), "unknown input {k}");
                    assert!(v.is_string(), "input {k} should be a quoted string");
                }
            }
        }
    }
    assert!(
        events.iter().any(|e| e == "pull_request") && events.iter().any(|e| e == "schedule"),
        "{events:?}"
    );
}

#[test]
fn the_baseline_input_suppresses_known_findings() {
    let dir = TestDir::new();
    let f = fixture(&dir);
    // Record what HEAD holds (both tokens) in a baseline outside the repository.
    let baseline = dir.path().join("known.json");
    dir.cmd()
        .current_dir(&f.repo)
        .args(["baseline", "create", "--output", baseline.to_str().unwrap()])
        .assert()
        .code(0);
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[("INPUT_BASELINE", baseline.to_str().unwrap())],
    );
    assert_eq!(run.code(), Some(0), "{}", run.log());
    assert_eq!(run.output("findings").as_deref(), Some("0"));
    // And the same run without it fails: the baseline did the suppressing.
    let run = action(
        &dir,
        &f.repo,
        "pull_request",
        pr_payload(&f.base, &f.pr2),
        &[],
    );
    assert_eq!(run.code(), Some(1), "{}", run.log());
}

// --- `action.sh install`: the release binary, against a fake release ---------

/// A loopback HTTP server that serves a directory, as GitHub serves release
/// assets, and counts the requests it answered. Stops when dropped.
struct FakeReleases {
    root: PathBuf,
    addr: std::net::SocketAddr,
    requests: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl FakeReleases {
    fn serve(root: PathBuf) -> Self {
        use std::io::{BufRead, BufReader, Write};
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        use std::sync::Arc;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let requests = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (dir, count, done) = (root.clone(), requests.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if done.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // Headers are read and ignored.
                let mut h = String::new();
                while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
                    h.clear();
                }
                count.fetch_add(1, Ordering::SeqCst);
                let path = line.split_whitespace().nth(1).unwrap_or("/");
                let file = dir.join(path.trim_start_matches('/'));
                let (status, body) = match (path.contains(".."), std::fs::read(&file)) {
                    (false, Ok(body)) => ("200 OK", body),
                    _ => ("404 Not Found", b"Not Found".to_vec()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            }
        });
        FakeReleases {
            root,
            addr,
            requests,
            stop,
        }
    }
    fn url(&self) -> String {
        format!("http://{}/releases", self.addr)
    }
    fn requests(&self) -> usize {
        self.requests.load(std::sync::atomic::Ordering::SeqCst)
    }
    /// Publishes release `version` for `target`: an archive holding `binary`
    /// as dist packs it, and `sha256.sum` listing `checksum` (default: the
    /// archive's own). `latest` also points at it.
    fn publish(&self, version: &str, target: &str, binary: &Path, checksum: Option<&str>) {
        let stage = self.root.join("stage").join(target);
        let inner = stage.join(format!("stanch-{target}"));
        std::fs::create_dir_all(&inner).expect("mkdir");
        std::fs::copy(binary, inner.join("stanch")).expect("copy binary");
        std::fs::write(inner.join("README.md"), "# stanch\n").expect("write");
        let asset = format!("stanch-{target}.tar.gz");
        let tagged = self.root.join(format!("releases/download/v{version}"));
        std::fs::create_dir_all(&tagged).expect("mkdir");
        let out = Command::new("tar")
            .arg("-czf")
            .arg(tagged.join(&asset))
            .arg("-C")
            .arg(&stage)
            .arg(format!("stanch-{target}"))
            .output()
            .expect("tar runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let real = {
            use sha2::Digest;
            let bytes = std::fs::read(tagged.join(&asset)).expect("read archive");
            sha2::Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let sums = format!(
            "{} *{asset}\n{} *stanch-installer.sh\n\n",
            checksum.unwrap_or(&real),
            "0".repeat(64)
        );
        std::fs::write(tagged.join("sha256.sum"), sums).expect("write sums");
        let manifest = json!({"dist_version": "0.34.0", "announcement_tag": format!("v{version}")});
        let latest = self.root.join("releases/latest/download");
        std::fs::create_dir_all(&latest).expect("mkdir");
        std::fs::write(latest.join("dist-manifest.json"), manifest.to_string()).expect("write");
    }
}

impl Drop for FakeReleases {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag.
        let _ = std::net::TcpStream::connect(self.addr);
    }
}

/// The outcome of `action.sh install`.
struct Install {
    out: Output,
    env: String,
}

impl Install {
    fn log(&self) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&self.out.stdout),
            String::from_utf8_lossy(&self.out.stderr)
        )
    }
    fn stanch_bin(&self) -> Option<PathBuf> {
        self.env
            .lines()
            .find_map(|l| l.strip_prefix("STANCH_BIN="))
            .map(PathBuf::from)
    }
}

const VERSION: &str = env!("CARGO_PKG_VERSION");
const LINUX_X64: &str = "x86_64-unknown-linux-musl";

/// Runs `action.sh install` on a Linux X64 runner (whatever this machine is:
/// the fake release holds this machine's build) with `env`.
fn install(dir: &TestDir, releases: &str, env: &[(&str, &str)]) -> Install {
    let github_env = dir.path().join("github-env");
    let _ = std::fs::remove_file(&github_env);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action.sh");
    let mut cmd = Command::new("bash");
    cmd.arg(script)
        .arg("install")
        .current_dir(dir.path())
        .env("STANCH_RELEASES_URL", releases)
        .env("STANCH_CACHE_DIR", dir.path().join("tool-cache"))
        .env("GITHUB_ENV", &github_env)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env_remove("INPUT_VERSION")
        .env_remove("GITHUB_OUTPUT")
        .env_remove("GITHUB_ACTION_PATH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash runs");
    Install {
        out,
        env: std::fs::read_to_string(&github_env).unwrap_or_default(),
    }
}

/// The setup time the script logs (`… (setup 0.12 s)`).
fn setup_seconds(log: &str) -> f64 {
    let at = log.rfind("(setup ").expect("a setup time in the log");
    log[at + 7..]
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .expect("seconds")
}

#[test]
fn install_downloads_verifies_and_caches_the_release_binary() {
    let dir = TestDir::new();
    let server = FakeReleases::serve(dir.path().join("web"));
    let binary = assert_cmd::cargo::cargo_bin("stanch");
    server.publish(VERSION, LINUX_X64, &binary, None);

    // Cold: downloaded, verified, installed into the cache, named in GITHUB_ENV.
    let cold = install(&dir, &server.url(), &[("INPUT_VERSION", VERSION)]);
    let log = cold.log();
    assert_eq!(cold.out.status.code(), Some(0), "{log}");
    assert!(log.contains("SHA-256 verified"), "{log}");
    let bin = cold.stanch_bin().expect("STANCH_BIN in GITHUB_ENV");
    assert!(
        bin.starts_with(dir.path().join("tool-cache").join(VERSION).join(LINUX_X64)),
        "{}",
        bin.display()
    );
    let out = Command::new(&bin).arg("--version").output().expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("stanch {VERSION}")
    );
    let served = server.requests();
    assert_eq!(served, 2, "sha256.sum and the archive");

    // Warm: from the cache, without asking the server anything.
    let warm = install(&dir, &server.url(), &[("INPUT_VERSION", VERSION)]);
    assert_eq!(warm.out.status.code(), Some(0), "{}", warm.log());
    assert!(warm.log().contains("from the cache"), "{}", warm.log());
    assert_eq!(warm.stanch_bin(), Some(bin));
    assert_eq!(server.requests(), served, "a warm cache downloads nothing");
    eprintln!(
        "action setup against a local fake release: cold {:.2} s, warm {:.2} s",
        setup_seconds(&log),
        setup_seconds(&warm.log())
    );

    // `latest` finds the version in the release's manifest; the default is
    // the action's own version (its Cargo.toml), here the same release.
    for version in ["latest", ""] {
        let dir2 = TestDir::new();
        let run = install(&dir2, &server.url(), &[("INPUT_VERSION", version)]);
        assert_eq!(run.out.status.code(), Some(0), "{version:?}: {}", run.log());
        assert!(
            run.log().contains(&format!("installed stanch {VERSION}")),
            "{}",
            run.log()
        );
    }
}

#[test]
fn install_fails_loudly_on_a_checksum_mismatch() {
    let dir = TestDir::new();
    let server = FakeReleases::serve(dir.path().join("web"));
    let bad = "ab".repeat(32);
    server.publish(
        VERSION,
        LINUX_X64,
        &assert_cmd::cargo::cargo_bin("stanch"),
        Some(&bad),
    );
    let run = install(&dir, &server.url(), &[("INPUT_VERSION", VERSION)]);
    let log = run.log();
    assert_eq!(run.out.status.code(), Some(2), "{log}");
    assert!(
        log.contains("::error title=stanch setup::Checksum mismatch"),
        "{log}"
    );
    assert!(log.contains(&bad), "{log}");
    assert_eq!(run.stanch_bin(), None, "{log}");
    assert!(
        !dir.path().join("tool-cache").join(VERSION).exists(),
        "a rejected binary was cached"
    );
}

#[test]
fn install_fails_loudly_on_an_unknown_version() {
    let dir = TestDir::new();
    let server = FakeReleases::serve(dir.path().join("web"));
    server.publish(
        VERSION,
        LINUX_X64,
        &assert_cmd::cargo::cargo_bin("stanch"),
        None,
    );
    let run = install(&dir, &server.url(), &[("INPUT_VERSION", "9.9.9")]);
    let log = run.log();
    assert_eq!(run.out.status.code(), Some(2), "{log}");
    assert!(log.contains("There is no stanch release v9.9.9"), "{log}");
    assert!(log.contains("HTTP 404"), "{log}");
    assert_eq!(run.stanch_bin(), None);
    // Not a version at all: refused before any download.
    let before = server.requests();
    let run = install(&dir, &server.url(), &[("INPUT_VERSION", "1.2")]);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.log());
    assert!(run.log().contains("is not a version"), "{}", run.log());
    assert_eq!(server.requests(), before);
}

#[test]
fn install_fails_loudly_on_an_unsupported_runner() {
    let dir = TestDir::new();
    let server = FakeReleases::serve(dir.path().join("web"));
    server.publish(
        VERSION,
        LINUX_X64,
        &assert_cmd::cargo::cargo_bin("stanch"),
        None,
    );
    for (os, arch) in [("Linux", "ARM"), ("Windows", "ARM64"), ("FreeBSD", "X64")] {
        let run = install(
            &dir,
            &server.url(),
            &[
                ("INPUT_VERSION", VERSION),
                ("RUNNER_OS", os),
                ("RUNNER_ARCH", arch),
            ],
        );
        let log = run.log();
        assert_eq!(run.out.status.code(), Some(2), "{log}");
        assert!(
            log.contains(&format!(
                "There is no stanch release binary for {os} {arch}"
            )),
            "{log}"
        );
        assert!(log.contains("version: source"), "{log}");
    }
    assert_eq!(
        server.requests(),
        0,
        "nothing to download for an unsupported runner"
    );
}

#[test]
fn install_fails_loudly_when_the_release_cannot_be_reached() {
    let dir = TestDir::new();
    // A port nothing listens on: bound, then released.
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port");
    let run = install(
        &dir,
        &format!("http://{addr}/releases"),
        &[("INPUT_VERSION", VERSION)],
    );
    assert_eq!(run.out.status.code(), Some(2), "{}", run.log());
    assert!(run.log().contains("HTTP 000"), "{}", run.log());
}
