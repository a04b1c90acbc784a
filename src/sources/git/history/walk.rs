//! Walking history: which commits a scan covers, in what order, and what each
//! one introduced. Refs, a range's commit walk and `HEAD` go through `git2`;
//! commits and trees are read with gitoxide (`gix`), and whole histories (no
//! range) are read once and ordered here rather than by libgit2's walk, which
//! would read every commit a second time.
use super::super::path_string;
use super::gix_id;
use super::read::Workers;
use crate::error::{Error, Result};
use git2::{Repository, Sort};
use gix::objs::tree::EntryMode;
use gix::objs::{Kind, TreeRefIter};
use gix::prelude::*;
use gix::ObjectId;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Commits diffed per batch: memory holds a couple of batches of results.
const DIFF_BATCH: usize = 4096;

/// Consecutive commits one worker diffs, so that a parent's trees are
/// usually still in its cache.
const DIFF_RUN: usize = 64;

/// A commit as the walk read it.
#[derive(Debug, Clone)]
pub(super) struct CommitNode {
    pub(super) tree: ObjectId,
    pub(super) parents: Vec<ObjectId>,
    /// Committer time, seconds since the epoch.
    pub(super) time: i64,
    /// Order of discovery from the tips, to break ties in time.
    pub(super) seq: u32,
}

/// The commits a walk read, by id (ids are hashes already, so the map uses
/// their first bytes rather than hashing them again).
pub(super) type CommitMap = gix::hashtable::HashMap<ObjectId, CommitNode>;

/// The commits of `known`, parents before children and otherwise oldest
/// (committer time) first. Parents outside `known` (a shallow boundary, an
/// unreadable commit) do not hold their children back.
fn oldest_first(known: &CommitMap) -> Vec<ObjectId> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    // Indexed by `seq`, which numbers the commits 0..n in discovery order.
    let n = known.len();
    let mut ids = vec![ObjectId::null(gix::hash::Kind::Sha1); n];
    let mut time = vec![0i64; n];
    let mut waiting = vec![0u32; n];
    let mut children: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (id, c) in known {
        let i = c.seq as usize;
        ids[i] = *id;
        time[i] = c.time;
        for p in c.parents.iter().filter_map(|p| known.get(p)) {
            waiting[i] += 1;
            children[p.seq as usize].push(c.seq);
        }
    }
    let mut ready: BinaryHeap<(Reverse<i64>, u32)> = (0..n)
        .filter(|&i| waiting[i] == 0)
        .map(|i| (Reverse(time[i]), i as u32))
        .collect();
    let mut out = Vec::with_capacity(n);
    while let Some((_, i)) = ready.pop() {
        out.push(ids[i as usize]);
        for &child in &children[i as usize] {
            let c = child as usize;
            waiting[c] -= 1;
            if waiting[c] == 0 {
                ready.push((Reverse(time[c]), child));
            }
        }
    }
    out
}

/// Which commits to walk.
#[derive(Debug, Clone, Default)]
pub struct HistorySpec {
    /// Every commit reachable from any ref.
    pub all: bool,
    /// A branch (or any ref) whose history to walk.
    pub branch: Option<String>,
    /// `A..B` or `A...B`.
    pub range: Option<String>,
    /// Only commits committed at or after this time (seconds since the epoch).
    pub since: Option<i64>,
    /// Only commits committed at or before this time.
    pub until: Option<i64>,
}

/// One place where a blob was introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intro {
    /// Index into `Walked::commits`.
    pub commit: u32,
    /// Index into `Walked::paths`.
    pub path: u32,
}

/// A distinct blob and every (commit, path) that introduced it, oldest first.
#[derive(Debug, Clone)]
pub struct BlobEntry {
    /// The blob id.
    pub id: ObjectId,
    /// Where it was introduced.
    pub intros: Vec<Intro>,
}

/// The result of walking the commits.
#[derive(Debug, Default)]
pub struct Walked {
    /// Commit ids, oldest first (parents before children).
    pub commits: Vec<ObjectId>,
    /// Interned paths.
    pub paths: Vec<String>,
    /// Distinct blobs.
    pub blobs: Vec<BlobEntry>,
    /// Submodule entries skipped.
    pub submodules: u64,
    /// Symbolic links skipped.
    pub symlinks: u64,
    /// Whether the repository is a shallow clone (history is truncated).
    pub shallow: bool,
    /// Commits or trees that could not be read (reported, skipped).
    pub errors: Vec<Error>,
    /// Path ids by the path's bytes (two paths that are not UTF-8 may
    /// display alike but stay apart).
    path_ids: HashMap<Vec<u8>, u32>,
    /// The bytes of the paths that are not UTF-8, by path id.
    pub raw_paths: HashMap<u32, std::sync::Arc<[u8]>>,
    blob_ids: gix::hashtable::HashMap<ObjectId, u32>,
}

impl Walked {
    fn path_id(&mut self, path: &[u8]) -> u32 {
        if let Some(&i) = self.path_ids.get(path) {
            return i;
        }
        let i = self.paths.len() as u32;
        self.paths.push(path_string(path));
        if let Some(raw) = crate::blob::raw_path(path) {
            self.raw_paths.insert(i, raw);
        }
        self.path_ids.insert(path.to_vec(), i);
        i
    }

    /// The index of blob `id`, if the walk holds it.
    pub(super) fn blob(&self, id: &ObjectId) -> Option<u32> {
        self.blob_ids.get(id).copied()
    }

    /// The index of `path`, if the walk holds it.
    pub(super) fn path(&self, path: &[u8]) -> Option<u32> {
        self.path_ids.get(path).copied()
    }

    fn add(&mut self, commit: u32, path: &[u8], id: ObjectId) {
        let path = self.path_id(path);
        let next = self.blobs.len() as u32;
        let b = *self.blob_ids.entry(id).or_insert(next);
        if b == next {
            self.blobs.push(BlobEntry {
                id,
                intros: Vec::new(),
            });
        }
        self.blobs[b as usize].intros.push(Intro { commit, path });
    }
}

fn resolve(repo: &Repository, rev: &str) -> Result<git2::Oid> {
    let unknown = || Error::Usage(format!("unknown revision {rev:?}"));
    let obj = repo.revparse_single(rev).map_err(|_| unknown())?;
    Ok(obj.peel_to_commit().map_err(|_| unknown())?.id())
}

/// Walks the commits that `spec` selects and records what each introduced.
/// `progress` is called with the number of commits walked so far.
pub fn walk(
    repo: &Repository,
    spec: &HistorySpec,
    workers: &Workers,
    progress: &dyn Fn(u64),
) -> Result<Walked> {
    let mut w = Walked {
        shallow: repo.is_shallow(),
        ..Walked::default()
    };
    // The commits to walk from, and for a range the one to stop at.
    let mut tips: Vec<git2::Oid> = Vec::new();
    let mut hide = None;
    if let Some(range) = &spec.range {
        let (a, b, symmetric) = match range.split_once("...") {
            Some((a, b)) => (a, b, true),
            None => match range.split_once("..") {
                Some((a, b)) => (a, b, false),
                None => {
                    return Err(Error::Usage(format!(
                        "--range {range:?}: expected A..B or A...B"
                    )))
                }
            },
        };
        let a = resolve(repo, if a.is_empty() { "HEAD" } else { a })?;
        let b = resolve(repo, if b.is_empty() { "HEAD" } else { b })?;
        tips.push(b);
        if symmetric {
            tips.push(a);
            hide = match repo.merge_base(a, b) {
                Ok(base) => Some(base),
                Err(e) if e.code() == git2::ErrorCode::NotFound => None,
                Err(e) => return Err(e.into()),
            };
        } else {
            hide = Some(a);
        }
    }
    if let Some(branch) = &spec.branch {
        let id = repo
            .resolve_reference_from_short_name(branch)
            .and_then(|r| r.peel_to_commit())
            .map_err(|_| Error::Usage(format!("unknown branch {branch:?}")))?
            .id();
        tips.push(id);
    }
    if spec.all {
        for r in repo.references()? {
            // Refs to trees or blobs (rare tags) have no history to walk.
            if let Ok(c) = r.and_then(|r| r.peel_to_commit()) {
                tips.push(c.id());
            }
        }
        if let Ok(Some(c)) = super::super::head_commit(repo) {
            tips.push(c.id());
        }
    }
    if tips.is_empty() && !spec.all {
        match super::super::head_commit(repo)? {
            Some(c) => tips.push(c.id()),
            None => return Ok(w),
        }
    }
    let (mut oids, known) = if spec.range.is_some() {
        // libgit2 stops a range's walk early, where the hidden side's
        // history joins; the diffs read the commits themselves.
        let mut rw = repo.revwalk()?;
        rw.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)?;
        for &t in &tips {
            rw.push(t)?;
        }
        if let Some(h) = hide {
            rw.hide(h)?;
        }
        let mut oids = Vec::new();
        for oid in rw {
            match oid {
                Ok(o) => oids.push(gix_id(o)),
                Err(e) => w
                    .errors
                    .push(Error::Git(format!("walking history: {}", e.message()))),
            }
        }
        (oids, CommitMap::default())
    } else {
        // Whole histories: each commit is read once, here, and ordered in
        // memory, rather than read by libgit2's walk and again by the diffs.
        let tips: Vec<ObjectId> = tips.into_iter().map(gix_id).collect();
        let (known, errors) = workers.read_commits(&tips);
        w.errors.extend(errors);
        (oldest_first(&known), known)
    };
    if spec.since.is_some() || spec.until.is_some() {
        let local = workers.local();
        let mut buf = Vec::new();
        oids.retain(|oid| {
            let t = match known.get(oid) {
                Some(c) => c.time,
                None => match local.objects.find_commit(oid, &mut buf) {
                    Ok(c) => c.time().map_or(0, |t| t.seconds),
                    Err(_) => return false,
                },
            };
            !(spec.since.is_some_and(|s| t < s) || spec.until.is_some_and(|u| t > u))
        });
    }
    // Commits are diffed in parallel, in batches, each thread taking runs of
    // consecutive commits. This thread records each batch, in commit order,
    // while the pool diffs the next. Oldest first matters for speed too: git
    // stores older versions as deltas of newer ones, which a delta-base
    // cache suits in this order (see benches/history.sh).
    let shallow = w.shallow;
    let known = &known;
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let oids = &oids;
        s.spawn(move || {
            for batch in oids.chunks(DIFF_BATCH) {
                let results = workers.pool.install(|| {
                    batch
                        .par_chunks(DIFF_RUN)
                        .map(|run| {
                            workers.with_repo(|repo| {
                                let mut cache = TreeCache::new(repo, known);
                                run.iter()
                                    .map(|&oid| diff_commit(&mut cache, oid, shallow))
                                    .collect::<Vec<Diffed>>()
                            })
                        })
                        .collect::<Result<Vec<Vec<Diffed>>>>()
                });
                if tx.send(results).is_err() {
                    // The recorder stopped on an error.
                    break;
                }
            }
        });
        for (batch, results) in oids.chunks(DIFF_BATCH).zip(rx) {
            for (oid, d) in batch.iter().zip(results?.into_iter().flatten()) {
                match d {
                    Diffed::Unreadable(e) => {
                        w.errors.push(Error::Git(format!("commit {oid}: {e}")));
                        continue;
                    }
                    Diffed::Partial(e, found, counts) => {
                        w.errors.push(Error::Git(format!("commit {oid}: {e}")));
                        w.record(*oid, found, counts);
                    }
                    Diffed::Done(found, counts) => w.record(*oid, found, counts),
                }
            }
            progress(w.commits.len() as u64);
        }
        Ok(())
    })?;
    Ok(w)
}

/// What diffing one commit gave.
enum Diffed {
    /// The commit object could not be read.
    Unreadable(String),
    /// A tree could not be read: what was found before it, and the error.
    Partial(String, Vec<(Vec<u8>, ObjectId)>, (u64, u64)),
    /// The (path, blob) pairs introduced, and (symlinks, submodules) skipped.
    Done(Vec<(Vec<u8>, ObjectId)>, (u64, u64)),
}

impl Walked {
    fn record(&mut self, oid: ObjectId, found: Vec<(Vec<u8>, ObjectId)>, counts: (u64, u64)) {
        let index = self.commits.len() as u32;
        self.commits.push(oid);
        for (path, id) in found {
            self.add(index, &path, id);
        }
        self.symlinks += counts.0;
        self.submodules += counts.1;
    }
}

/// Trees (and commits' tree ids) read for this commit and the one before:
/// two generations are what a diff reuses, so memory does not grow with history.
struct TreeCache<'r> {
    repo: &'r gix::Repository,
    /// Commits the walk already read.
    known: &'r CommitMap,
    cur: gix::hashtable::HashMap<ObjectId, Arc<[u8]>>,
    prev: gix::hashtable::HashMap<ObjectId, Arc<[u8]>>,
    commit_trees: gix::hashtable::HashMap<ObjectId, ObjectId>,
    buf: Vec<u8>,
}

impl<'r> TreeCache<'r> {
    fn new(repo: &'r gix::Repository, known: &'r CommitMap) -> Self {
        TreeCache {
            repo,
            known,
            cur: Default::default(),
            prev: Default::default(),
            commit_trees: Default::default(),
            buf: Vec::new(),
        }
    }

    fn tree(&mut self, id: ObjectId) -> Result<Arc<[u8]>, String> {
        if let Some(t) = self.cur.get(&id) {
            return Ok(t.clone());
        }
        let t = match self.prev.remove(&id) {
            Some(t) => t,
            None => {
                let data = self
                    .repo
                    .objects
                    .find(&id, &mut self.buf)
                    .map_err(|e| format!("tree {id}: {e}"))?;
                if data.kind != Kind::Tree {
                    return Err(format!("object {id} is a {}, not a tree", data.kind));
                }
                Arc::from(data.data)
            }
        };
        self.cur.insert(id, t.clone());
        Ok(t)
    }

    /// The tree and parents of a commit.
    fn commit(&mut self, id: ObjectId) -> Result<(ObjectId, Vec<ObjectId>), String> {
        if let Some(c) = self.known.get(&id) {
            return Ok((c.tree, c.parents.clone()));
        }
        let c = self
            .repo
            .objects
            .find_commit(&id, &mut self.buf)
            .map_err(|e| e.to_string())?;
        Ok((c.tree(), c.parents().collect()))
    }

    fn commit_tree(&mut self, commit: ObjectId) -> Result<ObjectId, String> {
        if let Some(&t) = self.commit_trees.get(&commit) {
            return Ok(t);
        }
        let t = match self.known.get(&commit) {
            Some(c) => c.tree,
            None => self.commit(commit)?.0,
        };
        self.commit_trees.insert(commit, t);
        Ok(t)
    }

    fn next_generation(&mut self) {
        self.prev = std::mem::take(&mut self.cur);
        if self.commit_trees.len() > 256 {
            self.commit_trees.clear();
        }
    }
}

/// Diffs one commit: against its first parent, or for a merge what differs
/// from every parent (what the merge itself brought in), or for a root commit
/// its whole tree.
fn diff_commit(cache: &mut TreeCache<'_>, id: ObjectId, shallow: bool) -> Diffed {
    let (tree, parents) = match cache.commit(id) {
        Ok(c) => c,
        Err(e) => return Diffed::Unreadable(e),
    };
    cache.next_generation();
    cache.commit_trees.insert(id, tree);
    let mut out = Vec::new();
    let mut counts = (0u64, 0u64);
    match introduced(cache, tree, &parents, shallow, &mut out, &mut counts) {
        Ok(()) => Diffed::Done(out, counts),
        Err(e) => Diffed::Partial(e, out, counts),
    }
}

/// The (path, blob) pairs a commit with `tree` and `parent_ids` introduced, into `out`.
fn introduced(
    cache: &mut TreeCache<'_>,
    tree: ObjectId,
    parent_ids: &[ObjectId],
    shallow: bool,
    out: &mut Vec<(Vec<u8>, ObjectId)>,
    counts: &mut (u64, u64),
) -> Result<(), String> {
    let tree = cache.tree(tree)?;
    let mut parents = Vec::with_capacity(parent_ids.len());
    let mut unreadable = None;
    for &id in parent_ids {
        match cache.commit_tree(id).and_then(|t| cache.tree(t)) {
            Ok(t) => parents.push(t),
            // A shallow clone's boundary commit: its parents are not here, so
            // it counts as a root (the summary says history is truncated).
            Err(_) if shallow => {}
            // Reported; the commit is diffed without that parent, so what it
            // holds is still scanned (and attributed to it).
            Err(e) => {
                unreadable.get_or_insert(format!("parent {id}: {e}"));
            }
        }
    }
    let mut prefix = Vec::new();
    diff_trees(
        cache,
        &tree,
        parents.first().map(|t| &t[..]),
        &mut prefix,
        out,
        counts,
    )?;
    if parents.len() > 1 {
        // Keep only what differs from every parent: the rest came from a
        // parent and was attributed there.
        for p in &parents[1..] {
            let mut other = Vec::new();
            prefix.clear();
            diff_trees(cache, &tree, Some(p), &mut prefix, &mut other, &mut (0, 0))?;
            let other: HashSet<(Vec<u8>, ObjectId)> = other.into_iter().collect();
            out.retain(|pair| other.contains(pair));
        }
    }
    unreadable.map_or(Ok(()), Err)
}

/// Git's tree order: names compare bytewise, a tree's as if it ended in `/`.
fn tree_order(a: &[u8], a_tree: bool, b: &[u8], b_tree: bool) -> Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n]).then_with(|| {
        let next = |s: &[u8], tree: bool| s.get(n).copied().or(tree.then_some(b'/'));
        next(a, a_tree).cmp(&next(b, b_tree))
    })
}

/// Blobs in `new` that are not at the same path in `old`; subtrees with equal
/// ids are skipped without being read. Both trees are in git's order, so one
/// merge pass pairs their entries. `counts` gets (symlinks, submodules).
fn diff_trees(
    cache: &mut TreeCache<'_>,
    new: &[u8],
    old: Option<&[u8]>,
    prefix: &mut Vec<u8>,
    out: &mut Vec<(Vec<u8>, ObjectId)>,
    counts: &mut (u64, u64),
) -> Result<(), String> {
    let corrupt =
        |prefix: &[u8], e: String| format!("corrupt tree under {:?}: {e}", path_string(prefix));
    let mut olds = old.map(|o| TreeRefIter::from_bytes(o, gix::hash::Kind::Sha1).peekable());
    for e in TreeRefIter::from_bytes(new, gix::hash::Kind::Sha1) {
        let e = e.map_err(|e| corrupt(prefix, e.to_string()))?;
        let name: &[u8] = e.filename.as_ref();
        let mode: EntryMode = e.mode;
        let mut old_e: Option<(ObjectId, bool)> = None;
        if let Some(it) = olds.as_mut() {
            while let Some(o) = it.peek() {
                let o = match o {
                    Ok(o) => o,
                    Err(e) => return Err(corrupt(prefix, e.to_string())),
                };
                match tree_order(o.filename.as_ref(), o.mode.is_tree(), name, mode.is_tree()) {
                    Ordering::Less => {
                        it.next();
                    }
                    Ordering::Equal => {
                        old_e = Some((o.oid.to_owned(), o.mode.is_tree()));
                        it.next();
                        break;
                    }
                    Ordering::Greater => break,
                }
            }
        }
        if old_e.is_some_and(|(id, _)| id == e.oid) {
            // Unchanged, or the same blob with another mode: nothing new to read.
            continue;
        }
        let len = prefix.len();
        prefix.extend_from_slice(name);
        if mode.is_tree() {
            let sub = cache.tree(e.oid.to_owned())?;
            let old_sub = match old_e.filter(|&(_, tree)| tree) {
                Some((id, _)) => Some(cache.tree(id)?),
                None => None,
            };
            prefix.push(b'/');
            diff_trees(cache, &sub, old_sub.as_deref(), prefix, out, counts)?;
        } else if mode.is_link() {
            counts.0 += 1;
        } else if mode.is_commit() {
            counts.1 += 1;
        } else {
            out.push((prefix.clone(), e.oid.to_owned()));
        }
        prefix.truncate(len);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> ObjectId {
        ObjectId::from_bytes_or_panic(&[n; 20])
    }

    fn node(parents: &[u8], time: i64, seq: u32) -> CommitNode {
        CommitNode {
            tree: id(0),
            parents: parents.iter().map(|&p| id(p)).collect(),
            time,
            seq,
        }
    }

    #[test]
    fn parents_come_before_children_even_against_the_clock() {
        // 1 <- 2 <- 4 (merge of 2 and 3), 1 <- 3; commit 2 claims a time
        // later than its child 4 (a skewed clock), and 3 is the newest.
        let known: CommitMap = [
            (id(1), node(&[], 100, 3)),
            (id(2), node(&[1], 500, 1)),
            (id(3), node(&[1], 300, 2)),
            (id(4), node(&[2, 3], 400, 0)),
        ]
        .into_iter()
        .collect();
        let order: Vec<ObjectId> = [1, 3, 2, 4].iter().map(|&n| id(n)).collect();
        assert_eq!(oldest_first(&known), order);
    }

    #[test]
    fn parents_outside_the_walk_do_not_hold_children_back() {
        // A shallow boundary: commit 2's parent 9 was never read.
        let known: CommitMap = [(id(2), node(&[9], 200, 0)), (id(3), node(&[2], 100, 1))]
            .into_iter()
            .collect();
        let order: Vec<ObjectId> = [2, 3].iter().map(|&n| id(n)).collect();
        assert_eq!(oldest_first(&known), order);
    }

    #[test]
    fn equal_times_order_by_discovery_deepest_first() {
        // Two roots committed in the same second: the one found deeper in the
        // walk (higher seq) comes first, so the order does not depend on
        // hashing.
        let known: CommitMap = [(id(5), node(&[], 100, 0)), (id(6), node(&[], 100, 1))]
            .into_iter()
            .collect();
        let order: Vec<ObjectId> = [6, 5].iter().map(|&n| id(n)).collect();
        assert_eq!(oldest_first(&known), order);
    }
}
