//! `stanch rules`: list the catalog, check rule files.
use super::{find_config, RunOutcome};
use crate::catalog;
use crate::cli::{ListFormat, RulesAction, RulesArgs};
use crate::error::{Error, Result};
use crate::rules;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) fn rules_cmd(args: RulesArgs) -> Result<RunOutcome> {
    match args.action {
        Some(RulesAction::Check { files }) => {
            let mut texts = Vec::new();
            for f in &files {
                let text = std::fs::read_to_string(f).map_err(|source| Error::Io {
                    path: f.clone(),
                    source,
                })?;
                texts.push((f.display().to_string(), text));
            }
            let problems = catalog::lint_files(&texts, rules::builtin()?);
            let mut out = std::io::stdout().lock();
            for p in &problems {
                let _ = writeln!(out, "{p}");
            }
            let n: usize = texts
                .iter()
                .filter_map(|(n, t)| rules::parse_file(n, t).ok())
                .map(|r| r.len())
                .sum();
            if problems.is_empty() {
                let _ = writeln!(out, "{n} rules in {} file(s): ok", texts.len());
            } else {
                let _ = writeln!(
                    out,
                    "{} problem(s) in {} file(s)",
                    problems.len(),
                    texts.len()
                );
            }
            Ok(RunOutcome {
                code: if problems.is_empty() { 0 } else { 1 },
                errors: vec![],
            })
        }
        None => {
            // The rules a scan here would use: built-in, plus or minus the config's.
            let loaded = find_config(args.config.as_deref(), args.no_config, Path::new("."))?;
            let engine = super::engine_for(&loaded)?;
            let mut out = std::io::stdout().lock();
            let specs: Vec<&rules::RuleSpec> = engine.rules().iter().map(|r| &r.spec).collect();
            let r = match args.format {
                ListFormat::Json => serde_json::to_writer_pretty(&mut out, &specs)
                    .map_err(std::io::Error::from)
                    .and_then(|_| writeln!(out)),
                ListFormat::Text => specs.iter().try_for_each(|s| {
                    let what = if s.is_path_only() {
                        format!("path {}", s.path.as_deref().unwrap_or(""))
                    } else {
                        s.keywords.join(", ")
                    };
                    writeln!(
                        out,
                        "{:<40} {:.2}  {:<50} {}",
                        s.id, s.confidence, s.name, what
                    )
                }),
            };
            match r {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(Error::Io {
                        path: PathBuf::from("<stdout>"),
                        source: e,
                    })
                }
                _ => {}
            }
            Ok(RunOutcome {
                code: 0,
                errors: vec![],
            })
        }
    }
}
