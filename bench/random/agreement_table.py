#!/usr/bin/env python3
"""How often the ensemble is right where its members agree, from the per-value tables of
ReconstructionBenchmark (column "ensemble (members agreeing)"): over the held-out values (the
"seen" column empty), those where at least K members share the majority's regime class, and of
those, where that class is the truth's. Regime class as Explorer.regimeClass, so bursting-2 and
bursting-3 are one class.

    python3 bench/random/agreement_table.py K table.md [table.md ...]
"""
import sys

from value_tables import sections


def main(k, paths):
    total_agree = total_right = 0
    print('| table | held-out values | kept map right | majority right | at least %d agree | of those right |' % k)
    print('|---|---|---|---|---|---|')
    for path in paths:
        held = [r for _, rows in sections(path) for r in rows.values() if not r['seen']]
        agree = [r for r in held if r['agreeing'] >= k]
        right = sum(r['majority'] for r in agree)
        total_agree += len(agree)
        total_right += right
        print('| %s | %d | %d | %d | %d | %d |' % (path.split('/')[-1], len(held), sum(r['kept'] for r in held),
                                                   sum(r['majority'] for r in held), len(agree), right))
    if total_agree:
        print('\nwhere at least %d agree: right at %d of %d (%.0f %%)' % (k, total_right, total_agree, 100.0 * total_right / total_agree))


if __name__ == '__main__':
    main(int(sys.argv[1]), sys.argv[2:])
