//! Sources turn places (directories, stdin, the git index, git history) into
//! blobs with provenance. They know nothing of rules or findings.
pub mod fs;
pub mod git;

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters a source keeps while it runs; shown in the summary.
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
    /// Adds one to a counter.
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
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
