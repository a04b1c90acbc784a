//! Embeds the rule catalog into the binary, so no rules directory is needed at
//! run time: the text of every `rules/*.toml` (for `stanch rules check` and the
//! lints) and the rules themselves as static data, so that start-up costs no
//! TOML parsing (milliseconds for hundreds of rules; a pre-commit hook must
//! start in a few). Validation of the files is the test suite's job; a file
//! that does not parse here fails the build with its name.
use std::fmt::Write as _;
use std::{env, fs, path::Path};

// The engine's own literal extraction, run here over the built-in path rules.
#[path = "src/engine/needles.rs"]
mod needles;

fn s(v: Option<&toml::Value>) -> Option<String> {
    v.and_then(|v| v.as_str()).map(str::to_string)
}

fn f(v: Option<&toml::Value>) -> Option<f64> {
    v.and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
}

fn list(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/engine/needles.rs");
    let mut files: Vec<_> = fs::read_dir("rules")
        .expect("rules/ directory exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut texts = String::from("/// Built-in rule files: (file name, TOML text).\npub(crate) static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n");
    let mut rules = String::from("/// Built-in rules, as parsed at build time.\npub(crate) static BUILTIN_RULES: &[StaticRule] = &[\n");
    let mut needles = String::from("/// Built-in path regexes and the literals one of which each match holds.\npub(crate) static BUILTIN_PATH_NEEDLES: &[(&str, Option<&[&[u8]]>)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().expect("file name").to_string_lossy();
        let abs = fs::canonicalize(path).expect("canonical path");
        writeln!(
            texts,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("write");
        let text = fs::read_to_string(path).expect("read rule file");
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("rules/{name}: {e}"));
        let Some(list_of_rules) = table.get("rule").and_then(|r| r.as_array()) else {
            continue;
        };
        for r in list_of_rules {
            let g = |k: &str| r.get(k);
            if let Some(path) = s(g("path")) {
                let lits = match needles::needles(&path) {
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
            let opt_str = |k: &str| match s(g(k)) {
                Some(v) => format!("Some({v:?})"),
                None => "None".to_string(),
            };
            let strs = |k: &str| format!("&{:?}", list(g(k)));
            let opt_f = |k: &str| match f(g(k)) {
                Some(v) => format!("Some({v:?})"),
                None => "None".to_string(),
            };
            writeln!(
                rules,
                "    StaticRule {{ id: {:?}, name: {:?}, keywords: {}, regex: {}, path: {}, confidence: {:?}, entropy: {}, checksum: {}, window: {}, context_lines: {}, key_value: {}, pairs_with: {}, remediation: {:?}, secret_match: {} }},",
                s(g("id")).unwrap_or_default(),
                s(g("name")).unwrap_or_default(),
                strs("keywords"),
                opt_str("regex"),
                opt_str("path"),
                f(g("confidence")).unwrap_or(0.0),
                opt_f("entropy"),
                opt_str("checksum"),
                g("window").and_then(|v| v.as_integer()).map_or("None".to_string(), |w| format!("Some({w})")),
                g("context_lines").and_then(|v| v.as_integer()).map_or("None".to_string(), |w| format!("Some({w})")),
                opt_str("key_value"),
                strs("pairs_with"),
                s(g("remediation")).unwrap_or_default(),
                strs("secret_match"),
            )
            .expect("write");
        }
    }
    texts.push_str("];\n");
    rules.push_str("];\n");
    needles.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    fs::write(out.join("builtin_rules.rs"), texts + &rules + &needles)
        .expect("write builtin_rules.rs");
}
