//! `stanch staged`: scans what the next commit adds, for pre-commit hooks.
//! Only lines the commit adds are reported, at their line in the staged file.
use super::audit::Tee;
use super::{Collected, Plan, RunOutcome};
use crate::blob::Blob;
use crate::cli::StagedArgs;
use crate::error::Result;
use crate::practice::{self, Hit};
use crate::report::Mode;
use crate::sources::git;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

/// Scans the index of the repository containing `--repo` (or the current directory).
pub(crate) fn staged(args: StagedArgs) -> Result<RunOutcome> {
    let start = args.repo.as_deref().unwrap_or(Path::new("."));
    let repo = git::open(start)?;
    let root = repo.workdir().unwrap_or(repo.path()).to_path_buf();
    // Reading the index and building the engine are the two halves of a
    // pre-commit run's start-up and need nothing of each other: side by side.
    let (plan, read) = std::thread::scope(|scope| {
        let plan = scope.spawn(|| Plan::prepare(&args.common, &root));
        let read = git::staged::read(&repo);
        let plan = plan.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (plan, read)
    });
    let plan = plan?;
    let read = read?;
    let mut report = git::staged::StagedReport::default();
    let practices = Mutex::new(Vec::new());
    let mut collected = plan.collect(|sink| {
        let tee = Tee {
            inner: sink,
            look: |blob: &Blob<'_>| look(&practices, blob),
        };
        report = read.offer(plan.policy(), &tee)?;
        Ok(())
    })?;
    drop_copied(&repo, &report, &mut collected, plan.max_file_size)?;
    let (findings, mut summary, errors) = plan.findings(Mode::Staged, collected);
    summary.warnings.extend(report.warnings);
    let mut hits = practices.into_inner().unwrap_or_else(|e| e.into_inner());
    hits.sort();
    let (warnings, failed) = super::audit::as_warnings(&plan, &hits);
    summary.warnings.extend(warnings);
    let mut outcome = plan.report(&findings, summary, errors)?;
    if failed && plan.fail_on_practices && outcome.code == 0 {
        outcome.code = 1;
    }
    // As `scan`: the process ends here, and freeing the plan is pure cost.
    std::mem::forget(plan);
    Ok(outcome)
}

/// The practice checks that apply to what a commit adds (logs, errors,
/// defaults, CI and containers, URLs: items 3 to 6 and 8), on added lines
/// only; they warn, and block the commit only with `fail_on_practices`.
fn look(hits: &Mutex<Vec<(String, Hit)>>, blob: &Blob<'_>) {
    if !blob.origin.layers.is_empty() {
        return;
    }
    let report = super::audit::checked(&blob.origin.path, &blob.bytes);
    let kept: Vec<(String, Hit)> = report
        .hits
        .into_iter()
        .filter(|h| {
            h.line > 0
                && practice::practice(h.rule).is_some_and(|p| matches!(p.item, 3..=6 | 8))
                && blob.origin.touches_added(h.line, h.line)
        })
        .map(|h| (blob.origin.path.to_string(), h))
        .collect();
    if !kept.is_empty() {
        hits.lock().unwrap_or_else(|e| e.into_inner()).extend(kept);
    }
}

/// Drops what was found in files the commit adds whole when that secret is
/// already in `HEAD`: git recognises a copy of an unchanged file only when it
/// is exact, and the lines an edited copy brought along are not new.
fn drop_copied(
    repo: &git2::Repository,
    report: &git::staged::StagedReport,
    collected: &mut Collected,
    max_file_size: u64,
) -> Result<()> {
    let candidates: Vec<usize> = (0..collected.occurrences.len())
        .filter(|&i| {
            report
                .added_whole
                .contains(&collected.occurrences[i].location.path)
        })
        .collect();
    if candidates.is_empty() {
        return Ok(());
    }
    let needles: Vec<&[u8]> = candidates
        .iter()
        .map(|&i| collected.occurrences[i].secret.expose().as_bytes())
        .collect();
    let found = git::staged::found_in_head(repo, &needles, max_file_size)?;
    let copied: HashSet<usize> = candidates
        .iter()
        .zip(found)
        .filter_map(|(&i, f)| f.then_some(i))
        .collect();
    if copied.is_empty() {
        return Ok(());
    }
    let mut i = 0;
    collected.occurrences.retain(|_| {
        i += 1;
        !copied.contains(&(i - 1))
    });
    collected.warnings.push(format!(
        "{} secret(s) in new files are already committed in HEAD (copied along), not reported as new; `stanch scan` reports them",
        copied.len()
    ));
    Ok(())
}
