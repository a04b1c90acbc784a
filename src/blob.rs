//! A blob is a byte buffer plus where it came from. Sources make blobs; the
//! pipeline turns byte offsets in them into lines and columns.
//!
//! Where a blob came from is a chain: a root (a file path, or a path in git
//! history with the commits it appears in) and then zero or more layers, each
//! inside the one before (an archive member, a decoded span). Reports show the
//! root's path as the location and the layers beside it.
use crate::error::Error;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// A commit as findings describe it (history and CI scans).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct CommitInfo {
    /// Full commit id.
    pub id: String,
    /// Author name.
    pub author_name: String,
    /// Author email.
    pub author_email: String,
    /// Author date, RFC 3339.
    pub date: String,
    /// First line of the commit message.
    pub summary: String,
    /// Position in the scan's commit order (parents before children, 0 first):
    /// what orders findings, and what merges the results of several scans.
    pub order: u32,
}

/// One step inward from the root of a blob's provenance.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Layer {
    /// A member of an archive, by its path inside the archive.
    Member {
        /// The member's path in its archive.
        path: String,
    },
    /// Bytes decoded from an encoded span of the layer before.
    Decoded {
        /// The encoding undone (`base64`, `json-escape`, …).
        encoding: String,
        /// 1-based line of the encoded span in the nearest layer that has
        /// lines (the file or archive member): where the finding is shown.
        line: u32,
        /// 1-based column of the encoded span's start there.
        column: u32,
        /// 1-based line of the encoded span's end there.
        end_line: u32,
        /// Column just past the encoded span's end there.
        end_column: u32,
    },
}

/// Where a blob came from.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// Path relative to the scan root, forward slashes: the root of the chain.
    pub path: String,
    /// For diffs: the 1-based, inclusive line ranges the change added. Only
    /// occurrences touching them are reported. `None`: the whole blob is new.
    pub added_lines: Option<Vec<(u32, u32)>>,
    /// The layers inside the root, outermost first (empty: the file itself).
    pub layers: Vec<Layer>,
    /// The root path's bytes when they are not UTF-8 (`path` then shows
    /// U+FFFD in their place), so that reports can still name the file.
    pub path_bytes: Option<Arc<[u8]>>,
}

impl Origin {
    /// An origin for a plain file or stdin.
    pub fn path(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            ..Origin::default()
        }
    }

    /// Whether any line in `first..=last` was added by the change.
    pub fn touches_added(&self, first: u32, last: u32) -> bool {
        match &self.added_lines {
            None => true,
            Some(ranges) => ranges.iter().any(|&(a, b)| a <= last && first <= b),
        }
    }

    /// The outermost of the decoded layers this blob is inside, whose
    /// encoded span is where a finding in it is shown (decoded bytes have no
    /// lines of the file's own). A whole-file decoding (UTF-16, line 0) keeps
    /// the file's lines, so it is not one.
    pub fn decoded_at(&self) -> Option<&Layer> {
        self.layers
            .iter()
            .rev()
            .take_while(|l| matches!(l, Layer::Decoded { line, .. } if *line > 0))
            .last()
    }
}

/// A path's bytes if they are not UTF-8 (what `Origin::path_bytes` holds).
pub fn raw_path(path: &[u8]) -> Option<Arc<[u8]>> {
    std::str::from_utf8(path).is_err().then(|| path.into())
}

/// Resolves a commit's order index to what findings say of it; the history
/// source's, read lazily since only commits with findings are ever asked for.
pub trait CommitIndex: Sync {
    /// The commit at `order` in the scan's commit order.
    fn info(&self, order: u32) -> Result<Arc<CommitInfo>, Error>;
}

/// One path a history blob was introduced at.
#[derive(Debug, Clone)]
pub struct PathAppearance {
    /// The path, as reported.
    pub path: String,
    /// The path's bytes, when they are not UTF-8 (see `Origin::path_bytes`).
    pub path_bytes: Option<Arc<[u8]>>,
    /// The commits (order indices, oldest first) that introduced the blob there.
    pub commits: Vec<u32>,
    /// Whether `HEAD`'s tree has the blob at this path.
    pub in_head: bool,
}

/// Where a blob appears in git history: every (commit, path) that
/// introduced it, so that one read and one scan per path serve them all.
/// An archive's members share their archive's.
#[derive(Clone)]
pub struct Appearances<'a> {
    /// Resolves the commits' order indices.
    pub commits: &'a dyn CommitIndex,
    /// Each distinct path, in the order first introduced.
    pub paths: Vec<PathAppearance>,
}

impl std::fmt::Debug for Appearances<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Appearances")
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

/// Bytes to scan and their origin.
#[derive(Debug)]
pub struct Blob<'a> {
    /// The content; need not be UTF-8.
    pub bytes: Cow<'a, [u8]>,
    /// Where it came from (for a history blob: its first path).
    pub origin: Origin,
    /// For history blobs, every place it appears; the blob is scanned once
    /// per distinct path (rules may depend on the path).
    pub appearances: Option<Appearances<'a>>,
}

impl<'a> Blob<'a> {
    /// A blob that is not from history.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>, origin: Origin) -> Self {
        Blob {
            bytes: bytes.into(),
            origin,
            appearances: None,
        }
    }
}

/// Whether a buffer looks binary: a NUL byte in its first 8 KiB, as git decides.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Maps byte offsets to 1-based lines and character columns.
#[derive(Debug)]
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `bytes` (one pass of memchr).
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { bytes, starts }
    }

    /// 1-based line holding `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        (self.starts.partition_point(|&s| s <= offset)) as u32
    }

    /// Byte range of a 1-based line, without its `\n` or `\r\n`.
    pub fn line_range(&self, line: u32) -> (usize, usize) {
        let i = (line.max(1) - 1) as usize;
        let start = self.starts[i.min(self.starts.len() - 1)];
        let mut end = self.starts.get(i + 1).map_or(self.bytes.len(), |&s| s - 1);
        if end > start && self.bytes[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end.max(start))
    }

    /// 1-based (line, column) of `offset`; columns count characters (UTF-8
    /// scalar values, one per invalid byte).
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[line as usize - 1];
        (
            line,
            char_count(&self.bytes[start..offset.min(self.bytes.len())]) + 1,
        )
    }
}

/// Characters in a byte slice: UTF-8 scalar values, and one per byte that
/// is not part of one. Counting the bytes that do not continue a sequence
/// would give a stray continuation byte (`©` or `°` in Latin-1) no column.
pub fn char_count(bytes: &[u8]) -> u32 {
    bytes
        .utf8_chunks()
        .map(|c| c.valid().chars().count() + c.invalid().len())
        .sum::<usize>() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_with_crlf_and_utf8() {
        let text = "ab\r\nçé x\nlast".as_bytes();
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(0), (1, 1));
        let x = text.iter().position(|&b| b == b'x').unwrap();
        assert_eq!(idx.position(x), (2, 4));
        assert_eq!(idx.line_range(1), (0, 2));
        assert_eq!(&text[idx.line_range(3).0..idx.line_range(3).1], b"last");
    }

    #[test]
    fn invalid_utf8_counts_one_column_per_byte() {
        let text = b"\xff\xfeabc";
        assert_eq!(LineIndex::new(text).position(2), (1, 3));
        // Latin-1 `©` and `°` are lone continuation bytes in UTF-8.
        let text = b"\xa9 2024 \xb0 x";
        assert_eq!(LineIndex::new(text).position(9), (1, 10));
        assert_eq!(char_count("é\u{1F600}".as_bytes()), 2);
        assert_eq!(char_count(b"\xe9\xa9x"), 3);
    }

    #[test]
    fn decoded_blobs_are_shown_at_their_outermost_encoded_span() {
        let decoded = |encoding: &str, line| Layer::Decoded {
            encoding: encoding.to_string(),
            line,
            column: 1,
            end_line: line,
            end_column: 9,
        };
        let member = Layer::Member {
            path: "a.yml".to_string(),
        };
        let mut o = Origin::path("app.jar");
        assert_eq!(o.decoded_at(), None);
        o.layers = vec![
            member.clone(),
            decoded("base64", 8),
            decoded("json-escape", 2),
        ];
        assert_eq!(o.decoded_at(), Some(&decoded("base64", 8)));
        // A member inside decoded bytes (a base64 zip) has lines of its own.
        o.layers = vec![decoded("base64", 3), member];
        assert_eq!(o.decoded_at(), None);
    }

    #[test]
    fn added_ranges() {
        let o = Origin {
            added_lines: Some(vec![(3, 4), (10, 10)]),
            ..Origin::default()
        };
        assert!(o.touches_added(4, 6));
        assert!(!o.touches_added(5, 9));
        assert!(o.touches_added(10, 10));
    }
}
