//! Typed errors of the library. They name the file (and line) at fault and never
//! carry a secret: they are built from paths, rule ids and messages only.
use std::path::PathBuf;

/// Every error the library reports to its caller.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A rule file or rule is invalid.
    #[error("{file}: rule {rule}: {message}")]
    Rule {
        /// The rule file (or `<config>`).
        file: String,
        /// The rule id, or `?` when the file did not parse.
        rule: String,
        /// What is wrong.
        message: String,
    },
    /// The configuration file is invalid.
    #[error("{file}: {message}")]
    Config {
        /// The configuration file.
        file: String,
        /// What is wrong, with line and key where known.
        message: String,
    },
    /// The baseline file is invalid.
    #[error("{file}: {message}")]
    Baseline {
        /// The baseline file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A git operation failed.
    #[error("git: {0}")]
    Git(String),
    /// The user asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl From<git2::Error> for Error {
    fn from(e: git2::Error) -> Self {
        Error::Git(e.message().to_string())
    }
}

/// Result with the library's error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The useful line of a multi-line regex/glob error.
/// (`bad regex: regex parse error: <pattern, caret> error: unclosed group`
/// becomes `bad regex: unclosed group`). Lives here, below both `config`
/// and `suppress`, so that neither has to import the other for it.
pub(crate) fn one_line(msg: &str) -> String {
    let last = msg
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| l.trim().trim_start_matches("error:").trim());
    match last {
        Some(last) => {
            let prefix = msg
                .lines()
                .next()
                .unwrap_or("")
                .split("regex parse error")
                .next()
                .unwrap_or("");
            format!("{prefix}{last}")
        }
        None => msg.lines().map(str::trim).collect::<Vec<_>>().join(" "),
    }
}
