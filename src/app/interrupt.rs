//! Ctrl-C (SIGINT, and SIGTERM): stop every command at once with exit 130,
//! leaving no half-written report or baseline. Files are written to a
//! temporary name and renamed (`write_atomic`), so the only debris an
//! interrupt could leave is that temporary file, which the handler removes.
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written right now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The exit code of an interrupted run: 128 + SIGINT, as shells report it.
pub const EXIT_INTERRUPTED: i32 = 130;

/// Installs the handler; a second call (tests run `app::run` repeatedly in
/// one process) keeps the first.
pub(crate) fn install() {
    let _ = ctrlc::set_handler(|| {
        // A worker panicking while it held the lock must not stop the exit.
        let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        for p in pending.iter() {
            let _ = std::fs::remove_file(p);
        }
        eprintln!("\nstanch: interrupted");
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// A temporary file registered for removal on interrupt while it lives.
pub(crate) struct Pending(PathBuf);

impl Pending {
    /// Registers `path` until the guard drops.
    pub(crate) fn new(path: &Path) -> Pending {
        PENDING
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_path_buf());
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = pending.iter().position(|p| *p == self.0) {
            pending.swap_remove(i);
        }
    }
}
