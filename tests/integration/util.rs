//! Test harness: a temporary directory per test, a command for the built
//! binary, fake secrets assembled at run time (so this source file holds no
//! literal secret for any scanner or push protection to trip on), and
//! expected-output files that `UPDATE_EXPECT=1` rewrites.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

/// A temporary directory that a test writes files into and runs stanch in.
pub struct TestDir {
    pub dir: tempfile::TempDir,
}

impl TestDir {
    pub fn new() -> Self {
        TestDir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    /// Writes `rel` (creating parent directories) and returns its path.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, content).expect("write");
        p
    }
    /// A command for the stanch binary, run in this directory, without colour.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::cargo_bin("stanch").expect("binary built");
        c.current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env_remove("STANCH_CONFIG");
        c
    }
}

/// Defines a test with a fresh directory and a stanch command.
macro_rules! stanch_test {
    ($name:ident, |$dir:ident, $cmd:ident| $body:block) => {
        #[test]
        fn $name() {
            let $dir = crate::util::TestDir::new();
            #[allow(unused_mut)]
            let mut $cmd = $dir.cmd();
            $body
        }
    };
}

/// Joins parts at run time so that no complete token stands in the source.
pub fn join(parts: &[&str]) -> String {
    parts.concat()
}

/// A GitHub classic PAT with the right shape and a wrong checksum.
pub fn github_pat() -> String {
    join(&["gh", "p_", "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5", "gA2eQw"])
}

/// A second, different GitHub PAT.
pub fn github_pat2() -> String {
    join(&["gh", "p_", "Zt5Yh8Qm1Wc4Nb7Rx2Lp6Ds9Fg3Kj0", "Vu4Hs8"])
}

/// An AWS access key id of the documented shape.
pub fn aws_key_id() -> String {
    join(&["AK", "IA", "QX4TBN7RZ2LWK5MD"])
}

/// A Stripe live secret key of the documented shape.
pub fn stripe_live() -> String {
    join(&[
        "sk_",
        "live_",
        "51Hq8LmTzR4vXw2Nc7PbYd9Kf3Gj6Us0Ae5Vh1Ti8Lo4Mq7Rx",
    ])
}

/// Compares `actual` with the file `tests/expected/<name>`; `UPDATE_EXPECT=1` rewrites it.
pub fn expect_file(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write expected");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {} (run with UPDATE_EXPECT=1)", path.display()));
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(10)
            .map(|(i, (a, b))| format!("line {}:\n  expected: {a}\n  actual:   {b}", i + 1))
            .collect();
        panic!(
            "output differs from {} (UPDATE_EXPECT=1 rewrites it)\n{}\n(expected {} lines, got {})",
            path.display(),
            diff.join("\n"),
            expected.lines().count(),
            actual.lines().count()
        );
    }
}

/// Parses stdout as the JSON report.
pub fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

/// The `i`-th of a family of distinct GitHub PATs (same shape and entropy).
pub fn github_pat_n(i: usize) -> String {
    let body = "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5gA2eQw";
    let k = i % body.len();
    join(&["gh", "p_", &body[k..], &body[..k]])
}

/// Asserts that no planted secret appears in `text`.
pub fn assert_no_plaintext(what: &str, text: &str) {
    for s in [github_pat(), github_pat2(), aws_key_id(), stripe_live()] {
        assert!(
            !text.contains(&s),
            "{what} holds a planted secret in plaintext:\n{text}"
        );
    }
    for i in 0..40 {
        assert!(
            !text.contains(&github_pat_n(i)),
            "{what} holds a planted secret in plaintext:\n{text}"
        );
    }
}

/// Runs a prepared command; returns (exit code, stdout, stderr).
pub fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd.output().expect("run stanch");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
