//! Literals a path regex's every match must contain, so that one automaton
//! over them decides which path rules a path can match at all.
//!
//! Parsing and literal extraction are too slow to repeat at every start-up
//! of a pre-commit hook, so the build script runs this same file over the
//! built-in path rules and embeds the result (`rules::builtin_needles`); only configured path rules pay at run time.

/// The suffix literals (lower-cased) one of which every match of `src` must
/// contain, when regex-syntax finds a finite set of non-empty ones.
pub fn needles(src: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(src)
        .ok()?;
    let seq = Extractor::new().kind(ExtractKind::Suffix).extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    let mut out: Vec<Vec<u8>> = lits
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    out.sort();
    out.dedup();
    Some(out)
}
