//! The command line, as clap types only: no I/O, no compiling. `app` turns it
//! into a plan.
use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// stanch finds leaked credentials in files, staged changes and git history.
#[derive(Debug, Parser)]
#[command(name = "stanch", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and directories (`-` for stdin).
    Scan(ScanArgs),
    /// Check a repository against the secret-handling practices (ignored .env files, no secrets in logs, errors, defaults, CI or containers…), then scan it for secrets.
    Audit(AuditRepoArgs),
    /// Scan what the next commit adds (the index against HEAD): the pre-commit check.
    Staged(StagedArgs),
    /// Scan git history: every blob each commit introduced, each distinct blob once.
    History(HistoryArgs),
    /// Record known findings so that later scans report only new ones.
    Baseline(BaselineArgs),
    /// List the rules, or check rule files.
    Rules(RulesArgs),
    /// Write a plain .git/hooks/pre-commit that runs `stanch staged`.
    InstallHook(InstallHookArgs),
    /// Print a shell completion script, e.g. `stanch completions bash > /etc/bash_completion.d/stanch`.
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `stanch man > stanch.1`; `--dir` writes a page per command.
    Man(ManArgs),
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options every scanning command takes.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Also write the report as FORMAT to FILE, from the same scan (repeatable), e.g. `--report sarif=stanch.sarif`.
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_report)]
    pub report: Vec<(Format, PathBuf)>,
    /// Print secrets in full (never do this in CI logs).
    #[arg(long)]
    pub show_secrets: bool,
    /// Report only findings at least this confident (0 to 1) [default: 0.3].
    #[arg(long, value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Skip files larger than this many bytes (K, M and G suffixes allowed) [default: 25M].
    #[arg(long, value_parser = parse_size)]
    pub max_file_size: Option<u64>,
    /// Do not look inside archives and compressed files (zip, jar, tar.gz, …): skip them as binary.
    #[arg(long)]
    pub no_archives: bool,
    /// Expand archives nested this many levels deep (a jar in a war in a tar.gz is 3; 0: none) [default: 3].
    #[arg(long, value_name = "N")]
    pub archive_depth: Option<u32>,
    /// Stop expanding an archive after this many decompressed bytes, nested archives included (K, M and G suffixes allowed) [default: 256M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_archive_size: Option<u64>,
    /// Ignore inline allow comments (for audits).
    #[arg(long)]
    pub no_inline_allow: bool,
    /// Undo this many levels of encodings (base64, hex, percent-encoding,
    /// string escapes, HTML entities) to look for secrets inside; 0 turns
    /// decoding off.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=4))]
    pub decode_depth: u32,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Colour.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Use this config file instead of the discovered .stanch.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore .stanch.toml.
    #[arg(long)]
    pub no_config: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// List baseline and allowlist entries that matched nothing (the exit status is unchanged).
    #[arg(long)]
    pub report_unused: bool,
}

/// `stanch scan`.
#[derive(Debug, Clone, Args)]
pub struct ScanArgs {
    /// Files and directories to scan; `-` reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Do not read files matching this glob (gitignore syntax; repeatable).
    #[arg(long, short = 'e')]
    pub exclude: Vec<String>,
    /// Also scan files that .gitignore and .ignore exclude.
    #[arg(long)]
    pub no_ignore: bool,
    /// Follow symbolic links, never out of the scanned paths (loops and dangling links are skipped).
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// The path to report for stdin.
    #[arg(long, default_value = "-")]
    pub stdin_name: String,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `stanch audit` (not `baseline audit`).
#[derive(Debug, Clone, Args)]
pub struct AuditRepoArgs {
    /// The directory to audit (a repository's work tree, or any directory).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Which findings fail the run (exit 1): secrets, failed practice items, or both.
    #[arg(long, value_enum, default_value_t = FailOn::All)]
    pub fail_on: FailOn,
    /// Do not read files matching this glob (gitignore syntax; repeatable).
    #[arg(long, short = 'e')]
    pub exclude: Vec<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// What makes `stanch audit` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Secrets only.
    Secrets,
    /// Failed practice items only.
    Practices,
    /// Either.
    All,
}

/// `stanch staged`.
#[derive(Debug, Clone, Args)]
pub struct StagedArgs {
    /// The repository (default: the one containing the current directory).
    #[arg(long)]
    pub repo: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `stanch history`.
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// The repository (a work tree, a directory in one, or a bare repository).
    #[arg(default_value = ".")]
    pub repo: PathBuf,
    /// Every commit reachable from any ref (branches, tags, remotes, stash), not just HEAD.
    #[arg(long)]
    pub all: bool,
    /// Only the commits of a range: `A..B` (in B, not in A) or `A...B` (in either, not in both).
    #[arg(long, value_name = "A..B")]
    pub range: Option<String>,
    /// Only commits committed on or after this date (YYYY-MM-DD, RFC 3339, or @SECONDS).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only commits committed on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// The history of this branch (or any ref) instead of HEAD.
    #[arg(long, value_name = "NAME")]
    pub branch: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `stanch install-hook`.
#[derive(Debug, Clone, Args)]
pub struct InstallHookArgs {
    /// The repository (default: the one containing the current directory).
    #[arg(long)]
    pub repo: Option<PathBuf>,
    /// Replace an existing pre-commit hook that stanch did not write.
    #[arg(long)]
    pub force: bool,
}

/// `stanch completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `stanch man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write stanch.1 and a page for each subcommand (stanch-scan.1, …) into this directory instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `stanch rules`.
#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// What to do with rules (default: list).
    #[command(subcommand)]
    pub action: Option<RulesAction>,
    /// Listing format.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// List the rules as this config file sets them (default: `.stanch.toml` here).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// List only the built-in rules.
    #[arg(long)]
    pub no_config: bool,
}

/// `stanch rules …` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum RulesAction {
    /// Validate rule files as the test suite does (examples, negatives, regexes, keywords).
    Check {
        /// Rule files (TOML with [[rule]] tables).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// `stanch baseline`.
#[derive(Debug, Clone, Args)]
pub struct BaselineArgs {
    /// What to do with the baseline.
    #[command(subcommand)]
    pub action: BaselineAction,
}

/// `stanch baseline …` actions. `--output` names the baseline file written
/// (default: `baseline` in .stanch.toml, else .stanch-baseline.json).
#[derive(Debug, Clone, Subcommand)]
pub enum BaselineAction {
    /// Scan and record every current finding in a new baseline.
    #[command(mut_arg("output", |a| a.help("The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]")))]
    Create(ScanArgs),
    /// Scan again: add new findings, drop entries that match nothing, keep audit states.
    #[command(mut_arg("output", |a| a.help("Where to write the updated baseline [default: the baseline read]")))]
    Update(ScanArgs),
    /// List entries with their audit state, or set states.
    Audit(AuditArgs),
    /// Convert another tool's baseline (merged into an existing one).
    #[command(mut_arg("output", |a| a.help("The baseline file to write [default: `baseline` in .stanch.toml, else .stanch-baseline.json]")))]
    Import(ImportArgs),
}

/// `stanch baseline audit`.
#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// Set an entry's state: FINGERPRINT=unaudited|false-positive|accepted-risk|revoked (repeatable; a prefix of 8+ digits will do).
    #[arg(long = "set", value_name = "FINGERPRINT=STATE")]
    pub set: Vec<String>,
    /// List, even on a terminal (no interactive stepping); `-f json` lists as JSON.
    #[arg(long)]
    pub list: bool,
    /// Where scanned paths are relative to (to show the redacted lines).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Shared options (`--baseline` names the file).
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `stanch baseline import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The other tool's format.
    #[arg(long, value_enum)]
    pub from: ImportFormat,
    /// The file to convert (.secrets.baseline, .gitleaksignore).
    pub file: PathBuf,
    /// The repository the fingerprints refer to (gitleaks: its files are read to hash the secrets).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Baselines `stanch baseline import` converts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A detect-secrets `.secrets.baseline` (SHA-1 hashes of secrets).
    DetectSecrets,
    /// A gitleaks `.gitleaksignore` (`commit:path:rule:line` fingerprints).
    Gitleaks,
}

/// Formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table.
    Text,
    /// JSON.
    Json,
}

fn parse_confidence(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
    }
}

/// Parses `FORMAT=FILE` for `--report`.
fn parse_report(s: &str) -> Result<(Format, PathBuf), String> {
    let (format, file) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not FORMAT=FILE (e.g. sarif=stanch.sarif)"))?;
    let format = Format::from_str(format, true)
        .map_err(|_| format!("{format:?} is not a format (text, json, sarif, junit, github)"))?;
    if file.is_empty() {
        return Err(format!("{s:?} names no file"));
    }
    Ok((format, PathBuf::from(file)))
}

/// Parses `123`, `10K`, `25M`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mul) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mul))
        .map_err(|_| format!("{s:?} is not a size (e.g. 500K, 25M)"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
