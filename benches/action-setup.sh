#!/usr/bin/env bash
# The GitHub Action's setup time, as scripts/action.sh logs it, from a cold and
# a warm cache: serves a fake release of target/release/stanch (one archive
# and its sha256.sum, as dist publishes them) on the loopback interface and
# runs `scripts/action.sh install` twice. Run from the repository root after
# `cargo build --release`:  bash benches/action-setup.sh
set -euo pipefail
d=$(mktemp -d); t=x86_64-unknown-linux-musl; v=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
mkdir -p "$d/releases/download/v$v" "$d/stage/stanch-$t"
cp target/release/stanch "$d/stage/stanch-$t/"
tar -czf "$d/releases/download/v$v/stanch-$t.tar.gz" -C "$d/stage" "stanch-$t"
(cd "$d/releases/download/v$v" && sha256sum "stanch-$t.tar.gz" | sed 's/  / */' >sha256.sum)
python3 -m http.server -d "$d" -b 127.0.0.1 8765 >/dev/null 2>&1 & server=$!
trap 'kill $server; rm -rf "$d"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:8765/releases/download/v$v/sha256.sum" && break; sleep 0.1; done
for run in cold warm; do
  echo "$run:"; STANCH_RELEASES_URL=http://127.0.0.1:8765/releases STANCH_CACHE_DIR="$d/cache" RUNNER_OS=Linux RUNNER_ARCH=X64 INPUT_VERSION=$v bash scripts/action.sh install
done
