//! stanch finds leaked credentials in source trees, staged changes and git
//! history. The library is what the binary, the tests and the benchmarks use.
//!
//! Data flow: `sources` make `blob`s; the `engine` finds scored candidates in
//! them; `app` turns candidates into `finding`s, applies `suppress`ion and
//! dedups; `report` writes them out. `rules` is the rule model and its
//! validation; `catalog` lints rule files by running the engine over them.
pub mod app;
pub mod blob;
pub mod catalog;
pub mod cli;
pub(crate) mod config;
pub mod engine;
pub mod error;
pub(crate) mod finding;
/// Entry points of the fuzz targets in `fuzz/`, and the replay of their corpus.
#[doc(hidden)]
pub mod fuzzing;
pub mod practice;
#[cfg(test)]
mod proptests;
pub(crate) mod report;
pub mod rules;
pub(crate) mod sources;
pub(crate) mod suppress;

/// The module boundaries of DESIGN.md, checked on the source text so that a
/// change that crosses one fails the build's tests instead of a review.
#[cfg(test)]
mod boundaries {
    use std::path::Path;

    fn sources_under(dir: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(
                    std::fs::read_dir(&p)
                        .expect("read src dir")
                        .map(|e| e.expect("dir entry").path()),
                );
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("read source");
                out.push((p.display().to_string(), text));
            }
        }
        assert!(!out.is_empty(), "no sources under src/{dir}");
        out
    }

    fn forbid(dir: &str, words: &[&str], except: &[&str]) {
        for (path, text) in sources_under(dir) {
            if except.iter().any(|e| path.ends_with(e)) {
                continue;
            }
            for w in words {
                assert!(
                    !text.contains(w),
                    "{path} mentions {w}: src/{dir} must not (see DESIGN.md, Boundaries)"
                );
            }
        }
    }

    #[test]
    fn engine_sees_bytes_and_rules_only() {
        forbid(
            "engine",
            &[
                "git2",
                "std::fs",
                "crate::sources",
                "crate::suppress",
                "crate::report",
                "crate::app",
                "crate::config",
                "crate::catalog",
            ],
            &[],
        );
    }

    /// Rules are data and validation: the engine depends on them, so they
    /// must not depend on the engine (issue 11).
    #[test]
    fn rules_are_data_only() {
        forbid(
            "rules",
            &[
                "crate::engine",
                "crate::catalog",
                "crate::config",
                "crate::suppress",
                "crate::sources",
                "crate::report",
                "crate::app",
            ],
            &[],
        );
    }

    /// Practice checks judge paths and bytes, like the engine.
    #[test]
    fn practice_checks_see_bytes_only() {
        forbid(
            "practice",
            &[
                "git2",
                "std::fs",
                "crate::sources",
                "crate::suppress",
                "crate::report",
                "crate::app",
                "crate::config",
            ],
            &[],
        );
    }

    #[test]
    fn sources_never_see_rules() {
        forbid(
            "sources",
            &[
                "crate::rules",
                "crate::engine",
                "crate::suppress",
                "crate::report",
                "crate::app",
            ],
            &[],
        );
    }

    #[test]
    fn reports_see_only_findings() {
        forbid(
            "report",
            &[
                "git2",
                "std::fs",
                "crate::engine",
                "crate::rules",
                "crate::suppress",
                "crate::app",
            ],
            &["testdata.rs"],
        );
    }

    #[test]
    fn suppression_knows_neither_files_nor_git() {
        forbid(
            "suppress",
            &[
                "git2",
                "std::fs",
                "crate::engine",
                "crate::sources",
                "crate::report",
                "crate::app",
                // `config` validates allowlists by compiling them here: the
                // other way round would be a cycle (issue 11).
                "crate::config",
            ],
            &[],
        );
    }
}
