"""The per-value tables of ReconstructionBenchmark results files, read once for every script here.

A row: | p | seen | true regime | map regime | class | ensemble (members agreeing) | ... (10 cells)."""
import re


def regime_class(label):
    """The label's class, as Explorer.regimeClass: 'bursting-3 (coexists ...)' -> 'bursting'."""
    return re.sub(r'-\d+$', '', label.split(' (')[0].strip())


def sections(path):
    """Per case section: its training values and, per grid value rounded to 3 decimals, a dict with seen,
    kept (the kept map's class right, the benchmark's own judgement), majority (the ensemble's majority
    class right) and agreeing (members sharing the majority's regime)."""
    out, train, rows = [], None, None
    for line in open(path):
        m = re.search(r'trained at I = \[([^\]]*)\]', line)
        if m:
            if rows: out.append((train, rows))
            train, rows = [float(x) for x in m.group(1).split(',')], {}
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if rows is not None and len(cells) == 10 and re.match(r'^\d+\.\d+$', cells[0]):
            agreeing = re.search(r'\((\d+) of \d+\)', cells[5])
            rows[round(float(cells[0]), 3)] = dict(
                seen=cells[1] == 'yes', kept=cells[4] == 'agree',
                majority=regime_class(cells[5]) == regime_class(cells[2]),
                agreeing=int(agreeing.group(1)) if agreeing else 1)
    if rows: out.append((train, rows))
    return out
