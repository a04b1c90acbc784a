//! The keyword prefilter: every occurrence of every rule keyword, ASCII
//! case-insensitive, in one pass over the bytes.
//!
//! An Aho-Corasick automaton over the built-in keywords (about a thousand)
//! walks a state table that does not fit the L1 cache, and is slow to build.
//! Keywords are short literals, so a q-gram filter does the same job for less. Each keyword is
//! anchored on its least common four bytes in code (by a table of the
//! commonest four-byte sequences of real code, `common_grams.txt`, then by
//! how often each byte occurs), so `secret_access_key` waits for `ss_k`
//! rather than for every `sec` of `second` or every `_key` of code. At each position three bytes
//! hash to one of 32,768 buckets, whose 32-bit mask says which four-byte
//! sequences its anchors allow (five bits of a second hash of all four,
//! case folded): two multiplies and one lookup in a 128 KiB table per byte.
//! The hash multipliers are picked, among a few, as those that let the
//! fewest of code's common sequences through. The few positions that
//! pass are checked against the bucket's keywords, eight bytes at a time. It
//! finds exactly what the automaton finds (a test compares them) for less per
//! byte, and builds far faster (figures: `cargo bench`, the CHANGELOG).
//!
//! Where the CPU has AVX2 the same test runs eight positions per step. The
//! gather that fetches eight masks is slow on some CPUs, so the gain is
//! modest.
//!
//! Keywords shorter than three bytes cannot be anchored that way; configured
//! rules may still have them, so they go to a small Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// log2 of the bucket count. False candidates grow with the keywords per
/// bucket and with the bits a mask lets through, so the table grows with the
/// catalog. A three-byte keyword opens its whole bucket, and about seventy
/// built-in ones do. 32,768 buckets of 32-bit masks (128 KiB, in L2) halve
/// the false candidates of 8,192 (32 KiB, in L1), and the keyword pass
/// takes about 60 % of the time on this repository's benchmark tree and
/// 77 % on crate sources; 65,536 gain nothing more.
const BUCKET_BITS: u32 = 15;
const BUCKETS: usize = 1 << BUCKET_BITS;
/// ASCII case folding that also works on whole words: it lowercases letters
/// and maps a few punctuation bytes together, which only costs false
/// candidates, never a missed keyword.
const FOLD: u64 = 0x2020_2020_2020_2020;

/// Every keyword occurrence, as `(start, end, pattern index)`.
#[derive(Debug)]
pub struct Keywords {
    /// Per bucket, the bits (`gram_bit`) of its anchors, all bits for a three-byte keyword.
    /// One spare entry at the end, as the AVX2 path's gathers read whole words.
    masks: Box<[u32; BUCKETS + 1]>,
    /// The multipliers of the bucket and of the mask bit.
    hash: (u32, u32),
    /// Whether this CPU runs the AVX2 path (eight positions per step).
    avx2: bool,
    /// `entries[offsets[b]..offsets[b + 1]]` are bucket `b`'s keywords.
    offsets: Box<[u32]>,
    entries: Box<[Entry]>,
    /// The keywords, lower-cased, one after another: pattern `i` is
    /// `text[starts[i]..starts[i + 1]]` (one allocation, not one per keyword).
    text: Box<[u8]>,
    starts: Box<[u32]>,
    /// Keywords of one or two bytes.
    short: Option<(AhoCorasick, Vec<u32>)>,
}

/// One keyword in a bucket: where its anchor sits in it, and its first eight
/// folded bytes, for a quick reject.
#[derive(Debug, Clone, Copy)]
struct Entry {
    prefix: u64,
    mask: u64,
    pattern: u32,
    anchor: u32,
}

// The commonest four-byte sequences of real code (folded as `| 0x20`), and
// how often each occurs per million: `src/engine/common_grams.txt`, made by
// `benches/common_grams.py`, embedded as a hash table by the build script.
include!(concat!(env!("OUT_DIR"), "/common_grams.rs"));

/// How often the four bytes at the start of `g` occur in code per million,
/// 0 when they are not among the commonest.
fn gram_count(g: &[u8]) -> u32 {
    let word = u32::from_le_bytes([g[0], g[1], g[2], g[3]]) | 0x2020_2020;
    let mut at = gram_slot(word);
    loop {
        match COMMON_GRAMS[at] {
            (0, _) => return 0,
            (w, count) if w == word => return count,
            _ => at = (at + 1) % COMMON_GRAMS.len(),
        }
    }
}

/// The first slot of `COMMON_GRAMS` to probe for `word` (the build script
/// hashes the same way).
fn gram_slot(word: u32) -> usize {
    (word.wrapping_mul(0x9E37_79B1) >> (32 - COMMON_GRAMS.len().trailing_zeros())) as usize
}

/// Roughly how often a byte occurs in source code, per mille (measured over a
/// few hundred Python and Rust files); only the order matters.
const fn commonness(b: u8) -> f32 {
    match b.to_ascii_lowercase() {
        b' ' => 270.0,
        b'e' => 62.0,
        b't' | b'\'' => 44.0,
        b'r' => 40.0,
        b's' | b'a' | b'n' => 35.0,
        b'i' | b'o' | b',' => 32.0,
        b'\n' => 28.0,
        b'l' => 26.0,
        b'c' => 21.0,
        b'd' | b'p' | b'u' | b'm' => 17.0,
        b'f' | b'"' => 13.0,
        b'_' | b'(' | b')' | b'g' => 11.0,
        b'h' | b'b' | b'.' | b'-' | b'=' => 8.0,
        b'y' | b'x' | b':' | b'w' | b'v' | b'k' | b'0' | b'/' => 5.0,
        b'1'..=b'9' | b'\t' => 3.0,
        b'q' | b'j' | b'z' => 1.0,
        0x80.. => 0.5,
        _ => 2.0,
    }
}

/// Where in `p` (at least four bytes) its least common four bytes start:
/// the sequence rarest in code by `common_grams`, and among those not in it
/// (rarer than any in it) the one of the least common bytes.
fn anchor(p: &[u8]) -> usize {
    // A table, as the match is slow and anchoring runs at every start-up.
    const COMMONNESS: [f32; 256] = {
        let mut t = [0.0; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = commonness(b as u8);
            b += 1;
        }
        t
    };
    let cost = |o: usize| -> (u32, f32) {
        let bytes: f32 = p[o..o + 4]
            .iter()
            .map(|&b| COMMONNESS[b as usize])
            .product();
        (gram_count(&p[o..]), bytes)
    };
    (0..=p.len() - 4)
        .map(|o| (cost(o), o))
        .min_by(|(a, _), (b, _)| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map_or(0, |(_, o)| o)
}

/// Pairs of hash multipliers (bucket, bit) `Keywords::new` picks from: odd
/// constants of no structure, the first Knuth's golden ratio.
const HASHES: [(u32, u32); 8] = [
    (0x9E37_79B1, 0x85EB_CA6B),
    (0xC2B2_AE35, 0x27D4_EB2F),
    (0x1656_67B1, 0x9E37_79B9),
    (0x85EB_CA77, 0xC2B2_AE3D),
    (0x27D4_EB2D, 0x1656_67B1),
    (0x7FEB_352D, 0x846C_A68B),
    (0x2C1B_3C6D, 0x297A_2D39),
    (0xD35A_2D97, 0x4F6C_DD1D),
];

/// The bucket of the three bytes at the start of `first4`.
#[inline(always)]
fn bucket(first4: u32, mul: u32) -> usize {
    (((first4 & 0x00FF_FFFF) | 0x0020_2020).wrapping_mul(mul) >> (32 - BUCKET_BITS)) as usize
}

fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The mask bit of all four bytes at the start of `first4`, case folded: a
/// hash of all four, so that sequences of a bucket that differ only in their
/// last byte still take different bits where five bits of that byte alone
/// would not (`(` and `h`, `.` and `n`).
#[inline(always)]
fn gram_bit(first4: u32, mul: u32) -> u32 {
    1 << ((first4 | 0x2020_2020).wrapping_mul(mul) >> 27)
}

/// Up to eight bytes from `at`, zero-padded past the end.
#[inline(always)]
fn load8(hay: &[u8], at: usize) -> u64 {
    match hay.get(at..at + 8) {
        Some(s) => u64::from_le_bytes(s.try_into().unwrap_or_default()),
        None => {
            let mut t = [0u8; 8];
            let rest = &hay[at.min(hay.len())..];
            t[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(t)
        }
    }
}

impl Keywords {
    /// Builds the matcher over `patterns` (any case); pattern ids are indices into it.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Keywords {
        let mut text: Vec<u8> = Vec::with_capacity(patterns.iter().map(|p| p.as_ref().len()).sum());
        let mut starts: Vec<u32> = Vec::with_capacity(patterns.len() + 1);
        starts.push(0);
        for p in patterns {
            text.extend(p.as_ref().iter().map(u8::to_ascii_lowercase));
            starts.push(text.len() as u32);
        }
        let patterns: Vec<&[u8]> = starts
            .windows(2)
            .map(|w| &text[w[0] as usize..w[1] as usize])
            .collect();
        let n = BUCKETS;
        // (pattern, anchor, the anchor's bytes) of each keyword of three
        // bytes or more.
        let mut anchored: Vec<(u32, u32, u32)> = Vec::new();
        let mut short: Vec<u32> = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            if p.len() < 3 {
                if !p.is_empty() {
                    short.push(i as u32);
                }
                continue;
            }
            let at = if p.len() >= 4 { anchor(p) } else { 0 };
            anchored.push((i as u32, at as u32, load8(p, at) as u32));
        }
        // On the heap from the start: 128 KiB is a lot of stack for a thread.
        let mut masks: Box<[u32; BUCKETS + 1]> = vec![0u32; BUCKETS + 1]
            .into_boxed_slice()
            .try_into()
            .expect("BUCKETS + 1 entries");
        let fill = |masks: &mut [u32; BUCKETS + 1], (mul, bit_mul): (u32, u32)| {
            for &(i, _, gram) in &anchored {
                masks[bucket(gram, mul)] |= if patterns[i as usize].len() >= 4 {
                    gram_bit(gram, bit_mul)
                } else {
                    u32::MAX
                };
            }
        };
        // The multipliers that let the least of common code through (the
        // commonest sequences weigh nearly all).
        let mut best = (u64::MAX, HASHES[0]);
        for &hash in &HASHES {
            fill(&mut masks, hash);
            let passed: u64 = COMMONEST_GRAMS
                .iter()
                .filter(|&&(g, _)| masks[bucket(g, hash.0)] & gram_bit(g, hash.1) != 0)
                .map(|&(_, count)| u64::from(count))
                .sum();
            best = best.min((passed, hash));
            for &(_, _, gram) in &anchored {
                masks[bucket(gram, hash.0)] = 0;
            }
        }
        let hash = best.1;
        fill(&mut masks, hash);
        let mut keyed: Vec<(usize, u32, u32)> = anchored
            .iter()
            .map(|&(i, at, gram)| (bucket(gram, hash.0), i, at))
            .collect();
        keyed.sort_unstable();
        let mut offsets = vec![0u32; n + 1];
        for &(b, _, _) in &keyed {
            offsets[b + 1] += 1;
        }
        for b in 0..n {
            offsets[b + 1] += offsets[b];
        }
        let entries: Vec<Entry> = keyed
            .iter()
            .map(|&(_, i, anchor)| {
                let p = &patterns[i as usize];
                let mask = match p.len() {
                    8.. => u64::MAX,
                    l => (1u64 << (8 * l)) - 1,
                };
                Entry {
                    prefix: (load8(p, 0) | FOLD) & mask,
                    mask,
                    pattern: i,
                    anchor,
                }
            })
            .collect();
        let short = (!short.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(short.iter().map(|&i| patterns[i as usize]))
                    .ok()
                    .map(|ac| (ac, short))
            })
            .flatten();
        Keywords {
            masks,
            hash,
            avx2: has_avx2(),
            offsets: offsets.into_boxed_slice(),
            entries: entries.into_boxed_slice(),
            text: text.into_boxed_slice(),
            starts: starts.into_boxed_slice(),
            short,
        }
    }

    /// The pattern id of `keyword` (any case), if it is one.
    pub fn id_of(&self, keyword: &[u8]) -> Option<usize> {
        self.starts
            .windows(2)
            .position(|w| self.text[w[0] as usize..w[1] as usize].eq_ignore_ascii_case(keyword))
    }

    /// Calls `hit(start, end, pattern)` for every occurrence of every keyword,
    /// overlapping ones included.
    pub fn for_each(&self, hay: &[u8], mut hit: impl FnMut(usize, usize, usize)) {
        let masks: &[u32; BUCKETS + 1] = &self.masks;
        let (mul, bit_mul) = self.hash;
        let mut i = self.vector_part(hay, &mut hit);
        // Four positions per eight-byte load.
        while i + 8 <= hay.len() {
            let w = load8(hay, i);
            for j in 0..4 {
                let first4 = (w >> (8 * j)) as u32;
                let b = bucket(first4, mul);
                if masks[b] & gram_bit(first4, bit_mul) != 0 {
                    self.confirm(hay, i + j, b, &mut hit);
                }
            }
            i += 4;
        }
        while i + 3 <= hay.len() {
            let first4 = load8(hay, i) as u32;
            let b = bucket(first4, mul);
            // At the last position the fourth byte is zero padding, whose bit
            // every three-byte keyword's bucket has.
            if masks[b] & gram_bit(first4, bit_mul) != 0 {
                self.confirm(hay, i, b, &mut hit);
            }
            i += 1;
        }
        if let Some((ac, ids)) = &self.short {
            for m in ac.find_overlapping_iter(hay) {
                hit(m.start(), m.end(), ids[m.pattern().as_usize()] as usize);
            }
        }
    }

    /// Runs the AVX2 path where the CPU has one; returns where the scalar loop
    /// takes over (0 without AVX2).
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
    fn vector_part(&self, hay: &[u8], hit: &mut impl FnMut(usize, usize, usize)) -> usize {
        #[cfg(target_arch = "x86_64")]
        {
            if self.avx2 {
                // SAFETY: `avx2` is only set when the CPU has AVX2.
                return unsafe { self.for_each_avx2(hay, hit) };
            }
        }
        0
    }

    /// The same test as the scalar loop, eight positions at a time: it
    /// builds the eight four-byte words with one shuffle, hashes them with one
    /// multiply and fetches their masks with one gather. Returns where it
    /// stopped; the scalar loop does the last few bytes.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn for_each_avx2(&self, hay: &[u8], hit: &mut impl FnMut(usize, usize, usize)) -> usize {
        use std::arch::x86_64::*;
        let table = self.masks.as_ptr() as *const i32;
        #[rustfmt::skip]
        let words = _mm256_setr_epi8(
            0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6,
            4, 5, 6, 7, 5, 6, 7, 8, 6, 7, 8, 9, 7, 8, 9, 10,
        );
        let low3 = _mm256_set1_epi32(0x00FF_FFFF);
        let fold = _mm256_set1_epi32(0x0020_2020);
        let mul = _mm256_set1_epi32(self.hash.0 as i32);
        let bit_mul = _mm256_set1_epi32(self.hash.1 as i32);
        let fold4 = _mm256_set1_epi32(0x2020_2020);
        let one = _mm256_set1_epi32(1);
        let mut i = 0;
        while i + 16 <= hay.len() {
            // SAFETY: i + 16 <= hay.len(), so the 16-byte load is in bounds.
            let v = unsafe { _mm_loadu_si128(hay.as_ptr().add(i) as *const __m128i) };
            let first4 = _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(v), words);
            let tri = _mm256_or_si256(_mm256_and_si256(first4, low3), fold);
            let b = _mm256_srli_epi32::<{ 32 - BUCKET_BITS as i32 }>(_mm256_mullo_epi32(tri, mul));
            // SAFETY: b < BUCKETS, and the table has BUCKETS + 1 u32 entries,
            // so the four bytes at 4 * b are inside it.
            let m = unsafe { _mm256_i32gather_epi32::<4>(table, b) };
            let which = _mm256_srli_epi32::<27>(_mm256_mullo_epi32(
                _mm256_or_si256(first4, fold4),
                bit_mul,
            ));
            let bit = _mm256_sllv_epi32(one, which);
            let miss = _mm256_cmpeq_epi32(_mm256_and_si256(m, bit), _mm256_setzero_si256());
            let mut pass = !(_mm256_movemask_ps(_mm256_castsi256_ps(miss)) as u32) & 0xFF;
            while pass != 0 {
                let at = i + pass.trailing_zeros() as usize;
                pass &= pass - 1;
                self.confirm(hay, at, bucket(load8(hay, at) as u32, self.hash.0), hit);
            }
            i += 8;
        }
        i
    }

    /// Reports the keywords of bucket `b` whose anchor sits at `at`.
    #[inline(never)]
    fn confirm(&self, hay: &[u8], at: usize, b: usize, hit: &mut impl FnMut(usize, usize, usize)) {
        let range = self.offsets[b] as usize..self.offsets[b + 1] as usize;
        for e in &self.entries[range] {
            let Some(start) = at.checked_sub(e.anchor as usize) else {
                continue;
            };
            if (load8(hay, start) | FOLD) & e.mask != e.prefix {
                continue;
            }
            let i = e.pattern as usize;
            let p = &self.text[self.starts[i] as usize..self.starts[i + 1] as usize];
            if hay
                .get(start..start + p.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(p))
            {
                hit(start, start + p.len(), e.pattern as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(patterns: &[&str], hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (pi, p) in patterns.iter().enumerate() {
            let p = p.as_bytes();
            for s in 0..hay.len() {
                if hay.len() - s >= p.len() && hay[s..s + p.len()].eq_ignore_ascii_case(p) {
                    out.push((s, s + p.len(), pi));
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The hits, sorted; the scalar loop and (where the CPU has it) the AVX2
    /// path must agree on them.
    fn found(k: &mut Keywords, hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let run = |k: &Keywords| {
            let mut out = Vec::new();
            k.for_each(hay, |s, e, p| out.push((s, e, p)));
            out.sort_unstable();
            out
        };
        let fast = run(k);
        let avx2 = std::mem::replace(&mut k.avx2, false);
        let scalar = run(k);
        k.avx2 = avx2;
        assert_eq!(fast, scalar, "AVX2 and scalar paths differ on {hay:?}");
        fast
    }

    #[test]
    fn finds_what_a_naive_search_finds_at_every_offset() {
        let pats = [
            "ghp_",
            "AKIA",
            "pat",
            "password",
            "_pass",
            "sk-",
            "x",
            "ab",
            "secret_access_key",
            "tok",
            "token",
            "\u{e9}t\u{e9}",
            "-----BEGIN",
        ];
        let owned: Vec<String> = pats.iter().map(|s| s.to_string()).collect();
        let mut k = Keywords::new(&owned);
        // A tiny xorshift so the test is repeatable without a crate.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"abcdeghkopstwxyzAKIPST_-0123456789 \n\xc3\xa9";
        for round in 0..400 {
            let len = (round % 40) + (round / 40);
            let mut hay = Vec::with_capacity(len);
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Plant whole keywords now and then so hits are not rare.
                if state.is_multiple_of(11) {
                    hay.extend_from_slice(pats[(state >> 8) as usize % pats.len()].as_bytes());
                } else {
                    hay.push(alphabet[(state >> 8) as usize % alphabet.len()]);
                }
            }
            assert_eq!(found(&mut k, &hay), naive(&pats, &hay), "haystack {hay:?}");
        }
    }

    /// The build script hashes the table as `gram_slot` probes it: were the
    /// two to differ, look-ups would miss and anchors would quietly worsen.
    #[test]
    fn every_common_gram_is_found_with_its_count() {
        for &(word, count) in &COMMONEST_GRAMS {
            assert_eq!(gram_count(&word.to_le_bytes()), count, "{word:08x}");
        }
        let stored = COMMON_GRAMS.iter().filter(|&&(w, _)| w != 0);
        assert!(stored.clone().count() >= COMMONEST_GRAMS.len());
        for &(word, count) in stored {
            assert_eq!(gram_count(&word.to_le_bytes()), count, "{word:08x}");
        }
    }

    #[test]
    fn anchors_on_uncommon_bytes() {
        // "ss_k": not "secr", nor "_key", which code is full of.
        assert_eq!(anchor(b"secret_access_key"), 11);
        assert_ne!(&b"accounts:"[anchor(b"accounts:")..][..4], b"ccou");
        assert_eq!(anchor(b"ghp_"), 0);
        assert_eq!(anchor(b"xoxb-"), 0);
    }

    #[test]
    fn keywords_at_the_very_end_and_in_any_case() {
        let owned: Vec<String> = ["pat", "akia", "ghp_"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut k = Keywords::new(&owned);
        assert_eq!(found(&mut k, b"PAT"), vec![(0, 3, 0)]);
        assert_eq!(found(&mut k, b"xxAkIa"), vec![(2, 6, 1)]);
        assert_eq!(found(&mut k, b"1234567ghp_"), vec![(7, 11, 2)]);
        assert_eq!(found(&mut k, b"pa"), vec![]);
        assert_eq!(found(&mut k, b""), vec![]);
    }

    #[test]
    fn agrees_with_aho_corasick_on_the_built_in_keywords() {
        let mut kws: Vec<String> = crate::rules::builtin()
            .expect("built-in rules")
            .iter()
            .flat_map(|r| r.keywords.iter().map(|k| k.to_ascii_lowercase()))
            .collect();
        kws.sort();
        kws.dedup();
        let mut k = Keywords::new(&kws);
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&kws)
            .expect("automaton");
        let mut hay: Vec<u8> = Vec::new();
        for (i, kw) in kws.iter().enumerate() {
            hay.extend_from_slice(b"let x = ");
            hay.extend_from_slice(
                if i % 2 == 0 {
                    kw.to_ascii_uppercase()
                } else {
                    kw.clone()
                }
                .as_bytes(),
            );
            hay.extend_from_slice(&b"_password = \"secret token\";\n"[..i % 29]);
        }
        let mut expected: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(&hay)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        expected.sort_unstable();
        assert!(expected.len() > kws.len());
        assert_eq!(found(&mut k, &hay), expected);
    }
}
