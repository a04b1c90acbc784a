//! Generic secrets that understand structure: a keyword hit of the secret
//! vocabulary is widened to the key it belongs to (`adminPassword`,
//! `DB_PASSWORD`, `spring.datasource.password`, `"X-Auth-Token"`,
//! `<password>`, `key="db.password" value=…`, `--api-key`), the key is split
//! into words and judged against a vocabulary of secret names and of names
//! that only look like one (`token_type`, `password_policy`, `key_id`,
//! `max_tokens`), and the value after the assignment — quoted, unquoted, on
//! the next line, or an item of a list — is judged on its own: references,
//! placeholders and masked values, known non-secret shapes, word-likeness,
//! character classes and entropy.
//!
//! It is a tokeniser around one hit, not a parser: it reads at most a few
//! lines from the hit, so its cost is linear in the input and bounded per hit.
use super::entropy::shannon;
use super::score::placeholder_factor;
use std::ops::Range;

/// Which vocabulary a structured rule listens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Passwords and passphrases: judged on character classes and length.
    Password,
    /// Tokens, API keys, secrets, credentials: judged on entropy and shape.
    Secret,
}

impl Class {
    /// Parses the `key_value` field of a rule.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "password" => Some(Class::Password),
            "secret" => Some(Class::Secret),
            _ => None,
        }
    }
}

/// The identifiers a secret pairs with: found only beside such a secret,
/// never reported alone (a username or a client id is not a secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partner {
    /// A username, login or e-mail address: the other half of a password.
    Username,
    /// An OAuth client id, app id or consumer key: the other half of a client secret.
    ClientId,
}

impl Partner {
    /// Parses the `key_value` field of an identifier rule.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "username" => Some(Partner::Username),
            "client-id" => Some(Partner::ClientId),
            _ => None,
        }
    }

    /// Whether a key's words name this identifier.
    fn names(self, w: &[String]) -> bool {
        let last = w.last().map_or("", String::as_str);
        let before = if w.len() >= 2 {
            w[w.len() - 2].as_str()
        } else {
            ""
        };
        match self {
            Partner::Username => {
                matches!(
                    last,
                    "user" | "username" | "usr" | "login" | "uid" | "userid" | "email"
                ) || (matches!(last, "name" | "id") && matches!(before, "user" | "login"))
            }
            Partner::ClientId => {
                (matches!(last, "id" | "identifier")
                    && matches!(before, "client" | "app" | "application" | "consumer"))
                    || matches!(last, "clientid" | "appid")
                    || (last == "key" && before == "consumer")
            }
        }
    }
}

/// The identifier value of the key a keyword hit at `s..e` belongs to, when
/// the key names `which` and its value is a literal (not a reference, a
/// placeholder or a masked value). The value is not judged for entropy: a
/// username of `admin` is a username.
pub fn identifier(bytes: &[u8], s: usize, e: usize, which: Partner) -> Option<Range<usize>> {
    let (ks, ke) = (key_start(bytes, s), key_end(bytes, e));
    if key_is_cut(bytes, ks, ke) {
        return None;
    }
    let key = trim_key(&bytes[ks..ke]);
    let w = words(key);
    if w.is_empty() || w.len() > 6 || classify_words(&w).is_some() || !which.names(&w) {
        return None;
    }
    let cli = bytes[ks..].starts_with(b"-");
    let (vs, how) = after_key(bytes, ks, ke, cli)?;
    if how.call || how.tuple {
        return None;
    }
    let Value::One(r, quoted, false) = value_at(bytes, vs, how, true, false) else {
        return None;
    };
    let v = trim_slice(&bytes[r.clone()]);
    let plain = |b: &u8| b.is_ascii_graphic() || *b >= 0x80;
    let ok = (1..=128).contains(&v.len())
        && v.iter().all(plain)
        && (quoted || how.data || !v.iter().any(|b| b"()".contains(b)))
        && !is_reference(v)
        && !is_masked(v)
        && placeholder_factor(v) >= 1.0
        && !matches!(
            &v.to_ascii_lowercase()[..],
            b"null" | b"none" | b"nil" | b"true" | b"false"
        );
    ok.then_some(r)
}

/// A value judged to be a secret, with the confidence the evidence supports.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The value's bytes in the blob.
    pub value: Range<usize>,
    /// The confidence the structure gives, before the rule's base is applied
    /// (the rule's `confidence` is the ceiling).
    pub strength: f64,
}

/// Calls that hand their string argument through unchanged.
const WRAPPERS: &[&[u8]] = &[
    b"String::from",
    b"str",
    b"String",
    b"new String",
    b"SecretString::new",
    b"SecretString::from",
    b"Secret::new",
    b"Some",
    b"SecStr::from",
    b"Zeroizing::new",
];
/// Calls that decode their argument (base64, hex) into the secret.
const DECODERS: &[&[u8]] = &[
    b"decode",
    b"decode64",
    b"DecodeString",
    b"FromBase64String",
    b"FromHexString",
    b"GetString",
    b"hex2bin",
    b"fromhex",
    b"unhexlify",
    b"atob",
    b"Buffer.from",
    b"decodeBase64",
    b"decodeHex",
];

/// How far from a hit the key and its value may reach.
const MAX_KEY: usize = 80;
const MAX_VALUE: usize = 512;
/// Lines after a key whose value opens a block (`(`, `[`, `|`, `<<EOF`).
const LOOKAHEAD_LINES: usize = 4;

/// Secret words of the password class.
const PASSWORD_TERMS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "passcode",
    "pword",
    "pw",
];
/// Secret words of the token/key class. `key` and `auth` count only after a
/// qualifier (see `KEY_QUALIFIERS`).
const SECRET_TERMS: &[&str] = &[
    "secret",
    "token",
    "apikey",
    "credential",
    "credentials",
    "creds",
    "bearer",
    "authorization",
    "authtoken",
    "accesstoken",
    "secretkey",
    "privatekey",
    "clientsecret",
    "webhooksecret",
];
/// Words that make `key` (and `auth`) a secret name when they come just before it.
pub(crate) const KEY_QUALIFIERS: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "signing",
    "sign",
    "encryption",
    "encrypt",
    "crypt",
    "master",
    "auth",
    "account",
    "service",
    "storage",
    "subscription",
    "shared",
    "hmac",
    "jwt",
    "session",
    "consumer",
    "webhook",
    "deploy",
    "admin",
    "license",
    "licence",
    "partner",
    "merchant",
    "developer",
    "dev",
    "prod",
    "live",
    "rest",
    "server",
    "cookie",
    "root",
    "primary",
    "secondary",
    "mgmt",
    "management",
    "write",
    "ingest",
    "ingestion",
    "sdk",
    "x",
    "basic",
    "http",
    "npm",
];
/// Words that, just before a secret word, say the name is about something
/// else (`max_tokens`, `public_key`, `csrf_token`, `forgot_password`).
const NOT_BEFORE: &[&str] = &[
    // Names that say the value is not real: `mock_token`, `fake_password`.
    "mock",
    "fake",
    "dummy",
    "public",
    "pub",
    "max",
    "min",
    "num",
    "n",
    "is",
    "has",
    "show",
    "hide",
    "forgot",
    "reset",
    "csrf",
    "xsrf",
    "next",
    "page",
    "pagination",
    "continuation",
    "cancellation",
    "sync",
    "input",
    "no",
    "use",
    "require",
    "requires",
    "enable",
    "allow",
    "check",
    "verify",
    "validate",
    "hashed",
    "hash",
    "encrypted",
    "masked",
    "mask",
    "bos",
    "eos",
    "pad",
    "unk",
    "cls",
    "sep",
    "start",
    "end",
    "special",
    "stop",
    "cache",
    "request",
    "idempotency",
    "nonce",
    "fetch",
    "load",
    "read",
    "parse",
    "make",
    "create",
    "last",
    "previous",
    "prev",
    "lookup",
    "count",
    "total",
    "expected",
    "generate",
    "gen",
    "invalid",
    "missing",
    "empty",
    "bad",
    "wrong",
    "sample",
    "example",
    "default",
    "existing",
    "tls",
    "ref",
    "sealed",
    "external",
];
/// Words that, before `token`, name a token that is not a credential
/// (AWS's idempotency `ClientToken`, tokenizer vocabulary, paging).
const NOT_BEFORE_TOKEN: &[&str] = &[
    "client",
    "mask",
    "word",
    "text",
    "lexer",
    "parser",
    "eof",
    "type",
    "cancel",
    "cursor",
    "lock",
    "dkim",
    "change",
    "update",
    "import",
    "export",
    "copy",
    "product",
    "policy",
    "verification",
    "grant",
    "starting",
    "output",
    "work",
    "lifecycle",
    "action",
    "subject",
    "resume",
    "marker",
    "stream",
    "shard",
    "upload",
    "download",
    "notification",
    "task",
    "query",
    "sequence",
    "transaction",
    "idempotency",
    "dedup",
    "deduplication",
    "pagination",
    "paging",
    "continue",
    "list",
    "batch",
    "job",
    "confirmation",
    "invite",
    "invitation",
    "unsubscribe",
    "reset",
];

/// Words that may follow a secret word and keep the name a secret's
/// (`password_value`, `api_key_b64`); any other word after it makes the name
/// about something else (`password_policy`, `token_type`, `key_id`).
const OK_AFTER: &[&str] = &[
    "value",
    "val",
    "plain",
    "plaintext",
    "raw",
    "literal",
    "b64",
    "base64",
    "hex",
    "bytes",
    "str",
    "string",
    "data",
    "prod",
    "production",
    "live",
    "dev",
    "staging",
    "test",
    "v1",
    "v2",
    "v3",
    "new",
    "old",
    "current",
    "primary",
    "secondary",
    "override",
    "env",
];
/// Qualifiers that glue onto a term in one word: `dbpassword`, `apikey`, `pgpass`.
const COMPOUND_PREFIXES: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "client",
    "auth",
    "app",
    "db",
    "admin",
    "root",
    "user",
    "smtp",
    "mail",
    "email",
    "ftp",
    "sftp",
    "ldap",
    "mysql",
    "pg",
    "postgres",
    "redis",
    "mongo",
    "rabbit",
    "amqp",
    "refresh",
    "bearer",
    "oauth",
    "jwt",
    "webhook",
    "service",
    "deploy",
    "master",
    "signing",
    "encryption",
    "session",
    "bot",
    "keystore",
    "truststore",
    "store",
    "key",
    "sasl",
    "proxy",
    "vnc",
    "rdp",
    "wifi",
    "wpa",
    "bind",
    "sudo",
    "become",
    "vault",
    "npm",
    "pypi",
    "docker",
    "registry",
    "github",
    "gitlab",
    "slack",
    "discord",
    "telegram",
    "aws",
    "azure",
    "gcp",
    "personal",
];

/// The words of a key: split at `_ . - space /`, at case changes and at digits,
/// lower-cased; compounds such as `apikey` and `dbpassword` split in two.
pub(crate) fn words(key: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur).to_ascii_lowercase());
        }
    };
    for (i, &b) in key.iter().enumerate() {
        if !b.is_ascii_alphanumeric() {
            flush(&mut cur, &mut out);
            continue;
        }
        let prev = if i > 0 { key[i - 1] } else { b' ' };
        let next = key.get(i + 1).copied().unwrap_or(b' ');
        let boundary = (b.is_ascii_uppercase() && prev.is_ascii_lowercase())
            || (b.is_ascii_uppercase() && prev.is_ascii_uppercase() && next.is_ascii_lowercase())
            || (b.is_ascii_digit() != prev.is_ascii_digit() && prev.is_ascii_alphanumeric());
        if boundary {
            flush(&mut cur, &mut out);
        }
        cur.push(b as char);
    }
    flush(&mut cur, &mut out);
    // A letter and the number after it are one word (`b64`, `v2`), and so
    // are the names of encodings (`base64`), while `password2` stays
    // `password` and `2`.
    let mut i = 0;
    while i + 1 < out.len() {
        let digits = out[i + 1].bytes().all(|b| b.is_ascii_digit());
        if digits && (out[i].len() == 1 || out[i] == "base") {
            let n = out.remove(i + 1);
            out[i].push_str(&n);
        }
        i += 1;
    }
    let mut split = Vec::with_capacity(out.len() + 1);
    for w in out {
        let mut done = false;
        for term in PASSWORD_TERMS
            .iter()
            .chain(SECRET_TERMS)
            .chain(&["key", "secret", "token", "pass", "auth"])
        {
            if w.len() > term.len() && w.ends_with(term) {
                let head = &w[..w.len() - term.len()];
                let head = head.trim_end_matches('_');
                if COMPOUND_PREFIXES.contains(&head) {
                    split.push(head.to_string());
                    split.push(term.to_string());
                    done = true;
                    break;
                }
            }
        }
        if !done {
            split.push(w);
        }
    }
    // Compound secret terms are two words for the rules below.
    let mut flat = Vec::with_capacity(split.len() + 2);
    for w in split {
        match w.as_str() {
            "apikey" => flat.extend(["api".into(), "key".into()]),
            "authtoken" => flat.extend(["auth".into(), "token".into()]),
            "accesstoken" => flat.extend(["access".into(), "token".into()]),
            "secretkey" => flat.extend(["secret".into(), "key".into()]),
            "privatekey" => flat.extend(["private".into(), "key".into()]),
            "clientsecret" => flat.extend(["client".into(), "secret".into()]),
            "webhooksecret" => flat.extend(["webhook".into(), "secret".into()]),
            _ => flat.push(w),
        }
    }
    flat
}

/// What a key names, judged from its words.
pub(crate) fn classify_key(key: &[u8]) -> Option<Class> {
    classify_words(&words(key))
}

/// What a key names, from its words (see `words`).
fn classify_words(w: &[String]) -> Option<Class> {
    if w.is_empty() || w.len() > 8 {
        return None;
    }
    // `NEXT_PUBLIC_*`, `publishable_key`: shipped to browsers by design.
    if w.iter().any(|x| x == "public" || x == "publishable") {
        return None;
    }
    // The last secret word decides; what comes after it must be harmless.
    for i in (0..w.len()).rev() {
        let word = w[i].as_str();
        let after_ok = w[i + 1..]
            .iter()
            .all(|a| OK_AFTER.contains(&a.as_str()) || a.bytes().all(|b| b.is_ascii_digit()));
        let before = if i > 0 { w[i - 1].as_str() } else { "" };
        let class = if PASSWORD_TERMS.contains(&word) {
            Some(Class::Password)
        } else if SECRET_TERMS.contains(&word) {
            Some(Class::Secret)
        } else if word == "key" {
            KEY_QUALIFIERS.contains(&before).then_some(Class::Secret)
        } else if word == "auth" {
            // `_auth` (.npmrc), `basic_auth`, `proxy_auth`; not `SessionAuth`, `use_auth`.
            (w.len() == 1 || matches!(before, "basic" | "http" | "proxy" | "x"))
                .then_some(Class::Secret)
        } else {
            None
        };
        let Some(class) = class else {
            continue;
        };
        if !after_ok
            || NOT_BEFORE.contains(&before)
            || (word == "token"
                && w[..i]
                    .iter()
                    .any(|b| NOT_BEFORE_TOKEN.contains(&b.as_str())))
        {
            return None;
        }
        // `secret` names a Kubernetes Secret's name in manifests
        // (`secretName`, `existingSecret`); those keep a word after it or are
        // caught as names by the value judge.
        if word == "bearer" && i + 1 < w.len() {
            return None;
        }
        return Some(class);
    }
    None
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-'
}

/// What a blob's path says about its values, worked out once per blob
/// rather than once per keyword hit.
#[derive(Debug, Clone, Copy)]
pub struct PathKind {
    /// An unquoted value is data, not an expression (config files, scripts).
    config: bool,
    /// How much a value's strength is discounted (documentation, tests).
    discount: f64,
    /// A weak password (`hunter22`, `Admin2024`) is still reported, at low
    /// confidence: a configuration or data file outside tests and docs,
    /// where a password-named key holds the password a system takes.
    weak_ok: bool,
}

impl PathKind {
    /// Classifies a path.
    pub fn of(path: &str) -> Self {
        let discount = if doc_path(path) {
            0.45
        } else if readme_path(path) {
            0.75
        } else if test_path(path) {
            0.8
        } else {
            1.0
        };
        let config = config_like(path);
        PathKind {
            config,
            discount,
            weak_ok: discount == 1.0 && (config || data_file(path)) && !locale_path(path),
        }
    }
}

/// File kinds where an unquoted value is data, not an expression.
fn config_like(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext,
        "env"
            | "ini"
            | "cfg"
            | "conf"
            | "cnf"
            | "properties"
            | "yaml"
            | "yml"
            | "toml"
            | "xml"
            | "config"
            | "sh"
            | "bash"
            | "zsh"
            | "txt"
            | "md"
            | "rst"
            | "tf"
            | "tfvars"
            | "hcl"
            | "pypirc"
            | "npmrc"
            | "netrc"
            | "service"
            | "list"
            | "j2"
            | "tpl"
            | "log"
    ) || name.starts_with(".env")
        || name.starts_with("dockerfile")
        || name.ends_with("rc")
        || name.ends_with("cfg")
        || !name.contains('.')
        // Dotfiles (`.tugboat`, `.s3cfg`, `.ftpconfig`) are tools' settings.
        || (name.starts_with('.') && !name[1..].contains('.'))
}

/// Translation files: their values are words in other languages
/// (`password: Wachtwoord`), never settings.
fn locale_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [
        "locale",
        "i18n",
        "l10n",
        "translations",
        "/lang/",
        "/langs/",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Data files whose values are quoted, so not `config_like`, but which hold
/// settings rather than code: JSON (sftp and deployment settings, database
/// clients' connection lists), property lists.
fn data_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".json", ".jsonc", ".json5", ".plist"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Paths whose secrets are usually test values or documentation.
pub(crate) fn test_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.split(['/', '\\']).any(|seg| {
        seg.split(['.', '_', '-']).any(|w| {
            matches!(
                w,
                "test" | "tests" | "spec" | "specs" | "testdata" | "testing"
            )
        }) || seg.starts_with("test")
            || seg.ends_with("test.go")
            || seg.ends_with("test.java")
            || seg.ends_with("tests.cs")
            || seg.contains("fixture")
            || seg.contains("mock")
    })
}

/// Documentation and examples: their values are illustrations far more
/// often than leaks, so a generic value there needs strong evidence. Java's
/// `org/example` package is code, not an example: a directory counts only
/// in the plural (`examples/`, `samples/`), a file by its name
/// (`config.example.yml`).
fn doc_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let (dirs, name) = lower.rsplit_once('/').unwrap_or(("", &lower));
    let in_dir = dirs
        .split('/')
        .any(|d| matches!(d, "examples" | "samples" | "demo" | "demos"));
    let named = name
        .split(['.', '_', '-'])
        .any(|w| matches!(w, "example" | "examples" | "sample" | "samples" | "demo"));
    let ext = [".rst", ".adoc", ".txt", ".ipynb", ".html"]
        .iter()
        .any(|e| name.ends_with(e));
    in_dir || named || ext
}

/// A project's own Markdown and docs: setup guides and runbooks quote the
/// real values often enough that only a mild discount is fair.
fn readme_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    ["docs/", "doc/", ".md", "readme"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Where the key holding a keyword hit at `s` starts: hits of several
/// keywords in one key (`pass`, `password`, `_password`) share it, and the
/// engine reads each key once.
pub fn key_start(bytes: &[u8], s: usize) -> usize {
    let mut ks = s;
    while ks > 0 && s - ks < MAX_KEY && is_key_byte(bytes[ks - 1]) {
        ks -= 1;
    }
    ks
}

/// Where the key a keyword ending at `e` belongs to ends (see `key_start`).
fn key_end(bytes: &[u8], e: usize) -> usize {
    let mut ke = e;
    while ke < bytes.len() && ke - e < MAX_KEY && is_key_byte(bytes[ke]) {
        ke += 1;
    }
    ke
}

/// Whether the key `ks..ke` continues past the reach: then it is not a key.
fn key_is_cut(bytes: &[u8], ks: usize, ke: usize) -> bool {
    (ks > 0 && is_key_byte(bytes[ks - 1])) || (ke < bytes.len() && is_key_byte(bytes[ke]))
}

/// Finds the key a keyword hit at `s..e` belongs to and judges its value.
/// Returns at most a few hits (a list under the key yields one per item).
pub fn extract(bytes: &[u8], s: usize, e: usize, want: Class, kind: &PathKind) -> Vec<Hit> {
    // A keyword may start at a line break (`\nkey =`) and end in the
    // assignment (`key=`, `key"`): the key is the name inside it.
    let s = s + bytes[s..e].iter().take_while(|&&b| !is_key_byte(b)).count();
    let e = s + bytes[s..e].iter().take_while(|&&b| is_key_byte(b)).count();
    let ks = key_start(bytes, s);
    let mut ke = key_end(bytes, e);
    // A phrase names the secret in prose and comments: `api key: …`,
    // `# prod okta api token: …`, `// admin password`.
    while ke < bytes.len() && bytes[ke] == b' ' {
        let w = &bytes[ke + 1..(ke + 12).min(bytes.len())];
        let n = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let word = w[..n].to_ascii_lowercase();
        if matches!(
            &word[..],
            b"key" | b"token" | b"secret" | b"password" | b"passphrase"
        ) {
            ke += 1 + n;
        } else {
            break;
        }
    }
    if key_is_cut(bytes, ks, ke) {
        return Vec::new();
    }
    // `AWS::ApiGateway::ApiKey`, `Foo::SECRET`: a type or constant path, not an assignment of a value.
    if ks >= 2 && &bytes[ks - 2..ks] == b"::" {
        return Vec::new();
    }
    // `arn:aws:secretsmanager:…:secret:name`, `a:token:b`: a segment of an id, not a key.
    if ks >= 2 && bytes[ks - 1] == b':' && bytes[ks - 2].is_ascii_alphanumeric() {
        return Vec::new();
    }
    let cli = bytes[ks..].starts_with(b"-");
    // Most hits are a word in code or prose with no value after it: the
    // operator check is cheap and allocates nothing, so it goes first.
    let Some((vs, how)) = after_key(bytes, ks, ke, cli) else {
        return Vec::new();
    };
    let key = trim_key(&bytes[ks..ke]);
    // A plural name (`api_keys`, `tokens`) holds secrets only as a list of values.
    let key_words = words(key);
    let plural =
        match classify_words(&key_words).or_else(|| implied_class(bytes, ks, &key_words, how)) {
            Some(c) if c == want => false,
            Some(_) => return Vec::new(),
            None if key.len() > 4 && matches!(key.last(), Some(b's' | b'S')) => {
                if classify_key(&key[..key.len() - 1]) != Some(want) {
                    return Vec::new();
                }
                true
            }
            // A list named `keys` (`KEYS = {`, `$keys = [`): its items,
            // judged as tokens, are the keys.
            None if want == Class::Secret && key.eq_ignore_ascii_case(b"keys") => true,
            None => return Vec::new(),
        };
    // `${db.password:S3cret}` (Spring), `${DB_PASSWORD:-S3cret}` (shell,
    // compose): the default after the name is a literal written into the
    // file, whatever file it is; `:-`'s dash is the operator's.
    let default = ks >= 2 && &bytes[ks - 2..ks] == b"${" && bytes[..vs].ends_with(b":");
    let vs = if default && bytes.get(vs) == Some(&b'-') {
        vs + 1
    } else {
        vs
    };
    let config = kind.config || comment_line(bytes, ks) || default;
    // A call takes the value only where its name says so: `.password("…")`,
    // `setApiKey("…")`, `withToken("…")`, `login(user, "…")`; not
    // `passValue(…)` or `base.pass(…)`.
    if how.call {
        let last = key_words.last().map_or("", String::as_str);
        let first = key_words.first().map_or("", String::as_str);
        let implied = matches!(last, "login" | "authenticate" | "signin" | "auth");
        let named = matches!(
            last,
            "password" | "passwd" | "token" | "secret" | "key" | "credentials"
        ) && (key_words.len() == 1 || matches!(first, "set" | "with" | "use"));
        if !implied && !named {
            return Vec::new();
        }
    }
    // A UUID is the credential only where the name says key (Heroku, many
    // APIs); under `LockToken` or `request_id` it is an id.
    let uuid_ok = key_words.iter().any(|w| {
        matches!(
            w.as_str(),
            "api"
                | "key"
                | "auth"
                | "access"
                | "secret"
                | "apikey"
                | "token"
                | "authorization"
                | "bearer"
        )
    });
    // In code, `name: Type` and `name: other_var` after a colon are
    // annotations and references; only a literal is a value there.
    let colon = bytes[..vs]
        .iter()
        .rev()
        .find(|b| !matches!(b, b' ' | b'\t'))
        == Some(&b':');
    let accept = |r: &Range<usize>, quoted: bool| -> bool {
        (uuid_ok || !is_uuid(&bytes[r.clone()])) && (quoted || config || how.data || !colon)
    };
    let mut out = Vec::new();
    match value_at(bytes, vs, how, config, plural) {
        Value::One(_, _, false) if plural => {}
        Value::One(r, quoted, away) => {
            if !accept(&r, quoted) {
                return out;
            }
            if let Some(st) = judge(&bytes[r.clone()], want, quoted || config || how.data, kind) {
                let st = if away { st * 0.9 } else { st };
                out.push(Hit {
                    value: r,
                    strength: st,
                });
            }
        }
        Value::Many(items) => {
            for (r, quoted) in items {
                if !accept(&r, quoted) {
                    continue;
                }
                if let Some(st) = judge(&bytes[r.clone()], want, quoted || config, kind) {
                    out.push(Hit {
                        value: r,
                        strength: st * 0.9,
                    });
                }
            }
        }
        Value::None => {}
    }
    out
}

/// A class the key has only in its context: a login call's password
/// argument (`smtp.login(user, "…")`), or a bare `key` in a comment
/// (`# old key: …`), where a name that short is prose about a key.
fn implied_class(bytes: &[u8], ks: usize, w: &[String], how: How) -> Option<Class> {
    let last = w.last()?.as_str();
    if how.argument && matches!(last, "login" | "authenticate" | "signin") {
        return Some(Class::Password);
    }
    if last == "auth" && (how.argument || how.tuple) {
        return Some(Class::Password);
    }
    if last == "key" && w.len() <= 2 && comment_line(bytes, ks) {
        return Some(Class::Secret);
    }
    // A bare `Key` whose parent names it: `"Jwt": { "Key": … }`, or YAML
    // `signing:` above an indented `key: …`.
    if w.len() == 1 && matches!(last, "key" | "secret" | "value") && parent_qualifies(bytes, ks) {
        return Some(Class::Secret);
    }
    None
}

/// Whether the enclosing key of the key at `ks` (on its line before a `{`,
/// or the nearest less-indented line above) is a key qualifier such as
/// `jwt`, `signing` or `encryption`.
fn parent_qualifies(bytes: &[u8], ks: usize) -> bool {
    let ls = line_start(bytes, ks);
    let qualifies = |name: &[u8]| {
        let w = words(name);
        // Sections that hold a key of their own, not any section (`server`, `dev`).
        w.last().is_some_and(|x| {
            matches!(
                x.as_str(),
                "jwt"
                    | "signing"
                    | "encryption"
                    | "api"
                    | "secret"
                    | "secrets"
                    | "auth"
                    | "hmac"
                    | "cookie"
                    | "session"
                    | "crypto"
                    | "license"
                    | "licence"
                    | "webhook"
                    | "access"
                    | "master"
                    | "private"
                    | "credentials"
                    | "token"
            )
        })
    };
    let lead = &bytes[ls..ks];
    if let Some(brace) = lead.iter().rposition(|&b| b == b'{') {
        let before = trim_slice(&lead[..brace]);
        let before = before
            .strip_suffix(b":")
            .or_else(|| before.strip_suffix(b"="))
            .unwrap_or(before);
        let before = trim_slice(before);
        let before = before.strip_suffix(b"\"").unwrap_or(before);
        let start = before
            .iter()
            .rposition(|b| !is_key_byte(*b))
            .map_or(0, |p| p + 1);
        return qualifies(&before[start..]);
    }
    // YAML: the indentation of this line, then the first line above with less.
    let indent = lead.iter().take_while(|&&b| b == b' ').count();
    if indent != lead.len() {
        return false;
    }
    if indent == 0 {
        // TOML and INI: the section the key sits in (`[jwt]`, `[api]`).
        let mut end = ls.saturating_sub(1);
        for _ in 0..12 {
            if end == 0 {
                return false;
            }
            let s = line_start(bytes, end);
            let t = trim_slice(&bytes[s..end]);
            if t.first() == Some(&b'[') && t.last() == Some(&b']') {
                return qualifies(trim_slice(&t[1..t.len() - 1]));
            }
            end = s.saturating_sub(1);
        }
        return false;
    }
    let mut end = ls.saturating_sub(1);
    for _ in 0..8 {
        if end == 0 {
            return false;
        }
        let s = line_start(bytes, end);
        let line = &bytes[s..end];
        let ind = line.iter().take_while(|&&b| b == b' ').count();
        if ind < indent && ind < line.len() {
            let t = trim_slice(line);
            return t.ends_with(b":") && qualifies(&t[..t.len() - 1]);
        }
        end = s.saturating_sub(1);
    }
    false
}

/// The key without the `_`, `-` and `.` it may start or end with (`_authToken`, `--password`).
fn trim_key(key: &[u8]) -> &[u8] {
    let mut k = key;
    while let [b'_' | b'-' | b'.', rest @ ..] = k {
        k = rest;
    }
    while let [rest @ .., b'_' | b'-' | b'.'] = k {
        k = rest;
    }
    k
}

/// How a value is written after its key.
#[derive(Debug, Clone, Copy)]
struct How {
    /// The value ends at `<` (XML element text).
    xml_text: bool,
    /// The value is data by its syntax (XML, a CLI flag), even in a code file.
    data: bool,
    /// The key is an argument (`setenv("API_KEY", "…")`): only a string
    /// literal on the same line is its value, not the next item of a list.
    argument: bool,
    /// The key is a function called with the value (`client.auth("…")`).
    call: bool,
    /// The value is a tuple (`session.auth = ("user", "…")`).
    tuple: bool,
}

/// Where the value starts after the key `ks..ke`: past the closing quote or
/// bracket, the assignment operator and blanks.
fn after_key(bytes: &[u8], ks: usize, ke: usize, cli: bool) -> Option<(usize, How)> {
    let line_end = line_end_from(bytes, ke);
    let at = |i: usize| if i < line_end { bytes[i] } else { b'\n' };
    let mut i = ke;
    let open = if ks > 0 { bytes[ks - 1] } else { b'\n' };
    // XML element: <password>value</password>, also with attributes:
    // <Pass encoding="base64">value</Pass> (FileZilla).
    let attrs_end = (open == b'<' && at(i) == b' ')
        .then(|| memchr::memchr(b'>', &bytes[i..line_end]).map(|k| i + k))
        .flatten()
        .filter(|&gt| bytes[gt - 1] != b'/' && bytes[i..gt].contains(&b'='));
    if open == b'<' && (at(i) == b'>' || attrs_end.is_some()) {
        return Some((
            attrs_end.unwrap_or(i) + 1,
            How {
                xml_text: true,
                data: true,
                argument: false,
                call: false,
                tuple: false,
            },
        ));
    }
    // A quoted key: skip an escaping backslash, the quote, a closing bracket.
    let mut quoted_key = false;
    if at(i) == b'\\' && matches!(at(i + 1), b'"' | b'\'') {
        i += 1;
    }
    if matches!(at(i), b'"' | b'\'' | b'`') {
        quoted_key = true;
        i += 1;
        // C# verbatim strings double their quotes: `@"{""password"": ""…""}"`.
        if at(i) == b'"' && ks >= 2 && bytes[ks - 1] == b'"' && bytes[ks - 2] == b'"' {
            i += 1;
        }
    }
    // XML attribute naming the key: key="db.password" value="…" or …>text<
    if quoted_key && ks >= 5 {
        let before = &bytes[ks.saturating_sub(8)..ks - 1];
        let lower = before.to_ascii_lowercase();
        if lower.ends_with(b"key=") || lower.ends_with(b"name=") {
            let mut j = i;
            while matches!(at(j), b' ' | b'\t') {
                j += 1;
            }
            if at(j) == b'>' {
                return Some((
                    j + 1,
                    How {
                        xml_text: true,
                        data: true,
                        argument: false,
                        call: false,
                        tuple: false,
                    },
                ));
            }
            let rest = &bytes[j..line_end.min(j + 8)];
            if rest.to_ascii_lowercase().starts_with(b"value=") {
                return Some((
                    j + 6,
                    How {
                        xml_text: false,
                        data: true,
                        argument: false,
                        call: false,
                        tuple: false,
                    },
                ));
            }
            return None;
        }
    }
    // A name field whose value sits on the next line (Kubernetes env lists,
    // Terraform and CI variable lists): `- name: API_KEY` then `value: …`.
    if let Some(v) = name_then_value(bytes, ks, i, line_end) {
        return Some((
            v,
            How {
                xml_text: false,
                data: true,
                argument: false,
                call: false,
                tuple: false,
            },
        ));
    }
    if at(i) == b']' {
        i += 1;
    }
    while matches!(at(i), b' ' | b'\t') && i - ke < 8 {
        i += 1;
    }
    // A call: `client.auth("…")`, `.password("…")`, `login(user, "…")`:
    // the last string argument on the line.
    if at(i) == b'(' && i == ke {
        return Some((
            i + 1,
            How {
                xml_text: false,
                data: false,
                argument: true,
                call: true,
                tuple: false,
            },
        ));
    }
    // SQL `WITH PASSWORD '…'`: the keyword and its literal, no operator.
    if i > ke && matches!(at(i), b'\'' | b'"') && bytes[ks..ke].eq_ignore_ascii_case(b"password") {
        return Some((
            i,
            How {
                xml_text: false,
                data: true,
                argument: false,
                call: false,
                tuple: false,
            },
        ));
    }
    // A type between the name and the value: `password: String = "…"`,
    // `const KEY: &str = "…"`, Go's `var token string = "…"`.
    if let Some(v) = past_type(bytes, i, line_end) {
        return Some((
            v,
            How {
                xml_text: false,
                data: false,
                argument: false,
                call: false,
                tuple: false,
            },
        ));
    }
    let c = at(i);
    let n = at(i + 1);
    let op_len = match (c, n) {
        (b':', b'=') | (b'=', b'>') | (b'?', b'=') | (b'-', b'>') => 2,
        (b'|', b'|') if at(i + 2) == b'=' => 3,
        (b'=', b'=') | (b'!', b'=') | (b':', b':') => return None,
        (b'=', _) | (b':', _) => 1,
        (b',', _) if quoted_key && (cli || first_argument(bytes, ks)) => 1,
        // Kotlin's `mapOf("sftpPassword" to "…")`.
        (b't', b'o') if quoted_key && at(i + 2) == b' ' => 2,
        // A Markdown table row: `| \`ADMIN_PASSWORD\` | \`…\` |`.
        (b'|', _) if quoted_key && bytes[ke] == b'`' => 1,
        _ if cli && (c == b' ' || i > ke) => 0,
        _ => match without_operator(bytes, ks, ke, i, line_end) {
            Ok(op) => op,
            Err(found) => return found,
        },
    };
    let mut v = i + op_len;
    if op_len == 0 && c != b' ' && i == ke {
        return None;
    }
    while v < line_end && matches!(bytes[v], b' ' | b'\t') && v - i < 12 {
        v += 1;
    }
    Some((
        v,
        How {
            xml_text: false,
            data: cli,
            argument: c == b',',
            call: false,
            tuple: bytes.get(v) == Some(&b'('),
        },
    ))
}

/// A key with no operator after it still has a value in a few forms,
/// all told by the text before the key on its line (read once here):
/// `Ok(0)` carries on with the value right after the key (Dockerfile
/// `ENV NAME value`, `setx NAME value`); `Err` is the answer.
#[allow(clippy::type_complexity)]
fn without_operator(
    bytes: &[u8],
    ks: usize,
    ke: usize,
    i: usize,
    line_end: usize,
) -> Result<usize, Option<(usize, How)>> {
    let ls = line_start(bytes, ks);
    let lead = trim_slice(&bytes[ls..ks]);
    let c = if i < line_end { bytes[i] } else { b'\n' };
    if i > ke && (lead == b"ENV" || lead == b"setx") {
        return Ok(0);
    }
    // `variable "db_password" {` and its `default = "…"` below.
    if lead.starts_with(b"variable ") && matches!(c, b'\n' | b'{') {
        return Err(next_literal(bytes, line_end, true));
    }
    // A comment naming the secret (`// api key used by the nightly job`)
    // above the literal.
    if comment_lead(lead) && !trim_key(&bytes[ks..ke]).eq_ignore_ascii_case(b"pass") {
        return Err(next_literal(bytes, line_end, false));
    }
    // A heredoc written to a file named after the secret:
    // `cat <<EOF > ~/.config/x/token`, then the value.
    let line = &bytes[ls..line_end];
    if memchr::memmem::find(line, b"<<").is_some_and(|p| line.get(p + 2) != Some(&b'<')) {
        let ns = (line_end + 1).min(bytes.len());
        let ne = line_end_from(bytes, ns);
        let off = bytes[ns..ne]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        return Err(Some((
            ns + off,
            How {
                xml_text: false,
                data: true,
                argument: false,
                call: false,
                tuple: false,
            },
        )));
    }
    Err(here_string(bytes, i, line_end))
}

/// Whether the text before `ks` on its line opens a comment: values in
/// comments are prose or pasted configuration, not expressions.
fn comment_line(bytes: &[u8], ks: usize) -> bool {
    comment_lead(trim_slice(&bytes[line_start(bytes, ks)..ks]))
}

/// Whether a line's text before a key (trimmed) opens a comment.
fn comment_lead(lead: &[u8]) -> bool {
    [
        &b"#"[..],
        b"//",
        b"/*",
        b"*",
        b"--",
        b";",
        b"<!--",
        b"rem ",
        b"=begin",
    ]
    .iter()
    .any(|m| lead.starts_with(m))
}

/// The value a comment or declaration names on the lines after it: the
/// first string literal of the next non-blank line (`// api key` above
/// `const X = "…"`), or a Terraform variable's `default = "…"`.
fn next_literal(bytes: &[u8], line_end: usize, default: bool) -> Option<(usize, How)> {
    let mut pos = line_end;
    for _ in 0..if default { 8 } else { 2 } {
        if pos >= bytes.len() {
            return None;
        }
        let ls = pos + 1;
        let le = line_end_from(bytes, ls);
        pos = le;
        let line = &bytes[ls.min(le)..le];
        let t = trim_slice(line);
        if t.is_empty() || (default && !t.starts_with(b"default")) {
            if default && t == b"}" {
                return None;
            }
            continue;
        }
        let q = line.iter().position(|b| matches!(b, b'"' | b'\'' | b'`'))?;
        // An assignment of the literal, not a call or a sentence quoting it.
        if !line[..q].iter().any(|b| matches!(b, b'=' | b':')) {
            return None;
        }
        return Some((
            ls + q,
            How {
                xml_text: false,
                data: true,
                argument: false,
                call: false,
                tuple: false,
            },
        ));
    }
    None
}

/// A value fed to a command after the key on its line: a here-string
/// (`vercel env add API_SECRET production <<< '…'`).
fn here_string(bytes: &[u8], i: usize, line_end: usize) -> Option<(usize, How)> {
    let rest = &bytes[i..line_end];
    let at = memchr::memmem::find(rest, b"<<< ")?;
    let mut v = i + at + 4;
    while v < line_end && bytes[v] == b' ' {
        v += 1;
    }
    Some((
        v,
        How {
            xml_text: false,
            data: true,
            argument: false,
            call: false,
            tuple: false,
        },
    ))
}

/// Whether the quoted key starting at `ks` is a call's first argument
/// (`setenv("KEY", …)`, `define('KEY', …)`), not an item of a list or set.
fn first_argument(bytes: &[u8], ks: usize) -> bool {
    let mut i = ks.saturating_sub(1);
    let floor = ks.saturating_sub(64);
    while i > floor
        && matches!(
            bytes[i - 1],
            b' ' | b'\t' | b'\r' | b'\n' | b'b' | b'r' | b'u' | b'@'
        )
    {
        i -= 1;
    }
    i > 0 && bytes[i - 1] == b'('
}

/// The start of the value of a key written as `name: KEY` with `value: …`
/// on the next line, when the key at `ks` is such a name.
fn name_then_value(bytes: &[u8], ks: usize, after: usize, line_end: usize) -> Option<usize> {
    // Cheap test first: the key must end its line (but for a closing quote).
    if trim_slice(&bytes[after..line_end]).len() > 1 {
        return None;
    }
    let ls = line_start(bytes, ks);
    let before = trim_slice(&bytes[ls..ks]);
    let before = before
        .strip_suffix(b"\"")
        .or_else(|| before.strip_suffix(b"'"))
        .unwrap_or(before);
    let before = trim_slice(before);
    let named =
        before.ends_with(b"name:") || before.ends_with(b"name =") || before.ends_with(b"name=");
    if !named {
        return None;
    }
    let ns = line_end + 1;
    if ns >= bytes.len() {
        return None;
    }
    let ne = line_end_from(bytes, ns);
    let next = &bytes[ns..ne];
    let off = next.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &next[off..];
    for label in [&b"value:"[..], b"value =", b"value="] {
        if let Some(r) = rest.strip_prefix(label) {
            let skip = r.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
            return Some(ns + off + label.len() + skip);
        }
    }
    None
}

/// Past a type annotation between a name and `=`: at `i` (after the name and
/// blanks) either `: Type =` or `Type =`; returns where the value starts.
fn past_type(bytes: &[u8], i: usize, line_end: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b':')
        && bytes.get(j + 1) != Some(&b':')
        && bytes.get(j + 1) != Some(&b'=')
    {
        j += 1;
    }
    let start = j;
    while j < line_end
        && j - start < 48
        && (bytes[j].is_ascii_alphanumeric() || b" \t_&'<>[]?.:*{};".contains(&bytes[j]))
    {
        j += 1;
    }
    let ty = trim_slice(&bytes[start..j]);
    let slice = ty.starts_with(b"[]");
    // C#'s `Pwd { get; set; } = "…"`.
    let accessors = ty.starts_with(b"{ get;") || ty.starts_with(b"{get;");
    if ty.is_empty()
        || !ty[0].is_ascii_alphabetic() && ty[0] != b'&' && !slice && ty[0] != b'*' && !accessors
    {
        return None;
    }
    // `x[i] = …` and `a.b = …` are subscripts and members, not types.
    if !slice
        && (ty.contains(&b'[') && !ty.contains(&b'<') || ty.contains(&b'.') && !ty.contains(&b':'))
    {
        return None;
    }
    // `: Type = "…"`: blanks before `=` and a literal after it; YAML's
    // `password: abc=def` is a value with an `=` in it.
    if j + 1 >= line_end
        || bytes[j] != b'='
        || matches!(bytes[j + 1], b'=' | b'>')
        || !matches!(bytes[j - 1], b' ' | b'\t')
    {
        return None;
    }
    let mut v = j + 1;
    while v < line_end && matches!(bytes[v], b' ' | b'\t') {
        v += 1;
    }
    let literal = matches!(bytes.get(v), Some(b'"' | b'\'' | b'`'))
        || (bytes.get(v) == Some(&b'@') && bytes.get(v + 1) == Some(&b'"'));
    literal.then_some(v)
}

/// A value: one span (quoted?, found on a later line?), a list of items, or none.
enum Value {
    One(Range<usize>, bool, bool),
    Many(Vec<(Range<usize>, bool)>),
    None,
}

/// A quoted value without its authorisation scheme (`"Bearer …"`, `"Basic …"`).
fn scheme_stripped(bytes: &[u8], r: Range<usize>) -> Value {
    let v = &bytes[r.clone()];
    for scheme in [
        &b"bearer "[..],
        b"basic ",
        b"token ",
        b"bot ",
        b"apikey ",
        b"sso-key ",
    ] {
        if v.len() > scheme.len() && v[..scheme.len()].eq_ignore_ascii_case(scheme) {
            return Value::One(r.start + scheme.len()..r.end, true, false);
        }
    }
    Value::One(r, true, false)
}

/// How far a line is read either side of a key: a minified file is one
/// line of megabytes, and a read per hit must not walk all of it.
const LINE_REACH: usize = 2048;

/// The end of the line holding `i`, or `LINE_REACH` bytes on.
fn line_end_from(bytes: &[u8], i: usize) -> usize {
    let i = i.min(bytes.len());
    let hi = (i + LINE_REACH).min(bytes.len());
    memchr::memchr(b'\n', &bytes[i..hi]).map_or(hi, |k| i + k)
}

/// The start of the line holding `i`, or `LINE_REACH` bytes back.
fn line_start(bytes: &[u8], i: usize) -> usize {
    let lo = i.saturating_sub(LINE_REACH);
    memchr::memrchr(b'\n', &bytes[lo..i]).map_or(lo, |p| lo + p + 1)
}

fn value_at(bytes: &[u8], v: usize, how: How, config: bool, list: bool) -> Value {
    let le = line_end_from(bytes, v);
    let le = if le > v && bytes[le - 1] == b'\r' {
        le - 1
    } else {
        le
    };
    if how.xml_text {
        let Some(end) = memchr::memchr(b'<', &bytes[v..le]).map(|k| v + k) else {
            return Value::None;
        };
        if bytes.get(end + 1) != Some(&b'/') {
            return Value::None;
        }
        let r = trim(bytes, v..end);
        return if r.is_empty() {
            Value::None
        } else {
            Value::One(r, true, false)
        };
    }
    if how.argument && !how.call {
        // The next literal: here, inside a wrapping call
        // (`HeaderValue::from_static("…")`), or first on the next line.
        let rest = &bytes[v..le];
        let (from, to) = if trim_slice(rest).is_empty() {
            let ns = (le + 1).min(bytes.len());
            (ns, line_end_from(bytes, ns))
        } else {
            (v, le)
        };
        let q = bytes[from..to]
            .iter()
            .take_while(|b| !matches!(b, b',' | b')' | b';'))
            .position(|b| matches!(b, b'"' | b'\''));
        return match q.and_then(|q| quoted_at(bytes, from + q, to)) {
            Some((r, _)) => scheme_stripped(bytes, r),
            None => Value::None,
        };
    }
    if how.argument {
        // The next string literals up to the call's `)`: the last one.
        let mut i = v;
        let mut last = None;
        while i < le && i - v < MAX_VALUE {
            match bytes[i] {
                b')' => break,
                b'"' | b'\'' => match quoted_at(bytes, i, le) {
                    Some((r, _)) => {
                        i = r.end + 1;
                        last = Some(r);
                        continue;
                    }
                    None => break,
                },
                _ => {}
            }
            i += 1;
        }
        return last.map_or(Value::None, |r| scheme_stripped(bytes, r));
    }
    let rest = &bytes[v..le];
    if rest.starts_with(b"\"\"\"")
        || rest.starts_with(b"\'\'\'")
        || trim_slice(rest) == b"r#\""
        || trim_slice(rest) == b"`"
        || (rest.starts_with(b"$(cat <<") && !rest.contains(&b')'))
    {
        return next_lines(bytes, le, false, config);
    }
    // A tuple or pair: `auth = ("user", "…")`: its last string.
    if rest.first() == Some(&b'(') {
        let close = memchr::memchr(b')', rest).map_or(le, |k| v + k);
        let mut i = v + 1;
        let mut last = None;
        while i < close {
            if matches!(bytes[i], b'"' | b'\'') {
                // Up to the `)`, else the line's end (which may be the
                // blob's: no `)` at all is an unclosed tuple, not a read past it).
                match quoted_at(bytes, i, (close + 1).min(le)) {
                    Some((r, _)) => {
                        i = r.end + 1;
                        last = Some(r);
                        continue;
                    }
                    None => break,
                }
            }
            i += 1;
        }
        if let Some(r) = last {
            return Value::One(r, true, false);
        }
    }
    // A doubled-quote literal inside a C# verbatim string: `""value""`.
    if rest.starts_with(b"\"\"") && rest.get(2).is_some_and(|b| !b"\", );)".contains(b)) {
        if let Some(end) = memchr::memmem::find(&rest[2..], b"\"\"") {
            return Value::One(v + 2..v + 2 + end, true, false);
        }
    }
    if let Some(r) = echoed_literal(bytes, v, le) {
        return Value::One(r, true, false);
    }
    if let Some((r, _)) = quoted_at(bytes, v, le) {
        return scheme_stripped(bytes, r);
    }
    let rest = &bytes[v..le];
    let rest_trim = trim_slice(rest);
    // A block opens here: the value is on the next lines.
    // A list's items may follow a bare `{` (Java and C# array initialisers).
    let opener = rest_trim.is_empty()
        || (list && rest_trim == b"{")
        || matches!(
            rest_trim,
            b"(" | b"["
                | b"|"
                | b">"
                | b"|-"
                | b">-"
                | b"\\"
                | b"= ("
                | b"=("
                | b"\"\"\""
                | b"\'\'\'"
        )
        || rest_trim.starts_with(b"<<")
        // A composite literal opened at the line's end: Go's `[]string{`,
        // Kotlin's `listOf(`, Java's `new String[] {`, PHP's `array(`.
        || (matches!(rest_trim.last(), Some(b'{' | b'[' | b'('))
            && [
                &b"[]"[..],
                b"listOf(",
                b"arrayOf(",
                b"setOf(",
                b"array(",
                b"List.of(",
                b"Set.of(",
                b"Arrays.asList(",
                b"new String[]",
                b"vec![",
                b"&[",
            ]
            .iter()
            .any(|c| rest_trim.starts_with(c)));
    if opener {
        return next_lines(bytes, le, rest_trim.is_empty(), config);
    }
    // Unquoted: up to a blank or a delimiter (past `new `, a constructor call).
    let mut end = if bytes[v..le].starts_with(b"new ") {
        v + 4
    } else {
        v
    };
    while end < le
        && !matches!(
            bytes[end],
            b' ' | b'\t'
                | b';'
                | b','
                | b'&'
                | b'('
                | b')'
                | b'}'
                | b']'
                | b'"'
                | b'\''
                | b'<'
                | b'>'
        )
        && end - v < MAX_VALUE
    {
        end += 1;
    }
    // `String::from("…")`, `"…".into()`-style wrappers hold the literal;
    // `kwargs.get('password')`, `getenv(…)` are calls, not values.
    if end < le && bytes[end] == b'(' {
        // Through wrappers (`String::from("…")`) and decoding calls, which
        // hold the secret encoded (`base64.b64decode("…")`, `hex2bin('…')`;
        // decoding hands the engine the same line with the literal decoded),
        // at most three deep: `new String(Base64.getDecoder().decode("…"))`,
        // `GetString(FromBase64String("…"))`. Past a decoder any call may
        // wrap the literal; `getenv(…)`, `kwargs.get(…)` are calls, not values.
        // The callee: names, dots and empty argument lists
        // (`Base64.getDecoder().decode`); `new String` as it stands.
        let chain = |start: usize| {
            let mut p = start;
            loop {
                while p < le
                    && (bytes[p].is_ascii_alphanumeric() || matches!(bytes[p], b'_' | b'.'))
                {
                    p += 1;
                }
                if p > start && bytes[p..le].starts_with(b"()") {
                    p += 2;
                    continue;
                }
                break;
            }
            (p > start && bytes.get(p) == Some(&b'(')).then_some(p)
        };
        let mut open = chain(v).unwrap_or(end);
        let mut callee = v..open;
        let mut decoded = false;
        for _ in 0..3 {
            let name = &bytes[callee.clone()];
            decoded |= DECODERS.iter().any(|w| name.ends_with(w));
            if !decoded && !WRAPPERS.iter().any(|w| name.ends_with(w)) {
                break;
            }
            if let Some((r, _)) = quoted_at(bytes, open + 1, le) {
                return Value::One(r, true, false);
            }
            let Some(p) = chain(open + 1) else { break };
            (callee, open) = (open + 1..p, p);
        }
        return Value::None;
    }
    // `Bearer <token>`, `Basic <b64>`, `token <t>`: the credential follows the scheme.
    let word = &bytes[v..end];
    if [&b"bearer"[..], b"basic", b"token", b"bot"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
        && end < le
        && bytes[end] == b' '
    {
        let s2 = end + 1;
        let mut e2 = s2;
        while e2 < le && !matches!(bytes[e2], b' ' | b'\t' | b';' | b',' | b'"' | b'\'' | b'<') {
            e2 += 1;
        }
        return if e2 > s2 {
            Value::One(s2..e2, true, false)
        } else {
            Value::None
        };
    }
    if end == v {
        Value::None
    } else {
        Value::One(v..end, false, false)
    }
}

/// A quoted string starting at `v` (after an optional `r`/`b`/`u`/`f`/`@`
/// prefix), possibly with escaped quotes (`\"…\"` inside JSON strings).
/// Returns the inside and whether it was escaped.
fn quoted_at(bytes: &[u8], v: usize, le: usize) -> Option<(Range<usize>, bool)> {
    let mut i = v;
    while i < le
        && i - v < 2
        && matches!(
            bytes[i],
            b'r' | b'b' | b'u' | b'f' | b'@' | b'R' | b'B' | b'U' | b'F'
        )
    {
        i += 1;
    }
    let escaped = i < le && bytes[i] == b'\\';
    if escaped {
        i += 1;
    }
    let q = *bytes.get(i).filter(|_| i < le)?;
    if !matches!(q, b'"' | b'\'' | b'`') {
        return None;
    }
    // A bare `r`/`b` that is not a string prefix: `rpassword` was not a quote.
    let start = i + 1;
    let mut j = start;
    while j < le && j - start <= MAX_VALUE {
        let b = bytes[j];
        if b == q {
            if escaped && bytes[j - 1] == b'\\' {
                return Some((start..j - 1, true));
            }
            if !escaped && bytes[j - 1] != b'\\' {
                return Some((start..j, false));
            }
        }
        j += 1;
    }
    None
}

/// The literal that a shell command substitution decodes,
/// `"$(echo 'c2Vj…' | base64 -d)"` or `$(printf %s 6b65… | xxd -r -p)`:
/// decoding hands the engine the line with it decoded, under the same name.
fn echoed_literal(bytes: &[u8], v: usize, le: usize) -> Option<Range<usize>> {
    let skip = |mut p: usize| {
        while p < le && matches!(bytes[p], b' ' | b'\t') {
            p += 1;
        }
        p
    };
    let mut p = v + usize::from(bytes.get(v) == Some(&b'"'));
    if !bytes[p..le].starts_with(b"$(") {
        return None;
    }
    p = skip(p + 2);
    let command = [
        &b"echo -n "[..],
        b"echo ",
        b"printf %s ",
        b"printf '%s' ",
        b"printf \"%s\" ",
    ]
    .into_iter()
    .find(|c| bytes[p..le].starts_with(c))?;
    p = skip(p + command.len());
    let literal = match quoted_at(bytes, p, le) {
        Some((r, _)) => r,
        None => {
            let n = bytes[p..le]
                .iter()
                .take_while(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_')
                })
                .count();
            p..p + n
        }
    };
    if literal.len() < 16 {
        return None;
    }
    let close = memchr::memchr(b')', &bytes[literal.end..le])? + literal.end;
    let pipeline = &bytes[literal.end..close];
    let decodes = memchr::memmem::find(pipeline, b"| base64 -d").is_some()
        || memchr::memmem::find(pipeline, b"| base64 --decode").is_some()
        || memchr::memmem::find(pipeline, b"| base64 -D").is_some()
        || memchr::memmem::find(pipeline, b"| xxd -r -p").is_some()
        || memchr::memmem::find(pipeline, b"| xxd -p -r").is_some();
    decodes.then_some(literal)
}

fn trim_slice(s: &[u8]) -> &[u8] {
    let a = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let b = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(a, |p| p + 1);
    &s[a..b]
}

fn trim(bytes: &[u8], r: Range<usize>) -> Range<usize> {
    let s = &bytes[r.clone()];
    let a = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let b = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(a, |p| p + 1);
    r.start + a..r.start + b
}

/// The value of a key whose line ends after the operator: the next lines'
/// string literal, YAML block scalar line, or list items.
fn next_lines(bytes: &[u8], mut pos: usize, bare: bool, config: bool) -> Value {
    let mut items = Vec::new();
    for _ in 0..LOOKAHEAD_LINES {
        // Step past the end of the current line.
        while pos < bytes.len() && bytes[pos] != b'\n' {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        let ls = pos + 1;
        let le = line_end_from(bytes, ls);
        let line = trim(bytes, ls..le);
        pos = le;
        if line.is_empty() {
            continue;
        }
        let text = &bytes[line.clone()];
        // A brace or bracket alone on the line after `NAME =` opens the
        // list (C# and Java array initialisers in Allman style).
        if items.is_empty() && matches!(text, b"{" | b"[" | b"(") {
            continue;
        }
        // A list item: `- value` or `"value",`
        let item_start = if text.starts_with(b"- ") {
            line.start + 2
        } else {
            line.start
        };
        let item = trim(bytes, item_start..line.end);
        if let Some((r, _)) = quoted_at(bytes, item.start, item.end) {
            items.push((r, true));
            if !bare || !text.starts_with(b"- ") {
                // A parenthesised or bracketed value: one string, or list items after it.
                let after = &bytes[items
                    .last()
                    .map_or(item.end, |(r, _)| (r.end + 1).min(item.end))
                    ..item.end];
                if !trim_slice(after).starts_with(b",") {
                    break;
                }
            }
            continue;
        }
        if text.starts_with(b"- ") {
            let r = trim(bytes, item);
            if !r.is_empty() {
                let r = match scheme_stripped(bytes, r.clone()) {
                    Value::One(s, _, _) => s,
                    _ => r,
                };
                items.push((r, false));
            }
            continue;
        }
        // A YAML block scalar or a heredoc body: the whole trimmed line; after
        // a bare `key:`, a plain scalar continued on the next line.
        if items.is_empty() && (!bare || (config && !text.windows(2).any(|w| w == b": "))) {
            let r = line;
            if !bytes[r.clone()].contains(&b' ') && (!bare || !bytes[r.clone()].contains(&b'=')) {
                return Value::One(r, true, true);
            }
        }
        break;
    }
    match items.len() {
        0 => Value::None,
        1 => {
            let (r, q) = items.pop().expect("one item");
            Value::One(r, q, true)
        }
        _ => Value::Many(items),
    }
}

/// How strongly a value looks like a secret of its class (0 = it does not),
/// before the rule's confidence caps it. `data` is true where an unquoted
/// value is data rather than an expression (a config file, XML, a CLI flag).
pub fn judge(v: &[u8], class: Class, data: bool, kind: &PathKind) -> Option<f64> {
    let v = trim_slice(v);
    let v = v.strip_suffix(b"\\").unwrap_or(v);
    let len = v.len();
    if !(6..=MAX_VALUE).contains(&len) {
        return None;
    }
    if !data && !quoted_like(v) {
        return None;
    }
    if super::score::known_example(v) || PUBLIC_PREFIXES.iter().any(|p| v.starts_with(p)) {
        return None;
    }
    if is_reference(v) || is_masked(v) || non_secret_shape(v, class) {
        return None;
    }
    if v.iter().any(|b| b.is_ascii_whitespace() || *b < 0x20)
        || (v.contains(&b'<') && v.contains(&b'>'))
        || v.windows(2)
            .any(|w| w[0] == b'\\' && matches!(w[1], b'n' | b'r' | b't' | b'x' | b'u'))
        || v.windows(3)
            .filter(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
            .count()
            >= 2
        || (v.contains(&b'[') && v.contains(&b']'))
    {
        return None;
    }
    let (lower, upper, digit, other) = classes(v);
    let kinds = [lower, upper, digit, other].iter().filter(|&&k| k).count();
    let entropy = shannon(v);
    let wordy = word_like(v);
    let mut strength = match class {
        Class::Password => {
            let place = v.iter().any(|b| matches!(b, b'.' | b':' | b'/'));
            // `Summer2024!` is a (weak) password; `www.python.org:080` and
            // `localhost:22` are places.
            let strong = !(len < 8 && kinds < 3)
                && kinds >= 2
                && !(wordy && !(digit && (other || upper) && len >= 10 && !place));
            // A weak password in a settings file (`"password": "hunter22"`
            // in an sftp config) is still the password of a real system:
            // reported, at low confidence. Letters and digits or mixed
            // case, so `postgres` and `irc_pass` stay defaults and names.
            // `Wachtwoord` (a translation) and `MasterUsername` (a name) are
            // words: without a digit, mixed case must go beyond a capital
            // first letter and must not spell words.
            let inner_upper = v[1..].iter().any(u8::is_ascii_uppercase);
            let weak = kind.weak_ok
                && len >= 8
                && !place
                && ((digit && (lower || upper)) || (lower && inner_upper && !wordy))
                && lower
                && v.iter()
                    .all(|b| b.is_ascii_alphanumeric() || b"!@#$%^&*_+-=~?".contains(b));
            if !strong && !weak {
                return None;
            }
            if !strong {
                0.6
            } else if wordy {
                0.7
            } else if entropy >= 3.0 {
                1.0
            } else {
                0.8
            }
        }
        Class::Secret => {
            let hex = v.iter().all(|b| b.is_ascii_hexdigit());
            // Only a name that says key lets a UUID get here (`extract`):
            // Heroku's and many APIs' keys are UUIDs; so are many ids, and
            // a UUID has too few letters for the test of ids below.
            let uuid = is_uuid(v);
            // Random hex tops out at 4 bits a character and often lands
            // just under 3 at 32 characters.
            if wordy || entropy < if hex { 2.7 } else { 3.0 } {
                return None;
            }
            if hex {
                if len < 16 || !digit || !(lower || upper) {
                    return None;
                }
            } else if len < 12 || !(digit && (lower || upper)) && !(lower && upper && len >= 20) {
                return None;
            } else if !uuid && v.iter().filter(|b| b.is_ascii_alphabetic()).count() < 8 {
                // `user:12345:678`: an id with a word in it, not a key.
                return None;
            } else if !upper
                && !v
                    .iter()
                    .any(|b| !b.is_ascii_alphanumeric() && !matches!(b, b'_' | b'-'))
                && len < 24
            {
                // Lower-case ids and slugs (`blt8202119c48319b1d`) are ids far
                // more often than keys at this length.
                return None;
            }
            if uuid {
                0.7
            } else if entropy >= 4.0 && len >= 20 {
                1.0
            } else {
                0.85
            }
        }
    };
    strength *= placeholder_factor(v);
    // `P@55w0rd!`: "password" in leetspeak is a stand-in too.
    let plain: Vec<u8> = v
        .iter()
        .map(|b| match b.to_ascii_lowercase() {
            b'@' | b'4' => b'a',
            b'0' => b'o',
            b'5' | b'$' => b's',
            b'3' => b'e',
            b'1' | b'!' => b'i',
            b'7' => b't',
            c => c,
        })
        .collect();
    if memchr::memmem::find(&plain, b"passw").is_some()
        || memchr::memmem::find(&plain, b"secret").is_some()
    {
        strength *= 0.25;
    }
    let lower = v.to_ascii_lowercase();
    // Sandbox and test-mode credentials (`test_…`, `access-sandbox-…`).
    if memchr::memmem::find(&lower, b"sandbox").is_some()
        || lower.starts_with(b"test_")
        || lower.starts_with(b"test-")
    {
        strength *= 0.4;
    }
    Some(strength * kind.discount)
}

/// An unquoted value in code is an expression unless it looks like a literal token.
fn quoted_like(v: &[u8]) -> bool {
    // `password = user_password`, `token = self.token`, `key = getKey()`: code.
    !(v.iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        && (v[0].is_ascii_alphabetic() || v[0] == b'_')
        && (v.contains(&b'.') || word_like(v)))
        && !v.contains(&b'(')
        && !v.contains(&b'[')
}

fn classes(v: &[u8]) -> (bool, bool, bool, bool) {
    let mut k = (false, false, false, false);
    for &b in v {
        match b {
            b'a'..=b'z' => k.0 = true,
            b'A'..=b'Z' => k.1 = true,
            b'0'..=b'9' => k.2 = true,
            _ => k.3 = true,
        }
    }
    k
}

/// Variables, template expressions, environment and secret-store lookups.
fn is_reference(v: &[u8]) -> bool {
    let lower = v.to_ascii_lowercase();
    let has = |n: &[u8]| memchr::memmem::find(&lower, n).is_some();
    let first = v[0];
    first == b'$'
        || (first == b'%' && matches!(v.get(1), Some(b'(' | b'{' | b's')))
        || (first == b'{' && v.last() == Some(&b'}'))
        || (first == b'<' && v.last() == Some(&b'>'))
        || (first == b'[' && v.last() == Some(&b']'))
        || v.starts_with(b"#{")
        || v.starts_with(b"@{")
        || v.starts_with(b"!vault")
        || v.starts_with(b"!!")
        || has(b"{{")
        || has(b"{%")
        || has(b"<%")
        || has(b"${")
        || has(b"process.env")
        || has(b"environ")
        || has(b"getenv")
        || has(b"env[")
        || has(b"env.")
        || has(b"secrets.")
        || lower.starts_with(b"vault:")
        || lower.starts_with(b"enc(")
        || lower.starts_with(b"enc[")
        || lower.starts_with(b"env:")
        || lower.starts_with(b"ref+")
        || lower.starts_with(b"op://")
        || lower.starts_with(b"sm://")
        || lower.starts_with(b"file:")
        || lower.starts_with(b"arn:")
        || lower.starts_with(b"projects/")
        || has(b"keyvault")
        || has(b"/run/secrets")
        || (first == b'/' && path_like(v))
        || v.starts_with(b"./")
        || v.starts_with(b"~/")
}

/// `/etc/ssl/key.pem`, `/run/secrets/db`: segments of name characters. A
/// base64 value may start with `/` too, but holds `+` or `=` or long runs.
fn path_like(v: &[u8]) -> bool {
    v.split(|&b| b == b'/').all(|seg| {
        seg.len() <= 40
            && seg
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"._-~".contains(b))
            && (seg.len() <= 12 || word_like(seg) || seg.iter().any(|b| b"._-".contains(b)))
    })
}

/// Masked or redacted values: `****`, `xxxxxxxx`, `<REDACTED>`, `…`.
fn is_masked(v: &[u8]) -> bool {
    let lower = v.to_ascii_lowercase();
    let has = |n: &[u8]| memchr::memmem::find(&lower, n).is_some();
    lower
        .iter()
        .all(|b| matches!(b, b'*' | b'x' | b'#' | b'.' | b'-' | b'_' | b'0' | b'?'))
        || has(b"***")
        || has(b"xxxx")
        || has(b"...")
        || has("…".as_bytes())
        || has(b"_here")
        || [
            &b"redacted"[..],
            b"filtered",
            b"masked",
            b"hidden",
            b"removed",
            b"todo",
            b"fixme",
            b"tbd",
        ]
        .iter()
        .any(|w| has_word(v, &lower, w))
}

/// Whether `word` (lower case) is in `v` as a word of its own: between
/// separators, the value's ends, or camelCase and letter/digit boundaries,
/// and in one case (`TODO`, `todo`, `Todo`). A random token holds `tbd` or
/// `todo` now and then (`…mclGTBdK…`): that is no marker.
fn has_word(v: &[u8], lower: &[u8], word: &[u8]) -> bool {
    let boundary = |p: usize| {
        if p == 0 || p == v.len() {
            return true;
        }
        let (a, b) = (v[p - 1], v[p]);
        !a.is_ascii_alphanumeric()
            || !b.is_ascii_alphanumeric()
            || (a.is_ascii_lowercase() && b.is_ascii_uppercase())
            || a.is_ascii_digit() != b.is_ascii_digit()
    };
    let one_case = |w: &[u8]| {
        w.iter().all(u8::is_ascii_lowercase)
            || w.iter().all(u8::is_ascii_uppercase)
            || (w[0].is_ascii_uppercase() && w[1..].iter().all(u8::is_ascii_lowercase))
    };
    memchr::memmem::find_iter(lower, word).any(|at| {
        let end = at + word.len();
        boundary(at) && boundary(end) && one_case(&v[at..end])
    })
}

/// Shapes that are not secrets: booleans, numbers, versions, dates, UUIDs
/// (for passwords), e-mail addresses, colours, URLs without credentials,
/// identifiers and hashes' well-known decoys.
fn non_secret_shape(v: &[u8], class: Class) -> bool {
    let lower = v.to_ascii_lowercase();
    if matches!(
        &lower[..],
        b"none" | b"null" | b"nil" | b"true" | b"false" | b"undefined" | b"yes" | b"no"
    ) {
        return true;
    }
    if v.iter()
        .all(|b| b.is_ascii_digit() || *b == b'.' || *b == b'-' || *b == b':' || *b == b'_')
    {
        return true;
    }
    if is_uuid(v) {
        // A UUID under a token/key name is often the credential itself (Heroku,
        // many APIs); under a password name it is an id.
        return class == Class::Password || KNOWN_EXAMPLE_UUIDS.contains(&&lower[..]);
    }
    if v[0] == b'#' && v.len() <= 9 && v[1..].iter().all(|b| b.is_ascii_hexdigit()) {
        return true;
    }
    if let Some(at) = v.iter().position(|&b| b == b'@') {
        if !v.contains(&b':')
            && v[at..].contains(&b'.')
            && v[..at]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b".-_+".contains(b))
        {
            return true;
        }
    }
    if memchr::memmem::find(&lower, b"://").is_some() {
        // Credentials in URLs are the URI rules' business.
        return true;
    }
    // Hash-scheme strings: bcrypt/argon2/sha-crypt are password hashes, not passwords.
    if v.starts_with(b"$2")
        || v.starts_with(b"$argon")
        || v.starts_with(b"$6$")
        || v.starts_with(b"$5$")
        || lower.starts_with(b"sha256:")
        || lower.starts_with(b"sha512-")
        || lower.starts_with(b"sha384-")
    {
        return true;
    }
    // `kwargs.get`, `settings.DB_PASS`, `self.token`: member access, not a value.
    let dotted = v.contains(&b'.')
        && v.split(|&b| b == b'.').all(|seg| {
            seg.first()
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
                && seg.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        });
    if dotted {
        return true;
    }
    // Identifiers and dotted paths: `getPassword`, `user_password2`, `DB_PASSWORD`, `config.db.password`.
    let ident = v
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && v[0].is_ascii_alphabetic()
        && word_like(v);
    if ident {
        let w = words(v);
        let secretish = w.iter().any(|x| {
            x.len() > 2
                && (PASSWORD_TERMS.contains(&x.as_str())
                    || SECRET_TERMS.contains(&x.as_str())
                    || x == "key")
        });
        if secretish {
            return true;
        }
    }
    false
}

/// Prefixes of keys that providers document as public (publishable keys,
/// client-side keys): they identify, they do not authenticate.
const PUBLIC_PREFIXES: &[&[u8]] = &[
    b"pk_",
    b"pk.",
    b"pk-",
    b"sb_publishable_",
    b"phc_",
    b"client-",
    b"Mid-client-",
];

/// UUIDs that stand for "some id" in documentation.
const KNOWN_EXAMPLE_UUIDS: &[&[u8]] = &[
    b"550e8400-e29b-41d4-a716-446655440000",
    b"00000000-0000-0000-0000-000000000000",
    b"123e4567-e89b-12d3-a456-426614174000",
    b"123e4567-e89b-12d3-a456-426655440000",
];

fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// Whether a value reads as words or an identifier rather than random
/// characters: it splits into alphabetic pieces that each look like a word
/// (a vowel, no long consonant runs) with at most one short number.
pub fn word_like(v: &[u8]) -> bool {
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut numbers = 0usize;
    let mut number_len = 0usize;
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        if b.is_ascii_digit() {
            let s = i;
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
            numbers += 1;
            number_len = number_len.max(i - s);
            continue;
        }
        if b.is_ascii_alphabetic() {
            let s = i;
            i += 1;
            // A piece: an upper-case start then lower case, or a run of one case.
            if v[s].is_ascii_uppercase() {
                if i < v.len() && v[i].is_ascii_uppercase() {
                    while i < v.len()
                        && v[i].is_ascii_uppercase()
                        && !(i + 1 < v.len() && v[i + 1].is_ascii_lowercase())
                    {
                        i += 1;
                    }
                } else {
                    while i < v.len() && v[i].is_ascii_lowercase() {
                        i += 1;
                    }
                }
            } else {
                while i < v.len() && v[i].is_ascii_lowercase() {
                    i += 1;
                }
            }
            pieces.push(&v[s..i]);
            continue;
        }
        i += 1;
    }
    if pieces.is_empty() || numbers > 1 || number_len > 4 {
        return false;
    }
    // A random mixed-case token splits into many pieces of a letter or two
    // (`ycg1mMMAyRdfaUCUpiNU`: `m`, `MM`, `Ay`, `UC`, `NU`), each of which
    // passes for an abbreviation below; names split into fewer, longer ones
    // (`getUserAccountName`, `AWS_S3_DB_URL`). Below 20 characters a few
    // short pieces are as likely a name or a documented stand-in.
    let tiny = pieces.iter().filter(|p| p.len() <= 2).count();
    if v.len() >= 20 && pieces.len() >= 4 && tiny * 2 > pieces.len() {
        return false;
    }
    let alpha: usize = pieces.iter().map(|p| p.len()).sum();
    if alpha * 2 < v.len() {
        return false;
    }
    pieces.iter().all(|p| {
        let p = p.to_ascii_lowercase();
        // Acronyms and abbreviations: `tls`, `db`, `k8s`, `svc`.
        if p.len() <= 3 {
            return true;
        }
        let vowels = p.iter().filter(|b| b"aeiouy".contains(b)).count();
        let mut run = 0;
        let mut max_run = 0;
        for b in &p {
            if b"aeiouy".contains(b) {
                run = 0;
            } else {
                run += 1;
                max_run = max_run.max(run);
            }
        }
        (vowels > 0 && max_run <= 4 && vowels * 5 >= p.len())
            || (p.len() <= 4 && p.iter().all(|b| b.is_ascii_alphabetic()) && vowels > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Rule::new` relies on it: `RuleSpec::problems` admits these names only.
    #[test]
    fn every_name_the_model_admits_exists() {
        for name in crate::rules::KEY_VALUE_CLASSES {
            let identifier = crate::rules::IDENTIFIER_CLASSES.contains(name);
            assert_eq!(Class::from_name(name).is_some(), !identifier, "{name}");
            assert_eq!(Partner::from_name(name).is_some(), identifier, "{name}");
        }
    }

    #[test]
    fn keys_in_every_casing() {
        for k in [
            "password",
            "DB_PASSWORD",
            "adminPassword",
            "smtpPass",
            "SmtpPassword",
            "db.password",
            "spring.datasource.password",
            "PGPASSWORD",
            "mysql-pwd",
            "passphrase",
            "ADMIN_PASS",
        ] {
            assert_eq!(classify_key(k.as_bytes()), Some(Class::Password), "{k}");
        }
        for k in [
            "api_key",
            "apiKey",
            "ApiKey",
            "X-Api-Key",
            "client_secret",
            "clientSecret",
            "SECRET_KEY",
            "accessToken",
            "GITHUB_TOKEN",
            "_authToken",
            "AUTH_TOKEN",
            "private_key",
            "Authorization",
            "credentials",
            "webhookSecret",
            "signing.key",
            "x-auth-token",
            "APIKEY",
        ] {
            assert_eq!(classify_key(k.as_bytes()), Some(Class::Secret), "{k}");
        }
        for k in [
            "token_type",
            "password_policy",
            "secret_name",
            "key_id",
            "public_key",
            "passwordField",
            "tokenizer",
            "max_tokens",
            "bypass",
            "compass",
            "monkey",
            "keyboard",
            "csrf_token",
            "next_page_token",
            "passwordHash",
            "access_key_id",
            "secretName",
            "is_password",
            "password_reset_url",
            "PASSWORD_MIN_LENGTH",
            "hotkey",
            "passing",
            "tokens",
        ] {
            assert_eq!(classify_key(k.as_bytes()), None, "{k}");
        }
    }

    /// Weak passwords are reported in settings files only: not in code,
    /// tests, docs or translations, and never when they spell words.
    #[test]
    fn weak_passwords_count_in_settings_files() {
        let weak = |v: &str, path: &str| {
            judge(v.as_bytes(), Class::Password, true, &PathKind::of(path)).is_some()
        };
        for path in [
            "sftp-config.json",
            ".ftpconfig",
            "conf/app.ini",
            ".tugboat",
            "deploy/.env",
        ] {
            assert!(weak("hunter22", path), "{path}");
        }
        for path in [
            "app.py",
            "tests/fixtures/app.json",
            "docs/setup.yaml",
            "config/locales/nl.yml",
        ] {
            assert!(!weak("hunter22", path), "{path}");
        }
        for v in [
            "postgres",
            "Wachtwoord",
            "MasterUsername",
            "pass123",
            "irc_pass",
            "Optional[str",
        ] {
            assert!(!weak(v, "app.json"), "{v}");
        }
    }

    #[test]
    fn values() {
        let p = |v: &str| {
            judge(
                v.as_bytes(),
                Class::Password,
                false,
                &PathKind::of("app.py"),
            )
            .is_some()
        };
        let s =
            |v: &str| judge(v.as_bytes(), Class::Secret, false, &PathKind::of("app.py")).is_some();
        assert!(p("Tz8mK2qLv5Xn9Rw4"));
        assert!(p("Summer2024!"));
        assert!(!p("hunter2"));
        assert!(!p("password"));
        assert!(!p("Enter your password"));
        assert!(!p("********"));
        assert!(!p("${DB_PASSWORD}"));
        assert!(!p("{password}"));
        assert!(!p("%(password)s"));
        assert!(!p("getPassword"));
        assert!(s("Zq8Lm2Xw7Rk4Tn9Vb3Hc"));
        assert!(s("9c4e1f7a2b8d3e6f0a5c9b1d7e3f2a8c"));
        assert!(!s("my-tls-secret-2"));
        assert!(!s("release-name-postgresql-2"));
        assert!(!s("550e8400-e29b-41d4-a716-446655440000"));
        assert!(!s("Bearer"));
        assert!(!s("vault:secret/data/app#key"));
        assert!(s("ycg1mMMAyRdfaUCUpiNUwYFGrJIiutIE"));
        // A UUID reaches the judge only under a name that says key.
        assert!(s("c6563318-c125-4b23-840f-891946673415"));
        assert!(!p("c6563318-c125-4b23-840f-891946673415"));
        assert!(word_like(b"getUserAccountName") && word_like(b"AWS_S3_DB_URL"));
        assert!(!word_like(b"ycg1mMMAyRdfaUCUpiNU"));
    }

    /// Marker words count as words, not as letters a random token happens
    /// to hold: `…mclGTBdK` has `tbd` in it, `…TodoX…` would be a marker.
    #[test]
    fn marker_words_are_words() {
        for masked in [
            "<REDACTED>",
            "sk_live_REDACTED",
            "TODO",
            "todo-set-me",
            "Tbd",
            "changeMeTodo",
            "hidden",
            "secret_FIXME_2024",
            "your_token_here",
            "xxxxxxxxxxxx",
            "AKIAxxxxxxxxxxxx",
        ] {
            assert!(is_masked(masked.as_bytes()), "{masked} is a marker");
        }
        for token in [
            "2qUGYZfu2s3BHWxG2TlwO8X1ZGSQgittmclGTBdK",
            "Rk8vTOdOq9xLp4ZwB7nYc3HdJ",
            "q7HiDdEn3kWz9RtYv2LmXc4B",
        ] {
            assert!(!is_masked(token.as_bytes()), "{token} is no marker");
            assert!(
                judge(
                    token.as_bytes(),
                    Class::Secret,
                    false,
                    &PathKind::of("app.py")
                )
                .is_some(),
                "{token} is a secret"
            );
        }
    }

    fn found(text: &str, class: Class) -> Vec<String> {
        let kw: &[&str] = match class {
            Class::Password => &["password", "pass", "pwd"],
            Class::Secret => &["token", "secret", "key", "authorization"],
        };
        let lower = text.to_ascii_lowercase();
        let mut out: Vec<String> = Vec::new();
        for k in kw {
            let mut from = 0;
            while let Some(i) = lower[from..].find(k) {
                let s = from + i;
                for h in extract(
                    text.as_bytes(),
                    s,
                    s + k.len(),
                    class,
                    &PathKind::of("config/app.yaml"),
                ) {
                    let v = text[h.value].to_string();
                    if !out.contains(&v) {
                        out.push(v);
                    }
                }
                from = s + k.len();
            }
        }
        out
    }

    /// Found by the `engine` fuzz target (fuzz/regressions/engine/structured-quote-past-end).
    #[test]
    fn an_unclosed_tuple_at_the_end_of_a_blob() {
        for t in [r#"password = ("user", "Kq9v"#, r#"password = ("Kq9v"#] {
            let _ = found(t, Class::Password);
        }
    }

    /// A placeholder's default (`${name:default}`, `${NAME:-default}`) is
    /// a literal in the file, in code as in config; a bare placeholder or
    /// one whose default is another reference is not.
    #[test]
    fn placeholder_defaults_are_values() {
        let at = |text: &str, path: &str| -> Vec<String> {
            let s = text.find("password").expect("keyword");
            extract(
                text.as_bytes(),
                s,
                s + "password".len(),
                Class::Password,
                &PathKind::of(path),
            )
            .into_iter()
            .map(|h| text[h.value].to_string())
            .collect()
        };
        let java = r#"@Value("${smtp.password:Kq9vL2xW7mZt}")"#;
        assert_eq!(at(java, "src/Mail.java"), ["Kq9vL2xW7mZt"]);
        let shell = r#"export DB_PASS="${db_password:-Kq9vL2xW7mZt}""#;
        assert_eq!(at(shell, "run.sh"), ["Kq9vL2xW7mZt"]);
        assert!(at(r#"@Value("${smtp.password}")"#, "src/Mail.java").is_empty());
        assert!(at(r#"@Value("${smtp.password:${OTHER}}")"#, "src/Mail.java").is_empty());
    }

    #[test]
    fn structures() {
        let pw = |t: &str| found(t, Class::Password);
        let sec = |t: &str| found(t, Class::Secret);
        let uuid = "c6563318-c125-4b23-840f-891946673415";
        assert_eq!(
            sec(&format!(r#"<add key="ApiKey" value="{uuid}" />"#)),
            [uuid]
        );
        assert!(sec(&format!(r#"<add key="LockToken" value="{uuid}" />"#)).is_empty());
        assert_eq!(pw(r#"{"adminPassword": "Kq9vL2xW7mZt"}"#), ["Kq9vL2xW7mZt"]);
        assert_eq!(pw(r#"SmtpPassword: "Kq9vL2xW7mZt","#), ["Kq9vL2xW7mZt"]);
        assert_eq!(pw("<password>Kq9vL2xW7mZt</password>"), ["Kq9vL2xW7mZt"]);
        assert_eq!(
            pw(r#"<entry key="db.password">Kq9vL2xW7mZt</entry>"#),
            ["Kq9vL2xW7mZt"]
        );
        assert_eq!(
            pw(r#"<add key="DbPassword" value="Kq9vL2xW7mZt"/>"#),
            ["Kq9vL2xW7mZt"]
        );
        assert_eq!(
            pw("Server=db;User Id=sa;Password=Kq9vL2xW7mZt;"),
            ["Kq9vL2xW7mZt"]
        );
        assert_eq!(
            pw("wget --password=Kq9vL2xW7mZt https://x"),
            ["Kq9vL2xW7mZt"]
        );
        assert_eq!(pw(r#"{\"password\": \"Kq9vL2xW7mZt\"}"#), ["Kq9vL2xW7mZt"]);
        assert_eq!(pw("password: Optional[str] = None"), Vec::<String>::new());
        assert_eq!(sec("api_key = K3vQx9Lm2Wp7Zr4T"), ["K3vQx9Lm2Wp7Zr4T"]);
        assert_eq!(
            sec("docker run -e API_TOKEN=K3vQx9Lm2Wp7Zr4T img"),
            ["K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(
            sec("GET /x?access_token=K3vQx9Lm2Wp7Zr4T&y=1"), // stanch:allow practice-secret-in-query-string
            ["K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(
            sec(r#"-H "Authorization: Bearer K3vQx9Lm2Wp7Zr4T""#),
            ["K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(
            sec("DISCORD_TOKEN = (\n    \"K3vQx9Lm2Wp7Zr4T\"\n)"),
            ["K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(
            sec("api_keys:\n  - K3vQx9Lm2Wp7Zr4T\n  - Zq8Lm2Xw7Rk4Tn9V\n"),
            ["K3vQx9Lm2Wp7Zr4T", "Zq8Lm2Xw7Rk4Tn9V"]
        );
        assert_eq!(
            sec("secret_key: |\n  K3vQx9Lm2Wp7Zr4T\n"),
            ["K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(
            sec("# prod okta api token: 00K3vQx9Lm2Wp7Zr4T"),
            ["00K3vQx9Lm2Wp7Zr4T"]
        );
        assert_eq!(sec("token_type = \"Bearer\""), Vec::<String>::new());
    }
}
