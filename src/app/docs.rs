//! `stanch completions` and `stanch man`: shell completion scripts and the man
//! page, generated from the clap definitions so that they cannot drift from
//! the command line. The release archives ship their output (`contrib/`, kept
//! current by a test).
use super::RunOutcome;
use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prints the completion script for `shell`.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<RunOutcome> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "stanch", &mut out);
    print(&out)
}

/// Prints the man page (roff), or writes a page per command into `dir`.
pub(super) fn man(dir: Option<&Path>) -> Result<RunOutcome> {
    let Some(dir) = dir else {
        let mut out = Vec::new();
        // Built as `generate_to` builds it (no `help` subcommand, which has no
        // page), so that this page is the stanch.1 that `--dir` writes.
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        clap_mangen::Man::new(cmd)
            .render(&mut out)
            .map_err(stdout_error)?;
        return print(&out);
    };
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(io)?;
    Ok(RunOutcome {
        code: 0,
        errors: Vec::new(),
    })
}

fn stdout_error(source: std::io::Error) -> Error {
    Error::Io {
        path: PathBuf::from("<stdout>"),
        source,
    }
}

/// Writes to stdout; a closed pipe (`stanch man | head`) is not an error.
fn print(bytes: &[u8]) -> Result<RunOutcome> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_error(e)),
        _ => Ok(RunOutcome {
            code: 0,
            errors: Vec::new(),
        }),
    }
}
