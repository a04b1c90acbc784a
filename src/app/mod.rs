//! Turns the command line (and the config) into a plan — a source, an engine,
//! suppressors and a reporter — and runs it. The only module that imports all
//! the others. Each command lives in its own file; they share `Plan`.
mod audit;
mod baseline;
mod docs;
mod history;
mod install_hook;
mod interrupt;
pub(crate) mod pipeline;
mod progress;
mod rules_cmd;
mod scan;
mod staged;

use crate::blob::{Blob, Layer, Origin};
use crate::cli::{Cli, Color, Command, CommonArgs};
use crate::config::{self, Loaded};
use crate::engine::{Engine, DEFAULT_MIN_CONFIDENCE};
use crate::error::{Error, Result};
use crate::finding::{dedup, fingerprint, Finding, Occurrence, Suppression};
use crate::report::{self, Format, Mode, Report, RuleMeta, Summary};
use crate::rules;
use crate::sources::archive::{self, ArchiveLimits};
use crate::sources::{BlobSink, Policy, Skip, Stats, StatsSnapshot};
use crate::suppress::allowlist::{Allowlist, Allowlists};
use crate::suppress::baseline::{Baseline, Document};
use pipeline::Pipeline;
use std::collections::{HashMap, HashSet};
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
    interrupt::install();
    match cli.command {
        Command::Scan(args) => scan::scan(args),
        Command::Audit(args) => audit::audit(args),
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
    /// Fingerprints of what was found in a blob that `HEAD` holds at that path.
    pub in_head: HashSet<String>,
    pub stats: StatsSnapshot,
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

/// The sink every command's source pushes into: it counts, scans each blob
/// through the pipeline, attributes what a history blob holds to every
/// commit that introduced it, and collects.
struct Collector<'p> {
    pipe: Pipeline<'p>,
    stats: Stats,
    out: Mutex<Collected>,
    tick: &'p (dyn Fn(usize) + Sync),
}

impl Collector<'_> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Collected> {
        self.out.lock().expect("no panics while holding the lock")
    }

    fn keep(
        &self,
        mut o: pipeline::Outcome,
        attribute: impl FnOnce(Vec<Occurrence>, &mut Collected),
    ) {
        (self.tick)(o.occurrences.len());
        if o.is_empty() {
            return;
        }
        let occurrences = std::mem::take(&mut o.occurrences);
        let mut out = self.lock();
        out.absorb(o);
        attribute(occurrences, &mut out);
    }
}

impl BlobSink for Collector<'_> {
    fn blob(&self, blob: Blob<'_>) {
        self.stats.scanned(blob.bytes.len());
        let Some(appearances) = &blob.appearances else {
            let o = self.pipe.process(&blob);
            return self.keep(o, |occ, out| out.occurrences.extend(occ));
        };
        for place in &appearances.paths {
            let one = Blob::new(
                &blob.bytes[..],
                Origin {
                    path: place.path.clone(),
                    path_bytes: place.path_bytes.clone(),
                    ..blob.origin.clone()
                },
            );
            let o = self.pipe.process(&one);
            self.keep(o, |occ, out| {
                for o in occ {
                    if place.in_head {
                        out.in_head.insert(fingerprint(&o.rule_id, &o.secret));
                    }
                    for &order in &place.commits {
                        match appearances.commits.info(order) {
                            Ok(info) => {
                                let mut o = o.clone();
                                o.location.commit = Some(info);
                                out.occurrences.push(o);
                            }
                            Err(e) => out.errors.push(e),
                        }
                    }
                }
            });
        }
    }

    fn skipped(&self, reason: Skip, n: u64) {
        self.stats.skipped(reason, n);
    }

    fn error(&self, error: Error) {
        self.lock().errors.push(error);
    }

    fn warning(&self, message: String) {
        self.lock().warnings.push(message);
    }

    fn expanded(&self, archives: u64, members: u64) {
        self.stats.expanded(archives, members);
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
    /// How archives are expanded (`None`: not at all).
    pub archives: Option<ArchiveLimits>,
    pub started: Instant,
    /// Globs (gitignore syntax) from the config that `scan` does not read.
    pub exclude: Vec<String>,
    /// The baseline file named by `--baseline` or the config (loaded or not).
    pub baseline_path: Option<PathBuf>,
    /// Practice checks the config turns off (`disable = ["practice-…"]`).
    pub disabled_practices: Vec<String>,
    /// Whether a failed practice check fails `staged` (config `fail_on_practices`).
    pub fail_on_practices: bool,
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
    fn relative(&self, mode: Mode, p: &str) -> Option<String> {
        if !matches!(mode, Mode::Scan | Mode::Audit) {
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
    fn stored(&self, mode: Mode, p: &str) -> String {
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
        let engine = engine_for(&loaded)?;
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
            .map(|c| c.rule.iter().map(|r| &*r.id).collect())
            .unwrap_or_default();
        let mut per_rule = Vec::new();
        for r in engine.rules() {
            if let Some(a) = &r.spec.allowlist {
                let user = user_rules.contains(&*r.spec.id);
                let list = Allowlist::new(&format!("rule {}: allowlist", r.spec.id), a, user)
                    .map_err(|b| Error::Rule {
                        file: if user {
                            config_name(&loaded)
                        } else {
                            "rules".into()
                        },
                        rule: r.spec.id.to_string(),
                        message: b.message,
                    })?;
                per_rule.push((r.spec.id.to_string(), list));
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
        let mut engine = engine;
        engine.set_threads(threads(common.threads));
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
            archives: archive_limits(&common, cfg),
            exclude: cfg.map(|c| c.exclude.clone()).unwrap_or_default(),
            fail_on_practices: cfg.is_some_and(|c| c.fail_on_practices),
            disabled_practices: cfg
                .map(|c| {
                    c.disable
                        .iter()
                        .filter(|id| id.starts_with("practice-"))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
            common,
            started,
            baseline_path,
            allowlists: Allowlists::new(global, per_rule),
            baseline,
            paths: PathForms::new(root),
        })
    }

    /// What every source skips.
    pub fn policy(&self) -> Policy {
        Policy {
            max_file_size: self.max_file_size,
            archives: self.archives,
        }
    }

    /// Worker threads the sources use: `-j`, else the config's `threads`,
    /// else one per core.
    pub fn threads(&self) -> usize {
        threads(self.common.threads)
    }

    fn pipeline(&self) -> Pipeline<'_> {
        Pipeline {
            engine: &self.engine,
            min_confidence: self.min_confidence,
            inline_allow: !self.common.no_inline_allow,
            show_secrets: self.common.show_secrets,
            decode_depth: self.common.decode_depth,
        }
    }

    /// Runs `source` into a sink that scans each blob (from any thread);
    /// returns what the blobs produced.
    pub fn collect(&self, source: impl FnOnce(&dyn BlobSink) -> Result<()>) -> Result<Collected> {
        self.collect_with(&|_| {}, source)
    }

    /// Like `collect`; `tick` gets each blob's occurrence count (for progress).
    pub fn collect_with(
        &self,
        tick: &(dyn Fn(usize) + Sync),
        source: impl FnOnce(&dyn BlobSink) -> Result<()>,
    ) -> Result<Collected> {
        let sink = Collector {
            pipe: self.pipeline(),
            stats: Stats::default(),
            out: Mutex::new(Collected::default()),
            tick,
        };
        source(&sink)?;
        let mut collected = sink
            .out
            .into_inner()
            .expect("no panics while holding the lock");
        collected.stats = sink.stats.snapshot();
        Ok(collected)
    }

    /// Orders the occurrences (oldest commit first, so that dedup makes the
    /// introducing commit primary), suppresses and dedups them; fills the summary.
    pub fn findings(&self, mode: Mode, mut c: Collected) -> (Vec<Finding>, Summary, Vec<Error>) {
        fn key(o: &Occurrence) -> (Option<u32>, &str, u32, u32, &[Layer], &str) {
            let l = &o.location;
            let order = l.commit.as_ref().map(|c| c.order);
            (order, &l.path, l.line, l.column, &l.layers, &o.rule_id)
        }
        c.occurrences.sort_by(|a, b| key(a).cmp(&key(b)));
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
            mode,
            stats: c.stats,
            threads: self.threads(),
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
        // A blob scanned twice (as written, and as a decoded layer) must
        // not say the same thing twice.
        let mut seen = HashSet::new();
        summary.warnings = c
            .warnings
            .into_iter()
            .filter(|w| seen.insert(w.clone()))
            .collect();
        (findings, summary, c.errors)
    }

    /// Whether the allowlists drop a practice finding at `path` (its paths
    /// and the check's id; practice findings hold no secret to match).
    pub fn allows_practice(&self, rule_id: &str, path: &str) -> bool {
        let rel = self.paths.relative(Mode::Audit, path);
        let mut forms: Vec<&str> = vec![path];
        forms.extend(rel.as_deref());
        self.allowlists.allows(
            rule_id,
            &forms,
            &crate::finding::Secret::new(String::new()),
            None,
        )
    }

    /// Writes the report in its format, and in every `--report` format.
    pub fn write_reports(
        &self,
        findings: &[Finding],
        mut summary: Summary,
        practices: Option<&report::checklist::Checklist>,
    ) -> Result<()> {
        summary.duration_ms = self.started.elapsed().as_millis() as u64;
        let meta = rule_meta(&self.engine, findings);
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
            practices,
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
        Ok(())
    }

    /// The name of a rule of the engine.
    pub fn rule_name(&self, id: &str) -> String {
        self.engine
            .rules()
            .iter()
            .find(|r| r.spec.id == id)
            .map_or_else(|| id.to_string(), |r| r.spec.name.to_string())
    }

    /// Writes the report and decides the exit code.
    pub fn report(
        &self,
        findings: &[Finding],
        summary: Summary,
        errors: Vec<Error>,
    ) -> Result<RunOutcome> {
        self.write_reports(findings, summary, None)?;
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

/// The archive bounds: flags first, then the config, then the defaults;
/// `--no-archives` or a depth of 0 turns expansion off.
fn archive_limits(common: &CommonArgs, cfg: Option<&config::Config>) -> Option<ArchiveLimits> {
    if common.no_archives {
        return None;
    }
    let depth = common
        .archive_depth
        .or(cfg.and_then(|c| c.archive_depth))
        .unwrap_or(archive::DEFAULT_DEPTH);
    let total = common
        .max_archive_size
        .or(cfg.and_then(|c| c.max_archive_size))
        .unwrap_or(archive::DEFAULT_MAX_TOTAL);
    (depth > 0).then(|| ArchiveLimits::new(depth, total))
}

/// Worker threads for a `-j`/`threads` setting: 0 or none means one per core.
fn threads(setting: Option<usize>) -> usize {
    match setting {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
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

/// The engine over the built-in rules and the config's; a rule it refuses
/// is named with the file it came from (the engine knows rules, not files).
pub(crate) fn engine_for(loaded: &Option<Loaded>) -> Result<Engine> {
    let specs = config::merge_rules(rules::builtin()?, loaded.as_ref())?;
    Engine::new(specs).map_err(|e| name_rule_file(e, loaded))
}

fn name_rule_file(e: Error, loaded: &Option<Loaded>) -> Error {
    match e {
        Error::Rule {
            file,
            rule,
            message,
        } if file.is_empty() => {
            let user = loaded
                .as_ref()
                .is_some_and(|l| l.config.rule.iter().any(|r| r.id == rule));
            Error::Rule {
                file: if user {
                    config_name(loaded)
                } else {
                    "the built-in rules".to_string()
                },
                rule,
                message,
            }
        }
        e => e,
    }
}

fn config_name(loaded: &Option<Loaded>) -> String {
    loaded.as_ref().map_or_else(
        || config::FILE_NAME.to_string(),
        |l| l.path.display().to_string(),
    )
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then
/// renames it over `path`: a reader (or a crash, or Ctrl-C) sees the old file
/// or the new one, never a truncated mix. A path that exists and is not a
/// regular file (`/dev/stdout`, a FIFO) is written in place.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, bytes).map_err(io);
    }
    let name = path
        .file_name()
        .ok_or_else(|| Error::Usage(format!("{}: not a file name", path.display())))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let _pending = interrupt::Pending::new(&tmp);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
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

/// The metadata of the rules the findings name: reporters look up no other,
/// and a clean run (a pre-commit hook's usual one) should not copy the names
/// and remediations of the whole catalog.
fn rule_meta(engine: &Engine, findings: &[Finding]) -> HashMap<String, RuleMeta> {
    let named: HashSet<&str> = findings.iter().map(|f| &*f.rule_id).collect();
    engine
        .rules()
        .iter()
        .filter(|r| named.contains(&*r.spec.id))
        .map(|r| {
            let s = &r.spec;
            (
                s.id.to_string(),
                RuleMeta {
                    id: s.id.to_string(),
                    name: s.name.to_string(),
                    remediation: s.remediation.to_string(),
                    confidence: s.confidence,
                },
            )
        })
        .collect()
}

fn emit(format: Format, report: &Report<'_>, output: Option<&PathBuf>) -> Result<()> {
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            report::write(format, report, &mut buf).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            write_atomic(path, &buf)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine error names the file of the rule it refuses.
    #[test]
    fn engine_errors_name_the_rule_file() {
        let e = Engine::new(vec![spec("x-dup"), spec("x-dup")]).unwrap_err();
        assert!(matches!(&e, Error::Rule { file, .. } if file.is_empty()));
        let loaded = Loaded {
            path: PathBuf::from("conf/.stanch.toml"),
            config: config::parse("c", "[[rule]]\nid = 'x-dup'\nname = 'x'\nkeywords = ['k']\nregex = 'k(x)'\nconfidence = 0.5\n").unwrap(),
        };
        let named = name_rule_file(e, &Some(loaded));
        assert_eq!(
            named.to_string(),
            "conf/.stanch.toml: rule x-dup: duplicate rule id"
        );
        let builtin = name_rule_file(
            Engine::new(vec![spec("y-dup"), spec("y-dup")]).unwrap_err(),
            &None,
        );
        assert_eq!(
            builtin.to_string(),
            "the built-in rules: rule y-dup: duplicate rule id"
        );
    }

    fn spec(id: &str) -> rules::RuleSpec {
        rules::RuleSpec {
            id: id.to_string().into(),
            name: id.to_string().into(),
            keywords: std::borrow::Cow::Borrowed(&[std::borrow::Cow::Borrowed("k")]),
            regex: Some("k(x)".into()),
            confidence: 0.5,
            ..serde_json::from_str(r#"{"id":"","name":"","confidence":0}"#).unwrap()
        }
    }
}
