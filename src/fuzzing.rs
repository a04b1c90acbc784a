//! Entry points of the fuzz targets (`fuzz/`), one per target, each taking
//! arbitrary bytes through the same code a scan runs on untrusted input.
//! They must never panic; they also check cheap invariants (a span lies
//! inside its input), so that a wrong answer fails like a crash. The replay
//! test below runs the committed corpus and regressions through them, so
//! `cargo test` on stable guards every input the fuzzers found.
use crate::app::pipeline::Pipeline;
use crate::blob::{Blob, Layer, Origin};
use crate::engine::{Engine, DEFAULT_MIN_CONFIDENCE};
use crate::error::Error;
use crate::finding::Secret;
use crate::sources::archive::{self, ArchiveLimits};
use crate::sources::{decode, BlobSink, Policy, Skip};
use crate::suppress::baseline::{self, Baseline, Document};
use std::sync::{Mutex, OnceLock};

/// The built-in catalog's engine, built once per process (building it per
/// input would be most of the work).
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut e = crate::app::engine_for(&None).expect("the built-in catalog builds");
        // One thread: a crash then has one stack, and runs are repeatable.
        e.set_threads(1);
        e
    })
}

/// Paths an engine input is scanned under, picked by its length so that no
/// input byte is spent on it: path rules and the structured reader's formats.
const PATHS: &[&str] = &[
    "src/main.rs",
    "config/application.yml",
    "settings.json",
    ".env",
    "app/settings.py",
    "deploy/values.yaml",
    ".npmrc",
    "main.tf",
    "id_rsa",
    ".git-credentials",
    "credentials.json",
    "gradle.properties",
    "notes.txt",
];

/// Default archive bounds (as `scan` without flags).
fn limits() -> ArchiveLimits {
    ArchiveLimits::new(archive::DEFAULT_DEPTH, archive::DEFAULT_MAX_TOTAL)
}

/// The last line number `LineIndex` can give in `bytes`: one past its newlines.
fn line_count(bytes: &[u8]) -> u32 {
    memchr::memchr_iter(b'\n', bytes).count() as u32 + 1
}

/// A sink that scans every blob with the per-blob pipeline, as
/// `app::Collector` does, and checks each occurrence's place.
struct Scanning<'e> {
    pipeline: Pipeline<'e>,
}

impl BlobSink for Scanning<'_> {
    fn blob(&self, blob: Blob<'_>) {
        let out = self.pipeline.process(&blob);
        let lines = line_count(&blob.bytes);
        for o in &out.occurrences {
            let l = &o.location;
            if l.line == 0 {
                // A path finding, or one in a whole-file decoding's layer.
                continue;
            }
            assert!(
                l.line <= l.end_line && l.end_line <= lines,
                "{}: lines {}..{} outside a blob of {lines} lines",
                o.rule_id,
                l.line,
                l.end_line
            );
            assert!(
                (0.0..=1.0).contains(&o.confidence),
                "{}: confidence {} outside [0, 1]",
                o.rule_id,
                o.confidence
            );
        }
    }
    fn skipped(&self, _: Skip, _: u64) {}
    fn error(&self, _: Error) {}
    fn warning(&self, _: String) {}
    fn expanded(&self, _: u64, _: u64) {}
}

/// The engine over arbitrary bytes with the full built-in catalog: the
/// whole per-blob step (policy, UTF-16, archives, engine, decoding at the
/// default depth, inline directives, snippets).
pub fn engine_blob(data: &[u8]) {
    let sink = Scanning {
        pipeline: Pipeline {
            engine: engine(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            inline_allow: true,
            show_secrets: false,
            decode_depth: 2,
        },
    };
    let policy = Policy {
        max_file_size: crate::app::DEFAULT_MAX_FILE_SIZE,
        archives: Some(limits()),
    };
    let path = PATHS[data.len() % PATHS.len()];
    policy.offer(&sink, Blob::new(data, Origin::path(path)));
}

/// `.stanch.toml` parsing and validation, then merging with the catalog.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = crate::config::parse("fuzz.toml", text) else {
        return;
    };
    if config.rule.is_empty() && config.disable.is_empty() {
        return;
    }
    let loaded = crate::config::Loaded {
        // Named only in errors; no such file is read unless `disable` is wrong.
        path: "fuzz.toml".into(),
        config,
    };
    let builtin = crate::rules::builtin().expect("the built-in catalog loads");
    let _ = crate::config::merge_rules(builtin, Some(&loaded));
}

/// Baseline parsing: stanch's own (which must survive a write and a read
/// back unchanged), detect-secrets' and `.gitleaksignore`.
pub fn baseline(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = Document::parse(text) {
        let written = doc.render();
        let again = Document::parse(&written)
            .unwrap_or_else(|e| panic!("a rendered baseline does not parse: {e}"));
        assert_eq!(
            again.render(),
            written,
            "a baseline changes on a round trip"
        );
        let index = Baseline::new(doc);
        let secret = Secret::new(text.get(..text.len().min(40)).unwrap_or("").to_string());
        let paths: Vec<&str> = index.doc.entries.iter().map(|e| e.path.as_str()).collect();
        let _ = index.matches("generic-api-key", &paths, &secret);
    }
    if let Ok(entries) = baseline::from_detect_secrets(text) {
        let doc = Document {
            version: Document::default().version,
            entries,
        };
        let written = doc.render();
        Document::parse(&written)
            .unwrap_or_else(|e| panic!("an imported baseline does not parse: {e}"));
    }
    let (fingerprints, bad) = baseline::parse_gitleaksignore(text);
    assert!(
        fingerprints.len() + bad.len() <= text.lines().count(),
        "more .gitleaksignore entries than lines"
    );
}

/// The staged diff's line mapping: the input is the old and the new
/// content of a file, split at the first NUL byte.
pub fn staged_lines(data: &[u8]) {
    let (old, new) = match memchr::memchr(0, data) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[][..], data),
    };
    let Ok(ranges) = crate::sources::git::staged::added_lines(old, new) else {
        return;
    };
    let lines = if new.is_empty() {
        0
    } else {
        line_count(new) - u32::from(new.ends_with(b"\n"))
    };
    let mut last = 0;
    for &(a, b) in &ranges {
        assert!(
            last < a && a <= b && b <= lines,
            "added lines {a}..={b} out of order or past the {lines} lines of the file"
        );
        last = b;
    }
    // What is not added was there before, in the same order.
    let mut before = old.split_inclusive(|&b| b == b'\n');
    for (i, line) in new.split_inclusive(|&b| b == b'\n').enumerate() {
        let n = i as u32 + 1;
        if ranges.iter().any(|&(a, b)| a <= n && n <= b) {
            continue;
        }
        assert!(
            before.any(|o| o == line),
            "line {n} is neither added nor in the old content"
        );
    }
    let mut origin = Origin::path("");
    origin.added_lines = Some(ranges.clone());
    for &(a, b) in &ranges {
        assert!(origin.touches_added(a, b) && origin.touches_added(b, b));
    }
}

/// The decoders: encoded spans, base64, and whole-file UTF-16.
pub fn decoders(data: &[u8]) {
    if let Some(d) = decode::decode(data) {
        let mut end = 0;
        for (i, s) in d.segments.iter().enumerate() {
            assert!(
                end <= s.source.start
                    && s.source.start < s.source.end
                    && s.source.end <= data.len(),
                "segment {i}: source {:?} out of order or outside the input",
                s.source
            );
            end = s.source.end;
            assert!(
                s.line.start <= s.text.start
                    && s.text.start <= s.text.end
                    && s.text.end <= s.line.end
                    && s.line.end <= d.bytes.len(),
                "segment {i}: text {:?} outside its line {:?}",
                s.text,
                s.line
            );
            if !s.text.is_empty() {
                assert_eq!(
                    d.segment_at(&s.text),
                    Some(i),
                    "segment {i} not found by its text"
                );
            }
        }
    }
    if let Some(out) = decode::base64(data) {
        let body = data.len() - data.iter().rev().take_while(|&&b| b == b'=').count();
        assert_eq!(out.len(), body * 6 / 8, "base64 of {body} characters");
    }
    match (decode::utf16_order(data), decode::utf16(data)) {
        (Some((skip, _)), Some(text)) => {
            assert!(skip <= data.len() && skip <= 2);
            assert!(
                std::str::from_utf8(&text).is_ok(),
                "utf-16 decoded to invalid UTF-8"
            );
        }
        (None, None) => {}
        (order, text) => panic!(
            "utf16_order says {order:?} but utf16 {}",
            if text.is_some() {
                "decodes"
            } else {
                "does not"
            }
        ),
    }
}

/// A sink that keeps what an archive expansion yields, to check it.
#[derive(Default)]
struct Members {
    blobs: Mutex<Vec<(usize, Vec<Layer>)>>,
}

impl BlobSink for Members {
    fn blob(&self, blob: Blob<'_>) {
        self.blobs
            .lock()
            .expect("no panic while locked")
            .push((blob.bytes.len(), blob.origin.layers));
    }
    fn skipped(&self, _: Skip, _: u64) {}
    fn error(&self, _: Error) {}
    fn warning(&self, _: String) {}
    fn expanded(&self, _: u64, _: u64) {}
}

/// The archive readers: arbitrary bytes offered as an archive (its format
/// known by its magic bytes), expanded with the default bounds.
pub fn archives(data: &[u8]) {
    let limits = limits();
    let policy = Policy {
        max_file_size: crate::app::DEFAULT_MAX_FILE_SIZE,
        archives: Some(limits),
    };
    let sink = Members::default();
    // An archive's name lets `judge` expand it even when it looks like text.
    policy.offer(&sink, Blob::new(data, Origin::path("fuzz.zip")));
    let blobs = sink.blobs.into_inner().expect("no panic while locked");
    let total: usize = blobs.iter().map(|(n, _)| n).sum();
    assert!(
        total as u64 <= limits.max_total,
        "{total} bytes of members past the {} byte budget",
        limits.max_total
    );
    for (_, layers) in &blobs {
        // Depth 0: the input itself, when it is no archive.
        let depth = layers
            .iter()
            .filter(|l| matches!(l, Layer::Member { .. }))
            .count();
        assert!(
            depth <= limits.max_depth as usize,
            "a member {depth} archives deep"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A target's entry point.
    type Entry = fn(&[u8]);

    /// Every target, by its directory name under `fuzz/corpus` and `fuzz/regressions`.
    const TARGETS: &[(&str, Entry)] = &[
        ("engine", engine_blob),
        ("config", config),
        ("baseline", baseline),
        ("staged_lines", staged_lines),
        ("decoders", decoders),
        ("archives", archives),
    ];

    /// The files of `dir`, sorted by name; empty if there is no such directory.
    fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<_> = entries
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        files
    }

    fn replay(target: &str, run: Entry, files: &[std::path::PathBuf]) {
        for f in files {
            let data = std::fs::read(f).expect("read a corpus input");
            // Name the input that fails, for `cargo fuzz run <target> <file>`.
            let caught = std::panic::catch_unwind(|| run(&data));
            assert!(caught.is_ok(), "{target}: {} fails", f.display());
        }
    }

    /// The committed corpus (minimised by `cargo fuzz cmin`) and every crash
    /// the fuzzers found, through the same entry points, on stable.
    #[test]
    fn corpus_and_regressions_replay() {
        let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
        for &(target, run) in TARGETS {
            let corpus = inputs(&fuzz.join("corpus").join(target));
            // A moved or emptied corpus must fail here, not pass unseen.
            assert!(
                !corpus.is_empty(),
                "fuzz/corpus/{target} is empty or missing"
            );
            replay(target, run, &corpus);
            replay(target, run, &inputs(&fuzz.join("regressions").join(target)));
        }
    }

    #[test]
    fn entry_points_take_empty_and_small_inputs() {
        for data in [
            &b""[..],
            b"\0",
            b"a\0b\n",
            b"PK\x03\x04",
            b"\x1f\x8b",
            b"@@ -1 +1 @@",
        ] {
            engine_blob(data);
            config(data);
            baseline(data);
            staged_lines(data);
            decoders(data);
            archives(data);
        }
    }

    #[test]
    fn staged_lines_maps_an_edit() {
        let ranges =
            crate::sources::git::staged::added_lines(b"a\nb\nc\n", b"a\nB\nc\nd\n").unwrap();
        assert_eq!(ranges, vec![(2, 2), (4, 4)]);
        staged_lines(b"a\nb\nc\n\0a\nB\nc\nd\n");
    }
}
