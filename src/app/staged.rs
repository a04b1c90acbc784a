//! `stanch staged`: scans what the next commit adds, for pre-commit hooks.
//! Only lines the commit adds are reported, at their line in the staged file.
use super::{Plan, RunOutcome};
use crate::cli::StagedArgs;
use crate::error::Result;
use crate::sources::{git, Stats};
use std::path::Path;

/// Scans the index of the repository containing `--repo` (or the current directory).
pub(crate) fn staged(args: StagedArgs) -> Result<RunOutcome> {
    let start = args.repo.as_deref().unwrap_or(Path::new("."));
    let repo = git::open(start)?;
    let root = repo.workdir().unwrap_or(repo.path()).to_path_buf();
    let plan = Plan::prepare(&args.common, &root)?;
    let stats = Stats::default();
    let max = plan.max_file_size;
    let mut warnings = Vec::new();
    let collected = plan.collect(|visit, on_error| {
        warnings = git::staged::staged(&repo, max, &stats, visit, on_error)?.warnings;
        Ok(())
    })?;
    let (findings, mut summary, errors) = plan.findings("staged", collected, &stats, false);
    summary.warnings.extend(warnings);
    plan.report(&findings, summary, errors)
}
