//! `stanch baseline create|update|audit|import`: scans into baseline entries,
//! writes baseline files atomically, steps through audits, and converts other
//! tools' baselines (reading the scanned files, or git blobs, where a
//! gitleaks fingerprint must be turned into a secret hash).
use super::{read_baseline, scan, write_atomic, Plan, RunOutcome};
use crate::blob::{Blob, Origin};
use crate::cli::{AuditArgs, BaselineAction, BaselineArgs, ImportArgs, ImportFormat, ScanArgs};
use crate::error::{Error, Result};
use crate::finding::{Finding, Occurrence};
use crate::report::{Format, Mode};
use crate::suppress::baseline::{self as bl, AuditState, Document, Entry};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Where a baseline goes when neither `--output` nor the config says.
pub const DEFAULT_BASELINE: &str = ".stanch-baseline.json";

pub(crate) fn baseline_cmd(args: BaselineArgs) -> Result<RunOutcome> {
    match args.action {
        BaselineAction::Create(a) => create_or_update(a, false),
        BaselineAction::Update(a) => create_or_update(a, true),
        BaselineAction::Audit(a) => audit(a),
        BaselineAction::Import(a) => import(a),
    }
}

/// One entry per (rule, path, secret) of the findings; the first location
/// at each path gives the line and commit.
fn entries(plan: &Plan, mode: Mode, findings: &[Finding]) -> Vec<Entry> {
    let mut out = Vec::new();
    for f in findings {
        let mut at: BTreeMap<String, (u32, Option<String>)> = BTreeMap::new();
        for l in &f.locations {
            at.entry(plan.paths.stored(mode, &l.path))
                .or_insert_with(|| (l.line, l.commit.as_ref().map(|c| c.id.clone())));
        }
        for (path, (line, commit)) in at {
            let mut e = Entry::new(&f.rule_id, &path, &f.secret, line, commit.as_deref());
            // Lets `Document::updated` recognise entries imported as SHA-1; it drops the field.
            e.secret_sha1 = Some(bl::sha1_hex(&f.secret));
            out.push(e);
        }
    }
    out
}

/// The baseline file a command works on: `--baseline`, else the config's, else the default.
fn target(plan: &Plan) -> PathBuf {
    plan.baseline_path
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_BASELINE))
}

fn create_or_update(args: ScanArgs, update: bool) -> Result<RunOutcome> {
    let root = scan::scan_root(&args)?;
    let plan = Plan::prepare_with(&args.common, &root, false)?;
    let source = target(&plan);
    let old = if update {
        if !source.exists() {
            return Err(Error::Usage(format!(
                "{}: no baseline to update (run `stanch baseline create` first)",
                source.display()
            )));
        }
        Some(read_baseline(&source)?)
    } else {
        None
    };
    let (findings, summary, errors) = scan::run(&plan, &args)?;
    let found = entries(&plan, Mode::Scan, &findings);
    let out_path = args.common.output.clone().unwrap_or(source);
    let doc = match &old {
        Some(o) => o.updated(found),
        None => Document::default().updated(found),
    };
    write_atomic(&out_path, doc.render().as_bytes())?;
    let mut msg = format!(
        "{}: {} entr{} for {} finding{}",
        out_path.display(),
        doc.entries.len(),
        plural_y(doc.entries.len()),
        findings.len(),
        plural_s(findings.len())
    );
    if let Some(o) = &old {
        let kept = doc
            .entries
            .iter()
            .filter(|e| {
                o.entries
                    .iter()
                    .any(|x| x.fingerprint == e.fingerprint && x.path == e.path)
            })
            .count();
        msg.push_str(&format!(
            " ({} new, {} dropped)",
            doc.entries.len() - kept,
            o.entries.len().saturating_sub(kept)
        ));
    }
    let suppressed: u64 = summary.suppressed.values().sum();
    if suppressed > 0 {
        msg.push_str(&format!(
            "; {suppressed} suppressed by inline comments or allowlists"
        ));
    }
    say(&msg)?;
    for w in &summary.warnings {
        say(&format!("warning: {w}"))?;
    }
    Ok(RunOutcome {
        code: if errors.is_empty() { 0 } else { 2 },
        errors,
    })
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn plural_y(n: usize) -> &'static str {
    if n == 1 {
        "y"
    } else {
        "ies"
    }
}

fn say(line: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Scans one piece of content as `path` and returns its occurrences (inline
/// allow comments and the confidence threshold apply as in a scan).
fn scan_content(plan: &Plan, path: &str, bytes: Vec<u8>) -> Result<Vec<Occurrence>> {
    let c = plan.collect(|sink| {
        sink.blob(Blob::new(bytes, Origin::path(path)));
        Ok(())
    })?;
    Ok(c.occurrences)
}

fn audit(args: AuditArgs) -> Result<RunOutcome> {
    let plan = Plan::prepare_with(&args.common, &args.root, false)?;
    let path = target(&plan);
    let mut doc = read_baseline(&path)?;
    if !args.set.is_empty() {
        for s in &args.set {
            let (fp, state) = s
                .split_once('=')
                .ok_or_else(|| Error::Usage(format!("--set {s:?}: expected FINGERPRINT=STATE")))?;
            let state = AuditState::parse(state.trim()).ok_or_else(|| Error::Usage(format!("--set {s:?}: unknown state {:?} (unaudited, false-positive, accepted-risk, revoked)", state.trim())))?;
            let n = doc
                .set_state(fp, state)
                .map_err(|m| Error::Usage(format!("--set: {m}")))?;
            say(&format!(
                "{}: {n} entr{} set to {}",
                bl::short(fp.trim()),
                plural_y(n),
                state.as_str()
            ))?;
        }
        write_atomic(&path, doc.render().as_bytes())?;
        return Ok(RunOutcome {
            code: 0,
            errors: vec![],
        });
    }
    let interactive = !args.list
        && args.common.format == Format::Text
        && std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal();
    if interactive {
        return step_through(&plan, &args.root, &path, doc);
    }
    match args.common.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&doc.entries).map_err(|e| Error::Io {
                path: PathBuf::from("<stdout>"),
                source: e.into(),
            })?;
            say(&text)?;
        }
        Format::Text => {
            for e in &doc.entries {
                say(&listing(e))?;
            }
            let mut counts: BTreeMap<AuditState, usize> = BTreeMap::new();
            for e in &doc.entries {
                *counts.entry(e.state).or_default() += 1;
            }
            let parts: Vec<String> = counts
                .iter()
                .map(|(s, n)| format!("{n} {}", s.as_str()))
                .collect();
            say(&format!(
                "{} entr{}: {}",
                doc.entries.len(),
                plural_y(doc.entries.len()),
                if parts.is_empty() {
                    "none".into()
                } else {
                    parts.join(", ")
                }
            ))?;
        }
        // Reports of findings, not listings of baseline entries.
        other @ (Format::Sarif | Format::Junit | Format::Github) => {
            return Err(Error::Usage(format!(
                "baseline audit lists entries as text or json, not {}",
                format!("{other:?}").to_lowercase()
            )));
        }
    }
    Ok(RunOutcome {
        code: 0,
        errors: vec![],
    })
}

fn listing(e: &Entry) -> String {
    let mut s = format!(
        "{}  {:<14}  {:<28}  {}:{}",
        bl::short(&e.fingerprint),
        e.state.as_str(),
        e.rule_id.as_deref().unwrap_or("(any rule)"),
        e.path,
        e.line
    );
    if let Some(r) = &e.secret_redacted {
        s.push_str(&format!("  {r}"));
    }
    if let Some(c) = &e.commit {
        s.push_str(&format!("  commit {}", &c[..c.len().min(12)]));
    }
    s
}

/// The redacted line of an entry, found by scanning its file again.
fn redacted_line(plan: &Plan, root: &Path, e: &Entry) -> Option<String> {
    let bytes = std::fs::read(root.join(&e.path)).ok()?;
    let occ = scan_content(plan, &e.path, bytes).ok()?;
    occ.into_iter()
        .find(|o| {
            e.secret_sha256.as_deref() == Some(o.secret.sha256().as_str())
                || e.secret_sha1.as_deref() == Some(bl::sha1_hex(&o.secret).as_str())
        })
        .map(|o| format!("{:>5} │ {}", o.location.line, o.snippet))
}

/// Interactive audit: each unaudited entry with its redacted line, one key per decision.
fn step_through(plan: &Plan, root: &Path, path: &Path, mut doc: Document) -> Result<RunOutcome> {
    let todo: Vec<usize> = (0..doc.entries.len())
        .filter(|&i| doc.entries[i].state == AuditState::Unaudited)
        .collect();
    if todo.is_empty() {
        say("no unaudited entries")?;
        return Ok(RunOutcome {
            code: 0,
            errors: vec![],
        });
    }
    let stdin = std::io::stdin();
    let mut changed = 0;
    for (k, &i) in todo.iter().enumerate() {
        let e = &doc.entries[i];
        say(&format!("\n[{}/{}] {}", k + 1, todo.len(), listing(e)))?;
        say(&redacted_line(plan, root, e)
            .unwrap_or_else(|| "        (not found in the current files)".into()))?;
        let state = loop {
            print!("[f]alse positive, [a]ccepted risk, [r]evoked, [s]kip, [q]uit? ");
            let _ = std::io::stdout().flush();
            let mut answer = String::new();
            if stdin.lock().read_line(&mut answer).unwrap_or(0) == 0 {
                break None;
            }
            match answer.trim() {
                "f" => break Some(Some(AuditState::FalsePositive)),
                "a" => break Some(Some(AuditState::AcceptedRisk)),
                "r" => break Some(Some(AuditState::Revoked)),
                "s" | "" => break Some(None),
                "q" => break None,
                _ => continue,
            }
        };
        match state {
            None => break,
            Some(None) => {}
            Some(Some(s)) => {
                let fp = doc.entries[i].fingerprint.clone();
                for e in doc.entries.iter_mut().filter(|e| e.fingerprint == fp) {
                    e.state = s;
                }
                changed += 1;
            }
        }
    }
    if changed > 0 {
        write_atomic(path, doc.render().as_bytes())?;
    }
    say(&format!(
        "{changed} decision{} saved to {}",
        plural_s(changed),
        path.display()
    ))?;
    Ok(RunOutcome {
        code: 0,
        errors: vec![],
    })
}

fn import(args: ImportArgs) -> Result<RunOutcome> {
    let plan = Plan::prepare_with(&args.common, &args.root, false)?;
    let out_path = args.common.output.clone().unwrap_or_else(|| target(&plan));
    let text = std::fs::read_to_string(&args.file).map_err(|source| Error::Io {
        path: args.file.clone(),
        source,
    })?;
    let file = args.file.display().to_string();
    let (imported, unmapped) = match args.from {
        ImportFormat::DetectSecrets => (
            bl::from_detect_secrets(&text).map_err(|message| Error::Baseline {
                file: file.clone(),
                message,
            })?,
            Vec::new(),
        ),
        ImportFormat::Gitleaks => from_gitleaks(&plan, &args.root, &file, &text),
    };
    let mut doc = if out_path.exists() {
        read_baseline(&out_path)?
    } else {
        Document::default()
    };
    let before = doc.entries.len();
    doc.entries.extend(imported);
    doc.normalize();
    write_atomic(&out_path, doc.render().as_bytes())?;
    say(&format!(
        "{}: {} entr{} imported from {file} ({} in all)",
        out_path.display(),
        doc.entries.len() - before,
        plural_y(doc.entries.len() - before),
        doc.entries.len()
    ))?;
    for u in &unmapped {
        say(&format!("not imported: {u}"))?;
    }
    Ok(RunOutcome {
        code: 0,
        errors: vec![],
    })
}

/// gitleaks fingerprints carry no hash of the secret, so each is mapped by
/// scanning the line it names (in the working tree, or in the commit) and
/// hashing what stanch finds there. Returns the entries and what could not be mapped.
fn from_gitleaks(plan: &Plan, root: &Path, file: &str, text: &str) -> (Vec<Entry>, Vec<String>) {
    let (fps, bad) = bl::parse_gitleaksignore(text);
    let mut unmapped: Vec<String> = bad
        .into_iter()
        .map(|(l, t)| format!("{file}:{l}: not a gitleaks fingerprint: {t}"))
        .collect();
    let repo = fps
        .iter()
        .any(|f| f.commit.is_some())
        .then(|| git2::Repository::discover(root).ok())
        .flatten();
    let mut out = Vec::new();
    for f in fps {
        let at = format!("{file}:{}: {}:{} ({})", f.at, f.path, f.line, f.rule);
        let content = match &f.commit {
            None => std::fs::read(root.join(&f.path))
                .map_err(|e| format!("{at}: cannot read the file: {e}")),
            Some(c) => match &repo {
                None => Err(format!(
                    "{at}: no git repository at {} to read commit {c} from",
                    root.display()
                )),
                Some(r) => blob_at(r, c, &f.path).map_err(|m| format!("{at}: {m}")),
            },
        };
        let bytes = match content {
            Ok(b) => b,
            Err(m) => {
                unmapped.push(m);
                continue;
            }
        };
        let occ = scan_content(plan, &f.path, bytes).unwrap_or_default();
        let here: Vec<&Occurrence> = occ
            .iter()
            .filter(|o| {
                o.location.line <= f.line && f.line <= o.location.end_line.max(o.location.line)
            })
            .collect();
        if here.is_empty() {
            unmapped.push(format!("{at}: stanch finds no secret on that line"));
            continue;
        }
        for o in here {
            let mut e = Entry::new(
                &o.rule_id,
                &f.path,
                &o.secret,
                o.location.line,
                f.commit.as_deref(),
            );
            e.source = Some(format!("gitleaks: {}", f.rule));
            out.push(e);
        }
    }
    (out, unmapped)
}

/// The content of `path` in `commit`.
fn blob_at(
    repo: &git2::Repository,
    commit: &str,
    path: &str,
) -> std::result::Result<Vec<u8>, String> {
    let c = repo
        .revparse_single(commit)
        .and_then(|o| o.peel_to_commit())
        .map_err(|_| format!("commit {commit} is not in the repository"))?;
    let tree = c.tree().map_err(|e| e.message().to_string())?;
    let entry = tree
        .get_path(Path::new(path))
        .map_err(|_| format!("{path} is not in commit {commit}"))?;
    let blob = repo
        .find_blob(entry.id())
        .map_err(|_| format!("{path} in commit {commit} is not a file"))?;
    Ok(blob.content().to_vec())
}
