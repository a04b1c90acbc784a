#!/usr/bin/env python3
"""Recall and false alarms of stanch on a real repository with an answer key.

    python3 benches/labelled/score.py REPO_DIR LABELS_TSV [INFO_TSV] [--stanch BIN] [-v]

LABELS_TSV lists the secrets (a header line, then `path<TAB>line<TAB>kind<TAB>note`,
paths relative to REPO_DIR, lines from 1; a multi-line private key is labelled
at its first line). INFO_TSV, optional, lists lines that are sensitive but not
secrets (usernames, hosts): findings there are counted apart. A finding counts
for a label when one of its locations is on the labelled line; a finding about
a whole file (line 0) counts for a label on its line 1, and one inside a
private key for the key's first line. Every other finding is a false alarm.

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
    ap.add_argument("labels")
    ap.add_argument("info", nargs="?")
    ap.add_argument("--stanch", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "stanch"))
    ap.add_argument("-v", action="store_true", help="list misses, false alarms and informative hits")
    a = ap.parse_args()
    risk, info = load(a.labels), load(a.info)
    run = subprocess.run([os.path.abspath(a.stanch), "scan", ".", "--format", "json", "--no-ignore"],
                         capture_output=True, cwd=a.repo)
    if run.returncode not in (0, 1):
        sys.exit(run.stderr.decode(errors="replace"))
    norm = lambda p: p[2:] if p.startswith("./") else p
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


if __name__ == "__main__":
    main()
