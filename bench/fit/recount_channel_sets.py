#!/usr/bin/env python3
"""Re-counts the held-out spike counts of the channel-set tables with the plugin's one rule
(SpikeDetector.countsAgree: within 20 % or one spike, silent exactly where the recording is)
and says which set the automatic choice keeps (HeldOutSweeps.isBetterThan: fraction of
held-out spiking sweeps right, then the smaller mean steady-state error, first set on ties).

    python3 bench/fit/recount_channel_sets.py bench/results/channel-sets-2026-12-07.md
"""
import sys


def agree(rec, pred):
    if (rec == 0) != (pred == 0):
        return False
    return abs(pred - rec) <= max(1, 0.2 * rec)


def tables(lines):
    title, rows = None, []
    for line in lines:
        if line.startswith('### '):
            if rows:
                yield title, rows
            title, rows = line[4:].strip(), []
        elif line.startswith('| ') and title and not line.startswith('| currents') and '/' in line:
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if len(cells) >= 7:
                rows.append(cells)
        elif rows and not line.strip().startswith('|'):
            yield title, rows
            title, rows = None, []
    if rows:
        yield title, rows


def main(path):
    with open(path) as f:
        lines = f.readlines()
    for title, rows in tables(lines):
        print('### ' + title + '\n')
        print('| currents | held-out spiking counts right (one rule) | before | mean steady state off (mV) |')
        print('|---|---|---|---|')
        best = None
        for cells in rows:
            pairs = [tuple(int(x) for x in p.split('/')) for p in cells[5].split()]
            spiking = [(r, m) for r, m in pairs if r > 0]
            right = sum(agree(r, m) for r, m in spiking)
            mean = float(cells[4].split(',')[1].split()[0])
            key = (-right / len(spiking), mean)
            if best is None or key < best[0]:
                best = (key, cells[0], right, len(spiking), mean)
            print('| %s | %d of %d | %s | %.1f |' % (cells[0], right, len(spiking), cells[3], mean))
        print('\nkept: %s (%d of %d, %.1f mV)\n' % (best[1], best[2], best[3], best[4]))


if __name__ == '__main__':
    main(sys.argv[1])
