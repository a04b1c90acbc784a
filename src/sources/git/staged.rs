//! The staged source: what the next commit would add. Diffs the index against
//! `HEAD` (the empty tree before the first commit), and yields each changed
//! file's whole staged blob with the line ranges the change added, so that a
//! secret spanning a hunk boundary is still matched while only what touches
//! added lines is reported.
use crate::blob::{is_binary, Blob, Origin};
use crate::error::{Error, Result};
use crate::sources::{fs::emit, Stats};
use git2::{Delta, DiffFindOptions, DiffOptions, FileMode, Repository};
use std::borrow::Cow;
use std::collections::HashSet;

/// What the staged source noticed besides blobs.
#[derive(Debug, Default)]
pub struct StagedReport {
    /// Files the commit adds or changes (scanned or skipped).
    pub changed: u64,
    /// Things skipped that the committer should know of.
    pub warnings: Vec<String>,
}

/// Yields the staged blobs of `repo` to `visit`.
pub fn staged(
    repo: &Repository,
    max_file_size: u64,
    stats: &Stats,
    visit: &(dyn Fn(Blob<'_>) + Sync),
    on_error: &(dyn Fn(Error) + Sync),
) -> Result<StagedReport> {
    if repo.is_bare() {
        return Err(Error::Usage(format!(
            "{}: a bare repository has no index to scan",
            repo.path().display()
        )));
    }
    let index = repo.index()?;
    let head_tree = match repo.head() {
        Ok(head) => Some(head.peel_to_tree()?),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            None
        }
        Err(e) => return Err(e.into()),
    };
    let mut diff_opts = DiffOptions::new();
    // No context: every new-side line of a hunk is an added line. Text is
    // forced because binary content is skipped by content below, not by
    // attributes (`-diff` must not hide a secret).
    diff_opts.context_lines(0).force_text(true);
    let mut diff =
        repo.diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut diff_opts))?;
    // Renames, and copies of files the commit also changes. Copies of
    // unchanged files would need every file of the repository hashed (tens of
    // milliseconds on a large one): only exact copies of those are
    // recognised, below, by blob id.
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

    let mut report = StagedReport::default();
    for (i, delta) in diff.deltas().enumerate() {
        let new = delta.new_file();
        let path = super::path_string(new.path_bytes().unwrap_or_default());
        match delta.status() {
            Delta::Added | Delta::Modified | Delta::Renamed | Delta::Copied | Delta::Typechange => {
            }
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
                Stats::bump(&stats.symlinks);
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
                Stats::bump(&stats.unreadable);
                on_error(Error::Git(format!(
                    "{path}: staged blob {}: {}",
                    new.id(),
                    e.message()
                )));
                continue;
            }
        };
        let bytes = blob.content();
        if bytes.len() as u64 > max_file_size {
            Stats::bump(&stats.too_large);
            continue;
        }
        if is_binary(bytes) {
            Stats::bump(&stats.binary);
            continue;
        }
        let added_lines = if delta.status() == Delta::Added {
            if unchanged_ids.contains(&new.id()) {
                // An exact copy of a file already committed adds nothing new.
                continue;
            }
            None
        } else {
            let Some(patch) = git2::Patch::from_diff(&diff, i)? else {
                continue;
            };
            let mut ranges = Vec::with_capacity(patch.num_hunks());
            for h in 0..patch.num_hunks() {
                let (hunk, _) = patch.hunk(h)?;
                if hunk.new_lines() > 0 {
                    ranges.push((hunk.new_start(), hunk.new_start() + hunk.new_lines() - 1));
                }
            }
            if ranges.is_empty() {
                // A pure rename or mode change adds no line.
                continue;
            }
            Some(ranges)
        };
        emit(
            Blob {
                bytes: Cow::Borrowed(bytes),
                origin: Origin {
                    path,
                    commit: None,
                    added_lines,
                },
            },
            stats,
            visit,
        );
    }
    Ok(report)
}
