#!/usr/bin/env python3
"""Recall and false alarms of stanch on a real repository with an answer key.

    python3 benches/labelled/score.py REPO_DIR LABELS_TSV [INFO_TSV] [--stanch BIN] [-v]
    python3 benches/labelled/score.py REPO_DIR --valid-invalid [--stanch BIN] [-v]

LABELS_TSV lists the secrets (a header line, then `path<TAB>line<TAB>kind<TAB>note`,
paths relative to REPO_DIR, lines from 1; a multi-line private key is labelled
at its first line). INFO_TSV, optional, lists lines that are sensitive but not
secrets (usernames, hosts): findings there are counted apart. A finding counts
for a label when one of its locations is on the labelled line; a finding about
a whole file (line 0) counts for a label on its line 1, and one inside a
private key for the key's first line. Every other finding is a false alarm.

With --valid-invalid the key is the layout (leak fixture repositories such as
leaktk/fake-leaks): a file under a `valid/` directory is a secret, found when
any finding is in it; a file under `invalid/` is a look-alike, and any finding
in it is a false alarm.

The repositories are not in this tree (they are full of live-looking secrets);
the closing notes of issue 10 say which were used and where they come from.
"""
import argparse
import json
import os
import subprocess
import sys


def load(path):
    rows = {}
    if not path:
        return rows
    with open(path) as fh:
        for line in fh:
            if line.startswith("path\t") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            rows[(f[0], int(f[1]))] = f[2] if len(f) > 2 else ""
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo")
    ap.add_argument("labels", nargs="?")
    ap.add_argument("info", nargs="?")
    ap.add_argument("--stanch", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "stanch"))
    ap.add_argument("--valid-invalid", action="store_true", help="the key is valid/ and invalid/ directories")
    ap.add_argument("-v", action="store_true", help="list misses, false alarms and informative hits")
    a = ap.parse_args()
    if not a.labels and not a.valid_invalid:
        ap.error("give LABELS_TSV or --valid-invalid")
    run = subprocess.run([os.path.abspath(a.stanch), "scan", ".", "--format", "json", "--no-ignore"],
                         capture_output=True, cwd=a.repo)
    if run.returncode not in (0, 1):
        sys.exit(run.stderr.decode(errors="replace"))
    norm = lambda p: p[2:] if p.startswith("./") else p
    if a.valid_invalid:
        by_file(a, json.loads(run.stdout), norm)
        return
    risk, info = load(a.labels), load(a.info)
    hit, false, infohits = set(), [], []
    for f in json.loads(run.stdout)["findings"]:
        for loc in f["locations"]:
            p, line = norm(loc["path"]), loc["line"]
            cands = [(p, line)] + ([(p, 1)] if line == 0 else [])
            cands += [(p, l) for l in range(max(1, line - 30), line) if risk.get((p, l)) == "private-key"]
            k = next((c for c in cands if c in risk), None)
            if k:
                hit.add(k)
            elif (p, line) in info:
                infohits.append(((p, line), f["rule_id"]))
            else:
                false.append(((p, line), f["rule_id"], f["secret_redacted"]))
    print("recall %d/%d = %.1f%%  false alarms %d  informative lines reported %d"
          % (len(hit), len(risk), 100 * len(hit) / max(1, len(risk)), len(false), len(infohits)))
    if a.v:
        for r in sorted(set(risk) - hit):
            print("MISS ", r[0], r[1], risk[r])
        for x in false:
            print("FALSE", *x)
        for x in infohits:
            print("INFO ", *x)


def by_file(a, doc, norm):
    found = {}
    for f in doc["findings"]:
        for loc in f["locations"]:
            found.setdefault(norm(loc["path"]).split("!")[0], []).append(f["rule_id"])
    valid, invalid = [], []
    for d, _, names in os.walk(a.repo):
        for n in names:
            p = os.path.relpath(os.path.join(d, n), a.repo)
            parts = p.split(os.sep)
            (valid if "valid" in parts else invalid if "invalid" in parts else []).append(p)
    hit = [p for p in valid if p in found]
    false = [p for p in invalid if p in found]
    print("valid files found %d/%d = %.1f%%  invalid files with a finding %d/%d"
          % (len(hit), len(valid), 100 * len(hit) / max(1, len(valid)), len(false), len(invalid)))
    if a.v:
        for p in sorted(set(valid) - set(hit)):
            print("MISS ", p)
        for p in sorted(false):
            print("FALSE", p, *sorted(set(found[p])))


if __name__ == "__main__":
    main()
