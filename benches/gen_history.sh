# Sourced by benches/history.sh and benches/memory.sh: a synthetic history
# written with `git fast-import`, then repacked as a real repository would be.
# Needs GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 in the caller.

# gen_history DIR COMMITS FILES SECRETS: writes the repository, prints the
# number of distinct secrets planted (the expected finding count).
gen_history() {
  local dir=$1
  rm -rf "$dir"
  git init -q --bare "$dir"
  python3 - "$2" "$3" "$4" <<'PY' | git -C "$dir" fast-import --quiet --export-marks="$dir/marks" >/dev/null
import random, sys, zlib
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
commits, files, secrets = (int(a) for a in sys.argv[1:4])
rnd = random.Random(42)
words = "alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega value count index total buffer result".split()
alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
out = sys.stdout.buffer
def line():
    return "    %s_%d = %s(%s, %d)  # %s %s\n" % (rnd.choice(words), rnd.randrange(1000), rnd.choice(words), rnd.choice(words), rnd.randrange(100000), rnd.choice(words), rnd.choice(words))
paths = ["src/m%02d/f%04d.py" % (i % 50, i) for i in range(files)]
content = {p: ["def f():\n"] + [line() for _ in range(rnd.randrange(20, 60))] for p in paths}
plant_at = set(rnd.sample(range(1, commits), secrets))
planted = []   # (path, line text) still to delete later, for about a third of them
t = 1_600_000_000
def commit(n, changed, msg):
    global t
    t += 60
    out.write(b"commit refs/heads/main\n")
    out.write(("committer Bench <bench@example.com> %d +0000\n" % t).encode())
    m = msg.encode()
    out.write(b"data %d\n%s\n" % (len(m), m))
    for p in changed:
        data = "".join(content[p]).encode()
        out.write(("M 100644 inline %s\n" % p).encode())
        out.write(b"data %d\n%s\n" % (len(data), data))
commit(0, paths, "initial import")
for n in range(1, commits):
    changed = set(rnd.sample(paths, rnd.randrange(1, 4)))
    for p in changed:
        lines = content[p]
        i = rnd.randrange(1, len(lines) + 1)
        if rnd.random() < 0.5 and len(lines) > 10:
            lines[i - 1] = line() if not lines[i - 1].startswith("TOKEN") else lines[i - 1]
        else:
            lines.insert(i, line())
    if n in plant_at:
        p = rnd.choice(paths)
        # A valid CRC32/base62 checksum, as issued tokens have: a wrong one
        # is not reported by default, and the bench counts planted findings.
        body = "".join(rnd.choice(alnum) for _ in range(30))
        n62, check = zlib.crc32(body.encode()), ""
        while n62:
            check = B62[n62 % 62] + check
            n62 //= 62
        tok = "ghp_" + body + check.rjust(6, "0")
        text = 'TOKEN = "%s"\n' % tok
        content[p].insert(rnd.randrange(1, len(content[p]) + 1), text)
        changed.add(p)
        if len(planted) < secrets // 3:
            planted.append((p, text, n + rnd.randrange(5, 500)))
    for (p, text, when) in [x for x in planted if x[2] == n]:
        if text in content[p]:
            content[p].remove(text)
            changed.add(p)
    commit(n, sorted(changed), "change %d" % n)
out.write(b"done\n")
PY
  git -C "$dir" symbolic-ref HEAD refs/heads/main
  git -C "$dir" repack -adq
  rm -f "$dir/marks"
  echo "$4"
}
