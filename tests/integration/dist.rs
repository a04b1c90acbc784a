//! How stanch is shipped: the shell completions and man pages in `contrib/`
//! (which the release archives include) are what the binary generates now,
//! the crate package holds what `cargo install` needs and nothing more, and
//! the container image is built as the README says.
use crate::util::*;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compares a generated file with its copy in the repository;
/// `UPDATE_EXPECT=1` rewrites the copy.
fn expect_current(rel: &str, actual: &[u8]) {
    let path = root().join(rel);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write");
        return;
    }
    let committed = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("missing {rel} (run the tests with UPDATE_EXPECT=1)"));
    assert!(
        committed == actual,
        "{rel} is not what the binary generates now (run the tests with UPDATE_EXPECT=1)"
    );
}

const SHELLS: [(&str, &str); 5] = [
    ("bash", "stanch.bash"),
    ("zsh", "_stanch"),
    ("fish", "stanch.fish"),
    ("powershell", "_stanch.ps1"),
    ("elvish", "stanch.elv"),
];

#[test]
fn completions_cover_every_command_and_are_current() {
    let dir = TestDir::new();
    for (shell, file) in SHELLS {
        let out = dir
            .cmd()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        for word in [
            "scan",
            "staged",
            "history",
            "install-hook",
            "min-confidence",
            "sarif",
        ] {
            assert!(text.contains(word), "{shell} completions lack {word}");
        }
        expect_current(&format!("contrib/completions/{file}"), &out.stdout);
    }
    let out = dir
        .cmd()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_are_current() {
    let dir = TestDir::new();
    let out = dir.cmd().arg("man").output().expect("runs");
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie"),
        "not roff: {}",
        &page[..40.min(page.len())]
    );
    assert!(page.contains(".TH stanch 1"), "{page}");
    dir.cmd().args(["man", "--dir", "pages"]).assert().code(0);
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("pages"))
        .expect("pages written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for must in [
        "stanch.1",
        "stanch-scan.1",
        "stanch-history.1",
        "stanch-baseline-create.1",
    ] {
        assert!(names.iter().any(|n| n == must), "{must} not in {names:?}");
    }
    let top = std::fs::read_to_string(dir.path().join("pages/stanch.1")).expect("stanch.1");
    assert!(
        top == page,
        "`stanch man` prints another page than stanch.1"
    );
    // The committed set is exactly the generated one.
    let committed: Vec<String> = std::fs::read_dir(root().join("contrib/man"))
        .map(|rd| {
            let mut v: Vec<String> = rd
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let _ = std::fs::remove_dir_all(root().join("contrib/man"));
    } else {
        assert_eq!(
            committed, names,
            "contrib/man (UPDATE_EXPECT=1 rewrites it)"
        );
    }
    for name in &names {
        let page = std::fs::read(dir.path().join("pages").join(name)).expect("page");
        expect_current(&format!("contrib/man/{name}"), &page);
    }
}

/// `cargo install stanch` builds from the published package: it must hold
/// the build script and every rule file, and leave out the tests' data.
#[test]
fn the_crate_package_holds_what_cargo_install_needs() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["package", "--list", "--offline", "--allow-dirty"])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo package --list: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8_lossy(&out.stdout);
    let files: Vec<&str> = list.lines().collect();
    for must in [
        "build.rs",
        "Cargo.lock",
        "src/main.rs",
        "src/engine/needles.rs",
        "README.md",
    ] {
        assert!(files.contains(&must), "{must} not packaged");
    }
    let rules = std::fs::read_dir(root().join("rules"))
        .expect("rules/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .count();
    let packaged_rules = files
        .iter()
        .filter(|f| f.starts_with("rules/") && f.ends_with(".toml"))
        .count();
    assert_eq!(packaged_rules, rules, "every rule file is packaged");
    for f in &files {
        for prefix in [
            "tests/",
            "benches/",
            "fixtures/",
            "fuzz/",
            "pypi/",
            "contrib/",
            ".github/",
        ] {
            assert!(!f.starts_with(prefix), "{f} should not be packaged");
        }
    }
}

#[test]
fn the_container_image_is_static_minimal_and_unprivileged() {
    let text = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let froms: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("FROM "))
        .collect();
    assert!(froms.len() >= 2, "multi-stage: {froms:?}");
    // The build stage is Alpine's Rust, whose host target is musl: a static binary.
    assert!(
        froms[0].contains("-alpine") && froms[0].ends_with("AS build"),
        "{froms:?}"
    );
    // Every image stage ends on the distroless static base (no libc needed).
    for f in &froms[1..] {
        assert!(
            f.contains("distroless/static") || f.starts_with("FROM base"),
            "{f}"
        );
    }
    assert!(lines.contains(&r#"ENTRYPOINT ["stanch"]"#), "{text}");
    let user = lines
        .iter()
        .find_map(|l| l.strip_prefix("USER "))
        .expect("a USER");
    assert!(
        !user.starts_with("0") && !user.starts_with("root"),
        "runs as root: {user}"
    );
    let ignore = std::fs::read_to_string(root().join(".dockerignore")).expect(".dockerignore");
    assert!(
        ignore.lines().any(|l| l == "target/"),
        "the build context would hold target/"
    );
}
