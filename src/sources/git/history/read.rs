//! Reading objects for the history source: a pool of workers, each with its
//! own gix repository handle and delta-base cache, that reads commits for the
//! walk and blobs for the scan.
use super::super::pack_order;
use super::walk::{CommitMap, CommitNode};
use crate::blob::is_binary;
use crate::error::{Error, Result};
use git2::Repository;
use gix::objs::Kind;
use gix::prelude::*;
use gix::ObjectId;
use rayon::prelude::*;
use std::path::Path;
use std::sync::Mutex;

/// Blobs one worker reads in a row, in pack order.
const READ_RUN: usize = 32;

/// A pool of threads, each with its own `gix::Repository` (each keeps its own
/// pack caches), shared by the walk and the reads.
pub(super) struct Workers {
    pub(super) pool: rayon::ThreadPool,
    repos: Vec<Mutex<Option<gix::Repository>>>,
    shared: gix::ThreadSafeRepository,
}

/// Each worker's delta-base cache. Reading in pack order (blobs) and oldest
/// first (trees), a delta's base is nearly always the object read just
/// before, so a small cache does as well as a large one and keeps peak
/// memory down (see benches/history.sh).
const PACK_CACHE_BYTES: usize = 4 << 20;

impl Workers {
    /// `threads` workers for the repository `repo`.
    pub(super) fn new(repo: &Repository, threads: usize) -> Result<Workers> {
        // Process-wide libgit2 settings for what it still reads (a range's
        // walk, refs, HEAD's tree): no object cache, so memory does not grow
        // with history, and no re-hashing, as git's own readers do not re-hash
        // either (a corrupt object still fails to inflate).
        git2::opts::enable_caching(false);
        git2::opts::strict_hash_verification(false);
        let shared =
            gix::ThreadSafeRepository::open_opts(repo.path(), gix::open::Options::isolated())
                .map_err(|e| Error::Git(format!("opening {}: {e}", repo.path().display())))?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::Git(format!("thread pool: {e}")))?;
        let repos = (0..pool.current_num_threads())
            .map(|_| Mutex::new(None))
            .collect();
        Ok(Workers {
            pool,
            repos,
            shared,
        })
    }

    /// Runs `f` with the calling worker's repository (opened on first use).
    pub(super) fn with_repo<T>(&self, f: impl FnOnce(&gix::Repository) -> T) -> Result<T> {
        let slot = rayon::current_thread_index().expect("running inside the pool");
        let mut guard = self.repos[slot]
            .lock()
            .expect("no panics while holding the lock");
        let repo = guard.get_or_insert_with(|| self.local());
        Ok(f(repo))
    }

    /// A repository handle for one thread, with its own delta-base cache.
    pub(super) fn local(&self) -> gix::Repository {
        let mut r = self.shared.to_thread_local();
        r.object_cache_size(None);
        r.objects.set_pack_cache(|| {
            Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
                PACK_CACHE_BYTES,
            ))
        });
        r
    }

    /// Reads the commits reachable from `tips`. An unreadable commit is left
    /// out (the diff of its child reads it again and reports it); an
    /// unreadable tip is reported here.
    pub(super) fn read_commits(&self, tips: &[ObjectId]) -> (CommitMap, Vec<Error>) {
        let repo = self.local();
        let mut map = CommitMap::default();
        let mut errors = Vec::new();
        let mut todo: Vec<ObjectId> = tips.iter().rev().copied().collect();
        let mut buf = Vec::new();
        while let Some(id) = todo.pop() {
            if map.contains_key(&id) {
                continue;
            }
            match repo.objects.find_commit(&id, &mut buf) {
                Ok(c) => {
                    let parents: Vec<ObjectId> = c.parents().collect();
                    todo.extend(parents.iter().rev().filter(|p| !map.contains_key(*p)));
                    let node = CommitNode {
                        tree: c.tree(),
                        parents,
                        time: c.time().map_or(0, |t| t.seconds),
                        seq: map.len() as u32,
                    };
                    map.insert(id, node);
                }
                Err(e) if tips.contains(&id) => {
                    errors.push(Error::Git(format!("commit {id}: {e}")));
                }
                Err(_) => {}
            }
        }
        (map, errors)
    }
}

/// Reads the blobs `ids` once each, in pack order, on the workers, calling
/// `f(index into ids, what was read)` on the worker that read it; a blob
/// larger than `max_file_size` and `limit(index)` (asked only then) bytes is
/// not inflated.
pub(super) fn read_all(
    workers: &Workers,
    objects: &Path,
    ids: &[ObjectId],
    max_file_size: u64,
    limit: &(dyn Fn(usize) -> u64 + Sync),
    f: &(dyn Fn(usize, Result<Read<'_>, String>) + Sync),
) -> Result<()> {
    workers.pool.install(|| {
        let order = pack_order::read_order(objects, ids);
        order.par_chunks(READ_RUN).try_for_each(|chunk| {
            workers.with_repo(|repo| {
                let mut buf = Vec::new();
                for &i in chunk {
                    let read =
                        read_blob(&repo.objects, &mut buf, ids[i], max_file_size, || limit(i));
                    f(i, read);
                }
            })
        })
    })
}

/// What reading one blob gave.
pub(super) enum Read<'a> {
    /// Over the size limit: not inflated at all.
    TooLarge,
    /// The content, for the policy to judge (text, binary or an archive).
    Blob(&'a [u8]),
}

/// Reads blob `id` into `buf` unless it is over `max_file_size` and `limit()`
/// bytes (an archive's own limit, asked only of large blobs).
fn read_blob<'b>(
    odb: &gix::OdbHandle,
    buf: &'b mut Vec<u8>,
    id: ObjectId,
    max_file_size: u64,
    limit: impl FnOnce() -> u64,
) -> Result<Read<'b>, String> {
    // The header is cheap and keeps a huge blob from being inflated at all.
    match odb.try_header(&id) {
        Ok(Some(h)) if h.size() > max_file_size && h.size() > limit() => return Ok(Read::TooLarge),
        Ok(Some(_)) => {}
        Ok(None) => return Err("object not found".into()),
        Err(e) => return Err(e.to_string()),
    }
    match odb.find(&id, buf) {
        Ok(d) if d.kind != Kind::Blob => Err(format!("a {}, not a blob", d.kind)),
        Ok(d) => Ok(Read::Blob(d.data)),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads the blobs `ids` names one after the other on a worker, handing each
/// text blob to `f` until it returns false; unreadable and binary ones are
/// skipped, archives too: a secret that `HEAD` holds only inside an archive
/// the walk did not read is taken as not in `HEAD`.
pub(super) fn read_each(
    workers: &Workers,
    ids: &[ObjectId],
    max_file_size: u64,
    mut f: impl FnMut(&[u8]) -> bool + Send,
) -> Result<()> {
    workers.pool.install(|| {
        workers.with_repo(|repo| {
            let mut buf = Vec::new();
            for &id in ids {
                if let Ok(Read::Blob(bytes)) =
                    read_blob(&repo.objects, &mut buf, id, max_file_size, || max_file_size)
                {
                    if !is_binary(bytes) && !f(bytes) {
                        break;
                    }
                }
            }
        })
    })
}
