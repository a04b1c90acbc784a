//! `stanch scan`: files, directories and stdin.
use super::{Plan, RunOutcome};
use crate::cli::ScanArgs;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::report::{Mode, Summary};
use crate::sources::fs as fsrc;
use std::path::{Path, PathBuf};

/// Scans the paths (and stdin for `-`).
pub(crate) fn scan(args: ScanArgs) -> Result<RunOutcome> {
    let root = scan_root(&args)?;
    let plan = Plan::prepare(&args.common, &root)?;
    let (findings, summary, errors) = run(&plan, &args)?;
    let outcome = plan.report(&findings, summary, errors);
    // The process ends here: freeing the rules, the engine and its tables
    // one by one (and unmapping the large ones while the worker threads
    // live) is start-up's cost paid again for nothing.
    std::mem::forget(plan);
    outcome
}

/// Checks that the paths exist; the directory whose config applies (the
/// first path if it is a directory, else the current one).
pub(crate) fn scan_root(args: &ScanArgs) -> Result<PathBuf> {
    for p in args.paths.iter().filter(|p| p.as_os_str() != "-") {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(Error::Usage(format!(
                "{}: no such file or directory",
                p.display()
            )));
        }
    }
    let first = args.paths.iter().find(|p| p.as_os_str() != "-");
    Ok(first
        .filter(|p| p.is_dir())
        .map_or_else(|| Path::new(".").to_path_buf(), |p| p.clone()))
}

/// Walks and scans with a prepared plan; suppressed, deduplicated findings.
pub(crate) fn run(plan: &Plan, args: &ScanArgs) -> Result<(Vec<Finding>, Summary, Vec<Error>)> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let mut exclude = plan.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let opts = fsrc::WalkOptions {
        paths,
        respect_ignore: !args.no_ignore,
        exclude,
        threads: plan.threads(),
        follow: args.follow,
    };
    let policy = plan.policy();
    let collected = plan.collect(|sink| {
        if !stdin.is_empty() {
            fsrc::stdin(&args.stdin_name, policy, sink)?;
        }
        fsrc::walk(&opts, policy, sink)
    })?;
    let (findings, mut summary, errors) = plan.findings(Mode::Scan, collected);
    summary.base = report_base(&args.paths);
    Ok((findings, summary, errors))
}

/// The directory that absolute scan paths are reported relative to in SARIF
/// and annotations: the repository around them (what code scanning resolves
/// against), else the directory scanned; one common to every path.
fn report_base(paths: &[PathBuf]) -> Option<PathBuf> {
    let absolute: Vec<&PathBuf> = paths.iter().filter(|p| p.is_absolute()).collect();
    if absolute.is_empty() {
        return None;
    }
    let mut anchors = absolute.iter().map(|p| {
        let dir = if p.is_dir() {
            p.to_path_buf()
        } else {
            p.parent()
                .map_or_else(|| p.to_path_buf(), Path::to_path_buf)
        };
        // Not `config::git_root`, which canonicalises: the base must be a
        // prefix of the paths as given.
        dir.ancestors()
            .find(|d| d.join(".git").exists())
            .map_or(dir.clone(), Path::to_path_buf)
    });
    let mut base = anchors.next()?;
    for a in anchors {
        while !a.starts_with(&base) {
            base = base.parent()?.to_path_buf();
        }
    }
    Some(base)
}
