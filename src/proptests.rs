//! Properties of the hardening issue, checked on the library's own entry
//! points (built-in rules, the engine through the per-blob pipeline,
//! redaction, dedup): a secret planted anywhere in random text is found by
//! its rule where it was planted; a redacted value never shows more than the
//! documented prefix and suffix; a fingerprint does not depend on where the
//! secret is. Planted secrets are generated at run time, so this file holds
//! none.
use crate::app::pipeline::Pipeline;
use crate::blob::{Blob, Origin};
use crate::engine::checksum::Checksum;
use crate::engine::{entropy::shannon, score::placeholder_factor, Engine};
use crate::finding::{dedup, fingerprint, redact, Occurrence, Secret};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(crate::rules::builtin().expect("built-in rules")).expect("built-in engine")
    })
}

/// The per-blob step as `stanch scan` runs it by default.
fn pipeline() -> Pipeline<'static> {
    Pipeline {
        engine: engine(),
        min_confidence: 0.3,
        inline_allow: true,
        show_secrets: false,
        decode_depth: 2,
    }
}

/// A token of a distinctive shape and the rule that must report it.
#[derive(Debug, Clone)]
struct Planted {
    rule: &'static str,
    token: String,
}

/// GitHub's token checksum: the CRC32 of the 30 random characters, in
/// base62, left-padded to 6 (checked against the engine's own validator).
fn github_token(body: &str) -> String {
    const B62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut n = u64::from(crc32fast::hash(body.as_bytes()));
    let mut check = vec![b'0'; 6];
    for d in check.iter_mut().rev() {
        *d = B62[(n % 62) as usize];
        n /= 62;
    }
    let check = std::str::from_utf8(&check).expect("base62 is ASCII");
    ["gh", "p_", body, check].concat()
}

/// Tokens the scorer must report: random bodies, minus the rare draw that
/// looks like a placeholder (`fake`, a run, a sequence) or has too little
/// entropy, which the rules rightly demote.
fn planted() -> impl Strategy<Value = Planted> {
    prop_oneof![
        "[0-9A-Za-z]{30}".prop_map(|body| Planted {
            rule: "github-classic-pat",
            token: github_token(&body),
        }),
        "[0-9A-Za-z]{24,80}".prop_map(|body| Planted {
            rule: "stripe-live-secret-key",
            token: ["sk_", "live_", &body].concat(),
        }),
    ]
    .prop_filter("a value its rule reports", |p| {
        placeholder_factor(p.token.as_bytes()) == 1.0 && shannon(p.token.as_bytes()) >= 3.8
    })
}

/// Bytes of a line of random text: words, punctuation and bytes that are
/// not UTF-8 (or form multi-byte characters), never a line ending. No `%`,
/// `\` or `&`, whose decodings would legitimately report the token at the
/// encoded span instead of its own column.
fn filler() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        "[a-z]{1,8}".prop_map(String::into_bytes),
        proptest::sample::select(b" \t=:;,.\"'()[]{}<>#-+*/!?".to_vec()).prop_map(|b| vec![b]),
        proptest::collection::vec(0x80u8..=0xff, 1..4),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Bytes that end a token on either side: `\b` holds next to them whatever
/// the filler beyond them is.
fn before() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["", " ", "=", "= \"", ": '", "(", "\t", "token="])
}

fn after() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["", " ", "\"", "';", ",", ")", " # x"])
}

/// A text of random lines with `token` planted in one of them, and the
/// planted token's byte offset.
#[derive(Debug, Clone)]
struct Text {
    bytes: Vec<u8>,
    at: usize,
}

fn text_with(token: String) -> impl Strategy<Value = Text> {
    (
        proptest::collection::vec((filler(), prop::bool::ANY), 0..20),
        0usize..20,
        filler(),
        before(),
        after(),
        filler(),
    )
        .prop_map(move |(lines, k, pre, b, a, post)| {
            let k = k.min(lines.len());
            let mut bytes = Vec::new();
            let mut at = 0;
            for (i, (line, crlf)) in lines.iter().enumerate() {
                if i == k {
                    at = plant(&mut bytes, &pre, b, &token, a, &post);
                    bytes.extend_from_slice(if *crlf { b"\r\n" } else { b"\n" });
                }
                bytes.extend_from_slice(line);
                bytes.extend_from_slice(if *crlf { b"\r\n" } else { b"\n" });
            }
            if k == lines.len() {
                at = plant(&mut bytes, &pre, b, &token, a, &post);
            }
            Text { bytes, at }
        })
}

/// Appends `pre` `b` `token` `a` `post` and returns where the token starts.
/// A separator is forced between filler and token when `b` or `a` is empty.
fn plant(out: &mut Vec<u8>, pre: &[u8], b: &str, token: &str, a: &str, post: &[u8]) -> usize {
    out.extend_from_slice(pre);
    out.extend_from_slice(
        if b.is_empty() && !pre.is_empty() {
            " "
        } else {
            b
        }
        .as_bytes(),
    );
    let at = out.len();
    out.extend_from_slice(token.as_bytes());
    out.extend_from_slice(
        if a.is_empty() && !post.is_empty() {
            " "
        } else {
            a
        }
        .as_bytes(),
    );
    out.extend_from_slice(post);
    at
}

/// 1-based line and column of `offset`, from the documented definition
/// (lines end at `\n`; a column is a UTF-8 scalar value, or one byte that
/// is not part of one), decoded one character at a time.
fn expected_position(bytes: &[u8], offset: usize) -> (u32, u32) {
    let line_start = bytes[..offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let mut column = 1;
    let mut i = line_start;
    while i < offset {
        let len = (1..=4)
            .find(|&n| i + n <= offset && std::str::from_utf8(&bytes[i..i + n]).is_ok())
            .unwrap_or(1);
        i += len;
        column += 1;
    }
    (line, column)
}

fn found<'o>(occurrences: &'o [Occurrence], p: &Planted) -> Option<&'o Occurrence> {
    occurrences
        .iter()
        .find(|o| &*o.rule_id == p.rule && o.secret.expose() == p.token)
}

fn planted_text() -> impl Strategy<Value = (Planted, Text)> {
    planted().prop_flat_map(|p| {
        let token = p.token.clone();
        (Just(p), text_with(token))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_planted_secret_is_found_at_its_line_and_column((p, text) in planted_text()) {
        prop_assert_eq!(
            Checksum::Github.verify(p.token.as_bytes()).unwrap_or(true),
            true,
            "the generator makes valid GitHub checksums"
        );
        let blob = Blob::new(&text.bytes[..], Origin::path("random.txt"));
        let out = pipeline().process(&blob);
        let o = found(&out.occurrences, &p);
        prop_assert!(
            o.is_some(),
            "{} not found in {:?}: {:?}",
            p.rule,
            String::from_utf8_lossy(&text.bytes),
            out.occurrences
        );
        let o = o.expect("checked");
        let (line, column) = expected_position(&text.bytes, text.at);
        let len = p.token.len() as u32;
        prop_assert_eq!(
            (o.location.line, o.location.column, o.location.end_line, o.location.end_column),
            (line, column, line, column + len)
        );
        // The snippet shows the line with the token redacted, never in full.
        prop_assert!(!o.snippet.contains(&p.token));
        prop_assert!(o.snippet.contains(&redact(&p.token)), "{}", o.snippet);
    }

    #[test]
    fn a_fingerprint_does_not_depend_on_where_the_secret_is(
        (p, one, two) in planted().prop_flat_map(|p| {
            let t = p.token.clone();
            (Just(p), text_with(t.clone()), text_with(t))
        })
    ) {
        let first = pipeline().process(&Blob::new(&one.bytes[..], Origin::path("a/one.txt")));
        let second = pipeline().process(&Blob::new(&two.bytes[..], Origin::path("b/two.env")));
        let a = found(&first.occurrences, &p).expect("planted in one").clone();
        let b = found(&second.occurrences, &p).expect("planted in two").clone();
        let expected = fingerprint(p.rule, &Secret::new(p.token.clone()));
        prop_assert_eq!(fingerprint(&a.rule_id, &a.secret), expected.clone());
        prop_assert_eq!(fingerprint(&b.rule_id, &b.secret), expected.clone());
        let findings = dedup(vec![a, b]);
        prop_assert_eq!(findings.len(), 1);
        prop_assert_eq!(&findings[0].fingerprint, &expected);
        prop_assert_eq!(findings[0].locations.len(), 2);
    }

    /// README: "secrets are redacted in every output"; `redact`: long values
    /// keep 4 leading and 4 trailing characters, medium ones 2 and 2, short
    /// ones nothing. Any string, any length, any characters.
    #[test]
    fn redaction_shows_at_most_the_documented_prefix_and_suffix(s in ".{0,100}") {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        let keep = match n {
            0..=11 => 0,
            12..=23 => 2,
            _ => 4,
        };
        let r = redact(&s);
        let expected: String = if keep == 0 {
            "****".to_string()
        } else {
            chars[..keep]
                .iter()
                .chain(std::iter::once(&'…'))
                .chain(&chars[n - keep..])
                .collect()
        };
        prop_assert_eq!(&r, &expected);
        // At most a third of the value, whatever its length.
        prop_assert!(2 * keep * 3 <= n.max(1), "{} of {} characters shown", 2 * keep, n);
        let shown = Secret::new(s.clone());
        prop_assert_eq!(format!("{shown}"), expected.clone());
        prop_assert_eq!(format!("{shown:?}"), format!("Secret({expected})"));
    }
}
