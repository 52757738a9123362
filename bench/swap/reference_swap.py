#!/usr/bin/python3
"""Swaps the parts of the reconstruction between the plugin and an independent PyTorch
implementation of the same recipe, on identical traces (bench/results: the swap table).

Both sides exchange plain .npy files in one folder per run:
  traces/  x_<k>.npy (the recorded traces, float64) and params.txt (one value per trace)
  states/  z_<k>.npy (recovered states, rows aligned with samples span..end of trace k) and
           x_<k>.npy (the trace samples those rows end at), params.txt
  orbits/  o_<i>.npy (iterated states of the map at grid value i) and grid.txt

Commands (the PyTorch implementation's folder is given with --reference):
  traces   simulate Hindmarsh-Rose at the training values (4000 time units at dt 0.5)
  states   the PyTorch autoencoder's recovered states of a traces folder
  map      the PyTorch map trained on a states folder, iterated on a grid
  table    the swap table (median and range over seeds) of the judgements in a --json file
  judge    decodes orbits with the states->sample table of the states folder (nearest
           neighbours, the same for both sides' orbits) and classifies map and truth with the
           same fixed thresholds (Hindmarsh-Rose: 0, re-arm 0.5 below)
The plugin's side is org.neurodynamics.bench.ReferenceSwap (states, map).
"""
import argparse, json, os, sys
import numpy as np


def load_reference(path):
    sys.path.insert(0, os.path.abspath(path))
    import ref_pipeline, models
    return ref_pipeline, models


def read_params(folder):
    with open(os.path.join(folder, 'params.txt')) as f:
        return [float(x) for x in f.read().split()]


def write_params(folder, ps, name='params.txt'):
    with open(os.path.join(folder, name), 'w') as f:
        f.write('\n'.join(repr(float(p)) for p in ps) + '\n')


def cmd_traces(a, ref, models):
    os.makedirs(a.out, exist_ok=True)
    ps = [float(x) for x in a.train.split(',')]
    for k, p in enumerate(ps):
        v = ref.sim_series('hr', p, a.t_train, a.cache)[::10]  # dt 0.05 -> 0.5
        np.save(os.path.join(a.out, f'x_{k}.npy'), v.astype(np.float64))
    write_params(a.out, ps)


def cmd_states(a, ref, models):
    import torch
    ps = read_params(a.traces)
    segs = [np.load(os.path.join(a.traces, f'x_{k}.npy')) for k in range(len(ps))]
    vall = np.concatenate(segs)
    vm, vs = vall.mean(), vall.std()
    Rs = [ref.delay_embed((s - vm) / vs, a.de, a.bins, a.width) for s in segs]
    X = np.concatenate(Rs)
    torch.manual_seed(a.seed); np.random.seed(a.seed)
    vae, hist, t = ref.train_vae(X, a.latent, [256, 128], a.epochs, a.beta, a.lr, 256, a.seed, 0)
    vae.eval()
    with torch.no_grad():
        mu, lv = vae.encode(torch.from_numpy(X))
        kl = ref.kl_per_latent(mu, lv).mean(0).numpy()
    act = np.sort(np.argsort(-kl)[:a.active]) if a.active else np.where(kl > 0.1)[0]
    os.makedirs(a.out, exist_ok=True)
    span = a.de - 1 + a.bins * a.width
    with torch.no_grad():
        for k, R in enumerate(Rs):
            z = vae.encode(torch.from_numpy(R))[0].numpy()[:, act]
            np.save(os.path.join(a.out, f'z_{k}.npy'), np.ascontiguousarray(z, dtype=np.float32))
            np.save(os.path.join(a.out, f'x_{k}.npy'), segs[k][span:].astype(np.float64))
    write_params(a.out, ps)
    print(f'reference autoencoder: KL {np.round(kl, 3).tolist()}, active {act.tolist()}, {t:.0f} s')


def cmd_map(a, ref, models):
    import torch
    ps = read_params(a.states)
    Z = [np.load(os.path.join(a.states, f'z_{k}.npy')).astype(np.float64) for k in range(len(ps))]
    Zc = np.concatenate(Z)
    zm, zs = Zc.mean(0), Zc.std(0) + 1e-8
    Zn = [((z - zm) / zs).astype(np.float32) for z in Z]
    pm, psd = float(np.mean(ps)), float(np.std(ps)) if len(ps) > 1 else 1.0
    Pn = [(p - pm) / psd for p in ps]
    np.random.seed(a.seed); torch.manual_seed(a.seed)
    net, inc_std, *_ = ref.train_map(Zn, Pn, [128, 128, 128], a.epochs, 1e-3, 256, a.seed, a.noise, a.rollout, 0,
                                     rollout_noise=a.rollout_noise)
    net.eval()
    grid = parse_grid(a.grid, ps)
    z0 = np.array([Zn[int(np.argmin(np.abs(np.array(ps) - p)))][len(Zn[0]) // 3] for p in grid], dtype=np.float32)
    z = torch.from_numpy(z0)
    pg = torch.tensor([[(p - pm) / psd] for p in grid], dtype=torch.float32)
    out = np.empty((a.steps, len(grid), z0.shape[1]), dtype=np.float32)
    with torch.no_grad():
        for n in range(a.transient + a.steps):
            z = torch.nan_to_num(z + net(z, pg) * inc_std, nan=1e6).clamp(-1e6, 1e6)
            if n >= a.transient:
                out[n - a.transient] = z.numpy()
    save_orbits(a.out, grid, [out[:, i] * zs + zm for i in range(len(grid))])


def parse_grid(spec, train):
    a, b, n = spec.split(':')
    g = list(np.round(np.linspace(float(a), float(b), int(n)), 6))
    return sorted(set(g) | set(train))


def save_orbits(folder, grid, orbits):
    os.makedirs(folder, exist_ok=True)
    for i, o in enumerate(orbits):
        np.save(os.path.join(folder, f'o_{i}.npy'), np.asarray(o, dtype=np.float32))
    write_params(folder, grid, 'grid.txt')


def cmd_judge(a, ref, models):
    from scipy.spatial import cKDTree
    ps = read_params(a.states)
    Z = np.concatenate([np.load(os.path.join(a.states, f'z_{k}.npy')) for k in range(len(ps))]).astype(np.float64)
    X = np.concatenate([np.load(os.path.join(a.states, f'x_{k}.npy')) for k in range(len(ps))])
    zm, zs = Z.mean(0), Z.std(0) + 1e-12
    tree = cKDTree((Z - zm) / zs)
    with open(os.path.join(a.orbits, 'grid.txt')) as f:
        grid = [float(x) for x in f.read().split()]
    rows = []
    for i, p in enumerate(grid):
        o = np.load(os.path.join(a.orbits, f'o_{i}.npy')).astype(np.float64)
        if not np.all(np.isfinite(o)) or np.abs((o - zm) / zs).max() > 50:
            cm = dict(regime='diverged', spb=float('nan'))
        else:
            _, idx = tree.query((o - zm) / zs, k=3)
            cm = ref.classify(X[idx].mean(1), 0.5, 0.0, 0.5)
        vo = ref.sim_series('hr', p, 4000., a.cache)[::10][:len(o)]
        co = ref.classify(vo, 0.5, 0.0, 0.5)
        seen = any(abs(p - q) < 1e-9 for q in ps)
        same = co['regime'].split('-')[0] == cm['regime'].split('-')[0]
        spb_ok = same and (not co['regime'].startswith('bursting') or abs(co['spb'] - cm['spb']) <= 1)
        rows.append(dict(p=p, seen=seen, true=co['regime'], map=cm['regime'], same=bool(same), spb_ok=bool(spb_ok)))
    rec = [r for r in rows if r['seen']]
    held = [r for r in rows if not r['seen']]
    summary = dict(label=a.label, recorded_class=sum(r['same'] for r in rec), recorded_spb=sum(r['spb_ok'] for r in rec),
                   recorded=len(rec), heldout_class=sum(r['same'] for r in held), heldout=len(held),
                   recorded_regimes=' '.join(r['map'] for r in rec), rows=rows)
    print(f"{a.label}: recorded {summary['recorded_class']}/{len(rec)} (spikes per burst within 1: {summary['recorded_spb']}), "
          f"held-out {summary['heldout_class']}/{len(held)} | map at recorded: {summary['recorded_regimes']} | "
          f"truth: {' '.join(r['true'] for r in rec)}")
    if a.json:
        with open(a.json, 'a') as f:
            f.write(json.dumps(summary) + '\n')


def cmd_table(a, ref, models):
    from collections import defaultdict
    runs = defaultdict(list)
    for line in open(a.json):
        d = json.loads(line)
        name, states, seed = d['label'].rsplit(' ', 2)
        runs[(name, states)].append(d)
    med = lambda v: f"{np.median(v):g} ({min(v):g}-{max(v):g})"
    any_run = next(iter(runs.values()))[0]
    print(f"| map training | recovered states | seeds | recorded class right (of {any_run['recorded']}) | "
          f"with spikes per burst within 1 | held-out class right (of {any_run['heldout']}) |")
    print('|---|---|---|---|---|---|')
    for (name, states), ds in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"| {name} | {states.split('=')[1]} | {len(ds)} | {med([d['recorded_class'] for d in ds])} | "
              f"{med([d['recorded_spb'] for d in ds])} | {med([d['heldout_class'] for d in ds])} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', choices=['traces', 'states', 'map', 'judge', 'table'])
    ap.add_argument('--reference', required=True, help='folder of the PyTorch implementation (ref_pipeline.py, models.py)')
    ap.add_argument('--traces'); ap.add_argument('--states'); ap.add_argument('--orbits'); ap.add_argument('--out')
    ap.add_argument('--train', default='1.4,2.1,2.8,3.5'); ap.add_argument('--t-train', type=float, default=4000.)
    ap.add_argument('--grid', default='1.2:4.0:16')
    ap.add_argument('--de', type=int, default=40); ap.add_argument('--bins', type=int, default=26); ap.add_argument('--width', type=int, default=10)
    ap.add_argument('--latent', type=int, default=4); ap.add_argument('--active', type=int, default=0)
    ap.add_argument('--beta', type=float, default=0.003); ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--epochs', type=int, default=40)
    ap.add_argument('--noise', type=float, default=0.05); ap.add_argument('--rollout', type=int, default=8)
    ap.add_argument('--rollout-noise', type=float, default=0.02)
    ap.add_argument('--transient', type=int, default=4000); ap.add_argument('--steps', type=int, default=8000)
    ap.add_argument('--seed', type=int, default=0); ap.add_argument('--label', default=''); ap.add_argument('--json', default='')
    a = ap.parse_args()
    a.cache = os.environ.get('REF_CACHE') or os.path.join(os.path.expanduser('~'), '.cache', 'nd-reference')
    import torch
    torch.set_num_threads(1)
    ref, models = load_reference(a.reference)
    globals()['cmd_' + a.command](a, ref, models)


if __name__ == '__main__':
    main()
