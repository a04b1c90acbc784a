#!/usr/bin/env python3
"""Generates a synthetic source tree of realistic code text with planted secrets.

Usage: gen_tree.py OUT_DIR --files N --mb SIZE --secrets K [--seed S]

The text mixes Python, JavaScript, Go, Rust, YAML, JSON and Markdown lines that
use words a secret scanner's prefilter reacts to (token, key, secret, password,
auth) in ordinary, non-secret ways, as real code does. K secrets of well-known
formats are planted, each unique, one per line; OUT_DIR/../<name>.expected holds K.
Secrets are random at generation time: none is stored in this file.
"""
import argparse
import os
import random
import string
import zlib

B62 = string.ascii_letters + string.digits
# Identifiers use ordinary words; the words a secret scanner reacts to (token,
# secret, password, key, auth) appear through a few templates only, at about the
# rate measured on real code: one prefilter keyword hit per ~600 bytes (the
# crates.io sources of this project's dependencies have one per 773 bytes).
WORDS = ("user account order item cache request response handler config client server "
         "value name file index buffer stream count limit offset total "
         "parser reader writer event queue worker result error status message payload header "
         "record table column field schema model view route policy role scope grant").split()

def ident(r):
    return "_".join(r.choice(WORDS) for _ in range(r.randint(1, 3)))

def camel(r):
    w = [r.choice(WORDS) for _ in range(r.randint(1, 3))]
    return w[0] + "".join(x.title() for x in w[1:])

# Share of lines drawn from the templates that mention token/password/secret/key.
SENSITIVE = 0.06

def pick(r, neutral, sensitive):
    return r.choice(sensitive if r.random() < SENSITIVE else neutral)

def py_line(r):
    a, b, c = ident(r), ident(r), ident(r)
    return pick(r, [
        f"def {a}(self, {b}, {c}=None):",
        f"    {a} = self.{b}.get({c!r})",
        f"    if {a} is None:",
        f"        raise ValueError(\"missing {b} for {c}\")",
        f"    return {a}.{b}({c})",
        f"    # Refresh the {b} when the {c} expires.",
        f"    {a} = os.environ.get(\"{b.upper()}\")",
        f"    for {a} in {b}:",
        f"        logger.debug(\"%s %s\", {a}, {c})",
        f"import {a}",
        f"from {a} import {b}",
        f"class {camel(r).title()}({camel(r).title()}):",
        "",
    ], [
        f"    token = request.headers.get(\"Authorization\")",
        f"    password = form.cleaned_data[\"password\"]",
        f"    secret_name = \"{b}-{c}\"",
    ])

def js_line(r):
    a, b, c = camel(r), camel(r), camel(r)
    return pick(r, [
        f"export function {a}({b}, {c}) {{",
        f"  const {a} = await fetch(`/api/${{{b}}}/{c}`);",
        f"  if (!{a}.ok) throw new Error('{b} failed');",
        f"  return {{ ...{a}, {b}: {c} }};",
        f"}}",
        f"import {{ {a} }} from './{b}';",
        f"  {a}.on('{b}', ({c}) => {{ console.log({c}); }});",
        "",
    ], [
        f"  const token = getToken({b});",
        f"  // TODO: rotate the {b} key before {c}",
        f"  const apiKey = process.env.{b.upper()}_KEY;",
    ])

def go_line(r):
    a, b, c = camel(r), camel(r), camel(r)
    return pick(r, [
        f"func {a}(ctx context.Context, {b} string) (*{c.title()}, error) {{",
        f"\t{a}, err := {b}.Get(ctx, {c})",
        f"\tif err != nil {{ return nil, fmt.Errorf(\"{b}: %w\", err) }}",
        f"\treturn &{c.title()}{{Name: {a}}}, nil",
        f"}}",
        "",
    ], [
        f"\tsecret := os.Getenv(\"{b.upper()}_SECRET\")",
        f"\treturn &{c.title()}{{Key: {a}}}, nil",
    ])

def rs_line(r):
    a, b, c = ident(r), ident(r), ident(r)
    return pick(r, [
        f"pub fn {a}(&self, {b}: &str) -> Result<{camel(r).title()}, Error> {{",
        f"    let {a} = self.{b}.get({c}).ok_or(Error::Missing)?;",
        f"    Ok({a})",
        f"}}",
        f"use crate::{a}::{b};",
        "",
    ], [
        f"    let token = std::env::var(\"{b.upper()}_TOKEN\")?;",
        f"    // The {b} key is looked up once per {c}.",
    ])

def yaml_line(r):
    a, b = ident(r), ident(r)
    return pick(r, [
        f"{a}:",
        f"  {b}: {r.randint(1, 9999)}",
        f"  {b}_enabled: true",
        f"  image: registry.local/{a}:{r.randint(1, 40)}.{r.randint(0, 9)}",
    ], [
        f"  password: ${{{a.upper()}_PASSWORD}}",
        f"  secretName: {a}-{b}",
    ])

def md_line(r):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(4, 16))).capitalize() + "."

KINDS = [(".py", py_line), (".js", js_line), (".go", go_line), (".rs", rs_line), (".yaml", yaml_line), (".md", md_line)]

def rand(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))

def checksummed(r, prefix):
    """A GitHub/npm-format token with a valid CRC32/base62 checksum, as issued
    ones have (a wrong checksum is never reported by default)."""
    body = rand(r, B62, 30)
    n, check = zlib.crc32(body.encode()), ""
    while n:
        check = B62_DIGITS[n % 62] + check
        n //= 62
    return prefix + body + check.rjust(6, "0")

B62_DIGITS = string.digits + string.ascii_uppercase + string.ascii_lowercase

def secret_line(r, i):
    """One planted secret of a well-known shape, unique thanks to randomness."""
    kind = i % 6
    if kind == 0:
        return f'GITHUB_TOKEN = "{checksummed(r, "ghp_")}"'
    if kind == 1:
        return f"aws_access_key_id = {'AKIA' + rand(r, string.ascii_uppercase + '234567', 16)}"
    if kind == 2:
        return f"SLACK_BOT_TOKEN={'xoxb-' + rand(r, string.digits, 12) + '-' + rand(r, string.digits, 13) + '-' + rand(r, B62, 24)}"
    if kind == 3:
        return f'  "npmToken": "{checksummed(r, "npm_")}",'
    if kind == 4:
        return f"HF_TOKEN: {'hf_' + rand(r, string.ascii_letters, 34)}"
    return f"    gitlab_token = '{'glpat-' + rand(r, B62 + '-_', 20)}'"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, required=True)
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--secrets", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    r = random.Random(a.seed)
    per_file = int(a.mb * 1_000_000 / a.files)
    plant = {}
    for i in range(a.secrets):
        plant.setdefault(r.randrange(a.files), []).append(i)
    for f in range(a.files):
        ext, gen = KINDS[f % len(KINDS)]
        d = os.path.join(a.out, f"pkg{f % 97:02d}", f"mod{f % 13}")
        os.makedirs(d, exist_ok=True)
        lines, size = [], 0
        while size < per_file:
            line = gen(r)
            lines.append(line)
            size += len(line) + 1
        for i in plant.get(f, []):
            lines.insert(r.randrange(len(lines) + 1), secret_line(r, i))
        with open(os.path.join(d, f"file{f}{ext}"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
    with open(a.out.rstrip("/") + ".expected", "w") as fh:
        fh.write(f"{a.secrets}\n")

if __name__ == "__main__":
    main()
