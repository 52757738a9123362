#!/usr/bin/python3
"""The suggested-next-recording experiment: held-out regime classes right (kept map and ensemble majority) in a
base run, the same run with one recording more at the suggested value, and with one more at a random value, counted
over the grid values that none of the three runs recorded (so that the suggested value, itself a grid value, is left
out of all three alike).

    suggestion_table.py BASE.md SUGGESTED.md RANDOM.md [BASE2.md SUGGESTED2.md RANDOM2.md ...]

Each file is a ReconstructionBenchmark results file; BASE.md may hold several draws' sections (the one whose training
values are contained in SUGGESTED.md's is used)."""
import sys, statistics
from value_tables import sections

def counts(rows, exclude):
    held = [p for p in rows if p not in exclude]
    return sum(rows[p]['kept'] for p in held), sum(rows[p]['majority'] for p in held), len(held)

print("| base training values | suggested | random | held-out values | kept map right: base / suggested / random | majority right: base / suggested / random |")
print("|---|---|---|---|---|---|")
gains = {"sk": [], "rk": [], "sm": [], "rm": []}
args = sys.argv[1:]
for i in range(0, len(args), 3):
    (st, srows), = sections(args[i + 1])
    (rt, rrows), = sections(args[i + 2])
    base = [s for s in sections(args[i]) if set(s[0]) <= set(st)][0]
    bt, brows = base
    xs = [x for x in st if x not in bt][0]; xr = [x for x in rt if x not in bt][0]
    exclude = {round(x, 3) for x in st + rt}
    b, s, r = counts(brows, exclude), counts(srows, exclude), counts(rrows, exclude)
    gains["sk"].append(s[0] - b[0]); gains["rk"].append(r[0] - b[0]); gains["sm"].append(s[1] - b[1]); gains["rm"].append(r[1] - b[1])
    print(f"| {bt} | {xs} | {xr} | {b[2]} | {b[0]} / {s[0]} / {r[0]} | {b[1]} / {s[1]} / {r[1]} |")
med = lambda v: f"{statistics.median(v):+g} ({', '.join(f'{x:+d}' for x in v)})"
print(f"\nMedian gain over the base run, kept map: suggested {med(gains['sk'])}, random {med(gains['rk'])}; "
      f"majority: suggested {med(gains['sm'])}, random {med(gains['rm'])}.")
