//! `stanch audit`: the tree's secrets, as `scan` finds them, and the
//! checklist of secret-handling practices (`crate::practice`). One walk: a
//! sink in front of the scan's collector runs the per-file practice checks
//! on each file as it passes; what needs the whole tree (git's view of
//! secret files, the engine's verdict on templates, values shared between
//! environments, the protection in place) is settled after it.
use super::{Plan, RunOutcome};
use crate::blob::{Blob, LineIndex, Origin};
use crate::cli::{AuditRepoArgs, FailOn};
use crate::error::{Error, Result};
use crate::practice::{self, repo, Audit, Hit, RepoFacts, Severity};
use crate::report::checklist::{Checklist, ChecklistItem, ItemStatus, PracticeFinding};
use crate::report::Mode;
use crate::sources::fs as fsrc;
use crate::sources::{BlobSink, Skip};
use crate::suppress::inline::Directives;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

/// Runs the audit of `args.path`.
pub(crate) fn audit(args: AuditRepoArgs) -> Result<RunOutcome> {
    let root = args.path.clone();
    if !root.is_dir() {
        return Err(Error::Usage(format!("{}: not a directory", root.display())));
    }
    let plan = Plan::prepare(&args.common, &root)?;
    let mut exclude = plan.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let opts = fsrc::WalkOptions {
        paths: vec![root.clone()],
        respect_ignore: true,
        exclude,
        threads: plan.threads(),
        follow: false,
    };
    let state = Mutex::new(Walked::default());
    let collected = plan.collect(|sink| {
        let tee = Tee {
            inner: sink,
            look: |blob: &Blob<'_>| look(&state, blob),
        };
        fsrc::walk(&opts, plan.policy(), &tee)
    })?;
    let (findings, mut summary, errors) = plan.findings(Mode::Audit, collected);
    summary.base = root.is_absolute().then(|| root.clone());
    let walked = state.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut audit = walked.audit;
    for (path, bytes) in walked.templates {
        audit.add_hits(&path, template_hits(&plan, &path, &bytes));
    }
    let facts = repo_facts(&root, &walked.secret_files);
    let hits = audit.finish(&facts);
    let checklist = checklist(&plan, hits);
    let code = {
        let secrets = !findings.is_empty() && args.fail_on != FailOn::Practices;
        let practices = checklist.failed() > 0 && args.fail_on != FailOn::Secrets;
        if secrets || practices {
            1
        } else if !errors.is_empty() {
            2
        } else {
            0
        }
    };
    plan.write_reports(&findings, summary, Some(&checklist))?;
    Ok(RunOutcome { code, errors })
}

/// What the walk gathers beside the scan.
#[derive(Default)]
struct Walked {
    audit: Audit,
    /// Templates (`.env.example`), kept for the engine's verdict.
    templates: Vec<(String, Vec<u8>)>,
    /// Secret files the walk saw (so neither ignored nor excluded), and
    /// whether each holds a private key.
    secret_files: Vec<(String, bool)>,
}

/// A sink that shows every blob to `look` before passing it on to the
/// scan's collector (`audit` and `staged` run the practice checks there).
pub(super) struct Tee<'a, F> {
    pub(super) inner: &'a dyn BlobSink,
    pub(super) look: F,
}

impl<F: Fn(&Blob<'_>) + Sync> BlobSink for Tee<'_, F> {
    fn blob(&self, blob: Blob<'_>) {
        (self.look)(&blob);
        self.inner.blob(blob);
    }
    fn skipped(&self, reason: Skip, n: u64) {
        self.inner.skipped(reason, n);
    }
    fn error(&self, error: Error) {
        self.inner.error(error);
    }
    fn warning(&self, message: String) {
        self.inner.warning(message);
    }
    fn expanded(&self, archives: u64, members: u64) {
        self.inner.expanded(archives, members);
    }
}

/// The practice checks of a file on disk (not of an archive's members or
/// decoded layers), and what the whole-tree checks need from it.
fn look(state: &Mutex<Walked>, blob: &Blob<'_>) {
    if !blob.origin.layers.is_empty() {
        return;
    }
    let path = blob.origin.path.to_string();
    let bytes: &[u8] = &blob.bytes;
    let report = checked(&path, bytes);
    let template = repo::template_target(&path).is_some() && bytes.len() <= 1 << 20;
    // A test's key pair is a fixture, not a leak.
    let secret_file = repo::secret_file(&path)
        .filter(|needs_key| !(*needs_key && crate::engine::structured::test_path(&path)))
        .map(|needs_key| !needs_key || has_private_key(bytes));
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    s.audit.add(&path, report);
    if template {
        s.templates.push((path.clone(), bytes.to_vec()));
    }
    if let Some(key) = secret_file {
        s.secret_files.push((path, key));
    }
}

/// The per-file practice checks of one file, less what its inline allow
/// comments (`stanch:allow practice-…`) silence.
pub(super) fn checked(path: &str, bytes: &[u8]) -> practice::FileReport {
    let mut report = practice::content(path, bytes);
    if !report.hits.is_empty() {
        let lines = LineIndex::new(bytes);
        let directives = Directives::parse(bytes, &lines);
        report
            .hits
            .retain(|h| h.line == 0 || !directives.allows(bytes, &lines, h.rule, h.line, h.line));
    }
    report
}

/// The practice findings of a checklist-less run (`staged`), as warnings:
/// those the config leaves on, one line each.
pub(super) fn as_warnings(plan: &Plan, hits: &[(String, Hit)]) -> (Vec<String>, bool) {
    let mut fail = false;
    let mut out = Vec::new();
    for (path, h) in hits {
        let Some(p) = practice::practice(h.rule) else {
            continue;
        };
        if plan.disabled_practices.iter().any(|d| d == h.rule) || plan.allows_practice(h.rule, path)
        {
            continue;
        }
        fail |= p.severity == Severity::Fail;
        out.push(format!(
            "{path}:{}:{}: {} [{}]",
            h.line, h.column, h.message, h.rule
        ));
    }
    (out, fail)
}

fn has_private_key(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"PRIVATE KEY").is_some()
}

/// The engine's verdict on a template, judged as the file it stands for
/// (`.env.example` as `.env`): a real-looking secret in it fails item 2.
fn template_hits(plan: &Plan, path: &str, bytes: &[u8]) -> Vec<Hit> {
    let Some(target) = repo::template_target(path) else {
        return Vec::new();
    };
    let Ok(c) = plan.collect(|sink| {
        sink.blob(Blob::new(bytes, Origin::path(&target)));
        Ok(())
    }) else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    c.occurrences
        .iter()
        .filter(|o| o.location.line > 0 && seen.insert(o.location.line))
        .map(|o| {
            practice::template_hit(
                o.location.line,
                o.location.column,
                &plan.rule_name(&o.rule_id),
                &o.secret.redacted(),
            )
        })
        .collect()
}

/// What git says about the secret files: tracked ones (in the index, even
/// when ignored since), and the walked ones git does not track (the walk
/// honours the ignore rules, so those are present and not ignored).
fn repo_facts(root: &Path, walked: &[(String, bool)]) -> RepoFacts {
    let mut facts = RepoFacts::default();
    // Outside a repository nothing is committed or ignored: item 1 has
    // nothing to judge.
    let Ok(repo) = git2::Repository::discover(root) else {
        return facts;
    };
    let (Some(workdir), Ok(index)) = (repo.workdir(), repo.index()) else {
        return facts;
    };
    let (Ok(workdir), Ok(abs_root)) = (workdir.canonicalize(), root.canonicalize()) else {
        return facts;
    };
    let Ok(prefix) = abs_root.strip_prefix(&workdir) else {
        return facts;
    };
    let prefix = prefix.to_string_lossy().replace('\\', "/");
    // A tracked path as the walk would show it.
    let shown = |rel: &str| -> Option<String> {
        let under = if prefix.is_empty() {
            rel
        } else {
            rel.strip_prefix(&format!("{prefix}/"))?
        };
        Some(if root == Path::new(".") {
            under.to_string()
        } else {
            root.join(under).to_string_lossy().into_owned()
        })
    };
    let mut tracked = std::collections::HashSet::new();
    for e in index.iter() {
        let rel = String::from_utf8_lossy(&e.path).into_owned();
        let Some(path) = shown(&rel) else { continue };
        if let Some(needs_key) = repo::secret_file(&path)
            .filter(|needs_key| !(*needs_key && crate::engine::structured::test_path(&path)))
        {
            let key = !needs_key
                || std::fs::read(workdir.join(&rel))
                    .ok()
                    .or_else(|| repo.find_blob(e.id).ok().map(|b| b.content().to_vec()))
                    .is_some_and(|b| has_private_key(&b));
            facts.tracked_secret_files.push((path.clone(), key));
        }
        tracked.insert(path);
    }
    // The walk honours the ignore files under the root; git also ignores
    // what a rule above the root covers (an audit of an ignored folder).
    let ignored = |shown: &str| -> bool {
        let under = if root == Path::new(".") {
            Some(Path::new(shown))
        } else {
            Path::new(shown).strip_prefix(root).ok()
        };
        under.is_some_and(|u| {
            let rel = if prefix.is_empty() {
                u.to_path_buf()
            } else {
                Path::new(&prefix).join(u)
            };
            repo.is_path_ignored(&rel).unwrap_or(false)
        })
    };
    facts.unignored_secret_files = walked
        .iter()
        .filter(|(p, _)| !tracked.contains(p) && !ignored(p))
        .cloned()
        .collect();
    let hook = repo.path().join("hooks/pre-commit");
    facts.git_hook = std::fs::read(hook).is_ok_and(|b| {
        let text = String::from_utf8_lossy(&b).to_ascii_lowercase();
        repo::protection(".pre-commit-config.yaml", &text).precommit
    });
    facts
}

/// The checklist: the hits that survive the config (disabled checks,
/// allowlisted paths), item by item.
fn checklist(plan: &Plan, hits: BTreeMap<String, Vec<Hit>>) -> Checklist {
    let mut by_item: BTreeMap<u8, Vec<PracticeFinding>> = BTreeMap::new();
    for (path, hits) in hits {
        for h in hits {
            let Some(p) = practice::practice(h.rule) else {
                continue;
            };
            if plan.disabled_practices.iter().any(|d| d == h.rule)
                || plan.allows_practice(h.rule, &path)
            {
                continue;
            }
            by_item.entry(p.item).or_default().push(PracticeFinding {
                rule_id: p.id.clone(),
                name: p.name.clone(),
                severity: match p.severity {
                    Severity::Fail => "fail",
                    Severity::Warn => "warn",
                    Severity::Hint => "hint",
                },
                path: path.clone(),
                line: h.line,
                column: h.column,
                message: h.message,
                remediation: p.remediation.clone(),
            });
        }
    }
    let items = practice::ITEMS
        .iter()
        .map(|&(item, title)| {
            let findings = by_item.remove(&item).unwrap_or_default();
            let status = if findings.iter().any(|f| f.severity == "fail") {
                ItemStatus::Fail
            } else if findings.iter().any(|f| f.severity == "warn") {
                ItemStatus::Warn
            } else if findings.is_empty() {
                ItemStatus::Pass
            } else {
                ItemStatus::Hint
            };
            ChecklistItem {
                item,
                title: title.to_string(),
                status,
                findings,
            }
        })
        .collect();
    Checklist { items }
}
