#!/usr/bin/env python3
"""Counts the commonest four-byte sequences of real code, for the keyword
prefilter (src/engine/keywords.rs): it anchors each keyword on the four bytes
least likely in code, and tunes its hash so that common text hashes away
from keywords. Bytes are folded as the prefilter folds them (`| 0x20`).

    python3 benches/common_grams.py DIR... > src/engine/common_grams.txt

DIRs are trees of real code (cargo's registry sources, the Python standard
library); files are sampled evenly, about 24 MB in all, each tree weighing
the same. Output: one line per
gram, its four bytes in hex and its count per million grams, commonest first.
"""
import collections
import os
import sys

EXTS = {".rs", ".py", ".js", ".ts", ".go", ".java", ".rb", ".php", ".c", ".h", ".cs",
        ".json", ".yaml", ".yml", ".toml", ".xml", ".md", ".txt", ".cfg", ".ini", ".sh"}
BUDGET = 24 << 20
TOP = 4000

counts = collections.Counter()
n = 0
for root in sys.argv[1:]:
    # Each tree weighs the same, however large.
    files = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            f = os.path.join(d, name)
            if os.path.splitext(name)[1].lower() in EXTS and os.path.isfile(f):
                files.append((f, os.path.getsize(f)))
    total = sum(s for _, s in files)
    stride = max(1, round(total / (BUDGET / len(sys.argv[1:]))))
    for f, _ in files[::stride]:
        b = bytes(c | 0x20 for c in open(f, "rb").read(1 << 20))
        counts.update(b[i:i + 4] for i in range(len(b) - 3))
        n += max(0, len(b) - 3)
for g, c in counts.most_common(TOP):
    print(g.hex(), max(1, c * 1_000_000 // n))
