//! Files and directories (parallel walk with `ignore`), and stdin.
use super::{BlobSink, Policy, Skip};
use crate::blob::{Blob, Origin};
use crate::error::Error;
use ignore::{overrides::OverrideBuilder, WalkBuilder, WalkState};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to walk.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Files and directories to scan.
    pub paths: Vec<PathBuf>,
    /// Honour `.gitignore`, `.ignore` and git's exclude files.
    pub respect_ignore: bool,
    /// Globs (gitignore syntax) whose matches are neither read nor scanned.
    pub exclude: Vec<String>,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Follow symbolic links, but never to a place outside `paths`: a link
    /// that leaves them, dangles or loops is skipped as a symlink.
    pub follow: bool,
}

/// Entries (files, directories, errors) up to which a walk stays on the
/// calling thread (see `walk`).
const SERIAL_ENTRIES: usize = 64;
/// Bytes of files up to which a walk stays on the calling thread. At 1 MB
/// one core is still faster than two plus the workers' sleep (eight 128 KB
/// files: 3.5 ms against 4.3 ms); the crossover lies higher, unmeasured.
const SERIAL_BYTES: u64 = 1 << 20;

/// Walks `opts.paths` in parallel, offering each file to `sink` under
/// `policy`; an unreadable file or directory does not stop the walk.
pub fn walk(opts: &WalkOptions, policy: Policy, sink: &dyn BlobSink) -> Result<(), Error> {
    let Some((first, rest)) = opts.paths.split_first() else {
        return Ok(());
    };
    let mut builder = WalkBuilder::new(first);
    for p in rest {
        builder.add(p);
    }
    let mut overrides = OverrideBuilder::new(first);
    for g in &opts.exclude {
        overrides
            .add(&format!("!{g}"))
            .map_err(|e| Error::Usage(format!("bad --exclude glob {g:?}: {e}")))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| Error::Usage(format!("bad --exclude glob: {e}")))?;
    builder
        .hidden(false)
        .parents(opts.respect_ignore)
        .ignore(opts.respect_ignore)
        .git_ignore(opts.respect_ignore)
        .git_global(opts.respect_ignore)
        .git_exclude(opts.respect_ignore)
        .require_git(false)
        .overrides(overrides)
        .threads(opts.threads)
        .filter_entry(|e| e.file_name() != ".git");
    // Where a followed link may lead: the scanned paths themselves, resolved
    // as the links' targets are.
    let roots: Vec<PathBuf> = if opts.follow {
        opts.paths
            .iter()
            .filter_map(|p| p.canonicalize().ok())
            .collect()
    } else {
        Vec::new()
    };
    let roots = &roots;
    builder.follow_links(opts.follow);
    let handle = |entry: Result<ignore::DirEntry, ignore::Error>| -> WalkState {
        match entry {
            Err(e) => match opts.follow.then(|| followed_link_error(&e)).flatten() {
                Some(warning) => {
                    sink.skipped(Skip::Symlink, 1);
                    if let Some(w) = warning {
                        sink.warning(w);
                    }
                }
                None => sink.unreadable(walk_error(e)),
            },
            Ok(entry) => {
                let Some(ft) = entry.file_type() else {
                    return WalkState::Continue;
                };
                if ft.is_symlink() {
                    sink.skipped(Skip::Symlink, 1);
                } else if opts.follow && entry.path_is_symlink() && !inside(entry.path(), roots) {
                    // Checked at every link, so nothing reached through
                    // followed links is ever outside the roots.
                    sink.skipped(Skip::Symlink, 1);
                    return WalkState::Skip;
                } else if ft.is_file() {
                    read_one(entry.path(), policy, sink);
                }
            }
        }
        WalkState::Continue
    };
    // A small tree is walked and scanned on this thread. The parallel
    // walker's idle workers sleep a millisecond before they see that the
    // walk is over, which is most of the time a scan of a few small files
    // takes. Listing the first entries serially costs a larger tree a few
    // dozen stat calls. Not with `--follow`, whose skipped links the serial
    // walk would have to prune.
    if !opts.follow {
        let mut entries = Vec::new();
        let mut bytes = 0u64;
        for entry in builder.build() {
            if let Ok(e) = &entry {
                if e.file_type().is_some_and(|t| t.is_file()) {
                    bytes += e.metadata().map_or(0, |m| m.len());
                }
            }
            entries.push(entry);
            if entries.len() > SERIAL_ENTRIES || bytes > SERIAL_BYTES {
                break;
            }
        }
        if entries.len() <= SERIAL_ENTRIES && bytes <= SERIAL_BYTES {
            for e in entries {
                handle(e);
            }
            return Ok(());
        }
    }
    builder.build_parallel().run(|| Box::new(&handle));
    Ok(())
}

/// Whether `path`, resolved, is inside one of `roots` (already resolved).
fn inside(path: &Path, roots: &[PathBuf]) -> bool {
    path.canonicalize()
        .is_ok_and(|p| roots.iter().any(|r| p.starts_with(r)))
}

/// When following links, a link that loops back to its ancestor or cannot
/// be resolved is skipped like any symlink, not failed as unreadable: `Some`,
/// with a warning for loops (a dangling link is common and harmless).
fn followed_link_error(e: &ignore::Error) -> Option<Option<String>> {
    let mut inner = e;
    let mut path = None;
    loop {
        match inner {
            ignore::Error::Loop { ancestor, child } => {
                return Some(Some(format!(
                    "{}: a symbolic link loop (back to {}), not followed",
                    display_path(child),
                    display_path(ancestor)
                )))
            }
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p);
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    let path = path?;
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let dangling =
        matches!(inner, ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound);
    link.then(|| {
        (!dangling).then(|| {
            format!(
                "{}: a symbolic link that cannot be resolved ({}), not followed",
                display_path(path),
                walk_error_message(inner)
            )
        })
    })
}

/// The error with its path, which the walker nests inside depth and line
/// wrappers: `path: message`, never `: path: message`.
fn walk_error(e: ignore::Error) -> Error {
    let mut path = PathBuf::new();
    let mut e = e;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                if path.as_os_str().is_empty() {
                    path = p;
                }
                e = *err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                e = *err;
            }
            ignore::Error::Io(source) => return Error::Io { path, source },
            other => {
                return Error::Io {
                    path,
                    source: std::io::Error::other(other.to_string()),
                }
            }
        }
    }
}

fn walk_error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

/// The path as shown in findings: forward slashes, no leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

fn read_one(path: &Path, policy: Policy, sink: &dyn BlobSink) {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink.unreadable(io(e)),
    };
    let name = display_path(path);
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if policy.too_large(len, &name) {
        return sink.skipped(Skip::TooLarge, 1);
    }
    // The length can change under us: read one byte past the limit to know.
    let limit = if len > policy.max_file_size {
        policy.read_limit(&name)
    } else {
        policy.max_file_size
    };
    let mut bytes = Vec::with_capacity(len as usize + 1);
    if let Err(e) = (&mut file).take(limit + 1).read_to_end(&mut bytes) {
        return sink.unreadable(io(e));
    }
    let origin = Origin {
        path_bytes: raw_path(path),
        ..Origin::path(name)
    };
    policy.offer(sink, Blob::new(bytes, origin));
}

/// The bytes of the path `display_path` shows, when they are not UTF-8.
fn raw_path(p: &Path) -> Option<std::sync::Arc<[u8]>> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let b = p.as_os_str().as_bytes();
        crate::blob::raw_path(b.strip_prefix(b"./").unwrap_or(b))
    }
    #[cfg(not(unix))]
    {
        // Windows names are UTF-16, which `display_path` keeps except for
        // unpaired surrogates, rare enough not to carry raw.
        let _ = p;
        None
    }
}

/// Reads all of stdin as one blob named `name`.
pub fn stdin(name: &str, policy: Policy, sink: &dyn BlobSink) -> Result<(), Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(policy.read_limit(name) + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: PathBuf::from(name),
            source,
        })?;
    policy.offer(sink, Blob::new(bytes, Origin::path(name)));
    Ok(())
}
