//! Git sources, read with `git2` (never by running `git`): the staged diff
//! (`staged`) and every blob that history introduced (`history`), plus the
//! read order that makes history fast (`pack_order`). Like every source they
//! yield blobs with provenance and know nothing of rules or findings.
pub mod history;
pub mod pack_order;
pub mod staged;

use crate::error::{Error, Result};
use crate::finding::CommitInfo;
use git2::{Oid, Repository, Time};
use std::path::Path;

/// Opens the repository containing `path` (a work tree, any directory inside
/// one, or a bare repository).
pub fn open(path: &Path) -> Result<Repository> {
    if !path.exists() {
        return Err(Error::Usage(format!(
            "{}: no such file or directory",
            path.display()
        )));
    }
    Repository::discover(path).map_err(|e| match e.code() {
        git2::ErrorCode::NotFound => {
            Error::Usage(format!("{}: not inside a git repository", path.display()))
        }
        _ => Error::Git(format!("{}: {}", path.display(), e.message())),
    })
}

/// `HEAD`'s commit, or `None` while `HEAD` is unborn (no commit yet). A
/// `HEAD` whose commit cannot be read is an error, not an empty history.
pub fn head_commit(repo: &Repository) -> Result<Option<git2::Commit<'_>>> {
    match repo.head() {
        Ok(head) => Ok(Some(head.peel_to_commit()?)),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The blobs of `HEAD`'s tree, as (path bytes, id), symbolic links left out.
/// Empty while `HEAD` is unborn.
pub fn head_blobs(repo: &Repository) -> Result<Vec<(Vec<u8>, Oid)>> {
    let mut out = Vec::new();
    let Some(commit) = head_commit(repo)? else {
        return Ok(out);
    };
    // Not `Tree::walk`: git2 hands its callback the directory as `&str`, and
    // a directory whose name is not UTF-8 fails the whole walk.
    let mut trees = vec![(Vec::new(), commit.tree()?)];
    while let Some((dir, tree)) = trees.pop() {
        for entry in tree.iter() {
            let mut p = dir.clone();
            p.extend_from_slice(entry.name_bytes());
            match entry.kind() {
                Some(git2::ObjectType::Blob) if entry.filemode() != 0o120000 => {
                    out.push((p, entry.id()));
                }
                Some(git2::ObjectType::Tree) => {
                    p.push(b'/');
                    trees.push((p, repo.find_tree(entry.id())?));
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// Which of some byte strings (secrets) occur, byte for byte, in the blobs
/// shown to it. Each searcher is built once, not once per blob.
pub struct Needles<'n> {
    finders: Vec<memchr::memmem::Finder<'n>>,
    found: Vec<bool>,
    left: usize,
}

impl<'n> Needles<'n> {
    /// Searchers for `needles`, none found yet.
    pub fn new(needles: impl IntoIterator<Item = &'n [u8]>) -> Self {
        let finders: Vec<_> = needles
            .into_iter()
            .map(memchr::memmem::Finder::new)
            .collect();
        let n = finders.len();
        Needles {
            finders,
            found: vec![false; n],
            left: n,
        }
    }

    /// Looks in `bytes` for the needles not found yet; true once all are found.
    pub fn look_in(&mut self, bytes: &[u8]) -> bool {
        for (f, finder) in self.found.iter_mut().zip(&self.finders) {
            if !*f && finder.find(bytes).is_some() {
                *f = true;
                self.left -= 1;
            }
        }
        self.left == 0
    }

    /// For each needle, in order, whether it was found.
    pub fn found(&self) -> &[bool] {
        &self.found
    }
}

/// A path from a tree or the index as shown in findings: forward slashes,
/// invalid UTF-8 replaced (git paths are bytes; findings are text).
pub fn path_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What a finding says of the commit that introduced it, the `order`-th of
/// the scan's commits.
pub fn commit_info(commit: &git2::Commit<'_>, order: u32) -> CommitInfo {
    let author = commit.author();
    CommitInfo {
        order,
        id: commit.id().to_string(),
        author_name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
        author_email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        date: rfc3339(author.when()),
        summary: commit
            .summary_bytes()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default(),
    }
}

/// A git time (seconds since the epoch and the author's UTC offset) in RFC 3339.
pub fn rfc3339(t: Time) -> String {
    let off = i64::from(t.offset_minutes());
    let local = t.seconds() + off * 60;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if off == 0 {
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
    } else {
        let sign = if off < 0 { '-' } else { '+' };
        format!(
            "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{sign}{:02}:{:02}",
            off.abs() / 60,
            off.abs() % 60
        )
    }
}

/// Parses a `--since`/`--until` date: `YYYY-MM-DD` (midnight UTC),
/// `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or `±HH:MM`, or `@SECONDS`.
/// Returns seconds since the epoch.
pub fn parse_date(s: &str) -> Result<i64> {
    let bad = || {
        Error::Usage(format!(
            "{s:?} is not a date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS[Z|+HH:MM] or @SECONDS)"
        ))
    };
    let t = s.trim();
    if let Some(secs) = t.strip_prefix('@') {
        return secs.parse().map_err(|_| bad());
    }
    let num = |a: &str| -> Result<i64> {
        if a.is_empty() || !a.bytes().all(|b| b.is_ascii_digit()) {
            Err(bad())
        } else {
            a.parse().map_err(|_| bad())
        }
    };
    let (date, rest) = match t.find(['T', ' ']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(bad());
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(rest) = rest {
        let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
            (c, 0)
        } else if let Some(i) = rest.rfind(['+', '-']) {
            let (c, o) = rest.split_at(i);
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
            (c, sign * (num(oh)? * 3600 + num(om)? * 60))
        } else {
            (rest, 0)
        };
        let hms: Vec<&str> = clock.split(':').collect();
        if hms.len() < 2 || hms.len() > 3 {
            return Err(bad());
        }
        let (h, mi) = (num(hms[0])?, num(hms[1])?);
        let sec = if hms.len() == 3 { num(hms[2])? } else { 0 };
        if h > 23 || mi > 59 || sec > 60 {
            return Err(bad());
        }
        secs += h * 3600 + mi * 60 + sec - offset;
    }
    Ok(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_across_blobs_and_report_when_all_are() {
        let mut n = Needles::new([&b"ghp_one"[..], b"AKIA_two", b"absent"]);
        assert!(!n.look_in(b"x = ghp_one\n"));
        assert_eq!(n.found(), [true, false, false]);
        assert!(!n.look_in(b"k = AKIA_two ghp_one"));
        assert_eq!(n.found(), [true, true, false]);
        assert!(n.look_in(b"absent"));
        assert_eq!(n.found(), [true, true, true]);
    }

    #[test]
    fn dates_round_trip() {
        assert_eq!(parse_date("1970-01-01").unwrap(), 0);
        assert_eq!(parse_date("2024-02-29T12:30:00Z").unwrap(), 1_709_209_800);
        assert_eq!(
            parse_date("2024-02-29T14:30:00+02:00").unwrap(),
            1_709_209_800
        );
        assert_eq!(parse_date("@1709209800").unwrap(), 1_709_209_800);
        assert_eq!(rfc3339(Time::new(1_709_209_800, 0)), "2024-02-29T12:30:00Z");
        assert_eq!(
            rfc3339(Time::new(1_709_209_800, -90)),
            "2024-02-29T11:00:00-01:30"
        );
        for bad in ["yesterday", "2024-13-01", "2024-01-01T25:00", "2024-1", ""] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
