//! `stanch install-hook`: writes a plain git pre-commit hook that runs
//! `stanch staged`, for repositories that do not use the pre-commit framework.
//! It never replaces a hook it did not write unless told to (`--force`).
use super::RunOutcome;
use crate::cli::InstallHookArgs;
use crate::error::{Error, Result};
use crate::sources::git;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The line that marks a hook as ours, so that reinstalling may replace it.
const MARKER: &str = "# stanch pre-commit hook";

/// Writes the hook into the repository containing `--repo` (or the current directory).
pub(crate) fn install_hook(args: InstallHookArgs) -> Result<RunOutcome> {
    let repo = git::open(args.repo.as_deref().unwrap_or(Path::new(".")))?;
    let dir = hooks_dir(&repo);
    let hook = dir.join("pre-commit");
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Io { path: p, source }
    };
    if hook.symlink_metadata().is_ok() {
        let existing = std::fs::read(&hook)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        if !existing.contains(MARKER) && !args.force {
            return Err(Error::Usage(format!(
                "{}: a pre-commit hook already exists and stanch did not write it; add `stanch staged` to it yourself, or use --force to replace it",
                hook.display()
            )));
        }
        // Replace the file itself, never what a symbolic link points to.
        std::fs::remove_file(&hook).map_err(io(&hook))?;
    }
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    std::fs::write(&hook, script()).map_err(io(&hook))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))
            .map_err(io(&hook))?;
    }
    let _ = writeln!(
        std::io::stdout().lock(),
        "installed {}: commits that add secrets will be blocked",
        hook.display()
    );
    Ok(RunOutcome {
        code: 0,
        errors: vec![],
    })
}

/// `core.hooksPath` if set (relative to the work tree), else the hooks
/// directory shared by every work tree of the repository.
fn hooks_dir(repo: &git2::Repository) -> PathBuf {
    if let Some(p) = repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok())
    {
        if p.is_absolute() {
            return p;
        }
        return repo.workdir().unwrap_or(repo.path()).join(p);
    }
    repo.commondir().join("hooks")
}

/// The hook: `stanch` from PATH, else the binary that installed it.
fn script() -> String {
    let fallback = std::env::current_exe()
        .ok()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let quoted = format!("'{}'", fallback.replace('\'', r"'\''"));
    format!(
        "#!/bin/sh\n{MARKER} (written by `stanch install-hook`; rerun it to update, delete this file to remove).\n\
         # Scans what the commit adds; a finding blocks the commit.\n\
         if command -v stanch >/dev/null 2>&1; then\n  exec stanch staged\nfi\n\
         if [ -x {quoted} ]; then\n  exec {quoted} staged\nfi\n\
         echo \"stanch: not found on PATH; install it or remove $0\" >&2\nexit 1\n"
    )
}
