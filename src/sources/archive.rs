//! Archives: recognising one by its magic bytes, and expanding it into
//! member blobs that go back through the `Policy`, so that a text member is
//! scanned, a binary one skipped and a nested archive expanded in turn.
//! Nothing is written to disk: members are read into memory one at a time,
//! through readers that count every byte they decompress.
//!
//! The bounds hold per outermost archive, over all its nesting levels
//! together: the bytes decompressed (`--max-archive-size`), the members met,
//! the nesting depth (`--archive-depth`), each member's size (the file size
//! limit) and the compression ratio. What a bound or a defect (corruption,
//! truncation, encryption, an unsupported method) stops is counted as
//! `Skip::Archive` and named in one warning per kind of problem and
//! outermost archive; the members read before it are still scanned. A
//! member path that leaves the archive (`../`, absolute) is scanned under
//! its path resolved inside the archive, and named in a warning.
//!
//! Formats: zip and its family (jar, war, apk, whl, nupkg, docx, odt, …),
//! tar, and gzip, bzip2, xz and zstd streams, either of a tar (`.tar.gz`:
//! the tar's members come out directly, with no layer for the stream) or of
//! a single file (`.gz`: one member named as the file without `.gz`).
//! Issue 12 asked for all of them, and for a bomb to be harmless.
use super::{name_of, BlobSink, Policy, Skip, Verdict};
use crate::blob::{Blob, Layer, Origin};
use std::cell::{Cell, RefCell};
use std::io::{self, BufRead, Cursor, Read};

/// Nesting levels expanded by default (`--archive-depth`): a jar in a war
/// in a tar.gz is three.
pub const DEFAULT_DEPTH: u32 = 3;
/// Bytes decompressed per outermost archive by default (`--max-archive-size`).
pub const DEFAULT_MAX_TOTAL: u64 = 256 << 20;
/// Members met per outermost archive, beyond which the rest is not read.
pub const MAX_MEMBERS: u64 = 100_000;
/// Decompressed bytes per compressed byte beyond which a stream or member
/// is taken for a bomb. Deflate cannot exceed about 1,030; real text
/// compresses tens of times.
pub const MAX_RATIO: u64 = 1000;
/// Below this many decompressed bytes the ratio is not judged: a small
/// output costs nothing, whatever its ratio.
pub const RATIO_FLOOR: u64 = 4 << 20;
/// The window an xz or zstd stream may ask its decoder to hold (xz -9 needs
/// 64 MiB); a stream that asks for more is not expanded.
const WINDOW_LIMIT: u64 = 64 << 20;

/// The bounds of expanding archives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Archives nested more deeply than this many levels are not expanded
    /// (1: only archives that are files themselves).
    pub max_depth: u32,
    /// Bytes decompressed per outermost archive, every level included.
    pub max_total: u64,
    /// Members met per outermost archive, every level included.
    pub max_members: u64,
    /// See `MAX_RATIO`.
    pub max_ratio: u64,
    /// See `RATIO_FLOOR`.
    pub ratio_floor: u64,
}

impl ArchiveLimits {
    /// Limits with the given depth and byte budget, and the default rest.
    pub fn new(max_depth: u32, max_total: u64) -> Self {
        ArchiveLimits {
            max_depth,
            max_total,
            max_members: MAX_MEMBERS,
            max_ratio: MAX_RATIO,
            ratio_floor: RATIO_FLOOR,
        }
    }
}

/// An archive or compressed stream format, as its magic bytes tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Zip and the formats built on it.
    Zip,
    /// POSIX or GNU tar.
    Tar,
    /// A gzip stream.
    Gzip,
    /// A bzip2 stream.
    Bzip2,
    /// An xz stream.
    Xz,
    /// A zstd stream.
    Zstd,
}

/// The archive format `bytes` start with, if any: a few byte comparisons.
pub fn sniff(b: &[u8]) -> Option<Format> {
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        Some(Format::Zip)
    } else if b.starts_with(&[0x1f, 0x8b, 0x08]) {
        Some(Format::Gzip)
    } else if b.len() > 3 && b.starts_with(b"BZh") && (b'1'..=b'9').contains(&b[3]) {
        Some(Format::Bzip2)
    } else if b.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Some(Format::Xz)
    } else if b.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(Format::Zstd)
    } else if is_tar(b) {
        Some(Format::Tar)
    } else {
        None
    }
}

/// Whether `b` starts with a POSIX or GNU tar header (`ustar` at 257).
fn is_tar(b: &[u8]) -> bool {
    b.get(257..262) == Some(b"ustar")
}

/// Extensions of the archives and compressed files expanded.
const EXTENSIONS: &[&str] = &[
    "zip", "jar", "war", "ear", "apk", "aar", "whl", "egg", "nupkg", "vsix", "xpi", "docx", "xlsx",
    "pptx", "odt", "ods", "odp", "tar", "gz", "tgz", "bz2", "tbz", "tbz2", "xz", "txz", "zst",
    "tzst",
];

/// Whether `name` has the extension of an archive or compressed file.
pub fn known_extension(name: &str) -> bool {
    extension(name).is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The extension of the last component of `name`, if it has one.
fn extension(name: &str) -> Option<&str> {
    let file = name.rsplit('/').next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, e)) if !stem.is_empty() => Some(e),
        _ => None,
    }
}

/// The member a compressed single file holds: its name without the
/// compression extension (`.tgz` and kin become `.tar`), or `-`.
fn stream_member_name(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return "-".to_string();
    };
    let ext = ext.to_ascii_lowercase();
    match ext.as_str() {
        "gz" | "bz2" | "xz" | "zst" if !stem.is_empty() => stem.to_string(),
        "tgz" | "tbz" | "tbz2" | "txz" | "tzst" if !stem.is_empty() => format!("{stem}.tar"),
        _ => "-".to_string(),
    }
}

/// A member's path as reported: `/`-separated, `.` and `..` resolved inside
/// the archive, control characters replaced; and whether the path as
/// written would leave the archive (absolute, a drive, or `..` past its
/// root). It is never used to touch the filesystem.
fn member_path(raw: &str) -> (String, bool) {
    let raw = raw.replace('\\', "/");
    let mut escapes = raw.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for (i, part) in raw.split('/').enumerate() {
        match part {
            "" | "." => {}
            ".." => escapes |= parts.pop().is_none(),
            p if i == 0 && p.len() == 2 && p.ends_with(':') => escapes = true,
            p => parts.push(p),
        }
    }
    let path: String = parts
        .join("/")
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    (if path.is_empty() { "-".into() } else { path }, escapes)
}

/// The place of `origin` as reports show it: `app.war!WEB-INF/lib/core.jar`.
fn chain(origin: &Origin) -> String {
    let mut s = origin.path.clone();
    for l in &origin.layers {
        if let Layer::Member { path } = l {
            s.push('!');
            s.push_str(path);
        }
    }
    s
}

/// The place of member `path` of `parent`, as reports show it.
fn member_place(parent: &Blob<'_>, path: &str) -> String {
    let mut s = chain(&parent.origin);
    s.push('!');
    s.push_str(path);
    s
}

/// How many archives `origin` is inside.
fn depth(origin: &Origin) -> u32 {
    origin
        .layers
        .iter()
        .filter(|l| matches!(l, Layer::Member { .. }))
        .count() as u32
}

/// Expands `blob`, an archive of `format` that `policy` judged, into `sink`:
/// its members (and theirs) as blobs and skips, and then one warning per
/// kind of problem met.
pub(super) fn expand(
    policy: &Policy,
    limits: ArchiveLimits,
    sink: &dyn BlobSink,
    blob: &Blob<'_>,
    format: Format,
) {
    let x = Expansion {
        policy,
        limits,
        sink,
        top: chain(&blob.origin),
        spent: Cell::new(0),
        members: Cell::new(0),
        archives: Cell::new(0),
        halted: Cell::new(false),
        bomb: Cell::new(false),
        issues: RefCell::new(Vec::new()),
    };
    x.archive(blob, format);
    x.finish();
}

/// What stopped part of an archive, for the warning; each kind (variant)
/// is reported once per outermost archive.
#[derive(Debug)]
enum Problem {
    /// Nested more deeply than `--archive-depth`.
    Depth,
    /// An encrypted member.
    Encrypted,
    /// A member in a method not supported (the decoder's words).
    Unsupported(String),
    /// Past the compression ratio (a member, or a whole stream).
    Bomb,
    /// Corrupt or truncated (the decoder's words).
    Corrupt(String),
    /// Past `--max-archive-size` decompressed.
    Budget,
    /// Past the member count.
    Members,
    /// A member path leaving the archive, as written, and as scanned.
    Escapes(String, String),
}

impl Problem {
    /// The warning's words.
    fn describe(&self, limits: &ArchiveLimits) -> String {
        match self {
            Problem::Depth => format!(
                "archive nested more than {} deep (--archive-depth), not expanded",
                limits.max_depth
            ),
            Problem::Encrypted => "encrypted, not scanned".into(),
            Problem::Unsupported(why) => format!("{why}, not scanned"),
            Problem::Bomb => format!(
                "compression ratio over {}:1 (a decompression bomb?), not expanded",
                limits.max_ratio
            ),
            Problem::Corrupt(why) => format!(
                "corrupt or truncated ({why}); what came before the damage was scanned"
            ),
            Problem::Budget => format!(
                "more than {} decompressed (--max-archive-size); the rest of the archive was not scanned",
                human(limits.max_total)
            ),
            Problem::Members => format!(
                "more than {} members; the rest of the archive was not scanned",
                limits.max_members
            ),
            Problem::Escapes(raw, scanned) => {
                format!("member path {raw:?} leaves the archive; scanned as {scanned}")
            }
        }
    }
}

/// `n` bytes as the size flags write them.
fn human(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{}G", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{}M", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{}K", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// One problem, the first place it was met, and how often.
struct Issue {
    problem: Problem,
    first: String,
    count: u64,
}

/// The expansion of one outermost archive: its budget, counters and the
/// problems met, shared by every nesting level (all on one thread).
struct Expansion<'s> {
    policy: &'s Policy,
    limits: ArchiveLimits,
    sink: &'s dyn BlobSink,
    /// The outermost archive, as reports name it.
    top: String,
    /// Bytes decompressed so far.
    spent: Cell<u64>,
    members: Cell<u64>,
    archives: Cell<u64>,
    /// A bound of the whole expansion was reached: read nothing more.
    halted: Cell<bool>,
    /// The stream being read passed the ratio (taken by its reader's caller).
    bomb: Cell<bool>,
    issues: RefCell<Vec<Issue>>,
}

/// Why reading an archive stopped early: the decoder's words.
type Failed = String;

impl Expansion<'_> {
    /// Expands `blob`, an archive in `format`.
    fn archive(&self, blob: &Blob<'_>, format: Format) {
        self.archives.set(self.archives.get() + 1);
        let bytes: &[u8] = &blob.bytes;
        let outcome = match format {
            Format::Zip => self.zip(blob),
            Format::Tar => self.tar(blob, self.meter(Cursor::new(bytes), None)),
            Format::Gzip | Format::Bzip2 | Format::Xz | Format::Zstd => self.stream(blob, format),
        };
        if let Err(why) = outcome {
            if self.halted.get() {
                // Reported once, where the bound was reached.
                return;
            }
            let problem = if self.bomb.take() {
                Problem::Bomb
            } else {
                Problem::Corrupt(why)
            };
            self.problem(problem, chain(&blob.origin));
            self.sink.skipped(Skip::Archive, 1);
        }
    }

    /// Offers a member read from `parent` to the policy, expanding it in
    /// turn if it is an archive within the depth.
    fn member(&self, parent: &Blob<'_>, path: String, bytes: Vec<u8>) {
        let mut origin = Origin {
            path: parent.origin.path.clone(),
            added_lines: None,
            layers: parent.origin.layers.clone(),
            path_bytes: parent.origin.path_bytes.clone(),
        };
        origin.layers.push(Layer::Member { path });
        let blob = Blob {
            bytes: bytes.into(),
            origin,
            appearances: parent.appearances.clone(),
        };
        match self.policy.judge(&blob.bytes, name_of(&blob.origin)) {
            Verdict::Expand(_) if depth(&blob.origin) >= self.limits.max_depth => {
                self.problem(Problem::Depth, chain(&blob.origin));
                self.sink.skipped(Skip::Archive, 1);
            }
            Verdict::Expand(format) => self.archive(&blob, format),
            verdict @ (Verdict::Skip(_) | Verdict::Scan | Verdict::Utf16) => {
                self.policy.act(self.sink, blob, verdict)
            }
        }
    }

    /// Offers what was read of a member before its stream failed, unless a
    /// bound stopped it (then it is no content worth scanning).
    fn partial(&self, parent: &Blob<'_>, path: String, data: Vec<u8>) {
        if !data.is_empty() && !self.halted.get() && !self.bomb.get() {
            self.member(parent, path, data);
        }
    }

    /// Counts a member; false once past the member bound.
    fn count_member(&self) -> bool {
        let n = self.members.get() + 1;
        self.members.set(n);
        if n > self.limits.max_members {
            self.halt(Problem::Members);
            return false;
        }
        true
    }

    /// Stops the whole expansion for a bound, reporting it once.
    fn halt(&self, problem: Problem) {
        if !self.halted.replace(true) {
            self.problem(problem, self.top.clone());
            self.sink.skipped(Skip::Archive, 1);
        }
    }

    /// Notes a problem met at `place`.
    fn problem(&self, problem: Problem, place: String) {
        let mut issues = self.issues.borrow_mut();
        let kind = std::mem::discriminant(&problem);
        match issues
            .iter_mut()
            .find(|i| std::mem::discriminant(&i.problem) == kind)
        {
            Some(i) => i.count += 1,
            None => issues.push(Issue {
                problem,
                first: place,
                count: 1,
            }),
        }
    }

    /// A member's path as reported, noting one that leaves the archive.
    fn path(&self, parent: &Blob<'_>, raw: &str) -> String {
        let (path, escapes) = member_path(raw);
        if escapes {
            let place = member_place(parent, &path);
            self.problem(Problem::Escapes(raw.to_string(), path.clone()), place);
        }
        path
    }

    /// `inner`, counting what it yields against the budget, and with
    /// `consumed` (the compressed bytes a stream's decoder has taken so
    /// far) against the ratio.
    fn meter<'a, R: Read>(&'a self, inner: R, consumed: Option<&'a Cell<u64>>) -> Metered<'a, R> {
        Metered {
            inner,
            x: self,
            out: 0,
            consumed,
        }
    }

    /// Reads the members of a zip archive through its central directory;
    /// without one (a truncated download), through its local headers up
    /// to the damage.
    fn zip(&self, blob: &Blob<'_>) -> Result<(), Failed> {
        let bytes: &[u8] = &blob.bytes;
        let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(z) => z,
            Err(e) => return self.zip_stream(blob, e.to_string()),
        };
        // Members named as archives last: a nest (a bomb among them) that
        // spends the budget then cannot keep its siblings from being scanned.
        let mut order: Vec<(bool, usize)> = (0..zip.len())
            .map(|i| {
                let nested = zip
                    .by_index_data(i)
                    .is_ok_and(|m| known_extension(&String::from_utf8_lossy(m.name_raw())));
                (nested, i)
            })
            .collect();
        order.sort_unstable();
        for (_, i) in order {
            if self.halted.get() {
                break;
            }
            let meta = match zip.by_index_data(i) {
                Ok(m) => m,
                Err(e) => return Err(e.to_string()),
            };
            if meta.is_dir() {
                continue;
            }
            if !self.count_member() {
                break;
            }
            if meta.is_symlink() {
                self.sink.skipped(Skip::Symlink, 1);
                continue;
            }
            let name = meta.name().map_or_else(
                |_| String::from_utf8_lossy(meta.name_raw()).into_owned(),
                |n| n.into_owned(),
            );
            let path = self.path(blob, &name);
            let place = member_place(blob, &path);
            if !self.admit(
                &place,
                &path,
                meta.size(),
                meta.compressed_size(),
                meta.encrypted(),
            ) {
                continue;
            }
            let size = meta.size();
            let read = zip.by_index(i).map_err(|e| match e {
                zip::result::ZipError::UnsupportedArchive(why) => {
                    Problem::Unsupported(why.to_string())
                }
                zip::result::ZipError::CompressionMethodNotSupported(m) => {
                    Problem::Unsupported(format!("compression method {m} not supported"))
                }
                e => Problem::Corrupt(e.to_string()),
            });
            let read = read.and_then(|f| {
                let mut data = Vec::with_capacity(size as usize);
                self.meter(f, None)
                    .read_to_end(&mut data)
                    .map(|_| data)
                    .map_err(|e| Problem::Corrupt(e.to_string()))
            });
            match read {
                Ok(data) => self.member(blob, path, data),
                Err(_) if self.halted.get() => break,
                Err(problem) => {
                    // One damaged member: the directory still finds the others.
                    self.problem(problem, place);
                    self.sink.skipped(Skip::Archive, 1);
                }
            }
        }
        Ok(())
    }

    /// Whether a zip member may be read, judged by the sizes its headers
    /// declare: they can be trusted, since the reader stops at the declared
    /// size and a member that is longer fails its read. What may not is
    /// counted (and its problem noted, at `place`).
    fn admit(&self, place: &str, path: &str, size: u64, packed: u64, encrypted: bool) -> bool {
        let problem = if encrypted {
            Problem::Encrypted
        } else if size > self.limits.ratio_floor && size / packed.max(1) > self.limits.max_ratio {
            Problem::Bomb
        } else if size > self.policy.read_limit(path) {
            self.sink.skipped(Skip::TooLarge, 1);
            return false;
        } else {
            return true;
        };
        self.problem(problem, place.to_string());
        self.sink.skipped(Skip::Archive, 1);
        false
    }

    /// Reads a zip without its central directory, member by member from
    /// the start, until the damage; `why` says what was wrong.
    fn zip_stream(&self, blob: &Blob<'_>, why: String) -> Result<(), Failed> {
        let mut rest = Cursor::new(&blob.bytes[..]);
        loop {
            if self.halted.get() {
                return Ok(());
            }
            let entry = zip::read::read_zipfile_from_stream(&mut rest);
            let mut file = match entry {
                Ok(Some(f)) => f,
                Ok(None) => return Err(why),
                Err(e) => return Err(format!("{why}; {e}")),
            };
            if file.is_dir() {
                continue;
            }
            if !self.count_member() {
                return Ok(());
            }
            let name = file.name().map_or_else(
                |_| String::from_utf8_lossy(file.name_raw()).into_owned(),
                |n| n.into_owned(),
            );
            let path = self.path(blob, &name);
            let place = member_place(blob, &path);
            if !self.admit(
                &place,
                &path,
                file.size(),
                file.compressed_size(),
                file.encrypted(),
            ) {
                continue;
            }
            let mut data = Vec::with_capacity(file.size() as usize);
            self.meter(&mut file, None)
                .read_to_end(&mut data)
                .map_err(|e| format!("{why}; {e}"))?;
            drop(file);
            self.member(blob, path, data);
        }
    }

    /// Reads the members of a tar archive from `reader`.
    fn tar<R: Read>(&self, blob: &Blob<'_>, reader: R) -> Result<(), Failed> {
        let mut tar = tar::Archive::new(reader);
        for entry in tar.entries().map_err(|e| e.to_string())? {
            if self.halted.get() {
                break;
            }
            let mut entry = entry.map_err(|e| e.to_string())?;
            let kind = entry.header().entry_type();
            if kind.is_symlink() || kind.is_hard_link() {
                self.sink.skipped(Skip::Symlink, 1);
                continue;
            }
            if !(kind.is_file() || kind.is_contiguous() || kind.is_gnu_sparse()) {
                continue;
            }
            if !self.count_member() {
                break;
            }
            let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            let path = self.path(blob, &name);
            let size = entry.size();
            if size > self.policy.read_limit(&path) {
                // The tar reader skips the data on the next entry.
                self.sink.skipped(Skip::TooLarge, 1);
                continue;
            }
            let mut data = Vec::with_capacity(size as usize);
            if let Err(e) = entry.read_to_end(&mut data) {
                self.partial(blob, path, data);
                return Err(e.to_string());
            }
            self.member(blob, path, data);
        }
        if self.halted.get() {
            return Ok(());
        }
        // A tar ends at its first empty header; reading on to the end of a
        // compressed stream is what checks its length and checksum, so that
        // a truncated download is reported rather than taken as complete.
        io::copy(&mut tar.into_inner(), &mut io::sink()).map_err(|e| e.to_string())?;
        Ok(())
    }

    /// Decompresses a stream: a tar's members if it holds a tar, else one
    /// member named as the stream's file without its extension.
    fn stream(&self, blob: &Blob<'_>, format: Format) -> Result<(), Failed> {
        self.bomb.set(false);
        let consumed = Cell::new(0);
        let input = Counted {
            rest: &blob.bytes,
            used: &consumed,
        };
        let decoder: Box<dyn Read + '_> = match format {
            Format::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(input)),
            Format::Bzip2 => Box::new(bzip2::bufread::MultiBzDecoder::new(input)),
            Format::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(
                input,
                true,
                // KiB: the window and the decoder's own buffers.
                (WINDOW_LIMIT >> 10) as u32 + 1024,
            )),
            Format::Zstd => Box::new(ZstdFrames::new(input)?),
            Format::Zip | Format::Tar => return Err("not a compressed stream".into()),
        };
        let mut stream = self.meter(decoder, Some(&consumed));
        let mut head = Vec::with_capacity(512);
        (&mut stream)
            .take(512)
            .read_to_end(&mut head)
            .map_err(|e| e.to_string())?;
        if is_tar(&head) {
            return self.tar(blob, Cursor::new(head).chain(stream));
        }
        if !self.count_member() {
            return Ok(());
        }
        let path = stream_member_name(name_of(&blob.origin));
        let limit = self.policy.read_limit(&path);
        let mut data = head;
        let more = (limit + 1).saturating_sub(data.len() as u64);
        if let Err(e) = stream.take(more).read_to_end(&mut data) {
            self.partial(blob, path, data);
            return Err(e.to_string());
        }
        if data.len() as u64 > limit {
            self.sink.skipped(Skip::TooLarge, 1);
            return Ok(());
        }
        self.member(blob, path, data);
        Ok(())
    }

    /// Reports the problems met, once per kind, and the counts.
    fn finish(self) {
        self.sink.expanded(self.archives.get(), self.members.get());
        for i in self.issues.into_inner() {
            let mut message = format!("{}: {}", i.first, i.problem.describe(&self.limits));
            if i.count > 1 {
                message.push_str(&format!(" (and {} more in {})", i.count - 1, self.top));
            }
            self.sink.warning(message);
        }
    }
}

/// A reader of decompressed bytes that spends them from the expansion's
/// budget and, for a stream, checks them against the compressed bytes
/// consumed; past either bound it fails, so no caller reads further.
struct Metered<'a, R> {
    inner: R,
    x: &'a Expansion<'a>,
    out: u64,
    consumed: Option<&'a Cell<u64>>,
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.x.halted.get() {
            return Err(io::Error::other("archive bound reached"));
        }
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        let spent = self.x.spent.get() + n as u64;
        self.x.spent.set(spent);
        if spent > self.x.limits.max_total {
            self.x.halt(Problem::Budget);
            return Err(io::Error::other("archive bound reached"));
        }
        if let Some(consumed) = self.consumed {
            let limits = &self.x.limits;
            if self.out > limits.ratio_floor && self.out / consumed.get().max(1) > limits.max_ratio
            {
                self.x.bomb.set(true);
                return Err(io::Error::other("compression ratio bound reached"));
            }
        }
        Ok(n)
    }
}

/// A compressed input in memory that counts the bytes its decoder consumes
/// (exactly, through `BufRead::consume`, for the ratio).
struct Counted<'a> {
    rest: &'a [u8],
    used: &'a Cell<u64>,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.rest.read(buf)?;
        self.used.set(self.used.get() + n as u64);
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(self.rest)
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.rest.len());
        self.rest = &self.rest[n..];
        self.used.set(self.used.get() + n as u64);
    }
}

/// Every frame of a zstd stream, one after the other (the decoder reads one).
struct ZstdFrames<'a> {
    frame: Option<ruzstd::decoding::StreamingDecoder<Counted<'a>, ruzstd::decoding::FrameDecoder>>,
}

impl<'a> ZstdFrames<'a> {
    fn new(input: Counted<'a>) -> Result<Self, Failed> {
        let frame =
            ruzstd::decoding::StreamingDecoder::new_with_max_window_size(input, WINDOW_LIMIT)
                .map_err(|e| e.to_string())?;
        Ok(ZstdFrames { frame: Some(frame) })
    }
}

impl Read for ZstdFrames<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(frame) = self.frame.as_mut() else {
                return Ok(0);
            };
            let n = frame.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            let input = self.frame.take().expect("checked above").into_inner();
            if input.rest.is_empty() {
                return Ok(0);
            }
            let next =
                ruzstd::decoding::StreamingDecoder::new_with_max_window_size(input, WINDOW_LIMIT)
                    .map_err(|e| io::Error::other(e.to_string()))?;
            self.frame = Some(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use std::io::Write;
    use std::sync::Mutex;

    /// What a sink was told.
    #[derive(Default)]
    struct Seen {
        blobs: Mutex<Vec<String>>,
        skips: Mutex<Vec<Skip>>,
        warnings: Mutex<Vec<String>>,
        expanded: Mutex<(u64, u64)>,
    }

    impl BlobSink for Seen {
        fn blob(&self, blob: Blob<'_>) {
            self.blobs.lock().unwrap().push(chain(&blob.origin));
        }
        fn skipped(&self, reason: Skip, n: u64) {
            self.skips.lock().unwrap().extend((0..n).map(|_| reason));
        }
        fn error(&self, _: Error) {}
        fn warning(&self, message: String) {
            self.warnings.lock().unwrap().push(message);
        }
        fn expanded(&self, archives: u64, members: u64) {
            let mut e = self.expanded.lock().unwrap();
            e.0 += archives;
            e.1 += members;
        }
    }

    fn policy(limits: ArchiveLimits) -> Policy {
        Policy {
            max_file_size: 1 << 20,
            archives: Some(limits),
        }
    }

    fn offer(policy: Policy, name: &str, bytes: Vec<u8>) -> Seen {
        let seen = Seen::default();
        policy.offer(&seen, Blob::new(bytes, Origin::path(name)));
        seen
    }

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in members {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn tar_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in members {
            let mut h = tar::Header::new_ustar();
            h.set_size(data.len() as u64);
            b.append_data(&mut h, name, *data).unwrap();
        }
        b.into_inner().unwrap()
    }

    #[test]
    fn the_member_bound_stops_the_archive_once() {
        let limits = ArchiveLimits {
            max_members: 2,
            ..ArchiveLimits::new(3, 1 << 20)
        };
        let z = zip_of(&[("a", b"1"), ("b", b"2"), ("c", b"3"), ("d", b"4")]);
        let seen = offer(policy(limits), "m.zip", z);
        assert_eq!(*seen.blobs.lock().unwrap(), ["m.zip!a", "m.zip!b"]);
        assert_eq!(
            *seen.warnings.lock().unwrap(),
            ["m.zip: more than 2 members; the rest of the archive was not scanned"]
        );
        assert_eq!(*seen.skips.lock().unwrap(), [Skip::Archive]);
    }

    #[test]
    fn the_byte_budget_counts_every_level() {
        let filler = vec![b'x'; 40_000];
        let inner = tar_of(&[("one", &filler), ("two", &filler)]);
        let outer = tar_of(&[("first", &filler), ("inner.tar", &inner)]);
        // first (40 KB), then inner.tar (90 KB) read whole, then its `one`
        // (40 KB) passes 150 KB: nothing after it is read.
        let seen = offer(policy(ArchiveLimits::new(3, 150_000)), "o.tar", outer);
        assert_eq!(*seen.blobs.lock().unwrap(), ["o.tar!first"]);
        let warnings = seen.warnings.lock().unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("o.tar: more than 150000 bytes decompressed"));
        assert_eq!(*seen.skips.lock().unwrap(), [Skip::Archive]);
    }

    #[test]
    fn a_stream_past_the_ratio_is_stopped_early() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..8 {
            e.write_all(&[0u8; 1 << 20]).unwrap();
        }
        let bomb = e.finish().unwrap();
        let limits = ArchiveLimits {
            ratio_floor: 1 << 20,
            ..ArchiveLimits::new(3, 1 << 30)
        };
        let seen = offer(policy(limits), "zeros.gz", bomb);
        assert!(seen.blobs.lock().unwrap().is_empty());
        assert_eq!(
            *seen.warnings.lock().unwrap(),
            ["zeros.gz: compression ratio over 1000:1 (a decompression bomb?), not expanded"]
        );
    }

    #[test]
    fn a_zip_member_longer_than_its_header_says_is_not_read_past_it() {
        let data = vec![b'a'; 1 << 20];
        let mut z = zip_of(&[("big.txt", &data)]);
        // Declare 10 bytes in the local and the central header.
        let local = 0;
        z[local + 22..local + 26].copy_from_slice(&10u32.to_le_bytes());
        let cd = memchr::memmem::find(&z, b"PK\x01\x02").unwrap();
        z[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        let seen = offer(policy(ArchiveLimits::new(3, 1 << 30)), "lie.zip", z);
        assert!(seen.blobs.lock().unwrap().is_empty());
        let warnings = seen.warnings.lock().unwrap();
        assert!(
            warnings[0].starts_with("lie.zip!big.txt: corrupt or truncated"),
            "{warnings:?}"
        );
    }

    #[test]
    fn text_is_never_taken_for_an_archive_by_its_first_bytes() {
        let p = policy(ArchiveLimits::new(3, 1 << 20));
        let text = b"BZh91AY&SY is how bzip2 starts\n";
        assert_eq!(p.judge(text, "notes.txt"), Verdict::Scan);
        assert_eq!(p.judge(text, "notes.bz2"), Verdict::Expand(Format::Bzip2));
        let off = Policy {
            archives: None,
            ..p
        };
        assert_eq!(
            off.judge(b"PK\x03\x04\x14\x00", "a.zip"),
            Verdict::Skip(Skip::Binary)
        );
    }

    #[test]
    fn archives_may_be_larger_than_files() {
        let p = policy(ArchiveLimits::new(3, 8 << 20));
        assert_eq!(p.read_limit("a.txt"), 1 << 20);
        assert_eq!(p.read_limit("lib/a.JAR"), 8 << 20);
        assert!(p.too_large(2 << 20, "a.bin"));
        assert!(!p.too_large(2 << 20, "a.tgz"));
        assert!(p.too_large(9 << 20, "a.tgz"));
        let big_zip = {
            let mut v = b"PK\x03\x04\x14\x00".to_vec();
            v.resize(2 << 20, 0);
            v
        };
        assert_eq!(p.judge(&big_zip, "a.bin"), Verdict::Skip(Skip::TooLarge));
        assert_eq!(p.judge(&big_zip, "a.zip"), Verdict::Expand(Format::Zip));
    }

    #[test]
    fn a_cut_stream_yields_what_came_before_the_cut() {
        let text: Vec<u8> = (0..50_000u32)
            .flat_map(|i| format!("line {i}\n").into_bytes())
            .collect();
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&text).unwrap();
        let gz = e.finish().unwrap();
        let cut = gz[..gz.len() / 2].to_vec();
        let seen = offer(policy(ArchiveLimits::new(3, 1 << 20)), "log.txt.gz", cut);
        assert_eq!(*seen.blobs.lock().unwrap(), ["log.txt.gz!log.txt"]);
        let warnings = seen.warnings.lock().unwrap();
        assert!(
            warnings[0].starts_with("log.txt.gz: corrupt or truncated ("),
            "{warnings:?}"
        );
        assert_eq!(*seen.skips.lock().unwrap(), [Skip::Archive]);
    }

    /// Damaged archives of every format, a byte changed or the end cut at
    /// many places: never a panic, never more than what is there.
    #[test]
    fn damaged_archives_of_every_format_are_survived() {
        let text: Vec<u8> = (0..300u32)
            .flat_map(|i| format!("key{i} = value {i}\n").into_bytes())
            .collect();
        let inner = zip_of(&[("a/b.txt", &text), ("c.txt", b"short\n")]);
        let tar = tar_of(&[("x.txt", &text), ("lib.jar", &inner)]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&tar).unwrap();
        let zst = ruzstd::encoding::compress_to_vec(
            &tar[..],
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        let mut xz =
            lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::with_preset(1)).unwrap();
        xz.write_all(&tar).unwrap();
        let cases = [
            ("t.tar.xz", xz.finish().unwrap()),
            ("t.zip", inner.clone()),
            ("t.tar", tar.clone()),
            ("t.tar.gz", gz.finish().unwrap()),
            ("t.tar.bz2", bz.finish().unwrap()),
            ("t.tar.zst", zst),
        ];
        let p = policy(ArchiveLimits::new(3, 1 << 20));
        for (name, good) in cases {
            let step = (good.len() / 97).max(1);
            for at in (0..good.len()).step_by(step) {
                let mut flipped = good.clone();
                flipped[at] ^= 0x5a;
                offer(p, name, flipped);
                offer(p, name, good[..at].to_vec());
            }
        }
    }

    #[test]
    fn counts_and_the_chain_of_nested_members() {
        let inner = zip_of(&[("conf/app.yml", b"k: v\n"), ("bin/x", b"\0\0\0")]);
        let outer = tar_of(&[("lib/inner.jar", &inner), ("README", b"hi\n")]);
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&outer).unwrap();
        let seen = offer(
            policy(ArchiveLimits::new(3, 1 << 20)),
            "r.tar.gz",
            e.finish().unwrap(),
        );
        assert_eq!(
            *seen.blobs.lock().unwrap(),
            ["r.tar.gz!lib/inner.jar!conf/app.yml", "r.tar.gz!README"]
        );
        assert_eq!(*seen.skips.lock().unwrap(), [Skip::Binary]);
        assert_eq!(*seen.expanded.lock().unwrap(), (2, 4));
        assert!(seen.warnings.lock().unwrap().is_empty());
    }

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Some(Format::Zip));
        assert_eq!(sniff(b"PK\x05\x06"), Some(Format::Zip));
        assert_eq!(sniff(&[0x1f, 0x8b, 8, 0]), Some(Format::Gzip));
        assert_eq!(sniff(b"BZh91AY&SY"), Some(Format::Bzip2));
        assert_eq!(sniff(b"BZhx"), None);
        assert_eq!(
            sniff(&[0xfd, b'7', b'z', b'X', b'Z', 0, 0]),
            Some(Format::Xz)
        );
        assert_eq!(sniff(&[0x28, 0xb5, 0x2f, 0xfd, 0]), Some(Format::Zstd));
        let mut tar = vec![0u8; 512];
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Some(Format::Tar));
        assert_eq!(sniff(b"plain text"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn extensions() {
        for name in [
            "a.zip",
            "dir/App.JAR",
            "x.tar.gz",
            "r.tgz",
            "w.whl",
            "d.docx",
            "s.zst",
        ] {
            assert!(known_extension(name), "{name}");
        }
        for name in ["a.txt", "zip", "dir.zip/file", ".gz", "a.gzip2"] {
            assert!(!known_extension(name), "{name}");
        }
    }

    #[test]
    fn names_of_compressed_files() {
        assert_eq!(stream_member_name("conf/app.yml.gz"), "app.yml");
        assert_eq!(stream_member_name("r.tgz"), "r.tar");
        assert_eq!(stream_member_name("dump.SQL.XZ"), "dump.SQL");
        assert_eq!(stream_member_name("blob"), "-");
        assert_eq!(stream_member_name("x.bin"), "-");
        assert_eq!(stream_member_name(".gz"), "-");
    }

    #[test]
    fn member_paths_stay_inside_the_archive() {
        assert_eq!(member_path("a/b.txt"), ("a/b.txt".into(), false));
        assert_eq!(member_path("./a//b/../c"), ("a/c".into(), false));
        assert_eq!(member_path("../../etc/passwd"), ("etc/passwd".into(), true));
        assert_eq!(member_path("/etc/passwd"), ("etc/passwd".into(), true));
        assert_eq!(
            member_path("C:\\Windows\\x.ini"),
            ("Windows/x.ini".into(), true)
        );
        assert_eq!(member_path("a/../../b"), ("b".into(), true));
        assert_eq!(member_path(".."), ("-".into(), true));
        assert_eq!(member_path("a\nb"), ("a\u{fffd}b".into(), false));
    }
}
