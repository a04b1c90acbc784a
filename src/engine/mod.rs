//! The matcher: bytes and rules in, scored candidates out. It knows nothing of
//! files, git, suppression or reports.
//!
//! One keyword prefilter (ASCII case-insensitive, see `keywords`) holds every
//! rule's keywords. A rule's regex runs only on windows around its keyword hits (the
//! hit's line, or `window` bytes either side for multi-line rules), and is
//! compiled on first need, so a small input compiles only the rules it can
//! trigger.
pub mod checksum;
pub mod entropy;
pub mod keywords;
pub mod needles;
pub mod score;
pub mod structured;

use crate::error::{Error, Result};
use crate::rules::{RuleSpec, Text};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use checksum::Checksum;
use regex_automata::{meta, util::syntax, Input, PatternID};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// How far either side of a keyword a single-line window reaches at most, so
/// that a minified multi-megabyte line costs a bounded regex run per hit.
const MAX_LINE_REACH: usize = 4096;
/// Confidence below which findings are not reported unless asked for.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.3;
/// Regexes a blob must compile before the compiling is spread over all cores.
const PARALLEL_COMPILE_MIN: usize = 4;
/// Compiled-size ceiling of a rule regex: a rule that exceeds it is rejected.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A rule ready to match.
#[derive(Debug)]
pub struct Rule {
    /// The rule as written.
    pub spec: RuleSpec,
    /// The id, shared with every occurrence it produces.
    pub id: Arc<str>,
    checksum: Option<Checksum>,
    /// Set for structured key/value rules, which have no regex.
    kv: Option<structured::Class>,
    /// Set for identifier rules, read only beside a secret that pairs with them.
    partner: Option<structured::Partner>,
    regex: OnceLock<std::result::Result<Compiled, String>>,
}

impl Rule {
    fn new(spec: RuleSpec) -> Result<Self> {
        if let Some(message) = spec.problems().into_iter().next() {
            return Err(Error::Rule {
                file: String::new(),
                rule: spec.id.to_string(),
                message,
            });
        }
        let checksum = spec.checksum.as_deref().map(|name| {
            Checksum::from_name(name).expect("problems() admits only checksums the engine has")
        });
        let kv = spec
            .key_value
            .as_deref()
            .and_then(structured::Class::from_name);
        let partner = spec
            .key_value
            .as_deref()
            .and_then(structured::Partner::from_name);
        assert!(
            spec.key_value.is_none() || kv.is_some() || partner.is_some(),
            "problems() admits only classes the engine has"
        );
        Ok(Rule {
            id: Arc::from(&*spec.id),
            spec,
            checksum,
            kv,
            partner,
            regex: OnceLock::new(),
        })
    }

    /// The compiled content regex and the index of its secret group.
    fn regex(&self) -> Option<&std::result::Result<Compiled, String>> {
        let src = self.spec.regex.as_deref()?;
        Some(
            self.regex
                .get_or_init(|| compile(src, &self.spec.secret_match)),
        )
    }

    /// Compiles the rule's regexes now, reporting what is wrong.
    pub fn check_compiles(&self) -> std::result::Result<(), String> {
        if let Some(Err(e)) = self.regex() {
            return Err(e.clone());
        }
        if let Some(p) = &self.spec.path {
            path_regex(p)?;
        }
        Ok(())
    }
}

/// Compiles a rule's regexes without an engine, reporting what is wrong: the
/// lints tell the regex faults of a rule that `Engine::new` refuses.
pub fn check_regexes(spec: &RuleSpec) -> std::result::Result<(), String> {
    if let Some(src) = &spec.regex {
        compile(src, &spec.secret_match)?;
    }
    if let Some(p) = &spec.path {
        path_regex(p)?;
    }
    Ok(())
}

/// A rule's compiled content regex, its secret group, and the regexes the
/// secret must also match.
#[derive(Debug)]
struct Compiled {
    re: meta::Regex,
    group: usize,
    secret_match: Vec<meta::Regex>,
}

impl Compiled {
    fn accepts(&self, secret: &[u8]) -> bool {
        self.secret_match.iter().all(|r| r.is_match(secret))
    }
}

/// Builds a rule regex: bytes and ASCII classes. Content regexes are
/// `multi_line`, because a window sits inside the whole blob, so `^`/`$` must
/// mean line boundaries (CRLF included) for rules written line by line; path
/// regexes are not.
///
/// The meta regex is configured directly, not through `regex::bytes`, to
/// skip what a window of one line does not repay: the one-pass DFA and the
/// full DFA. Compiling dominates a pre-commit run. The literal prefilter
/// stays: turning it off would make compiling cheaper still, but matching on
/// large scans dearer.
fn build_regex(src: &str, multi_line: bool) -> std::result::Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .onepass(false)
                .dfa(false)
                .utf8_empty(false),
        )
        .syntax(
            syntax::Config::new()
                .unicode(false)
                .utf8(false)
                .multi_line(multi_line)
                .crlf(multi_line),
        )
        .build(src)
        // The syntax error carries the position and a caret; the build
        // error's own text only says which pattern failed.
        .map_err(|e| {
            e.syntax_error()
                .map_or_else(|| e.to_string(), |s| s.to_string())
        })
}

fn compile(src: &str, secret_match: &[Text]) -> std::result::Result<Compiled, String> {
    let re = build_regex(src, true).map_err(|e| format!("bad regex: {e}"))?;
    let info = re.group_info();
    let group = info.to_index(PatternID::ZERO, "secret").unwrap_or(
        if info.group_len(PatternID::ZERO) > 1 {
            1
        } else {
            0
        },
    );
    let secret_match = secret_match
        .iter()
        .map(|m| build_regex(m, true).map_err(|e| format!("bad secret_match regex: {e}")))
        .collect::<std::result::Result<_, _>>()?;
    Ok(Compiled {
        re,
        group,
        secret_match,
    })
}

/// What a candidate points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A byte range of the blob holding the secret.
    Content(Range<usize>),
    /// The path itself is the finding (path-only rules).
    Path,
}

/// A scored match of one rule.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the rule in the engine.
    pub rule: usize,
    /// What was found.
    pub target: Target,
    /// The verdict.
    pub score: score::Score,
}

impl Candidate {
    /// The byte range it points at, unless it is about the path.
    pub fn content(&self) -> Option<Range<usize>> {
        match &self.target {
            Target::Content(r) => Some(r.clone()),
            Target::Path => None,
        }
    }
}

/// Compiled rules plus the keyword prefilter.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<Rule>,
    /// Every rule keyword; pattern ids index `owner_starts`.
    keywords: keywords::Keywords,
    /// The rules that own prefilter pattern `p` are
    /// `owners[owner_starts[p]..owner_starts[p + 1]]`.
    owners: Vec<u32>,
    owner_starts: Vec<u32>,
    /// Rules with a path regex.
    path_rules: Vec<PathRule>,
    /// One automaton over every path rule's literals, so that a path costs one
    /// pass however many path rules there are, and the rules without literals;
    /// built on the first path, as a run may have none (see `PathFilter`).
    path_filter: OnceLock<PathFilter>,
    /// Whether some content rule has no keyword and so must run everywhere.
    unkeyed: Vec<u32>,
    /// Threads that may compile regexes at once (`-j`).
    threads: usize,
    /// Built on first need, outside any pool the caller runs on.
    compile_pool: OnceLock<Option<rayon::ThreadPool>>,
}

impl Engine {
    /// Builds the engine: rejects a rule with `RuleSpec::problems` or a
    /// duplicate id, builds the prefilter.
    /// Regexes are compiled later, on first use (see `check_compiles`).
    pub fn new(specs: Vec<RuleSpec>) -> Result<Self> {
        let mut ids: Vec<&str> = specs.iter().map(|s| &*s.id).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::Rule {
                file: String::new(),
                rule: w[0].to_string(),
                message: "duplicate rule id".into(),
            });
        }
        // Sized up front: a collect through `Result` cannot know the length,
        // and growing a vector of several hundred kilobytes copies it each time.
        let mut rules = Vec::with_capacity(specs.len());
        for spec in specs {
            rules.push(Rule::new(spec)?);
        }
        // (keyword, rule) pairs, sorted into one pattern per keyword: a sort
        // costs less at start-up than a map of strings, and catalog keywords
        // are lower case already, so few are copied.
        let mut owned: Vec<(Cow<str>, u32)> = Vec::new();
        let (mut path_rules, mut unkeyed) = (Vec::new(), Vec::new());
        for (i, r) in rules.iter().enumerate() {
            if r.spec.path.is_some() {
                path_rules.push(PathRule::new(
                    i as u32,
                    r.spec.path.as_deref().unwrap_or_default(),
                ));
            }
            if r.spec.regex.is_some() && r.kv.is_none() && r.spec.keywords.is_empty() {
                unkeyed.push(i as u32);
            }
            if r.partner.is_some() {
                // Read only beside a secret (see `identifiers`): a keyword
                // such as `user` would wake the scan on every line of code.
                continue;
            }
            owned.extend(r.spec.keywords.iter().map(|kw| {
                let kw = if kw.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(kw.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(kw.as_ref())
                };
                (kw, i as u32)
            }));
        }
        owned.sort_unstable();
        owned.dedup();
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<u32> = Vec::with_capacity(owned.len());
        let mut owner_starts: Vec<u32> = Vec::new();
        for (kw, ri) in &owned {
            if patterns.last() != Some(&kw.as_ref()) {
                patterns.push(kw);
                owner_starts.push(owners.len() as u32);
            }
            owners.push(*ri);
        }
        owner_starts.push(owners.len() as u32);
        let keywords = keywords::Keywords::new(&patterns);
        // They borrow the rules' keywords, and the rules move into the engine.
        drop(patterns);
        drop(owned);
        Ok(Engine {
            rules,
            keywords,
            owners,
            owner_starts,
            path_rules,
            path_filter: OnceLock::new(),
            unkeyed,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            compile_pool: OnceLock::new(),
        })
    }

    /// Bounds the threads that compile regexes at once (`-j`); one per core
    /// unless set.
    pub fn set_threads(&mut self, threads: usize) {
        self.threads = threads.max(1);
    }

    /// The rules, in the order indices refer to.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Compiles every regex now; returns (rule id, problem) for each bad one.
    pub fn check_compiles(&self) -> Vec<(String, String)> {
        self.rules
            .iter()
            .filter_map(|r| r.check_compiles().err().map(|e| (r.spec.id.to_string(), e)))
            .collect()
    }

    /// Compiles, on up to `threads` threads, the not-yet-compiled regexes a
    /// blob needs: a small scan (a pre-commit run) is dominated by compiling
    /// the few dozen rules its keywords trigger, not by matching. What is not
    /// compiled here is compiled on first use.
    fn compile_in_parallel(&self, windows: &[(u32, usize, usize)]) {
        let mut pending: Vec<&Rule> = Vec::new();
        for &(ri, _, _) in windows {
            let rule = &self.rules[ri as usize];
            if rule.regex.get().is_none() && pending.last().is_none_or(|r| !std::ptr::eq(*r, rule))
            {
                pending.push(rule);
            }
        }
        if pending.len() < PARALLEL_COMPILE_MIN || self.threads < 2 {
            return;
        }
        use rayon::prelude::*;
        let compile = || {
            pending.par_iter().for_each(|r| {
                r.regex();
            })
        };
        if rayon::current_thread_index().is_some() {
            // Already on a pool the caller sized (history's workers).
            compile();
        } else if let Some(pool) = self.compile_pool.get_or_init(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(self.threads)
                .build()
                .ok()
        }) {
            pool.install(compile);
        }
    }

    /// Scans one blob. `path` is only matched against path rules. The
    /// stages: the path gate, keyword windows, regex confirmation (each match
    /// scored), and structured key/value reading.
    pub fn scan(&self, path: &str, bytes: &[u8]) -> Vec<Candidate> {
        let mut out = Vec::new();
        let path_ok = self.path_gate(path, &mut out);
        self.candidates(path, bytes, &path_ok, None, &mut out);
        out
    }

    /// Scans only around `hints`, as if `keyword` had been found at each:
    /// for evidence the keyword search cannot see, such as a token part
    /// that decodes to what its provider puts there (the pipeline's Discord
    /// user ids). Path-only rules are not reported here; `scan` does that.
    pub fn scan_hinted(
        &self,
        path: &str,
        bytes: &[u8],
        keyword: &str,
        hints: &[Range<usize>],
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        let Some(pattern) = self.keywords.id_of(keyword.as_bytes()) else {
            return out;
        };
        let path_ok = self.path_gate(path, &mut Vec::new());
        let hits: Vec<(usize, usize, usize)> =
            hints.iter().map(|r| (r.start, r.end, pattern)).collect();
        self.candidates(path, bytes, &path_ok, Some(&hits), &mut out);
        out
    }

    /// The keyword stages of `scan`: windows from keyword hits (or `hinted`
    /// ones, see `keyword_windows`), confirmed by regex, and structured reads.
    fn candidates(
        &self,
        path: &str,
        bytes: &[u8],
        path_ok: &[u32],
        hinted: Option<&[(usize, usize, usize)]>,
        out: &mut Vec<Candidate>,
    ) {
        let (windows, kv_hits) = self.keyword_windows(bytes, path_ok, hinted);
        if !windows.is_empty() {
            self.confirm(bytes, windows, out);
        }
        if !kv_hits.is_empty() {
            self.structured(path, bytes, &kv_hits, out);
        }
    }

    /// Path rules: flags the file for each path-only rule that matches
    /// `path`, and returns the path-restricted content rules that may run.
    fn path_gate(&self, path: &str, out: &mut Vec<Candidate>) -> Vec<u32> {
        let mut path_ok: Vec<u32> = Vec::new();
        if self.path_rules.is_empty() || path.is_empty() {
            return path_ok;
        }
        let filter = self
            .path_filter
            .get_or_init(|| path_prefilter(&self.path_rules));
        let mut maybe: Vec<usize> = filter.unfiltered.clone();
        if let Some((ac, owners)) = &filter.automaton {
            for m in ac.find_overlapping_iter(path) {
                maybe.extend(&owners[m.pattern().as_usize()]);
            }
        }
        maybe.sort_unstable();
        maybe.dedup();
        for pr in maybe.into_iter().map(|i| &self.path_rules[i]) {
            if !pr.regex_matches(path) {
                continue;
            }
            let ri = pr.rule;
            let rule = &self.rules[ri as usize];
            if rule.spec.is_path_only() {
                out.push(Candidate {
                    rule: ri as usize,
                    target: Target::Path,
                    score: score::Score {
                        confidence: rule.spec.confidence,
                        entropy: 0.0,
                        checksum_valid: None,
                    },
                });
            } else {
                path_ok.push(ri);
            }
        }
        path_ok
    }

    /// Keyword hits turned into work: (rule, window) pairs for regex rules,
    /// merged where one rule's windows overlap, and (rule, hit) pairs for
    /// structured rules.
    /// With `hinted`, those hits (start, end, pattern) stand for the keyword
    /// search, and rules without keywords do not run.
    #[allow(clippy::type_complexity)]
    fn keyword_windows(
        &self,
        bytes: &[u8],
        path_ok: &[u32],
        hinted: Option<&[(usize, usize, usize)]>,
    ) -> (Vec<(u32, usize, usize)>, Vec<(u32, usize, usize)>) {
        let mut windows: Vec<(u32, usize, usize)> = Vec::new();
        let mut kv_hits: Vec<(u32, usize, usize)> = Vec::new();
        let mut on_hit = |start: usize, end: usize, pattern: usize| {
            let mut line: Option<(usize, usize)> = None;
            let owners =
                self.owner_starts[pattern] as usize..self.owner_starts[pattern + 1] as usize;
            for &ri in &self.owners[owners] {
                let rule = &self.rules[ri as usize];
                if !rule.spec.reads_content()
                    || (rule.spec.path.is_some() && !path_ok.contains(&ri))
                {
                    continue;
                }
                if rule.kv.is_some() {
                    kv_hits.push((ri, start, end));
                    continue;
                }
                // Most rules of a keyword want the same line: find it once per hit.
                let (s, e) = match (rule.spec.window.unwrap_or(0), rule.spec.context_lines) {
                    (_, Some(n)) if n > 0 => window_lines(bytes, start, end, n as usize),
                    (0, _) => *line.get_or_insert_with(|| window(bytes, start, end, 0)),
                    (reach, _) => window(bytes, start, end, reach as usize),
                };
                windows.push((ri, s, e));
            }
        };
        match hinted {
            Some(hits) => hits.iter().for_each(|&(s, e, p)| on_hit(s, e, p)),
            None => self.keywords.for_each(bytes, &mut on_hit),
        }
        for &ri in self.unkeyed.iter().filter(|_| hinted.is_none()) {
            let rule = &self.rules[ri as usize];
            if rule.spec.path.is_none() || path_ok.contains(&ri) {
                windows.push((ri, 0, bytes.len()));
            }
        }
        windows.sort_unstable();
        let mut merged: Vec<(u32, usize, usize)> = Vec::with_capacity(windows.len());
        for w in windows {
            match merged.last_mut() {
                Some(last) if last.0 == w.0 && w.1 <= last.2 => last.2 = last.2.max(w.2),
                _ => merged.push(w),
            }
        }
        (merged, kv_hits)
    }

    /// Runs each rule's regex over its merged windows and scores each match.
    fn confirm(&self, bytes: &[u8], merged: Vec<(u32, usize, usize)>, out: &mut Vec<Candidate>) {
        self.compile_in_parallel(&merged);
        // Merged windows of one rule are disjoint and matches inside one do not
        // overlap, so no candidate is produced twice.
        for (ri, ws, we) in merged {
            let rule = &self.rules[ri as usize];
            let Some(Ok(compiled)) = rule.regex() else {
                continue;
            };
            let re = &compiled.re;
            let hay = &bytes[..we];
            let mut caps = re.create_captures();
            let mut pos = ws;
            while pos <= we {
                re.search_captures(&Input::new(hay).range(pos..), &mut caps);
                let Some(m) = caps.get_match() else {
                    break;
                };
                pos = if m.end() > m.start() {
                    m.end()
                } else {
                    m.end() + 1
                };
                let Some(span) = caps.get_group(compiled.group) else {
                    continue;
                };
                let (ss, se) = (span.start, span.end);
                if se <= ss || !compiled.accepts(&bytes[ss..se]) {
                    continue;
                }
                if let Some(sc) = score::score(
                    rule.spec.confidence,
                    rule.spec.entropy,
                    rule.checksum,
                    &bytes[ss..se],
                ) {
                    out.push(Candidate {
                        rule: ri as usize,
                        target: Target::Content(ss..se),
                        score: sc,
                    });
                }
            }
        }
    }

    /// The values of identifier rule `ri` (a username, a client id) whose
    /// keys lie in `window` of `bytes`: the other halves a secret there may
    /// pair with. Empty for any other rule.
    pub fn identifiers(&self, ri: usize, bytes: &[u8], window: Range<usize>) -> Vec<Range<usize>> {
        let rule = &self.rules[ri];
        let Some(which) = rule.partner else {
            return Vec::new();
        };
        let window = window.start.min(bytes.len())..window.end.min(bytes.len());
        let hay = bytes[window.clone()].to_ascii_lowercase();
        let mut out: Vec<Range<usize>> = Vec::new();
        for kw in rule.spec.keywords.iter() {
            let kw = kw.to_ascii_lowercase();
            for at in memchr::memmem::find_iter(&hay, kw.as_bytes()) {
                let (s, e) = (window.start + at, window.start + at + kw.len());
                if let Some(r) = structured::identifier(bytes, s, e, which) {
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }

    /// Structured key/value candidates for the hits of `key_value` rules. A
    /// value that a provider rule matched (even below the threshold, as a
    /// token with a failed checksum is) is that rule's to report, not a
    /// generic secret.
    fn structured(
        &self,
        path: &str,
        bytes: &[u8],
        hits: &[(u32, usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        let mut claimed: Vec<Range<usize>> = out.iter().filter_map(Candidate::content).collect();
        claimed.sort_by_key(|r| r.start);
        // The longest claimed range bounds how far back one may start and
        // still reach a value: the bisection below looks no further.
        let reach = claimed.iter().map(|r| r.len()).max().unwrap_or(0);
        let is_claimed = |r: &Range<usize>| {
            let from = claimed.partition_point(|c| c.start + reach < r.start);
            claimed[from..]
                .iter()
                .take_while(|c| c.start < r.end)
                .any(|c| c.start < r.end && r.start < c.end)
        };
        let kind = structured::PathKind::of(path);
        let mut seen: std::collections::HashSet<(u32, usize, usize)> = Default::default();
        // One read per key and rule, however many keywords hit it.
        let mut keyed: Vec<(u32, usize, usize, usize)> = hits
            .iter()
            .map(|&(ri, s, e)| (ri, structured::key_start(bytes, s), s, e))
            .collect();
        keyed.sort_unstable();
        keyed.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        for &(ri, _, s, e) in &keyed {
            let rule = &self.rules[ri as usize];
            let Some(class) = rule.kv else { continue };
            for hit in structured::extract(bytes, s, e, class, &kind) {
                let r = hit.value;
                if is_claimed(&r) || !seen.insert((ri, r.start, r.end)) {
                    continue;
                }
                let value = &bytes[r.clone()];
                out.push(Candidate {
                    rule: ri as usize,
                    target: Target::Content(r),
                    score: score::Score {
                        confidence: (rule.spec.confidence * hit.strength).clamp(0.0, 1.0),
                        entropy: entropy::shannon(value),
                        checksum_valid: None,
                    },
                });
            }
        }
    }
}

/// A path rule: its regex, compiled only once a path passes a literal check.
/// Most files match no path rule, and a literal test is cheaper both to set
/// up and to run than any regex over every path of a large tree.
#[derive(Debug)]
struct PathRule {
    rule: u32,
    src: String,
    regex: OnceLock<Option<meta::Regex>>,
}

impl PathRule {
    fn new(rule: u32, src: &str) -> Self {
        PathRule {
            rule,
            src: src.to_string(),
            regex: OnceLock::new(),
        }
    }

    /// Whether the path matches, the literal check aside (see `path_prefilter`).
    fn regex_matches(&self, path: &str) -> bool {
        self.regex
            .get_or_init(|| path_regex(&self.src).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(path.as_bytes()))
    }
}

/// The literal prefilter over path rules.
#[derive(Debug)]
struct PathFilter {
    /// An automaton of every rule's needles; pattern id -> `path_rules` indices.
    automaton: Option<(AhoCorasick, Vec<Vec<usize>>)>,
    /// `path_rules` indices without needles: their regex runs on every path.
    unfiltered: Vec<usize>,
}

/// Builds the literal prefilter over path rules. Should the automaton fail
/// to build, every rule is unfiltered: slower, never a missed path.
fn path_prefilter(rules: &[PathRule]) -> PathFilter {
    let mut unfiltered = Vec::new();
    let mut ids: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (i, pr) in rules.iter().enumerate() {
        let found = match crate::rules::builtin_needles(&pr.src) {
            Some(n) => n.map(|n| n.iter().map(|l| l.to_vec()).collect()),
            None => needles::needles(&pr.src),
        };
        match found {
            None => unfiltered.push(i),
            Some(needles) => {
                for n in needles {
                    let id = *ids.entry(n.clone()).or_insert_with(|| {
                        owners.push(Vec::new());
                        owners.len() - 1
                    });
                    owners[id].push(i);
                }
            }
        }
    }
    if owners.is_empty() {
        return PathFilter {
            automaton: None,
            unfiltered,
        };
    }
    let mut needles: Vec<(usize, Vec<u8>)> = ids.into_iter().map(|(n, i)| (i, n)).collect();
    needles.sort();
    // An NFA: a DFA would cost start-up time to scan strings of a few dozen bytes.
    match AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(needles.iter().map(|(_, n)| n))
    {
        Ok(ac) => PathFilter {
            automaton: Some((ac, owners)),
            unfiltered,
        },
        Err(_) => PathFilter {
            automaton: None,
            unfiltered: (0..rules.len()).collect(),
        },
    }
}

fn path_regex(src: &str) -> std::result::Result<meta::Regex, String> {
    build_regex(src, false).map_err(|e| format!("bad path regex: {e}"))
}

/// The window of a rule with `context_lines`: `n` whole lines either side of
/// the hit's line, each side at most `MAX_LINE_REACH` bytes per line.
fn window_lines(bytes: &[u8], s: usize, e: usize, n: usize) -> (usize, usize) {
    let reach = MAX_LINE_REACH * (n + 1);
    let lo = s.saturating_sub(reach);
    let hi = (e + reach).min(bytes.len());
    let mut start = s;
    let mut found = 0;
    while found <= n {
        match memchr::memrchr(b'\n', &bytes[lo..start]) {
            Some(i) => {
                start = lo + i;
                found += 1;
            }
            None => {
                start = lo;
                break;
            }
        }
    }
    if found > n {
        start += 1;
    }
    let mut end = e;
    let mut found = 0;
    while found <= n {
        match memchr::memchr(b'\n', &bytes[end..hi]) {
            Some(i) => {
                end += i;
                found += 1;
                if found <= n {
                    end += 1;
                }
            }
            None => {
                end = hi;
                break;
            }
        }
    }
    (start, end)
}

/// The window a rule's regex sees around a keyword hit at `s..e`: the hit's
/// line (at most `MAX_LINE_REACH` bytes either side), or `reach` bytes either
/// side widened to whole lines.
fn window(bytes: &[u8], s: usize, e: usize, reach: usize) -> (usize, usize) {
    let (a, b) = (s.saturating_sub(reach), (e + reach).min(bytes.len()));
    let (lo, hi) = (
        a.saturating_sub(MAX_LINE_REACH),
        (b + MAX_LINE_REACH).min(bytes.len()),
    );
    let start = memchr::memrchr(b'\n', &bytes[lo..a]).map_or(lo, |i| lo + i + 1);
    let end = memchr::memchr(b'\n', &bytes[b..hi]).map_or(hi, |i| b + i);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, kw: &str, re: &str) -> RuleSpec {
        RuleSpec {
            id: id.to_string().into(),
            name: id.to_string().into(),
            keywords: vec![kw.to_string().into()].into(),
            regex: Some(re.to_string().into()),
            path: None,
            confidence: 0.9,
            entropy: None,
            checksum: None,
            window: None,
            context_lines: None,
            key_value: None,
            pairs_with: Cow::Borrowed(&[]),
            remediation: Cow::Borrowed(""),
            examples: Cow::Borrowed(&[]),
            negative_examples: Cow::Borrowed(&[]),
            example_path: None,
            secret_match: Cow::Borrowed(&[]),
            allowlist: None,
        }
    }

    #[test]
    fn finds_secret_group_on_keyword_lines_only() {
        let e = Engine::new(vec![rule("t-tok", "tok_", r"\b(tok_[a-zA-Z0-9]{8})\b")]).unwrap();
        let text = b"x = 1\nkey = TOK_Zq8Lm2Xw and tok_Ab3Kd9Qz\n";
        let c = e.scan("f", text);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].target, Target::Content(29..41));
    }

    #[test]
    fn regex_runs_lazily() {
        let e = Engine::new(vec![
            rule("a-a", "aaa_", r"(aaa_\d+)"),
            rule("b-b", "bbb_", r"(bbb_\d+)"),
        ])
        .unwrap();
        e.scan("f", b"aaa_123");
        assert!(e.rules[0].regex.get().is_some());
        assert!(e.rules[1].regex.get().is_none());
    }

    #[test]
    fn compiling_stays_within_the_thread_bound() {
        let specs = || -> Vec<RuleSpec> {
            (0..8)
                .map(|i| {
                    rule(
                        &format!("r-{i}"),
                        &format!("k{i}_"),
                        &format!(r"(k{i}_\d+)"),
                    )
                })
                .collect()
        };
        let text: String = (0..8).map(|i| format!("k{i}_1 ")).collect();
        let mut one = Engine::new(specs()).unwrap();
        one.set_threads(1);
        assert_eq!(one.scan("f", text.as_bytes()).len(), 8);
        assert!(
            one.compile_pool.get().is_none(),
            "-j 1 compiles on the caller's thread"
        );
        let mut two = Engine::new(specs()).unwrap();
        two.set_threads(2);
        assert_eq!(two.scan("f", text.as_bytes()).len(), 8);
        let pool = two
            .compile_pool
            .get()
            .and_then(Option::as_ref)
            .expect("a pool");
        assert_eq!(pool.current_num_threads(), 2);
    }

    #[test]
    fn file_name_regexes_without_suffix_literals_get_required_ones() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                r"(?i)(?:^|/)\.?htpasswd[^/]*$",
                &["htpasswd"],
                &["etc/.htpasswd", "HTPASSWD.bak", "a/htpasswd-users"],
            ),
            (
                r"(?:^|/)(?:g?shadow|master\.passwd|[a-z0-9_-]{0,32}passwd)(?:[-.][a-z0-9_-]{1,20})?$",
                &["master.passwd", "passwd", "shadow"],
                &["etc/gshadow", "etc/shadow-old", "opasswd", "master.passwd"],
            ),
            (
                r"(?:^|/)(?:id_(?:rsa|ed25519)|\.ssh/id_[A-Za-z0-9_-]{1,64})$",
                &[".ssh/id_", "id_"],
                &["id_rsa", "home/u/.ssh/id_work"],
            ),
        ];
        for (re, want, paths) in cases {
            let got = needles::needles(re).expect("literals");
            let want: Vec<Vec<u8>> = want.iter().map(|w| w.as_bytes().to_vec()).collect();
            assert_eq!(got, want, "{re}");
            let compiled = path_regex(re).expect("regex");
            for p in *paths {
                assert!(compiled.is_match(p.as_bytes()), "{re} should match {p}");
                let lower = p.to_ascii_lowercase();
                assert!(
                    got.iter()
                        .any(|n| memchr::memmem::find(lower.as_bytes(), n).is_some()),
                    "{p} matches {re} but holds no needle"
                );
            }
        }
        // Nothing required: the regex runs on every path.
        assert_eq!(needles::needles(r"^[a-z]+$"), None);
        assert_eq!(needles::needles(r"(?:^|/)[a-z]{2,}[^/]*$"), None);
    }

    #[test]
    fn path_rules_prefilter_on_literals_soundly() {
        let n = needles::needles(r"(?:^|/)\.env(?:\.(?:local|prod))?$").expect("literals");
        assert!(n.iter().all(|l| !l.is_empty()));
        let path_rule = |id: &str, re: &str| RuleSpec {
            keywords: Cow::Borrowed(&[]),
            regex: None,
            path: Some(re.to_string().into()),
            ..rule(id, "x", "")
        };
        let e = Engine::new(vec![
            path_rule("p-key", r"(?i)(?:^|/)id_(?:rsa|ed25519)$"),
            // No usable literal: its regex runs on every path.
            path_rule("p-top", r"^[a-z]+$"),
        ])
        .unwrap();
        let filter = path_prefilter(&e.path_rules);
        assert!(filter.unfiltered.len() == 1 && filter.automaton.is_some());
        let hits = |p: &str| {
            e.scan(p, b"")
                .iter()
                .map(|c| e.rules[c.rule].spec.id.clone())
                .collect::<Vec<_>>()
        };
        let none: Vec<&str> = vec![];
        for (p, want) in [
            ("a/ID_RSA", vec!["p-key"]),
            ("id_ed25519", vec!["p-key"]),
            ("id_rsa.pub", none.clone()),
            ("src/main.rs", none.clone()),
            ("makefile", vec!["p-top"]),
            ("a/makefile", none.clone()),
        ] {
            assert_eq!(hits(p), want, "{p}");
        }
    }

    #[test]
    fn bad_regex_is_reported_not_panicked() {
        let e = Engine::new(vec![rule("a-a", "aaa_", r"(aaa_")]).unwrap();
        assert!(e.scan("f", b"aaa_1").is_empty());
        let problems = e.check_compiles();
        assert_eq!(problems.len(), 1);
        // The message shows what is wrong, not just that something is.
        assert!(
            problems[0].1.contains("unclosed group"),
            "{}",
            problems[0].1
        );
    }

    /// Arbitrary bytes around every built-in keyword (invalid UTF-8, NULs,
    /// CRs, keywords at the very start and end) never panic the engine, and
    /// candidates always lie inside the input.
    #[test]
    fn arbitrary_bytes_around_keywords_never_panic() {
        let specs = crate::rules::builtin().expect("built-in rules");
        let keywords: Vec<Text> = specs
            .iter()
            .flat_map(|r| r.keywords.iter().cloned())
            .collect();
        let e = Engine::new(specs).expect("engine");
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let mut buf: Vec<u8> = Vec::new();
            for _ in 0..(next() % 40) {
                match next() % 4 {
                    0 => buf
                        .extend_from_slice(keywords[(next() as usize) % keywords.len()].as_bytes()),
                    1 => buf.extend((0..next() % 64).map(|_| next() as u8)),
                    2 => buf.extend_from_slice(b"=\"\r\n: '"),
                    _ => buf.extend(
                        (0..next() % 48).map(|_| b"abcXYZ0189+/=_-"[(next() % 15) as usize]),
                    ),
                }
            }
            let path = if round % 2 == 0 { "" } else { "dir/.env" };
            for c in e.scan(path, &buf) {
                if let Target::Content(r) = c.target {
                    assert!(r.start < r.end && r.end <= buf.len());
                }
                assert!((0.0..=1.0).contains(&c.score.confidence));
            }
        }
    }

    #[test]
    fn windows_on_long_lines_are_bounded() {
        let mut text = vec![b'a'; 100_000];
        text.extend_from_slice(b" tok_Ab3Kd9Qz ");
        text.extend(vec![b'b'; 100_000]);
        let (s, e) = window(&text, 100_001, 100_005, 0);
        assert!(e - s <= 2 * MAX_LINE_REACH + 4);
        let eng = Engine::new(vec![rule("t-tok", "tok_", r"\b(tok_[a-zA-Z0-9]{8})\b")]).unwrap();
        assert_eq!(eng.scan("f", &text).len(), 1);
    }
}
