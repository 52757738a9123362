#!/usr/bin/env python3
"""How often the ensemble is right where its members agree, from the per-value tables of
ReconstructionBenchmark (column "ensemble (members agreeing)"): over the held-out values (the
"seen" column empty), those where at least K members share the majority's regime class, and of
those, where that class is the truth's. Regime class = the label before its dash (as
Explorer.regimeClass), so bursting-2 and bursting-3 are one class.

    python3 bench/random/agreement_table.py K table.md [table.md ...]
"""
import re
import sys


def cls(label):
    return label.strip().split('-')[0]


def main(k, paths):
    total_agree = total_right = 0
    print('| table | held-out values | kept map right | majority right | at least %d agree | of those right |' % k)
    print('|---|---|---|---|---|---|')
    for path in paths:
        held = kept = major = agree = right = 0
        for line in open(path):
            m = re.match(r'\|\s*[0-9.]+\s*\|([^|]*)\|([^|]*)\|([^|]*)\|[^|]*\|\s*([^|(]+)\((\d+) of (\d+)\)', line)
            if not m or m.group(1).strip():
                continue
            truth, mapped, ens, n = cls(m.group(2)), cls(m.group(3)), cls(m.group(4)), int(m.group(5))
            held += 1
            kept += mapped == truth
            major += ens == truth
            if n >= k:
                agree += 1
                right += ens == truth
        total_agree += agree
        total_right += right
        print('| %s | %d | %d | %d | %d | %d |' % (path.split('/')[-1], held, kept, major, agree, right))
    if total_agree:
        print('\nwhere at least %d agree: right at %d of %d (%.0f %%)' % (k, total_right, total_agree, 100.0 * total_right / total_agree))


if __name__ == '__main__':
    main(int(sys.argv[1]), sys.argv[2:])
