//! Encoded spans and their decodings: base64 and base64url (also wrapped over
//! lines), hex, percent-encoding, JSON/JS string escapes and HTML entities,
//! found in one linear pass; and whole files in UTF-16.
//!
//! What decoding yields is a document of its own: for each encoded span, the
//! line it sits on with the span replaced by its decoding, so that a decoded
//! secret keeps its key (`password: <base64>` reads as `password: <secret>`).
//! A segment maps each decoding back to its encoded span, which is where a
//! finding in it is shown. Only plausible decodings are kept (valid UTF-8,
//! nearly all printable), so images, fonts, hashes, certificates and
//! compressed blobs cost a decode attempt and nothing more, and the decoded
//! bytes of a blob are bounded by a budget so that crafted input cannot
//! make them grow.
use std::ops::Range;

/// An encoding undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Standard or URL-safe base64, padded or not.
    Base64,
    /// Hexadecimal digits, two per byte.
    Hex,
    /// `%XX` escapes (URLs, form bodies).
    Percent,
    /// JSON or JavaScript string escapes (`\n`, `\"`, `\uXXXX`, …).
    JsonEscape,
    /// HTML character references (`&quot;`, `&#47;`, `&#x2F;`).
    HtmlEntity,
    /// A whole file in UTF-16 (little or big endian).
    Utf16,
}

impl Encoding {
    /// The name reports give the encoding.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
            Encoding::JsonEscape => "json-escape",
            Encoding::HtmlEntity => "html-entity",
            Encoding::Utf16 => "utf-16",
        }
    }
}

/// One decoded span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// What was undone.
    pub encoding: Encoding,
    /// The encoded span in the input.
    pub source: Range<usize>,
    /// The decoding, in `Decoded::bytes`.
    pub text: Range<usize>,
    /// The decoding with the rest of its line around it, in `Decoded::bytes`.
    pub line: Range<usize>,
}

/// The decodings of one input, each on its line.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Lines, each with one encoded span replaced by its decoding.
    pub bytes: Vec<u8>,
    /// One per decoding, in input order.
    pub segments: Vec<Segment>,
}

impl Decoded {
    /// The index of the segment whose decoding holds `range`, if one does.
    pub fn segment_at(&self, range: &Range<usize>) -> Option<usize> {
        let i = self.segments.partition_point(|s| s.text.end <= range.start);
        let s = self.segments.get(i)?;
        (s.text.start <= range.start && range.end <= s.text.end).then_some(i)
    }
}

/// Shortest base64 span considered (the floor: 12 decoded bytes).
const MIN_BASE64: usize = 16;
/// Shortest hex span considered (16 decoded bytes).
const MIN_HEX: usize = 32;
/// Shortest first line of wrapped base64.
const WRAPPED_MIN: usize = 40;
/// Decoded bytes per input byte a blob may produce, plus `BUDGET_FLOOR`.
const BUDGET_FACTOR: usize = 2;
/// Decoded bytes any blob may produce, however small.
const BUDGET_FLOOR: usize = 64 << 10;
/// Lines longer than this keep only this much context either side of a span.
const LINE_CONTEXT: usize = 256;

/// Byte classes for the one pass: base64 (standard and URL-safe) characters.
const B64: u8 = 1;
/// Hex digits.
const HEX: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'-' || c == b'_' {
            k |= B64;
        }
        if c.is_ascii_hexdigit() {
            k |= HEX;
        }
        t[b] = k;
        b += 1;
    }
    t
};

/// Finds the encoded spans of `input` and decodes the plausible ones.
/// Returns `None` when there is nothing to decode.
pub fn decode(input: &[u8]) -> Option<Decoded> {
    let mut spans: Vec<(Range<usize>, Encoding, Vec<u8>)> = Vec::new();
    let mut budget = input.len() * BUDGET_FACTOR + BUDGET_FLOOR;
    base64_and_hex(input, &mut spans, &mut budget);
    escapes(input, &mut spans, &mut budget);
    if spans.is_empty() {
        return None;
    }
    spans.sort_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)));
    // Keep spans apart: an escape run inside a base64 run and the like.
    let mut kept: Vec<(Range<usize>, Encoding, Vec<u8>)> = Vec::with_capacity(spans.len());
    for s in spans {
        if kept.last().is_none_or(|k| k.0.end <= s.0.start) {
            kept.push(s);
        }
    }
    let mut out = Decoded::default();
    for (source, encoding, text) in kept {
        let (ls, le) = line_around(input, &source);
        let start = out.bytes.len();
        out.bytes.extend_from_slice(&input[ls..source.start]);
        let ts = out.bytes.len();
        out.bytes.extend_from_slice(&text);
        let te = out.bytes.len();
        out.bytes.extend_from_slice(&input[source.end..le]);
        let end = out.bytes.len();
        out.bytes.push(b'\n');
        out.segments.push(Segment {
            encoding,
            source,
            text: ts..te,
            line: start..end,
        });
    }
    Some(out)
}

/// The line holding `span`, at most `LINE_CONTEXT` bytes either side of it.
fn line_around(input: &[u8], span: &Range<usize>) -> (usize, usize) {
    let floor = span.start.saturating_sub(LINE_CONTEXT);
    let ls = memchr::memrchr(b'\n', &input[floor..span.start]).map_or(floor, |i| floor + i + 1);
    let ceil = (span.end + LINE_CONTEXT).min(input.len());
    let mut le = memchr::memchr(b'\n', &input[span.end..ceil]).map_or(ceil, |i| span.end + i);
    if le > span.end && input[le - 1] == b'\r' {
        le -= 1;
    }
    (ls, le)
}

/// Whether decoded bytes read as text: valid UTF-8, no control characters
/// but tab and line breaks, and letters or digits among them.
fn plausible(bytes: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut alnum = 0;
    for c in s.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            return false;
        }
        if c == '\u{fffd}' {
            return false;
        }
        alnum += usize::from(c.is_alphanumeric());
    }
    alnum * 2 >= s.chars().count().min(8)
}

/// Whether `b` is in the base64 alphabet (standard or URL-safe).
fn is_b64(b: u8) -> bool {
    CLASS[b as usize] & B64 != 0
}

/// Base64 and hex runs (a base64 run may continue over wrapped lines).
fn base64_and_hex(
    input: &[u8],
    spans: &mut Vec<(Range<usize>, Encoding, Vec<u8>)>,
    budget: &mut usize,
) {
    let mut i = 0;
    while let Some(start) = next_run(input, i) {
        i = read_run(input, start, spans, budget);
    }
}

/// Decodes the run of base64 bytes that starts at `start` (at least
/// `MIN_BASE64` of them) when it is worth it; returns where the next run may
/// start.
fn read_run(
    input: &[u8],
    start: usize,
    spans: &mut Vec<(Range<usize>, Encoding, Vec<u8>)>,
    budget: &mut usize,
) -> usize {
    let n = input.len();
    let mut i = start;
    while i < n && is_b64(input[i]) {
        i += 1;
    }
    let all_hex = input[start..i]
        .iter()
        .all(|&b| CLASS[b as usize] & HEX != 0);
    let mut end = i;
    if all_hex && end - start >= MIN_HEX {
        if let Some(text) = hex(&input[start..end]) {
            if plausible(&text) && take(budget, text.len()) {
                spans.push((start..end, Encoding::Hex, text));
            }
        }
        return i;
    }
    while end < n && input[end] == b'=' && end - i < 2 {
        end += 1;
    }
    // Wrapped base64 (PEM-like bodies, YAML block scalars): whole lines
    // of base64 of one width, the last one shorter.
    let mut body: Option<Vec<u8>> = None;
    let first = end - start;
    if first >= WRAPPED_MIN && end == i && at_line_end(input, end) {
        let mut joined = input[start..end].to_vec();
        let mut at = end;
        while let Some((ns, ne)) = next_line_run(input, at) {
            let len = ne - ns;
            if len > first || len == 0 {
                break;
            }
            joined.extend_from_slice(&input[ns..ne]);
            end = ne;
            at = ne;
            if len < first || !at_line_end(input, ne) {
                break;
            }
        }
        if end > i {
            i = end;
            body = Some(joined);
        }
    }
    let encoded = body.as_deref().unwrap_or(&input[start..end]);
    if !letters_and_digits(encoded) {
        return i;
    }
    if let Some(text) = base64(encoded) {
        if text.len() >= 8 && plausible(&text) && take(budget, text.len()) {
            spans.push((start..end, Encoding::Base64, text));
        }
    }
    i.max(end)
}

/// The start of the next run of at least `MIN_BASE64` base64 bytes at or
/// after `i` that `read_run` may decode, where `i` is a place a run may start
/// (the input's start, or the end of the last run).
///
/// Code is full of such runs that are no encoding: `snake_case_names`,
/// `paths/to/files`, `SHOUTED_CONSTANTS`. With AVX2, 64 bytes are classified
/// at a time and each run in them is judged by its class masks alone: only
/// a run that mixes cases as encoded data does (`letters_and_digits`), is all
/// hex, or is long enough to start wrapped base64 is handed to `read_run`.
/// Without AVX2 every run is.
fn next_run(input: &[u8], i: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2.
            return unsafe { next_run_avx2(input, i) };
        }
    }
    next_run_scalar(input, i)
}

/// `next_run`, byte by byte: the byte `MIN_BASE64 - 1` ahead is looked at
/// first, since outside the alphabet no run long enough starts before it,
/// and most text (words and identifiers are short) is skipped that many
/// bytes a step. It hands every run long enough to `read_run`.
fn next_run_scalar(input: &[u8], mut i: usize) -> Option<usize> {
    while i + MIN_BASE64 <= input.len() {
        let probe = i + MIN_BASE64 - 1;
        if !is_b64(input[probe]) {
            i = probe + 1;
            continue;
        }
        if let Some(j) = (i..probe).rev().find(|&j| !is_b64(input[j])) {
            i = j + 1;
            continue;
        }
        return Some(i);
    }
    None
}

/// Bit masks of the byte classes `read_run` cares about, over 64 bytes.
#[derive(Clone, Copy)]
struct Masks {
    b64: u64,
    upper: u64,
    lower: u64,
    digit: u64,
    hex: u64,
}

impl Masks {
    /// Whether the run of `len` bytes whose bits are `bits` may decode: the
    /// tests of `read_run` (all hex; mixed cases) on masks, and any run long
    /// enough to begin wrapped base64, whose later lines may mix cases.
    fn worth_reading(&self, bits: u64, len: usize) -> bool {
        len >= WRAPPED_MIN
            || (len >= MIN_HEX && self.hex & bits == bits)
            || (self.upper & bits != 0
                && self.lower & bits != 0
                && (len >= 24 || self.digit & bits != 0))
    }
}

/// The mask of bits `0..n` (`n` up to 64).
fn low_bits(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn next_run_avx2(input: &[u8], mut w: usize) -> Option<usize> {
    use std::arch::x86_64::*;
    let classes = |at: usize| -> [u32; 5] {
        debug_assert!(at + 32 <= input.len());
        // SAFETY: `at + 32 <= input.len()`, checked by the loop below; the
        // load is unaligned.
        let v = unsafe { _mm256_loadu_si256(input.as_ptr().add(at) as *const __m256i) };
        let c = |b: u8| _mm256_set1_epi8(b as i8);
        let within = |x: __m256i, lo: u8, hi: u8| {
            _mm256_and_si256(
                _mm256_cmpgt_epi8(x, c(lo - 1)),
                _mm256_cmpgt_epi8(c(hi + 1), x),
            )
        };
        let upper = within(v, b'A', b'Z');
        let lower = within(v, b'a', b'z');
        let digit = within(v, b'0', b'9');
        let hex_letter = within(_mm256_or_si256(v, c(0x20)), b'a', b'f');
        let punct = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(v, c(b'+')), _mm256_cmpeq_epi8(v, c(b'/'))),
            _mm256_or_si256(_mm256_cmpeq_epi8(v, c(b'-')), _mm256_cmpeq_epi8(v, c(b'_'))),
        );
        let b64 = _mm256_or_si256(_mm256_or_si256(upper, lower), _mm256_or_si256(digit, punct));
        let bits = |x: __m256i| _mm256_movemask_epi8(x) as u32;
        [
            bits(b64),
            bits(upper),
            bits(lower),
            bits(digit),
            bits(_mm256_or_si256(digit, hex_letter)),
        ]
    };
    // `w` is always a place a run may start, so a run at bit 0 is a whole run.
    while w + 64 <= input.len() {
        let (a, b) = (classes(w), classes(w + 32));
        let join = |k: usize| u64::from(a[k]) | u64::from(b[k]) << 32;
        let m = Masks {
            b64: join(0),
            upper: join(1),
            lower: join(2),
            digit: join(3),
            hex: join(4),
        };
        // Runs of MIN_BASE64 or more that end inside the window: bit k of
        // `long` is set when bytes k..k + 16 all are base64.
        const _: () = assert!(MIN_BASE64 == 16, "the shifts below count 16 bytes");
        let mut long = m.b64;
        long &= long >> 1;
        long &= long >> 2;
        long &= long >> 4;
        long &= long >> 8;
        // The run that reaches the window's end, if one does, is read whole
        // from the next window (or handed over if it fills this one).
        let tail = if m.b64 >> 63 != 0 {
            64 - m.b64.leading_ones() as usize
        } else {
            64
        };
        let mut starts = m.b64 & !(m.b64 << 1) & long & low_bits(tail);
        while starts != 0 {
            let s = starts.trailing_zeros() as usize;
            let len = (!m.b64 >> s).trailing_zeros() as usize;
            if m.worth_reading(low_bits(len) << s, len) {
                return Some(w + s);
            }
            starts &= starts - 1;
        }
        match tail {
            0 => return Some(w),
            64 => {}
            t => {
                w += t;
                continue;
            }
        }
        w += 64;
    }
    next_run_scalar(input, w)
}

/// Encoded data mixes cases and digits; words and identifiers mostly do not.
fn letters_and_digits(s: &[u8]) -> bool {
    let (mut upper, mut lower, mut digit) = (false, false, false);
    for &b in s {
        upper |= b.is_ascii_uppercase();
        lower |= b.is_ascii_lowercase();
        digit |= b.is_ascii_digit();
    }
    upper && lower && (digit || s.len() >= 24)
}

/// Whether `at` is the end of a line (or of the input).
fn at_line_end(input: &[u8], at: usize) -> bool {
    matches!(input.get(at), None | Some(b'\n') | Some(b'\r'))
}

/// The base64 run that fills the line after the line ending at `at`
/// (indentation allowed), as (start, end).
fn next_line_run(input: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut p = at;
    if input.get(p) == Some(&b'\r') {
        p += 1;
    }
    if input.get(p) != Some(&b'\n') {
        return None;
    }
    p += 1;
    while matches!(input.get(p), Some(b' ' | b'\t')) {
        p += 1;
    }
    let s = p;
    while p < input.len() && is_b64(input[p]) {
        p += 1;
    }
    let run_end = p;
    while input.get(p) == Some(&b'=') && p - run_end < 2 {
        p += 1;
    }
    (run_end > s && at_line_end(input, p)).then_some((s, p))
}

/// Spends `n` of the budget; false when it is spent.
fn take(budget: &mut usize, n: usize) -> bool {
    if n > *budget {
        *budget = 0;
        return false;
    }
    *budget -= n;
    true
}

/// Decodes standard or URL-safe base64, padded or not; `None` if it is not.
pub fn base64(s: &[u8]) -> Option<Vec<u8>> {
    let mut url = false;
    let mut std_ = false;
    let body: &[u8] = {
        let mut e = s.len();
        while e > 0 && s[e - 1] == b'=' {
            e -= 1;
        }
        &s[..e]
    };
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in body {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => {
                std_ = true;
                62
            }
            b'/' => {
                std_ = true;
                63
            }
            b'-' => {
                url = true;
                62
            }
            b'_' => {
                url = true;
                63
            }
            _ => return None,
        };
        if url && std_ {
            return None;
        }
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Decodes hex digits (an even number of them).
fn hex(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() % 2 == 1 {
        return None;
    }
    s.chunks(2)
        .map(|p| Some(hex_val(p[0])? << 4 | hex_val(p[1])?))
        .collect()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encoded, escaped and entity-encoded spans, found from their
/// markers (`%`, `\`, `&`), each decoded over the token or string around it.
fn escapes(input: &[u8], spans: &mut Vec<(Range<usize>, Encoding, Vec<u8>)>, budget: &mut usize) {
    let mut done = 0;
    for m in memchr::memchr3_iter(b'%', b'\\', b'&', input) {
        if m < done {
            continue;
        }
        let found = match input[m] {
            b'%' => percent_span(input, m),
            b'\\' => escaped_string(input, m),
            _ => entity_span(input, m),
        };
        if let Some((range, encoding, text)) = found {
            done = range.end;
            if plausible(&text) && take(budget, text.len()) {
                spans.push((range, encoding, text));
            }
        }
    }
}

/// Characters a URL or form body token may hold.
fn url_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"%-._~:/?#[]@!$&'()*+,;=".contains(&b)
}

/// The URL-like token around a `%XX` escape, decoded.
fn percent_span(input: &[u8], m: usize) -> Option<(Range<usize>, Encoding, Vec<u8>)> {
    if !(input.get(m + 1)?.is_ascii_hexdigit() && input.get(m + 2)?.is_ascii_hexdigit()) {
        return None;
    }
    let mut s = m;
    while s > 0 && url_char(input[s - 1]) && input[s - 1] != b'\'' {
        s -= 1;
    }
    let mut e = m;
    while e < input.len() && url_char(input[e]) && input[e] != b'\'' {
        e += 1;
    }
    let token = &input[s..e];
    let mut out = Vec::with_capacity(token.len());
    let mut i = 0;
    let mut changed = false;
    while i < token.len() {
        if token[i] == b'%' && i + 2 < token.len() + 1 {
            if let (Some(h), Some(l)) = (
                token.get(i + 1).and_then(|&b| hex_val(b)),
                token.get(i + 2).and_then(|&b| hex_val(b)),
            ) {
                out.push(h << 4 | l);
                i += 3;
                changed = true;
                continue;
            }
        }
        out.push(token[i]);
        i += 1;
    }
    (changed && token.len() >= 8).then_some((s..e, Encoding::Percent, out))
}

/// The quoted string holding a backslash escape, unescaped (JSON and JS
/// rules: `\n`, `\t`, `\r`, `\"`, `\'`, `\/`, `\\`, `\b`, `\f`, `\uXXXX`
/// with surrogate pairs, `\xXX`).
fn escaped_string(input: &[u8], m: usize) -> Option<(Range<usize>, Encoding, Vec<u8>)> {
    let line_start = memchr::memrchr(b'\n', &input[..m]).map_or(0, |i| i + 1);
    // The opening quote: the nearest unescaped `"` or `'` before the escape.
    let mut q = None;
    let mut p = m;
    while p > line_start {
        p -= 1;
        if (input[p] == b'"' || input[p] == b'\'') && (p == 0 || input[p - 1] != b'\\') {
            q = Some(p);
            break;
        }
    }
    let q = q?;
    let quote = input[q];
    let mut out = Vec::new();
    let mut i = q + 1;
    let mut changed = false;
    while i < input.len() {
        let b = input[i];
        if b == quote {
            break;
        }
        if b == b'\n' {
            return None;
        }
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let next = *input.get(i + 1)?;
        let simple = match next {
            b'n' => Some(b'\n'),
            b't' => Some(b'\t'),
            b'r' => Some(b'\r'),
            b'b' => Some(8),
            b'f' => Some(12),
            b'"' | b'\'' | b'/' | b'\\' => Some(next),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            i += 2;
            changed = true;
            continue;
        }
        match next {
            b'u' => {
                let (c, used) = unicode_escape(&input[i..])?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += used;
                changed = true;
            }
            b'x' => {
                let v = hex_val(*input.get(i + 2)?)? << 4 | hex_val(*input.get(i + 3)?)?;
                out.push(v);
                i += 4;
                changed = true;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    if i >= input.len() || !changed || i - q < 16 {
        return None;
    }
    Some((q + 1..i, Encoding::JsonEscape, out))
}

/// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at the start of `s`: the
/// character and the bytes used.
fn unicode_escape(s: &[u8]) -> Option<(char, usize)> {
    let unit = |at: usize| -> Option<u32> {
        if s.get(at..at + 2)? != b"\\u" {
            return None;
        }
        let d = s.get(at + 2..at + 6)?;
        d.iter()
            .try_fold(0u32, |acc, &b| Some(acc << 4 | u32::from(hex_val(b)?)))
    };
    let hi = unit(0)?;
    if (0xD800..0xDC00).contains(&hi) {
        let lo = unit(6)?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        return Some((char::from_u32(c)?, 12));
    }
    Some((char::from_u32(hi)?, 6))
}

/// The line around an HTML character reference, with every reference on it
/// replaced.
fn entity_span(input: &[u8], m: usize) -> Option<(Range<usize>, Encoding, Vec<u8>)> {
    entity(&input[m..])?;
    let (ls, le) = line_around(input, &(m..m));
    let line = &input[ls..le];
    let start = line.iter().position(|b| !b.is_ascii_whitespace())?;
    let mut out = Vec::with_capacity(line.len());
    let mut i = start;
    while i < line.len() {
        if line[i] == b'&' {
            if let Some((c, used)) = entity(&line[i..]) {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += used;
                continue;
            }
        }
        out.push(line[i]);
        i += 1;
    }
    Some((ls + start..le, Encoding::HtmlEntity, out))
}

/// The character reference at the start of `s` and its length.
fn entity(s: &[u8]) -> Option<(char, usize)> {
    let end = s.iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        b"quot" => '"',
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"apos" => '\'',
        b"nbsp" => ' ',
        _ => {
            let num = name.strip_prefix(b"#")?;
            let v = match num.first()? {
                b'x' | b'X' => u32::from_str_radix(std::str::from_utf8(&num[1..]).ok()?, 16),
                _ => std::str::from_utf8(num).ok()?.parse(),
            }
            .ok()?;
            char::from_u32(v)?
        }
    };
    Some((c, end + 1))
}

/// A whole file in UTF-16 as UTF-8: with a byte-order mark, or without one
/// when every other byte of its start is NUL (ASCII text in UTF-16).
pub fn utf16(bytes: &[u8]) -> Option<Vec<u8>> {
    let (skip, little) = utf16_order(bytes)?;
    let body = &bytes[skip..];
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{fffd}'))
        .collect();
    Some(text.into_bytes())
}

/// Whether `bytes` look like UTF-16 text: the bytes of a byte-order mark to
/// skip and whether it is little-endian. Cheap: it reads at most 512 bytes.
pub fn utf16_order(bytes: &[u8]) -> Option<(usize, bool)> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => {
            let head = &bytes[..bytes.len().min(512) & !1];
            if head.len() < 8 {
                return None;
            }
            let zeros = |off: usize| head.iter().skip(off).step_by(2).all(|&b| b == 0);
            let texty = |off: usize| {
                head.iter()
                    .skip(off)
                    .step_by(2)
                    .all(|&b| b == b'\t' || b == b'\n' || b == b'\r' || (0x20..0x7f).contains(&b))
            };
            if zeros(1) && texty(0) {
                (bytes, true)
            } else if zeros(0) && texty(1) {
                (bytes, false)
            } else {
                return None;
            }
        }
    };
    Some((bytes.len() - body.len(), little))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let b = s.as_bytes();
        let mut out = String::new();
        for c in b.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn texts(d: &Decoded) -> Vec<(Encoding, String)> {
        d.segments
            .iter()
            .map(|s| {
                (
                    s.encoding,
                    String::from_utf8_lossy(&d.bytes[s.line.clone()]).into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn base64_keeps_its_key() {
        let input = format!("data:\n  password: {}\n", b64("Kq9vL2xW7mZt%nbiT"));
        let d = decode(input.as_bytes()).unwrap();
        assert_eq!(
            texts(&d),
            [(
                Encoding::Base64,
                "  password: Kq9vL2xW7mZt%nbiT".to_string()
            )]
        );
        let s = &d.segments[0];
        assert_eq!(&input[s.source.clone()], b64("Kq9vL2xW7mZt%nbiT"));
        assert_eq!(&d.bytes[s.text.clone()], b"Kq9vL2xW7mZt%nbiT");
        assert_eq!(d.segment_at(&(s.text.start + 2..s.text.end)), Some(0));
        assert_eq!(d.segment_at(&(s.line.start..s.text.end)), None);
    }

    #[test]
    fn base64url_unpadded_and_wrapped() {
        let url = b64("user:Kq9vL2xW7mZt_R5rY8O?x>")
            .replace('+', "-")
            .replace('/', "_");
        let d = decode(format!("auth={}\n", url.trim_end_matches('=')).as_bytes()).unwrap();
        assert!(texts(&d)[0].1.contains("user:Kq9vL2xW7mZt_R5rY8O?x>"));
        let long =
            "export DB_PASSWORD=Kq9vL2xW7mZt-saffron-7540\nexport API_TOKEN=K3vQx9Lm2Wp7Zr4TbN8c\n";
        let enc = b64(long);
        let wrapped: Vec<&str> = enc
            .as_bytes()
            .chunks(40)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let input = format!("blob: |\n  {}\nnext: 1\n", wrapped.join("\n  "));
        let d = decode(input.as_bytes()).unwrap();
        assert_eq!(d.segments.len(), 1, "{:?}", texts(&d));
        assert!(texts(&d)[0].1.contains("API_TOKEN=K3vQx9Lm2Wp7Zr4TbN8c"));
    }

    #[test]
    fn escapes_entities_percent_and_hex() {
        let input = concat!(
            "{\"key\": \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----\\n\"}\n",
            "url = postgres://app:p%40ss%21Kq9vL2xW7mZt%23x@db:5432/app\n",
            "<input value=\"&quot;Kq9vL2xW7mZt-Hunter&quot;\" title=&#x2F;x&#47;>\n",
            "h = 70617373776f72643d4b7139764c327857376d5a74\n",
            "u = \"\\u0070assword=\\uD83D\\uDE00ok-long-enough\"\n",
        );
        let d = decode(input.as_bytes()).unwrap();
        let t = texts(&d);
        assert_eq!(t.len(), 5, "{t:?}");
        assert_eq!(t[0].0, Encoding::JsonEscape);
        assert!(t[0].1.contains("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n"));
        assert_eq!(
            t[1],
            (
                Encoding::Percent,
                "url = postgres://app:p@ss!Kq9vL2xW7mZt#x@db:5432/app".to_string()
            )
        );
        assert_eq!(
            t[2],
            (
                Encoding::HtmlEntity,
                "<input value=\"\"Kq9vL2xW7mZt-Hunter\"\" title=/x/>".to_string()
            )
        );
        assert_eq!(
            t[3],
            (Encoding::Hex, "h = password=Kq9vL2xW7mZt".to_string())
        );
        assert_eq!(
            t[4],
            (
                Encoding::JsonEscape,
                "u = \"password=\u{1F600}ok-long-enough\"".to_string()
            )
        );
    }

    #[test]
    fn binary_decodings_and_words_are_not_kept() {
        for quiet in [
            // An image, an SRI hash, a random key, an identifier, a hash.
            "img = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"",
            "integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"",
            "aws_secret_access_key = Kq9vL2xW7mZt/K7MDENG/bPxRfiCYzQhVd2rWbA",
            "getUserAccountInformationForDisplay(x)",
            "sha = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ] {
            let d = decode(quiet.as_bytes());
            assert!(d.is_none(), "{quiet}: {:?}", d.map(|d| texts(&d)));
        }
    }

    #[test]
    fn the_budget_bounds_decoded_bytes() {
        let line = format!("k = {}\n", b64(&"password=Kq9vL2xW7mZt ".repeat(40)));
        let input = line.repeat(20_000);
        let d = decode(input.as_bytes()).unwrap();
        let decoded: usize = d.segments.iter().map(|s| s.text.len()).sum();
        assert!(decoded <= input.len() * BUDGET_FACTOR + BUDGET_FLOOR);
        assert!(d.bytes.len() < input.len() * 3);
    }

    #[test]
    fn a_span_is_found_wherever_it_starts() {
        // The block skip must never jump over the start of a run.
        let enc = b64("password=Kq9vL2xW7mZt-saffron");
        let filler = "let x = a.b(c); // words and_short_ids, 12345 ";
        for at in 0..200 {
            let mut text = filler.repeat(8)[..at].to_string();
            text.push('"');
            text.push_str(&enc);
            text.push(' ');
            text.push_str(&filler.repeat(4));
            let d = decode(text.as_bytes()).unwrap_or_else(|| panic!("nothing at {at}"));
            assert_eq!(d.segments.len(), 1, "at {at}");
            assert_eq!(d.segments[0].source, at + 1..at + 1 + enc.len(), "at {at}");
        }
    }

    #[test]
    fn the_vector_run_finder_decodes_what_the_byte_loop_decodes() {
        // Runs of every kind the class masks judge, at every alignment, across
        // window edges and wrapped over lines.
        let pieces: Vec<String> = vec![
            b64("password=Kq9vL2xW7mZt-saffron"),
            b64("a somewhat longer secret value that wraps the window"),
            // 24 bytes of mixed case and no digit, the shortest such run read.
            b64(":RefbCaWWrprhZNlws"),
            "response_handler_enabled".into(),
            "RESPONSE_PASSWORD".into(),
            "responseResponseHandler".into(),
            "0123456789abcdef0123456789abcdef0123".into(),
            "deadbeefcafe".into(),
            "src/engine/keywords.rs".into(),
            hex_of("token: Kq9vL2xW7mZt"),
            "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\nQUFB".into(),
            "=".into(),
            " ".into(),
            "\n".into(),
            "\"".into(),
            "\u{e9}".into(),
        ];
        let mut x: u64 = 11;
        for round in 0..3000 {
            let mut text = String::new();
            while text.len() < 40 + round % 300 {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(&pieces[(x >> 33) as usize % pieces.len()]);
            }
            let input = text.as_bytes();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let (mut b1, mut b2) = (usize::MAX, usize::MAX);
            base64_and_hex(input, &mut fast, &mut b1);
            let mut i = 0;
            while let Some(start) = next_run_scalar(input, i) {
                i = read_run(input, start, &mut slow, &mut b2);
            }
            assert_eq!(fast, slow, "on {text:?}");
        }
    }

    fn hex_of(s: &str) -> String {
        s.bytes().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn utf16_files() {
        let text = "password = \"Kq9vL2xW7mZt%nbiT\"\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le.iter().copied()).collect();
        for b in [&le, &be, &bom] {
            assert_eq!(utf16(b).unwrap(), text.as_bytes());
        }
        assert_eq!(utf16(b"plain text, not utf-16"), None);
        assert_eq!(utf16(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0]), None);
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut x: u64 = 7;
        for len in [0, 1, 3, 17, 100, 1000] {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                        b"%\\&u;#x0aZ=+/\n\"' AQ"[(x >> 59) as usize % 19]
                    })
                    .collect();
                let _ = decode(&bytes);
                let _ = utf16(&bytes);
            }
        }
    }
}
