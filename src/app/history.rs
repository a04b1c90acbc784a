//! `stanch history`: scans what every selected commit introduced. The source
//! attributes each blob to the commits and paths that introduced it; this
//! command adds what only a whole run knows: which secrets are still in `HEAD`.
use super::progress::Progress;
use super::{Plan, RunOutcome};
use crate::cli::HistoryArgs;
use crate::error::Result;
use crate::report::Mode;
use crate::sources::git::{self, history::History, history::HistorySpec};
use std::io::IsTerminal;

/// Scans the history of the repository at `args.repo`.
pub(crate) fn history(args: HistoryArgs) -> Result<RunOutcome> {
    let repo = git::open(&args.repo)?;
    let spec = HistorySpec {
        all: args.all,
        branch: args.branch.clone(),
        range: args.range.clone(),
        since: args.since.as_deref().map(git::parse_date).transpose()?,
        until: args.until.as_deref().map(git::parse_date).transpose()?,
    };
    let root = repo.workdir().unwrap_or(repo.path()).to_path_buf();
    let plan = Plan::prepare(&args.common, &root)?;
    let bar = Progress::new(std::io::stderr().is_terminal());
    let mut history = History::walk(&repo, &spec, plan.threads(), &|n| bar.commits(n))?;
    bar.scanning(history.blobs() as u64);
    let mut collected = plan.collect_with(&|n| bar.found(n), |sink| {
        history.scan(plan.policy(), sink, &|bytes| bar.blob(bytes))
    })?;
    bar.finish();
    let everywhere = collected.inline_suppressed > 0;
    let mut in_head = std::mem::take(&mut collected.in_head);
    let (mut findings, mut summary, errors) = plan.findings(Mode::History, collected);
    let pending: Vec<usize> = (0..findings.len())
        .filter(|&i| !in_head.contains(&findings[i].fingerprint))
        .collect();
    if !findings.is_empty() && !pending.is_empty() {
        let secrets: Vec<&[u8]> = pending
            .iter()
            .map(|&i| findings[i].secret.expose().as_bytes())
            .collect();
        let found = history.in_head(&secrets, everywhere, plan.max_file_size)?;
        for (&i, found) in pending.iter().zip(found) {
            if found {
                in_head.insert(findings[i].fingerprint.clone());
            }
        }
    }
    for f in &mut findings {
        f.in_head = Some(in_head.contains(&f.fingerprint));
    }
    summary.commits = Some(history.commits() as u64);
    summary.threads = history.threads();
    if history.shallow() {
        summary.warnings.push(
            "shallow clone: history before the shallow boundary is not here and was not scanned"
                .to_string(),
        );
    }
    if history.submodules() > 0 {
        summary.warnings.push(format!(
            "{} submodule entries skipped (scan each submodule's own repository)",
            history.submodules()
        ));
    }
    plan.report(&findings, summary, errors)
}
