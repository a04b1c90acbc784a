//! Turns the command line (and the config) into a plan — a source, an engine,
//! suppressors and a reporter — and runs it. The only module that imports all
//! the others. Each command lives in its own file; they share `Plan`.
mod baseline;
mod docs;
mod history;
mod install_hook;
mod pipeline;
mod rules_cmd;
mod scan;
mod staged;

use crate::blob::Blob;
use crate::cli::{Cli, Color, Command, CommonArgs};
use crate::config::{self, Loaded};
use crate::engine::{Engine, DEFAULT_MIN_CONFIDENCE};
use crate::error::{Error, Result};
use crate::finding::{dedup, Finding, Occurrence, Suppression};
use crate::report::{self, Format, Report, RuleMeta, Summary};
use crate::rules;
use crate::sources::Stats;
use crate::suppress::allowlist::{Allowlist, Allowlists};
use crate::suppress::baseline::{Baseline, Document};
use pipeline::Pipeline;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

/// Files larger than this are skipped unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 25 << 20;

/// What a run ended with: the exit code and the non-fatal errors met on the way.
#[derive(Debug)]
pub struct RunOutcome {
    /// 0 clean, 1 findings, 2 errors.
    pub code: i32,
    /// Problems that did not stop the run (unreadable files, bad objects).
    pub errors: Vec<Error>,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<RunOutcome> {
    match cli.command {
        Command::Scan(args) => scan::scan(args),
        Command::Rules(args) => rules_cmd::rules_cmd(args),
        Command::Baseline(args) => baseline::baseline_cmd(args),
        Command::Staged(args) => staged::staged(args),
        Command::History(args) => history::history(args),
        Command::InstallHook(args) => install_hook::install_hook(args),
        Command::Completions(args) => docs::completions(args.shell),
        Command::Man(args) => docs::man(args.dir.as_deref()),
    }
}

/// Everything collected from the blobs of one run.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub occurrences: Vec<Occurrence>,
    pub inline_suppressed: u64,
    pub below_threshold: u64,
    pub invalid_checksum: u64,
    pub warnings: Vec<String>,
    pub errors: Vec<Error>,
}

impl Collected {
    fn absorb(&mut self, o: pipeline::Outcome) {
        self.occurrences.extend(o.occurrences);
        self.inline_suppressed += o.inline_suppressed;
        self.below_threshold += o.below_threshold;
        self.invalid_checksum += o.invalid_checksum;
        self.warnings.extend(o.warnings);
    }
}

/// A prepared run shared by every scanning command: the engine and the
/// settings that decide what is reported and how.
pub(crate) struct Plan {
    pub engine: Engine,
    /// The command line, with settings the config supplies filled in where the user gave none.
    pub common: CommonArgs,
    pub min_confidence: f64,
    pub max_file_size: u64,
    pub started: Instant,
    /// Globs (gitignore syntax) from the config that `scan` does not read.
    pub exclude: Vec<String>,
    /// The baseline file named by `--baseline` or the config (loaded or not).
    pub baseline_path: Option<PathBuf>,
    allowlists: Allowlists,
    baseline: Option<Baseline>,
    paths: PathForms,
}

/// Turns reported paths into the forms suppressions are matched against: as
/// reported, and relative to the repository root (the git work tree, else the
/// scanned directory), so that `scan .`, `scan sub` and `scan /abs/repo` agree.
#[derive(Debug, Default)]
struct PathForms {
    cwd: Option<PathBuf>,
    base: Option<PathBuf>,
}

impl PathForms {
    fn new(root: &Path) -> Self {
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|c| c.canonicalize().ok());
        let base = config::git_root(root).or_else(|| root.canonicalize().ok());
        PathForms { cwd, base }
    }

    /// The path relative to the repository root, for paths of files on disk
    /// (`scan`); git sources already report repository-relative paths.
    fn relative(&self, mode: &str, p: &str) -> Option<String> {
        if mode != "scan" {
            return None;
        }
        let (cwd, base) = (self.cwd.as_ref()?, self.base.as_ref()?);
        let abs = if Path::new(p).is_absolute() {
            PathBuf::from(p)
        } else {
            cwd.join(p)
        };
        let abs = abs.canonicalize().unwrap_or(abs);
        let rel = abs.strip_prefix(base).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The form stored in a baseline: repository-relative where known.
    fn stored(&self, mode: &str, p: &str) -> String {
        self.relative(mode, p).unwrap_or_else(|| p.to_string())
    }
}

impl Plan {
    /// Loads the rules (and, where one is found, the config at `root`).
    pub fn prepare(common: &CommonArgs, root: &Path) -> Result<Plan> {
        Plan::prepare_with(common, root, true)
    }

    /// As `prepare`; `use_baseline: false` neither loads nor applies a
    /// baseline (for commands that write one).
    pub fn prepare_with(common: &CommonArgs, root: &Path, use_baseline: bool) -> Result<Plan> {
        let started = Instant::now();
        let loaded = load_config(common, root)?;
        let specs = config::merge_rules(rules::builtin()?, loaded.as_ref())?;
        let engine = Engine::new(specs)?;
        let cfg = loaded.as_ref().map(|l| &l.config);
        let global = match cfg.filter(|c| c.allowlist != Default::default()) {
            Some(c) => Some(
                Allowlist::new("allowlist", &c.allowlist, true).map_err(|b| Error::Config {
                    file: config_name(&loaded),
                    message: b.message,
                })?,
            ),
            None => None,
        };
        let user_rules: std::collections::HashSet<&str> = cfg
            .map(|c| c.rule.iter().map(|r| r.id.as_str()).collect())
            .unwrap_or_default();
        let mut per_rule = Vec::new();
        for r in engine.rules() {
            if let Some(a) = &r.spec.allowlist {
                let user = user_rules.contains(r.spec.id.as_str());
                let list = Allowlist::new(&format!("rule {}: allowlist", r.spec.id), a, user)
                    .map_err(|b| Error::Rule {
                        file: if user {
                            config_name(&loaded)
                        } else {
                            "rules".into()
                        },
                        rule: r.spec.id.clone(),
                        message: b.message,
                    })?;
                per_rule.push((r.spec.id.clone(), list));
            }
        }
        let baseline_path = common.baseline.clone().or_else(|| {
            let l = loaded.as_ref()?;
            let b = l.config.baseline.as_ref()?;
            Some(l.path.parent().map_or_else(|| b.clone(), |d| d.join(b)))
        });
        let baseline = match (&baseline_path, use_baseline) {
            (Some(p), true) => Some(Baseline::new(read_baseline(p)?)),
            _ => None,
        };
        let mut common = common.clone();
        common.threads = common.threads.or(cfg.and_then(|c| c.threads));
        Ok(Plan {
            engine,
            min_confidence: common
                .min_confidence
                .or(cfg.and_then(|c| c.min_confidence))
                .unwrap_or(DEFAULT_MIN_CONFIDENCE),
            max_file_size: common
                .max_file_size
                .or(cfg.and_then(|c| c.max_file_size))
                .unwrap_or(DEFAULT_MAX_FILE_SIZE),
            exclude: cfg.map(|c| c.exclude.clone()).unwrap_or_default(),
            common,
            started,
            baseline_path,
            allowlists: Allowlists::new(global, per_rule),
            baseline,
            paths: PathForms::new(root),
        })
    }

    fn pipeline(&self) -> Pipeline<'_> {
        Pipeline {
            engine: &self.engine,
            min_confidence: self.min_confidence,
            inline_allow: !self.common.no_inline_allow,
            show_secrets: self.common.show_secrets,
        }
    }

    /// Runs `source`, handing it a visitor that scans each blob (from any
    /// thread) and an error sink; returns what the blobs produced.
    pub fn collect(
        &self,
        source: impl FnOnce(&(dyn Fn(Blob<'_>) + Sync), &(dyn Fn(Error) + Sync)) -> Result<()>,
    ) -> Result<Collected> {
        let (mut collected, keyed) = self.collect_keyed(&|_| {}, |visit, on_error| {
            source(&|blob: Blob<'_>| visit(0, blob), on_error)
        })?;
        collected
            .occurrences
            .extend(keyed.into_iter().flat_map(|(_, o)| o));
        Ok(collected)
    }

    /// Like `collect`, for sources that tag each blob with a key (history:
    /// which blob and path it is). Occurrences come back with their key rather
    /// than in `Collected`, so that the caller can copy them to every commit
    /// that introduced the blob; `tick` gets each blob's occurrence count.
    #[allow(clippy::type_complexity)]
    pub fn collect_keyed(
        &self,
        tick: &(dyn Fn(usize) + Sync),
        source: impl FnOnce(&(dyn Fn(u64, Blob<'_>) + Sync), &(dyn Fn(Error) + Sync)) -> Result<()>,
    ) -> Result<(Collected, Vec<(u64, Vec<Occurrence>)>)> {
        let pipe = self.pipeline();
        let collected = Mutex::new((Collected::default(), Vec::new()));
        let visit = |key: u64, blob: Blob<'_>| {
            let mut o = pipe.process(&blob);
            tick(o.occurrences.len());
            if !o.is_empty() {
                let occurrences = std::mem::take(&mut o.occurrences);
                let mut guard = collected.lock().expect("no panics while holding the lock");
                guard.0.absorb(o);
                if !occurrences.is_empty() {
                    guard.1.push((key, occurrences));
                }
            }
        };
        let on_error = |e: Error| {
            collected
                .lock()
                .expect("no panics while holding the lock")
                .0
                .errors
                .push(e)
        };
        source(&visit, &on_error)?;
        Ok(collected
            .into_inner()
            .expect("no panics while holding the lock"))
    }

    /// Suppresses, dedups and orders the occurrences (callers sort first when
    /// order matters, as history does by commit); fills the summary.
    pub fn findings(
        &self,
        mode: &str,
        mut c: Collected,
        stats: &Stats,
        sorted: bool,
    ) -> (Vec<Finding>, Summary, Vec<Error>) {
        if !sorted {
            c.occurrences.sort_by(|a, b| {
                (
                    &a.location.path,
                    a.location.line,
                    a.location.column,
                    &a.rule_id,
                )
                    .cmp(&(
                        &b.location.path,
                        b.location.line,
                        b.location.column,
                        &b.rule_id,
                    ))
            });
        }
        let saw_commits = c.occurrences.iter().any(|o| o.location.commit.is_some());
        let (mut by_allowlist, mut by_baseline) = (0u64, 0u64);
        if !self.allowlists.is_empty() || self.baseline.is_some() {
            c.occurrences.retain(|o| {
                let rel = self.paths.relative(mode, &o.location.path);
                let mut forms: Vec<&str> = vec![&o.location.path];
                forms.extend(rel.as_deref());
                let commit = o.location.commit.as_ref().map(|c| c.id.as_str());
                if self
                    .allowlists
                    .allows(&o.rule_id, &forms, &o.secret, commit)
                {
                    by_allowlist += 1;
                    return false;
                }
                if self
                    .baseline
                    .as_ref()
                    .is_some_and(|b| b.matches(&o.rule_id, &forms, &o.secret))
                {
                    by_baseline += 1;
                    return false;
                }
                true
            });
        }
        let findings = dedup(c.occurrences);
        let mut summary = Summary {
            mode: mode.to_string(),
            stats: stats.snapshot(),
            rules: self.engine.rules().len(),
            errors: c.errors.len() as u64,
            ..Summary::default()
        };
        for (kind, n) in [
            (Suppression::Inline, c.inline_suppressed),
            (Suppression::Allowlist, by_allowlist),
            (Suppression::Baseline, by_baseline),
        ] {
            if n > 0 {
                summary.suppressed.insert(kind, n);
            }
        }
        if self.common.report_unused {
            summary.unused = self.allowlists.unused(saw_commits);
            summary
                .unused
                .extend(self.baseline.iter().flat_map(Baseline::unused));
        }
        summary.below_threshold = c.below_threshold;
        summary.invalid_checksum = c.invalid_checksum;
        summary.warnings = c.warnings;
        (findings, summary, c.errors)
    }

    /// Writes the report and decides the exit code.
    pub fn report(
        &self,
        findings: &[Finding],
        mut summary: Summary,
        errors: Vec<Error>,
    ) -> Result<RunOutcome> {
        summary.duration_ms = self.started.elapsed().as_millis() as u64;
        let meta = rule_meta(&self.engine);
        let common = &self.common;
        let color = match common.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                common.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        };
        let report = Report {
            findings,
            rules: &meta,
            summary: &summary,
            show_secrets: common.show_secrets,
            color,
        };
        emit(common.format, &report, common.output.as_ref())?;
        // `--report FORMAT=FILE`: the same findings in more formats, never coloured.
        let plain = Report {
            color: false,
            ..report
        };
        for (format, path) in &common.report {
            emit(*format, &plain, Some(path))?;
        }
        let code = if !findings.is_empty() {
            1
        } else if !errors.is_empty() {
            2
        } else {
            0
        };
        Ok(RunOutcome { code, errors })
    }
}

/// The config that applies: none with `--no-config`; `--config FILE` (or
/// `STANCH_CONFIG`), which must exist; else `.stanch.toml` where discovered.
fn load_config(common: &CommonArgs, root: &Path) -> Result<Option<Loaded>> {
    find_config(common.config.as_deref(), common.no_config, root)
}

/// The config a run uses: `--config`, else `STANCH_CONFIG`, else the one
/// discovered at `root`; none with `--no-config`.
pub(crate) fn find_config(
    config: Option<&Path>,
    no_config: bool,
    root: &Path,
) -> Result<Option<Loaded>> {
    if no_config {
        return Ok(None);
    }
    let explicit = config.map(Path::to_path_buf).or_else(|| {
        std::env::var_os("STANCH_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    match explicit.or_else(|| config::discover(root)) {
        Some(p) => config::load(&p).map(Some),
        None => Ok(None),
    }
}

fn config_name(loaded: &Option<Loaded>) -> String {
    loaded.as_ref().map_or_else(
        || config::FILE_NAME.to_string(),
        |l| l.path.display().to_string(),
    )
}

/// Reads and parses a baseline file.
pub(crate) fn read_baseline(path: &Path) -> Result<Document> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Document::parse(&text).map_err(|message| Error::Baseline {
        file: path.display().to_string(),
        message,
    })
}

fn rule_meta(engine: &Engine) -> HashMap<String, RuleMeta> {
    engine
        .rules()
        .iter()
        .map(|r| {
            let s = &r.spec;
            (
                s.id.clone(),
                RuleMeta {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    remediation: s.remediation.clone(),
                    confidence: s.confidence,
                },
            )
        })
        .collect()
}

fn emit(format: Format, report: &Report<'_>, output: Option<&PathBuf>) -> Result<()> {
    match output {
        Some(path) => {
            let io = |source| Error::Io {
                path: path.clone(),
                source,
            };
            let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
            report::write(format, report, &mut f).map_err(io)?;
            f.flush().map_err(io)
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let r = report::write(format, report, &mut out).and_then(|_| out.flush());
            match r {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|source| Error::Io {
                    path: PathBuf::from("<stdout>"),
                    source,
                }),
            }
        }
    }
}
