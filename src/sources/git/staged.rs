//! The staged source: what the next commit would add. Diffs the index against
//! `HEAD` (the empty tree before the first commit), and yields each changed
//! file's whole staged blob with the line ranges the change added, so that a
//! secret spanning a hunk boundary is still matched while only what touches
//! added lines is reported. An archive the commit adds or changes has no
//! lines: its members are scanned whole.
use crate::blob::{Blob, Origin};
use crate::error::{Error, Result};
use crate::sources::{BlobSink, Policy, Skip, Verdict};
use git2::{Delta, DiffFindOptions, DiffOptions, FileMode, Repository};
use std::collections::HashSet;

/// What the staged source noticed besides blobs.
#[derive(Debug, Default)]
pub struct StagedReport {
    /// Files the commit adds or changes (scanned or skipped).
    pub changed: u64,
    /// Things skipped that the committer should know of.
    pub warnings: Vec<String>,
    /// Files the commit adds whole (neither a rename nor a copy git
    /// recognised), every line of which counts as added.
    pub added_whole: HashSet<String>,
}

/// The staged changes of a repository, read and diffed against `HEAD`,
/// before any blob is offered (`Staged::offer`): reading the index is most of
/// a pre-commit run in a large repository, and needs no rules, so the caller
/// may build its engine meanwhile.
pub struct Staged<'r> {
    repo: &'r Repository,
    diff: git2::Diff<'r>,
    /// Blob ids of the index's files the commit does not change.
    unchanged_ids: HashSet<git2::Oid>,
}

/// Reads the index of `repo` and diffs it against `HEAD`.
pub fn read(repo: &Repository) -> Result<Staged<'_>> {
    if repo.is_bare() {
        return Err(Error::Usage(format!(
            "{}: a bare repository has no index to scan",
            repo.path().display()
        )));
    }
    // Trees read for the diff need not be re-hashed (a large share of a
    // pre-commit run in a big repository); git's own readers skip it too.
    git2::opts::strict_hash_verification(false);
    let index = repo.index()?;
    let head_tree = super::head_commit(repo)?.map(|c| c.tree()).transpose()?;
    let mut diff_opts = diff_options();
    let mut diff =
        repo.diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut diff_opts))?;
    // Renames, and copies of files the commit also changes. Copies of
    // unchanged files would need every file of the repository read (what
    // makes `git diff --cached --find-copies-harder` slow in a large
    // repository), too slow for a hook. So only exact copies
    // of those are recognised here, by blob id; for an edited copy, the
    // caller asks `found_in_head` about the secrets it found, which reads
    // the repository only when a new file holds a secret.
    let mut find = DiffFindOptions::new();
    find.renames(true).copies(true);
    diff.find_similar(Some(&mut find))?;
    let unchanged_ids = if diff.deltas().any(|d| d.status() == Delta::Added) {
        let changed: HashSet<&[u8]> = diff
            .deltas()
            .filter_map(|d| d.new_file().path_bytes())
            .collect();
        index
            .iter()
            .filter(|e| !changed.contains(e.path.as_slice()))
            .map(|e| e.id)
            .collect()
    } else {
        HashSet::new()
    };
    Ok(Staged {
        repo,
        diff,
        unchanged_ids,
    })
}

impl Staged<'_> {
    /// Offers the staged blobs to `sink`.
    pub fn offer(&self, policy: Policy, sink: &dyn BlobSink) -> Result<StagedReport> {
        let Staged {
            repo,
            diff,
            unchanged_ids,
        } = self;
        let mut report = StagedReport::default();
        for (i, delta) in diff.deltas().enumerate() {
            let new = delta.new_file();
            let path = super::path_string(new.path_bytes().unwrap_or_default());
            match delta.status() {
                Delta::Added
                | Delta::Modified
                | Delta::Renamed
                | Delta::Copied
                | Delta::Typechange => {}
                Delta::Conflicted => {
                    report
                        .warnings
                        .push(format!("{path}: unresolved merge conflict, not scanned"));
                    continue;
                }
                _ => continue,
            }
            report.changed += 1;
            match new.mode() {
                FileMode::Blob | FileMode::BlobExecutable | FileMode::BlobGroupWritable => {}
                FileMode::Link => {
                    sink.skipped(Skip::Symlink, 1);
                    continue;
                }
                FileMode::Commit => {
                    report
                        .warnings
                        .push(format!("{path}: submodule, not scanned"));
                    continue;
                }
                _ => continue,
            }
            let blob = match repo.find_blob(new.id()) {
                Ok(b) => b,
                Err(e) => {
                    sink.unreadable(Error::Git(format!(
                        "{path}: staged blob {}: {}",
                        new.id(),
                        e.message()
                    )));
                    continue;
                }
            };
            let bytes = blob.content();
            let verdict = policy.judge(bytes, &path);
            if let Verdict::Skip(reason) = verdict {
                sink.skipped(reason, 1);
                continue;
            }
            let added_lines = if delta.status() == Delta::Added {
                if unchanged_ids.contains(&new.id()) {
                    // An exact copy of a file already committed adds nothing new.
                    continue;
                }
                report.added_whole.insert(path.clone());
                None
            } else if let Verdict::Expand(_) = verdict {
                // An archive has no lines: what it holds is scanned whole (its
                // members are new files), unless the commit only moves it.
                if delta.old_file().id() == new.id() {
                    continue;
                }
                None
            } else {
                let Some(patch) = git2::Patch::from_diff(diff, i)? else {
                    continue;
                };
                let ranges = added_ranges(&patch)?;
                if ranges.is_empty() {
                    // A pure rename or mode change adds no line.
                    continue;
                }
                Some(ranges)
            };
            let blob = Blob::new(
                bytes,
                Origin {
                    path,
                    added_lines,
                    layers: Vec::new(),
                    path_bytes: crate::blob::raw_path(new.path_bytes().unwrap_or_default()),
                },
            );
            policy.act(sink, blob, verdict);
        }
        Ok(report)
    }
}

/// The options of the staged diff. No context: every new-side line of a
/// hunk is an added line. Text is forced because binary content is skipped
/// by content, not by attributes (`-diff` must not hide a secret).
fn diff_options() -> DiffOptions {
    let mut opts = DiffOptions::new();
    opts.context_lines(0).force_text(true);
    opts
}

/// The 1-based, inclusive new-side line ranges a patch's hunks add.
fn added_ranges(patch: &git2::Patch<'_>) -> Result<Vec<(u32, u32)>> {
    let mut ranges = Vec::with_capacity(patch.num_hunks());
    for h in 0..patch.num_hunks() {
        let (hunk, _) = patch.hunk(h)?;
        if hunk.new_lines() > 0 {
            ranges.push((hunk.new_start(), hunk.new_start() + hunk.new_lines() - 1));
        }
    }
    Ok(ranges)
}

/// The line ranges the staged source reports as added when a file's `old`
/// content becomes `new`: the same diff and mapping as `staged`, on two
/// buffers instead of the index (what the line-mapping fuzz target drives).
pub(crate) fn added_lines(old: &[u8], new: &[u8]) -> Result<Vec<(u32, u32)>> {
    let patch = git2::Patch::from_buffers(old, None, new, None, Some(&mut diff_options()))?;
    added_ranges(&patch)
}

/// For each of `needles`, whether it occurs byte for byte in a blob of
/// `HEAD`'s tree (blobs over `max_file_size` are not read). All false when
/// there is no `HEAD`. Stops reading once every needle is found.
pub fn found_in_head(
    repo: &Repository,
    needles: &[&[u8]],
    max_file_size: u64,
) -> Result<Vec<bool>> {
    let mut search = super::Needles::new(needles.iter().copied());
    let odb = repo.odb()?;
    let mut seen = HashSet::new();
    for (_, id) in super::head_blobs(repo)? {
        if !seen.insert(id) {
            continue;
        }
        // Unreadable or oversized blobs are passed over: at worst a copied
        // secret is reported as new.
        let fits = odb
            .read_header(id)
            .is_ok_and(|(size, _)| size as u64 <= max_file_size);
        if let Some(obj) = fits.then(|| odb.read(id).ok()).flatten() {
            if search.look_in(obj.data()) {
                break;
            }
        }
    }
    Ok(search.found().to_vec())
}
