#!/usr/bin/env bash
# Generate the labelled corpus (once per seed/scale/generator version) and score a
# scanner on it.  Builds nothing.
#   bash benches/corpus/run.sh                       # target/release/stanch
#   STANCH=/path/to/stanch bash benches/corpus/run.sh --list-missed
#   SEED=7 SCALE=2 bash benches/corpus/run.sh
# Extra arguments go to score.py (--list-missed, --list-decoys, --json FILE, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
SEED=${SEED:-1}
SCALE=${SCALE:-1}
STANCH=${STANCH:-target/release/stanch}
W=benches/work
OUT=$W/corpus
HERE=benches/corpus
mkdir -p "$W"
stamp="seed=$SEED scale=$SCALE gen=$(cat "$HERE"/*.py | cksum | cut -d' ' -f1)"
if [ ! -d "$OUT" ] || [ ! -f "$OUT.key.json" ] || [ "$(cat "$OUT.stamp" 2>/dev/null)" != "$stamp" ]; then
  python3 "$HERE/gen.py" "$OUT" --seed "$SEED" --scale "$SCALE"
  echo "$stamp" > "$OUT.stamp"
fi
case "$STANCH" in /*) ;; *) STANCH=$PWD/$STANCH ;; esac
[ -x "$STANCH" ] || { echo "no scanner binary at $STANCH (set STANCH)" >&2; exit 2; }
echo "scanner: $STANCH ($("$STANCH" --version 2>/dev/null || echo '?'))"
python3 "$HERE/score.py" "$OUT.key.json" "$OUT" --stanch "$STANCH" "$@"
