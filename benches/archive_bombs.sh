#!/usr/bin/env bash
# Decompression bombs against `stanch scan` (issue 12): each must be skipped
# with a warning, within 2 s and 100 MB of peak RSS, while a planted token in
# a neighbouring file (and one beside the bomb inside its archive, where the
# format allows) is still found. Run from anywhere:
# `bash benches/archive_bombs.sh`.
#
# Built with Python's zipfile, gzip and tarfile, streaming (never 1 GiB in
# memory), into benches/work/bombs/:
#   zip      one member of 1 GiB of zeros (deflate, ratio ~1,030:1)
#   nest     a 42.zip-style nest: 16 zips of 16 zips of 16 … five levels,
#            each leaf 1 GiB of zeros (scanned with the default depth, and
#            with --archive-depth 10)
#   gz       1 GiB of zeros as a single .gz file
#   targz    a tar.gz whose one member is 1 GiB of zeros
#
# Prints, per case: wall seconds, peak RSS, findings, warnings; exits 1 if a
# case is over a limit or misses a planted token. STANCH: the binary
# (default: a release build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/benches/work/bombs
rm -rf "$work"
mkdir -p "$work"
max_seconds=2
max_rss_kb=$((100 * 1024))

if [ -z "${STANCH:-}" ]; then
  cargo build --release --quiet
  STANCH=$root/target/release/stanch
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

python3 - "$work" <<'PY'
import gzip, io, os, sys, tarfile, zipfile, zlib
work = sys.argv[1]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def token(body):
    # A GitHub token with a valid CRC32/base62 checksum, assembled here so
    # that no complete token stands in this file.
    n, check = zlib.crc32(body.encode()), ""
    while n:
        check = B62[n % 62] + check
        n //= 62
    return "gh" + "p_" + body + check.rjust(6, "0")
CHUNK = bytes(8 << 20)
GIB = 1 << 30
def zeros(w):
    for _ in range(GIB // len(CHUNK)):
        w.write(CHUNK)
def case(name):
    d = os.path.join(work, name)
    os.makedirs(d)
    with open(os.path.join(d, "neighbour.py"), "w") as f:
        f.write('TOKEN = "%s"\n' % token("Nb7Rx2Lp6Ds9Fg3Kj0Zt5Yh8Qm1Wc4"))
    return d
inside = 'token = "%s"\n' % token("Qm1Wc4Nb7Rx2Lp6Ds9Fg3Kj0Zt5Yh8")

d = case("zip")
with zipfile.ZipFile(os.path.join(d, "bomb.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("zeros.bin", "w", force_zip64=True) as w:
        zeros(w)
    z.writestr("inside.txt", inside)

d = case("nest")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("0.dll", "w", force_zip64=True) as w:
        zeros(w)
level = buf.getvalue()
for depth in range(5):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for i in range(16):
            z.writestr("%d-%x.zip" % (depth, i), level)
        if depth == 4:
            z.writestr("inside.txt", inside)
    level = buf.getvalue()
with open(os.path.join(d, "42.zip"), "wb") as f:
    f.write(level)

d = case("gz")
with gzip.open(os.path.join(d, "disk.img.gz"), "wb", compresslevel=9) as w:
    zeros(w)

d = case("targz")
class Zeros(io.RawIOBase):
    def __init__(self): self.left = GIB
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), self.left)
        b[:n] = bytes(n)
        self.left -= n
        return n
with tarfile.open(os.path.join(d, "backup.tar.gz"), "w:gz", compresslevel=9) as t:
    info = tarfile.TarInfo("inside.txt"); info.size = len(inside)
    t.addfile(info, io.BytesIO(inside.encode()))
    info = tarfile.TarInfo("var/zeros.img"); info.size = GIB
    t.addfile(info, io.BufferedReader(Zeros(), 8 << 20))
PY

fail=0
# run CASE EXPECTED_FINDINGS [ARGS…]
run() {
  local name=$1 expected=$2
  shift 2
  local dir=$work/$name
  /usr/bin/time -v -o "$work/time.txt" "$STANCH" scan "$dir" --no-config -f json "$@" >"$work/out.json" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  python3 - "$work/out.json" "$name ${*:-}" "$wall" "$rss" "$expected" "$max_seconds" "$max_rss_kb" <<'PY' || fail=1
import json, sys
out, label, wall, rss, expected, max_s, max_kb = sys.argv[1:8]
doc = json.load(open(out))
n = sum(len(f["locations"]) for f in doc["findings"])
s = doc["summary"]["stats"]
print("%-20s %5.2f s  %4d MB  %d/%s planted tokens found  %d archives, %d members, %d skipped" % (
    label, float(wall), int(rss) // 1024, n, expected, s["archives"], s["members"], s["archive_skips"]))
for w in doc["summary"]["warnings"]:
    print("    warning: " + w)
ok = float(wall) <= float(max_s) and int(rss) <= int(max_kb) and n == int(expected)
sys.exit(0 if ok else 1)
PY
}

echo "stanch: $("$STANCH" --version); limits: ${max_seconds} s, $((max_rss_kb / 1024)) MB"
run zip 2
run nest 2
run nest 2 --archive-depth 10
run gz 1
run targz 2
if [ "$fail" -ne 0 ]; then
  echo "FAIL: a case was over a limit or missed a planted token" >&2
  exit 1
fi
echo "ok"
