//! Inline allow comments: `stanch:allow` (optionally naming rule ids) on the
//! line, `stanch:allow-next-line` / `pragma: allowlist nextline secret` on the
//! line above, and `stanch:allow-start` … `stanch:allow-end` blocks. Other
//! tools' same-line annotations are honoured so that a team can switch tools
//! without re-annotating.
use crate::blob::LineIndex;
use memchr::memmem;

/// Same-line markers (compatibility with other scanners' annotations).
const SAME_LINE: &[&str] = &[
    "stanch:allow",
    "pragma: allowlist secret",
    "gitleaks:allow",
    "betterleaks:allow",
    "kingfisher:allow",
    "trufflehog:ignore",
];
/// Markers on the line above.
const NEXT_LINE: &[&str] = &[
    "stanch:allow-next-line",
    "pragma: allowlist nextline secret",
];
const BLOCK_START: &str = "stanch:allow-start";
const BLOCK_END: &str = "stanch:allow-end";

/// The allow directives of one blob, found lazily and only when a blob has candidates.
#[derive(Debug, Default)]
pub struct Directives {
    /// (first line, last line, rule ids or empty for all) of allow blocks.
    blocks: Vec<(u32, u32, Vec<String>)>,
    /// Lines where a block start has no end.
    pub unterminated: Vec<u32>,
}

/// The rule ids a directive names after its marker (empty: all rules).
fn named_rules(rest: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(rest);
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take_while(|w| {
            w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && w.contains('-')
        })
        .map(str::to_string)
        .collect()
}

/// If `line` holds one of `markers`, the rule ids it names (empty: all).
/// A marker must not run on into a longer word (`stanch:allow-start` is not `stanch:allow`).
fn directive(line: &[u8], markers: &[&str]) -> Option<Vec<String>> {
    for m in markers {
        let mut from = 0;
        while let Some(i) = memmem::find(&line[from..], m.as_bytes()) {
            let end = from + i + m.len();
            match line.get(end) {
                Some(b) if b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_' => from = end,
                _ => return Some(named_rules(&line[end..])),
            }
        }
    }
    None
}

fn allows(ids: &[String], rule_id: &str) -> bool {
    ids.is_empty() || ids.iter().any(|i| i == rule_id)
}

impl Directives {
    /// Finds the allow blocks of a blob.
    pub fn parse(bytes: &[u8], lines: &LineIndex<'_>) -> Self {
        let mut d = Directives::default();
        if memmem::find(bytes, BLOCK_START.as_bytes()).is_none() {
            return d;
        }
        let mut open: Option<(u32, Vec<String>)> = None;
        for i in memmem::find_iter(bytes, b"stanch:allow-") {
            let line = lines.line(i);
            let (s, e) = lines.line_range(line);
            let text = &bytes[s..e];
            if let Some(ids) = directive(text, &[BLOCK_START]) {
                if let Some((l, _)) = open.take() {
                    d.unterminated.push(l);
                }
                open = Some((line, ids));
            } else if directive(text, &[BLOCK_END]).is_some() {
                if let Some((l, ids)) = open.take() {
                    d.blocks.push((l, line, ids));
                }
            }
        }
        if let Some((l, _)) = open {
            d.unterminated.push(l);
        }
        d
    }

    /// Whether an occurrence of `rule_id` on lines `first..=last` is allowed.
    pub fn allows(
        &self,
        bytes: &[u8],
        lines: &LineIndex<'_>,
        rule_id: &str,
        first: u32,
        last: u32,
    ) -> bool {
        let text = |l: u32| {
            let (s, e) = lines.line_range(l);
            &bytes[s..e]
        };
        if (first..=last)
            .any(|l| directive(text(l), SAME_LINE).is_some_and(|ids| allows(&ids, rule_id)))
        {
            return true;
        }
        if first > 1
            && directive(text(first - 1), NEXT_LINE).is_some_and(|ids| allows(&ids, rule_id))
        {
            return true;
        }
        self.blocks
            .iter()
            .any(|(a, b, ids)| *a <= first && last <= *b && allows(ids, rule_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(text: &str, rule: &str, line: u32) -> bool {
        let idx = LineIndex::new(text.as_bytes());
        Directives::parse(text.as_bytes(), &idx).allows(text.as_bytes(), &idx, rule, line, line)
    }

    #[test]
    fn same_line_and_next_line() {
        assert!(allowed("k = v # stanch:allow\n", "a-b", 1));
        assert!(allowed("k = v // gitleaks:allow\n", "a-b", 1));
        assert!(allowed("k = v # pragma: allowlist secret\n", "a-b", 1));
        assert!(allowed(
            "# pragma: allowlist nextline secret\nk = v\n",
            "a-b",
            2
        ));
        assert!(allowed("# stanch:allow-next-line\nk = v\n", "a-b", 2));
        assert!(!allowed("# stanch:allow\n\nk = v\n", "a-b", 3));
        assert!(!allowed("k = v\n", "a-b", 1));
    }

    #[test]
    fn named_rules_only() {
        assert!(allowed(
            "k = v # stanch:allow github-classic-pat\n",
            "github-classic-pat",
            1
        ));
        assert!(!allowed(
            "k = v # stanch:allow github-classic-pat\n",
            "aws-access-key-id",
            1
        ));
        assert!(allowed("k = v # stanch:allow a-b, c-d\n", "c-d", 1));
    }

    #[test]
    fn blocks() {
        let t = "x\n# stanch:allow-start\nk = v\nk2 = v\n# stanch:allow-end\nk3 = v\n";
        assert!(allowed(t, "a-b", 3));
        assert!(allowed(t, "a-b", 4));
        assert!(!allowed(t, "a-b", 6));
        let u = "# stanch:allow-start\nk = v\n";
        let idx = LineIndex::new(u.as_bytes());
        let d = Directives::parse(u.as_bytes(), &idx);
        assert_eq!(d.unterminated, vec![1]);
        assert!(!d.allows(u.as_bytes(), &idx, "a-b", 2, 2));
    }
}
