#!/usr/bin/python3
"""Every (map, states) row of a judgements file (reference_swap.py judge --json): runs, median and
range of recorded class right, with spikes per burst within 1, held-out class right, and each run
as recorded/held-out.   runs_table.py judge.jsonl"""
import json, sys, numpy as np
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    d = json.loads(line); name, states, seed = d['label'].rsplit(' ', 2)
    runs[(name, states.split('=')[1])].append(d)
med = lambda v: f"{np.median(v):g} ({min(v):g}-{max(v):g})"
for k, ds in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print(f"| {k[0]} | {k[1]} | {len(ds)} | {med([d['recorded_class'] for d in ds])} | {med([d['recorded_spb'] for d in ds])} | {med([d['heldout_class'] for d in ds])} | "
          + ', '.join(f"{d['recorded_class']}/{d['heldout_class']}" for d in sorted(ds, key=lambda d: d['label'])) + " |")
