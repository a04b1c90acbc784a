//! Sources turn places (directories, stdin, the git index, git history) into
//! blobs with provenance, and push them into a `BlobSink`. They know nothing
//! of rules or findings; what to scan, skip or expand as an archive they ask
//! `Policy`, the one place that decides it.
pub mod archive;
pub mod decode;
pub mod fs;
pub mod git;

use crate::blob::{is_binary, Blob, Layer, Origin};
use crate::error::Error;
use archive::{ArchiveLimits, Format};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a source did not hand something over for scanning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Binary content (a NUL byte near the start, as git decides).
    Binary,
    /// Larger than the size limit; not read.
    TooLarge,
    /// A symbolic link; not followed.
    Symlink,
    /// Could not be read; the error goes to `BlobSink::error` too.
    Unreadable,
    /// An archive, or a member of one, not expanded or not read because of
    /// a bound or a defect (depth, bomb, corruption, encryption); the reason
    /// goes to `BlobSink::warning` too, once per outermost archive.
    Archive,
}

/// Where every source pushes its output, from any of its threads: the seam
/// between sources and the engine, as ripgrep's searcher talks to a `Sink`.
pub trait BlobSink: Sync {
    /// A blob to scan.
    fn blob(&self, blob: Blob<'_>);
    /// `n` blobs or files that were not scanned, and why.
    fn skipped(&self, reason: Skip, n: u64);
    /// A problem that did not stop the source.
    fn error(&self, error: Error);
    /// Something the user should know that is neither a finding nor an
    /// error: why part of an archive was not scanned. Names paths, never content.
    fn warning(&self, message: String);
    /// `archives` archives were expanded into `members` members (counted in
    /// the summary; the members themselves arrive as blobs or skips).
    fn expanded(&self, archives: u64, members: u64);

    /// Something that could not be read: counted as skipped, and reported.
    fn unreadable(&self, error: Error) {
        self.skipped(Skip::Unreadable, 1);
        self.error(error);
    }
}

/// What every source scans, skips or expands: one policy, so that `scan`,
/// `staged` and `history` agree on what a binary, an oversized blob or an
/// archive is.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Blobs larger than this many bytes are skipped (archives: see `read_limit`).
    pub max_file_size: u64,
    /// How archives are expanded; `None`: they are binary like any other
    /// file (`--no-archives`).
    pub archives: Option<ArchiveLimits>,
}

/// What `Policy::judge` decided for a blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Text to scan.
    Scan,
    /// Not scanned, for this reason.
    Skip(Skip),
    /// An archive or compressed stream: its members are offered in turn.
    Expand(Format),
    /// Text in UTF-16: offered as UTF-8, with the decoding as a layer.
    Utf16,
}

impl Policy {
    /// How many bytes of a file named `name` are worth reading: the size
    /// limit, or for a name with an archive extension the archive budget
    /// (`--max-archive-size`), since an archive's members are what is
    /// limited, and an archive larger than its whole budget could not be
    /// expanded within it anyway.
    pub fn read_limit(&self, name: &str) -> u64 {
        match self.archives {
            Some(a) if archive::known_extension(name) => self.max_file_size.max(a.max_total),
            _ => self.max_file_size,
        }
    }

    /// Whether something named `name` of `len` bytes is over its read limit
    /// (asked before reading it, where the length is known beforehand).
    pub fn too_large(&self, len: u64, name: &str) -> bool {
        len > self.max_file_size && len > self.read_limit(name)
    }

    /// What to do with `bytes`, named `name` (a path, or a member's path in
    /// its archive). An archive is recognised by its magic bytes, and only
    /// in a blob that is binary anyway or whose name says archive, so text
    /// costs a few byte comparisons and is never mistaken for one.
    pub fn judge(&self, bytes: &[u8], name: &str) -> Verdict {
        let len = bytes.len() as u64;
        if let Some(format) = self.archives.and_then(|_| archive::sniff(bytes)) {
            if (is_binary(bytes) || archive::known_extension(name))
                && (len <= self.max_file_size || len <= self.read_limit(name))
            {
                return Verdict::Expand(format);
            }
        }
        if len > self.max_file_size {
            Verdict::Skip(Skip::TooLarge)
        } else if is_binary(bytes) {
            match decode::utf16_order(bytes) {
                Some(_) => Verdict::Utf16,
                None => Verdict::Skip(Skip::Binary),
            }
        } else {
            Verdict::Scan
        }
    }

    /// Hands `blob` to `sink`, or its members if it is an archive, or tells
    /// the sink why not.
    pub fn offer(&self, sink: &dyn BlobSink, blob: Blob<'_>) {
        let verdict = self.judge(&blob.bytes, name_of(&blob.origin));
        self.act(sink, blob, verdict);
    }

    /// Carries out a verdict `judge` gave for `blob` (for sources that judge
    /// before they build the blob's provenance).
    pub fn act(&self, sink: &dyn BlobSink, blob: Blob<'_>, verdict: Verdict) {
        match (verdict, self.archives) {
            (Verdict::Scan, _) => sink.blob(blob),
            (Verdict::Utf16, _) => match transcoded(&blob) {
                Some(text) => sink.blob(text),
                None => sink.skipped(Skip::Binary, 1),
            },
            (Verdict::Skip(reason), _) => sink.skipped(reason, 1),
            (Verdict::Expand(format), Some(limits)) => {
                archive::expand(self, limits, sink, &blob, format)
            }
            (Verdict::Expand(_), None) => sink.skipped(Skip::Binary, 1),
        }
    }
}

/// A UTF-16 blob as UTF-8. Its lines are the file's own, so the layer has
/// no position of its own (line 0).
fn transcoded<'a>(blob: &Blob<'a>) -> Option<Blob<'a>> {
    let text = decode::utf16(&blob.bytes)?;
    let mut origin = blob.origin.clone();
    origin.layers.push(Layer::Decoded {
        encoding: decode::Encoding::Utf16.name().to_string(),
        line: 0,
        column: 0,
        end_line: 0,
        end_column: 0,
    });
    Some(Blob {
        bytes: text.into(),
        origin,
        appearances: blob.appearances.clone(),
    })
}

/// The name a blob is judged by: its innermost archive member's path, else
/// its own path.
pub(crate) fn name_of(origin: &Origin) -> &str {
    origin
        .layers
        .iter()
        .rev()
        .find_map(|l| match l {
            Layer::Member { path } => Some(path.as_str()),
            Layer::Decoded { .. } => None,
        })
        .unwrap_or(&origin.path)
}

/// Counters a run keeps while its source runs; shown in the summary.
#[derive(Debug, Default)]
pub struct Stats {
    /// Blobs handed to the scanner.
    pub scanned: AtomicU64,
    /// Bytes handed to the scanner.
    pub bytes: AtomicU64,
    /// Skipped: binary content.
    pub binary: AtomicU64,
    /// Skipped: larger than the size limit.
    pub too_large: AtomicU64,
    /// Skipped: symbolic links.
    pub symlinks: AtomicU64,
    /// Skipped: could not be read (each also reported as an error).
    pub unreadable: AtomicU64,
    /// Archives expanded (nested ones included).
    pub archives: AtomicU64,
    /// Archive members met (scanned, skipped or expanded in turn).
    pub members: AtomicU64,
    /// Skipped: archives or members not expanded or not read (bounds, defects).
    pub archive_skips: AtomicU64,
}

impl Stats {
    /// Counts one blob of `len` bytes handed to the scanner.
    pub fn scanned(&self, len: usize) {
        self.scanned.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(len as u64, Ordering::Relaxed);
    }

    /// Counts `n` skipped for `reason`.
    pub fn skipped(&self, reason: Skip, n: u64) {
        let counter = match reason {
            Skip::Binary => &self.binary,
            Skip::TooLarge => &self.too_large,
            Skip::Symlink => &self.symlinks,
            Skip::Unreadable => &self.unreadable,
            Skip::Archive => &self.archive_skips,
        };
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// Counts archives expanded and the members met in them.
    pub fn expanded(&self, archives: u64, members: u64) {
        self.archives.fetch_add(archives, Ordering::Relaxed);
        self.members.fetch_add(members, Ordering::Relaxed);
    }

    /// A plain copy of the counters.
    pub fn snapshot(&self) -> StatsSnapshot {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        StatsSnapshot {
            scanned: g(&self.scanned),
            bytes: g(&self.bytes),
            binary: g(&self.binary),
            too_large: g(&self.too_large),
            symlinks: g(&self.symlinks),
            unreadable: g(&self.unreadable),
            archives: g(&self.archives),
            members: g(&self.members),
            archive_skips: g(&self.archive_skips),
        }
    }
}

/// The counters at the end of a run.
#[derive(Debug, Default, Clone, Copy, serde::Serialize, PartialEq, Eq)]
pub struct StatsSnapshot {
    /// Blobs scanned.
    pub scanned: u64,
    /// Bytes scanned.
    pub bytes: u64,
    /// Binary blobs skipped.
    pub binary: u64,
    /// Oversized blobs skipped.
    pub too_large: u64,
    /// Symlinks skipped.
    pub symlinks: u64,
    /// Unreadable files skipped.
    pub unreadable: u64,
    /// Archives expanded.
    pub archives: u64,
    /// Archive members met.
    pub members: u64,
    /// Archives or members skipped for a bound or a defect (see the warnings).
    pub archive_skips: u64,
}
