//! Practice checks in deployment files (item 6): literal secrets in a
//! Dockerfile's `ENV`/`ARG` (and secret-named `ARG`s at all: build arguments
//! stay in the image history), in docker-compose `environment:`, in a GitHub
//! Actions `env:`/`with:` or a GitLab CI `variables:` block, committed
//! Kubernetes `Secret` manifests, and literal passwords in Helm values.
//!
//! YAML is read line by line with a stack of the keys above each line (by
//! indentation), which is all these checks need to know: "is this key under
//! `environment:`, `env:`, `with:`, `variables:`, `data:`?".
use super::{column, no_value, repo::file_name, secret_name, shown, Hit};

/// Whether the path is a docker-compose file.
pub fn is_compose(path: &str) -> bool {
    let name = file_name(path);
    (name.starts_with("docker-compose") || name.starts_with("compose"))
        && (name.ends_with(".yml") || name.ends_with(".yaml"))
}

fn is_dockerfile(path: &str) -> bool {
    let name = file_name(path);
    name.starts_with("Dockerfile")
        || name.starts_with("Containerfile")
        || name.ends_with(".dockerfile")
}

fn is_workflow(path: &str) -> bool {
    path.contains(".github/workflows/") && (path.ends_with(".yml") || path.ends_with(".yaml"))
}

fn is_gitlab_ci(path: &str) -> bool {
    file_name(path) == ".gitlab-ci.yml" || (path.contains(".gitlab/ci/") && path.ends_with(".yml"))
}

fn is_helm_values(path: &str) -> bool {
    let name = file_name(path);
    name.starts_with("values") && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

fn is_yaml(path: &str) -> bool {
    path.ends_with(".yaml") || path.ends_with(".yml")
}

/// A value as written, without quotes or a trailing comment.
fn literal(v: &str) -> &str {
    let v = v.trim();
    if let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') {
        return v[1..].split(q).next().unwrap_or("");
    }
    v.split(" #").next().unwrap_or(v).trim()
}

/// One `key: value` line of YAML (or a `- KEY=value` list item), with the
/// keys of the blocks it sits in.
struct Entry<'a> {
    line: u32,
    column: u32,
    parents: Vec<&'a str>,
    key: &'a str,
    value: &'a str,
}

fn yaml_entries(text: &str) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, &str)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let t = raw.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with("---") {
            stack.clear();
            continue;
        }
        let indent = raw.len() - t.len();
        let (item, body, body_indent) = match t.strip_prefix("- ") {
            Some(rest) => (true, rest.trim_start(), indent + 2),
            None => (false, t, indent),
        };
        // Keys at or right of this line's start are done (for a list item,
        // the dash's column: the previous item's keys end there too).
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let parents: Vec<&str> = stack.iter().map(|(_, k)| *k).collect();
        let at = raw.len() - body.len();
        if item {
            if let Some((k, v)) = body
                .split_once('=')
                .filter(|(k, _)| !k.contains(':') && !k.contains(' '))
            {
                out.push(Entry {
                    line: n as u32 + 1,
                    column: column(raw, at),
                    parents: parents.clone(),
                    key: k.trim_matches(['"', '\'']),
                    value: v,
                });
                continue;
            }
        }
        if let Some((k, v)) = body.split_once(':') {
            let k = k.trim().trim_matches(['"', '\'']);
            if k.contains(' ') && !k.starts_with('$') {
                continue;
            }
            let v = v.trim();
            if v.is_empty() || v == "|" || v == ">" || v == "|-" || v == ">-" {
                stack.push((body_indent, k));
                if !v.is_empty() {
                    // A block scalar: its lines are the value, not keys.
                    out.push(Entry {
                        line: n as u32 + 1,
                        column: column(raw, at),
                        parents,
                        key: k,
                        value: "",
                    });
                }
                continue;
            }
            out.push(Entry {
                line: n as u32 + 1,
                column: column(raw, at),
                parents,
                key: k,
                value: v,
            });
        }
    }
    out
}

fn literal_secret(e: &Entry<'_>) -> Option<String> {
    let v = literal(e.value);
    (secret_name(e.key) && !no_value(v) && !v.starts_with('{') && !v.starts_with('['))
        .then(|| shown(v))
}

/// The deployment checks of one file.
pub fn check(path: &str, text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    if is_dockerfile(path) {
        dockerfile(text, &mut out);
    }
    if !is_yaml(path) {
        return out;
    }
    if text.contains("kind: Secret") {
        k8s_secrets(text, &mut out);
    }
    if !(is_compose(path) || is_workflow(path) || is_gitlab_ci(path) || is_helm_values(path)) {
        return out;
    }
    let entries = yaml_entries(text);
    if is_compose(path) {
        for e in entries
            .iter()
            .filter(|e| e.parents.contains(&"environment"))
        {
            if let Some(v) = literal_secret(e) {
                out.push(Hit::new(
                    "practice-container-literal-secret",
                    e.line,
                    e.column,
                    format!("`{}` is a literal in the compose file ({v})", e.key),
                ));
            }
        }
    }
    let ci = if is_workflow(path) {
        Some(&["env", "with"][..])
    } else if is_gitlab_ci(path) {
        Some(&["variables"][..])
    } else {
        None
    };
    if let Some(blocks) = ci {
        for e in entries
            .iter()
            .filter(|e| e.parents.last().is_some_and(|p| blocks.contains(p)))
        {
            if let Some(v) = literal_secret(e) {
                out.push(Hit::new(
                    "practice-ci-literal-secret",
                    e.line,
                    e.column,
                    format!("`{}` is a literal in the CI file ({v})", e.key),
                ));
            }
        }
    }
    if is_helm_values(path) && !path.contains("/templates/") {
        for e in &entries {
            if crate::engine::structured::classify_key(e.key.as_bytes())
                == Some(crate::engine::structured::Class::Password)
            {
                if let Some(v) = literal_secret(e) {
                    out.push(Hit::new(
                        "practice-helm-literal-secret",
                        e.line,
                        e.column,
                        format!("`{}` is a literal in Helm values ({v})", e.key),
                    ));
                }
            }
        }
    }
    out
}

fn dockerfile(text: &str, out: &mut Vec<Hit>) {
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let (kind, rest) = match t.split_once(char::is_whitespace) {
            Some((k, r)) if k.eq_ignore_ascii_case("env") || k.eq_ignore_ascii_case("arg") => {
                (k.to_ascii_uppercase(), r.trim())
            }
            _ => continue,
        };
        // `ENV A=1 B=2`, `ENV A 1`, `ARG A`, `ARG A=1`.
        let pairs: Vec<(&str, Option<&str>)> = if rest.contains('=') {
            rest.split_whitespace()
                .map(|p| p.split_once('=').map_or((p, None), |(k, v)| (k, Some(v))))
                .collect()
        } else {
            let mut it = rest.splitn(2, char::is_whitespace);
            let k = it.next().unwrap_or("");
            vec![(k, it.next().filter(|_| kind == "ENV"))]
        };
        for (k, v) in pairs {
            if !secret_name(k) {
                continue;
            }
            let at = column(line, line.find(k).unwrap_or(0));
            match v.map(literal) {
                Some(v) if !no_value(v) => out.push(Hit::new(
                    "practice-container-literal-secret",
                    n as u32 + 1,
                    at,
                    format!("`{kind} {k}` holds a literal ({})", shown(v)),
                )),
                _ if kind == "ARG" => out.push(Hit::new(
                    "practice-dockerfile-secret-arg",
                    n as u32 + 1,
                    at,
                    format!("`ARG {k}` is recorded in the image history"),
                )),
                _ => {}
            }
        }
    }
}

/// A `kind: Secret` document with literal `data`/`stringData` values.
fn k8s_secrets(text: &str, out: &mut Vec<Hit>) {
    for (doc_start, doc) in documents(text) {
        let mut kind_line = None;
        let mut values = 0;
        for (n, line) in doc.lines().enumerate() {
            let t = line.trim_end();
            if t == "kind: Secret" {
                kind_line = Some(n);
            }
        }
        let Some(kind_at) = kind_line else { continue };
        for e in yaml_entries(doc) {
            let under = e
                .parents
                .first()
                .is_some_and(|p| *p == "data" || *p == "stringData");
            let v = literal(e.value);
            if under && !no_value(v) {
                values += 1;
            }
        }
        if values > 0 {
            out.push(Hit::new(
                "practice-k8s-secret-manifest",
                (doc_start + kind_at) as u32 + 1,
                1,
                format!("a Secret manifest with {values} literal value(s)"),
            ));
        }
    }
}

/// The YAML documents of a file, with the line each starts on.
fn documents(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start_line = 0;
    let mut start = 0;
    let mut pos = 0;
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with("---") {
            out.push((start_line, &text[start..pos]));
            start = pos + line.len();
            start_line = line_no + 1;
        }
        pos += line.len();
    }
    out.push((start_line, &text[start..]));
    out
}
