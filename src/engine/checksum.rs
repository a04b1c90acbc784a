//! Checksums that some token formats carry, so that a real token can be told
//! from a look-alike without asking the provider.
//!
//! GitHub (`ghp_` and siblings) and npm (`npm_`) tokens are a 4-character
//! prefix, 30 random base62 characters and 6 characters holding the CRC32 of
//! those 30, in base62 (`0-9A-Za-z`), left-padded with `0`.
//!
//! GitLab's routable tokens (`glpat-<payload>.01.<len><crc>`) end in 7
//! characters holding the CRC32 (zlib) of everything before them, in
//! lower-case base36, left-padded with `0` (GitLab's `RoutableToken`
//! generator; its decoder accepts a token only when they match). Tokens of
//! the older forms, without the `.01.` tail, carry none.

/// A checksum validator a rule can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checksum {
    /// GitHub's CRC32/base62 token checksum.
    Github,
    /// npm's token checksum (same construction as GitHub's).
    Npm,
    /// GitLab's routable-token CRC32/base36 tail.
    GitlabRoutable,
}

impl Checksum {
    /// Parses a validator name as written in a rule.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "github" => Some(Checksum::Github),
            "npm" => Some(Checksum::Npm),
            "gitlab-routable" => Some(Checksum::GitlabRoutable),
            _ => None,
        }
    }

    /// Whether `token` carries a valid checksum (None: it has not the shape).
    pub fn verify(self, token: &[u8]) -> Option<bool> {
        match self {
            Checksum::Github | Checksum::Npm => crc32_base62(token),
            Checksum::GitlabRoutable => gitlab_routable(token),
        }
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` in the radix of `digits`, left-padded with `0` to `width`.
fn radix(mut n: u64, digits: &[u8], width: usize) -> String {
    let base = digits.len() as u64;
    let mut out = Vec::with_capacity(width);
    while n > 0 {
        out.push(digits[(n % base) as usize]);
        n /= base;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).expect("radix digits are ASCII")
}

/// Base62 of `n`, left-padded with `0` to `width`.
pub(crate) fn base62(n: u64, width: usize) -> String {
    radix(n, BASE62, width)
}

/// Lower-case base36 of `n`, left-padded with `0` to `width`.
fn base36(n: u64, width: usize) -> String {
    radix(n, b"0123456789abcdefghijklmnopqrstuvwxyz", width)
}

fn gitlab_routable(token: &[u8]) -> Option<bool> {
    // `<prefix><payload>.<2 version>.<2 length><7 crc>`
    let n = token.len();
    if n < 16 || token[n - 9 - 1] != b'.' || token[n - 9 - 4] != b'.' {
        return None;
    }
    let (body, crc) = token.split_at(n - 7);
    Some(base36(crc32fast::hash(body) as u64, 7).as_bytes() == crc)
}

fn crc32_base62(token: &[u8]) -> Option<bool> {
    if token.len() != 40 || token[3] != b'_' {
        return None;
    }
    let (body, check) = (&token[4..34], &token[34..]);
    Some(base62(crc32fast::hash(body) as u64, 6).as_bytes() == check)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Rule::new` relies on it: `RuleSpec::problems` admits these names only.
    #[test]
    fn every_name_the_model_admits_exists() {
        for name in crate::rules::CHECKSUMS {
            assert!(Checksum::from_name(name).is_some(), "{name}");
        }
    }

    /// Builds a well-formed token at run time, so no valid token sits in the source.
    pub(crate) fn make_token(prefix: &str, body: &str) -> String {
        format!(
            "{prefix}{body}{}",
            base62(crc32fast::hash(body.as_bytes()) as u64, 6)
        )
    }

    #[test]
    fn valid_and_invalid() {
        let t = make_token("ghp_", "R8kq2LmZ7vN4xT1pW9sY3cB6dF0hJ5");
        assert_eq!(Checksum::Github.verify(t.as_bytes()), Some(true));
        let mut bad = t.into_bytes();
        bad[39] = if bad[39] == b'A' { b'B' } else { b'A' };
        assert_eq!(Checksum::Github.verify(&bad), Some(false));
        assert_eq!(Checksum::Npm.verify(b"npm_short"), None);
    }

    #[test]
    fn gitlab_routable_tail() {
        let body = "glpat-OBSlh4kR12_4AgSnMA9BG4J870s5K8Pu15wpRdUx.01.14";
        let good = format!(
            "{body}{}",
            base36(crc32fast::hash(body.as_bytes()) as u64, 7)
        );
        assert_eq!(Checksum::GitlabRoutable.verify(good.as_bytes()), Some(true));
        let bad = format!("{body}0000000");
        assert_eq!(Checksum::GitlabRoutable.verify(bad.as_bytes()), Some(false));
        // The older form has no tail to check.
        assert_eq!(
            Checksum::GitlabRoutable.verify(format!("glpat-{}", "Zq8Lm2Xw7Rk4Tn9Vb3Hc").as_bytes()),
            None
        );
    }

    #[test]
    fn base62_pads() {
        assert_eq!(base62(0, 6), "000000");
        assert_eq!(base62(61, 2), "0z");
        assert_eq!(base62(62, 1), "10");
    }
}
