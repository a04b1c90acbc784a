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

/// A GitHub-format token: prefix, 30 characters and their CRC32 in base62,
/// built at run time so that no valid-looking token sits in the source.
pub fn with_checksum(prefix: &str, body: &str) -> String {
    const B62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut n = crc32fast::hash(body.as_bytes()) as u64;
    let mut check = Vec::new();
    while n > 0 {
        check.push(B62[(n % 62) as usize]);
        n /= 62;
    }
    check.resize(6, b'0');
    check.reverse();
    join(&[prefix, body, std::str::from_utf8(&check).expect("ASCII")])
}

/// A GitHub classic PAT with the right shape and a valid checksum.
pub fn github_pat() -> String {
    with_checksum(&join(&["gh", "p_"]), "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5")
}

/// The same token with a wrong checksum: never issued, so not reported by default.
pub fn github_pat_bad_checksum() -> String {
    join(&["gh", "p_", "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5", "gA2eQw"])
}

/// A second, different GitHub PAT.
pub fn github_pat2() -> String {
    with_checksum(&join(&["gh", "p_"]), "Zt5Yh8Qm1Wc4Nb7Rx2Lp6Ds9Fg3Kj0")
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
    let body = "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5";
    let k = i % body.len();
    with_checksum(&join(&["gh", "p_"]), &join(&[&body[k..], &body[..k]]))
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

/// Runs the command and asserts its exit code, showing stderr when it differs.
pub fn output_with(cmd: &mut assert_cmd::Command, code: i32) -> std::process::Output {
    let out = cmd.output().expect("run stanch");
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A git repository in a test directory, driven by the `git` CLI with a fixed
/// author and a clock that ticks one minute per commit, so commit ids are
/// the same on every run.
pub struct Git {
    pub dir: PathBuf,
    clock: std::cell::Cell<i64>,
}

/// The epoch second of the first test commit (2024-01-01T00:00:00Z).
pub const GIT_EPOCH: i64 = 1_704_067_200;

impl Git {
    /// `git init` (branch `main`) in `dir`.
    pub fn init(dir: &Path) -> Git {
        std::fs::create_dir_all(dir).expect("mkdir");
        let g = Git {
            dir: dir.to_path_buf(),
            clock: std::cell::Cell::new(GIT_EPOCH),
        };
        g.run(&["init", "-q", "-b", "main"]);
        g
    }

    /// Wraps an existing repository (e.g. a clone).
    pub fn at(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
            clock: std::cell::Cell::new(GIT_EPOCH + 1_000_000),
        }
    }

    /// A `git` command in the repository with the fixed identity and clock.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let date = format!("@{} +0000", self.clock.get());
        let mut c = std::process::Command::new("git");
        c.args(args)
            .current_dir(&self.dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Ada Tester")
            .env("GIT_AUTHOR_EMAIL", "ada@example.com")
            .env("GIT_COMMITTER_NAME", "Ada Tester")
            .env("GIT_COMMITTER_EMAIL", "ada@example.com")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date);
        c
    }

    /// Runs git, asserts success, returns stdout (trimmed).
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.command(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Writes a file in the work tree.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let p = self.dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, content).expect("write");
    }

    /// Stages everything and commits; returns the commit id.
    pub fn commit(&self, msg: &str) -> String {
        self.run(&["add", "-A"]);
        self.commit_staged(msg)
    }

    /// Commits what is staged; returns the commit id.
    pub fn commit_staged(&self, msg: &str) -> String {
        self.clock.set(self.clock.get() + 60);
        self.run(&["commit", "-q", "--allow-empty", "-m", msg]);
        self.run(&["rev-parse", "HEAD"])
    }

    /// The stanch binary, run in `dir`.
    pub fn stanch(&self, dir: &Path) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::cargo_bin("stanch").expect("binary built");
        c.current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("STANCH_CONFIG");
        c
    }
}

/// The findings array of a JSON report.
pub fn findings(out: &[u8]) -> Vec<serde_json::Value> {
    json(out)["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A PEM private key block of `lines` base64 lines (pseudo-random, fixed seed,
/// not a real key), assembled at run time.
pub fn private_key_pem(lines: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut s = join(&["-----BEGIN RSA ", "PRIVATE KEY-----\n"]);
    for _ in 0..lines {
        for _ in 0..64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(B64[(x % 64) as usize] as char);
        }
        s.push('\n');
    }
    s.push_str(&join(&["-----END RSA ", "PRIVATE KEY-----\n"]));
    s
}

/// Standard base64 with padding, for fixtures of encoded secrets.
pub fn b64(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A password-like value built at run time (letters, digits, punctuation).
pub fn password() -> String {
    join(&["Quartz", "2023", "_R5rY8O", "-wq"])
}
