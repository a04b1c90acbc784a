#!/usr/bin/env bash
# History and pre-commit benchmark. Run from anywhere: `bash benches/history.sh`.
#
# 1. Generates (with `git fast-import`, then `git repack -ad` as a real
#    repository would be) a history of 20,000 commits touching a few thousand
#    files, with planted fake GitHub tokens, some deleted later; then a larger
#    one (HISTORY_LARGE commits) to show that peak RSS stays flat.
# 2. For each, measures `stanch history --all` (wall, CPU, peak RSS, finding
#    count, which must equal the planted count) next to `git log -p --all` and
#    `git cat-file --batch-all-objects --batch --unordered` on the same
#    repository, the three interleaved round by round, and prints the ratios
#    of each round.
# 3. Times `stanch staged` with 5 modified files staged in a 10,000-file
#    repository (median; hyperfine if installed, else a loop).
#
# Knobs (environment): HISTORY_COMMITS (20000), HISTORY_LARGE (40000),
# (0: skip the larger one), HISTORY_FILES (3000), HISTORY_SECRETS (300), STAGED_FILES (10000), RUNS (5 runs
# per figure, median), STANCH (binary; default: a release build of this
# checkout), STANCH_ARGS (extra arguments for it, e.g. "--decode-depth 0"),
# BASE (an older binary, timed in the same rounds, for before/after figures).
# Data goes to benches/work/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/benches/work
mkdir -p "$work"
commits=${HISTORY_COMMITS:-20000}
large=${HISTORY_LARGE:-40000}
files=${HISTORY_FILES:-3000}
secrets=${HISTORY_SECRETS:-300}
staged_files=${STAGED_FILES:-10000}
RUNS=${RUNS:-5}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

if [ -z "${STANCH:-}" ]; then
  cargo build --release --quiet
  STANCH=$root/target/release/stanch
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

# shellcheck source=benches/gen_history.sh
source "$root/benches/gen_history.sh"

# timed LABEL CMD...: runs CMD once and appends "LABEL wall user sys maxrss"
# to $work/times.
timed() {
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %S %M" -a -o "$work/times" "$@" >/dev/null 2>"$work/stderr" || true
}

# report: per label, the median wall and CPU (user+sys) and the largest peak
# RSS; then the ratios of each round (the commands of one round ran back to
# back, so a busy spell on the machine slows all of them alike).
report() {
  python3 - "$work/times" <<'PY'
import statistics, sys
rows = {}
order = []
for l in open(sys.argv[1]):
    f = l.split()
    if len(f) != 5 or f[0] not in ("log", "catfile", "stanch", "base"):
        continue  # "Command exited with non-zero status" lines
    if f[0] not in rows:
        order.append(f[0]); rows[f[0]] = []
    rows[f[0]].append([float(x) for x in f[1:]])
names = {"log": "git log -p --all > /dev/null",
         "catfile": "git cat-file --batch-all-objects --batch --unordered",
         "stanch": "stanch history --all",
         "base": "base (older stanch) history --all"}
for k in order:
    r = rows[k]
    print("  %-58s wall %7.2f s   cpu %7.2f s   peak RSS %7.1f MB   (median of %d, wall min %.2f)"
          % (names[k], statistics.median(x[0] for x in r), statistics.median(x[1] + x[2] for x in r),
             max(x[3] for x in r) / 1024, len(r), min(x[0] for x in r)))
fast = [l / s for l, s in zip((x[0] for x in rows["log"]), (x[0] for x in rows["stanch"]))]
floor = [s / c for s, c in zip((x[0] for x in rows["stanch"]), (x[0] for x in rows["catfile"]))]
print("  per round: git log -p / stanch  median %.2fx (%.2f-%.2f);  stanch / cat-file  median %.2fx (%.2f-%.2f)"
      % (statistics.median(fast), min(fast), max(fast), statistics.median(floor), min(floor), max(floor)))
if "base" in rows:
    vs = [s / b for s, b in zip((x[0] for x in rows["stanch"]), (x[0] for x in rows["base"]))]
    print("  per round: stanch / base  median %.3fx (%.3f-%.3f)" % (statistics.median(vs), min(vs), max(vs)))
PY
}

bench_history() {
  local n=$1 dir=$work/history-$1.git
  echo "== history: $n commits, $files files, $secrets planted secrets"
  local expected
  if [ -f "$dir/expected" ] && [ "$(cat "$dir/params")" = "$n $files $secrets" ]; then
    expected=$(cat "$dir/expected")
  else
    local t0=$SECONDS
    expected=$(gen_history "$dir" "$n" "$files" "$secrets")
    echo "$expected" > "$dir/expected"; echo "$n $files $secrets" > "$dir/params"
    echo "  (generated in $((SECONDS - t0)) s)"
  fi
  local pack_mb blobs
  pack_mb=$(du -cm "$dir"/objects/pack/*.pack | tail -1 | cut -f1)
  blobs=$(git -C "$dir" cat-file --batch-all-objects --batch-check='%(objecttype)' | grep -c blob)
  echo "  repository: $(git -C "$dir" rev-list --all --count) commits, $blobs blobs, pack $pack_mb MB"
  : > "$work/times"
  for _ in $(seq "$RUNS"); do
    timed log git -C "$dir" log -p --all
    timed catfile git -C "$dir" cat-file --batch-all-objects --batch --unordered
    # shellcheck disable=SC2086
    timed stanch "$STANCH" history --all "$dir" -f json -o "$work/history.json" ${STANCH_ARGS:-}
    if [ -n "${BASE:-}" ]; then
      timed base "$BASE" history --all "$dir" -f json -o "$work/history-base.json"
    fi
  done
  report
  local found
  found=$(grep -c '"fingerprint":' "$work/history.json" || true)
  local in_head
  in_head=$(grep -c '"in_head": true' "$work/history.json" || true)
  echo "  stanch findings: $found (expected $expected), still in HEAD: $in_head"
  if [ "$found" != "$expected" ]; then
    echo "FAIL: stanch history found $found secrets, expected $expected" >&2
    exit 1
  fi
}

bench_staged() {
  local dir=$work/staged-$staged_files
  echo "== staged: 5 modified files staged in a $staged_files-file repository"
  if [ ! -f "$dir.ready" ]; then
    rm -rf "$dir"
    git init -q "$dir"
    python3 - "$staged_files" <<'PY' | git -C "$dir" fast-import --quiet >/dev/null
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"commit refs/heads/master\ncommitter Bench <bench@example.com> 1600000000 +0000\ndata 7\nimport\n")
for i in range(n):
    data = ("".join("line %d of file %d: some ordinary text here\n" % (j, i) for j in range(40))).encode()
    out.write(("M 100644 inline pkg%03d/file%05d.txt\n" % (i % 200, i)).encode())
    out.write(b"data %d\n%s\n" % (len(data), data))
out.write(b"done\n")
PY
    git -C "$dir" symbolic-ref HEAD refs/heads/master
    git -C "$dir" reset -q --hard
    touch "$dir.ready"
  fi
  git -C "$dir" reset -q --hard
  for i in 1 2 3 4 5; do
    f=$(printf "pkg%03d/file%05d.txt" $((i * 7 % 200)) $((i * 7 + 200 * i)))
    [ -f "$dir/$f" ] || f=$(cd "$dir" && git ls-files | sed -n "$((i * 97))p")
    printf 'api_url = "https://example.com/v%d"\n' "$i" >> "$dir/$f"
  done
  git -C "$dir" add -A
  echo "  staged: $(git -C "$dir" diff --cached --shortstat)"
  (cd "$dir" && "$STANCH" staged >/dev/null) || { echo "FAIL: stanch staged did not exit 0 on a clean change" >&2; exit 1; }
  if command -v hyperfine >/dev/null; then
    (cd "$dir" && hyperfine -N --warmup 5 --runs 50 --style basic --export-json "$work/staged.json" "$STANCH staged" "git diff --cached --stat" >/dev/null || true)
    python3 - "$work/staged.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  %-58s median %6.1f ms   mean %6.1f ms   min %6.1f ms" % (r["command"], r["median"] * 1e3, r["mean"] * 1e3, r["min"] * 1e3))
PY
  else
    local times=() base=()
    for _ in $(seq 30); do
      local s e
      # shellcheck disable=SC2086
      s=$(date +%s%N); (cd "$dir" && "$STANCH" staged ${STANCH_ARGS:-} >/dev/null); e=$(date +%s%N)
      times+=($(( (e - s) / 1000 )))
      if [ -n "${BASE:-}" ]; then
        s=$(date +%s%N); (cd "$dir" && "$BASE" staged >/dev/null); e=$(date +%s%N)
        base+=($(( (e - s) / 1000 )))
      fi
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "  %-58s median %6.1f ms (30 runs)\n", "stanch staged", a[int((NR+1)/2)]/1000}'
    if [ -n "${BASE:-}" ]; then
      printf '%s\n' "${base[@]}" | sort -n | awk '{a[NR]=$1} END {printf "  %-58s median %6.1f ms (30 runs)\n", "base staged", a[int((NR+1)/2)]/1000}'
    fi
  fi
}

echo "stanch: $STANCH ($("$STANCH" --version)); $(nproc) cores; $(git --version)"
bench_history "$commits"
if [ "$large" -gt 0 ]; then bench_history "$large"; fi
bench_staged
