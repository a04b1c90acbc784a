//! Embeds the rule catalog into the binary, so no rules directory is needed at
//! run time: the text of every `rules/*.toml` (for `stanch rules check` and the
//! lints) and the rules themselves as static `RuleSpec`s whose texts borrow
//! from the binary, so that start-up neither parses TOML (milliseconds for
//! hundreds of rules; a pre-commit hook must start in a few) nor copies the
//! catalog. The rules are read into the crate's own `RuleSpec` and
//! written out by one writer that covers every field (issue 11: a second,
//! hand-written reader once dropped per-rule allowlists). Validation of the
//! files is the test suite's job; a file that does not parse, or names a field
//! the model does not have, fails the build with its name.
use std::fmt::Write as _;
use std::{env, fs, path::Path};

// The build uses the model's types, not all of its helpers.
#[allow(dead_code)]
#[path = "src/rules/model.rs"]
mod model;

// The engine's own literal extraction, run here over the built-in path rules.
#[path = "src/engine/needles.rs"]
mod needles;

use model::{RuleAllowlist, RuleFile, RuleSpec, Text, Texts};
use std::borrow::Cow;

/// A value written as the Rust expression of itself, borrowing every text
/// from the binary (see `Text`).
trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for Text {
    fn emit(&self, out: &mut String) {
        write!(out, "Cow::Borrowed({:?})", self.as_ref()).expect("write to a String");
    }
}

impl Emit for f64 {
    /// Debug prints the shortest text that reads back as the same float.
    fn emit(&self, out: &mut String) {
        // TOML has nan and inf, which Debug prints as no Rust literal.
        if self.is_nan() {
            out.push_str("f64::NAN");
        } else if self.is_infinite() {
            out.push_str(if *self > 0.0 {
                "f64::INFINITY"
            } else {
                "f64::NEG_INFINITY"
            });
        } else {
            write!(out, "{self:?}").expect("write to a String");
        }
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        write!(out, "{self}").expect("write to a String");
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl Emit for Texts {
    fn emit(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            v.emit(out);
        }
        out.push_str("])");
    }
}

/// Writes a struct literal of the named fields, each by its own `Emit`.
macro_rules! emit_struct {
    ($out:expr, $ty:literal, $($field:ident),+ $(,)?) => {{
        $out.push_str(concat!($ty, " {"));
        $(
            $out.push_str(concat!(" ", stringify!($field), ": "));
            $field.emit($out);
            $out.push(',');
        )+
        $out.push_str(" }");
    }};
}

// The destructurings below name every field, without `..`: a field added to
// the model does not compile here until it is embedded or said not to be.

impl Emit for RuleAllowlist {
    fn emit(&self, out: &mut String) {
        let RuleAllowlist {
            paths,
            regexes,
            stopwords,
            commits,
        } = self;
        emit_struct!(out, "RuleAllowlist", paths, regexes, stopwords, commits);
    }
}

impl Emit for RuleSpec {
    fn emit(&self, out: &mut String) {
        let RuleSpec {
            id,
            name,
            keywords,
            regex,
            path,
            confidence,
            secret_match,
            entropy,
            checksum,
            window,
            context_lines,
            pairs_with,
            key_value,
            remediation,
            allowlist,
            // Only the lints need these, and they read the embedded text.
            examples: _,
            negative_examples: _,
            example_path: _,
        } = self;
        let (examples, negative_examples, example_path): (Texts, Texts, Option<Text>) =
            (Cow::Borrowed(&[]), Cow::Borrowed(&[]), None);
        emit_struct!(
            out,
            "RuleSpec",
            id,
            name,
            keywords,
            regex,
            path,
            confidence,
            secret_match,
            entropy,
            checksum,
            window,
            context_lines,
            pairs_with,
            key_value,
            remediation,
            examples,
            negative_examples,
            example_path,
            allowlist,
        );
    }
}

/// The rules of one file, through the model; a fault fails the build naming the file.
fn read_rules(path: &Path) -> (String, Vec<RuleSpec>) {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("read rule file");
    let file: RuleFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, file.rule)
}

/// `include_str!` of a file, by absolute path (the generated code lives in OUT_DIR).
fn include(path: &Path) -> String {
    let abs = fs::canonicalize(path).expect("canonical path");
    format!("include_str!({:?})", abs.display().to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules/model.rs");
    println!("cargo:rerun-if-changed=src/engine/needles.rs");
    let mut files: Vec<_> = fs::read_dir("rules")
        .expect("rules/ directory exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut texts = String::from("/// Built-in rule files: (file name, TOML text).\npub(crate) static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n");
    let mut rules = String::from("/// Built-in rules, as parsed at build time.\npub(crate) static BUILTIN_RULES: &[RuleSpec] = &[\n");
    let mut needles = String::from("/// Built-in path regexes and the literals one of which each match holds.\npub(crate) static BUILTIN_PATH_NEEDLES: &[(&str, Option<&[&[u8]]>)] = &[\n");
    for path in &files {
        let name = path.file_name().expect("file name").to_string_lossy();
        writeln!(texts, "    ({name:?}, {}),", include(path)).expect("write");
        for r in read_rules(path).1 {
            if let Some(path) = &r.path {
                let lits = match needles::needles(path) {
                    Some(n) => format!(
                        "Some(&[{}])",
                        n.iter()
                            .map(|l| format!("&{l:?}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    None => "None".to_string(),
                };
                writeln!(needles, "    ({path:?}, {lits}),").expect("write");
            }
            rules.push_str("    ");
            r.emit(&mut rules);
            rules.push_str(",\n");
        }
    }
    texts.push_str("];\n");
    rules.push_str("];\n");
    needles.push_str("];\n");
    // A rule that sets every field, written by the same code as the catalog,
    // so that the tests see each field come through even while no built-in
    // rule uses it (no built-in rule has an allowlist yet).
    let probe = Path::new("src/rules/testdata/every_field.toml");
    let mut every = format!(
        "/// A rule file that sets every field of a rule (tests only).\n#[cfg(test)]\npub(crate) static EVERY_FIELD_TEXT: &str = {};\n/// Its rules, as the build script embeds them.\n#[cfg(test)]\npub(crate) static EVERY_FIELD_RULES: &[RuleSpec] = &[\n",
        include(probe)
    );
    for r in read_rules(probe).1 {
        every.push_str("    ");
        r.emit(&mut every);
        every.push_str(",\n");
    }
    every.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    fs::write(
        out.join("builtin_rules.rs"),
        texts + &rules + &needles + &every,
    )
    .expect("write builtin_rules.rs");
    fs::write(out.join("common_grams.rs"), common_grams()).expect("write common_grams.rs");
}

/// The keyword prefilter's table of code's commonest four-byte sequences
/// (`src/engine/common_grams.txt`, hex and count per line) as an
/// open-addressed hash table of (little-endian word, count), so that no run
/// parses it and a look-up costs a probe or two (it anchors every keyword
/// at start-up). The hash is `keywords::gram_slot`'s; word 0 marks an empty
/// slot (a folded word has no zero byte).
fn common_grams() -> String {
    const SLOTS: usize = 1 << 13;
    const COMMONEST: usize = 512;
    let path = "src/engine/common_grams.txt";
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).expect("read common_grams.txt");
    let mut table = vec![(0u32, 0u32); SLOTS];
    let mut commonest = Vec::new();
    for l in text.lines() {
        let (gram, count) = l.split_once(' ').expect("gram and count");
        let gram = u32::from_str_radix(gram, 16)
            .expect("hex gram")
            .swap_bytes();
        let count: u32 = count.trim().parse().expect("count");
        assert!(gram != 0);
        commonest.push((gram, count));
        let mut at = (gram.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize;
        while table[at].0 != 0 {
            at = (at + 1) % SLOTS;
        }
        table[at] = (gram, count);
    }
    commonest.sort_by_key(|&(g, c)| (std::cmp::Reverse(c), g));
    commonest.truncate(COMMONEST);
    assert!(
        table.iter().filter(|e| e.0 != 0).count() * 2 <= SLOTS,
        "table over half full"
    );
    let mut out = format!(
        "/// Code's commonest four-byte sequences: (little-endian word, count per million), hashed by `gram_slot`.\nstatic COMMON_GRAMS: [(u32, u32); {SLOTS}] = [\n"
    );
    for (g, c) in table {
        writeln!(out, "    (0x{g:08x}, {c}),").expect("write");
    }
    out.push_str("];\n");
    writeln!(out, "/// The {COMMONEST} commonest of them, commonest first.\nstatic COMMONEST_GRAMS: [(u32, u32); {COMMONEST}] = [").expect("write");
    for (g, c) in commonest {
        writeln!(out, "    (0x{g:08x}, {c}),").expect("write");
    }
    out.push_str("];\n");
    out
}
