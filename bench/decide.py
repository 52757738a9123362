#!/usr/bin/python3
"""Summarises the decision runs of the reconstruction benchmark (ReconstructionBenchmark --tsv):
per settings label and case, the median and range over the runs of R (recorded values whose
regime class the map reproduces), the recorded values reproduced with their spikes per burst,
the self-check passes and H (held-out values whose regime class is right), then applies the
rule of bench/results/reconstruction-2026-12-04.md against the label given as the default.

  bench/decide.py RUNS.tsv [DEFAULT_LABEL]
"""
import statistics, sys
from collections import defaultdict

COLS = ['label', 'train', 'seed', 'n', 'R', 'R_spb', 'passed', 'held', 'H', 'both_burst', 'spb_within_1', 'seconds', 'dimension']


def med_range(v):
    return f"{statistics.median(v):g} ({min(v):g}-{max(v):g})"


def main():
    rows = [dict(zip(COLS, l.rstrip('\n').split('\t'))) for l in open(sys.argv[1]) if l.strip()]
    default = sys.argv[2] if len(sys.argv) > 2 else 'default'
    by = defaultdict(list)
    for r in rows:
        by[(r['label'], int(r['n']))].append(r)
    print('| settings | training values | runs | R: recorded class right | recorded class and spikes per burst | self-check passed | H: held-out class right | state dimension | s |')
    print('|---|---|---|---|---|---|---|---|---|')
    stats = {}
    for (label, n), rs in sorted(by.items()):
        v = {k: [float(r[k]) for r in rs] for k in ['R', 'R_spb', 'passed', 'H', 'seconds', 'dimension']}
        stats[(label, n)] = v
        print(f"| {label} | {n} per set, {len(set(r['train'] for r in rs))} sets | {len(rs)} | {med_range(v['R'])} of {n} | "
              f"{med_range(v['R_spb'])} | {med_range(v['passed'])} | {med_range(v['H'])} of {rs[0]['held']} | {med_range(v['dimension'])} | {med_range(v['seconds'])} |")
    for (label, n), v in sorted(stats.items()):
        d = stats.get((default, n))
        if label == default or d is None:
            continue
        ok = (statistics.median(v['R']) > statistics.median(d['R']) and min(v['R']) >= min(d['R'])
              and statistics.median(v['H']) >= statistics.median(d['H']))
        print(f"\n{label} against {default} ({n} training values): {'qualifies' if ok else 'does not qualify'} "
              f"(median R {statistics.median(v['R']):g} vs {statistics.median(d['R']):g}, smallest R {min(v['R']):g} vs {min(d['R']):g}, "
              f"median H {statistics.median(v['H']):g} vs {statistics.median(d['H']):g})")


if __name__ == '__main__':
    main()
