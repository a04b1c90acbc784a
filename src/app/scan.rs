//! `stanch scan`: files, directories and stdin.
use super::{Plan, RunOutcome};
use crate::cli::ScanArgs;
use crate::error::{Error, Result};
use crate::sources::{fs as fsrc, Stats};
use std::path::{Path, PathBuf};

/// Scans the paths (and stdin for `-`).
pub(crate) fn scan(args: ScanArgs) -> Result<RunOutcome> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    for p in &paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(Error::Usage(format!(
                "{}: no such file or directory",
                p.display()
            )));
        }
    }
    let root = paths
        .first()
        .filter(|p| p.is_dir())
        .map_or(Path::new("."), |p| p.as_path());
    let plan = Plan::prepare(&args.common, root)?;
    let stats = Stats::default();
    let max = plan.max_file_size;
    let opts = fsrc::WalkOptions {
        paths,
        max_file_size: max,
        respect_ignore: !args.no_ignore,
        exclude: args.exclude.clone(),
        threads: args.common.threads.unwrap_or(0),
    };
    let collected = plan.collect(|visit, on_error| {
        if !stdin.is_empty() {
            fsrc::stdin(&args.stdin_name, max, &stats, visit)?;
        }
        fsrc::walk(&opts, &stats, visit, on_error)
    })?;
    let (findings, summary, errors) = plan.findings("scan", collected, &stats, false);
    plan.report(&findings, summary, errors)
}
