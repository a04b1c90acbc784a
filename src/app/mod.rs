//! Turns the command line (and the config) into a plan — a source, an engine,
//! suppressors and a reporter — and runs it. The only module that imports all
//! the others. Each command lives in its own file; they share `Plan`.
mod pipeline;
mod rules_cmd;
mod scan;

use crate::blob::Blob;
use crate::cli::{Cli, Color, Command, CommonArgs};
use crate::engine::{Engine, DEFAULT_MIN_CONFIDENCE};
use crate::error::{Error, Result};
use crate::finding::{dedup, Finding, Occurrence, Suppression};
use crate::report::{self, Format, Report, RuleMeta, Summary};
use crate::rules;
use crate::sources::Stats;
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
    }
}

/// Everything collected from the blobs of one run.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub occurrences: Vec<Occurrence>,
    pub inline_suppressed: u64,
    pub below_threshold: u64,
    pub warnings: Vec<String>,
    pub errors: Vec<Error>,
}

impl Collected {
    fn absorb(&mut self, o: pipeline::Outcome) {
        self.occurrences.extend(o.occurrences);
        self.inline_suppressed += o.inline_suppressed;
        self.below_threshold += o.below_threshold;
        self.warnings.extend(o.warnings);
    }
}

pub(crate) fn load_engine() -> Result<Engine> {
    Engine::new(rules::builtin()?)
}

/// A prepared run shared by every scanning command: the engine and the
/// settings that decide what is reported and how.
pub(crate) struct Plan {
    pub engine: Engine,
    pub common: CommonArgs,
    pub min_confidence: f64,
    pub max_file_size: u64,
    pub started: Instant,
}

impl Plan {
    /// Loads the rules (and, where one is found, the config at `root`).
    pub fn prepare(common: &CommonArgs, _root: &Path) -> Result<Plan> {
        let started = Instant::now();
        let engine = load_engine()?;
        Ok(Plan {
            engine,
            min_confidence: common.min_confidence.unwrap_or(DEFAULT_MIN_CONFIDENCE),
            max_file_size: common.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            common: common.clone(),
            started,
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
        let pipe = self.pipeline();
        let collected = Mutex::new(Collected::default());
        let visit = |blob: Blob<'_>| {
            let o = pipe.process(&blob);
            if !o.occurrences.is_empty()
                || o.inline_suppressed > 0
                || o.below_threshold > 0
                || !o.warnings.is_empty()
            {
                collected
                    .lock()
                    .expect("no panics while holding the lock")
                    .absorb(o);
            }
        };
        let on_error = |e: Error| {
            collected
                .lock()
                .expect("no panics while holding the lock")
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
        let findings = dedup(c.occurrences);
        let mut summary = Summary {
            mode: mode.to_string(),
            stats: stats.snapshot(),
            rules: self.engine.rules().len(),
            errors: c.errors.len() as u64,
            ..Summary::default()
        };
        if c.inline_suppressed > 0 {
            summary
                .suppressed
                .insert(Suppression::Inline, c.inline_suppressed);
        }
        summary.below_threshold = c.below_threshold;
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
