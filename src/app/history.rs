//! `stanch history`: scans what every selected commit introduced, reading each
//! distinct blob once, then copies each blob's occurrences to every (commit,
//! path) that introduced it, orders them oldest commit first so that dedup
//! makes the introducing commit primary, and marks what is still in HEAD.
use super::{Plan, RunOutcome};
use crate::cli::HistoryArgs;
use crate::error::Result;
use crate::finding::{fingerprint, CommitInfo, Occurrence};
use crate::sources::git::{self, history as hist};
use crate::sources::Stats;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Scans the history of the repository at `args.repo`.
pub(crate) fn history(args: HistoryArgs) -> Result<RunOutcome> {
    let repo = git::open(&args.repo)?;
    let spec = hist::HistorySpec {
        all: args.all,
        branch: args.branch.clone(),
        range: args.range.clone(),
        since: args.since.as_deref().map(git::parse_date).transpose()?,
        until: args.until.as_deref().map(git::parse_date).transpose()?,
    };
    let root = repo.workdir().unwrap_or(repo.path()).to_path_buf();
    let plan = Plan::prepare(&args.common, &root)?;
    let bar = Progress::new(std::io::stderr().is_terminal());
    let threads = args.common.threads.unwrap_or(0);
    let workers = hist::Workers::new(&repo, threads)?;
    let mut walked = hist::walk(&repo, &spec, &workers, &|n| bar.commits(n))?;
    bar.scanning(walked.blobs.len() as u64);
    let stats = Stats::default();
    let max = plan.max_file_size;
    let (mut collected, keyed) = plan.collect_keyed(&|n| bar.found(n), |visit, on_error| {
        hist::read_blobs(
            &repo,
            &walked,
            &workers,
            max,
            &stats,
            visit,
            on_error,
            &|bytes| bar.blob(bytes),
        )
    })?;
    bar.finish();

    // Copy each blob's occurrences to every commit that introduced it at that path.
    let hist::HeadPairs {
        known: head_known,
        unknown: head_unknown,
    } = walked.head_pairs(&repo)?;
    let mut infos: HashMap<u32, Arc<CommitInfo>> = HashMap::new();
    let mut in_head: HashSet<String> = HashSet::new();
    let mut ordered: Vec<(u32, Occurrence)> = Vec::new();
    for (key, occurrences) in keyed {
        let (bi, pi) = ((key >> 32) as u32, key as u32);
        let in_head_here = head_known.contains(&(bi, pi));
        let entry = &walked.blobs[bi as usize];
        for o in occurrences {
            if in_head_here {
                in_head.insert(fingerprint(&o.rule_id, &o.secret));
            }
            for intro in entry.intros.iter().filter(|i| i.path == pi) {
                let info = match infos.get(&intro.commit) {
                    Some(i) => i.clone(),
                    None => {
                        let commit = repo.find_commit(walked.commits[intro.commit as usize])?;
                        let i = Arc::new(git::commit_info(&commit));
                        infos.insert(intro.commit, i.clone());
                        i
                    }
                };
                let mut o = o.clone();
                o.location.commit = Some(info);
                ordered.push((intro.commit, o));
            }
        }
    }
    ordered.sort_by(|(ca, a), (cb, b)| {
        (
            ca,
            &a.location.path,
            a.location.line,
            a.location.column,
            &a.rule_id,
        )
            .cmp(&(
                cb,
                &b.location.path,
                b.location.line,
                b.location.column,
                &b.rule_id,
            ))
    });
    collected.occurrences = ordered.into_iter().map(|(_, o)| o).collect();
    collected.errors.append(&mut walked.errors);

    // HEAD blobs whose secrets the scan may not have reported: what a range
    // or date filter left out, and, when inline allow comments suppressed
    // something, every HEAD blob (a secret whose only copy in HEAD is under
    // an allow comment is still in HEAD).
    let mut look_in = head_unknown;
    if collected.inline_suppressed > 0 {
        look_in.extend(
            head_known
                .iter()
                .map(|&(bi, _)| walked.blobs[bi as usize].id),
        );
    }
    let (mut findings, mut summary, errors) = plan.findings("history", collected, &stats, true);
    // Look there for the secrets found elsewhere, byte for byte.
    if !findings.is_empty() && !look_in.is_empty() {
        let pending: Vec<usize> = (0..findings.len())
            .filter(|&i| !in_head.contains(&findings[i].fingerprint))
            .collect();
        if !pending.is_empty() {
            let mut search = git::Needles::new(
                pending
                    .iter()
                    .map(|&i| findings[i].secret.expose().as_bytes()),
            );
            hist::read_each(&workers, &look_in, max, |bytes| !search.look_in(bytes))?;
            for (&i, &found) in pending.iter().zip(search.found()) {
                if found {
                    in_head.insert(findings[i].fingerprint.clone());
                }
            }
        }
    }
    for f in &mut findings {
        f.in_head = Some(in_head.contains(&f.fingerprint));
    }
    summary.commits = Some(walked.commits.len() as u64);
    if walked.shallow {
        summary.warnings.push(
            "shallow clone: history before the shallow boundary is not here and was not scanned"
                .to_string(),
        );
    }
    if walked.submodules > 0 {
        summary.warnings.push(format!(
            "{} submodule entries skipped (scan each submodule's own repository)",
            walked.submodules
        ));
    }
    plan.report(&findings, summary, errors)
}

/// A progress bar on stderr for long scans, drawn only on a terminal.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    bytes: AtomicU64,
    findings: AtomicU64,
}

impl Progress {
    fn new(tty: bool) -> Self {
        let bar = tty.then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr_with_hz(8),
            );
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} walking history: {pos} commits")
                    .expect("valid template"),
            );
            b.enable_steady_tick(Duration::from_millis(125));
            b
        });
        Progress {
            bar,
            bytes: AtomicU64::new(0),
            findings: AtomicU64::new(0),
        }
    }

    fn commits(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.set_position(n);
        }
    }

    fn scanning(&self, blobs: u64) {
        if let Some(b) = &self.bar {
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} blobs · {msg} · {elapsed}",
                )
                .expect("valid template"),
            );
            b.set_length(blobs);
            b.set_position(0);
            b.reset_elapsed();
        }
    }

    fn blob(&self, bytes: u64) {
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if let Some(b) = &self.bar {
            b.inc(1);
            let secs = b.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!(
                "{:.0} MB/s · {} occurrences so far",
                total as f64 / secs / 1e6,
                self.findings.load(Ordering::Relaxed)
            ));
        }
    }

    fn found(&self, n: usize) {
        self.findings.fetch_add(n as u64, Ordering::Relaxed);
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
