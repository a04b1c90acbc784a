#!/usr/bin/env python3
"""Generate a labelled, repository-like corpus of planted secrets and decoys.

    python3 gen.py OUT_DIR [--seed N] [--scale K]

Writes the tree into OUT_DIR and the answer key to OUT_DIR/../<name>.key.json
(outside the scanned tree).  Same seed and scale -> byte-identical output.
"""

import argparse
import codecs
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import formats as F  # noqa: E402
import configs as C  # noqa: E402
import templates as T  # noqa: E402
import encoded as E  # noqa: E402


class FileBuilder:
    def __init__(self, corpus, path, crlf=False, difficulty=None):
        self.corpus = corpus
        self.path = path
        self.crlf = crlf
        self.force = difficulty  # overrides the difficulty of every secret in the file
        self.lines = []
        self.items = []
        self.binary = None      # bytes written as they are (archives), instead of the lines
        self.encoding = "utf-8"  # or "utf-16-le" / "utf-16-be" for the whole file
        self.bom = False        # write a byte-order mark (UTF-16 only)

    @property
    def nlines(self):
        return len(self.lines)

    def raw(self, text):
        if text == "":
            self.lines.append("")
            return
        self.lines.extend(text.split("\n"))

    def put(self, text, *items):
        """Append `text` (may span lines) and record `items` found in it.

        Each item is a dict with at least secret/family/kind; its position is the
        first occurrence of item["at"] (a span to locate it by, dropped from the key),
        else of item["text"] (the literal as written), else of item["secret"]."""
        base = len(self.lines)
        for it in items:
            lit = it.get("at") or it.get("text") or it["secret"]
            idx = text.find(lit)
            if idx < 0:
                raise ValueError("literal not in snippet: %r\n%s" % (lit[:40], text[:400]))
            line = base + text.count("\n", 0, idx) + 1
            rec = dict(it)
            rec.pop("at", None)
            rec["path"] = self.path
            rec["line"] = line
            nl = lit.count("\n")
            if nl:
                rec["end_line"] = line + nl
                rec["multiline"] = True
            if self.force:
                rec["difficulty"] = self.force
            else:
                rec.setdefault("difficulty", "plain")  # for a decoy: the context only
            if rec.get("text") == rec["secret"]:
                del rec["text"]
            self.items.append(rec)
        self.raw(text)

    def content(self):
        nl = "\r\n" if self.crlf else "\n"
        return nl.join(self.lines) + nl

    def data(self):
        """The file's bytes: the lines in self.encoding, or self.binary."""
        if self.binary is not None:
            return self.binary
        b = self.content().encode(self.encoding)
        if self.bom:
            b = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[self.encoding] + b
        return b


class Corpus:
    def __init__(self, seed, scale):
        self.rng = random.Random(seed)
        self.scale = scale
        self.files = {}
        self.order = []
        self.bags = {}

    def file(self, path, crlf=False, difficulty=None):
        n = 2
        base, ext = os.path.splitext(path)
        while path in self.files:
            path = "%s_%d%s" % (base, n, ext)
            n += 1
        fb = FileBuilder(self, path, crlf, difficulty)
        self.files[path] = fb
        self.order.append(path)
        return fb

    def member(self, path, crlf=False, difficulty=None):
        """A builder for a file that goes into an archive, not into the tree."""
        return FileBuilder(self, path, crlf, difficulty)

    # ------------------------------------------------------------ values
    def token(self, variant=None, pool=None):
        """A fresh value of `variant`, or of a variant drawn from `pool` (a shuffled
        bag, so every provider appears about equally often)."""
        r = self.rng
        if variant is None:
            pool = tuple(pool or F.PROVIDER_VARIANTS)
            bag = self.bags.setdefault(pool, [])
            if not bag:
                bag.extend(pool)
                r.shuffle(bag)
            variant = bag.pop()
        family, gen, names, words = F.FAMILIES[variant]
        return T.Tok(variant, family, gen(r), r.choice(names), words)

    def write(self, out_dir):
        if os.path.exists(out_dir):
            shutil.rmtree(out_dir)
        os.makedirs(out_dir)
        items = []
        for path in sorted(self.order):
            fb = self.files[path]
            full = os.path.join(out_dir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(fb.data())
            items.extend(fb.items)
        items.sort(key=lambda i: (i["path"], i.get("inner_path", ""), i["line"], i["kind"], i["secret"]))
        name = os.path.basename(os.path.normpath(out_dir))
        key_path = os.path.join(os.path.dirname(os.path.abspath(out_dir)), name + ".key.json")
        with open(key_path, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "items": items}, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        return key_path, items


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=int, default=1)
    a = ap.parse_args()
    c = Corpus(a.seed, a.scale)
    ctx = T.Ctx(c)
    T.build_code(ctx)
    C.build_configs(ctx)
    E.build(ctx)  # last: the files above keep their bytes for a given seed
    key_path, items = c.write(a.out_dir)
    sec = sum(1 for i in items if i["kind"] == "secret")
    dec = len(items) - sec
    nbytes = sum(len(fb.data()) for fb in c.files.values())
    print("%s: %d files, %d bytes, %d secrets, %d decoys; key %s"
          % (a.out_dir, len(c.files), nbytes, sec, dec, key_path))


if __name__ == "__main__":
    main()
