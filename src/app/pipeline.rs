//! Per-blob processing: engine candidates become occurrences with lines,
//! columns and a redacted snippet; overlapping matches keep the most confident
//! rule; diff blobs keep only what touches added lines; inline allow comments
//! drop what they cover.
use crate::blob::{Blob, Layer, LineIndex};
use crate::engine::{Candidate, Engine, Target};
use crate::finding::{Location, Occurrence, Paired, Secret};
use crate::sources::decode::{self, Encoding};
use crate::suppress::inline::Directives;
use std::collections::BTreeMap;
use std::ops::Range;

/// Settings of the per-blob step.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pipeline<'e> {
    pub engine: &'e Engine,
    pub min_confidence: f64,
    pub inline_allow: bool,
    pub show_secrets: bool,
    /// Levels of encodings to undo (0: none).
    pub decode_depth: u32,
}

/// What one blob produced.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub occurrences: Vec<Occurrence>,
    pub inline_suppressed: u64,
    pub below_threshold: u64,
    pub invalid_checksum: u64,
    pub warnings: Vec<String>,
}

impl Outcome {
    /// Whether the blob produced nothing worth collecting.
    pub fn is_empty(&self) -> bool {
        self.occurrences.is_empty()
            && self.inline_suppressed == 0
            && self.below_threshold == 0
            && self.warnings.is_empty()
    }
}

/// Where a byte range of a blob is, in lines and columns: in the blob
/// itself, or for decoded bytes (which have no lines of the file's own) the
/// encoded span they came from.
fn content_location(blob: &Blob<'_>, lines: &LineIndex<'_>, r: &Range<usize>) -> Location {
    let ((line, column), (end_line, end_column)) = match blob.origin.decoded_at() {
        Some(&Layer::Decoded {
            line,
            column,
            end_line,
            end_column,
            ..
        }) => ((line, column), (end_line, end_column)),
        _ => (lines.position(r.start), lines.position(r.end)),
    };
    Location {
        path: blob.origin.path.clone(),
        line,
        column,
        end_line,
        end_column,
        commit: None,
        layers: blob.origin.layers.clone(),
        path_bytes: blob.origin.path_bytes.clone(),
    }
}

/// The identifier half of a credential pair.
enum Half {
    /// Another candidate of the blob (an access key id), by index.
    Kept(usize),
    /// An identifier rule's value read beside the secret: (rule, range).
    Read(usize, Range<usize>),
}

/// How many lines apart the halves of a credential pair may be.
const PAIR_LINES: u32 = 5;

/// How many bytes either side of a secret its identifier is looked for in.
const PAIR_BYTES: usize = 2048;

/// How many characters of context a snippet keeps either side of the secret.
const SNIPPET_CONTEXT: usize = 60;

impl Pipeline<'_> {
    /// Scans one blob and turns its candidates into occurrences.
    pub fn process(&self, blob: &Blob<'_>) -> Outcome {
        let mut out = Outcome::default();
        // Rules that look at the path see the innermost archive member's, so
        // that `app.jar!application.yml` is read as YAML.
        let path = crate::sources::name_of(&blob.origin);
        let mut cands = self.engine.scan(path, &blob.bytes);
        let mut decoded = self.decoded(path, &blob.bytes, &mut out);
        for c in std::mem::take(&mut decoded.by_shape) {
            if !cands
                .iter()
                .any(|k| k.rule == c.rule && k.target == c.target)
            {
                cands.push(c);
            }
        }
        if cands.is_empty() && decoded.hits.is_empty() {
            return out;
        }
        let kept = self.threshold(cands, &mut out);
        // A decoding inside a larger secret found as written (a line of a
        // key block held in string literals) is part of that secret.
        let mut plain: Vec<Range<usize>> = kept.iter().filter_map(Candidate::content).collect();
        plain.sort_by_key(|r| r.start);
        decoded.hits.retain(|h| !inside_larger(&plain, &h.outer));
        // What was found decoded is reported decoded: the encoded form of the
        // same span (a generic rule reading `password: <base64>`) is not
        // reported beside it, nor the encoded form of a placeholder.
        let mut covered: Vec<Range<usize>> = decoded
            .hits
            .iter()
            .map(|h| h.outer.clone())
            .chain(decoded.placeholders.iter().cloned())
            .collect();
        covered.sort_by_key(|r| r.start);
        covered.dedup_by(|b, a| {
            let merge = b.start < a.end;
            if merge {
                a.end = a.end.max(b.end);
            }
            merge
        });
        let kept: Vec<Candidate> = kept
            .into_iter()
            .filter(|c| {
                c.content().is_none_or(|r| {
                    let i = covered.partition_point(|o| o.end <= r.start);
                    covered
                        .get(i)
                        .is_none_or(|o| !(o.start <= r.start && r.end <= o.end))
                })
            })
            .collect();
        if kept.is_empty() && decoded.hits.is_empty() {
            return out;
        }
        let bytes: &[u8] = &blob.bytes;
        let lines = LineIndex::new(bytes);
        let directives = self.inline_allow.then(|| Directives::parse(bytes, &lines));
        if let Some(d) = &directives {
            for l in &d.unterminated {
                // The markers as arguments: written out here, this line
                // would itself open an allow block.
                out.warnings.push(format!(
                    "{}:{l}: stanch:allow-{} has no stanch:allow-{}; it suppresses nothing",
                    blob.origin.path, "start", "end"
                ));
            }
        }
        let mut ranges: Vec<Range<usize>> = kept.iter().filter_map(Candidate::content).collect();
        ranges.sort_by_key(|r| r.start);
        self.report_decoded(blob, &lines, directives.as_ref(), &decoded, &mut out);
        let pairs = self.pairs(&kept, blob, &lines, directives.as_ref());
        for (k, c) in kept.iter().enumerate() {
            if pairs
                .iter()
                .any(|(_, h)| matches!(h, Half::Kept(id) if *id == k))
            {
                // Reported with the secret it belongs to.
                continue;
            }
            let rule = &self.engine.rules()[c.rule];
            let (secret, location, snippet) = match &c.target {
                Target::Path => {
                    let loc = Location {
                        path: blob.origin.path.clone(),
                        line: 0,
                        column: 0,
                        end_line: 0,
                        end_column: 0,
                        commit: None,
                        layers: blob.origin.layers.clone(),
                        path_bytes: blob.origin.path_bytes.clone(),
                    };
                    (Secret::new(blob.origin.path.clone()), loc, String::new())
                }
                Target::Content(r) => {
                    let loc = content_location(blob, &lines, r);
                    let (line, end_line) = (loc.line, loc.end_line);
                    if !blob.origin.touches_added(line, end_line) {
                        continue;
                    }
                    if let Some(d) = &directives {
                        if d.allows(bytes, &lines, &rule.spec.id, line, end_line) {
                            out.inline_suppressed += 1;
                            continue;
                        }
                    }
                    let secret =
                        Secret::new(String::from_utf8_lossy(&bytes[r.clone()]).into_owned());
                    let snippet = self.snippet(bytes, &lines, line, r, &ranges);
                    (secret, loc, snippet)
                }
            };
            let paired = pairs.iter().find(|(s, _)| *s == k).map(|(_, half)| {
                // Pairs are made of content candidates only (see `pairs`).
                let (ri, r) = match half {
                    Half::Kept(id) => (kept[*id].rule, kept[*id].content().unwrap_or_default()),
                    Half::Read(ri, r) => (*ri, r.clone()),
                };
                let id = String::from_utf8_lossy(&bytes[r.clone()]).into_owned();
                Paired {
                    rule_id: self.engine.rules()[ri].id.clone(),
                    redacted: Secret::new(id.clone()).redacted(),
                    value: self.show_secrets.then_some(id),
                    location: content_location(blob, &lines, &r),
                    listed: matches!(half, Half::Kept(_)),
                }
            });
            out.occurrences.push(Occurrence {
                rule_id: rule.id.clone(),
                secret,
                location,
                confidence: c.score.confidence,
                entropy: c.score.entropy,
                checksum_valid: c.score.checksum_valid,
                snippet,
                paired,
            });
        }
        out
    }

    /// Candidates at or above the threshold, overlaps resolved; counts the rest.
    fn threshold(&self, cands: Vec<Candidate>, out: &mut Outcome) -> Vec<Candidate> {
        let (kept, below): (Vec<Candidate>, Vec<Candidate>) = cands
            .into_iter()
            .partition(|c| c.score.confidence >= self.min_confidence);
        out.below_threshold += below.len() as u64;
        out.invalid_checksum += below
            .iter()
            .filter(|c| c.score.checksum_valid == Some(false))
            .count() as u64;
        resolve_overlaps(kept)
    }

    /// Scans the decodings of a blob's encoded spans, and theirs, down to
    /// `decode_depth` levels, keeping what is found inside a decoding.
    fn decoded(&self, path: &str, bytes: &[u8], out: &mut Outcome) -> DecodedHits {
        let mut found = DecodedHits::default();
        if self.decode_depth == 0 {
            return found;
        }
        let Some(doc) = decode::decode(bytes) else {
            return found;
        };
        let ids = discord_user_ids(bytes, &doc);
        if !ids.is_empty() {
            found.by_shape = self.engine.scan_hinted(path, bytes, "discord", &ids);
        }
        // An entity span is the whole line (`<add key="DbPassword"
        // value="a&quot;b"/>`), not one value: a name such as `Password` in
        // it makes no placeholder of the secret beside it.
        found.placeholders = doc
            .segments
            .iter()
            .filter(|s| {
                s.encoding != Encoding::HtmlEntity && is_placeholder(&doc.bytes[s.text.clone()])
            })
            .map(|s| s.source.clone())
            .collect();
        // Each level: its document, and for each of its segments the span of
        // the blob it stands for and the encodings undone to reach it.
        let mut origins: Vec<(Range<usize>, Vec<Encoding>)> = doc
            .segments
            .iter()
            .map(|s| (s.source.clone(), vec![s.encoding]))
            .collect();
        let mut level = doc;
        for depth in 1..=self.decode_depth {
            let cands = self
                .engine
                .scan(path, &level.bytes)
                .into_iter()
                .filter(|c| c.content().is_some_and(|r| level.segment_at(&r).is_some()))
                .collect();
            let doc = found.docs.len();
            for c in self.threshold(cands, out) {
                let r = c.content().unwrap_or_default();
                let Some(k) = level.segment_at(&r) else {
                    continue;
                };
                let (outer, chain) = origins[k].clone();
                found.hits.push(DecodedHit {
                    cand: c,
                    doc,
                    outer,
                    chain,
                });
            }
            let next = (depth < self.decode_depth)
                .then(|| decode::decode(&level.bytes))
                .flatten();
            found.docs.push(level);
            let Some(mut next) = next else { break };
            // Only what lies inside a decoding is new at the next level.
            let prev = &found.docs[doc];
            next.segments
                .retain(|s| prev.segment_at(&s.source).is_some());
            if next.segments.is_empty() {
                break;
            }
            origins = next
                .segments
                .iter()
                .map(|s| {
                    let k = prev.segment_at(&s.source).unwrap_or_default();
                    let (outer, mut chain) = origins[k].clone();
                    chain.push(s.encoding);
                    (outer, chain)
                })
                .collect();
            level = next;
        }
        found
    }

    /// Occurrences for what was found decoded: shown at the encoded span, with
    /// the decodings as layers, the snippet from the decoded line.
    fn report_decoded(
        &self,
        blob: &Blob<'_>,
        lines: &LineIndex<'_>,
        directives: Option<&Directives>,
        decoded: &DecodedHits,
        out: &mut Outcome,
    ) {
        // Per decoded document: its lines, and every secret in it to redact.
        let indexes: Vec<LineIndex<'_>> = decoded
            .docs
            .iter()
            .map(|d| LineIndex::new(&d.bytes))
            .collect();
        let mut ranges: Vec<Vec<Range<usize>>> = vec![Vec::new(); decoded.docs.len()];
        for h in &decoded.hits {
            ranges[h.doc].extend(h.cand.content());
        }
        for r in &mut ranges {
            r.sort_by_key(|r| r.start);
        }
        for h in &decoded.hits {
            let rule = &self.engine.rules()[h.cand.rule];
            let mut loc = content_location(blob, lines, &h.outer);
            if !blob.origin.touches_added(loc.line, loc.end_line) {
                continue;
            }
            if directives.is_some_and(|d| {
                d.allows(&blob.bytes, lines, &rule.spec.id, loc.line, loc.end_line)
            }) {
                out.inline_suppressed += 1;
                continue;
            }
            let doc = &decoded.docs[h.doc];
            let r = h.cand.content().unwrap_or_default();
            let doc_lines = &indexes[h.doc];
            let snippet = self.snippet(
                &doc.bytes,
                doc_lines,
                doc_lines.position(r.start).0,
                &r,
                &ranges[h.doc],
            );
            for e in &h.chain {
                loc.layers.push(Layer::Decoded {
                    encoding: e.name().to_string(),
                    line: loc.line,
                    column: loc.column,
                    end_line: loc.end_line,
                    end_column: loc.end_column,
                });
            }
            out.occurrences.push(Occurrence {
                rule_id: rule.id.clone(),
                secret: Secret::new(String::from_utf8_lossy(&doc.bytes[r]).into_owned()),
                location: loc,
                confidence: h.cand.score.confidence,
                entropy: h.cand.score.entropy,
                checksum_valid: h.cand.score.checksum_valid,
                snippet,
                paired: None,
            });
        }
    }

    /// Credential pairs of a blob, as (secret index, identifier): each secret
    /// whose rule `pairs_with` an identifier rule takes the nearest unpaired
    /// match of it within `PAIR_LINES` lines, among the other candidates
    /// (an access key id) or, for identifier rules (a username, a client
    /// id), read from the lines around it. Only a secret that will be
    /// reported takes one, so an identifier is never lost with a suppressed
    /// secret.
    fn pairs(
        &self,
        kept: &[Candidate],
        blob: &Blob<'_>,
        lines: &LineIndex<'_>,
        directives: Option<&Directives>,
    ) -> Vec<(usize, Half)> {
        let rules = self.engine.rules();
        let line_of = |c: &Candidate| c.content().map(|r| lines.position(r.start).0);
        let mut used = vec![false; kept.len()];
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut out = Vec::new();
        for (i, c) in kept.iter().enumerate() {
            let spec = &rules[c.rule].spec;
            if spec.pairs_with.is_empty() {
                continue;
            }
            let (Some(line), Some(secret)) = (line_of(c), c.content()) else {
                continue;
            };
            if !blob.origin.touches_added(line, line)
                || directives.is_some_and(|d| d.allows(&blob.bytes, lines, &spec.id, line, line))
            {
                continue;
            }
            let near = kept
                .iter()
                .enumerate()
                .filter(|(j, d)| !used[*j] && spec.pairs_with.contains(&rules[d.rule].spec.id))
                .filter_map(|(j, d)| line_of(d).map(|l| (Half::Kept(j), l.abs_diff(line))));
            // Identifier rules are read only here, in the secret's lines.
            // Bounded in bytes too: a minified line must not be read whole.
            let first = lines
                .line_range(line.saturating_sub(PAIR_LINES).max(1))
                .0
                .max(secret.start.saturating_sub(PAIR_BYTES));
            let last = lines
                .line_range(line + PAIR_LINES)
                .1
                .min(secret.end + PAIR_BYTES);
            let read = rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.spec.is_identifier() && spec.pairs_with.contains(&r.spec.id))
                .flat_map(|(ri, _)| {
                    self.engine
                        .identifiers(ri, &blob.bytes, first..last)
                        .into_iter()
                        .map(move |r| (ri, r))
                })
                .filter(|(_, r)| {
                    !taken.contains(r) && (r.end <= secret.start || r.start >= secret.end)
                })
                .map(|(ri, r)| {
                    let gap = lines.position(r.start).0.abs_diff(line);
                    // Before the secret wins a tie: `user:` comes before `password:`.
                    (
                        Half::Read(ri, r.clone()),
                        gap * 2 + u32::from(r.start > secret.start),
                    )
                });
            let best = near
                .map(|(h, gap)| (h, gap * 2))
                .filter(|&(_, gap)| gap <= PAIR_LINES * 2)
                .chain(read.filter(|&(_, gap)| gap <= PAIR_LINES * 2 + 1))
                .min_by_key(|(_, gap)| *gap);
            if let Some((half, _)) = best {
                match &half {
                    Half::Kept(j) => used[*j] = true,
                    Half::Read(_, r) => taken.push(r.clone()),
                }
                out.push((i, half));
            }
        }
        out
    }

    /// The secret's first line with every secret on it redacted, shortened around the secret.
    fn snippet(
        &self,
        bytes: &[u8],
        lines: &LineIndex<'_>,
        line: u32,
        secret: &Range<usize>,
        all: &[Range<usize>],
    ) -> String {
        let (ls, le) = lines.line_range(line);
        let se = secret.end.min(le);
        let before = self.render(bytes, ls, secret.start, all);
        let middle = self.render(bytes, secret.start, se, all);
        let after = self.render(bytes, se, le, all);
        let before = before.trim_start();
        let nb = before.chars().count();
        let mut s = String::new();
        if nb > SNIPPET_CONTEXT {
            s.push('…');
            s.extend(before.chars().skip(nb - SNIPPET_CONTEXT));
        } else {
            s.push_str(before);
        }
        s.push_str(&middle);
        if secret.end > le {
            s.push('…');
        } else if after.chars().count() > SNIPPET_CONTEXT {
            s.extend(after.chars().take(SNIPPET_CONTEXT));
            s.push('…');
        } else {
            s.push_str(&after);
        }
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '�'
                } else {
                    c
                }
            })
            .collect()
    }

    /// `bytes[a..b]` as text, with every secret range inside redacted unless secrets are shown.
    fn render(&self, bytes: &[u8], a: usize, b: usize, all: &[Range<usize>]) -> String {
        if self.show_secrets || a >= b {
            return String::from_utf8_lossy(&bytes[a..b.max(a)]).into_owned();
        }
        let mut out = String::new();
        let mut pos = a;
        // `all` is sorted and its ranges are disjoint (overlaps were
        // resolved), so those inside `a..b` are found by bisection: a blob
        // with thousands of secrets must not cost thousands squared.
        let first = all.partition_point(|r| r.end <= a);
        let inside = all[first..].iter().take_while(|r| r.start < b);
        for r in inside {
            let (s, e) = (r.start.max(pos), r.end.min(b));
            if s >= e {
                continue;
            }
            out.push_str(&String::from_utf8_lossy(&bytes[pos..s]));
            out.push_str(&crate::finding::redact(&String::from_utf8_lossy(
                &bytes[r.clone()],
            )));
            pos = e;
        }
        out.push_str(&String::from_utf8_lossy(&bytes[pos..b]));
        out
    }
}

/// What the decodings of one blob held.
#[derive(Default)]
struct DecodedHits {
    /// The decoded documents, one per level.
    docs: Vec<decode::Decoded>,
    hits: Vec<DecodedHit>,
    /// Encoded spans that decode to a placeholder.
    placeholders: Vec<Range<usize>>,
    /// Candidates of the blob itself that a decoding gave away by its
    /// shape (see `discord_user_ids`).
    by_shape: Vec<Candidate>,
}

/// Spans that are the first part of a Discord bot token: base64 of the
/// bot's user id (a snowflake, 17 to 20 digits), then `.`, six characters
/// of timestamp, `.` and the HMAC. Where no name nearby says discord, this
/// is the evidence: random text does not decode to a run of digits.
fn discord_user_ids(bytes: &[u8], doc: &decode::Decoded) -> Vec<Range<usize>> {
    let part = |at: usize, min: usize, max: usize| -> Option<usize> {
        let n = bytes
            .get(at..)?
            .iter()
            .take(max + 1)
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
            .count();
        (min..=max).contains(&n).then_some(at + n)
    };
    doc.segments
        .iter()
        .filter(|s| {
            let id = &doc.bytes[s.text.clone()];
            s.encoding == Encoding::Base64
                && (17..=20).contains(&id.len())
                && id[0] != b'0'
                && id.iter().all(u8::is_ascii_digit)
                && (23..=27).contains(&s.source.len())
                && bytes.get(s.source.end) == Some(&b'.')
                && part(s.source.end + 1, 6, 6)
                    .filter(|&e| bytes.get(e) == Some(&b'.'))
                    .and_then(|e| part(e + 1, 27, 40))
                    .is_some()
        })
        .map(|s| s.source.clone())
        .collect()
}

/// A candidate found in a decoding.
struct DecodedHit {
    /// Its range is in `docs[doc]`.
    cand: Candidate,
    doc: usize,
    /// The encoded span of the blob it came from.
    outer: Range<usize>,
    /// The encodings undone, outermost first.
    chain: Vec<Encoding>,
}

/// Whether a decoding reads as a placeholder or a reference rather than a
/// value (`<your-token>`, `ghp_xxxx…`, `${VAR}`), by the scorer's own
/// judgement: its encoded form then holds no secret either.
fn is_placeholder(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    let factor = crate::engine::score::placeholder_factor(text);
    let has = |n: &[u8]| memchr::memmem::find(text, n).is_some();
    // One placeholder word is enough in a decoded value (`YOUR_API_KEY`,
    // `…changeme`), not in a URL (`example.com`); documented example keys
    // and encrypted-value markers (`ENC[…]`) are stand-ins too.
    factor <= 0.2
        || (factor <= 0.25 && !has(b"://") && !has(b"@"))
        || crate::engine::score::known_example(text)
        || text.starts_with(b"ENC[")
        || text.starts_with(b"ENC(")
}

/// Whether `r` lies inside one of `sorted` (disjoint ranges) that is larger.
fn inside_larger(sorted: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = sorted.partition_point(|p| p.end < r.end);
    sorted
        .get(i)
        .is_some_and(|p| p.start <= r.start && r.end <= p.end && p.len() > r.len())
}

/// Where rules overlap on the same bytes (a GitHub token in `token = "…"` is
/// also a generic assignment), keeps the most confident one, then the earlier rule.
fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        b.score
            .confidence
            .total_cmp(&a.score.confidence)
            .then(a.rule.cmp(&b.rule))
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if let Target::Content(r) = &c.target {
            let clash_before = taken
                .range(..=r.start)
                .next_back()
                .is_some_and(|(_, &e)| e > r.start);
            let clash_after = taken.range(r.start..r.end).next().is_some();
            if clash_before || clash_after {
                continue;
            }
            taken.insert(r.start, r.end);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_told_from_values() {
        for p in [
            "<your-token>",
            "ghp_xxxxxxxxxxxxxxxx",
            "${DB_PASSWORD}",
            "{{ .Values.pw }}",
            "<changeme>",
            "YOUR_API_KEY",
            "insert-key-here",
            "#{DbPassword}",
            "%SMTP_PASSWORD%",
            "gwcAm0GuRrpBUN45yknxGe7WDWuPhHudq3Qrgdv2IFAchangeme",
            "ENC[RSA,tUf83Ex0oSbDGa8vaU1hGqesODG9J4j40EgLClQYrwNT]",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for v in [
            "Kq9vL2xW7mZt-saffron",
            "postgres://u:Kq9vL2xW7mZt@db.example.com/x",
        ] {
            assert!(!is_placeholder(v.as_bytes()), "{v}");
        }
    }
}
