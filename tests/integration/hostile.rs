//! Hostile trees and repositories (issue "hardening"): links that loop or
//! lead out, special files, unreadable files (also when the tests run as
//! root), huge, sparse, endless-line and many-line files, deep and wide
//! directories, names that are not UTF-8, and damaged or oversized git
//! repositories. In each, a secret planted beside the bad input is still
//! found, and nothing panics. Big inputs are written from a repeated buffer
//! or made sparse, so that the whole module stays quick in debug builds.
#![cfg(unix)]
use crate::util::*;
use serde_json::Value;
use std::io::Write;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Kills a stanch that blocks (on a FIFO, say) so that the test fails
/// instead of hanging; far above what any case here needs.
const HANG: Duration = Duration::from_secs(300);

/// Runs a prepared command; asserts no panic; returns (exit code, report, stderr).
fn run_json(cmd: &mut assert_cmd::Command) -> (i32, Value, String) {
    let out = cmd.timeout(HANG).output().expect("stanch runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "stanch panicked:\n{stderr}");
    let code = out.status.code().unwrap_or_else(|| {
        panic!("stanch was killed (hung or crashed): {stderr}");
    });
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}), exit {code}: {stderr}"));
    (code, report, stderr)
}

/// Every (path, line) of every finding, sorted.
fn places(report: &Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["locations"].as_array().expect("locations").clone())
        .map(|l| {
            (
                l["path"].as_str().expect("path").to_string(),
                l["line"].as_u64().expect("line"),
            )
        })
        .collect();
    v.sort();
    v
}

fn stat(report: &Value, name: &str) -> u64 {
    report["summary"]["stats"][name]
        .as_u64()
        .unwrap_or_else(|| panic!("no stat {name}"))
}

/// The first finding whose secret's fingerprint is that of `rule` and `secret`.
fn finding_of<'r>(report: &'r Value, rule: &str, secret: &str) -> Option<&'r Value> {
    let fp = {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(rule.as_bytes());
        h.update([0u8]);
        h.update(secret.as_bytes());
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["fingerprint"] == fp.as_str())
}

const PAT: &str = "github-classic-pat";

// ---- links ----

stanch_test!(
    links_that_loop_or_lead_out_are_not_followed_and_follow_stays_inside,
    |dir, _cmd| {
        let root = dir.path().join("root");
        dir.write("root/a.txt", format!("t = {}\n", github_pat()));
        dir.write("root/sub/in.txt", "nothing here\n");
        // Outside the scanned root: a secret that must never be reported.
        dir.write("outside/leak.txt", format!("t = {}\n", github_pat2()));
        symlink("..", root.join("sub/loop")).unwrap();
        symlink(".", root.join("self")).unwrap();
        symlink("../outside", root.join("out-dir")).unwrap();
        symlink("../outside/leak.txt", root.join("out-file")).unwrap();
        symlink(dir.path().join("outside"), root.join("out-abs")).unwrap();
        symlink("nowhere", root.join("dangling")).unwrap();
        symlink("c2", root.join("c1")).unwrap();
        symlink("c1", root.join("c2")).unwrap();
        symlink("a.txt", root.join("in-link")).unwrap();
        let links = 9;

        let (code, plain, err) = run_json(dir.cmd().args(["scan", "root", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&plain), [("root/a.txt".to_string(), 1)]);
        assert_eq!(stat(&plain, "symlinks"), links);
        assert_eq!(plain["summary"]["errors"], 0, "{err}");

        let (code, followed, err) =
            run_json(dir.cmd().args(["scan", "root", "--follow", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        // The link inside the root is followed; nothing outside is read.
        assert_eq!(
            places(&followed),
            [
                ("root/a.txt".to_string(), 1),
                ("root/in-link".to_string(), 1)
            ]
        );
        assert!(finding_of(&followed, PAT, &github_pat2()).is_none());
        assert_eq!(stat(&followed, "symlinks"), links - 1);
        assert_eq!(followed["summary"]["errors"], 0, "{err}");
        let warnings = followed["summary"]["warnings"].to_string();
        assert!(
            warnings.contains("root/sub/loop: a symbolic link loop"),
            "{warnings}"
        );
        assert!(warnings.contains("root/c1"), "{warnings}");
        assert!(!warnings.contains("dangling"), "{warnings}");
    }
);

// ---- special files ----

stanch_test!(fifo_socket_and_device_are_skipped_unopened, |dir, _cmd| {
    dir.write("tree/a.txt", format!("t = {}\n", github_pat()));
    let tree = dir.path().join("tree");
    let fifo = tree.join("pipe.env");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Kept open for the whole scan: a socket file with a listener behind it.
    let _listener = std::os::unix::net::UnixListener::bind(tree.join("sock")).unwrap();
    // A device node needs privileges; the explicit /dev/zero below is one anyway.
    let _ = std::process::Command::new("mknod")
        .arg(tree.join("zero"))
        .args(["c", "1", "5"])
        .status();
    // Named on the command line too: an endless device and the FIFO itself,
    // which would block (or never end) if opened and read.
    let (code, report, err) = run_json(dir.cmd().args([
        "scan",
        "tree",
        "/dev/zero",
        fifo.to_str().unwrap(),
        "-f",
        "json",
    ]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("tree/a.txt".to_string(), 1)]);
    assert_eq!(stat(&report, "scanned"), 1);
    assert_eq!(report["summary"]["errors"], 0, "{err}");
});

// ---- permissions ----

/// A stanch command that cannot read what its owner locked, even when the
/// tests run as root (as CI does): it then runs as `nobody`, with the tree
/// opened up to it.
fn unprivileged(dir: &TestDir) -> assert_cmd::Command {
    let probe = dir.write("probe", "x");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    // Unprivileged, the binary is run from a copy in the open temporary
    // directory: the checkout holding the built one may be private (under
    // root's home, say).
    let bin = if privileged {
        let copy = dir.path().join("bin/stanch");
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        if !copy.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_stanch"), &copy).expect("copy the binary");
        }
        std::fs::set_permissions(
            copy.parent().unwrap(),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        copy
    } else {
        std::path::PathBuf::from(env!("CARGO_BIN_EXE_stanch"))
    };
    let mut c = std::process::Command::new(bin);
    c.current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("HOME", dir.path())
        .env_remove("STANCH_CONFIG");
    if privileged {
        use std::os::unix::process::CommandExt;
        // nobody:nogroup; std drops the supplementary groups too.
        c.uid(65534).gid(65534);
        // The temporary directory is private to its owner; the directories
        // above it (the system's temporary directory) are open to all.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_cmd::Command::from_std(c)
}

stanch_test!(
    unreadable_files_are_reported_and_the_scan_goes_on_even_as_root,
    |dir, _cmd| {
        let locked = dir.write("tree/locked.txt", format!("t = {}\n", github_pat2()));
        dir.write("tree/private/inner.txt", "x\n");
        dir.write("tree/open.txt", format!("t = {}\n", github_pat()));
        let mut cmd = unprivileged(&dir);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let private = dir.path().join("tree/private");
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o000)).unwrap();

        let (code, report, err) = run_json(cmd.args(["scan", "tree", "-f", "json"]));
        // Findings win over errors: the exit status still says "found".
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&report), [("tree/open.txt".to_string(), 1)]);
        assert_eq!(stat(&report, "unreadable"), 2, "{err}");
        assert_eq!(report["summary"]["errors"], 2);
        assert!(err.contains("tree/locked.txt"), "{err}");
        assert!(err.contains("tree/private"), "{err}");
        assert_no_plaintext("stderr", &err);

        // Nothing found but files unread: an error, not a clean pass.
        let (code, report, err) = run_json(unprivileged(&dir).args([
            "scan",
            "tree",
            "-f",
            "json",
            "--exclude",
            "open.txt",
        ]));
        assert_eq!(code, 2, "{err}");
        assert_eq!(stat(&report, "unreadable"), 2);
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
);

// ---- sizes ----

stanch_test!(
    sparse_and_oversized_files_are_skipped_without_reading,
    |dir, _cmd| {
        dir.write("tree/a.txt", format!("t = {}\n", github_pat()));
        // 2 GiB that take no disk: reading it would take seconds and 2 GiB of memory.
        let sparse = std::fs::File::create(dir.path().join("tree/huge.log")).unwrap();
        sparse.set_len(2 << 30).unwrap();
        drop(sparse);
        // Over --max-file-size, with a secret that must not be reported.
        dir.write(
            "tree/big.txt",
            format!("{}\nt = {}\n", "y".repeat(2000), github_pat2()),
        );
        let (code, report, err) =
            run_json(
                dir.cmd()
                    .args(["scan", "tree", "--max-file-size", "1K", "-f", "json"]),
            );
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&report), [("tree/a.txt".to_string(), 1)]);
        assert_eq!(stat(&report, "too_large"), 2);
        assert_eq!(stat(&report, "scanned"), 1);
        assert_eq!(stat(&report, "bytes"), 45);
        // The default limit skips the sparse file alone.
        let (code, report, err) = run_json(dir.cmd().args(["scan", "tree", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        assert_eq!(stat(&report, "too_large"), 1);
        assert_eq!(stat(&report, "scanned"), 2);
    }
);

/// Writes `total` bytes of `unit` repeated, with `middle` inserted halfway.
fn write_repeated(path: &Path, unit: &[u8], total: usize, middle: &[u8]) -> usize {
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let mut chunk = Vec::with_capacity(1 << 20);
    while chunk.len() + unit.len() <= 1 << 20 {
        chunk.extend_from_slice(unit);
    }
    let units_per_chunk = chunk.len() / unit.len();
    let units = total / unit.len();
    let half = units / 2;
    let mut written = 0;
    let mut at = 0;
    while written < units {
        if written <= half && half < written + units_per_chunk {
            let k = half - written;
            f.write_all(&chunk[..k * unit.len()]).unwrap();
            at = (written + k) * unit.len();
            f.write_all(middle).unwrap();
            f.write_all(&chunk[k * unit.len()..]).unwrap();
        } else {
            let n = units_per_chunk.min(units - written);
            f.write_all(&chunk[..n * unit.len()]).unwrap();
        }
        written += units_per_chunk;
    }
    f.flush().unwrap();
    at
}

stanch_test!(a_50_mb_file_without_a_newline_is_scanned, |dir, _cmd| {
    std::fs::create_dir(dir.path().join("tree")).unwrap();
    let planted = format!(" {} ", github_pat());
    let at = write_repeated(
        &dir.path().join("tree/one-line.txt"),
        b"abcdefghij,",
        50 << 20,
        planted.as_bytes(),
    );
    let (code, report, err) =
        run_json(
            dir.cmd()
                .args(["scan", "tree", "--max-file-size", "64M", "-f", "json"]),
        );
    assert_eq!(code, 1, "{err}");
    let f = finding_of(&report, PAT, &github_pat()).expect("the planted token");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(at as u64 + 2))
    );
    assert!(f["snippet"].as_str().unwrap().chars().count() < 300);
    assert_eq!(stat(&report, "too_large"), 0);
});

stanch_test!(ten_million_short_lines_are_scanned, |dir, _cmd| {
    std::fs::create_dir(dir.path().join("tree")).unwrap();
    let planted = format!("t = {}\n", github_pat());
    write_repeated(
        &dir.path().join("tree/lines.txt"),
        b"x=1\n",
        10_000_000 * 4,
        planted.as_bytes(),
    );
    let (code, report, err) =
        run_json(
            dir.cmd()
                .args(["scan", "tree", "--max-file-size", "64M", "-f", "json"]),
        );
    assert_eq!(code, 1, "{err}");
    let f = finding_of(&report, PAT, &github_pat()).expect("the planted token");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(5_000_001), Some(5))
    );
});

// ---- deep and wide ----

/// A chain of 10,000 nested directories under `tree/nest`, built from
/// chunks of 100 moved into one another, so that no path handed to the OS
/// is long; undone chunk by chunk on drop, as removing a tree 10,000 deep
/// recursively would take a deep stack and one descriptor per level.
struct Nest {
    base: PathBuf,
}

const CHUNKS: usize = 100;
const PER_CHUNK: usize = 100;

impl Nest {
    fn chunk(&self, k: usize) -> PathBuf {
        self.base.join(format!("c{k}"))
    }
    fn leaf(&self, k: usize) -> PathBuf {
        let mut p = self.chunk(k);
        for _ in 0..PER_CHUNK - 1 {
            p.push("d");
        }
        p
    }
    fn top(&self) -> PathBuf {
        self.base.join("tree/nest")
    }
}

impl Drop for Nest {
    fn drop(&mut self) {
        let _ = std::fs::rename(self.top(), self.chunk(CHUNKS - 1));
        for k in (1..CHUNKS).rev() {
            let _ = std::fs::rename(self.leaf(k).join(format!("c{}", k - 1)), self.chunk(k - 1));
        }
    }
}

stanch_test!(ten_thousand_nested_directories, |dir, _cmd| {
    dir.write("tree/top.txt", format!("t = {}\n", github_pat()));
    let nest = Nest {
        base: dir.path().to_path_buf(),
    };
    let deep = github_pat_n(3);
    let mid = github_pat_n(7);
    // c0 ends up innermost; c90's leaf is about 1,000 levels down.
    for k in 0..CHUNKS {
        std::fs::create_dir_all(nest.leaf(k)).unwrap();
        if k == 0 {
            std::fs::write(nest.leaf(0).join("deep.txt"), format!("t = {deep}\n")).unwrap();
        }
        if k == 90 {
            std::fs::write(nest.leaf(90).join("mid.txt"), format!("t = {mid}\n")).unwrap();
        }
        if k > 0 {
            std::fs::rename(nest.chunk(k - 1), nest.leaf(k).join(format!("c{}", k - 1))).unwrap();
        }
    }
    std::fs::rename(nest.chunk(CHUNKS - 1), nest.top()).unwrap();

    let (code, report, err) = run_json(dir.cmd().args(["scan", "tree", "-f", "json"]));
    assert_eq!(code, 1, "{err}");
    assert!(finding_of(&report, PAT, &github_pat()).is_some());
    let m = finding_of(&report, PAT, &mid).expect("the secret 1,000 levels down");
    assert!(m["path"].as_str().unwrap().ends_with("/mid.txt"));
    // Past the system's path length limit the walk cannot open the file by
    // name: it must then say so, never drop it silently.
    if finding_of(&report, PAT, &deep).is_none() {
        assert!(stat(&report, "unreadable") >= 1, "{err}");
        assert!(
            err.contains("stanch: tree/nest/d/d/d"),
            "{}",
            &err[..err.len().min(500)]
        );
        assert!(err.contains("/c98/d/d/d"), "{}", &err[..err.len().min(500)]);
    }
    drop(nest);
});

stanch_test!(a_directory_of_200_000_entries, |dir, _cmd| {
    let wide = dir.path().join("tree/wide");
    std::fs::create_dir_all(&wide).unwrap();
    for i in 0..200_000 {
        std::fs::File::create(wide.join(format!("{i:06}"))).unwrap();
    }
    dir.write("tree/wide/zz.txt", format!("t = {}\n", github_pat()));
    let (code, report, err) = run_json(dir.cmd().args(["scan", "tree", "-f", "json"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("tree/wide/zz.txt".to_string(), 1)]);
    assert_eq!(stat(&report, "scanned"), 200_001);
});

// ---- names ----

/// Decodes a `path_hex` field.
fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

stanch_test!(
    names_that_are_not_utf8_are_reported_losslessly,
    |dir, _cmd| {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let g = Git::init(&dir.path().join("repo"));
        let latin1 = OsStr::from_bytes(b"caf\xe9.txt");
        let sub = OsStr::from_bytes(b"\xff\xfe");
        std::fs::write(g.dir.join(latin1), format!("t = {}\n", github_pat_n(1))).unwrap();
        std::fs::create_dir(g.dir.join(sub)).unwrap();
        std::fs::write(
            g.dir.join(sub).join("in.txt"),
            format!("t = {}\n", github_pat_n(2)),
        )
        .unwrap();
        g.write("ok.txt", format!("t = {}\n", github_pat()));
        let check = |report: &Value, secret: &str, raw: &[u8]| {
            let f = finding_of(report, PAT, secret).expect("found");
            let shown = String::from_utf8_lossy(raw);
            assert_eq!(f["path"], shown.as_ref());
            assert_eq!(unhex(f["path_hex"].as_str().expect("path_hex")), raw);
            assert_eq!(f["locations"][0]["path_hex"], f["path_hex"]);
        };
        let (code, scanned, err) = run_json(g.stanch(&g.dir).args(["scan", ".", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        check(&scanned, &github_pat_n(1), b"caf\xe9.txt");
        check(&scanned, &github_pat_n(2), b"\xff\xfe/in.txt");
        let ok = finding_of(&scanned, PAT, &github_pat()).expect("the UTF-8 neighbour");
        assert_eq!(ok["path"], "ok.txt");
        assert!(ok.get("path_hex").is_none(), "{ok:#}");
        // The bytes name the very file.
        let raw = unhex(
            finding_of(&scanned, PAT, &github_pat_n(1)).unwrap()["path_hex"]
                .as_str()
                .unwrap(),
        );
        assert!(g.dir.join(OsStr::from_bytes(&raw)).is_file());

        g.run(&["add", "-A"]);
        let (code, staged, err) = run_json(g.stanch(&g.dir).args(["staged", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        check(&staged, &github_pat_n(1), b"caf\xe9.txt");
        check(&staged, &github_pat_n(2), b"\xff\xfe/in.txt");

        g.commit_staged("names");
        let (code, history, err) = run_json(g.stanch(&g.dir).args(["history", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        check(&history, &github_pat_n(1), b"caf\xe9.txt");
        check(&history, &github_pat_n(2), b"\xff\xfe/in.txt");

        // With such a directory in HEAD, staged still reads HEAD (to tell a
        // copied secret from a new one).
        g.write("new.txt", format!("t = {}\n", github_pat_n(9)));
        g.run(&["add", "new.txt"]);
        let (code, staged, err) = run_json(g.stanch(&g.dir).args(["staged", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&staged), [("new.txt".to_string(), 1)]);
    }
);

// ---- git ----

/// Text of `len` bytes that compresses poorly and deltas with nothing else
/// (an xorshift stream over letters), so that damage to it stays in it.
fn noise(seed: u64, len: usize) -> String {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut s = String::with_capacity(len + len / 60);
    for i in 0..len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push((b'a' + (x % 26) as u8) as char);
        if i % 60 == 59 {
            s.push('\n');
        }
    }
    s
}

fn history_json(g: &Git, dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    run_json(
        g.stanch(dir)
            .arg("history")
            .args(extra)
            .args(["-f", "json"]),
    )
}

stanch_test!(history_survives_a_corrupt_pack, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    g.write("victim.txt", noise(1, 40_000));
    g.write("other.txt", noise(2, 40_000));
    g.commit("one");
    g.write("s.txt", format!("t = {}\n", github_pat()));
    g.commit("two");
    g.write("victim.txt", noise(3, 40_000));
    g.commit("three");
    g.run(&["gc", "-q"]);
    let victim = g.run(&["rev-parse", "HEAD~2:victim.txt"]);
    let packs = g.dir.join(".git/objects/pack");
    let idx = std::fs::read_dir(&packs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "idx"))
        .expect("a pack index");
    let listing = g.run(&["verify-pack", "-v", idx.to_str().unwrap()]);
    let (size, offset) = listing
        .lines()
        .find(|l| l.starts_with(&victim))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[3].parse::<u64>().unwrap(), f[4].parse::<u64>().unwrap())
        })
        .expect("the victim blob is packed");
    let pack = idx.with_extension("pack");
    std::fs::set_permissions(&pack, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut bytes = std::fs::read(&pack).unwrap();
    let mid = (offset + size / 2) as usize;
    for b in &mut bytes[mid..mid + 16] {
        *b ^= 0xa5;
    }
    std::fs::write(&pack, bytes).unwrap();

    let (code, report, err) = history_json(&g, &g.dir, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("s.txt".to_string(), 1)]);
    assert!(err.contains(&victim), "{err}");
    assert!(report["summary"]["errors"].as_u64().unwrap() >= 1);
    assert!(stat(&report, "unreadable") >= 1);
});

stanch_test!(history_survives_a_missing_object, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    g.write("old.txt", "old\n");
    g.commit("one");
    g.write("s.txt", format!("t = {}\n", github_pat()));
    g.write("old.txt", "new\n");
    g.commit("two");
    let gone = g.run(&["rev-parse", "HEAD~1:old.txt"]);
    std::fs::remove_file(g.dir.join(".git/objects").join(&gone[..2]).join(&gone[2..])).unwrap();
    let (code, report, err) = history_json(&g, &g.dir, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("s.txt".to_string(), 1)]);
    assert!(err.contains(&gone), "{err}");
    assert_eq!(report["summary"]["errors"], 1);
});

stanch_test!(
    a_shallow_boundary_is_scanned_whole_by_history_and_staged,
    |dir, _cmd| {
        let g = Git::init(&dir.path().join("repo"));
        g.write("a.txt", format!("t = {}\n", github_pat()));
        g.commit("one");
        g.write("b.txt", format!("t = {}\n", github_pat2()));
        g.commit("two");
        g.write("c.txt", "c\n");
        g.commit("three");
        let clone = dir.path().join("shallow");
        let url = format!("file://{}", g.dir.display());
        g.run(&["clone", "-q", "--depth", "2", &url, clone.to_str().unwrap()]);
        let (code, report, err) = history_json(&g, &clone, &["--all"]);
        assert_eq!(code, 1, "{err}");
        // "one" is beyond the boundary: its secret is in "two"'s tree, scanned whole.
        let by_commit: Vec<(String, String)> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["commit"]["summary"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            by_commit,
            [
                ("a.txt".to_string(), "two".to_string()),
                ("b.txt".to_string(), "two".to_string())
            ]
        );
        assert_eq!(report["summary"]["commits"], 2);
        assert!(report["summary"]["warnings"]
            .to_string()
            .contains("shallow"));
        let c = Git::at(&clone);
        c.write("d.txt", format!("t = {}\n", github_pat_n(4)));
        c.run(&["add", "d.txt"]);
        let (code, report, err) = run_json(c.stanch(&clone).args(["staged", "-f", "json"]));
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&report), [("d.txt".to_string(), 1)]);
    }
);

stanch_test!(
    a_100_mb_blob_is_skipped_and_its_neighbour_found,
    |dir, _cmd| {
        let g = Git::init(&dir.path().join("repo"));
        let tail = format!("t = {}\n", github_pat2());
        write_repeated(
            &g.dir.join("big.log"),
            b"GET /index.html 200\n",
            100 << 20,
            tail.as_bytes(),
        );
        g.write("s.txt", format!("t = {}\n", github_pat()));
        g.run(&["-c", "core.looseCompression=1", "add", "-A"]);
        g.commit_staged("big");
        let (code, report, err) = history_json(&g, &g.dir, &[]);
        assert_eq!(code, 1, "{err}");
        assert_eq!(places(&report), [("s.txt".to_string(), 1)]);
        assert_eq!(stat(&report, "too_large"), 1);
        assert_eq!(stat(&report, "scanned"), 1);
    }
);

stanch_test!(fifty_thousand_refs, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    g.write("a.txt", "a\n");
    let main = g.commit("one");
    g.run(&["checkout", "-q", "-b", "side"]);
    g.write("s.txt", format!("t = {}\n", github_pat()));
    let side = g.commit("on a side branch");
    g.run(&["checkout", "-q", "main"]);
    g.run(&["branch", "-q", "-D", "side"]);
    // Written as git writes packed refs, sorted; only the last tag reaches the secret.
    let mut packed = String::from("# pack-refs with: peeled fully-peeled sorted \n");
    for i in 0..50_000 {
        let id = if i == 49_999 { &side } else { &main };
        packed.push_str(&format!("{id} refs/tags/t{i:05}\n"));
    }
    std::fs::write(g.dir.join(".git/packed-refs"), packed).unwrap();
    assert_eq!(g.run(&["rev-parse", "t49999"]), side);
    let (code, report, err) = history_json(&g, &g.dir, &["--all"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("s.txt".to_string(), 1)]);
    assert_eq!(
        report["findings"][0]["commit"]["summary"],
        "on a side branch"
    );
    let (code, _, err) = history_json(&g, &g.dir, &[]);
    assert_eq!(code, 0, "HEAD alone does not reach it: {err}");
});

stanch_test!(a_commit_with_10_000_changed_files, |dir, _cmd| {
    let g = Git::init(&dir.path().join("repo"));
    // One fast-import stream instead of 10,000 `git add`s.
    let mut stream = Vec::new();
    for (n, (msg, version)) in [("many", "one"), ("all changed", "two")].iter().enumerate() {
        let when = GIT_EPOCH + 60 * n as i64;
        write!(
            stream,
            "commit refs/heads/main\ncommitter Ada Tester <ada@example.com> {when} +0000\ndata {}\n{msg}\n",
            msg.len() + 1
        )
        .unwrap();
        for i in 0..10_000 {
            let body = format!("file {i}, version {version}\n");
            write!(
                stream,
                "M 100644 inline d{:02}/f{i:05}.txt\ndata {}\n{body}",
                i % 100,
                body.len()
            )
            .unwrap();
        }
        if n > 0 {
            let body = format!("t = {}\n", github_pat());
            write!(stream, "M 100644 inline s.txt\ndata {}\n{body}", body.len()).unwrap();
        }
        stream.push(b'\n');
    }
    let mut child = g
        .command(&["fast-import", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    let (code, report, err) = history_json(&g, &g.dir, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("s.txt".to_string(), 1)]);
    assert_eq!(report["findings"][0]["commit"]["summary"], "all changed");
    assert_eq!(stat(&report, "scanned"), 20_001);

    // The same change staged: 10,000 modified files and a new secret.
    g.run(&["reset", "-q", "--hard"]);
    for i in 0..10_000 {
        g.write(
            &format!("d{:02}/f{i:05}.txt", i % 100),
            format!("file {i}, version three\n"),
        );
    }
    g.write("t.txt", format!("t = {}\n", github_pat2()));
    g.run(&["add", "-A"]);
    let (code, report, err) = run_json(g.stanch(&g.dir).args(["staged", "-f", "json"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&report), [("t.txt".to_string(), 1)]);
    assert_eq!(stat(&report, "scanned"), 10_001);
});
