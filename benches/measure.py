#!/usr/bin/env python3
"""Runs a command several times and prints median wall time, CPU time and peak RSS.

Usage: measure.py LABEL RUNS BYTES EXPECT -- CMD...
  BYTES   size of the input, for MB/s (0: not shown)
  EXPECT  expected finding count in the command's JSON stdout (-1: not checked)
Each run's rusage comes from wait4 on that process alone.
"""
import json
import os
import statistics
import subprocess
import sys
import time

def run_once(cmd, want_out):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE if want_out else subprocess.DEVNULL, stderr=subprocess.DEVNULL, shell=isinstance(cmd, str))
    out = p.stdout.read() if want_out else b""
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), out

def main():
    label, runs, nbytes, expect = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    cmd = sys.argv[6:] if sys.argv[5] == "--" else sys.argv[5:]
    if len(cmd) == 1:
        cmd = cmd[0]
    results = [run_once(cmd, expect >= 0) for _ in range(runs)]
    walls = [r[0] for r in results]
    cpu = statistics.median(r[1] for r in results)
    rss = max(r[2] for r in results)
    wall = statistics.median(walls)
    line = f"{label:<34} median {wall*1000:9.1f} ms  (min {min(walls)*1000:.1f})  cpu {cpu*1000:9.1f} ms  peak RSS {rss:6.1f} MB"
    if nbytes:
        line += f"  {nbytes / 1e6 / wall:8.1f} MB/s"
    if expect >= 0:
        doc = json.loads(results[-1][4])
        n = len(doc["findings"])
        line += f"  findings {n}"
        if n != expect:
            print(line)
            print(f"FAIL: {label}: expected {expect} findings, got {n}", file=sys.stderr)
            sys.exit(1)
    print(line, flush=True)

if __name__ == "__main__":
    main()
