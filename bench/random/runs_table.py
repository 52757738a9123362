#!/usr/bin/python3
"""Medians and ranges over the runs of a random-draw summary file (ReconstructionBenchmark --tsv), one row
per settings label and training-set size: recorded regime classes reproduced, held-out classes right (the
kept map, and the ensemble's majority where recorded), and the held-out values where every member agrees
with how many of them the majority gets right.   runs_table.py runs.tsv"""
import sys, statistics
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    f = line.rstrip('\n').split('\t')
    runs[(f[0], int(f[3]))].append(f)
med = lambda v: f"{statistics.median(v):g} ({min(v)}-{max(v)})" if v else "-"
print("| settings | currents | runs | recorded classes | held-out classes (kept map) | held-out classes (majority) | unanimous held-out values right | seconds | each run recorded/held-out |")
print("|---|---|---|---|---|---|---|---|---|")
for (label, n), rs in sorted(runs.items()):
    rec = [int(r[4]) for r in rs]; held = [int(r[8]) for r in rs]
    maj = [int(r[14]) for r in rs if len(r) > 14]
    una = sum(int(r[15]) for r in rs if len(r) > 15); una_ok = sum(int(r[16]) for r in rs if len(r) > 16)
    secs = [int(float(r[11])) for r in rs]
    ns = sorted({int(r[7]) for r in rs}); of = f"{ns[0]}" if len(ns) == 1 else f"{ns[0]}-{ns[-1]}"
    print(f"| {label} | {n} | {len(rs)} | {med(rec)} /{n} | {med(held)} /{of} | {med(maj) if maj else '-'} | "
          f"{una_ok} of {una} ({len(maj)} runs) | {med(secs)} | " + ", ".join(f"{r[4]}/{r[8]}" for r in sorted(rs, key=lambda r: (r[2], r[1]))) + " |")
