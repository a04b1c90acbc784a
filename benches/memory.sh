#!/usr/bin/env bash
# Peak memory: `stanch scan` of a 2 GB tree and `stanch history --all` of a
# 40,000-commit repository, each with the default thread count and with 8
# threads. Run from anywhere: `bash benches/memory.sh`.
#
# Memory should be bounded by the threads times the largest file or blob
# scanned (25 MiB by default: bigger ones are skipped without being read),
# plus the commit index, whatever the size of the tree or history. The 2 GB
# tree is ten hard-linked copies of the 200 MB benchmark tree (no extra disk),
# eight 24 MB files just under the size limit (each with one planted token)
# and one 200 MB file over it. Prints wall time, peak RSS and findings per
# run, and exits 1 when a peak exceeds MAX_MB (400) or a count is wrong.
#
# Knobs: MAX_MB (400), HISTORY_LARGE (40000 commits), STANCH (binary; default
# a release build of this checkout). Data goes to benches/work/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/benches/work
mkdir -p "$work"
max_mb=${MAX_MB:-400}
commits=${HISTORY_LARGE:-40000}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
command -v /usr/bin/time >/dev/null || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
if [ -z "${STANCH:-}" ]; then
  cargo build --release --quiet
  STANCH=$root/target/release/stanch
fi
# shellcheck source=benches/gen_history.sh
source "$root/benches/gen_history.sh"

tree=$work/tree-2gb
if [ ! -f "$tree.expected" ]; then
  [ -d "$work/tree-200mb" ] || python3 benches/gen_tree.py "$work/tree-200mb" --files 25000 --mb 200 --secrets 600
  rm -rf "$tree"
  mkdir -p "$tree/big"
  for i in $(seq 0 9); do cp -al "$work/tree-200mb" "$tree/copy$i"; done
  python3 - "$tree/big" <<'PY'
import os, random, sys, zlib
out = sys.argv[1]
rnd = random.Random(7)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
alnum = B62[10:] + B62[:10]
words = "alpha beta gamma delta value count index total buffer result".split()
block = "".join("    %s_%d = %s(%d)  # %s\n" % (rnd.choice(words), i, rnd.choice(words), i, rnd.choice(words)) for i in range(20000))
def token():
    # A valid CRC32/base62 checksum: a wrong one is not reported by default.
    body = "".join(rnd.choice(alnum) for _ in range(30))
    n, check = zlib.crc32(body.encode()), ""
    while n:
        check = B62[n % 62] + check
        n //= 62
    return "ghp_" + body + check.rjust(6, "0")
for i in range(8):  # 24 MB each, under the 25 MiB default limit
    with open(os.path.join(out, "big%d.py" % i), "w") as f:
        while f.tell() < 24_000_000 - len(block):
            f.write(block)
        f.write('TOKEN = "%s"\n' % token())
with open(os.path.join(out, "huge.log"), "w") as f:  # over the limit: skipped unread
    while f.tell() < 200_000_000:
        f.write(block)
PY
  # The copies' secrets are the same: each is one finding with ten places.
  echo $(( $(cat "$work/tree-200mb.expected" 2>/dev/null || echo 600) + 8 )) >"$tree.expected"
fi
hist=$work/history-$commits.git
if [ ! -f "$hist.expected" ]; then
  gen_history "$hist" "$commits" 3000 300 >"$hist.expected"
fi

fail=0
# measure LABEL EXPECTED CMD...: one warm run, then the measured one.
measure() {
  local label=$1 expected=$2
  shift 2
  "$@" >/dev/null 2>&1 || true
  /usr/bin/time -v -o "$work/memory-time.txt" "$@" >"$work/memory-out.json" 2>/dev/null || true
  python3 - "$label" "$expected" "$max_mb" "$work/memory-time.txt" "$work/memory-out.json" <<'PY' || fail=1
import json, re, sys
label, expected, max_mb, timefile, out = sys.argv[1:6]
t = open(timefile).read()
rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
d = json.load(open(out))
n, s = len(d["findings"]), d["summary"]
print("  %-44s peak RSS %6.1f MB   wall %8s   %6d findings (expected %s)   %d threads, %.2f GB scanned"
      % (label, rss_mb, wall, n, expected, s["threads"], s["stats"]["bytes"] / 1e9))
sys.exit(0 if rss_mb <= float(max_mb) and n == int(expected) else 1)
PY
}

echo "stanch $("$STANCH" --version | cut -d' ' -f2), $(nproc) cores; limit ${max_mb} MB peak RSS"
echo "scan of $(find "$tree" -type f | wc -l) files:"
measure "scan (default threads)" "$(cat "$tree.expected")" "$STANCH" scan "$tree" --no-config -f json
measure "scan -j 8" "$(cat "$tree.expected")" "$STANCH" scan "$tree" --no-config -f json -j 8
echo "history of $commits commits:"
measure "history --all (default threads)" "$(cat "$hist.expected")" "$STANCH" history --all --no-config -f json "$hist"
measure "history --all -j 8" "$(cat "$hist.expected")" "$STANCH" history --all --no-config -f json "$hist" -j 8
[ "$fail" -eq 0 ] || { echo "a peak exceeded ${max_mb} MB or a count was wrong" >&2; exit 1; }
