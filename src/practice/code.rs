//! Practice checks in source code: a secret-named variable written to a log
//! or to output (item 3) or into an error (item 4), an environment lookup
//! with a literal fallback or a secret constant with a literal value (5),
//! credentials in a plain-HTTP URL and secrets in a query string (8).
//!
//! Line by line, without a parser: a log or error call is found by a regex
//! per language; its arguments, up to the matching parenthesis on the line,
//! are split into what is outside string literals (variables, attribute
//! paths, subscripts) and what a string interpolates (`f"{x}"`, `` `${x}` ``,
//! `"#{x}"`, `"$x"`, `$"{x}"`, `{x}` in Rust's format strings). A reference
//! counts when its name is a secret name and it is used as a value: not
//! called, sliced (`key[-4:]`), measured (`len(token)`), masked
//! (`mask(token)`) or compared (`token is None`).
use super::{code_secret_name, column, no_value, secret_name, shown, Hit};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// A regex whose `\b`, `\w` and `\s` are ASCII's: code's names and
/// spaces are, and Unicode's tables make the automata large and slow to
/// build (the checks' regexes are built once per run, on every audit).
fn ascii_regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(
        &pattern
            .replace(r"\b", r"(?-u:\b)")
            .replace(r"\w", "[0-9A-Za-z_]")
            .replace(r"\s", r"[\t\n\x0B\x0C\r ]"),
    )
}

/// The languages the code checks read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Python.
    Python,
    /// JavaScript and TypeScript.
    Js,
    /// Go.
    Go,
    /// Java.
    Java,
    /// Kotlin, Groovy, Scala (`"$x"`, `"${x}"` interpolate).
    Kotlin,
    /// C#.
    CSharp,
    /// Ruby.
    Ruby,
    /// PHP.
    Php,
    /// Rust.
    Rust,
    /// POSIX shells.
    Shell,
}

/// The language of a path, by its extension.
pub fn lang(path: &str) -> Option<Lang> {
    let name = super::repo::file_name(path);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    Some(match ext {
        "py" | "pyw" => Lang::Python,
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts" | "vue" | "svelte" => Lang::Js,
        "go" => Lang::Go,
        "java" => Lang::Java,
        "kt" | "kts" | "groovy" | "gradle" | "scala" => Lang::Kotlin,
        "cs" => Lang::CSharp,
        "rb" | "rake" => Lang::Ruby,
        "php" => Lang::Php,
        "rs" => Lang::Rust,
        "sh" | "bash" | "zsh" | "ksh" => Lang::Shell,
        _ => return None,
    })
}

/// What a sink does with its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Log,
    Error,
}

/// The sinks of a language, and one regex matching any of them (to find
/// the lines worth reading in one pass over the file).
fn sinks(lang: Lang) -> &'static (Vec<(Sink, Regex)>, Regex) {
    macro_rules! set {
        ($($kind:ident => $re:expr),* $(,)?) => {{
            static S: OnceLock<(Vec<(Sink, Regex)>, Regex)> = OnceLock::new();
            S.get_or_init(|| {
                let any = [$($re),*].iter().map(|r| format!("(?:{r})")).collect::<Vec<_>>().join("|");
                (
                    vec![$((Sink::$kind, ascii_regex($re).expect("sink regex"))),*],
                    ascii_regex(&format!("(?m){any}")).expect("sinks regex"),
                )
            })
        }};
    }
    match lang {
        Lang::Python => set!(
            Log => r"(?:^|[^\w.])(?:print|(?:[A-Za-z_][\w.]*\.)?(?:logger|logging|log|LOG|LOGGER|_logger|_log|log_)\.(?:debug|info|warning|warn|error|exception|critical|fatal|log))\s*\(",
            Error => r"\braise\s+[A-Za-z_][\w.]*\s*\(",
        ),
        Lang::Js => set!(
            Log => r"\b(?:console\.(?:log|info|warn|error|debug|trace)|(?:logger|log|this\.logger|this\.log|winston|pino)\.(?:debug|info|warn|error|trace|fatal|log))\s*\(",
            Error => r"\b(?:throw\s+new\s+\w*Error|throw\s+\w*Error|new\s+\w*Error)\s*\(",
        ),
        Lang::Go => set!(
            Log => r"\b(?:log\.(?:Print|Printf|Println|Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln)|fmt\.(?:Print|Printf|Println|Fprint|Fprintf|Fprintln)|slog\.(?:Debug|Info|Warn|Error)|(?:logger|log|l|sugar|s)\.(?:Debug|Info|Warn|Error|Fatal|Debugf|Infof|Warnf|Errorf|Fatalf|Debugw|Infow|Warnw|Errorw)|zap\.(?:String|Any|ByteString)|WithField)\s*\(",
            Error => r"\b(?:errors\.New|fmt\.Errorf|panic)\s*\(",
        ),
        Lang::Java => set!(
            Log => r"\b(?:(?:log|logger|LOG|LOGGER|Log|Timber)\.(?:trace|debug|info|warn|error|fatal|d|i|w|e|v)|System\.(?:out|err)\.print(?:ln|f)?)\s*\(",
            Error => r"\bthrow\s+new\s+\w+\s*\(",
        ),
        Lang::Kotlin => set!(
            Log => r"\b(?:(?:log|logger|LOG|LOGGER|Log|Timber)\.(?:trace|debug|info|warn|error|fatal|d|i|w|e|v)|System\.(?:out|err)\.print(?:ln|f)?|println|print)\s*\(",
            Error => r"\bthrow\s+(?:new\s+)?\w*(?:Exception|Error)\s*\(",
        ),
        Lang::CSharp => set!(
            Log => r"\b(?:Console\.(?:Write|WriteLine)|Debug\.WriteLine|Trace\.WriteLine|_?[lL]ogger\.Log(?:Trace|Debug|Information|Warning|Error|Critical))\s*\(",
            Error => r"\bthrow\s+new\s+\w*Exception\s*\(",
        ),
        Lang::Ruby => set!(
            Log => r"(?:^|[^\w.:])(?:puts|print|p|pp|warn|(?:Rails\.)?logger\.(?:debug|info|warn|error|fatal))\b",
            Error => r"\braise\b",
        ),
        Lang::Php => set!(
            Log => r"(?:\b(?:echo|print|error_log|printf|var_dump|print_r|syslog)\b|->(?:debug|info|notice|warning|error|critical|log)\s*\(|\bLog::(?:debug|info|notice|warning|error|critical)\s*\()",
            Error => r"\bthrow\s+new\s+\\?\w*(?:Exception|Error)\s*\(",
        ),
        Lang::Rust => set!(
            Log => r"\b(?:println|eprintln|print|eprint|info|debug|warn|error|trace)!\s*\(",
            Error => r"\b(?:panic|bail|anyhow|unreachable|todo|unimplemented)!\s*\(",
        ),
        Lang::Shell => set!(
            Log => r"(?:^|[;&|]\s*|\bthen\s+|\bdo\s+)(?:echo|printf)\b",
        ),
    }
}

/// Calls whose result tells nothing of the secret's value.
const MASKING: &[&str] = &[
    "mask",
    "masked",
    "redact",
    "redacted",
    "len",
    "length",
    "hash",
    "sha256",
    "sha1",
    "md5",
    "hexdigest",
    "digest",
    "bool",
    "type",
    "typeof",
    "isinstance",
    "is_some",
    "is_none",
    "isEmpty",
    "is_empty",
    "Boolean",
    "count",
    "size",
    "strlen",
    "sizeof",
    "obfuscate",
    "anonymize",
    "fingerprint",
    "hashed",
    "truncate",
    "last4",
];

/// Words after a reference that make it a predicate, not the value.
const PREDICATE: &[&str] = &[
    "is", "==", "!=", "===", "!==", "in", "not", "?", "&&", "||", "and", "or", ">", "<",
];

/// A reference to a value in a sink's arguments.
#[derive(Debug)]
struct Ref {
    /// Byte offset in the line.
    at: usize,
    /// The expression as written.
    expr: String,
    /// The name judged (the last segment, or a string subscript's key).
    name: String,
}

/// How a string literal interpolates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Interp {
    None,
    /// `{expr}` (Python f-strings, C# `$"…"`, Rust format strings).
    Brace,
    /// `${expr}` (JS template literals).
    DollarBrace,
    /// `$name`, `${expr}` (shell, PHP, Kotlin, Groovy).
    Dollar,
    /// `#{expr}` (Ruby).
    Hash,
}

fn interp_of(lang: Lang, prefix: &str, quote: u8) -> Interp {
    let p = prefix.to_ascii_lowercase();
    match (lang, quote) {
        (Lang::Python, _) if p.contains('f') => Interp::Brace,
        (Lang::Js, b'`') => Interp::DollarBrace,
        (Lang::CSharp, b'"') if prefix.contains('$') => Interp::Brace,
        (Lang::Rust, b'"') => Interp::Brace,
        (Lang::Ruby, b'"') => Interp::Hash,
        (Lang::Php | Lang::Shell | Lang::Kotlin, b'"') => Interp::Dollar,
        _ => Interp::None,
    }
}

/// The end of the string literal opening at `i` (the index after its closing quote).
fn string_end(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == q => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The index after the bracket matching the one at `i`, within the slice.
fn matching(b: &[u8], i: usize) -> usize {
    let (open, close) = match b[i] {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => (b'{', b'}'),
    };
    let mut depth = 0;
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'"' | b'\'' | b'`' => {
                j = string_end(b, j);
                continue;
            }
            c if c == open => depth += 1,
            c if c == close => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
        j += 1;
    }
    b.len()
}

fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// References in code (outside strings) from `from` to `to` of `line`,
/// strings' interpolations included; `base` offsets what is reported.
fn refs(line: &str, from: usize, to: usize, lang: Lang, fmt: bool, out: &mut Vec<Ref>) {
    let b = line.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        if matches!(c, b'"' | b'\'' | b'`') {
            // The literal's prefix letters (`f"`, `rf'`, `$"`, `@$"`).
            let mut p = i;
            while p > from && (b[p - 1].is_ascii_alphabetic() || matches!(b[p - 1], b'$' | b'@')) {
                p -= 1;
            }
            let prefix = &line[p..i];
            let end = string_end(b, i).min(to);
            let kind = if lang == Lang::Rust && !fmt {
                Interp::None
            } else {
                interp_of(lang, prefix, c)
            };
            interpolations(
                line,
                i + 1,
                end.saturating_sub(1).max(i + 1),
                kind,
                lang,
                out,
            );
            i = end;
            continue;
        }
        if c == b'#' && matches!(lang, Lang::Python | Lang::Ruby | Lang::Shell) {
            break; // a comment
        }
        if c == b'/'
            && b.get(i + 1) == Some(&b'/')
            && !matches!(lang, Lang::Python | Lang::Ruby | Lang::Shell)
        {
            break;
        }
        let sigil = c == b'$'
            && matches!(lang, Lang::Php | Lang::Shell)
            && b.get(i + 1).is_some_and(|&n| ident_start(n) || n == b'{');
        if ident_start(c) || sigil {
            let start = i;
            if sigil {
                i += 1;
                if b[i] == b'{' {
                    let end = matching(b, i).min(to);
                    let inner = line
                        .get(i + 1..end.saturating_sub(1))
                        .unwrap_or("")
                        .trim_start_matches('!');
                    let name = inner
                        .split([':', '-', '=', '?', '+', '#', '%', '/'])
                        .next()
                        .unwrap_or("");
                    push(out, start, line.get(start..end).unwrap_or(""), name);
                    i = end;
                    continue;
                }
            }
            // A path: names joined by `.`, `->`, `::`.
            loop {
                while i < to && ident_byte(b[i]) {
                    i += 1;
                }
                if i < to && b[i] == b'.' && b.get(i + 1).is_some_and(|&n| ident_start(n)) {
                    i += 1;
                } else if i + 1 < to
                    && (&b[i..i + 2] == b"->" || &b[i..i + 2] == b"::")
                    && b.get(i + 2).is_some_and(|&n| ident_start(n))
                {
                    i += 2;
                } else {
                    break;
                }
            }
            let path = &line[start..i];
            let last = path
                .rsplit(['.', ':', '>'])
                .next()
                .unwrap_or(path)
                .trim_start_matches('$');
            // Before it: a masking call's parenthesis or a negation.
            let before = line.get(from..start).unwrap_or("").trim_end();
            if before.ends_with('!') && !before.ends_with("!=") {
                continue;
            }
            let mut j = i;
            while j < to && b[j] == b' ' {
                j += 1;
            }
            if j < to && b[j] == b'(' {
                // A call: its arguments are values unless it masks them.
                let end = matching(b, j).min(to);
                if MASKING.iter().any(|m| last.eq_ignore_ascii_case(m)) {
                    i = end;
                }
                continue;
            }
            if j < to && b[j] == b'[' {
                let end = matching(b, j).min(to);
                let inner = line.get(j + 1..end.saturating_sub(1)).unwrap_or("").trim();
                if inner.contains(':') {
                    i = end; // a slice: a masked form
                    continue;
                }
                let quoted = inner.len() >= 2
                    && matches!(inner.as_bytes()[0], b'"' | b'\'')
                    && inner.as_bytes()[inner.len() - 1] == inner.as_bytes()[0];
                if quoted {
                    push(
                        out,
                        start,
                        line.get(start..end).unwrap_or(""),
                        &inner[1..inner.len() - 1],
                    );
                    i = end;
                    continue;
                }
            }
            let rest = line.get(j..to).unwrap_or("");
            let next_word = rest.split([' ', ')', ',']).next().unwrap_or("");
            if PREDICATE.contains(&next_word)
                || rest.starts_with('?')
                || rest.starts_with("==")
                || rest.starts_with("!=")
            {
                continue;
            }
            push(out, start, path, last);
            continue;
        }
        i += 1;
    }
}

fn push(out: &mut Vec<Ref>, at: usize, expr: &str, name: &str) {
    out.push(Ref {
        at,
        expr: expr.to_string(),
        name: name.to_string(),
    });
}

/// References a string literal's body (`from..to` of `line`) interpolates.
fn interpolations(
    line: &str,
    from: usize,
    to: usize,
    kind: Interp,
    lang: Lang,
    out: &mut Vec<Ref>,
) {
    let b = line.as_bytes();
    let mut i = from;
    while i < to {
        let opens = match kind {
            Interp::None => return,
            Interp::Brace => b[i] == b'{' && b.get(i + 1) != Some(&b'{'),
            Interp::DollarBrace | Interp::Dollar => b[i] == b'$' && b.get(i + 1) == Some(&b'{'),
            Interp::Hash => b[i] == b'#' && b.get(i + 1) == Some(&b'{'),
        };
        if kind == Interp::Brace && b[i] == b'{' && b.get(i + 1) == Some(&b'{') {
            i += 2;
            continue;
        }
        if opens {
            let brace = if kind == Interp::Brace { i } else { i + 1 };
            let end = matching(b, brace).min(to + 1);
            let body_end = end.saturating_sub(1).max(brace + 1);
            // A format spec (`{x!r}`, `{x:>10}`, `{x:?}`) is not the expression.
            let body = line.get(brace + 1..body_end).unwrap_or("");
            let mut depth = 0i32;
            let cut = body
                .char_indices()
                .find(|&(k, ch)| {
                    match ch {
                        '[' | '(' => depth += 1,
                        ']' | ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                        && ((ch == '!' && body.as_bytes().get(k + 1) != Some(&b'='))
                            || (ch == ':'
                                && !body[k..].starts_with("::")
                                && !body[..k].ends_with(':')))
                })
                .map_or(body.len(), |(k, _)| k);
            refs(line, brace + 1, brace + 1 + cut, lang, false, out);
            i = end;
            continue;
        }
        if kind == Interp::Dollar && b[i] == b'$' && b.get(i + 1).is_some_and(|&n| ident_start(n)) {
            let mut j = i + 1;
            while j < to && ident_byte(b[j]) {
                j += 1;
            }
            push(out, i, &line[i..j], &line[i + 1..j]);
            i = j;
            continue;
        }
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
}

/// Where a sink's arguments end: the matching parenthesis on the line, or
/// (a call without parentheses) the line's end.
fn arguments_end(line: &str, open: usize, paren: bool) -> usize {
    if paren {
        matching(line.as_bytes(), open).min(line.len())
    } else {
        line.len()
    }
}

/// The end of the first top-level argument in `from..to`.
fn first_argument_end(line: &str, from: usize, to: usize) -> usize {
    let b = line.as_bytes();
    let mut i = from;
    while i < to {
        match b[i] {
            b'"' | b'\'' | b'`' => {
                i = string_end(b, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                i = matching(b, i);
                continue;
            }
            b',' => return i,
            _ => {}
        }
        i += 1;
    }
    to.min(b.len())
}

/// Secrets written to logs (item 3) and errors (item 4).
fn sink_hits(text: &str, lines: &[Line<'_>], lang: Lang, out: &mut Vec<Hit>) {
    let sinks = &sinks(lang).0;
    // Python docstrings show examples (`print(model.password)` printing a
    // masked value); they are not code that runs. Inside one: an odd number
    // of triple quotes before the line.
    let quotes: Vec<usize> = if lang == Lang::Python {
        let mut q: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), "\"\"\"")
            .chain(memchr::memmem::find_iter(text.as_bytes(), "'''"))
            .collect();
        q.sort_unstable();
        q
    } else {
        Vec::new()
    };
    for l in lines.iter().filter(|l| l.checks & SINK != 0) {
        let (n, line) = (l.number, l.text);
        if !quotes.is_empty() {
            let before = quotes.partition_point(|&p| p < l.start);
            let opens = line.contains("\"\"\"") || line.contains("'''");
            if before % 2 == 1 || (opens && line.trim_start().starts_with(['"', '\'', 'r', 'f'])) {
                continue;
            }
        }
        if line.len() > 2000 {
            continue; // minified: not code a person writes log calls in
        }
        for (sink, re) in sinks {
            for m in re.find_iter(line) {
                let paren = line[..m.end()].ends_with('(');
                let open = if paren { m.end() - 1 } else { m.end() };
                let end = arguments_end(line, open, paren);
                let args = &line[open..end];
                if lang == Lang::Shell {
                    // `echo "$TOKEN" | docker login --password-stdin`: piped
                    // or redirected, it is input to a command, not output.
                    let rest = args.split([';']).next().unwrap_or(args);
                    if rest.contains('|') || rest.contains('>') {
                        continue;
                    }
                }
                let mut found = Vec::new();
                let from = if paren { open + 1 } else { open };
                let to = if lang == Lang::Shell {
                    from + line[from..end].find([';', '&']).unwrap_or(end - from)
                } else {
                    end
                };
                // An exception's first argument is its message; the others
                // (a cause, a code, a value a custom error masks) are not,
                // except in formatting calls (`fmt.Errorf`, `panic!`).
                let to = if *sink == Sink::Error
                    && !matches!(lang, Lang::Go | Lang::Rust | Lang::Ruby)
                {
                    first_argument_end(line, from, to)
                } else {
                    to
                };
                let fmt = lang == Lang::Rust;
                refs(line, from, to, lang, fmt, &mut found);
                if let Some(r) = found.into_iter().find(|r| code_secret_name(&r.name)) {
                    let (rule, what) = match sink {
                        Sink::Log => ("practice-secret-in-log", "is written to a log or to output"),
                        Sink::Error => ("practice-secret-in-error", "is put into an error message"),
                    };
                    out.push(Hit::new(
                        rule,
                        n as u32 + 1,
                        column(line, r.at),
                        format!("`{}` {what}", r.expr),
                    ));
                    break;
                }
            }
        }
    }
    if lang == Lang::Shell && text.contains("set -") {
        xtrace(&text.lines().collect::<Vec<_>>(), out);
    }
}

/// The line checks a line needs: a log or error call, an environment
/// lookup, a secret constant, a URL.
const SINK: u8 = 1;
const ENV: u8 = 2;
const CONSTANT: u8 = 4;
const URL: u8 = 8;

/// A line worth checking, and which checks it needs.
struct Line<'a> {
    /// 0-based.
    number: usize,
    /// Byte offset of its start in the file.
    start: usize,
    text: &'a str,
    checks: u8,
}

/// Trigger words (ASCII, any case) and the checks each calls for: one
/// Aho-Corasick pass over a file finds the few lines the checks' regexes
/// need to read.
fn triggers() -> &'static (AhoCorasick, Vec<u8>) {
    static T: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    T.get_or_init(|| {
        // Exact case: a case-insensitive automaton is slower and wakes the
        // checks on every lowercase `key` and `token` of ordinary code.
        let words: &[(&str, u8)] = &[
            // Every sink's name holds one of these (`logger.`, `LOG.info`,
            // `_logger.LogWarning`, `console.`, `println!`, `fmt.Errorf`,
            // `Console.WriteLine`, `error!`, `throw`, `raise`).
            ("log", SINK),
            ("Log", SINK),
            ("LOG", SINK),
            ("print", SINK),
            ("console", SINK),
            ("Console", SINK),
            ("raise", SINK),
            ("throw", SINK),
            ("panic", SINK),
            ("bail!", SINK),
            ("anyhow!", SINK),
            ("unreachable!", SINK),
            ("echo", SINK),
            ("puts", SINK),
            ("fmt.", SINK),
            ("zap.", SINK),
            ("WithField", SINK),
            ("var_dump", SINK),
            ("Timber", SINK),
            ("errors.New", SINK),
            ("System.", SINK),
            ("Debug.", SINK),
            ("Trace.", SINK),
            ("info!", SINK),
            ("warn!", SINK),
            ("error!", SINK),
            ("debug!", SINK),
            ("trace!", SINK),
            ("warn ", SINK),
            ("Error(", SINK),
            ("getenv", ENV),
            ("Getenv", ENV),
            ("environ", ENV),
            ("env.get", ENV),
            ("process.env", ENV),
            ("cmp.Or", ENV),
            ("env::var", ENV),
            ("requireNonNullElse", ENV),
            ("GetEnvironmentVariable", ENV),
            ("ENV[", ENV),
            ("ENV.fetch", ENV),
            ("${", ENV),
            // Constants are upper case; settings fields are typed.
            ("PASS", CONSTANT),
            ("PWD", CONSTANT),
            ("SECRET", CONSTANT),
            ("TOKEN", CONSTANT),
            ("KEY", CONSTANT),
            ("CRED", CONSTANT),
            ("AUTH", CONSTANT),
            (": str", CONSTANT),
            (": SecretStr", CONSTANT),
            (": Optional[str]", CONSTANT),
            ("http://", URL),
            ("key=", URL),
            ("Key=", URL),
            ("token=", URL),
            ("Token=", URL),
            ("secret=", URL),
            ("password=", URL),
            ("passwd=", URL),
            ("pwd=", URL),
        ];
        // The default (a DFA for so few words): a contiguous NFA builds
        // faster for a commit's few files but makes `stanch audit` of a
        // whole tree half as fast again.
        let ac = AhoCorasick::builder()
            .build(words.iter().map(|(w, _)| w))
            .expect("trigger words");
        (ac, words.iter().map(|(_, c)| *c).collect())
    })
}

/// The lines holding a trigger word, in one pass over the file.
fn candidates(text: &str) -> Vec<Line<'_>> {
    let (ac, checks) = triggers();
    let b = text.as_bytes();
    let mut out: Vec<Line<'_>> = Vec::new();
    let (mut number, mut start, mut end) = (0, 0, memchr::memchr(b'\n', b).unwrap_or(b.len()));
    for m in ac.find_iter(text) {
        let at = m.start();
        if at > end {
            number += memchr::memchr_iter(b'\n', &b[end..at]).count();
            start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
            end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
        }
        let c = checks[m.pattern().as_usize()];
        match out.last_mut() {
            Some(l) if l.number == number => l.checks |= c,
            _ => out.push(Line {
                number,
                start,
                text: text[start..end].trim_end_matches('\r'),
                checks: c,
            }),
        }
    }
    out
}

/// `set -x` while a secret-named variable is expanded: the shell prints
/// every command with the value in it.
fn xtrace(lines: &[&str], out: &mut Vec<Hit>) {
    static VAR: OnceLock<Regex> = OnceLock::new();
    let var = VAR.get_or_init(|| ascii_regex(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)").expect("var regex"));
    let mut on: Option<(usize, &str)> = None;
    for (n, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with('#') {
            continue;
        }
        if t == "set -x"
            || t.starts_with("set -x ")
            || t == "set -o xtrace"
            || t.starts_with("set -ex")
            || t.starts_with("set -eux")
            || t.starts_with("set -xe")
        {
            on = Some((n, line));
            continue;
        }
        if t.starts_with("set +x") || t.starts_with("set +o xtrace") {
            on = None;
            continue;
        }
        if let Some((at, set_line)) = on {
            if let Some(c) = var.captures_iter(line).find(|c| code_secret_name(&c[1])) {
                out.push(Hit::new(
                    "practice-secret-in-log",
                    at as u32 + 1,
                    column(set_line, set_line.find("set").unwrap_or(0)),
                    format!("`set -x` prints `${}` (line {}) to the log", &c[1], n + 1),
                ));
                on = None;
            }
        }
    }
}

/// Environment lookups with a literal fallback, and secret constants (item 5).
fn defaults(path: &str, lines: &[Line<'_>], lang: Option<Lang>, out: &mut Vec<Hit>) {
    // The regexes are compiled once per run, and only for a file that needs
    // them: a commit's few files often do not.
    if !lines.iter().any(|l| l.checks & (ENV | CONSTANT) != 0) {
        return;
    }
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    let res = RES.get_or_init(|| {
        [
            // Python, PHP: getenv("X", "…"), os.environ.get("X", "…")
            r#"(?:getenv|environ\.get|env\.get)\(\s*["']([A-Za-z_][\w.\-]*)["']\s*,\s*(?:default\s*=\s*)?["']([^"']*)["']"#,
            // JS/TS: process.env.X || "…", process.env["X"] ?? '…'
            r#"process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([^"']+)["']\s*\])\s*(?:\|\||\?\?)\s*["'`]([^"'`]*)["'`]"#,
            // Go: cmp.Or(os.Getenv("X"), "…")
            r#"cmp\.Or\(\s*os\.Getenv\(\s*"(\w+)"\s*\)\s*,\s*"([^"]*)""#,
            // Ruby: ENV.fetch("X", "…"), ENV["X"] || "…"
            r#"ENV(?:\.fetch\(\s*["'](\w+)["']\s*,|\[\s*["'](\w+)["']\s*\]\s*\|\|)\s*["']([^"']*)["']"#,
            // Rust: env::var("X").unwrap_or("…"…)
            r#"env::var\(\s*"(\w+)"\s*\)\s*\.unwrap_or(?:_else)?\(\s*(?:\|_\|\s*)?(?:String::from\()?"([^"]*)""#,
            // Java, C#: requireNonNullElse(System.getenv("X"), "…"), GetEnvironmentVariable("X") ?? "…"
            r#"(?:requireNonNullElse\(\s*System\.getenv\(\s*"(\w+)"\s*\)\s*,|GetEnvironmentVariable\(\s*"(\w+)"\s*\)\s*\?\?)\s*"([^"]*)""#,
            // Shell, compose: ${X:-…}, ${X-…}, ${X:=…}
            r"\$\{([A-Za-z_]\w*):?[-=]([^}]*)\}",
            // Spring: ${x.y:…}
            r"\$\{([A-Za-z_][\w.\-]*):([^}\-][^}]*)\}",
        ]
        .iter()
        .map(|r| ascii_regex(r).expect("default regex"))
        .collect()
    });
    static CONSTANT_RE: OnceLock<Regex> = OnceLock::new();
    let constant = CONSTANT_RE.get_or_init(|| {
        ascii_regex(
            r#"^\s*(?:export\s+)?(?:(?:pub(?:\(crate\))?|const|static|final|private|public|protected|readonly|let|var|val|def)\s+)*(?:[A-Za-z_][\w:<>\[\]&']*\s+)?([A-Z][A-Z0-9_]*[A-Z0-9])\s*(?::\s*[\w&'<>\[\]]+\s*)?:?=\s*["']([^"'\s]{6,})["']\s*[;,]?\s*(?:#.*|//.*)?$"#,
        )
        .expect("constant regex")
    });
    static FIELD: OnceLock<Regex> = OnceLock::new();
    let field = FIELD.get_or_init(|| {
        ascii_regex(r#"^\s+([a-z_][a-z0-9_]*)\s*:\s*(?:str|SecretStr|Optional\[str\]|str \| None)\s*=\s*(?:Field\(\s*(?:default\s*=\s*)?)?["']([^"']+)["']"#)
            .expect("field regex")
    });
    let spring_ok = path.ends_with(".properties")
        || path.ends_with(".yml")
        || path.ends_with(".yaml")
        || path.ends_with(".java")
        || path.ends_with(".kt")
        || path.ends_with(".xml");
    let shell_ok = lang == Some(Lang::Shell)
        || super::deploy::is_compose(path)
        || super::repo::file_name(path).starts_with("Dockerfile")
        || path.ends_with(".env")
        || super::repo::file_name(path).starts_with(".env")
        || path.ends_with(".yml")
        || path.ends_with(".yaml")
        || path.ends_with("Makefile")
        || path.ends_with(".mk");
    for l in lines.iter().filter(|l| l.checks & (ENV | CONSTANT) != 0) {
        let (n, line) = (l.number, l.text);
        if line.len() > 2000 {
            continue;
        }
        for (k, re) in res.iter().enumerate() {
            let applies = match k {
                6 => shell_ok,
                7 => spring_ok,
                _ => lang.is_some(),
            };
            if !applies {
                continue;
            }
            for c in re.captures_iter(line) {
                let groups: Vec<&str> = c.iter().skip(1).flatten().map(|m| m.as_str()).collect();
                let (Some(name), Some(value)) = (groups.first(), groups.last()) else {
                    continue;
                };
                if groups.len() < 2
                    || !secret_name(name)
                    || no_value(value)
                    || value.trim_start().starts_with('$')
                {
                    continue;
                }
                let at = c.get(0).map_or(0, |m| m.start());
                out.push(Hit::new(
                    "practice-default-secret",
                    n as u32 + 1,
                    column(line, at),
                    format!("`{name}` falls back to a literal ({})", shown(value)),
                ));
            }
        }
        if lang.is_some_and(|l| l != Lang::Shell) {
            for re in [constant, field] {
                if let Some(c) = re.captures(line) {
                    let (name, value) = (&c[1], &c[2]);
                    let url_or_path = value.contains("://")
                        || value.starts_with('/')
                        || value.contains('{')
                        || value.contains('%')
                        || value.contains('<');
                    if code_secret_name(name)
                        && !no_value(value)
                        && !url_or_path
                        && !names_something(name, value)
                    {
                        out.push(Hit::new(
                            "practice-default-secret",
                            n as u32 + 1,
                            column(line, c.get(1).map_or(0, |m| m.start())),
                            format!("`{name}` is a literal in the code ({})", shown(value)),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether a constant's value is a name rather than a secret: an
/// environment variable's (`"AWS_ACCESS_KEY_ID"`), a header's
/// (`"Access-Control-Allow-Credentials"`), or the constant's own
/// (`PASSWORD = "password"`).
fn names_something(name: &str, value: &str) -> bool {
    let env_name = value.len() > 3
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && value.bytes().any(|b| b == b'_' || b.is_ascii_uppercase());
    let header = value.contains('-')
        && value.split('-').all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphanumeric())
        });
    // `'AWSSecretKey'`, `'aws_access_key_id'`: a key's name, not its value.
    let key_name = value.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
        && crate::engine::structured::words(value.as_bytes())
            .iter()
            .any(|w| {
                matches!(
                    w.as_str(),
                    "key" | "secret" | "password" | "token" | "id" | "credential" | "credentials"
                )
            });
    let own = key_name
        || value.eq_ignore_ascii_case(name)
        || value.eq_ignore_ascii_case(&name.replace('_', ""))
        || value.eq_ignore_ascii_case(&name.replace('_', "-"))
        || value.eq_ignore_ascii_case(&name.replace('_', "."));
    env_name || header || own
}

/// Credentials in a plain-HTTP URL, secrets in a query string (item 8).
fn urls(lines: &[Line<'_>], lang: Option<Lang>, out: &mut Vec<Hit>) {
    if !lines.iter().any(|l| l.checks & URL != 0) {
        return;
    }
    static HTTP: OnceLock<Regex> = OnceLock::new();
    let http = HTTP.get_or_init(|| {
        ascii_regex(r#"\bhttp://([^\s/:@"'<>]+):([^\s/@"'<>]+)@([A-Za-z0-9.\-]+)"#)
            .expect("http regex")
    });
    static QUERY: OnceLock<Regex> = OnceLock::new();
    let query = QUERY.get_or_init(|| {
        ascii_regex(r#"(?i)[?&](api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|client[_-]?secret|secret|password|passwd|pwd)=(\{|\$\{|\$|%s|%\(|["'`]\s*(?:\+|\.|,|\))|#\{|[A-Za-z0-9_\-]{6,})"#)
            .expect("query regex")
    });
    for l in lines.iter().filter(|l| l.checks & URL != 0) {
        let (n, line) = (l.number, l.text);
        if line.len() > 2000 {
            continue;
        }
        for c in http.captures_iter(line) {
            let (password, host) = (&c[2], c[3].to_ascii_lowercase());
            let local = matches!(
                host.as_str(),
                "localhost" | "127.0.0.1" | "0.0.0.0" | "host" | "hostname" | "example"
            ) || host.ends_with(".example")
                || host.contains("example.")
                || host.ends_with(".local")
                || host.ends_with(".test")
                || host.ends_with(".localhost");
            let placeholder = no_value(password)
                || password.contains('{')
                || password.contains('<')
                || password.contains('%')
                || password
                    .chars()
                    .all(|ch| ch == '*' || ch == 'x' || ch == 'X')
                || crate::engine::score::placeholder_factor(password.as_bytes()) <= 0.2
                || matches!(
                    password.to_ascii_lowercase().as_str(),
                    "pass" | "password" | "secret" | "passwd" | "pwd" | "opensesame"
                );
            if !local && !placeholder {
                out.push(Hit::new(
                    "practice-credentials-over-http",
                    n as u32 + 1,
                    column(line, c.get(0).map_or(0, |m| m.start())),
                    format!("credentials for {host} over http:// ({})", shown(password)),
                ));
            }
        }
        if lang.is_some() {
            if let Some(c) = query.captures(line) {
                let value = &c[2];
                if value.len() >= 6
                    && crate::engine::score::placeholder_factor(value.as_bytes()) <= 0.2
                {
                    continue;
                }
                out.push(Hit::new(
                    "practice-secret-in-query-string",
                    n as u32 + 1,
                    column(line, c.get(0).map_or(0, |m| m.start())),
                    format!("`{}` is sent in a URL's query string", &c[1]),
                ));
            }
        }
    }
}

/// The code checks of one file, and whether its code reads a secret-named
/// variable from the environment (for the template hint).
pub fn check(path: &str, text: &str) -> (Vec<Hit>, bool) {
    // Tests log, raise and default made-up secrets on purpose; the
    // practices are about the code that ships.
    if crate::engine::structured::test_path(path) {
        return (Vec::new(), false);
    }
    let lang = lang(path);
    // Rust's unit tests live at the end of the file they test.
    let text = match lang {
        Some(Lang::Rust) => text.find("#[cfg(test)]").map_or(text, |t| &text[..t]),
        _ => text,
    };
    let lines = candidates(text);
    let mut out = Vec::new();
    if let Some(l) = lang {
        sink_hits(text, &lines, l, &mut out);
    }
    defaults(path, &lines, lang, &mut out);
    urls(&lines, lang, &mut out);
    let reads = lang.is_some()
        && lines
            .iter()
            .any(|l| l.checks & ENV != 0 && reads_secret_env(l.text));
    (out, reads)
}

/// Whether a line reads a secret-named variable from the environment.
fn reads_secret_env(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        ascii_regex(r#"(?:getenv\(\s*["']|environ(?:\.get\(\s*|\[\s*)["']|process\.env\.|process\.env\[\s*["']|Getenv\(\s*"|env::var\(\s*"|ENV(?:\.fetch\(\s*|\[\s*)["']|GetEnvironmentVariable\(\s*")([A-Za-z_]\w*)"#)
            .expect("env read regex")
    });
    re.captures_iter(line).any(|c| secret_name(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(path: &str, text: &str) -> Vec<&'static str> {
        check(path, text).0.into_iter().map(|h| h.rule).collect()
    }

    #[test]
    fn references_are_values_not_predicates_calls_or_slices() {
        for (path, line) in [
            ("a.py", "log.info(\"%s\", auth_token)"),
            ("a.py", "print(\"x\", secrets['openai_api_key'])"),
            (
                "a.py",
                "logger.warning(\"x {}\".format(self.client_secret))",
            ),
            ("a.js", "console.error('k', process.env.STRIPE_SECRET_KEY)"),
            ("a.php", "echo \"pass: {$dbPassword}\";"),
        ] {
            assert_eq!(rules(path, line), ["practice-secret-in-log"], "{line}");
        }
        for (path, line) in [
            ("a.py", "log.info(\"%s\", token_type)"),
            ("a.py", "log.info(\"%d\", len(token))"),
            ("a.py", "log.info(f\"{token[:4]}…\")"),
            ("a.py", "log.info(\"set: %s\", bool(password))"),
            ("a.js", "console.log(`has key: ${!!apiKey}`)"),
            ("a.py", "log.info(\"token\")  # token"),
            ("a.go", "log.Printf(\"%s\", getToken())"),
        ] {
            assert!(
                rules(path, line).is_empty(),
                "{line}: {:?}",
                check(path, line)
            );
        }
    }

    #[test]
    fn messages_hold_no_value() {
        let (hits, _) = check(
            "c.py",
            "api_key = os.getenv(\"API_KEY\", \"Kq9vL2xW7mZt-long-default\")",
        );
        assert_eq!(hits.len(), 1);
        assert!(
            !hits[0].message.contains("Kq9vL2xW7mZt"),
            "{}",
            hits[0].message
        );
    }
}
