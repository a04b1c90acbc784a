//! Literals a path regex's every match must contain, so that one automaton
//! over them decides which path rules a path can match at all.
//!
//! Parsing and literal extraction are too slow to repeat at every start-up
//! of a pre-commit hook, so the build script runs this same file over the
//! built-in path rules and embeds the result (`rules::builtin_needles`); only configured path rules pay at run time.

/// Literals (lower-cased) one of which every match of `src` must contain:
/// its suffix literals when regex-syntax finds a finite set of non-empty
/// ones, else the literals a part of it requires (`required`). `None` when
/// neither is found: the regex then runs on every path.
pub fn needles(src: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let parse = |src: &str| {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(src)
            .ok()
    };
    let hir = parse(src)?;
    let seq = Extractor::new().kind(ExtractKind::Suffix).extract(&hir);
    let suffixes = seq
        .literals()
        .filter(|lits| !lits.is_empty() && lits.iter().all(|l| !l.as_bytes().is_empty()))
        .map(|lits| lits.iter().map(|l| l.as_bytes().to_vec()).collect());
    // A file-name regex often ends in a class (`htpasswd[^/]*$`), which has
    // no suffix literals. The prefilter matches without regard to case, so a
    // literal the case-sensitive regex requires is required by `(?i)` too.
    let found = suffixes.or_else(|| required(&parse(src.strip_prefix("(?i)").unwrap_or(src))?))?;
    let mut out: Vec<Vec<u8>> = found.iter().map(|l| l.to_ascii_lowercase()).collect();
    out.sort();
    out.dedup();
    Some(out)
}

/// Literals one of which every match of `hir` contains: a literal itself; the
/// best set of any part of a concatenation (each part's match is inside the
/// whole's); every branch's set of an alternation; a group's or a
/// repetition's of at least one. Anything else (classes, anchors, optional
/// parts) requires nothing.
fn required(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(branches) => {
            let mut out = Vec::new();
            for b in branches {
                out.extend(required(b)?);
            }
            Some(out)
        }
        // The longest shortest literal wakes the regex least; then the fewest.
        HirKind::Concat(parts) => parts.iter().filter_map(required).max_by_key(|set| {
            let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        }),
        _ => None,
    }
    .filter(|set| !set.is_empty() && set.iter().all(|l| l.len() >= 3))
}
