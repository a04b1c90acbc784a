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
//!
//! PyPI API tokens (`pypi-…`) carry no checksum but a structure: the rest is
//! a macaroon in the version 2 binary format (libmacaroons' `format.txt`:
//! a version byte 2, then fields of a type, a length and data, sections
//! closed by an end byte 0, and a 32-byte signature last), base64url without
//! padding. A random tail after the fixed `AgEIcHlwaS5vcmc` (`pypi.org`)
//! almost never parses, so a token that does not was never issued.
use base64::Engine as _;

/// A checksum validator a rule can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checksum {
    /// GitHub's CRC32/base62 token checksum.
    Github,
    /// npm's token checksum (same construction as GitHub's).
    Npm,
    /// GitLab's routable-token CRC32/base36 tail.
    GitlabRoutable,
    /// PyPI's macaroon structure (version 2 binary format).
    PypiMacaroon,
}

impl Checksum {
    /// Parses a validator name as written in a rule.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "github" => Some(Checksum::Github),
            "npm" => Some(Checksum::Npm),
            "gitlab-routable" => Some(Checksum::GitlabRoutable),
            "pypi-macaroon" => Some(Checksum::PypiMacaroon),
            _ => None,
        }
    }

    /// Whether `token` carries a valid checksum (None: it has not the shape).
    pub fn verify(self, token: &[u8]) -> Option<bool> {
        match self {
            Checksum::Github | Checksum::Npm => crc32_base62(token),
            Checksum::GitlabRoutable => gitlab_routable(token),
            Checksum::PypiMacaroon => pypi_macaroon(token),
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

fn pypi_macaroon(token: &[u8]) -> Option<bool> {
    let body = token.strip_prefix(b"pypi-")?;
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(body) else {
        return Some(false);
    };
    Some(macaroon_v2(&bytes))
}

/// Whether `b` is exactly one macaroon in the version 2 binary format.
fn macaroon_v2(b: &[u8]) -> bool {
    /// A field: (type, data); type 0 is the end of a section and has no data.
    fn field<'a>(b: &'a [u8], at: &mut usize) -> Option<(u64, &'a [u8])> {
        let kind = varint(b, at)?;
        if kind == 0 {
            return Some((0, &[]));
        }
        let len = usize::try_from(varint(b, at)?).ok()?;
        let data = b.get(*at..at.checked_add(len)?)?;
        *at += len;
        Some((kind, data))
    }
    fn varint(b: &[u8], at: &mut usize) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *b.get(*at)?;
            *at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    const LOCATION: u64 = 1;
    const IDENTIFIER: u64 = 2;
    const VID: u64 = 4;
    const SIGNATURE: u64 = 6;
    /// One section: an optional location, an identifier, an optional
    /// verification id (caveats only), the end byte. `None` on anything else.
    fn section(b: &[u8], at: &mut usize, caveat: bool) -> Option<bool> {
        let (mut kind, _) = field(b, at)?;
        if kind == 0 {
            // An empty section ends the caveats.
            return Some(false);
        }
        if kind == LOCATION {
            kind = field(b, at)?.0;
        }
        if kind != IDENTIFIER {
            return None;
        }
        kind = field(b, at)?.0;
        if caveat && kind == VID {
            kind = field(b, at)?.0;
        }
        (kind == 0).then_some(true)
    }
    let mut at = 1;
    if b.first() != Some(&2) || section(b, &mut at, false) != Some(true) {
        return false;
    }
    loop {
        match section(b, &mut at, true) {
            Some(true) => continue,
            Some(false) => break,
            None => return false,
        }
    }
    matches!(field(b, &mut at), Some((SIGNATURE, sig)) if sig.len() == 32) && at == b.len()
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

    /// A PyPI-shaped token around a macaroon built here, in the v2 binary format.
    pub(crate) fn make_pypi_token(location: &str, identifier: &str, caveats: &[&str]) -> String {
        let mut m = vec![2u8];
        let put = |m: &mut Vec<u8>, kind: u8, data: &[u8]| {
            m.push(kind);
            m.push(data.len() as u8);
            m.extend_from_slice(data);
        };
        put(&mut m, 1, location.as_bytes());
        put(&mut m, 2, identifier.as_bytes());
        m.push(0);
        for c in caveats {
            put(&mut m, 2, c.as_bytes());
            m.push(0);
        }
        m.push(0);
        put(
            &mut m,
            6,
            &crc32fast::hash(identifier.as_bytes())
                .to_be_bytes()
                .repeat(8),
        );
        format!(
            "pypi-{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m)
        )
    }

    #[test]
    fn pypi_macaroon_structure() {
        let caveat = r#"{"version": 1, "permissions": "user"}"#;
        let good = make_pypi_token(
            "pypi.org",
            "5f0e2c8a-1b7d-4e3a-9c6f-2d8b4a7e1c05",
            &[caveat],
        );
        assert!(good.starts_with("pypi-AgEIcHlwaS5vcmc"), "{good}");
        assert_eq!(Checksum::PypiMacaroon.verify(good.as_bytes()), Some(true));
        let none = make_pypi_token("test.pypi.org", "id", &[]);
        assert_eq!(Checksum::PypiMacaroon.verify(none.as_bytes()), Some(true));
        // A random tail after the fixed prefix, a cut token, a token with a byte more.
        let random = format!(
            "pypi-AgEIcHlwaS5vcmc{}",
            "Kq9vL2xW7mZtR4nY9pB3cF6hJ0sQe1uT5gA8dI2kL4mN6pR8sT0u"
        );
        assert_eq!(
            Checksum::PypiMacaroon.verify(random.as_bytes()),
            Some(false)
        );
        assert_eq!(
            Checksum::PypiMacaroon.verify(&good.as_bytes()[..good.len() - 4]),
            Some(false)
        );
        assert_eq!(
            Checksum::PypiMacaroon.verify(format!("{good}AA").as_bytes()),
            Some(false)
        );
        assert_eq!(Checksum::PypiMacaroon.verify(b"ghp_notpypi"), None);
    }

    #[test]
    fn base62_pads() {
        assert_eq!(base62(0, 6), "000000");
        assert_eq!(base62(61, 2), "0z");
        assert_eq!(base62(62, 1), "10");
    }
}
