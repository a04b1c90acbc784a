//! Rules as data: the model of a rule, loading of the embedded `rules/*.toml`
//! and of user rule files, and the lints the test suite and `stanch rules check`
//! run over them. Compiling rules into a matcher is the engine's job.
mod lint;
mod model;

pub use lint::{lint_files, Problem};
pub use model::{RuleAllowlist, RuleFile, RuleSpec};

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The embedded rule files as (file name, TOML text).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_RULE_FILES
}

/// Parses one rule file's text; `name` is used in error messages.
pub fn parse_file(name: &str, text: &str) -> Result<Vec<RuleSpec>> {
    let file: RuleFile = toml::from_str(text).map_err(|e| Error::Rule {
        file: name.to_string(),
        rule: "?".to_string(),
        message: e.to_string().trim_end().replace('\n', " "),
    })?;
    Ok(file.rule)
}

/// Every built-in rule, in file order.
pub fn builtin() -> Result<Vec<RuleSpec>> {
    let mut all = Vec::new();
    for (name, text) in builtin_files() {
        all.extend(parse_file(&format!("rules/{name}"), text)?);
    }
    Ok(all)
}
