#!/usr/bin/env bash
# Whole-process benchmarks of `stanch scan` (warm page cache), next to the cost of
# just reading the same files. Prints median wall time, CPU time, peak RSS, MB/s
# and finding counts, and fails when a count is not the expected one.
#   bash benches/run.sh            # 4,500-file tree, empty dir, 100 KB file, 200 MB tree
#   RUNS=10 bash benches/run.sh    # more runs per figure
#   SKIP_LARGE=1 bash benches/run.sh
#   BASE=path/to/older/stanch bash benches/run.sh   # also time an older build, in the same run
#   STANCH_ARGS="--decode-depth 0 --no-archives" bash benches/run.sh   # the cost of a feature
# The last line times `stanch audit` on the 4,500-file tree (compare with its scan).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
W=benches/work
mkdir -p "$W"
cargo build --release --quiet
BIN=$PWD/target/release/stanch
M="python3 benches/measure.py"

gen() { # name files mb secrets
  [ -d "$W/$1" ] || python3 benches/gen_tree.py "$W/$1" --files "$2" --mb "$3" --secrets "$4"
}
gen tree-4500 4500 18 300
[ -n "${SKIP_LARGE:-}" ] || gen tree-200mb 25000 200 600
mkdir -p "$W/empty"
# One 100 KB source file of the same realistic text as the trees, and a
# stress case: 100 KB where 85% of the lines hold the keyword "token".
if [ ! -f "$W/single/file.py" ]; then
  mkdir -p "$W/single" "$W/single-dense"
  python3 - "$W/tree-4500" "$W/single/file.py" <<'PY'
import os, re, sys
planted = re.compile(r"ghp_|AKIA|xoxb-|npm_|hf_|glpat-")
out = []
for d, _, fs in sorted(os.walk(sys.argv[1])):
    for f in sorted(fs):
        if f.endswith(".py"):
            out += [l for l in open(os.path.join(d, f)) if not planted.search(l)]
open(sys.argv[2], "w").write("".join(out)[:100_000])
PY
  python3 - "$W/single-dense/file.py" <<'PY'
import sys, random
r = random.Random(3)
words = "def return value token key self config name path user request".split()
with open(sys.argv[1], "w") as f:
    n = 0
    while n < 100_000:
        line = "    " + " ".join(r.choice(words) for _ in range(8)) + "\n"
        f.write(line); n += len(line)
PY
fi

bytes_of() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
warm() { find "$1" -type f -print0 | xargs -0 cat > /dev/null; }

echo "stanch $("$BIN" --version | cut -d' ' -f2), $(nproc) cores, $RUNS runs each, warm page cache"
for t in empty single single-dense tree-4500 tree-200mb; do
  [ -d "$W/$t" ] || continue
  warm "$W/$t"
  b=$(bytes_of "$W/$t")
  exp=0
  [ -f "$W/$t.expected" ] && exp=$(cat "$W/$t.expected")
  $M "read: find|xargs cat ($t)" "$RUNS" "$b" -1 -- "find $W/$t -type f -print0 | xargs -0 cat > /dev/null"
  # shellcheck disable=SC2086
  $M "stanch scan ($t)" "$RUNS" "$b" "$exp" -- "$BIN" scan "$W/$t" --format json --no-config ${STANCH_ARGS:-}
  if [ -n "${BASE:-}" ]; then
    $M "base scan ($t)" "$RUNS" "$b" -1 -- "$BASE" scan "$W/$t" --format json --no-config
  fi
done
# `stanch audit` (the practice checklist and the scan, in one walk) against
# `scan` on the same tree: the issue asks for at most twice the time.
if [ -d "$W/tree-4500" ]; then
  b=$(bytes_of "$W/tree-4500")
  $M "stanch audit (tree-4500)" "$RUNS" "$b" -1 -- "$BIN" audit "$W/tree-4500" --format json --no-config
fi
