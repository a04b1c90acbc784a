"""Picks a small corpus out of a minimised one: a greedy cover of libFuzzer's
features, at most N files and B bytes, so that the committed corpus stays
small yet keeps most of what the fuzzer reached (see fuzz/README.md).

usage: python3 fuzz/cover.py <merge control file> <out dir> [N=300] [B=2000000]
"""
import heapq
import os
import shutil
import sys


def main():
    mcf, out = sys.argv[1], sys.argv[2]
    max_files = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    max_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 2_000_000
    lines = open(mcf).read().split("\n")
    # The control file: the number of inputs, the number in the first
    # directory, the inputs' paths, then an `FT <index> <features…>` line per input.
    n = int(lines[0])
    paths = lines[2 : 2 + n]
    features = {}
    for line in lines[2 + n :]:
        parts = line.split()
        if parts and parts[0] == "FT":
            features[int(parts[1])] = set(parts[2:])
    covered, chosen, total = set(), [], 0
    # Lazy greedy: an input's gain only shrinks, so a stale entry is re-pushed.
    heap = [(-len(f), os.path.getsize(paths[i]), i) for i, f in features.items()]
    heapq.heapify(heap)
    while heap and len(chosen) < max_files:
        neg, size, i = heapq.heappop(heap)
        gain = len(features[i] - covered)
        if gain == 0:
            continue
        if gain < -neg:
            heapq.heappush(heap, (-gain, size, i))
            continue
        if total + size > max_bytes:
            continue
        chosen.append(i)
        covered |= features[i]
        total += size
    os.makedirs(out, exist_ok=True)
    for i in chosen:
        shutil.copy(paths[i], out)
    every = set().union(*features.values()) if features else set()
    print(f"{len(chosen)} files, {total} bytes, {len(covered)} of {len(every)} features")


if __name__ == "__main__":
    main()
