//! Sources turn places (directories, stdin, the git index, git history) into
//! blobs with provenance, and push them into a `BlobSink`. They know nothing
//! of rules or findings; what to skip they ask `Policy`, the one place that
//! decides it.
pub mod decode;
pub mod fs;
pub mod git;

use crate::blob::{is_binary, Blob, Layer};
use crate::error::Error;
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

    /// Something that could not be read: counted as skipped, and reported.
    fn unreadable(&self, error: Error) {
        self.skipped(Skip::Unreadable, 1);
        self.error(error);
    }
}

/// What every source skips: one policy, so that `scan`, `staged` and
/// `history` agree on what a binary or oversized blob is.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Blobs larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Policy {
    /// Whether something of `len` bytes is over the limit (asked before
    /// reading it, where the length is known beforehand).
    pub fn too_large(&self, len: u64) -> bool {
        len > self.max_file_size
    }

    /// Why `bytes` are not to be scanned, if they are not.
    pub fn reject(&self, bytes: &[u8]) -> Option<Skip> {
        if self.too_large(bytes.len() as u64) {
            Some(Skip::TooLarge)
        } else if is_binary(bytes) {
            Some(Skip::Binary)
        } else {
            None
        }
    }

    /// Hands `blob` to `sink`, or tells it why not. A file in UTF-16, which
    /// looks binary, is handed over as UTF-8, with the decoding as a layer.
    pub fn offer(&self, sink: &dyn BlobSink, blob: Blob<'_>) {
        match self.reject(&blob.bytes) {
            Some(Skip::Binary) => match transcoded(&blob) {
                Some(text) => sink.blob(text),
                None => sink.skipped(Skip::Binary, 1),
            },
            Some(reason) => sink.skipped(reason, 1),
            None => sink.blob(blob),
        }
    }
}

/// A UTF-16 blob as UTF-8. Its lines are the file's own, so the layer has
/// no position of its own (line 0).
pub fn transcoded<'a>(blob: &Blob<'a>) -> Option<Blob<'a>> {
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
        };
        counter.fetch_add(n, Ordering::Relaxed);
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
}
