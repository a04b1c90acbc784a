//! Confidence scoring: a rule's base confidence moved by evidence about the
//! secret itself (entropy, checksum, placeholder shapes).
use super::checksum::Checksum;
use super::entropy::shannon;

/// The verdict on one candidate secret.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Shannon entropy, bits per byte.
    pub entropy: f64,
    /// Checksum verdict, when the rule has a validator and the secret its shape.
    pub checksum_valid: Option<bool>,
}

/// Words that mark documentation and test values rather than live secrets.
const PLACEHOLDER_WORDS: &[&str] = &[
    "example",
    "sample",
    "dummy",
    "fake",
    "mock",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "your_",
    "your-",
    "yourkey",
    "yourtoken",
    "yoursecret",
    "redacted",
    "xxxx",
    "****",
    "....",
    "insert_",
    "insert-",
    "_here",
    "-here",
    "replace_me",
    "replaceme",
    "notreal",
    "not_real",
    "lorem",
    "abc123",
    // A value that spells out what it is stands in for one in documentation
    // (`"Password": "SomeKindOfPassword123!@#"`); random secrets do not.
    "password",
    "passw0rd",
    // Instructions in templates: `SECRET_KEY=generate-a-32-char-random-string`,
    // `JWT_SECRET_KEY=generate-with-openssl-rand-base64-32`.
    "generate-a-",
    "generate_a_",
    "generate-with",
    "generate_with",
    "openssl-rand",
    "random-string",
];

/// Values that specifications and vendor documentation print as examples:
/// everyone who copies the example copies these, and none of them is live.
/// A secret holding one (a JWT with jwt.io's signature) is a test vector.
const KNOWN_EXAMPLES: &[&[u8]] = &[
    // OAuth 2.0 (RFC 6749, RFC 7009) tokens and client credentials.
    b"2YotnFZFEjr1zCsicMWpAA",
    b"tGzv3JOkF0XG5Qx2TlKWIA",
    b"SplxlOBeZQQYbYS6WxSbIA",
    b"45ghiukldjahdnhzdauz",
    b"czZCaGRSa3F0MzpnWDFmQmF0M2JW",
    // The same client credentials decoded (`s6BhdRkqt3:gX1fBat3bV`).
    b"gX1fBat3bV",
    // AWS's documented key pairs.
    b"AKIAIOSFODNN7EXAMPLE",
    b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    b"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    // Flask's documentation's example `SECRET_KEY`.
    br#"_5#y2L"F4Q8z\n\xec]/"#,
    // Azurite's and the Azure Storage Emulator's published account key.
    b"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    // Stripe's documented test-mode keys.
    b"sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    b"sk_test_BQokikJOvBiI2HlWgH4olfQ2",
    // jwt.io's example token's signature (secret `your-256-bit-secret`).
    b"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    // The Azure SAS signature that AWS DataSync's API documentation shows.
    b"aBBKDWQvyuVcTPH9EBp",
    // RFC 6238's TOTP test secret, base32 of `12345678901234567890`.
    b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
];

/// Whether a secret is, or holds, a documented example value.
pub fn known_example(secret: &[u8]) -> bool {
    KNOWN_EXAMPLES
        .iter()
        .any(|k| memchr::memmem::find(secret, k).is_some())
}

/// The highest confidence a token with a failed checksum keeps: below the
/// default threshold, so `--min-confidence 0.2` still shows it.
pub const INVALID_CHECKSUM_CEILING: f64 = 0.25;

/// Scores a candidate; `None` when the entropy gate drops it.
pub fn score(
    base: f64,
    min_entropy: Option<f64>,
    checksum: Option<Checksum>,
    secret: &[u8],
) -> Option<Score> {
    let entropy = shannon(secret);
    if min_entropy.is_some_and(|min| entropy < min) {
        return None;
    }
    let mut confidence = base * placeholder_factor(secret);
    if known_example(secret) {
        confidence *= 0.2;
    }
    let checksum_valid = checksum.and_then(|c| c.verify(secret));
    match checksum_valid {
        Some(true) => confidence = confidence.max(0.99),
        // A token whose checksum fails was never issued by its provider: a
        // test or made-up value, kept below the default threshold.
        Some(false) => confidence = (confidence * 0.25).min(INVALID_CHECKSUM_CEILING),
        None => {}
    }
    Some(Score {
        confidence: confidence.clamp(0.0, 1.0),
        entropy,
        checksum_valid,
    })
}

/// A multiplier in (0, 1]: 1 for a value with no placeholder evidence.
pub fn placeholder_factor(secret: &[u8]) -> f64 {
    let lower = secret.to_ascii_lowercase();
    let has = |needle: &str| memchr::memmem::find(&lower, needle.as_bytes()).is_some();
    let mut f = 1.0;
    if PLACEHOLDER_WORDS.iter().any(|w| has(w)) {
        f *= 0.25;
    }
    // Templating and variable references: `${X}`, `{{ x }}`, `<YOUR_KEY>`,
    // `%(x)s`, `$(cmd)`, and whole values of Ruby's `#{x}` and Windows'
    // `%NAME%` (random printable salts hold `#{` and `%` too).
    let whole = |open: &[u8], close: u8| {
        lower.len() > open.len() + 1
            && lower.starts_with(open)
            && lower.ends_with(&[close])
            && lower[open.len()..lower.len() - 1]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
    };
    if has("${")
        || whole(b"#{", b'}')
        || whole(b"%", b'%')
        || has("{{")
        || has("%(")
        || has("$(")
        || (lower.first() == Some(&b'<') && lower.last() == Some(&b'>'))
    {
        f *= 0.2;
    }
    // Code rather than a value: environment lookups and calls.
    if has("getenv") || has("process.env") || has("environ") || looks_like_call(&lower) {
        f *= 0.3;
    }
    if longest_run(&lower) >= 5.max(lower.len() / 3) {
        f *= 0.3;
    }
    if longest_sequence(&lower) >= 6 {
        f *= 0.3;
    }
    f
}

/// `name(…)` or `a.b(…)`: a call, not a literal. A `(` inside random text
/// (generated Django keys and WordPress salts have them) is not one.
fn looks_like_call(s: &[u8]) -> bool {
    let Some(open) = s.iter().position(|&b| b == b'(') else {
        return false;
    };
    open > 0
        && s[..open]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'$'))
        && s[open..].contains(&b')')
}

fn longest_run(s: &[u8]) -> usize {
    let (mut best, mut cur) = (0, 0);
    for (i, &b) in s.iter().enumerate() {
        cur = if i > 0 && s[i - 1] == b { cur + 1 } else { 1 };
        best = best.max(cur);
    }
    best
}

/// Longest run of consecutive ascending or descending alphanumerics (abcdef, 654321).
fn longest_sequence(s: &[u8]) -> usize {
    let (mut best, mut up, mut down) = (1.min(s.len()), 1, 1);
    for w in s.windows(2) {
        let (a, b) = (w[0], w[1]);
        let alnum = a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric();
        up = if alnum && b == a.wrapping_add(1) {
            up + 1
        } else {
            1
        };
        down = if alnum && b.wrapping_add(1) == a {
            down + 1
        } else {
            1
        };
        best = best.max(up).max(down);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_lower_confidence() {
        let real = score(0.9, Some(3.0), None, b"R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5gA").unwrap();
        assert!((real.confidence - 0.9).abs() < 1e-9);
        // Random printable salts hold `#{` and `%`: only whole references count.
        for v in [&b"}Fi>>0a#{> akEdJ1K3c}([(:x;K[)Z"[..], b"%Kq9vL2x%W7mZt!"] {
            let s = score(0.9, None, None, v).unwrap();
            assert!(s.confidence > 0.8, "{}", String::from_utf8_lossy(v));
        }
        for p in [
            &b"SomeKindOfPassword123!@#"[..],
            b"webdavpassword1",
            &b"your_api_key_goes_here_1234"[..],
            b"${API_TOKEN}",
            b"<YOUR_TOKEN>",
            b"EXAMPLEKEY9f8e7d6c",
            b"os.getenv(\"X\")",
            b"aaaaaaaaaaaaaaa1",
            b"abcdefgh12",
            b"%SMTP_TOKEN%",
            b"#{deploy.token}",
            b"insert-token-here",
        ] {
            let s = score(0.9, None, None, p).unwrap();
            assert!(
                s.confidence < 0.3,
                "{:?} kept {}",
                String::from_utf8_lossy(p),
                s.confidence
            );
        }
    }

    #[test]
    fn entropy_gate_drops() {
        assert!(score(0.9, Some(3.0), None, b"aaaaaaaabbbbbbbb").is_none());
    }

    #[test]
    fn checksum_moves_confidence() {
        let body = "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5";
        let good = format!(
            "ghp_{body}{}",
            super::super::checksum::base62(crc32fast::hash(body.as_bytes()) as u64, 6)
        );
        let s = score(0.9, None, Some(Checksum::Github), good.as_bytes()).unwrap();
        assert_eq!(s.checksum_valid, Some(true));
        assert!(s.confidence >= 0.99);
        let s = score(
            0.9,
            None,
            Some(Checksum::Github),
            b"ghp_R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5gA2eQw",
        )
        .unwrap();
        assert_eq!(s.checksum_valid, Some(false));
        assert!((s.confidence - 0.225).abs() < 1e-9);
        assert!(s.confidence < crate::engine::DEFAULT_MIN_CONFIDENCE);
    }
}
