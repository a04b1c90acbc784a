#!/usr/bin/env python3
"""Score a secret scanner against a corpus answer key (see README.md).

    python3 score.py KEY_JSON SCAN_DIR [--stanch BIN] [--json findings.json]
                     [--list-missed] [--list-decoys] [--summary-json OUT]

Runs `BIN scan SCAN_DIR --format json --show-secrets --no-config` unless a
findings JSON is given, then prints recall per family and per difficulty,
decoys reported per class, recall and decoys per encoding and per archive
container, and the findings that match nothing planted.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

MIN_SHARED = 8


def redact(s):
    s = s.replace("\n", "\\n").replace("\r", "\\r")
    if len(s) <= 8:
        return s[:2] + "\u2026"
    return s[:4] + "\u2026" + s[-2:]


def members(layers):
    """The archive members of a stanch provenance chain, joined by '!'."""
    return "!".join(l.get("path", "") for l in layers or () if l.get("kind") == "member")


def parse_findings(doc, scan_dir):
    """Normalise a scanner's JSON into a list of locations:
    {"rule", "secret", "path" (relative to scan_dir, '/'-separated), "inner" (archive
    members joined by '!', "" for a plain file), "line", "end_line", "fid"}.

    Knows stanch's schema ({"findings":[{rule_id, secret, path, line, locations:[...]}]});
    add other scanners' shapes here (gitleaks: list of {RuleID, Secret, File, StartLine,
    EndLine}; trufflehog: one JSON object per line is converted by the caller)."""
    root = os.path.abspath(scan_dir)

    def rel(p):
        if not p:
            return ""
        ap = os.path.abspath(p) if os.path.isabs(p) or os.path.exists(p) else os.path.join(root, p)
        ap = os.path.normpath(ap)
        if ap.startswith(root + os.sep):
            ap = ap[len(root) + 1:]
        return ap.replace(os.sep, "/")

    cache = {}

    def file_lines(path):
        if path not in cache:
            try:
                with open(os.path.join(root, path), "rb") as fh:
                    cache[path] = fh.read().decode("utf-8", "replace").splitlines()
            except OSError:
                cache[path] = []
        return cache[path]

    out = []
    if isinstance(doc, dict) and "findings" in doc:
        for fid, f in enumerate(doc["findings"]):
            locs = f.get("locations") or [{"path": f.get("path"), "line": f.get("line"),
                                           "end_line": f.get("end_line"), "layers": f.get("layers"),
                                           "inner_path": f.get("inner_path")}]
            # A pair's identifier is one of its finding's locations; its own
            # value is in paired_with (with --show-secrets).
            pw = f.get("paired_with") or {}
            for l in locs:
                line = int(l.get("line") or 0)
                secret = f.get("secret") or ""
                if pw.get("value") and all(l.get(k) == pw.get(k) for k in ("path", "line", "column")):
                    secret = pw["value"]
                inner = members(l.get("layers")) or l.get("inner_path") or ""
                is_pw = pw.get("value") and all(l.get(k) == pw.get(k) for k in ("path", "line", "column"))
                if pw and not is_pw and not inner and secret and line > 0:
                    # A later occurrence's access key id is one of the places
                    # too: a place whose line does not hold the secret is it.
                    text = file_lines(rel(l.get("path")))
                    if line <= len(text) and secret not in text[line - 1]:
                        continue
                out.append({"rule": f.get("rule_id", "?"), "secret": secret,
                            "path": rel(l.get("path")), "inner": inner, "line": line,
                            "end_line": int(l.get("end_line") or line), "fid": fid})
    elif isinstance(doc, list):  # gitleaks-style report
        for fid, f in enumerate(doc):
            line = int(f.get("StartLine") or 0)
            path, _, inner = (f.get("File") or "").partition("!")  # archive.zip!member
            out.append({"rule": f.get("RuleID", "?"), "secret": f.get("Secret") or f.get("Match") or "",
                        "path": rel(path), "inner": inner, "line": line,
                        "end_line": int(f.get("EndLine") or line), "fid": fid})
    else:
        raise SystemExit("unrecognised findings JSON")
    return out


def shares(a, b, n=MIN_SHARED):
    """True when a and b are equal or share a substring of n characters (of the
    shorter one's length when it is shorter than n)."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    k = min(n, len(a))
    for i in range(0, len(a) - k + 1):
        if a[i:i + k] in b:
            return True
    return False


def run_scanner(binary, scan_dir):
    cmd = [binary, "scan", scan_dir, "--format", "json", "--show-secrets", "--no-config"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode(errors="replace"))
        raise SystemExit("scanner exited with %d" % p.returncode)
    return json.loads(p.stdout.decode("utf-8", errors="replace"))


def covers(loc, it):
    lo, hi = loc["line"], max(loc["end_line"], loc["line"])
    if lo <= it["line"] <= hi:
        return True
    if it.get("multiline"):
        return lo <= it.get("end_line", it["line"]) + 1 and hi >= it["line"] - 1
    return False


STREAMS = ("gz", "bz2", "xz")  # single-file compressors: the member may go unnamed


def norm_inner(s):
    return "!".join(p.lstrip("/").removeprefix("./") for p in s.split("!")) if s else ""


def inners(it):
    """The inner paths a finding may give for item `it`: its own; and for a lone
    compressed file also none, or the file's name without the suffix."""
    own = norm_inner(it.get("inner_path", ""))
    out = [own]
    kinds = it.get("container", "").split(">")
    if kinds[0] in STREAMS:
        rest = own.split("!")[1:]
        base = os.path.basename(it["path"])
        for alt in ("", base[:base.rfind(".")]):
            out.append("!".join(([alt] if alt else []) + rest))
    return out


def match(items, locs):
    by_path = defaultdict(list)  # (path, inner path) -> items
    for it in items:
        for inner in dict.fromkeys(inners(it)):
            by_path[(it["path"], inner)].append(it)
    used = set()  # indexes of locations attributed to a planted secret
    found = set()
    for li, loc in enumerate(locs):
        loc["key"] = (loc["path"], norm_inner(loc.get("inner", "")))
        for it in by_path.get(loc["key"], ()):
            if it["kind"] != "secret" or not covers(loc, it):
                continue
            if any(shares(loc["secret"], v) for v in [it["secret"], it.get("text")] + it.get("intermediate", [])):
                found.add(id(it))
                used.add(li)
    # items per (path, line): a decoy alone on its line is reported by any finding
    # there; when several items share a line (minified bundles) the finding's secret
    # must also overlap the decoy's value.
    per_line = defaultdict(int)
    for it in items:
        for ln in range(it["line"], it.get("end_line", it["line"]) + 1):
            per_line[(it["path"], it.get("inner_path", ""), ln)] += 1
    reported = defaultdict(list)  # decoy id -> locations
    for li, loc in enumerate(locs):
        if li in used:
            continue
        hi = max(loc["end_line"], loc["line"])
        for it in by_path.get(loc["key"], ()):
            if it["kind"] != "decoy":
                continue
            if not (loc["line"] <= it.get("end_line", it["line"]) and hi >= it["line"]):
                continue
            shared = any(per_line[(it["path"], it.get("inner_path", ""), ln)] > 1
                         for ln in range(it["line"], it.get("end_line", it["line"]) + 1))
            if shared and not (shares(loc["secret"], it["secret"]) or shares(loc["secret"], it.get("decoded"))):
                continue
            reported[id(it)].append(li)
            used.add(li)
    unlabelled = [loc for li, loc in enumerate(locs) if li not in used]
    return found, reported, unlabelled


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def table(title, rows, head):
    print("\n" + title)
    w = max([len(head)] + [len(k) for k, _, _ in rows])
    print("  %-*s %8s %8s %7s" % (w, head, "planted", "found", "recall"))
    for k, n, f in rows:
        print("  %-*s %8d %8d %7s" % (w, k, n, f, pct(f, n)))


def table2(title, rows, head):
    """Secrets and decoys side by side: rows of (key, planted, found, decoys, reported)."""
    print("\n" + title)
    w = max([len(head)] + [len(r[0]) for r in rows])
    print("  %-*s %8s %8s %7s   %7s %8s %7s" % (w, head, "planted", "found", "recall", "decoys", "reported", "rate"))
    for k, n, f, d, rep in rows:
        print("  %-*s %8d %8d %7s   %7d %8d %7s" % (w, k, n, f, pct(f, n), d, rep, pct(rep, d)))


def where(it):
    return it["path"] + ("!" + it["inner_path"] if it.get("inner_path") else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("key")
    ap.add_argument("scan_dir")
    ap.add_argument("--stanch", default=os.environ.get("STANCH"))
    ap.add_argument("--json", help="read findings from this JSON instead of running the scanner")
    ap.add_argument("--list-missed", action="store_true")
    ap.add_argument("--list-decoys", action="store_true", help="list each reported decoy")
    ap.add_argument("--max-unlabelled", type=int, default=40, help="how many unlabelled findings to list")
    ap.add_argument("--summary-json", help="also write the figures to this file")
    a = ap.parse_args()

    with open(a.key, encoding="utf-8") as f:
        items = json.load(f)["items"]
    if a.json:
        with open(a.json, encoding="utf-8") as f:
            doc = json.load(f)
    else:
        if not a.stanch:
            raise SystemExit("give --stanch BIN, STANCH=BIN or --json FILE")
        doc = run_scanner(a.stanch, a.scan_dir)
    locs = parse_findings(doc, a.scan_dir)
    found, reported, unlabelled = match(items, locs)

    secrets = [i for i in items if i["kind"] == "secret"]
    decoys = [i for i in items if i["kind"] == "decoy"]

    def group(key):
        g = defaultdict(lambda: [0, 0])
        for it in secrets:
            g[it[key]][0] += 1
            g[it[key]][1] += id(it) in found
        return [(k, n, f) for k, (n, f) in sorted(g.items())]

    fam = group("family")
    diff = group("difficulty")
    table("Recall per family", fam, "family")
    table("Recall per difficulty", diff, "difficulty")

    def group2(keys_of):
        """Rows of (key, secrets, found, decoys, reported) over the items keys_of(item) names."""
        g = defaultdict(lambda: [0, 0, 0, 0])
        for it in items:
            for k in keys_of(it):
                row = g[k]
                if it["kind"] == "secret":
                    row[0] += 1
                    row[1] += id(it) in found
                else:
                    row[2] += 1
                    row[3] += id(it) in reported
        return g

    def enc_keys(it):
        e = it.get("encoding")
        if not e:
            return []
        return [e, "(nested)"] if ">" in e else [e]

    def cont_keys(it):
        c = it.get("container")
        if not c:
            return []
        return [c.split(">")[0], "(nested)"] if ">" in c else [c.split(">")[0]]

    encs = group2(enc_keys)
    conts = group2(cont_keys)
    tot_e = group2(lambda it: ["all encoded"] if it.get("encoding") else [])
    tot_c = group2(lambda it: ["all archived"] if it.get("container") else [])
    table2("Recall and decoys per encoding (outermost first; an archived item counts here too)",
           [(k,) + tuple(v) for k, v in sorted(encs.items(), key=lambda x: (x[0].startswith("("), x[0]))]
           + [(k,) + tuple(v) for k, v in tot_e.items()], "encoding")
    table2("Recall and decoys per container (by outermost format; nested: more than one level)",
           [(k,) + tuple(v) for k, v in sorted(conts.items(), key=lambda x: (x[0].startswith("("), x[0]))]
           + [(k,) + tuple(v) for k, v in tot_c.items()], "container")

    tot_f = sum(1 for i in secrets if id(i) in found)
    ne = [i for i in secrets if i["difficulty"] != "encoded"]
    ne_f = sum(1 for i in ne if id(i) in found)
    plain = [i for i in secrets if i["difficulty"] not in ("encoded", "archived")
             and not i.get("encoding") and not i.get("container")]
    pl_f = sum(1 for i in plain if id(i) in found)
    print("\nOverall recall: %d/%d = %s" % (tot_f, len(secrets), pct(tot_f, len(secrets)).strip()))
    print("Overall recall excluding 'encoded': %d/%d = %s" % (ne_f, len(ne), pct(ne_f, len(ne)).strip()))
    print("Overall recall excluding encoded and archived: %d/%d = %s" % (pl_f, len(plain), pct(pl_f, len(plain)).strip()))

    g = defaultdict(lambda: [0, 0])
    for it in decoys:
        g[it["decoy_class"]][0] += 1
        g[it["decoy_class"]][1] += id(it) in reported
    print("\nDecoys reported per class")
    w = max([11] + [len(k) for k in g])
    print("  %-*s %8s %8s %7s" % (w, "decoy class", "planted", "reported", "rate"))
    for k, (n, rep) in sorted(g.items()):
        print("  %-*s %8d %8d %7s" % (w, k, n, rep, pct(rep, n)))
    tot_r = sum(1 for i in decoys if id(i) in reported)
    print("Decoys reported in total: %d/%d = %s" % (tot_r, len(decoys), pct(tot_r, len(decoys)).strip()))
    pd = [i for i in decoys if not i.get("encoding") and not i.get("container")]
    pd_r = sum(1 for i in pd if id(i) in reported)
    print("Decoys reported excluding encoded and archived: %d/%d = %s" % (pd_r, len(pd), pct(pd_r, len(pd)).strip()))

    file_level = [u for u in unlabelled if u["line"] == 0]
    line_level = [u for u in unlabelled if u["line"] != 0]
    print("\nUnlabelled findings (neither planted nor decoy): %d locations (%d at line level, "
          "%d file-level)" % (len(unlabelled), len(line_level), len(file_level)))
    by_rule = defaultdict(int)
    for u in unlabelled:
        by_rule[u["rule"]] += 1
    for k, n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
        print("  %5d  %s" % (n, k))
    for u in sorted(line_level, key=lambda u: (u["path"], u["inner"], u["line"]))[:a.max_unlabelled]:
        print("  %-34s %s:%d  %s" % (u["rule"], u["path"] + ("!" + u["inner"] if u["inner"] else ""), u["line"],
                                     redact(u["secret"])))
    if len(line_level) > a.max_unlabelled:
        print("  ... %d more (--max-unlabelled N)" % (len(line_level) - a.max_unlabelled))

    if a.list_decoys:
        print("\nReported decoys")
        for it in decoys:
            if id(it) in reported:
                rules = sorted({locs[li]["rule"] for li in reported[id(it)]})
                print("  %s:%d  %-15s %s  [%s]" % (where(it), it["line"], it["decoy_class"],
                                                    redact(it["secret"]), ",".join(rules)))
    if a.list_missed:
        print("\nMissed secrets")
        for it in secrets:
            if id(it) not in found:
                how = it.get("encoding") or it.get("container") or it["difficulty"]
                print("  %s:%d  %-16s %-15s %s" % (where(it), it["line"], it["family"],
                                                    how, redact(it["secret"])))
    if a.summary_json:
        with open(a.summary_json, "w") as f:
            json.dump({"recall": {"planted": len(secrets), "found": tot_f},
                       "recall_excluding_encoded": {"planted": len(ne), "found": ne_f},
                       "recall_excluding_encoded_archived": {"planted": len(plain), "found": pl_f},
                       "encoding": {k: v for k, v in sorted(encs.items())},
                       "container": {k: v for k, v in sorted(conts.items())},
                       "family": {k: [n, x] for k, n, x in fam},
                       "difficulty": {k: [n, x] for k, n, x in diff},
                       "decoys": {k: v for k, v in sorted(g.items())},
                       "decoys_reported": tot_r, "decoys_planted": len(decoys),
                       "unlabelled": len(unlabelled)}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
