#!/usr/bin/env bash
# Findings on real, mostly secret-free code on this machine: the crate sources
# in cargo's registry cache and the Python installation's standard library and
# site-packages (plus Debian's dist-packages when present). Every finding here
# is a false alarm or a test/documentation key; the closing notes give a
# verdict for each. Prints one line per finding (redacted) and the totals.
#   bash benches/realcode.sh                 # target/release/stanch
#   STANCH=path/to/stanch bash benches/realcode.sh
set -euo pipefail
cd "$(dirname "$0")/.."
STANCH=${STANCH:-target/release/stanch}
dirs=()
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ \
  "$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')" \
  /usr/lib/python3/dist-packages; do
  [ -d "$d" ] && dirs+=("$d")
done
total=0
for d in "${dirs[@]}"; do
  bytes=$(du -sb "$d" | cut -f1)
  out=$("$STANCH" scan "$d" --no-config --format json || true)
  n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
  echo "== $d: $((bytes / 1000000)) MB, $n findings"
  printf '%s' "$out" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["findings"]:
    loc = f["locations"][0]
    rule, conf, red = f["rule_id"], f["confidence"], f["secret_redacted"]
    print("  %-34s %.2f  %s:%s  %s" % (rule, conf, loc["path"], loc["line"], red))
'
  total=$((total + n))
done
echo "total findings: $total"
