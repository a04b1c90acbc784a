//! Files and directories (parallel walk with `ignore`), and stdin.
use super::Stats;
use crate::blob::{is_binary, Blob, Origin};
use crate::error::Error;
use ignore::{overrides::OverrideBuilder, WalkBuilder, WalkState};
use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to walk.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Files and directories to scan.
    pub paths: Vec<PathBuf>,
    /// Larger files are skipped (and counted).
    pub max_file_size: u64,
    /// Honour `.gitignore`, `.ignore` and git's exclude files.
    pub respect_ignore: bool,
    /// Globs (gitignore syntax) whose matches are neither read nor scanned.
    pub exclude: Vec<String>,
    /// Worker threads (0: one per core).
    pub threads: usize,
}

/// Walks `opts.paths` in parallel, calling `visit` with each readable text file
/// and `error` with each problem; neither stops the walk.
pub fn walk(
    opts: &WalkOptions,
    stats: &Stats,
    visit: &(dyn Fn(Blob<'_>) + Sync),
    error: &(dyn Fn(Error) + Sync),
) -> Result<(), Error> {
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
                Err(e) => {
                    Stats::bump(&stats.unreadable);
                    error(walk_error(e));
                }
                Ok(entry) => {
                    let Some(ft) = entry.file_type() else {
                        return WalkState::Continue;
                    };
                    if ft.is_symlink() {
                        Stats::bump(&stats.symlinks);
                    } else if ft.is_file() {
                        read_one(entry.path(), opts.max_file_size, stats, visit, error);
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

fn read_one(
    path: &Path,
    max: u64,
    stats: &Stats,
    visit: &(dyn Fn(Blob<'_>) + Sync),
    error: &(dyn Fn(Error) + Sync),
) {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            Stats::bump(&stats.unreadable);
            return error(io(e));
        }
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        Stats::bump(&stats.too_large);
        return;
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    if let Err(e) = (&mut file).take(max + 1).read_to_end(&mut bytes) {
        Stats::bump(&stats.unreadable);
        return error(io(e));
    }
    if bytes.len() as u64 > max {
        Stats::bump(&stats.too_large);
        return;
    }
    emit(
        Blob {
            bytes: Cow::Owned(bytes),
            origin: Origin::path(display_path(path)),
        },
        stats,
        visit,
    );
}

/// Hands a blob to `visit` unless it is binary, counting either way.
pub fn emit(blob: Blob<'_>, stats: &Stats, visit: &(dyn Fn(Blob<'_>) + Sync)) {
    if is_binary(&blob.bytes) {
        Stats::bump(&stats.binary);
        return;
    }
    Stats::bump(&stats.scanned);
    stats.bytes.fetch_add(
        blob.bytes.len() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
    visit(blob);
}

/// Reads all of stdin as one blob named `name`.
pub fn stdin(
    name: &str,
    max: u64,
    stats: &Stats,
    visit: &(dyn Fn(Blob<'_>) + Sync),
) -> Result<(), Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: PathBuf::from(name),
            source,
        })?;
    if bytes.len() as u64 > max {
        Stats::bump(&stats.too_large);
        return Ok(());
    }
    emit(
        Blob {
            bytes: Cow::Owned(bytes),
            origin: Origin::path(name),
        },
        stats,
        visit,
    );
    Ok(())
}
