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
}

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
        .follow_links(false)
        .overrides(overrides)
        .threads(opts.threads)
        .filter_entry(|e| e.file_name() != ".git");
    builder.build_parallel().run(|| {
        Box::new(move |entry| {
            match entry {
                Err(e) => sink.unreadable(walk_error(e)),
                Ok(entry) => {
                    let Some(ft) = entry.file_type() else {
                        return WalkState::Continue;
                    };
                    if ft.is_symlink() {
                        sink.skipped(Skip::Symlink, 1);
                    } else if ft.is_file() {
                        read_one(entry.path(), policy, sink);
                    }
                }
            }
            WalkState::Continue
        })
    });
    Ok(())
}

fn walk_error(e: ignore::Error) -> Error {
    let path = match &e {
        ignore::Error::WithPath { path, .. } => path.clone(),
        _ => PathBuf::new(),
    };
    Error::Io {
        path,
        source: std::io::Error::other(e.to_string()),
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
    policy.offer(sink, Blob::new(bytes, Origin::path(name)));
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
