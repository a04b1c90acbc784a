//! The history source. `History::walk` enumerates the commits asked for,
//! oldest first, and records the (path, blob id) pairs each one introduced:
//! against its first parent, or for a merge what differs from every parent
//! (what the merge itself brought in), or for a root commit its whole tree.
//! `History::scan` then reads each distinct blob once, in pack order, on a
//! pool of workers, and hands it to the sink with its appearances (every
//! commit and path that introduced it), so that one read and one scan per
//! path serve every commit. No blob is kept after it has been handed over, so
//! memory holds the commit index and one blob per worker.
//!
//! Jobs by module: `walk` (refs, commit order, tree diffs), `read` (workers
//! and object reading). Object ids are gix's `ObjectId` throughout; git2's
//! `Oid` appears only where git2 resolves refs and ranges.
mod read;
mod walk;

pub use walk::HistorySpec;

use super::{commit_info, head_blobs};
use crate::blob::{Appearances, Blob, CommitIndex, CommitInfo, Origin, PathAppearance};
use crate::error::{Error, Result};
use crate::sources::{BlobSink, Policy, Skip, Verdict};
use git2::Repository;
use gix::ObjectId;
use read::{Read, Workers};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use walk::Walked;

/// A git2 id as gix's (the one conversion between the two libraries).
fn gix_id(oid: git2::Oid) -> ObjectId {
    ObjectId::from_bytes_or_panic(oid.as_bytes())
}

/// A walked history, ready to be scanned.
pub struct History {
    walked: Walked,
    workers: Workers,
    commits: Commits,
    head: HeadIndex,
    objects: PathBuf,
}

impl History {
    /// Walks the commits `spec` selects in `repo` on `threads` workers (0:
    /// one per core); `progress` gets the number of commits walked so far.
    pub fn walk(
        repo: &Repository,
        spec: &HistorySpec,
        threads: usize,
        progress: &dyn Fn(u64),
    ) -> Result<History> {
        let workers = Workers::new(repo, threads)?;
        let walked = walk::walk(repo, spec, &workers, progress)?;
        let head = HeadIndex::new(repo, &walked)?;
        Ok(History {
            commits: Commits {
                repo: Mutex::new(Repository::open(repo.path())?),
                ids: walked.commits.clone(),
                infos: Mutex::new(HashMap::new()),
            },
            walked,
            workers,
            head,
            objects: repo.path().join("objects"),
        })
    }

    /// Commits walked.
    pub fn commits(&self) -> usize {
        self.walked.commits.len()
    }

    /// Worker threads the scan runs on.
    pub fn threads(&self) -> usize {
        self.workers.pool.current_num_threads()
    }

    /// Distinct blobs to read.
    pub fn blobs(&self) -> usize {
        self.walked.blobs.len()
    }

    /// Whether the repository is a shallow clone (history is truncated).
    pub fn shallow(&self) -> bool {
        self.walked.shallow
    }

    /// Submodule entries skipped.
    pub fn submodules(&self) -> u64 {
        self.walked.submodules
    }

    /// Reads every blob once, in pack order, and offers each to `sink`
    /// through `policy` with its appearances (an archive's members carry
    /// them too); reports what the walk skipped and could
    /// not read. `progress` gets the bytes of each blob read.
    pub fn scan(
        &mut self,
        policy: Policy,
        sink: &dyn BlobSink,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<()> {
        for e in self.walked.errors.drain(..) {
            sink.error(e);
        }
        sink.skipped(Skip::Symlink, self.walked.symlinks);
        let walked = &self.walked;
        let ids: Vec<ObjectId> = walked.blobs.iter().map(|b| b.id).collect();
        let first = |bi: usize| walked.paths[walked.blobs[bi].intros[0].path as usize].as_str();
        // A blob larger than a file may still be an archive (see
        // `Policy::read_limit`): then it is known by a path it was
        // introduced at that says archive, if any does.
        let large = |bi: usize| {
            let paths = walked.blobs[bi]
                .intros
                .iter()
                .map(|i| walked.paths[i.path as usize].as_str());
            paths
                .max_by_key(|p| policy.read_limit(p))
                .unwrap_or_default()
        };
        let limit = |bi: usize| policy.read_limit(large(bi));
        read::read_all(
            &self.workers,
            &self.objects,
            &ids,
            policy.max_file_size,
            &limit,
            &|bi, read| match read {
                Ok(Read::TooLarge) => {
                    progress(0);
                    sink.skipped(Skip::TooLarge, 1);
                }
                Ok(Read::Blob(bytes)) => {
                    progress(bytes.len() as u64);
                    // Judged before the appearances are gathered: most
                    // binary blobs need none.
                    let name = if bytes.len() as u64 > policy.max_file_size {
                        large(bi)
                    } else {
                        first(bi)
                    };
                    match policy.judge(bytes, name) {
                        Verdict::Skip(reason) => sink.skipped(reason, 1),
                        verdict => policy.act(sink, self.blob(bi, bytes), verdict),
                    }
                }
                Err(e) => {
                    let entry = &walked.blobs[bi];
                    sink.unreadable(Error::Git(format!(
                        "blob {} (at {}): {e}",
                        entry.id, walked.paths[entry.intros[0].path as usize],
                    )));
                }
            },
        )
    }

    /// Blob `bi` with every (commit, path) that introduced it, by path.
    fn blob<'a>(&'a self, bi: usize, bytes: &'a [u8]) -> Blob<'a> {
        let entry = &self.walked.blobs[bi];
        let mut paths: Vec<PathAppearance> = Vec::with_capacity(1);
        let mut ids: Vec<u32> = Vec::with_capacity(1);
        for intro in &entry.intros {
            match ids.iter().position(|&p| p == intro.path) {
                Some(k) => paths[k].commits.push(intro.commit),
                None => {
                    ids.push(intro.path);
                    paths.push(PathAppearance {
                        path: self.walked.paths[intro.path as usize].clone(),
                        path_bytes: self.walked.raw_paths.get(&intro.path).cloned(),
                        commits: vec![intro.commit],
                        in_head: self.head.known.contains(&(bi as u32, intro.path)),
                    });
                }
            }
        }
        let origin = Origin {
            path: paths[0].path.clone(),
            path_bytes: paths[0].path_bytes.clone(),
            ..Origin::default()
        };
        Blob {
            bytes: bytes.into(),
            origin,
            appearances: Some(Appearances {
                commits: &self.commits,
                paths,
            }),
        }
    }

    /// For each of `secrets`, whether a blob of `HEAD` holds it byte for byte
    /// where the scan could not tell: the blobs of `HEAD` the walk does not
    /// hold at their path (a range or a date filter left them out), and with
    /// `everywhere` every blob of `HEAD` (a secret whose only copy in `HEAD`
    /// sits under an allow comment was suppressed there, yet is still in
    /// `HEAD`).
    pub fn in_head(
        &self,
        secrets: &[&[u8]],
        everywhere: bool,
        max_file_size: u64,
    ) -> Result<Vec<bool>> {
        let mut look_in = self.head.unknown.clone();
        if everywhere {
            look_in.extend(
                self.head
                    .known
                    .iter()
                    .map(|&(bi, _)| self.walked.blobs[bi as usize].id),
            );
        }
        let mut search = super::Needles::new(secrets.iter().copied());
        if !secrets.is_empty() && !look_in.is_empty() {
            read::read_each(&self.workers, &look_in, max_file_size, |bytes| {
                !search.look_in(bytes)
            })?;
        }
        Ok(search.found().to_vec())
    }
}

/// What of `HEAD`'s tree a walk holds.
#[derive(Debug, Default)]
struct HeadIndex {
    /// (blob index, path index) pairs of the walk that are in `HEAD`.
    known: HashSet<(u32, u32)>,
    /// Ids of the blobs of `HEAD` that the walk does not hold at their path.
    unknown: Vec<ObjectId>,
}

impl HeadIndex {
    /// Empty when `HEAD` is unborn.
    fn new(repo: &Repository, walked: &Walked) -> Result<HeadIndex> {
        let mut head = HeadIndex::default();
        for (path, id) in head_blobs(repo)? {
            let id = gix_id(id);
            match (walked.blob(&id), walked.path(&path)) {
                (Some(b), Some(pi))
                    if walked.blobs[b as usize].intros.iter().any(|i| i.path == pi) =>
                {
                    head.known.insert((b, pi));
                }
                _ => head.unknown.push(id),
            }
        }
        Ok(head)
    }
}

/// The walked commits, by order index, as findings describe them; read on
/// demand (only commits with findings are asked for) and kept.
struct Commits {
    repo: Mutex<Repository>,
    ids: Vec<ObjectId>,
    infos: Mutex<HashMap<u32, Arc<CommitInfo>>>,
}

impl CommitIndex for Commits {
    fn info(&self, order: u32) -> Result<Arc<CommitInfo>, Error> {
        if let Some(i) = self
            .infos
            .lock()
            .expect("no panics while holding the lock")
            .get(&order)
        {
            return Ok(i.clone());
        }
        let id = self.ids[order as usize];
        let info = {
            let repo = self.repo.lock().expect("no panics while holding the lock");
            let oid = git2::Oid::from_bytes(id.as_bytes())?;
            let commit = repo.find_commit(oid)?;
            Arc::new(commit_info(&commit, order))
        };
        self.infos
            .lock()
            .expect("no panics while holding the lock")
            .insert(order, info.clone());
        Ok(info)
    }
}
