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
        .filter(|f| {
            f.starts_with("rules/") && f.ends_with(".toml") && !f.starts_with("rules/practice/")
        })
        .count();
    assert_eq!(packaged_rules, rules, "every rule file is packaged");
    assert!(
        files.contains(&"rules/practice/practices.toml"),
        "the practice catalog is packaged"
    );
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

fn yaml(rel: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The release pipeline's pieces agree: dist builds the five targets with
/// checksums and attestations and ships contrib/; its workflow runs on a tag
/// and calls publish.yml, whose wheel and image jobs use what this
/// repository defines.
#[test]
fn the_release_pipeline_is_consistent() {
    let text = std::fs::read_to_string(root().join("dist-workspace.toml")).expect("dist config");
    let config: toml::Value = toml::from_str(&text).expect("dist config parses");
    let dist = &config["dist"];
    let mut targets: Vec<&str> = dist["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    targets.sort_unstable();
    assert_eq!(
        targets,
        [
            "aarch64-apple-darwin",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "x86_64-pc-windows-msvc",
            "x86_64-unknown-linux-musl"
        ]
    );
    assert_eq!(dist["checksum"].as_str(), Some("sha256"));
    assert_eq!(dist["github-attestations"].as_bool(), Some(true));
    // The Action unpacks .tar.gz and .zip.
    assert_eq!(dist["unix-archive"].as_str(), Some(".tar.gz"));
    assert_eq!(dist["windows-archive"].as_str(), Some(".zip"));
    for include in dist["include"].as_array().expect("include") {
        let p = root().join(include.as_str().expect("a path"));
        assert!(p.is_dir(), "{} does not exist", p.display());
    }
    assert!(dist["publish-jobs"]
        .as_array()
        .expect("publish-jobs")
        .iter()
        .any(|j| j.as_str() == Some("./publish")));

    let release = yaml(".github/workflows/release.yml");
    assert!(
        release["on"]["push"]["tags"].is_array(),
        "release.yml runs on tags"
    );
    let calls_publish = release["jobs"]
        .as_object()
        .expect("jobs")
        .values()
        .any(|j| {
            j["uses"]
                .as_str()
                .is_some_and(|u| u.ends_with(".github/workflows/publish.yml"))
        });
    assert!(calls_publish, "release.yml calls publish.yml");

    let publish = yaml(".github/workflows/publish.yml");
    assert!(publish["on"]["workflow_call"]["inputs"]["plan"].is_object());
    let jobs = &publish["jobs"];
    let step = |job: &str, action: &str| -> serde_json::Value {
        jobs[job]["steps"]
            .as_array()
            .unwrap_or_else(|| panic!("job {job}"))
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("{job} uses no {action}"))
            .clone()
    };
    assert_eq!(
        step("wheels", "PyO3/maturin-action@")["with"]["working-directory"],
        "pypi"
    );
    let pyproject: toml::Value = toml::from_str(
        &std::fs::read_to_string(root().join("pypi/pyproject.toml")).expect("pypi/pyproject.toml"),
    )
    .expect("parses");
    assert_eq!(
        pyproject["tool"]["maturin"]["bindings"].as_str(),
        Some("bin")
    );
    assert_eq!(
        pyproject["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
    let image = step("image", "docker/build-push-action@");
    assert_eq!(image["with"]["target"], "prebuilt");
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    assert!(dockerfile.lines().any(|l| l.ends_with(" AS prebuilt")));
    assert!(jobs["crates"]["steps"]
        .as_array()
        .expect("crates steps")
        .iter()
        .any(|s| s["run"]
            .as_str()
            .is_some_and(|r| r.contains("cargo publish --locked"))));
}
