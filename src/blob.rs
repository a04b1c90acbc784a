//! A blob is a byte buffer plus where it came from. Sources make blobs; the
//! pipeline turns byte offsets in them into lines and columns.
use crate::finding::CommitInfo;
use std::borrow::Cow;
use std::sync::Arc;

/// Where a blob came from.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// Path relative to the scan root, forward slashes.
    pub path: String,
    /// The commit that introduced this blob at this path (git sources).
    pub commit: Option<Arc<CommitInfo>>,
    /// For diffs: the 1-based, inclusive line ranges the change added. Only
    /// occurrences touching them are reported. `None`: the whole blob is new.
    pub added_lines: Option<Vec<(u32, u32)>>,
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
}

/// Bytes to scan and their origin.
#[derive(Debug, Clone)]
pub struct Blob<'a> {
    /// The content; need not be UTF-8.
    pub bytes: Cow<'a, [u8]>,
    /// Where it came from.
    pub origin: Origin,
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

/// Characters in a byte slice: bytes that do not continue a UTF-8 sequence.
pub fn char_count(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32
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
